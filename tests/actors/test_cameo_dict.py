"""Tests of the CAMEO dictionary reader and of the knowledge-base TSVs built from it."""

from __future__ import annotations

import csv
import datetime
import re
from pathlib import Path

import pycountry
import pytest

from sitrep.actors.cameo_dict import (
    DictActor,
    human_name,
    parse_date,
    plural_phrase,
    read_actors,
    read_agents,
    split_code,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
DATA = Path(__file__).resolve().parents[2] / "src" / "sitrep" / "data"
D = datetime.date


def write(tmp_path: Path, text: str, name: str = "test.actors.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def by_name(actors: list[DictActor]) -> dict[str, DictActor]:
    return {actor.names[0]: actor for actor in actors}


# ---------------------------------------------------------------- actor syntax


def test_entry_with_aliases_and_primary_code(tmp_path: Path) -> None:
    path = write(tmp_path, "VENEZUELA_  [VEN]\n+VENEZUELAN_\n+VENEZEULA_\nCARACAS [VENGOV]\n")
    actors = read_actors(path)
    assert [a.names for a in actors] == [["Venezuela", "Venezuelan", "Venezeula"], ["Caracas"]]
    role = actors[0].roles[0]
    assert (role.code, role.country, role.sector, role.start, role.end) == (
        "VEN",
        "VEN",
        None,
        None,
        None,
    )
    assert actors[1].roles[0].sector == "GOV"
    assert actors[0].source == "test.actors.txt"


def test_dated_roles_ranges_and_undated_fallback(tmp_path: Path) -> None:
    text = (
        "HUGO_CHAVEZ_  # CountryInfo.txt\n"
        "\t[VENELI 720101-990202]\n"
        "\t[VENGOV 990202-020412]\n"
        "\t[VENGOV 20020414-20130305]\n"
        "\t[VENELI]\n"
    )
    (chavez,) = read_actors(write(tmp_path, text))
    assert chavez.names == ["Hugo Chavez"]
    assert chavez.comment == "CountryInfo.txt"
    spans = [(r.code, r.start, r.end) for r in chavez.roles]
    assert spans == [
        ("VENELI", D(1972, 1, 1), D(1999, 2, 2)),
        ("VENGOV", D(1999, 2, 2), D(2002, 4, 12)),
        ("VENGOV", D(2002, 4, 14), D(2013, 3, 5)),
        ("VENELI", None, None),  # fallback identity outside office
    ]
    assert not chavez.roles[-1].dated


def test_open_ranges_with_and_without_spaces(tmp_path: Path) -> None:
    text = (
        "GOLLUM\n+SMEAGOL\n"
        "\t[HOB < 950601]\n"
        "\t[HOBGOV 19950601 - 19990815]\n"
        "\t[HOBREB >990816]\n"
        "RAMON_CARRIZALEZ_\n\t[VENGOV >080106]\n"
    )
    actors = by_name(read_actors(write(tmp_path, text)))
    gollum = actors["Gollum"]
    assert gollum.names == ["Gollum", "Smeagol"]
    assert [(r.start, r.end) for r in gollum.roles] == [
        (None, D(1995, 6, 1)),
        (D(1995, 6, 1), D(1999, 8, 15)),
        (D(1999, 8, 16), None),
    ]
    assert actors["Ramon Carrizalez"].roles[0].start == D(2008, 1, 6)


def test_codes_on_the_name_line_and_several_per_line(tmp_path: Path) -> None:
    text = "JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]# IGOrulers.txt\nTHE_SHIRE [FRO/BIL]\n"
    actors = by_name(read_actors(write(tmp_path, text)))
    cuellar = actors["Javier de Cuellar"]
    assert [(r.code, r.country, r.sector) for r in cuellar.roles] == [
        ("IGOUNO", "IGO", "UNO"),
        ("ELI", None, "ELI"),
    ]
    assert [(r.code, r.joint) for r in actors["The Shire"].roles] == [("FRO", True), ("BIL", True)]
    assert not any(r.joint for r in cuellar.roles)  # two roles, not two actors at once


def test_comments_are_skipped(tmp_path: Path) -> None:
    text = (
        "<!-- ACTOR DICTIONARY -->\n"
        "<!--\n# a block comment\nNOT_AN_ACTOR [XXX]\n# -->\n"
        "<! -- odd opener -->\n"
        "# FORMER_ENTRY [USA]\n"
        "ITALY  [ITA] #JW   9/10/91\n"
        "+ITALIAN #JW   9/10/91\n"
        "SPAIN <!-- inline --> [ESP]\n"
    )
    actors = read_actors(write(tmp_path, text))
    assert [a.names for a in actors] == [["Italy", "Italian"], ["Spain"]]
    assert actors[0].comment == "JW   9/10/91"


def test_entry_without_code_shares_the_next_entrys_codes(tmp_path: Path) -> None:
    # PETRARCH gives code-less entries the codes of the next entry that has some.
    text = "U.N._\nUN_SECRETARY_GENERAL\n+UNSG\n\t[IGOUNO]\nNATO [IGOWSTNAT]\n"
    problems: list[str] = []
    actors = by_name(read_actors(write(tmp_path, text), problems))
    assert [r.code for r in actors["U.N."].roles] == ["IGOUNO"]
    assert [r.code for r in actors["UN Secretary General"].roles] == ["IGOUNO"]
    assert problems == []


def test_malformed_lines_are_counted_not_fatal(tmp_path: Path) -> None:
    text = (
        "\t[USAGOV]\n"  # code line before any entry
        "+ORPHAN_ALIAS\n"  # alias before any entry
        "EGYPT [EGY]\n"
        "\t[EGYGOV 20121207-20120802]\n"  # range ends before it starts
        "\t[EGYGOV 2004017-20061201]\n"  # 7-digit date
        "\t[EGYGOV 20121204]\n"  # date without < > or -
        "\t[EGYGOV 991301-000101]\n"  # month 13
        "\tno code here\n"
        "LIBYA [LBY\n"  # unbalanced bracket
        "SYRIA [SYR] [SYRGOV >bad] [SYRMIL]\n"  # one bad code among good ones
    )
    problems: list[str] = []
    actors = by_name(read_actors(write(tmp_path, text), problems))
    assert len(problems) == 9
    assert all(p.startswith(str(tmp_path / "test.actors.txt")) for p in problems)
    assert [r.code for r in actors["Egypt"].roles] == ["EGY"]
    assert actors["Libya"].roles == []
    assert [r.code for r in actors["Syria"].roles] == ["SYR", "SYRMIL"]


def test_not_a_dictionary_raises_naming_the_file(tmp_path: Path) -> None:
    prose = write(tmp_path, "Just some prose.\nNothing in brackets here.\n", "notes.txt")
    with pytest.raises(ValueError, match=r"notes\.txt.*fix:"):
        read_actors(prose)
    binary = tmp_path / "data.bin"
    binary.write_bytes(b"\x1f\x8b\x08\x00\x00\x00binary")
    with pytest.raises(ValueError, match=r"data\.bin.*fix:"):
        read_actors(binary)
    with pytest.raises(ValueError, match=r"missing\.txt"):
        read_agents(tmp_path / "missing.txt")
    with pytest.raises(ValueError, match=r"notes\.txt"):
        read_agents(prose)


def test_dates_and_codes() -> None:
    assert parse_date("300101") == D(2030, 1, 1)  # YY <= 30 is 20YY
    assert parse_date("310101") == D(1931, 1, 1)
    assert parse_date("19411207") == D(1941, 12, 7)
    with pytest.raises(ValueError):
        parse_date("1920030320")
    assert split_code("VENGOVMIL") == ("VEN", "GOV")
    assert split_code("USA") == ("USA", None)
    assert split_code("ELI") == (None, "ELI")
    assert split_code("BUDREB") == (None, "BUD")
    assert split_code("IMGMUSISI") == ("IMG", "MUS")
    assert split_code("pse") == ("PSE", None)
    assert split_code("---") == (None, None)


def test_human_names() -> None:
    assert human_name("BASHAR_AL-ASSAD_") == "Bashar al-Assad"
    assert human_name("MOHAMMED_BIN_SALMAN") == "Mohammed bin Salman"
    assert human_name("JOHN_MCCLOY_") == "John McCloy"
    assert human_name("GEORGE_W._BUSH") == "George W. Bush"
    assert human_name("POPE_JOHN_PAUL_II") == "Pope John Paul II"
    assert human_name("IAEA_", acronyms=True) == "IAEA"
    assert human_name("UN_SECURITY_COUNCIL", acronyms=True) == "UN Security Council"
    assert human_name("ANIMAL_LIBERATION_FRONT_(ALF)_", acronyms=True) == (
        "Animal Liberation Front (ALF)"
    )


# ---------------------------------------------------------------- agent syntax


def test_agents_substitution_sets_and_plurals(tmp_path: Path) -> None:
    text = (
        "!PERSON! = MAN, MEN, WOMAN, WOMEN\n"
        "!MINIST! = MINISTER, MINISTERS\n"
        "MINISTER  [~GOV] # ab 20 Jul 2005\n"
        "CONGRESS!PERSON! [~LEG]\n"
        "!MINIST!_OF_SILLY_WALKS [~GOV]\n"
        "POLICE {} [ ~COP]\n"
        "ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\n"
        "DEPUTY [~GOV]\n"
        "CHAIRMAN [~GOV]\n"
        "MINISTER_OF_DEFENSE [~GOVMIL]\n"
        "TROOPS [~MIL]\n"
        "HUMAN_RIGHTS_BODY  [NGO~]\n"
        "!MINIST! FOR_AD!MINIST!RATIVE_REFORM [~GOV]\n"
    )
    agents = read_agents(write(tmp_path, text, "test.agents.txt"))
    words = {a.words[0]: a for a in agents}
    assert words["minister"].words == ["minister", "ministers"]
    assert words["minister"].sector == "GOV" and words["minister"].agent_only
    assert words["congressman"].words == [
        "congressman",
        "congressmen",
        "congresswoman",
        "congresswomen",
    ]
    assert words["minister of silly walks"].words == [
        "minister of silly walks",
        "ministers of silly walks",
    ]
    assert words["police"].words == ["police"] and words["police"].sector == "COP"
    assert words["attorney general"].words == ["attorney general", "attorneys general"]
    assert words["deputy"].words == ["deputy", "deputies"]
    assert words["chairman"].words == ["chairman", "chairmen"]
    assert words["minister of defense"].words[1] == "ministers of defense"
    assert (words["minister of defense"].sector, words["minister of defense"].code) == (
        "GOV",
        "GOVMIL",
    )
    assert words["troops"].words == ["troops"]
    ngo = words["human rights body"]
    assert (ngo.sector, ngo.agent_only) == ("NGO", False)
    assert words["minister for administrative reform"].words[1] == (
        "ministers for administrative reform"
    )
    assert plural_phrase("CHAMBER_OF_COMMERCE") == "CHAMBERS OF COMMERCE"


def test_malformed_agent_lines_are_counted(tmp_path: Path) -> None:
    text = (
        "MINISTER [~GOV]\n"
        "DEPARMENT_OF_ENVIRONMENT [~ENV}\n"
        "ISLAMIC_EXTREMIST\n"
        "!UNDEFINED!_GROUP [~REB]\n"
        "BAD {PLURAL [~GOV]\n"
    )
    problems: list[str] = []
    agents = read_agents(write(tmp_path, text, "bad.agents.txt"), problems)
    assert [a.words[0] for a in agents] == ["minister"]
    assert len(problems) == 4
    assert any("UNDEFINED" in p for p in problems)


# ---------------------------------------------------------------- PETRARCH validation files


def top_level_actor_lines(path: Path) -> int:
    """Entries counted independently of the parser: lines that start a new entry."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if re.match(r"[^\s#+<\[]", line))


def test_every_validation_actor_parses() -> None:
    path = FIXTURES / "PETR.Validate.actors.txt"
    problems: list[str] = []
    actors = read_actors(path, problems)
    assert problems == []
    assert len(actors) == top_level_actor_lines(path) == 128
    assert all(actor.roles for actor in actors)
    named = by_name(actors)
    assert named["Gondor"].names == ["Gondor", "Minas Tirith", "Anorien"]
    assert named["Gondor"].roles[0].country == "GON"
    sam = named["Sam Gamgee"]
    assert [(r.code, r.start, r.end) for r in sam.roles[1:]] == [
        ("HOBCIV", None, D(2008, 1, 20)),
        ("ORCHOB", D(2010, 1, 9), D(2010, 1, 12)),
        ("HOBMIL", D(2008, 1, 20), D(2012, 11, 9)),
        ("HOBGOV", D(2012, 11, 9), D(2013, 1, 19)),
        ("HOBELI", D(2013, 1, 19), None),
    ]
    assert [r.code for r in named["Zimbabwe"].roles] == ["RHO", "ZBW"]
    interpol = named["International Criminal Police Organization"]
    assert (interpol.names[1], interpol.roles[0].code) == ("Interpol", "IGOCOPITP")


def test_every_validation_agent_parses() -> None:
    path = FIXTURES / "PETR.Validate.agents.txt"
    problems: list[str] = []
    agents = read_agents(path, problems)
    lines = path.read_text(encoding="utf-8").splitlines()
    expected = sum(1 for ln in lines if re.match(r"[^\s#<]", ln) and "=" not in ln)
    assert problems == []
    assert len(agents) == expected == 88
    words = {w: a.sector for a in agents for w in a.words}
    assert words["ministers of silly walks"] == "GOV"
    assert words["congresswomen"] == "LEG"
    assert words["golden geese"] == "GGS"


# ---------------------------------------------------------------- shipped TSVs

PEOPLE_COLUMNS = [
    "kb_id",
    "name",
    "variants",
    "country",
    "sector",
    "role",
    "start",
    "end",
    "source",
]
TSV_COLUMNS = {
    "people.tsv": PEOPLE_COLUMNS,
    "people_current.tsv": PEOPLE_COLUMNS,
    "organisations.tsv": ["kb_id", "name", "variants", "country", "sector", "kind", "source"],
    "organisations_current.tsv": [
        "kb_id",
        "name",
        "variants",
        "country",
        "sector",
        "kind",
        "source",
    ],
    "sectors.tsv": ["phrase", "sector", "source"],
    "countries.tsv": ["code", "name", "variants", "adjectives", "capital", "source"],
    "places.tsv": ["text", "country", "sector", "kind", "source"],
}
INTERNATIONAL = {"UNO", "EUR"}
FORMER = {"SUN", "YUG", "CSK", "DDR", "SCG", "XKX"}


def load(name: str) -> list[dict[str, str]]:
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as handle:
        first = handle.readline()
        assert first.startswith("#"), f"{name} starts with its provenance comment"
        lines = [first, *handle]
    body = [line for line in lines if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    assert reader.fieldnames == TSV_COLUMNS[name]
    rows = list(reader)
    for row in rows:
        assert None not in row and None not in row.values(), (name, row)
    return rows


@pytest.mark.parametrize("name", sorted(TSV_COLUMNS))
def test_shipped_tsv_loads_with_its_columns(name: str) -> None:
    rows = load(name)
    assert rows
    valid = {c.alpha_3 for c in pycountry.countries} | INTERNATIONAL | FORMER
    for row in rows:
        if "country" in row:
            assert row["country"] == "" or row["country"] in valid, (name, row)
        if "start" in row:
            for key in ("start", "end"):
                if row[key]:
                    datetime.date.fromisoformat(row[key])


def covering(rows: list[dict[str, str]], kb_id: str, day: str) -> list[dict[str, str]]:
    return [
        r
        for r in rows
        if r["kb_id"] == kb_id
        and r["start"]
        and r["start"] <= day
        and (not r["end"] or day < r["end"])
    ]


def test_current_people_cover_the_seed_article() -> None:
    rows = load("people_current.tsv")
    maduro = covering(rows, "person:nicolas-maduro", "2025-10-15")
    assert [(r["name"], r["country"], r["sector"]) for r in maduro] == [
        ("Nicolás Maduro", "VEN", "GOV")
    ]
    assert maduro[0]["role"] == "President of Venezuela"
    chavez_gov = [r for r in rows if r["kb_id"] == "person:hugo-chavez" and r["sector"] == "GOV"]
    assert chavez_gov and chavez_gov[-1]["end"] == "2013-03-05"
    velasquez = covering(rows, "person:ramon-celestino-velasquez", "2025-10-15")
    assert velasquez[0]["role"] == "Transportation Minister"
    assert covering(rows, "person:vladimir-putin", "2025-10-15")[0]["sector"] == "GOV"
    ids = {r["kb_id"] for r in rows}
    assert len(ids) > 300


def test_generated_people_keep_phoenix_tenures() -> None:
    rows = load("people.tsv")
    chavez = [r for r in rows if r["kb_id"] == "person:hugo-chavez"]
    assert ("VEN", "GOV", "2002-04-14", "2013-03-05") in {
        (r["country"], r["sector"], r["start"], r["end"]) for r in chavez
    }
    assert any(r["sector"] == "ELI" and not r["start"] and not r["end"] for r in chavez)


def test_curated_layers_are_consistent() -> None:
    sectors = {r["sector"] for r in load("sectors.tsv")}
    assert {"GOV", "MIL", "JRN", "REB"} <= sectors
    orgs = {r["kb_id"]: r for r in load("organisations_current.tsv")}
    assert (orgs["org:rostec"]["country"], orgs["org:rostec"]["sector"]) == ("RUS", "BUS")
    assert orgs["org:washington-post"]["sector"] == "JRN"
    places = {r["text"]: r for r in load("places.tsv")}
    assert (places["Caracas"]["country"], places["Caracas"]["sector"]) == ("VEN", "GOV")
    assert places["the Caribbean"]["country"] == ""
    assert {r["kind"] for r in places.values()} == {"capital", "seat", "city", "region"}
    countries = {r["code"]: r for r in load("countries.tsv")}
    assert countries["VEN"]["capital"] == "Caracas"
    assert "Venezuelan" in countries["VEN"]["adjectives"].split("|")
