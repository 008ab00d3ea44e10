"""Build the curated knowledge-base layers from the tables in scripts/kb/.

Usage: python scripts/build_curated.py [--out src/sitrep/data]

Writes `people_offices.tsv` (from scripts/kb/offices_*.txt) and `organisations_curated.tsv`
(from scripts/kb/organisations*.txt). The generated layers (people.tsv, organisations.tsv,
sectors.tsv, countries.tsv) come from scripts/build_kb.py.

Each `scripts/kb/offices_*.txt` line is one term of one office:

    CODE|OFFICE|Name|variant|variant|...|start|end

CODE is ISO 3166-1 alpha-3 (XKX Kosovo, PSE Palestine); OFFICE one of the abbreviations in
OFFICES below (offices.tsv says what each means and which titles name it); start and end are
YYYY-MM-DD, or YYYY-MM where only the month is known (written as the 1st and flagged
"approximate" in the row's source); an empty end = in office as far as the table knows (it is
dated 2026-11). A person keeps one kb_id across terms and offices; where people_current.tsv
already has the person (same name or variant, same country), its kb_id is used, so the two
layers describe one person.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "scripts" / "kb"
DATA = ROOT / "src" / "sitrep" / "data"
AS_OF = "2026-11"

OFFICES = {
    "HS": "head_of_state", "HG": "head_of_government", "VP": "vice_president",
    "DPM": "deputy_head_of_government", "CP": "crown_prince", "FM": "foreign_minister",
    "DM": "defence_minister", "IM": "interior_minister", "FIN": "finance_minister",
    "MC": "military_chief", "CB": "central_bank_governor", "SP": "speaker",
    "SPY": "intelligence_chief", "POL": "police_chief", "SPK": "foreign_ministry_spokesperson",
    "DFM": "deputy_foreign_minister",
}
DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


LETTERS = str.maketrans({"ð": "d", "þ": "th", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss",
                         "ł": "l", "đ": "d", "ı": "i", "ħ": "h"})


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(LETTERS))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.replace(".", "")).split())


def slug(text: str) -> str:
    return fold(text).replace(" ", "-")


def parse_line(line: str, where: str) -> dict[str, str]:
    fields = line.split("|")
    bodies = [f.removeprefix("body=").strip() for f in fields if f.startswith("body=")]
    fields = [f for f in fields if not f.startswith("body=")]
    if len(fields) < 5 or len(bodies) > 1:
        raise SystemExit(f"{where}: expected CODE|OFFICE|Name|...|[body=NAME|]start|end, got {line!r}")
    code, office, name, *variants, start, end = fields
    if office not in OFFICES:
        raise SystemExit(f"{where}: unknown office {office!r}; use one of {sorted(OFFICES)}")
    for value in (start, end):
        if value and not DATE.match(value):
            raise SystemExit(f"{where}: {value!r} is not YYYY-MM-DD or YYYY-MM")
    approximate = any(len(v) == 7 for v in (start, end) if v)
    return {
        "country": code, "office": OFFICES[office], "sector": "", "role": "", "name": name.strip(),
        "body": bodies[0] if bodies else "",
        "variants": "|".join(v.strip() for v in variants if v.strip()),
        "start": start + "-01" if len(start) == 7 else start,
        "end": end + "-28" if len(end) == 7 else end,
        "source": f"{Path(where.split(':')[0]).name}"
                  + ("; dates approximate to the month" if approximate else ""),
    }


def parse_person(line: str, where: str) -> dict[str, str]:
    """A people.txt line: Name|variant|...|CODE|SECTOR|role|start|end."""
    fields = line.split("|")
    if len(fields) < 6:
        raise SystemExit(f"{where}: expected Name|...|CODE|SECTOR|role|start|end, got {line!r}")
    name, *variants, code, sector, role, start, end = fields
    for value in (start, end):
        if value and not DATE.match(value):
            raise SystemExit(f"{where}: {value!r} is not YYYY-MM-DD or YYYY-MM")
    return {"country": code, "office": "", "sector": sector, "role": role, "name": name.strip(),
            "body": "",
            "variants": "|".join(v.strip() for v in variants if v.strip()),
            "start": start + "-01" if len(start) == 7 else start,
            "end": end + "-28" if len(end) == 7 else end, "source": Path(where.split(":")[0]).name}


def read_sources(folder: Path) -> list[dict[str, str]]:
    rows = []
    for path in sorted(folder.glob("offices_*.txt")) + [folder / "people.txt"]:
        parse = parse_person if path.name == "people.txt" else parse_line
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if line and not line.startswith("#"):
                rows.append(parse(line, f"{path.name}:{number}"))
    return rows


def curated_ids(path: Path) -> dict[tuple[str, str], str]:
    """(folded name or variant, country) -> kb_id in people_current.tsv."""
    index: dict[tuple[str, str], str] = {}
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        for name in [row["name"], *row["variants"].split("|")]:
            if len(fold(name).split()) >= 2:
                index.setdefault((fold(name), row["country"]), row["kb_id"])
    return index


def assign_ids(rows: list[dict[str, str]], curated: dict[tuple[str, str], str]) -> None:
    """One kb_id per person: people_current's where it knows them, else the name's slug, with
    the country added where two countries' holders share a name (Albert II)."""
    countries: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        countries[slug(row["name"])].add(row["country"])
    for row in rows:
        names = [row["name"], *row["variants"].split("|")]
        known = next((curated[(fold(n), row["country"])] for n in names
                      if (fold(n), row["country"]) in curated), None)
        own = slug(row["name"])
        suffix = f"-{row['country'].lower()}" if len(countries[own]) > 1 else ""
        row["kb_id"] = known or f"person:{own}{suffix}"


def merge_variants(rows: list[dict[str, str]]) -> None:
    """Every row of a person lists all the spellings any of its rows gives."""
    spellings: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        for name in [row["name"], *row["variants"].split("|")]:
            if name and name not in spellings[row["kb_id"]]:
                spellings[row["kb_id"]].append(name)
    for row in rows:
        row["variants"] = "|".join(n for n in spellings[row["kb_id"]] if n != row["name"])


HEADER = f"""# people_offices.tsv: who held which office when, for every country the tables cover, 2000-{AS_OF[:4]}:
# heads of state and government in every region, and where compiled, vice presidents, foreign,
# defence, interior and finance ministers, military chiefs, central bank governors and speakers,
# heads of intelligence and security services, national police chiefs, foreign-ministry
# spokespeople and deputy foreign ministers. Generated by scripts/build_curated.py from the curated tables scripts/kb/offices_*.txt (named in
# each row's source); edit those and rebuild, do not edit this file by hand.
# Compiled for sitrep from general public knowledge of office-holders (government and parliament
# websites, official gazettes and news of appointments as the compiler knew them), dated as of
# {AS_OF}: the compiler's knowledge thins after mid-2025, so a change of office after that may be
# missing; an empty end means in office as far as the table knows. A row is checked by its
# start and end against the office's official list of holders; "dates approximate to the month"
# in a row's source says the day is not known. Project MIT licence.
# Rows from scripts/kb/people.txt (leaders of armed groups and movements, opposition leaders,
# business leaders) have no office but their own sector and role.
# columns: kb_id, country (ISO alpha-3; XKX Kosovo; empty = transnational), office (offices.tsv;
# its sector and role then apply), sector and role (rows without an office), name, variants
# ('|'-separated), start and end (ISO dates), source, body (the kb_id of the service or force
# the holder heads, organisations_curated.tsv; empty for the offices of a country)."""


ORG_HEADER = f"""# organisations_curated.tsv: political parties, armed and criminal groups, intelligence, police
# and security agencies, military services, commands, fleets and units, legislatures, courts,
# central banks, seats of power, universities and think tanks, each with its country and PLOVER
# sector. Generated by scripts/build_curated.py from scripts/kb/organisations*.txt; edit those and
# rebuild. Compiled for sitrep from general public knowledge (the bodies' own sites and statutes
# as the compiler knew them), dated as of {AS_OF}. Read before organisations_current.tsv and the
# Phoenix-generated organisations.tsv, so its rows win ties. A row is checked by the body's
# country (where it is based or whose state it belongs to) and its sector by the PLOVER manual's
# sector table: parties PTY (a ruling communist party GOV), armed opposition REB, criminal
# groups CRM, state paramilitaries PRM, intelligence SPY, police COP, armed forces MIL,
# legislatures LEG, courts JUD, universities EDU, think tanks NGO. An empty country is a
# transnational body. Project MIT licence.
# A body whose role changed has a row per role with its dates (start, end; empty = open).
# columns: kb_id, name, variants ('|'-separated), country, sector, kind, start, end, source"""
SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "SPY", "PTY", "PRM", "CRM", "EDU", "NGO",
           "IGO", "BUS", "JRN", "REL", "MED", "UAF", "LAB"}


def write_organisations(sources: list[Path], out: Path) -> list[list[str]]:
    rows = []
    seen: set[str] = set()
    lines = [(source, number, line) for source in sources
             for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)]
    for source, number, line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = line.split("|")
        dates = dict(f.split("=", 1) for f in fields if f.startswith(("from=", "to=")))
        *names, code, sector, kind = [f for f in fields if not f.startswith(("from=", "to="))]
        where = f"{source.name}:{number}"
        for value in dates.values():
            if not DATE.match(value):
                raise SystemExit(f"{where}: {value!r} is not YYYY-MM-DD")
        if sector not in SECTORS or (code and not re.fullmatch(r"[A-Z]{3}", code)):
            raise SystemExit(f"{where}: expected Name|variants...|CODE|SECTOR|kind, got {line!r}")
        kb_id = f"org:{slug(names[0])}"
        if kb_id in seen and dates:
            pass  # another dated role of the same body
        elif kb_id in seen:
            kb_id = f"{kb_id}-{code.lower()}"
        seen.add(kb_id)
        rows.append([kb_id, names[0], "|".join(n for n in names[1:] if n), code, sector, kind,
                     dates.get("from", ""), dates.get("to", ""), source.name])
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(ORG_HEADER + "\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_NONE, quotechar=None)
        writer.writerow(["kb_id", "name", "variants", "country", "sector", "kind", "start", "end",
                         "source"])
        writer.writerows(rows)
    print(f"{out}: {len(rows)} rows", file=sys.stderr)
    return rows


def assign_bodies(rows: list[dict[str, str]], organisations: list[list[str]]) -> None:
    """A `body=NAME` (the service or force an office-holder heads) -> the body's kb_id, by its
    name or a variant in organisations*.txt, of the holder's country; the row's role names it."""
    ids: dict[tuple[str, str], tuple[str, str]] = {}
    for kb_id, name, variants, code, *_ in organisations:
        for spelling in [name, *variants.split("|")]:
            ids.setdefault((fold(spelling), code), (kb_id, name))
    for row in rows:
        if row["body"]:
            key = (fold(row["body"]), row["country"])
            if key not in ids:
                raise SystemExit(f"{row['source']}: body {row['body']!r} of {row['name']} is no "
                                 f"{row['country']} body in organisations*.txt")
            row["body"], name = ids[key]
            row["role"] = f"Head of the {name}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(DATA))
    args = parser.parse_args(argv)
    organisations = write_organisations(sorted(SOURCES.glob("organisations*.txt")),
                                        Path(args.out) / "organisations_curated.tsv")
    rows = read_sources(SOURCES)
    assign_bodies(rows, organisations)
    assign_ids(rows, curated_ids(DATA / "people_current.tsv"))
    merge_variants(rows)
    rows.sort(key=lambda r: (r["country"], r["office"], r["start"], r["name"]))
    columns = ["kb_id", "country", "office", "sector", "role", "name", "variants", "start", "end",
               "source", "body"]
    out = Path(args.out) / "people_offices.tsv"
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(HEADER + "\n")
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n",
                            quoting=csv.QUOTE_NONE, quotechar=None)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row[c] for c in columns])
    print(f"{out}: {len(rows)} rows, {len({r['kb_id'] for r in rows})} people, "
          f"{len({r['country'] for r in rows})} countries", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
