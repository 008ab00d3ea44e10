"""Naming: parties the text names only by words, placed through the knowledge base.

A role is often filled by words alone: "a young inmate", "the journalist Moussa Tchangari",
"one of two men", "Gul Rahman, a suspected militant". `participants.py` keeps only parties the
knowledge base codes or sectors, so such a target used to give way to a country merely implied
by the event's place ("tortured a young inmate to death in western Iran" read as aimed at Iran).
This stage, run right after the participants are read (`sentence.py`), takes the target the text
states (`participants.stated_target`) and, when it names a person or a group, places it:

- its sector from the agents/sectors tables (`data/sectors*.tsv`): its head noun, a noun that
  modifies it ("the opposition leader") or one that describes it in an apposition ("Gul Rahman,
  a suspected militant");
- its country from a nationality or country word inside the phrase ("Iraqi officials"), else
  from the event's place (`sentence.py`, as for "police in Caracas").

A thing ("the terrorist attack", "curfew hours") is no party: it is left to the implied
recipients (`recipients.py`) and, failing those, named unresolved (`participants.name_unresolved`).
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.coding.candidate import Context
from sitrep.coding.lexicon import Trigger
from sitrep.coding.participants import stated_target
from sitrep.coding.roles import NOT_AN_ACTOR, PRONOUNS, actors_of, conjuncts
from sitrep.entities.mentions import Mentions
from sitrep.model import Actor

# Entity labels of a person or a people named by words the knowledge base may not code.
PARTY_LABELS = {"PERSON", "NORP"}

# Dependencies under a person's name that describe who the person is.
DESCRIBING = {"appos", "compound", "amod", "nmod"}


def named_target(trigger, row: Trigger, ctx: Context, actor: list[Actor]) -> list[Actor]:
    """The stated target of a trigger when it is a person or a group named by words, placed as
    far as the knowledge base allows; [] when the text states none or names a thing."""
    target = stated_target(trigger, row, ctx)
    if target is None or target.i == trigger.i or target.lower_ in PRONOUNS:
        return []
    found = [party for head in conjuncts(target)
             for party in _party(head, ctx.mentions, ctx.kb.sectors)]
    own = {a.code for a in actor if a.code}
    return [p for p in found if not (p.code and p.code in own and p.sector is None)]


def _party(head, mentions: Mentions, sectors: dict[str, str]) -> list[Actor]:
    """The parties one head names: what `actors_of` finds, else a person's or people's name the
    knowledge base does not know, described by the sector words around it."""
    # a name the knowledge base codes without a sector (a country, a place) was weighed by
    # `participants.py` already; here only groups named by their sector words
    found = [a for a in actors_of(head, mentions, sectors)
             if a.sector and a.sector != NOT_AN_ACTOR]
    mention = mentions.at(head)
    if mention is None or mention.label not in PARTY_LABELS:
        return found
    if found and all(a.sector for a in found):
        return found
    described = described_sector(head, sectors)
    if found:
        return [replace(a, sector=a.sector or described) for a in found]
    return [Actor(entity_text=head.doc.text[mention.start:mention.end], sector=described,
                  confidence=0.3)]


def described_sector(head, sectors: dict[str, str]) -> str | None:
    """The sector of the words that describe a name: "the journalist X" (a noun before it),
    "X, a suspected militant" (an apposition after it)."""
    for child in head.children:
        if child.dep_ not in DESCRIBING or child.pos_ not in {"NOUN", "PROPN"}:
            continue
        for word in (child.lower_, child.lemma_.lower()):
            sector = sectors.get(word)
            if sector and sector != NOT_AN_ACTOR:
                return sector
    return None
