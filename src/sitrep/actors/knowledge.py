"""The actor knowledge base: who and what a name can be, with dated roles.

The knowledge base is read from shipped data files (`data/countries.tsv`, `ethnic_groups.tsv`, `places.tsv`,
`people.tsv`, `people_current.tsv`, `organisations*.tsv`, `sectors.tsv`; see data/LICENSES.md
for provenance) plus any CAMEO dictionaries imported into a store. A person has one row per dated
role: the row whose dates cover the document's date decides the sector, so a leader out of office
is no longer the government.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import OrderedDict, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property, lru_cache
from pathlib import Path

from sitrep.actors import names
from sitrep.cache import content_key, pickled
from sitrep.resources import data_path, read_tsv


@dataclass(frozen=True)
class KBEntry:
    kb_id: str
    name: str
    kind: str  # person | organisation | country | place
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    start: date | None = None
    end: date | None = None
    source: str = ""
    joint: bool = False  # the name stands for several actors at once (a dictionary's "[ELR/GAL]")
    office: str | None = None  # an office of `data/offices.tsv` the row dates a holder of
    body: str | None = None  # the kb_id of the service or force the holder heads ("org:mossad")

    @property
    def generated(self) -> bool:
        """A row of the generated or imported dictionary lists (Phoenix, CAMEO-format files),
        not of the curated tables: thousands of minor office-holders, loose name variants."""
        return self.source.endswith(".txt")

    def covers(self, when: date | None) -> bool:
        if when is None or (self.start is None and self.end is None):
            return False
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


_POSSESSIVE = re.compile(r"'s\b|'$")
_ARTICLE = re.compile(r"^(the|a|an)\s+")
_NOT_A_WORD = re.compile(r"[^\w\s]|_")  # "Dol_Amroth": CAMEO dictionaries join words with _
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive key: "the U.S.'s" -> "us"."""
    return fold_uncached(text)


# Letters NFKD does not split into a base letter and an accent ("Guðni", "Løkke", "Đukanović").
_LETTERS = str.maketrans({"ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ø": "o", "Ø": "O",
                          "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "ł": "l",
                          "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H"})
_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")  # what most names fold to already


def fold_uncached(text: str) -> str:
    """`fold` without its cache, for building tables of many names read once."""
    lowered = text.lower()
    if _PLAIN.fullmatch(lowered) and not lowered.startswith(("the ", "a ", "an ")):
        return lowered  # nothing to remove: the steps below would give it back unchanged
    if not text.isascii():
        text = text.translate(_LETTERS)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("’", "'")
    text = _POSSESSIVE.sub("", text.lower())
    text = _ARTICLE.sub("", text.strip())
    text = _NOT_A_WORD.sub(" ", text.replace(".", ""))
    return _SPACES.sub(" ", text).strip()


def _date(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass
class KnowledgeBase:
    names: dict[str, list[KBEntry]] = field(default_factory=lambda: defaultdict(list))
    adjectives: dict[str, str] = field(default_factory=dict)
    # Ethnic and religious groups' names among the adjectives (ethnic_groups.tsv): they place
    # a group's people, but a group's leaders are no government ("Igbo leaders": NGA, no GOV).
    ethnic: set[str] = field(default_factory=set)
    surnames: dict[str, list[KBEntry]] = field(default_factory=lambda: defaultdict(list))
    sectors: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)  # code -> name
    max_sector_words: int = 1
    imported: set[str] = field(default_factory=set)  # folded names an imported dictionary lists
    # People under looser keys (names.py): "j biden" (initials), skeletons of first + last name.
    initials: dict[str, list[KBEntry]] = field(default_factory=lambda: defaultdict(list))
    loose: dict[str, list[KBEntry]] = field(default_factory=lambda: defaultdict(list))
    # Dated office-holders by "CODE:office" (people_offices.tsv), and office titles -> (office,
    # sector, countries the title is limited to or None) from offices.tsv.
    holders: dict[str, list[KBEntry]] = field(default_factory=lambda: defaultdict(list))
    office_titles: dict[str, list[tuple[str, str, frozenset[str] | None]]] = field(
        default_factory=dict)
    max_title_words: int = 1
    shared_offices: frozenset[str] = frozenset()  # offices several people hold at once (`several`)
    # What the base holds, for caches keyed by content: "shipped", or a hash of the imports on it.
    key: str = "shipped"

    def add(self, entry: KBEntry, variants: Iterable[str] = ()) -> None:
        for variant in {entry.name, *variants}:
            key = fold_uncached(variant)
            if key and entry not in self.names[key]:
                self.names[key].append(entry)
        if entry.kind == "person":
            self._add_person_keys(entry, variants)

    def _add_person_keys(self, entry: KBEntry, variants: Iterable[str]) -> None:
        tokens = fold_uncached(entry.name).split()
        if len(tokens) > 1 and len(tokens[-1]) > 2:
            self.surnames[tokens[-1]].append(entry)
        if entry.generated:
            return  # generated and imported rows: their variants are too loose for these keys
        for variant in {entry.name, *variants}:
            folded = fold_uncached(variant)
            if len(folded.split()) < 2:
                continue
            initial = names.initial_key(folded)
            if initial and entry not in self.initials[initial]:
                self.initials[initial].append(entry)
            for key in names.loose_keys(folded):
                if entry not in self.loose[key]:
                    self.loose[key].append(entry)
        if entry.office and entry.country:
            self.holders[f"{entry.country}:{entry.office}"].append(entry)
        if entry.office and entry.body:
            self.holders[f"{entry.body}:head"].append(entry)

    def add_sector_word(self, phrase: str, sector: str) -> None:
        key = fold_uncached(phrase)
        if key and key not in self.sectors:
            self.sectors[key] = sector
            self.max_sector_words = max(self.max_sector_words, len(key.split()))

    def lookup(self, text: str) -> list[KBEntry]:
        return self.names.get(fold(text), [])

    @cached_property
    def curated_first_words(self) -> frozenset[str]:
        """First words of the curated people's names of two or more words ("sergey" of "sergey
        lavrov"): where a name written in lower case can start. Kept on the base, like
        `proper_forms`."""
        return frozenset(key.split()[0] for key, entries in self.names.items()
                         if " " in key and any(e.kind == "person" and not e.generated
                                               for e in entries))

    def _first_name_bearers(self) -> dict[str, set[str]]:
        """Each first name of the base's people (of names of two or more words) -> who bears it."""
        bearers: dict[str, set[str]] = defaultdict(set)
        for entries in self.names.values():
            for entry in entries:
                if entry.kind == "person" and len(entry.name.split()) > 1:
                    bearers[entry.name.split()[0].lower()].add(entry.kb_id)
        return bearers

    @cached_property
    def given_names(self) -> frozenset[str]:
        """The first names of the base's people ("tommy", "nicolas"), which start a name in a
        lower-cased text (text/casing.py)."""
        return frozenset(self._first_name_bearers())

    @cached_property
    def shared_given_names(self) -> frozenset[str]:
        """First names that at least three of the base's people bear ("albert": Albert Pintat,
        Albert Abongo, ...): alone, such a name is no one's, not even a monarch's regnal name
        (`names.without_namesakes`)."""
        return frozenset(name for name, ids in self._first_name_bearers().items() if len(ids) >= 3)

    @cached_property
    def proper_forms(self) -> dict[str, str]:
        """Lower-case forms of unambiguous country and region names -> their written form, for
        restoring the case of scraped, lower-cased text. Computed once per knowledge base and
        kept on it, so it lives exactly as long as the base."""
        forms = {}
        for key, entries in self.names.items():
            for entry in entries:
                if entry.kind in {"country", "place"} and len(entry.name) >= 5 \
                        and entry.name[0].isupper() and entry.name.lower() == key:
                    forms[key] = entry.name
        for word in AMBIGUOUS_LOWERCASE:
            forms.pop(word, None)
        return forms


# Lower-case words that are names only sometimes ("turkey", "chad"): never capitalised.
AMBIGUOUS_LOWERCASE = {"turkey", "chad", "jordan", "georgia", "china", "guinea", "niger",
                       "panama", "israel", "victoria", "regina", "nice", "reading", "mobile"}


Term = tuple[date, date | None]
# Generated rows are dated to the month: an overlap this short with an office term is no overlap.
MONTH_SLACK = timedelta(days=45)


def beside_terms(start: date | None, end: date | None, terms: list[Term]) -> bool:
    """Whether a generated row of a person the office tables date fits beside their terms: it
    ends before the first (the career before the tables begin), or, dated at both ends, it
    falls before, between or after them (another post the tables do not list: a health
    minister between a defence and a home office)."""
    if end is not None and end - MONTH_SLACK <= min(began for began, _ in terms):
        return True
    if start is None or end is None:
        return False
    return all(end - MONTH_SLACK <= began or (ended is not None and start + MONTH_SLACK >= ended)
               for began, ended in terms)


def parts_beside_terms(start: date | None, end: date | None, terms: list[Term]) -> list[Term]:
    """The parts of a generated row's dates that lie outside the office tables' terms of the
    same person, each longer than the month slack. A row dated at both ends keeps the time
    before, between and after the terms it overlaps (Shaukat Aziz: Phoenix's finance minister
    of 2003-2007, prime minister in the tables from 2004-08-28, is GOV in 2003). A row still
    open keeps only the time before the first term it reaches (Goodluck Jonathan's open row
    from 2007 is his vice-presidency, not a post after his tabled presidency: Phoenix's open
    rows are the post it last knew, seldom updated when the person moved on), or, begun after
    the last term ended, all of it (a later post: Amr Moussa's Arab League after his foreign
    ministry); one that begins with or inside a term gives way, and so does a row whose start
    is unknown."""
    if beside_terms(start, end, terms):
        return [(start or date.min, end)]
    if start is None:
        return []
    if end is None:
        later = [began for began, _ in terms if began - MONTH_SLACK > start]
        inside = any(began - MONTH_SLACK <= start and (ended is None or start < ended)
                     for began, ended in terms)
        if inside:
            return []
        if not later:  # begun after the last term ended: a later post Phoenix knew of
            return [(start, None)]
        return [(start, min(later))] if min(later) - start > MONTH_SLACK else []
    parts: list[Term] = [(start, end)]
    for began, ended in terms:
        cut: list[Term] = []
        for first, last in parts:
            if first < began:
                cut.append((first, began if last is None else min(last, began)))
            if ended is not None and (last is None or last > ended):
                cut.append((max(first, ended), last))
        parts = cut
    return [(first, last) for first, last in parts if last is None or last - first > MONTH_SLACK]


def _person_rows(kb: KnowledgeBase, file: str, curated: set[str] | None = None,
                 earlier: dict[str, list[Term]] | None = None) -> set[str]:
    """Add people; with `curated` (kb_ids and names of the curated layer), rows of the same
    person are skipped, so the curated dates replace the generated ones rather than mix. With
    `earlier` (kb_ids and names of people the office tables date, with their terms), only the
    parts of rows that fit beside those terms are kept (`parts_beside_terms`)."""
    seen: set[str] = set()
    aliases: dict[str, set[str]] = defaultdict(set)
    earlier = earlier or {}
    for row in read_tsv(file):
        terms = earlier.get(row["kb_id"]) or earlier.get(fold_uncached(row["name"]))
        parts: list[tuple[date | None, date | None]] = [(_date(row["start"]), _date(row["end"]))]
        if terms:
            parts = [(None if first == date.min else first, last)
                     for first, last in parts_beside_terms(*parts[0], terms)]
        if not parts:
            aliases[fold_uncached(row["name"])].update(
                v for v in row.get("variants", "").split("|") if v)
            continue
        if curated is not None and (row["kb_id"] in curated or fold_uncached(row["name"]) in curated):
            # the curated rows date the person; the generated row's spellings still name them
            aliases[fold_uncached(row["name"])].update(
                v for v in row.get("variants", "").split("|") if v)
            continue
        seen.update({row["kb_id"], fold_uncached(row["name"])})
        for first, last in parts:
            entry = KBEntry(
                kb_id=row["kb_id"], name=row["name"], kind="person", country=row["country"] or None,
                sector=row["sector"] or None, role=row.get("role") or None, start=first, end=last,
                source=row.get("source", file), office=row.get("office") or None,
            )
            if curated is None and entry.office is None and entry.role and entry.country:
                entry = replace(entry, office=office_of_role(kb, entry.role, entry.country))
            kb.add(entry, row.get("variants", "").split("|"))
    for name, variants in aliases.items():
        people = [e for e in kb.names.get(name, []) if e.kind == "person"]
        country = {e.country for e in people}
        if len(country) == 1:  # one curated person of that name: the spellings are theirs
            for entry in people:
                kb.add(entry, variants)
    return seen


def office_of_role(kb: KnowledgeBase, role: str, country: str) -> str | None:
    """The office a curated row's role names ("Minister of Foreign Affairs" -> foreign_minister,
    "Prime Minister of Japan" -> head_of_government): the longest title its words begin with."""
    words, ends = _role_words(role)
    for size in range(min(len(words), kb.max_title_words), 0, -1):
        # The title must end where the role's words do, or at a preposition, a comma or a
        # parenthesis: "Chief of Defence Intelligence" is no chief of defence.
        if size < len(words) and not ends[size - 1] and words[size] not in _TITLE_CONTINUATIONS:
            continue
        for office, _, countries in kb.office_titles.get(" ".join(words[:size]), ()):
            if countries is None or country in countries:
                return office
    return None


_TITLE_CONTINUATIONS = frozenset({"of", "for", "to", "and", "in", "at", "on", "acting", "interim"})


def _role_words(role: str) -> tuple[list[str], list[bool]]:
    """A role's folded words, and for each whether a comma or a parenthesis follows it."""
    words: list[str] = []
    ends: list[bool] = []
    for piece in re.findall(r"[^\s,()]+|[,()]", role):
        if piece in ",()":
            if ends:
                ends[-1] = True
            continue
        for word in fold_uncached(piece).split():
            words.append(word)
            ends.append(False)
    return words, ends


def _office_rows(kb: KnowledgeBase) -> dict[str, list[Term]]:
    """Dated office-holders (`people_offices.tsv`): a row per person and term, its sector the
    office's (`offices.tsv`), its role the office's and the country's name. Returns each
    person's kb_id and name with the terms the tables date."""
    offices = {row["office"]: row for row in read_tsv("offices.tsv") if not row["country"]}
    seen: dict[str, list[Term]] = defaultdict(list)
    for row in read_tsv("people_offices.tsv"):
        kb_id = row["kb_id"]
        term = (_date(row["start"]) or date.min, _date(row["end"]))
        for key in (kb_id, fold_uncached(row["name"])):
            seen[key].append(term)
        if row["office"]:
            office = offices[row["office"]]
            country = kb.country_names.get(row["country"], row["country"])
            sector = office["sector"]
            role = row["role"] or f"{office['role']} of {country}"  # a body's head: its name
        else:
            sector, role = row["sector"], row["role"]
        entry = KBEntry(
            kb_id=kb_id, name=row["name"], kind="person", country=row["country"] or None,
            sector=sector or None, role=role or None, start=_date(row["start"]),
            end=_date(row["end"]), source=f"people_offices.tsv ({row['source']})",
            office=row["office"] or None, body=row.get("body") or None)
        kb.add(entry, row.get("variants", "").split("|"))
    return seen


SHIPPED_FILES = ("countries.tsv", "ethnic_groups.tsv", "places.tsv", "organisations_current.tsv", "organisations.tsv",
                 "organisations_curated.tsv", "people_current.tsv", "people_offices.tsv",
                 "people.tsv", "sectors_current.tsv", "sectors.tsv", "offices.tsv",
                 "nicknames.tsv")


@lru_cache(maxsize=1)
def shipped_kb() -> KnowledgeBase:
    """The knowledge base of the shipped data files, built once per process (and kept in the
    disk cache between processes, keyed by those files and this module)."""
    files = [data_path(name) for name in SHIPPED_FILES] + [Path(__file__), Path(names.__file__)]
    return pickled("knowledge-base", content_key(files), _build_shipped_kb)


def _build_shipped_kb() -> KnowledgeBase:
    kb = KnowledgeBase()
    for row in read_tsv("countries.tsv"):
        code = row["code"]
        kb.country_names[code] = row["name"]
        entry = KBEntry(kb_id=f"country:{code}", name=row["name"], kind="country", country=code,
                        source="countries.tsv")
        kb.add(entry, row.get("variants", "").split("|"))
        for adjective in row.get("adjectives", "").split("|"):
            if adjective.strip():
                kb.adjectives.setdefault(fold(adjective), code)
    # An ethnic group's name places its people as a nationality does ("Yoruba leaders": NGA);
    # a country's own adjective keeps its place.
    for row in read_tsv("ethnic_groups.tsv"):
        for name in [row["name"], *row.get("variants", "").split("|")]:
            if name.strip() and fold(name) not in kb.adjectives:
                kb.adjectives[fold(name)] = row["country"]
                kb.ethnic.add(fold(name))
    for row in read_tsv("places.tsv"):
        entry = KBEntry(kb_id=f"place:{fold(row['text']).replace(' ', '-')}", name=row["text"],
                        kind="place", country=row["country"] or None,
                        sector=row["sector"] or None, role=row.get("kind") or None,
                        source="places.tsv")
        kb.add(entry)
    for file in ("organisations_curated.tsv", "organisations_current.tsv", "organisations.tsv"):
        for row in read_tsv(file):
            entry = KBEntry(kb_id=row["kb_id"], name=row["name"], kind="organisation",
                            country=row["country"] or None, sector=row["sector"] or None,
                            role=row.get("kind") or None, source=file,
                            start=_date(row.get("start", "")), end=_date(row.get("end", "")))
            kb.add(entry, row.get("variants", "").split("|"))
    # Curated rows first, so their spellings and roles win ties.
    for row in read_tsv("offices.tsv"):
        countries = frozenset(row["country"].split("|")) if row["country"] else None
        for title in row["titles"].split("|"):
            key = fold_uncached(title)
            kb.office_titles.setdefault(key, []).append((row["office"], row["sector"], countries))
            kb.max_title_words = max(kb.max_title_words, len(key.split()))
        if row.get("several"):
            kb.shared_offices |= {row["office"]}
    curated = _person_rows(kb, "people_current.tsv")
    _person_rows(kb, "people.tsv", curated, _office_rows(kb))
    for file in ("sectors_current.tsv", "sectors.tsv"):  # curated first: the first word wins
        for row in read_tsv(file):
            kb.add_sector_word(row["phrase"], row["sector"])
    # Derived tables every run reads, computed here so they are kept in the disk cache with the
    # base instead of being walked out of its 100,000 names in each process.
    _ = kb.given_names, kb.curated_first_words, kb.proper_forms, kb.shared_given_names
    return kb


def with_entries(base: KnowledgeBase, entries: Iterable[tuple[KBEntry, list[str]]]) -> KnowledgeBase:
    """A copy of `base` with extra entries (imported dictionaries); the base is not changed.

    A name an import lists means what the import says: the base's entries for it give way
    ("KUWAIT [KUW]" in a dictionary that writes Kuwait KUW)."""
    kb = KnowledgeBase(
        names=defaultdict(list, {k: list(v) for k, v in base.names.items()}),
        adjectives=dict(base.adjectives),
        ethnic=set(base.ethnic),
        surnames=defaultdict(list, {k: list(v) for k, v in base.surnames.items()}),
        sectors=dict(base.sectors),
        country_names=dict(base.country_names),
        max_sector_words=base.max_sector_words,
        initials=defaultdict(list, {k: list(v) for k, v in base.initials.items()}),
        loose=defaultdict(list, {k: list(v) for k, v in base.loose.items()}),
        holders=base.holders,  # imports add no office-holders: shared, not copied
        office_titles=base.office_titles,
        max_title_words=base.max_title_words,
        shared_offices=base.shared_offices,
    )
    imported: set[str] = set()
    entries = list(entries)
    kb.key = entries_key(base, entries)
    for entry, variants in entries:
        if entry.kind == "sector":
            for variant in [entry.name, *variants]:
                kb.add_sector_word(variant, entry.sector or "")
            continue
        for key in {fold(v) for v in (entry.name, *variants)} - imported:
            imported.add(key)
            kb.names[key] = []
        kb.add(entry, variants)
    kb.imported = set(base.imported) | imported
    return kb


def entries_key(base: KnowledgeBase, entries: list[tuple[KBEntry, list[str]]]) -> str:
    """A content key for a base with entries added: equal contents, equal keys."""
    return hashlib.sha256(json.dumps(
        [base.key, [(repr(entry), sorted(variants)) for entry, variants in entries]]
    ).encode()).hexdigest()[:16]


# Knowledge bases with imports, by content: a long-running server or worker builds each once and
# keeps no more than a few (the shipped one is cached by `shipped_kb`).
_BASES: OrderedDict[str, KnowledgeBase] = OrderedDict()
BASE_CACHE_SIZE = 4


def knowledge_base(entries: Iterable[tuple[KBEntry, list[str]]] = ()) -> KnowledgeBase:
    """The shipped knowledge base plus imported entries (dictionaries), built once per content."""
    entries = list(entries)
    if not entries:
        return shipped_kb()
    base = shipped_kb()
    key = entries_key(base, entries)
    if key in _BASES:
        _BASES.move_to_end(key)
        return _BASES[key]
    kb = with_entries(base, entries)
    _BASES[key] = kb
    while len(_BASES) > BASE_CACHE_SIZE:
        _BASES.popitem(last=False)
    return kb
