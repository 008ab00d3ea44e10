"""Build sitrep's generated knowledge-base TSVs from the Phoenix/PETRARCH and NGEC files.

Usage: python scripts/build_kb.py [SHARED_DIR] [--out src/sitrep/data]

SHARED_DIR defaults to ../shared (the folder holding petrarch/ and ngec/). Writes
people.tsv, organisations.tsv, sectors.tsv and countries.tsv. The curated files
(people_current.tsv, organisations_current.tsv, places.tsv) are hand-made and not touched; the
curated office-holder and organisation tables (people_offices.tsv, organisations_curated.tsv)
are built by scripts/build_curated.py from scripts/kb/ (docs/actors.md).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sitrep.actors.cameo_dict import (  # noqa: E402 - after the path set-up above
    DictActor,
    DictAgent,
    DictRole,
    read_actors,
    read_agents,
)

BUILD_DATE = "2026-11-25"


def words(text: str) -> list[str]:
    return text.split()


PETRARCH_LICENCE = "MIT, Copyright (c) 2014 Open Event Data Alliance (openeventdata/petrarch2)"
NGEC_LICENCE = "MIT (ahalterman/NGEC-2025, declared in its pyproject.toml)"

# CAMEO country codes that are not current ISO 3166-1 alpha-3, mapped to what sitrep codes.
# Former states keep their ISO 3166-3 code (SUN, YUG, CSK, DDR, SCG).
ODD_COUNTRIES = {
    "TMP": "TLS",  # East Timor
    "KSV": "XKX",  # Kosovo (no ISO code; XKX as in NGEC countries.csv)
    "USR": "SUN",  # USSR
    "FRY": "YUG",  # Federal Republic of Yugoslavia 1992-2003 (ISO kept YUG)
    "SRP": "BIH",  # Republika Srpska
    "KRJ": "HRV",  # Republic of Serbian Krajina
    "FRN": "FRA",  # French overseas territories (FRNWLF)
    "ANG": "AGO",  # Angola (old code)
    "SUN": "SUN",
    "YUG": "YUG",
    "CSK": "CSK",
    "DDR": "DDR",
    "SCG": "SCG",
}
INTERNATIONAL = {"IGO": "IGO", "NGO": "NGO", "MNC": "BUS", "IMG": "REB", "UNO": "IGO"}

# CAMEO sector codes to PLOVER ones (PLOVER MED is health; CAMEO MED was media).
SECTORS = {
    **{c: c for c in words("GOV MIL COP JUD LEG OPP REB BUS CRM CVL EDU ELI LAB REF AGR SPY UAF")},
    **{c: c for c in words("PTY PRM PRE SOC REL JRN IGO NGO UNK")},
    "MED": "JRN",
    "HLH": "MED",
    "HRI": "NGO",
    "INS": "REB",
    "SEP": "REB",
    "ENV": "SOC",
    "DEV": "SOC",
    "UNR": "PRE",
    **{c: "REL" for c in words("BUD CHR CTH ORT PRO JEW MUS MOS SHI SUF HIN BAH JAN SIK")},
}
PORTFOLIOS = {
    "MIL": "defence",
    "EDU": "education",
    "HLH": "health",
    "AGR": "agriculture",
    "BUS": "economy",
    "ENV": "environment",
    "DEV": "development",
    "MED": "media",
    "LAB": "labour",
    "JUD": "justice",
    "SPY": "intelligence",
    "REL": "religious affairs",
    "COP": "police",
    "REF": "refugees",
}
IGO_BODIES = {
    "IGOUNOIAE": "IAEA",
    "IGOUNOHLHWHO": "World Health Organization",
    "IGOUNODEVWBK": "World Bank",
    "IGOBUSIMF": "International Monetary Fund",
    "IGOUNOKID": "UNICEF",
    "IGOUNOLABILO": "International Labour Organization",
    "IGOUNOREFHCR": "UNHCR",
    "IGOWSTNAT": "NATO",
    "IGOEUREEC": "European Union",
    "IGOUNO": "United Nations",
    "IGOBUSWTO": "World Trade Organization",
}
KINDS = {
    "IGO": "intergovernmental organisation",
    "NGO": "non-governmental organisation",
    "MNC": "multinational corporation",
    "IMG": "transnational armed group",
    "JRN": "news outlet",
    "REB": "armed group",
    "GOV": "government body",
    "MIL": "armed forces",
    "LEG": "legislature",
    "JUD": "judiciary",
    "COP": "police",
    "SPY": "intelligence service",
    "PTY": "political party",
    "OPP": "opposition group",
    "BUS": "company",
    "EDU": "educational body",
    "REL": "religious organisation",
    "MED": "health organisation",
    "CRM": "criminal group",
    "LAB": "labour organisation",
}
# Names of a kind of body many states have (a legislature or one of its chambers, a national
# guard): alone they name no one state's body (docs/actors.md), so a country's organisation does
# not take one as its name ("SENATE_" under the US Congress in Phoenix.Countries.actors.txt);
# its longer names stay ("US Senate", "Senate Foreign Relations Committee").
KINDS_OF_BODY = {
    "senate", "congress", "parliament", "national assembly", "house of representatives",
    "chamber of deputies", "national congress", "legislature", "national guard",
    "national security council", "nsc", "marine corps", "bundesrat",
}
TITLE_WORDS = set(
    words(
        "president former prime minister mr mr. mrs mrs. ms ms. dr dr. general gen gen. "
        "congressman congresswoman senator sen sen. secretary secretary-general communist leader "
        "cia director chancellor premier vice un u.n. us u.s. foreign defense defence chairman "
        "colonel col. lt. admiral adm. russian american chinese iranian syrian president-elect "
        "opposition supreme acting interim deputy united nations states kingdom"
    )
)
ORG_WORDS = re.compile(
    r"\b(council|movement|party|front|army|brigades?|state|republic|committee|assembly|"
    r"parliament|congress|government|ministry|forces?|organi[sz]ation|union|league|group|"
    r"kammer|court|bank|agency|commission|association|federation|alliance|jaish|jabhat|"
    r"al-qaeda|taliban|people's|national|islamic|soviet|office|service|police|guard|"
    r"legion|battalion|division|regiment|corps|militia|network|institute|coalition)\b",
    re.IGNORECASE,
)


# ---------------------------------------------------------------- helpers


def iso_codes() -> set[str]:
    codes = {c.alpha_3 for c in pycountry.countries}
    return codes | {"XKX"}


ISO = iso_codes()


def fold(text: str) -> str:
    """Lower-case ASCII fold: 'Nicolás' -> 'nicolas'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def slug(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", " ", fold(text)).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    return "-".join(words)


def country_of(role: DictRole) -> str:
    """sitrep country for a role: ISO alpha-3, UNO/EUR for UN/EU bodies, or ''."""
    country = (role.country or "").upper()
    upper = role.code.upper()
    if country == "IGO":
        if upper.startswith("IGOUNO"):
            return "UNO"
        return "EUR" if upper.startswith("IGOEUREEC") else ""
    if country in ("NGO", "MNC"):
        home = upper[3:6]
        return ODD_COUNTRIES.get(home, home) if home in ISO or home in ODD_COUNTRIES else ""
    if country == "UNO":
        return "UNO"
    if country in ODD_COUNTRIES:
        return ODD_COUNTRIES[country]
    return country if country in ISO else ""


def sector_of(role: DictRole) -> str:
    """PLOVER sector for a role: the international type, else the first sector block
    (religion blocks only when nothing else is coded: PLOVER keeps religion tertiary); a
    government role in the legislature (CAMEO GOVLEG: senators, members of parliament) is LEG,
    PLOVER's sector for lawmakers (the manual's "LEG Legislature: parliaments, assemblies,
    lawmakers"; PLOVER_agents.txt SENATOR, LAWMAKER, MP [~LEG])."""
    country = (role.country or "").upper()
    upper = role.code.upper()
    if country in INTERNATIONAL:
        return INTERNATIONAL[country]
    first = 0 if role.country is None else 3
    mapped = [
        SECTORS[upper[i : i + 3]]
        for i in range(first, len(upper), 3)
        if upper[i : i + 3] in SECTORS
    ]
    main = [s for s in mapped if s != "REL"]
    if main[:2] == ["GOV", "LEG"]:
        return "LEG"
    return main[0] if main else (mapped[0] if mapped else "")


def role_text(role: DictRole) -> str:
    """Role text derivable from the code alone: an IGO's name or a GOV portfolio."""
    upper = role.code.upper()
    for prefix in sorted(IGO_BODIES, key=len, reverse=True):
        if upper.startswith(prefix):
            return IGO_BODIES[prefix]
    if upper[3:6] == "GOV" and upper[6:9] in PORTFOLIOS:
        return f"government ({PORTFOLIOS[upper[6:9]]})"
    return ""


def is_country_entry(actor: DictActor) -> bool:
    for role in actor.roles:
        upper = role.code.upper()
        if len(upper) == 3 and (upper in ISO or upper in ODD_COUNTRIES):
            return True
        if len(upper) == 6 and upper[3:6] in ISO and upper[:3] in ODD_COUNTRIES:
            return True  # USRUKR, YUGBIH, FRNWLF: a republic inside a former state
    return False


def is_person(actor: DictActor) -> bool:
    if is_country_entry(actor) or not actor.roles:
        return False
    if "countryinfo" in actor.comment.lower():
        return True
    if ORG_WORDS.search(actor.names[0]):
        return False
    if all(sector_of(role) == "ELI" for role in actor.roles):
        return True  # ELI is for people only ("DENG_XIAOPING [CHNELI]")
    return any(role.dated for role in actor.roles)


def canonical_person_name(names: list[str]) -> str:
    """The first name without a leading title ('President', 'UN Secretary General', ...)
    and with at least two words; else the first name with its titles stripped."""
    stripped = [strip_titles(n) for n in names]
    for name, bare in zip(names, stripped, strict=True):
        if name == bare and len(name.split()) > 1:
            return name
    return next((b for b in stripped if len(b.split()) > 1), stripped[0])


def strip_titles(name: str) -> str:
    parts = name.split()
    while len(parts) > 1 and parts[0].lower() in TITLE_WORDS:
        parts = parts[1:]
    return " ".join(parts)


def iso_date(value: object) -> str:
    return value.isoformat() if value is not None else ""  # type: ignore[attr-defined]


def write_tsv(path: Path, header: list[str], columns: list[str], rows: Iterable[list[str]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8", newline="") as handle:
        for line in header:
            handle.write(f"# {line}\n" if line else "#\n")
        writer = csv.writer(
            handle, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, quotechar=None
        )
        writer.writerow(columns)
        for row in rows:
            writer.writerow([clean_cell(cell) for cell in row])
            count += 1
    return count


def clean_cell(value: str) -> str:
    """No tabs, newlines or double quotes in a cell: the files read the same with or
    without csv quoting."""
    return re.sub(r"[\t\r\n]+", " ", value).replace('"', "'").strip()


def provenance(what: str, sources: list[str], licence: list[str]) -> list[str]:
    return [
        f"sitrep knowledge base: {what}",
        f"generated by scripts/build_kb.py on {BUILD_DATE}; do not edit by hand, rebuild instead",
        "sources: " + "; ".join(sources),
        "licences: " + "; ".join(licence),
    ]


# ---------------------------------------------------------------- people


def build_people(petrarch: Path) -> list[list[str]]:
    entries: list[DictActor] = []
    for name in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        entries += [a for a in read_actors(petrarch / name) if is_person(a)]
    by_slug: dict[str, list[DictActor]] = defaultdict(list)
    for actor in entries:
        by_slug[slug(canonical_person_name(actor.names))].append(actor)
    rows: list[list[str]] = []
    for key_slug, actors in sorted(by_slug.items()):
        if key_slug:
            for kb_id, country, group in person_groups(key_slug, actors):
                rows += person_rows(kb_id, group, country)
    return rows


def person_groups(key_slug: str, actors: list[DictActor]) -> list[tuple[str, str, list[DictActor]]]:
    """Entries sharing a name are one person unless they belong to different countries;
    UN/EU/other international roles join the single national entry when there is one."""
    by_country: dict[str, list[DictActor]] = defaultdict(list)
    for actor in actors:
        by_country[main_country(actor)].append(actor)
    national = [c for c in by_country if c not in ("", "UNO", "EUR")]
    if len(national) <= 1:
        country = national[0] if national else main_country(actors[0])
        return [(f"person:{key_slug}", country, actors)]
    groups = []
    for country, group in sorted(by_country.items()):
        suffix = f"-{country.lower()}" if country else ""
        groups.append((f"person:{key_slug}{suffix}", country, group))
    return groups


def main_country(actor: DictActor) -> str:
    counts = Counter(country_of(r) for r in actor.roles if country_of(r))
    return counts.most_common(1)[0][0] if counts else ""


def person_rows(kb_id: str, actors: list[DictActor], country: str) -> list[list[str]]:
    names: list[str] = []
    for actor in actors:
        names += [n for n in actor.names if n not in names]
    canonical = canonical_person_name(names)
    variants = "|".join(n for n in names if n != canonical)
    seen: set[tuple[str, str, str, str]] = set()
    rows = []
    for actor in actors:
        for role in actor.roles:
            row_country = country_of(role) or (country if not role.dated else "")
            sector = sector_of(role)
            if not sector and not row_country:
                continue  # "[---]" and unknown codes
            key = (row_country, sector, iso_date(role.start), iso_date(role.end))
            if key in seen:
                continue
            seen.add(key)
            rows.append(
                [kb_id, canonical, variants, *key[:2], role_text(role), *key[2:], actor.source]
            )
    rows.sort(key=lambda r: (r[6] == "" and r[7] == "", r[6], r[7]))
    return rows if rows else []


# ---------------------------------------------------------------- organisations


def build_organisations(petrarch: Path) -> list[list[str]]:
    rows: list[list[str]] = []
    seen: set[str] = set()
    files = (
        ("Phoenix.International.actors.txt", False),
        ("Phoenix.MilNonState.actors.txt", True),
        ("Phoenix.Countries.actors.txt", False),
    )
    for name, armed in files:
        for actor in read_actors(petrarch / name):
            if is_person(actor) or is_country_entry(actor) or not actor.roles:
                continue
            row = organisation_row(actor, armed)
            if row is None or row[0] in seen or not row[4]:
                continue  # no sector: a dependency ("American Samoa") or an unknown code
            seen.add(row[0])
            rows.append(row)
    return rows


@cache
def _office_words() -> tuple[set[str], set[str]]:
    """The office titles of offices.tsv and the nationality adjectives of countries.tsv."""
    data = ROOT / "src" / "sitrep" / "data"
    titles, adjectives = set(), set()
    for name, column in (("offices.tsv", "titles"), ("countries.tsv", "adjectives")):
        with (data / name).open(encoding="utf-8") as handle:
            rows = csv.DictReader((line for line in handle if not line.startswith("#")),
                                  delimiter="\t", quoting=csv.QUOTE_NONE)
            for row in rows:
                (titles if column == "titles" else adjectives).update(
                    plain(t) for t in (row.get(column) or "").split("|") if t.strip())
    return titles, adjectives


def office_title_name(name: str) -> bool:
    """A nationality and an office title ("German Chancellor", "American President"): an
    office, whose holder on a date the resolver's office rule gives, not a body's name (Phoenix
    lists "GERMAN_CHANCELLOR" under the Reichstag)."""
    titles, adjectives = _office_words()
    tokens = plain(name).split()
    return any(" ".join(tokens[k:]) in titles and " ".join(tokens[:k]) in adjectives
               for k in range(1, len(tokens)))


def organisation_row(actor: DictActor, armed: bool) -> list[str] | None:
    role = next((r for r in actor.roles if not r.dated), actor.roles[-1])
    if not re.fullmatch(r"[A-Za-z0-9]{3,}", role.code):
        return None
    country = country_of(role)
    sector = sector_of(role) or ("REB" if armed else "")
    if not sector and not country:
        return None
    names = [n for n in actor.names if not (country and plain(n) in KINDS_OF_BODY)
             and not office_title_name(n)]
    if not names:
        return None
    kb_id = f"org:{slug(names[0])}"
    if kb_id == "org:":
        return None
    prefix = (role.country or "").upper()
    kind = KINDS.get(prefix) or KINDS.get(sector, "")
    if prefix == "MNC" and sector_of_block(role.code, "MED"):
        kind = "media company"
    variants = "|".join(names[1:])
    return [kb_id, names[0], variants, country, sector, kind, actor.source]


def sector_of_block(code: str, block: str) -> bool:
    upper = code.upper()
    return block in [upper[i : i + 3] for i in range(3, len(upper), 3)]


# ---------------------------------------------------------------- alignment with curated files


def plain(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def curated_index(path: Path, min_words: int) -> dict[tuple[str, str], str]:
    """(plain name, country) -> kb_id over a curated TSV's names and variants; names that
    point to two different kb_ids are left out."""
    if not path.exists():
        return {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    body = [ln for ln in lines if not ln.startswith("#")]
    index: dict[tuple[str, str], str] = {}
    clashes: set[tuple[str, str]] = set()
    for row in csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE):
        for name in [row["name"], *row["variants"].split("|")]:
            key = (plain(name), row["country"])
            if len(key[0].split()) < min_words:
                continue
            if index.get(key, row["kb_id"]) != row["kb_id"]:
                clashes.add(key)
            index[key] = row["kb_id"]
    return {key: kb_id for key, kb_id in index.items() if key not in clashes}


def align_ids(rows: list[list[str]], index: dict[tuple[str, str], str], min_words: int) -> int:
    """Give generated rows the kb_id of the curated entry with the same name and country, so
    the curated layer overrides them. Rows are [kb_id, name, variants, country, ...]."""
    groups: dict[str, list[list[str]]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row)
    renamed = 0
    for kb_id, group in groups.items():
        names = [group[0][1], *group[0][2].split("|")]
        countries = {row[3] for row in group}
        target = next(
            (
                index[(plain(n), c)]
                for n in names
                for c in sorted(countries)
                if len(plain(n).split()) >= min_words and (plain(n), c) in index
            ),
            kb_id,
        )
        if target != kb_id:
            renamed += 1
            for row in group:
                row[0] = target
    return renamed


# ---------------------------------------------------------------- sectors


def build_sectors(shared: Path) -> list[list[str]]:
    plover = read_agents(shared / "ngec" / "PLOVER_agents.txt")
    phoenix = read_agents(shared / "petrarch" / "Phoenix.agents.txt")
    rows: dict[str, list[str]] = {}
    for agent in plover:
        add_agent_rows(rows, agent, agent.sector, "ngec/PLOVER_agents.txt")
    for agent in phoenix:
        sector = SECTORS.get(agent.sector, "")
        if sector:
            add_agent_rows(rows, agent, sector, "petrarch/Phoenix.agents.txt")
    return [rows[phrase] for phrase in sorted(rows)]


MOJIBAKE = re.compile("[ãâÃÂ][\u0080-\u00bf\u0152-\u02dc\u2013-\u2122]")


def add_agent_rows(rows: dict[str, list[str]], agent: DictAgent, sector: str, source: str) -> None:
    for word in agent.words:
        if MOJIBAKE.search(word):
            continue  # "pãšblicas": UTF-8 read as cp1252 upstream; not repairable
        if word not in rows:  # first file read wins: PLOVER_agents before Phoenix
            rows[word] = [word, sector, source]


# ---------------------------------------------------------------- countries

DEMONYM_END = re.compile(r"(an|ans|ese|i|is|sh|ers?|ars?|ic|ots?|ch|men|man|ites?|ois|ene)$")
EXTRA_VARIANTS = {
    "USA": ["US", "U.S.", "U.S.A.", "America", "the United States", "the US", "the U.S."],
    "GBR": ["UK", "U.K.", "Britain", "Great Britain", "the UK", "the United Kingdom",
            "Northern Ireland"],
    "RUS": ["Russia", "the Russian Federation"],
    "CZE": ["Czech Republic"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "MMR": ["Burma"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "SWZ": ["Swaziland"],
    "MKD": ["Macedonia"],
    "NLD": ["Holland", "the Netherlands"],
    "PRK": ["DPRK", "North Korea"],
    "KOR": ["ROK", "South Korea"],
    "COD": ["DRC", "DR Congo", "Congo-Kinshasa", "Zaire"],
    "COG": ["Congo-Brazzaville"],
    "ARE": ["UAE", "U.A.E.", "the Emirates"],
    "VAT": ["the Holy See", "Holy See"],
    "CPV": ["Cape Verde"],
    "TLS": ["East Timor"],
    "TTO": ["Trinidad"],
    "PSE": ["Palestine"],
    "CHN": ["PRC", "the PRC", "mainland China"],
    # earlier names of a state under the same ISO code, still in archives and older news
    "KHM": ["Kampuchea", "Democratic Kampuchea"],
    "LKA": ["Ceylon"],
    "BEN": ["Dahomey"],
    "BFA": ["Upper Volta"],
}
# Nationality adjectives the NGEC and Phoenix lists lack (hand-made, project MIT licence).
EXTRA_ADJECTIVES = {
    "UZB": ["Uzbek", "Uzbeks"],
    "NPL": ["Nepali", "Nepalis"],
    "KHM": ["Khmer", "Kampuchean", "Kampucheans"],
    "GBR": ["Northern Irish"],
    "SSD": ["South Sudanese"],
    "NER": ["Nigerien", "Nigeriens"],
    "SVN": ["Slovenian", "Slovenians"],
    "ISL": ["Icelandic"],
    "MDV": ["Maldivian"],
    "KNA": ["Kittitian", "Kittitians", "Nevisian", "Nevisians"],
    "TLS": ["Timorese"],
}
# An adjective two countries share goes to the one the news means by it (hand-made, project MIT
# licence): "Congolese" alone is the DR Congo's far more often than Congo-Brazzaville's (and so
# the PLOVER gold records code "Congolese refugees" COD).
SHARED_ADJECTIVES = {"Congolese": "COD", "Congolese people": "COD"}
FORMER = {
    "SUN": ("Soviet Union", ["USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"], "Soviet"),
    "YUG": ("Yugoslavia", ["Federal Republic of Yugoslavia"], "Yugoslav"),
    "CSK": ("Czechoslovakia", [], "Czechoslovak"),
    "DDR": ("East Germany", ["German Democratic Republic", "GDR"], "East German"),
    "SCG": ("Serbia and Montenegro", [], ""),
}


def build_countries(shared: Path, capitals_path: Path) -> list[list[str]]:
    ngec = read_ngec_countries(shared / "ngec" / "countries.csv")
    phoenix = phoenix_country_names(shared / "petrarch" / "Phoenix.Countries.actors.txt")
    capitals = read_capitals(capitals_path)
    other_names = all_country_names(ngec)
    rows = []
    for code in sorted(ISO):
        rows.append(country_row(code, ngec, phoenix, capitals, other_names))
    for code, (name, variants, adjective) in FORMER.items():
        rows.append([code, name, "|".join(variants), adjective, "", "ISO 3166-3 (former country)"])
    return rows


def country_row(
    code: str,
    ngec: dict[str, tuple[str, list[str]]],
    phoenix: dict[str, list[str]],
    capitals: dict[str, str],
    other_names: dict[str, set[str]],
) -> list[str]:
    record = pycountry.countries.get(alpha_3=code)
    official = [
        getattr(record, attr, "") or "" for attr in ("common_name", "name", "official_name")
    ]
    ngec_name, ngec_items = ngec.get(code, ("", []))
    name = ngec_name or official[0] or official[1] or code
    names = [n for n in [*official, uninvert(official[1]), *EXTRA_VARIANTS.get(code, [])] if n]
    adjectives: list[str] = []
    for item in ngec_items:
        if names_other_country(item, code, other_names):
            continue  # a dependency listed under its state: it has its own ISO row
        (names if is_name_like(item, [name, *names]) else adjectives).append(item)
    for item in phoenix.get(code, []):
        if names_other_country(item, code, other_names):
            continue
        kind = classify_phoenix_variant(item, [name, *names], adjectives)
        if kind == "name":
            names.append(item)
        elif kind == "adjective":
            adjectives.append(item)
    adjectives.extend(EXTRA_ADJECTIVES.get(code, []))
    adjectives = [a for a in adjectives if SHARED_ADJECTIVES.get(a, code) == code]
    adjectives.extend(a for a, owner in SHARED_ADJECTIVES.items() if owner == code)
    variants = unique([n for n in names if fold(n) != fold(name)])
    sources = ["pycountry"] + (["ngec countries.csv"] if code in ngec else [])
    sources += ["Phoenix.Countries.actors.txt"] if code in phoenix else []
    sources += ["scripts/capitals.tsv"] if code in capitals else []
    return [
        code,
        name,
        "|".join(variants),
        "|".join(unique(adjectives)),
        capitals.get(code, ""),
        "; ".join(sources),
    ]


def uninvert(name: str) -> str:
    """'Venezuela, Bolivarian Republic of' -> 'Bolivarian Republic of Venezuela'."""
    if ", " not in name:
        return ""
    head, _, tail = name.partition(", ")
    return f"{tail} {head}"


def unique(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for item in items:
        key = fold(item)
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


NAME_WORDS = re.compile(
    r"\b(republic|kingdom|islands?|states?|of|territor(y|ies)|federation|democratic|union|"
    r"emirates|commonwealth|principality|sultanate|province|dr|rd)\b"
)


def is_name_like(item: str, names: list[str]) -> bool:
    """NGEC's Nationality column is mostly demonyms, with some other names of the country."""
    folded = fold(item)
    last = last_word(folded)
    if item.isupper() or NAME_WORDS.search(folded):
        return True  # "DRC", "UK", "Republic of China"
    if any(name_key(item) == name_key(n) for n in names):
        return True
    if DEMONYM_END.search(last):
        return False
    if re.search(r"(land|stan|wales)$", last):
        return True  # "England", "Wales"
    return any(fold(n) in folded for n in names if len(n) > 3)


def last_word(folded: str) -> str:
    words = re.sub(r"\(.*?\)", " ", folded).split()
    return words[-1] if words else folded


NOT_A_COUNTRY_NAME = re.compile(
    r"\b(soviet|supreme|parliament|council|assembly|government|county|province|city|wall|"
    r"river|mountains?|lake|falls|peak|hills|hook|occupied|administration|empires?|ciudad|"
    r"santiago|peninsula)\b"
)


def classify_phoenix_variant(item: str, names: list[str], adjectives: list[str]) -> str:
    """'name', 'adjective' or '' (not kept: cities, provinces, institutions, nicknames)."""
    folded = fold(item)
    if folded in {fold(a) for a in adjectives}:
        return "adjective"
    if folded in {fold(n) for n in names}:
        return "name"
    if len(folded) < 4 or NOT_A_COUNTRY_NAME.search(folded) or "\ufffd" in folded:
        return ""
    best_name = max((similar(folded, fold(n)) for n in names), default=0.0)
    best_adj = max((similar(folded, fold(a)) for a in adjectives), default=0.0)
    contains = any(fold(n) in folded for n in names if len(n) > 3)
    if not contains and max(best_name, best_adj) < 0.85:
        return ""
    last = last_word(folded)
    if DEMONYM_END.search(last) and not re.search(r"(land|stan)$", last):
        stem = any(last.startswith(fold(n)[:4]) for n in names if len(n) > 3)
        if stem or best_adj >= best_name:
            return "adjective"
    return "name"


def names_other_country(item: str, code: str, other_names: dict[str, set[str]]) -> bool:
    key = name_key(item)
    return any(key in keys for other, keys in other_names.items() if other not in ("", code))


def name_key(name: str) -> str:
    """Comparable form of a country name: folded, no brackets, no 'the', no plural -s."""
    text = re.sub(r"\(.*?\)", " ", fold(name)).replace(".", "")
    words = re.sub(r"[^a-z0-9]+", " ", text).split()
    if words and words[0] == "the":
        words = words[1:]
    if len(words) > 1 and words[-1] in ("island", "islands"):
        words = words[:-1]
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words)


def similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def read_ngec_countries(path: Path) -> dict[str, tuple[str, list[str]]]:
    out: dict[str, tuple[str, list[str]]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["CCA3"].strip()
            if code not in ISO:
                continue
            items = [i.strip() for i in row["Nationality"].split(",") if i.strip()]
            out[code] = (row["Name"].strip(), items)
    return out


def all_country_names(ngec: dict[str, tuple[str, list[str]]]) -> dict[str, set[str]]:
    """Comparable name keys per ISO code (pycountry names, their uninverted and pre-comma
    forms, and the NGEC short name)."""
    names: dict[str, set[str]] = defaultdict(set)
    for record in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(record, attr, None)
            if value:
                head, _, tail = value.partition(", ")
                tail = tail if len(tail.split()) > 1 else ""  # not "British" of VGB
                for form in (value, uninvert(value), head, tail):
                    if form:
                        names[record.alpha_3].add(name_key(form))
    for code, (name, _) in ngec.items():
        names[code].add(name_key(name))
    return names


def phoenix_country_names(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for actor in read_actors(path):
        if not is_country_entry(actor):
            continue
        code = current_country_code(actor)
        if code:
            out[code] += actor.names
    return out


def current_country_code(actor: DictActor) -> str:
    candidates = []
    for role in actor.roles:
        upper = role.code.upper()
        if len(upper) == 3:
            candidates.append((role.end is None, ODD_COUNTRIES.get(upper, upper)))
        elif len(upper) == 6 and upper[:3] in ODD_COUNTRIES and upper[3:] in ISO:
            candidates.append((role.end is None, upper[3:]))
    open_ended = [c for is_open, c in candidates if is_open and c in ISO]
    if open_ended:
        return open_ended[0]
    return next((c for _, c in reversed(candidates) if c in ISO), "")


def read_capitals(path: Path) -> dict[str, str]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = csv.DictReader((ln for ln in lines if not ln.startswith("#")), delimiter="\t")
    return {row["code"]: row["capital"] for row in rows}


# ---------------------------------------------------------------- main


def aligned(rows: list[list[str]], curated: Path, min_words: int) -> list[list[str]]:
    renamed = align_ids(rows, curated_index(curated, min_words), min_words)
    print(f"{curated.name}: {renamed} generated kb_ids aligned with it")
    return merge_names(rows, one_row=min_words == 1)


def merge_names(rows: list[list[str]], one_row: bool) -> list[list[str]]:
    """Rows sharing a kb_id get one name and the union of names as variants; with one_row
    (organisations) only the first row of each kb_id is kept."""
    names: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        names[row[0]] += [n for n in [row[1], *row[2].split("|")] if n]
    out: list[list[str]] = []
    seen: set[tuple[str, ...]] = set()
    for row in sorted(rows, key=lambda r: r[0]):
        key = (row[0],) if one_row else (row[0], *row[3:-1])
        if key in seen:
            continue  # the same role from two merged entries
        seen.add(key)
        own = row[0].partition(":")[2]
        name = next((n for n in names[row[0]] if slug(n) == own), names[row[0]][0])
        variants = unique(n for n in names[row[0]] if fold(n) != fold(name))
        out.append([row[0], name, "|".join(variants), *row[3:]])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default=str(ROOT.parent / "shared"))
    parser.add_argument("--out", default=str(ROOT / "src" / "sitrep" / "data"))
    args = parser.parse_args(argv)
    shared, out = Path(args.shared), Path(args.out)
    petrarch = shared / "petrarch"
    if not (petrarch / "Phoenix.Countries.actors.txt").exists():
        parser.error(f"{shared}: no petrarch/Phoenix.Countries.actors.txt; pass the shared folder")
    out.mkdir(parents=True, exist_ok=True)
    phoenix_src = "openeventdata/petrarch2 dictionaries"
    counts = {
        "people.tsv": write_tsv(
            out / "people.tsv",
            provenance(
                "people with dated CAMEO roles (one row per person and role; empty dates = "
                "the undated fallback identity, e.g. ELI). country: ISO alpha-3, UNO = United "
                "Nations system, EUR = European Union, empty = other international body. kb_ids "
                "follow people_current.tsv where a full name and the country match",
                [f"{phoenix_src}: Phoenix.Countries.actors.txt, Phoenix.International.actors.txt"],
                [PETRARCH_LICENCE],
            ),
            ["kb_id", "name", "variants", "country", "sector", "role", "start", "end", "source"],
            aligned(build_people(petrarch), out / "people_current.tsv", 2),
        ),
        "organisations.tsv": write_tsv(
            out / "organisations.tsv",
            provenance(
                "organisations, armed groups, media and national institutions; sector is "
                "PLOVER (CAMEO MED media -> JRN, HLH health -> MED); country as in people.tsv; "
                "kb_ids follow organisations_current.tsv where a name and the country match",
                [
                    f"{phoenix_src}: Phoenix.International.actors.txt, "
                    "Phoenix.MilNonState.actors.txt, Phoenix.Countries.actors.txt"
                ],
                [PETRARCH_LICENCE],
            ),
            ["kb_id", "name", "variants", "country", "sector", "kind", "source"],
            aligned(build_organisations(petrarch), out / "organisations_current.tsv", 1),
        ),
        "sectors.tsv": write_tsv(
            out / "sectors.tsv",
            provenance(
                "sector words -> PLOVER sector (primary 3-letter code; JNK/NON = not an "
                "actor, UNK = unidentified). Substitution sets expanded, regular plurals added",
                [
                    "ngec/PLOVER_agents.txt (wins on conflict)",
                    f"{phoenix_src}: Phoenix.agents.txt (CAMEO codes mapped to PLOVER)",
                ],
                [NGEC_LICENCE, PETRARCH_LICENCE],
            ),
            ["phrase", "sector", "source"],
            build_sectors(shared),
        ),
        "countries.tsv": write_tsv(
            out / "countries.tsv",
            provenance(
                "countries: every ISO 3166-1 country plus Kosovo (XKX) and former states "
                "used by Phoenix (ISO 3166-3). variants/adjectives '|'-separated",
                [
                    "pycountry (ISO 3166 data, LGPL-2.1; facts only)",
                    "ngec/countries.csv (Nationality column)",
                    f"{phoenix_src}: Phoenix.Countries.actors.txt (name variants)",
                    "scripts/capitals.tsv (hand-made, project MIT)",
                ],
                [NGEC_LICENCE, PETRARCH_LICENCE, "project MIT"],
            ),
            ["code", "name", "variants", "adjectives", "capital", "source"],
            build_countries(shared, ROOT / "scripts" / "capitals.tsv"),
        ),
    }
    for name, count in counts.items():
        print(f"{out / name}: {count} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
