"""Naming: parties the text names only by words, placed through the knowledge base.

A role is often filled by words alone: "a young inmate", "the journalist Moussa Tchangari",
"one of two men", "Gul Rahman, a suspected militant", a body the entity model missed ("Immigration
and Customs Enforcement returned ..."). `participants.py` asks this module to place such a party:

- `place_party`: a group by its sector words (`data/sectors*.tsv`): its head noun, a noun that
  modifies it ("opposition leaders") or one that describes a name in an apposition ("Gul Rahman,
  a suspected militant"); its country from a nationality or country word inside the phrase
  ("Iraqi officials"), else later from the event's place (`build.py`, "police in Caracas");
- `known_name`: a proper name the knowledge base lists whole though no mention covers it.

A thing ("the terrorist attack", "curfew hours") is no party: `place_party` gives nothing, and the
coder leaves it to the implied recipients (`recipients.py`) and, failing those, names it
unresolved (`targets.name_unresolved`).
"""

from __future__ import annotations

from dataclasses import replace

from sitrep.coding.phrase_actors import actors_of
from sitrep.coding.roles import NOT_AN_ACTOR
from sitrep.entities.mentions import Mentions
from sitrep.model import Actor

# Entity labels of a person or a people named by words the knowledge base may not code.
PARTY_LABELS = {"PERSON", "NORP"}

# Dependencies under a person's name that describe who the person is.
DESCRIBING = {"appos", "compound", "amod", "nmod"}


def place_party(head, mentions: Mentions, sectors: dict[str, str]) -> list[Actor]:
    """The parties one head names: what `actors_of` finds, else a person's or people's name the
    knowledge base does not know, described by the sector words around it."""
    # a name the knowledge base codes without a sector (a country, a place) was weighed by
    # `participants.py` already; here only groups named by their sector words
    found = [a for a in actors_of(head, mentions, sectors)
             if a.sector and a.sector != NOT_AN_ACTOR]
    mention = mentions.at(head)
    if mention is None and not found:
        known = known_name(head, mentions)
        return [known] if known is not None else []
    if mention is None or mention.label not in PARTY_LABELS:
        return found
    if found and all(a.sector for a in found):
        return found
    described = described_sector(head, sectors)
    if found:
        return [replace(a, sector=a.sector or described) for a in found]
    return [Actor(entity_text=mentions.words(mention, head.doc), sector=described, confidence=0.3)]


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


# Words that end a name read leftwards from its head ("returned 12 paintings", "their").
NOT_IN_NAMES = {"VERB", "AUX", "NUM", "PRON", "PUNCT", "SCONJ"}


# How sure a resolution of a name no mention covers must be: a whole name the knowledge base lists.
KNOWN_NAME_CONFIDENCE = 0.9


def known_name(head, mentions: Mentions) -> Actor | None:
    """A proper name the knowledge base lists whole, where the entity model tagged none ("the
    Islamic State group", "Immigration and Customs Enforcement"): the name's own words (the head,
    its compounds and their "and"/"of" links), resolved as a body."""
    if head.pos_ != "PROPN" or mentions.kb is None:
        return None
    words = [t for t in head.subtree
             if t.i <= head.i and not (t.dep_ == "det" and t.i == head.left_edge.i)]
    if not words or any(t.pos_ in NOT_IN_NAMES for t in words):
        return None
    text = head.doc[words[0].i:head.i + 1].text
    actor = mentions.resolve_words(text, "ORG")
    if actor.kb_id and actor.confidence >= KNOWN_NAME_CONFIDENCE and (actor.code or actor.sector):
        return actor
    return None
