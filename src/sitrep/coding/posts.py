"""Groups and people named by words a knowledge base lookup of one word misses: two words the
agent dictionaries list together ("peacekeeping troops"), and a name no one tagged or knows,
known by the post an apposition gives it in a political body ("Jane Roe, a spokeswoman for the
U.N."). `phrase_actors.py` asks this module while it reads a noun phrase's parties.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sitrep.coding.party_phrase import phrase
from sitrep.coding.relevance import POLITICAL, sector_standing
from sitrep.entities.mentions import Mention, Mentions
from sitrep.model import Actor
from sitrep.resources import word_class

# `phrase_actors.actors_of`, passed in by `phrase_actors.py` (which imports this module)
ActorsOf = Callable[..., list[Actor]]

POST_NOUNS = word_class("post_nouns")


# Prepositions that tie a post to the body it is held in: "a spokeswoman for the U.N.", "an
# official of the Interior Ministry", "a senior adviser at the Foreign Office".
POST_PREPS = {"for", "of", "at"}


def post_body(head, mentions: Mentions, actors_of: ActorsOf) -> Actor | None:
    """The political body a name holds a post in, as an apposition describes it ("Jane Roe,
    an envoy of the U.N.'s refugee agency", "John Doe, an official of the
    Interior Ministry"): the body's actor, if the body is a coded or listed political one (a
    political sector, `data/political_sectors.tsv`); a company's spokesman is no one's post."""
    if mentions.kb is None:
        return None
    for post in head.children:
        if post.dep_ != "appos" or post.pos_ != "NOUN" or post.lemma_.lower() not in POST_NOUNS:
            continue  # "X, a critic of the government" holds no post in it
        for prep in post.children:
            if prep.dep_ != "prep" or prep.lower_ not in POST_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for body in actors_of(pobj, mentions, mentions.kb.sectors):
                    if (body.code or body.kb_id) and \
                            sector_standing().get(body.sector or "") == POLITICAL:
                        return body
    return None


def phrase_sector(head, sectors: dict[str, str]) -> str | None:
    """The sector of a group named by two words the agent dictionaries list together, where the
    modifier changes the kind ("peacekeeping troops" are an IGO's, "troops" a state's)."""
    for child in head.children:
        if child.dep_ in {"compound", "amod"} and child.i == head.i - 1:
            found = sectors.get(f"{child.lower_} {head.lower_}")
            if found:
                return found
    return None


def named_in_apposition(head, owner: Mention, mentions: Mentions) -> Actor | None:
    """The person a group noun of no sector names in apposition ("his Pakistani counterpart
    Imran Khan", "her Lebanese counterpart, Michel Aoun"): that person, placed by the owner's
    country where the knowledge base does not know them; not the nationality word alone."""
    for child in head.children:
        named = mentions.at(child) if child.dep_ == "appos" and child.i > head.i else None
        if named is not None and named.label == "PERSON" and named.actor is not None:
            actor = replace(named.actor)
            if actor.code is None:
                actor.code = owner.actor.code if owner.actor else None
            return actor
    return None


# Nouns for those who oppose a party: "the president's critics", "opponents of the government".
OPPOSING_NOUNS = word_class("opposing_nouns")
# Sectors a party's opponents are the opposition to (OPP): those who govern.
GOVERNING = {"GOV"}
# Modifiers that put a government's critics abroad: not its country's opposition.
FOREIGN_WORDS = word_class("foreign_words")


# Nouns for a party's kin: "the president's relatives", "families of the detained" (PLOVER's
# agent list codes FAMILY as civilians, CVL).
KIN_NOUNS = word_class("kin_nouns")


def others_of(head, mentions: Mentions, actors_of: ActorsOf) -> list[Actor]:
    """Those a group noun sets apart from the party that owns it: its opponents
    (`opposition_of`) or its kin (`kin_of`), not the party itself."""
    return opposition_of(head, mentions, actors_of) or kin_of(head, mentions, actors_of)


def _owners(head) -> list:
    """The party a group noun is of: its possessor or the object of its "of"."""
    return [c for c in head.children if c.dep_ == "poss"] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children if g.dep_ == "pobj"]


def kin_of(head, mentions: Mentions, actors_of: ActorsOf) -> list[Actor]:
    """A party's kin ("relatives of the Kenyan president", "the minister's family"): civilians
    (CVL) of the party's country, not the party (a head of state's relatives hold no office)."""
    if head.lemma_.lower() not in KIN_NOUNS or head.dep_ == "appos":
        return []
    return _tied_to_owner(head, mentions, actors_of, "CVL", lambda owner: bool(owner.code))


def opposition_of(head, mentions: Mentions, actors_of: ActorsOf) -> list[Actor]:
    """Those who oppose a government or its head ("Ruto's critics", "rivals of the government of
    Prime Minister X"): the political opposition (OPP) of its country; the opponents of anyone
    else (a company's rivals, a law's opponents) are placed by nothing here, nor is one person
    a critic describes ("Jane Roe, a critic of the government": of no stated nationality)."""
    if head.lemma_.lower() not in OPPOSING_NOUNS or head.dep_ == "appos" or any(
            c.dep_ == "appos" or c.dep_ == "amod" and c.lower_ in FOREIGN_WORDS
            for c in head.children) or _named_in_partitive(head):
        # "X's strongest rival, Jane Roe": the person named is the party; "the Kremlin's
        # foreign critics" are no one's opposition at home
        return []
    return _tied_to_owner(head, mentions, actors_of, "OPP",
                          lambda owner: bool(owner.code) and owner.sector in GOVERNING)


def _tied_to_owner(head, mentions: Mentions, actors_of: ActorsOf, sector: str,
                   accepts: Callable[[Actor], bool]) -> list[Actor]:
    """The group a noun names, of its owner's country and a sector of its own, when the owner
    (`_owners`) is a party `accepts` takes."""
    if mentions.kb is None:
        return []
    return [Actor(entity_text=phrase(head, party=True), code=a.code, sector=sector, confidence=0.5)
            for owner in _owners(head)[:1] for a in actors_of(owner, mentions, mentions.kb.sectors)
            if accepts(a)][:1]


def _named_in_partitive(head) -> bool:
    """"one of the Kremlin's critics, Jane Roe", "X's rival, former general John Doe,": a person
    named right after the phrase, set off by a comma (the parser often hangs it on the verb), is
    the party the critic or rival is."""
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.i != prep.i and any(
            c.dep_ == "appos" for c in prep.head.children):
        return True
    doc, comma = head.doc, head.right_edge.i + 1
    if comma >= len(doc) - 1 or doc[comma].text != ",":
        return False
    return any(ent.label_ == "PERSON" and comma < ent.start <= comma + 5 and not any(
        t.pos_ in {"VERB", "AUX"} or t.is_punct for t in doc[comma + 1:ent.start])
        for ent in doc.ents)
