"""Groups named by their tie to a party: its kin, its opponents, its supporters ("relatives of
the Kenyan president", "the minister's critics", "supporters of President X"). Such a group is
not the party: it takes the party's country and a sector of its own (kin: CVL, PLOVER's agent
list FAMILY; the opponents of those who govern: OPP; supporters: none, PLOVER has no such
sector); the opponents of anyone else (a company's rivals) have no country of the party's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from sitrep.actors.cameo_dict import plural_word
from sitrep.actors.phrases import Resolution
from sitrep.model import Actor
from sitrep.resources import word_class

# "relatives of X", "opponents of X" (a word or two before the noun: "political opponents")
_OF = re.compile(r"^(?:[\w-]+\s+){0,2}?([\w-]+)\s+of\s+(.+)$", re.I)
# "X's relatives", "X' critics"
_POSSESSED = re.compile(r"^(.+?)\s*(?:'s?|’s?)\s+([\w-]+)$")


@lru_cache(maxsize=1)
def _tie_nouns() -> dict[str, str]:
    """Each tie noun and its regular plural ("relative", "relatives") -> its word class."""
    return {form: kind for kind in ("kin_nouns", "opposing_nouns", "supporting_nouns")
            for word in word_class(kind) for form in (word, plural_word(word))}


def group_of(text: str, owner_of: Callable[[str], Actor]) -> Resolution | None:
    """The group a tie noun names, placed by its party (`owner_of` resolves the party's words),
    or None when the mention names no such group."""
    found = _POSSESSED.match(text.strip())
    owner, noun = (found.group(1), found.group(2)) if found else (None, None)
    if found is None:
        found = _OF.match(text.strip())
        noun, owner = (found.group(1), found.group(2)) if found else (None, None)
    if not owner or not noun:
        return None
    kind = _tie_nouns().get(noun.lower())
    if kind is None:
        return None
    party = owner_of(owner)
    code, sector = party.code, None
    if kind == "kin_nouns":
        sector = "CVL"
    elif kind == "opposing_nouns":
        governs = party.sector == "GOV"
        code, sector = (code, "OPP") if governs else (None, None)
    actor = Actor(entity_text=text, code=code, sector=sector, confidence=0.5)
    return Resolution(actor, "group", [], [
        f"{noun!r} names a group tied to {owner!r} ({party.code}, {party.sector}), not it: "
        f"{code}, {sector}"])
