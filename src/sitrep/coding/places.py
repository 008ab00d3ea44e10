"""Places: where an event happened, read off the dependency parse of the trigger's clause.

Works on spaCy tokens and the document's `Mentions` (entities/mentions.py). Hands on the first
place a preposition reaches in the trigger's own clause (`place_of`), the clause's tokens
without the clauses embedded in it (`clause_tokens`), which the participants stage reads too,
and the place's unidentified armed forces as the doer of a bombing no one is named for
(`unnamed_bomber`).
"""

from __future__ import annotations

from functools import lru_cache

from sitrep.entities.mentions import Mention, Mentions
from sitrep.model import Actor
from sitrep.resources import place_nouns, word_class
from sitrep.text.token_arrays import TokenArrays, arrays_of

PLACE_PREPS = {"in", "at", "to", "near", "inside", "across", "into", "off", "through",
               "outside"}

CLAUSES = {"advcl", "ccomp", "relcl", "parataxis", "conj", "csubj"}


def clause_tokens(root):
    """The root's subtree without the clauses embedded in it (their places are their own)."""
    arrays = arrays_of(root.doc)
    tokens = arrays.tokens
    return (tokens[i] for i in clause_offsets(arrays, root.i))


def clause_offsets(arrays: TokenArrays, root: int) -> list[int]:
    """`clause_tokens` as offsets, in the same order."""
    dep, kids = arrays.dep, arrays.children
    found, stack = [], [root]
    while stack:
        i = stack.pop()
        found.append(i)
        stack.extend(c for c in kids[i] if dep[c] not in CLAUSES)
    return found


# Premises of one country on another's soil: their owner is not where they are.
EXTRATERRITORIAL = {"embassy", "consulate", "legation", "mission", "commission"}


def _is_place(mention: Mention | None) -> bool:
    """A place mention, or a country name the model tagged as something else ("Cameroon's
    restive Northwest region" comes out ORG)."""
    if mention is None:
        return False
    if mention.label in {"GPE", "LOC", "FAC"}:
        return True
    return bool(mention.actor and (mention.actor.kb_id or "").startswith("country:"))


# Nouns for a part of the place after "of".
PARTS = frozenset({"part", "outskirts", "centre", "center", "heart", "sector", "edge"})


@lru_cache(maxsize=1)
def _place_or_part_nouns() -> frozenset[str]:
    """Nouns after which "of" names the place: "the town of Gao", "parts of Srinagar"."""
    return place_nouns(("place",)) | PARTS


def place_of(trigger, mentions: Mentions):
    """The first location reached through in/at/to/near in the trigger's clause."""
    roots = [trigger] + ([trigger.head] if trigger.dep_ in {"dobj", "pobj", "attr"} else [])
    arrays = arrays_of(trigger.doc)
    heads, lower, dep = arrays.head, arrays.lower, arrays.dep
    for root in roots:
        for i in sorted(clause_offsets(arrays, root.i)):
            prep = heads[i]
            if lower[prep] == "of" and lower[heads[prep]] in PLACE_PREPS:
                prep = heads[prep]  # "outside of the city"
            if dep[i] != "pobj" or lower[prep] not in PLACE_PREPS:
                continue
            token = arrays.tokens[i]
            mention = mentions.at(token)
            if mention is None and token.lemma_.lower() in _place_or_part_nouns():
                # "near the town of Samarra", "outside the Iraqi city of Basra", "in most parts
                # of Srinagar": the place named (not "an acre of Iraq")
                named = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                              for g in c.children
                              if g.dep_ == "pobj" and _is_place(mentions.at(g))), None)
                mention = mentions.at(named) if named is not None else None
            if mention is None and token.lemma_.lower() not in EXTRATERRITORIAL:
                # "in Italy's Lombardy region", "in the Syrian city of Homs" (but "outside the
                # U.S. embassy in Manila" is in Manila)
                owner = next((c for c in token.children if c.dep_ in {"poss", "compound", "amod"}
                              and _is_place(mentions.at(c))), None)
                mention = mentions.at(owner) if owner is not None else None
            if _is_place(mention):
                return token, mention
            if token.lemma_.lower() == "region" and any(c.lower_ == "the" for c in token.children):
                region = mentions.last_region_before(token.idx)
                if region is not None:
                    return token, region
    return None


EXPLOSIVE_WORDS = word_class("explosive_words")


def unnamed_bomber(trigger, doer, written: str, country: str | None,
                   mentions: Mentions) -> Actor | None:
    """"A roadside bombing near Samarra killed one U.S. soldier", "killed by an improvised
    explosive device outside Basra": an attack by a bomb no one is named for is coded, as
    PLOVER's records code it, as by unidentified armed forces (UAF) of the country where it went
    off; `written` is the text that stands for them (the bomb's phrase, or the place). None
    unless the trigger's own clause names an explosive, the place has a country, and no party is
    named inside the subject (`doer`: "a truck bombing by the rebel army")."""
    if country is None:
        return None
    if not any(t.lemma_.lower() in EXPLOSIVE_WORDS for t in clause_tokens(trigger)):
        return None
    named = (mentions.at(t) for t in (doer.subtree if doer is not None else ()))
    if any(m is not None and m.actor is not None and (m.actor.code or m.actor.sector)
           and m.label not in {"GPE", "LOC", "FAC"} for m in named):
        return None
    return Actor(entity_text=written, name="unidentified armed forces", code=country,
                 sector="UAF", confidence=0.3)
