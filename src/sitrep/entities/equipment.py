"""Entities: the spaCy model's named entities plus EQUIPMENT from the shipped catalogue and
places, countries and organisations from the actor knowledge base the model missed.

Everything is found on the repaired text and reported with offsets into the ORIGINAL text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.cache import content_key, pickled
from sitrep.model import Document, Entity
from sitrep.resources import data_path, read_tsv
from sitrep.spans import SpanIndex
from sitrep.text.casing import is_lowercased

MODEL_LABELS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "CARDINAL", "MONEY",
                "QUANTITY"}
# Words that license an ambiguous system name ("Patriot", "Tornado") when they are near it.
MILITARY_CONTEXT = re.compile(
    r"\b(missiles?|systems?|batter(?:y|ies)|launchers?|jets?|aircraft|fighters?|bombers?|tanks?|"
    r"drones?|helicopters?|warships?|frigates?|submarines?|rockets?|air[- ]defen[cs]e|military|"
    r"armed forces|army|navy|air force|deliver(?:y|ed|ies)?|suppl(?:y|ied|ies)|weapons?|units?|"
    r"defen[cs]es?|arms|troops|maintenance|overhauls?|sukhoi|sorties?|"
    # the words of defence releases and military history around a platform's name ("slung beneath
    # a Chinook", "Typhoons flying from RAF Akrotiri", "Tornados fired it at air-defence sites")
    r"guns?|howitzers?|artillery|armou?red|infantry|soldiers|squadrons?|regiments?|brigades?|"
    r"battalions?|raf|raaf|air bases?|airbase|airfields?|torpedo(?:es)?|destroyers?|"
    r"battleships?|battlefield|airstrikes?|air strikes?|shot down)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Equipment:
    name: str
    kind: str
    category: str
    origin: str | None
    generic: bool
    ambiguous: bool


@dataclass(frozen=True)
class Catalogue:
    by_variant: dict[str, Equipment]  # folded variant -> entry
    max_tokens: int
    prefixes: frozenset[str]  # every prefix of a folded variant: a longer run cannot match else


# Tokens are split at spaces and hyphens only, so "Su-30MK2", "su 30mk2" and "Su30MK2" all fold
# to "su30mk2"; surrounding punctuation is not part of a token.
TOKEN = re.compile(r"[^\s\-–—,;:()\[\]\"“”!?]+")
JOINER = re.compile(r"[\s\-]{0,2}")


def fold_equipment(text: str) -> str:
    return re.sub(r"[\s\-]+", "", text).lower().replace("’", "'").rstrip(".")


@lru_cache(maxsize=1)
def equipment_catalogue() -> Catalogue:
    """Every name and variant of the shipped catalogue, by its folded form (built once, then
    read from the disk cache: the set of every variant's prefixes takes longer to build than a
    few hundred short documents take to scan)."""
    return pickled("equipment", content_key([data_path("equipment.tsv"), Path(__file__)]),
                   _build_catalogue)


def _build_catalogue() -> Catalogue:
    by_variant: dict[str, Equipment] = {}
    max_tokens = 1
    for row in read_tsv("equipment.tsv"):
        entry = Equipment(
            name=row["name"], kind=row["kind"], category=row["category"],
            origin=row.get("origin") or None, generic=row.get("generic") == "1",
            ambiguous=row.get("ambiguous") == "1",
        )
        for variant in [row["name"], *row.get("variants", "").split("|")]:
            if variant.strip():
                by_variant.setdefault(fold_equipment(variant), entry)
                max_tokens = max(max_tokens, len(TOKEN.findall(variant)))
    prefixes = frozenset(key[:n] for key in by_variant for n in range(len(key) + 1))
    return Catalogue(by_variant, max_tokens, prefixes)


def find_equipment(text: str, lowercased: bool = False) -> list[tuple[int, int, Equipment]]:
    """Equipment mentions in text: named systems and generic terms, longest match first.

    A dictionary lookup of each run of up to N tokens (N = the longest variant), so the cost grows
    with the text, not with the size of the catalogue. In a text that lost its capitals
    (`lowercased`) an ambiguous name needs only a military word near it ("the v-2 was the first
    ballistic missile"), not a capital its writer never typed.
    """
    return list(_equipment_in(text, lowercased))


# The entity stage and the item stage both look in the same text (a one-sentence document's
# sentence is its text): the last few texts' mentions are kept (a pure function of the text).
@lru_cache(maxsize=16)
def _equipment_in(text: str, lowercased: bool = False) -> tuple[tuple[int, int, Equipment], ...]:
    catalogue = equipment_catalogue()
    tokens = list(TOKEN.finditer(text))
    found = []
    index = 0
    by_variant, prefixes = catalogue.by_variant, catalogue.prefixes
    while index < len(tokens):
        first = tokens[index].group(0).lower().replace("’", "'").rstrip(".'")
        if first not in prefixes and not (first.endswith("s") and first[:-1] in by_variant):
            index += 1  # no variant starts with this word (the loop below would find none)
            continue
        hit = None
        key = ""
        for size in range(catalogue.max_tokens):
            if index + size >= len(tokens):
                break
            token = tokens[index + size]
            if size and not JOINER.fullmatch(text[tokens[index + size - 1].end():token.start()]):
                break
            key += token.group(0).lower().replace("’", "'")
            for candidate in _candidates(key, token.group(0), by_variant):
                entry = catalogue.by_variant.get(candidate)
                if entry is not None:
                    end = token.end() - (len(key) - len(candidate))
                    hit = (tokens[index].start(), end, entry, size)
                    break
            if key.rstrip(".'") not in catalogue.prefixes:
                break  # every longer run starts with it: none can be a variant
        if hit is None:
            index += 1
            continue
        start, end, entry, size = hit
        if _short_code(text, start, end, entry):
            index += 1  # "a pc": the next word may start a name
            continue
        if not entry.ambiguous or _designation(text[start:end]) or \
                _licensed(text, start, end, text[start:end], entry.generic or lowercased):
            found.append((start, end, entry))
        index += size + 1
    return tuple(found)


def _candidates(key: str, last: str, by_variant: dict[str, Equipment]) -> tuple[str, ...]:
    """The folded forms a run of tokens may be listed under: as written, without a closing full
    stop ("Kinzhals." ends a sentence), and its singular. A plural written as one word
    ("Tornados") is read as a plural before a name it folds to ("Tornado-S", written apart)."""
    bare = key.rstrip(".'")
    if not bare.endswith("s"):
        return key, bare
    plural = (bare[:-1],)
    single = by_variant.get(bare[:-1])
    if single is not None and len(last.rstrip(".'’")) > 1 and last.rstrip(".'’").endswith("s") \
            and by_variant.get(bare, single) is not single:
        return plural + (key, bare)
    return (key, bare) + plural


@lru_cache(maxsize=1)
def ship_pattern() -> re.Pattern[str]:
    prefixes = sorted((row["prefix"] for row in read_tsv("ship_prefixes.tsv")), key=len,
                      reverse=True)
    return re.compile(rf"\b(?P<prefix>{'|'.join(map(re.escape, prefixes))})\s+"
                      r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})\b")


@lru_cache(maxsize=1)
def ship_countries() -> dict[str, str]:
    return {row["prefix"]: row["country"] for row in read_tsv("ship_prefixes.tsv")}


@lru_cache(maxsize=1)
def hull_symbols() -> tuple[re.Pattern[str], dict[str, dict[str, str]]]:
    rows = {row["symbol"]: row for row in read_tsv("hull_symbols.tsv")}
    symbols = "|".join(re.escape(s) for s in sorted(rows, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<symbol>{symbols})[ -]?(?P<number>\d{{1,3}})(?![\w-])"), rows


NAVAL_CONTEXT = re.compile(r"\b(ships?|vessels?|destroyers?|frigates?|carriers?|navy|naval|"
                           r"submarines?|task force|flotilla|fleet|warships?|pennant|hull)\b",
                           re.IGNORECASE)


def find_ships(text: str) -> list[tuple[int, int, Equipment]]:
    """Named warships: a navy prefix and a capitalised name ("USS Mahan", "HMS Ocean"), or a
    hull number ("DDG 70"; a NATO pennant such as "L 12" only near a naval word)."""
    countries = ship_countries()
    found = []
    for match in ship_pattern().finditer(text):
        origin = countries.get(match.group("prefix"))
        found.append((match.start(), match.end(), Equipment(
            name=match.group(0), kind="warship", category="naval", origin=origin,
            generic=False, ambiguous=False)))
    pattern, symbols = hull_symbols()
    for match in pattern.finditer(text):
        row = symbols[match.group("symbol")]
        window = text[max(0, match.start() - 150):match.end() + 150]
        if row["context"] == "1" and not NAVAL_CONTEXT.search(window):
            continue
        found.append((match.start(), match.end(), Equipment(
            name=match.group(0), kind=row["kind"], category="naval",
            origin=row["country"] or None, generic=False, ambiguous=False)))
    return found


@lru_cache(maxsize=1)
def station_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    rows = {row["prefix"]: row["country"] for row in read_tsv("station_prefixes.tsv")}
    prefixes = "|".join(re.escape(p) for p in sorted(rows, key=len, reverse=True))
    return re.compile(rf"\b(?P<prefix>{prefixes})(?:\s+(?:Base|Station))?\s+"
                      r"(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b"), rows


def find_stations(text: str, unit_words: set[str]) -> list[tuple[int, int, str]]:
    """Bases named by a service's prefix ("RAF Akrotiri", "RAAF Base Tindal"): (start, end,
    country); a unit word after the prefix ("RAF Regiment": `unit_words`) or a system's name
    ("RAF Typhoon") is no base."""
    pattern, countries = station_pattern()
    by_variant = equipment_catalogue().by_variant
    found = []
    for match in pattern.finditer(text):
        first = match.group("name").split()[0]
        if first.lower() in unit_words or fold_equipment(first) in by_variant:
            continue
        found.append((match.start(), match.end(), countries[match.group("prefix")]))
    return found


@lru_cache(maxsize=1)
def facility_pattern() -> re.Pattern[str]:
    nouns = sorted((row["noun"] for row in read_tsv("facility_nouns.tsv")), key=len, reverse=True)
    alternatives = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    # an owner or weapon word (capitalised, or an acronym: "ISIL-held", "VBIED"), up to two more
    # modifiers, the noun. Words are matched one way only and at most 40 characters long:
    # alternatives that matched the same letters, and words without bound in a hyphenated run
    # ("A-A-A-..."), made the search quadratic in a long word (a 200k-letter token took minutes).
    return re.compile(
        rf"\b[A-Z][\w’'-]{{0,40}}(?:\s+[a-z][\w-]{{0,40}}){{0,2}}\s+(?:{alternatives})"
        rf"(?:s|es)?\b")


def find_facilities(text: str) -> list[tuple[int, int]]:
    """Sites named by an owner or a weapon: "ISIL-held buildings", "a VBIED facility"."""
    found = []
    for match in facility_pattern().finditer(text):
        first = match.group(0).split()[0]
        if first.lower() in SENTENCE_WORDS or AS_WELL.search(match.group(0)):
            continue
        found.append((match.start(), match.end()))
    return found


# "Daesh as well": the adverb, not a well (a facility noun) owned by what comes before it.
AS_WELL = re.compile(r"\bas\s+well$", re.IGNORECASE)
# Capitalised only because they start a sentence: not an owner of a site.
SENTENCE_WORDS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her",
                  "our", "in", "on", "at", "near", "one", "two", "three", "four", "five", "six",
                  "seven", "eight", "nine", "ten", "several", "many", "some", "all", "each"}


# A code of three letters or digits or fewer ("APC", "AT-5", "F-4") is also a run of
# everyday words ("a pc", "at 5") or a label's or a product's code ("the f4 label").
SHORT_CODE = 3


def _short_code(text: str, start: int, end: int, entry: Equipment) -> bool:
    """Whether a short code's match is no system: written across a space ("a pc", "at 5"), or a
    named system's letters and digits written in lower case with no military word near it ("f4",
    a label's; "t-72" in a lower-cased report of tanks stays)."""
    written = text[start:end]
    key = fold_equipment(written)
    if len(key) > SHORT_CODE and not (len(key) == SHORT_CODE + 1 and key.endswith("s")):
        return False  # longer than a code, or its plural ("APCs")
    if re.search(r"\s", written):
        return True
    return not entry.generic and written == written.lower() and \
        any(c.isdigit() for c in written) and not _licensed(text, start, end, written, True)


def _designation(found: str) -> bool:
    """A written designation of letters and digits longer than a short code ("CH-47", "MV-22B",
    "AW101"): no ordinary word, though its entry's other names ("Chinook", "Osprey", "Merlin") are,
    so it needs no military word near it."""
    key = fold_equipment(found)
    return len(key) > SHORT_CODE and found[:1].isupper() and any(c.isdigit() for c in key) \
        and any(c.isalpha() for c in key)


def _licensed(text: str, start: int, end: int, found: str, generic: bool) -> bool:
    """An ambiguous name counts when a military word is near it (and, for a named system, when
    it is capitalised: "Patriot" the missile, not "patriot")."""
    if not generic and not found[:1].isupper():
        return False
    window = text[max(0, start - 120):start] + " " + text[end:end + 120]
    return bool(MILITARY_CONTEXT.search(window))


def equipment_entities(doc: Document) -> list[Entity]:
    text = doc.repaired.text if doc.repaired else doc.text
    entities = []
    for start, end, entry in find_ships(text) + find_equipment(text, is_lowercased(doc.text)):
        if doc.repaired:
            start, end = doc.repaired.to_original(start, end)
        entities.append(Entity(
            start=start, end=end, text=doc.text[start:end], label="EQUIPMENT", code=entry.origin,
            kb_id=f"equipment:{fold_equipment(entry.name)}", kind=entry.kind,
            category=entry.category, origin=entry.origin,
        ))
    return entities


@lru_cache(maxsize=1)
def generic_ids() -> frozenset[str]:
    """The entity ids (`equipment:...`) of the catalogue's generic terms ("submarines")."""
    return frozenset(f"equipment:{fold_equipment(entry.name)}"
                     for entry in equipment_catalogue().by_variant.values() if entry.generic)


NAME_LABELS = {"ORG", "FAC", "GPE", "LOC", "PERSON"}


def _inside_a_name(entity: Entity, names: list[Entity]) -> bool:
    """A generic term written capitalised inside a longer name is a word of that name ("the
    Australian Submarine Corporation", "Joint Helicopter Command", "the Royal Artillery"), and
    so is a system's name after a person's first name ("Abdel Fattah al-Burhan": "Fattah" is
    also an Iranian missile)."""
    if entity.label != "EQUIPMENT" or not entity.text[:1].isupper():
        return False
    generic = entity.kb_id in generic_ids()

    def holds(name: Entity) -> bool:
        if name.label == "PERSON":
            return name.start < entity.start  # a first name before it
        return generic

    return any(n.start <= entity.start and entity.end <= n.end
               and n.end - n.start > len(entity.text) and holds(n) for n in names)


def merge_entities(primary: list[Entity], secondary: list[Entity]) -> list[Entity]:
    """Keep every primary entity, but a generic term inside a longer name (`_inside_a_name`); add
    secondary ones that overlap none of them (a group name such as "Iraqi forces" may hold a
    nationality: those nest)."""
    names = [e for e in secondary if e.label in NAME_LABELS]
    primary = [e for e in primary if not _inside_a_name(e, names)]
    taken = SpanIndex((e.start, e.end) for e in primary)
    merged = list(primary)
    for entity in secondary:
        if not taken.overlaps(entity.start, entity.end):
            merged.append(entity)
    return sorted(merged, key=lambda e: (e.start, e.end))
