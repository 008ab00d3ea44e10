"""Name keys: the looser ways a person's name is written in news.

`fold` (knowledge.py) already removes case, accents and punctuation. A person is also written
with initials ("J. Biden"), without middle names or suffixes ("Joseph Biden" for "Joseph
Robinette Biden Jr."), with a nickname ("Joe", "Bill"), or in another transliteration
("Zelenskyy", "Zelensky", "Zelenskiy"; "Sergei", "Sergey"). Each function here maps a folded
name to a key that the knowledge base indexes people under; a lookup by key is a fallback the
resolver uses only when the exact name is unknown, and only when it picks out one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitrep.resources import read_tsv

# Words that follow a name without being part of it.
SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "junior", "senior"}
# Particles that stay with a surname ("bin Salman", "al-Assad", "von der Leyen").
PARTICLES = {"al", "el", "bin", "ibn", "ben", "bint", "abu", "von", "van", "der", "de", "da",
             "do", "dos", "del", "la", "le", "di", "du", "ter", "ul", "ud", "ad", "as", "ash",
             "an", "ar", "at", "az"}


@lru_cache(maxsize=1)
def nicknames() -> dict[str, str]:
    """Familiar first name -> the formal one ("joe" -> "joseph"), from `data/nicknames.tsv`."""
    return {row["nickname"]: row["formal"] for row in read_tsv("nicknames.tsv")}


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """Surnames so widely borne that alone they name no one ("smith", "garcia", "ivanov"),
    from `data/common_surnames.tsv`."""
    return frozenset(row["surname"] for row in read_tsv("common_surnames.tsv"))


@lru_cache(maxsize=1)
def common_given_names() -> dict[str, str]:
    """Given names millions bear ("john", "mohammed", "sergei") -> their population, from
    `data/common_given_names.tsv`."""
    return {row["given"]: row["population"] for row in read_tsv("common_given_names.tsv")}


# Populations that write the family name first ("Li Qiang"): their given names also close a name.
SURNAME_FIRST = {"Chinese"}


def is_common_pair(folded: str) -> bool:
    """A full name many people bear: a given name millions bear and a surname thousands bear
    (`common_surnames`), with at most initials between ("stephen smith", "john f kelly", "mike
    walker" as "michael"), or surname first before such a given name of a population that
    writes it so ("li qiang")."""
    tokens = name_tokens(folded)
    if len(tokens) < 2 or tokens[0] in PARTICLES or any(len(t) > 1 for t in tokens[1:-1]):
        return False  # "Ben Ali": "ben" is the particle, no given name
    first, last = tokens[0], tokens[-1]
    given = common_given_names()
    if nicknames().get(first, first) in given and last in common_surnames():
        return True
    return first in common_surnames() and given.get(last) in SURNAME_FIRST


@dataclass(frozen=True)
class Support:
    """What a document says around a mention that can back a common full name (`is_common_pair`)
    as one listed person: the countries its sentence names (a body named there gives its
    country), the offices of `data/offices.tsv` the document names by a title, and the people
    the document names with a title or office elsewhere (their kb_ids)."""

    countries: frozenset[str] = frozenset()
    offices: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()


def without_namesakes(name: str, entries: list, given: frozenset[str] = frozenset()) -> list:
    """The knowledge-base rows a one-word name may stand for alone: not the generated rows'
    people when millions bear the name ("Hassan", "Abdullah": `common_surnames`), or when it is
    a given name, of `common_given_names` or the first name of other people the knowledge base
    lists (`given`): a Phoenix row that names a monarch by his regnal name alone ("Albert" of
    Monaco) does not make every Albert him. Curated people, bodies and places stay."""
    if " " in name or (name not in common_surnames() and name not in common_given_names()
                       and name not in given):
        return entries
    return [e for e in entries if e.kind != "person" or not e.generated]


# Words before a name that are no part of it ("President Johnson" is indexed as "johnson").
TITLES = {"president", "prime", "minister", "mr", "mrs", "ms", "dr", "sir", "dame", "general",
          "gen", "king", "queen", "prince", "princess", "sheikh", "sheik", "emir", "sultan",
          "pope", "ayatollah", "chancellor", "premier", "senator", "sen", "rep", "governor",
          "gov", "mayor", "judge", "justice", "secretary", "former", "late", "he", "h", "e",
          "his", "excellency", "crown", "grand", "duke", "emperor", "lord", "lady", "marshal",
          "colonel", "col", "lt", "admiral", "adm", "vice", "deputy", "acting", "interim"}


def name_tokens(folded: str) -> list[str]:
    """A folded name's words without leading titles and trailing suffixes ("president joseph r
    biden jr" -> joseph r biden)."""
    tokens = folded.split()
    while len(tokens) > 1 and tokens[-1] in SUFFIXES:
        tokens.pop()
    while len(tokens) > 2 and tokens[0] in TITLES:
        tokens.pop(0)
    return tokens


def surname_of(tokens: list[str]) -> str:
    """The last word, with a particle before it kept ("al assad", "von der leyen" -> "leyen"
    is too weak a key alone; the particle joins it)."""
    if not tokens:
        return ""
    if len(tokens) > 2 and tokens[-2] in PARTICLES:
        particle = ARTICLES.get(tokens[-2], tokens[-2])
        return f"{particle} {tokens[-1]}"
    return tokens[-1]


# Romanisations of the Arabic article: one key for "el-Bashir", "al-Bashir", "ul-Haq".
ARTICLES = {"el": "al", "ul": "al", "ad": "al", "as": "al", "ash": "al", "an": "al",
            "ar": "al", "at": "al", "az": "al"}


def initial_key(folded: str) -> str | None:
    """"j biden" for "Joe Biden", "Joseph R. Biden" and "J. Biden": first initial + surname."""
    tokens = name_tokens(folded)
    if len(tokens) < 2 or tokens[0] in PARTICLES:
        return None
    return f"{tokens[0][0]} {surname_of(tokens)}"


def is_initialled(folded: str) -> bool:
    """A name written with an initial first ("j biden", "j r biden")."""
    tokens = name_tokens(folded)
    return len(tokens) >= 2 and len(tokens[0]) == 1 and len(tokens[-1]) > 1


_TRANSLIT = [("dzh", "j"), ("zh", "j"), ("kh", "h"), ("ph", "f"), ("ck", "k"), ("q", "k"),
             ("w", "v"), ("x", "ks"), ("tch", "ch"), ("sch", "sh")]
_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")


def skeleton(word: str) -> str:
    """A transliteration-blind key for one word: its first letter, then its consonants, with
    the usual romanisation pairs merged ("zelenskyy", "zelenskiy" -> "zlnsk"; "mohammed",
    "muhammad" -> "mhmd")."""
    if not word:
        return word
    for old, new in _TRANSLIT:
        word = word.replace(old, new)
    return _REPEATS.sub(r"\1", word[0] + _VOWELS.sub("", word[1:]))


def loose_keys(folded: str) -> set[str]:
    """Keys a person's name is indexed under for loose matching: first + last name, the first
    name's formal form, each as a skeleton ("joe biden" -> {"jsf bdn", "j bdn"...})."""
    tokens = name_tokens(folded)
    if len(tokens) < 2:
        return set()
    first, last = tokens[0], surname_of(tokens)
    if len(first) < 3:
        return set()  # initials have their own index; "al", "in" are no first names
    firsts = {first, nicknames().get(first, first)}
    return {f"{skeleton(f)} {' '.join(skeleton(w) for w in last.split())}" for f in firsts}
