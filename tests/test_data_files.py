"""Integrity checks for the hand-compiled data files in src/sitrep/data/."""

from __future__ import annotations

import csv
import re
import warnings
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data"
EQUIPMENT = DATA / "equipment.tsv"
OUTLETS = DATA / "outlets.tsv"

EQUIPMENT_HEADER = ["name", "variants", "kind", "category", "origin", "generic", "ambiguous"]
OUTLETS_HEADER = ["domain", "name", "country"]

# kind -> categories it may be filed under (air-defence missiles are kind "missile").
KIND_CATEGORIES = {
    "combat aircraft": {"combat aircraft"},
    "transport aircraft": {"aircraft"},
    "trainer aircraft": {"aircraft"},
    "early warning aircraft": {"aircraft"},
    "helicopter": {"aircraft"},
    "air defence system": {"air defence"},
    "missile": {"missiles", "air defence"},
    "radar": {"sensors"},
    "warship": {"naval"},
    "submarine": {"naval"},
    "tank": {"land"},
    "armoured vehicle": {"land"},
    "artillery": {"land"},
    "rocket launcher": {"land"},
    "drone": {"drones"},
    "small arms": {"small arms"},
    "munition": {"munitions"},
    "electronic warfare": {"electronic warfare"},
    "components": {"components"},
}
KINDS = set(KIND_CATEGORIES)
CATEGORIES = set().union(*KIND_CATEGORIES.values()) | {"aircraft"}


def read_tsv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    rows = list(csv.reader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows[0], rows[1:]


def norm(text: str) -> str:
    """The matcher's notion of sameness: case-insensitive, spaces and hyphens ignored."""
    return re.sub(r"[\s\-]+", "", text.casefold())


def valid_alpha3(code: str) -> bool:
    return pycountry.countries.get(alpha_3=code) is not None


@pytest.fixture(scope="module")
def equipment() -> list[dict[str, str]]:
    header, rows = read_tsv(EQUIPMENT)
    assert header == EQUIPMENT_HEADER
    for row in rows:
        assert len(row) == len(EQUIPMENT_HEADER), row
    return [dict(zip(EQUIPMENT_HEADER, row, strict=True)) for row in rows]


@pytest.fixture(scope="module")
def outlets() -> list[dict[str, str]]:
    header, rows = read_tsv(OUTLETS)
    assert header == OUTLETS_HEADER
    for row in rows:
        assert len(row) == len(OUTLETS_HEADER), row
    return [dict(zip(OUTLETS_HEADER, row, strict=True)) for row in rows]


def variants(row: dict[str, str]) -> list[str]:
    return [v for v in row["variants"].split("|") if v] if row["variants"] else []


# --- equipment.tsv ---------------------------------------------------------------------------


def test_equipment_has_provenance_comments():
    head = EQUIPMENT.read_text(encoding="utf-8").splitlines()[:5]
    assert any("SIPRI" in line for line in head if line.startswith("#"))


def test_equipment_fields(equipment):
    for row in equipment:
        where = row["name"]
        assert row["name"].strip() == row["name"] and row["name"], where
        assert row["kind"] in KINDS, where
        assert row["category"] in CATEGORIES, where
        assert row["generic"] in {"0", "1"}, where
        assert row["ambiguous"] in {"0", "1"}, where
        assert "" not in row["variants"].split("|") or not row["variants"], where
        for v in variants(row):
            assert v.strip() == v, (where, v)
        if row["generic"] == "1":
            assert row["origin"] == "", where
        else:
            assert valid_alpha3(row["origin"]), where
            assert row["category"] in KIND_CATEGORIES[row["kind"]], where


def test_equipment_no_duplicate_names(equipment):
    seen: dict[str, str] = {}
    for row in equipment:
        key = norm(row["name"])
        assert key not in seen, (row["name"], seen.get(key))
        seen[key] = row["name"]


def test_equipment_no_trivial_variants(equipment):
    """A variant that only differs from the name (or another variant) by case, spaces or hyphens is noise."""
    bad = {}
    for row in equipment:
        keys = [norm(row["name"])] + [norm(v) for v in variants(row)]
        dupes = {k for k in keys if keys.count(k) > 1}
        if dupes:
            bad[row["name"]] = sorted(dupes)
    assert not bad, bad


def test_equipment_shared_variants_reported(equipment):
    """Report, without failing, surface forms claimed by more than one row."""
    owners: dict[str, set[str]] = defaultdict(set)
    for row in equipment:
        for form in [row["name"], *variants(row)]:
            owners[norm(form)].add(row["name"])
    shared = {k: sorted(v) for k, v in owners.items() if len(v) > 1}
    if shared:
        warnings.warn(f"surface forms shared by several equipment rows: {shared}", stacklevel=1)


def test_equipment_counts(equipment):
    named = [r for r in equipment if r["generic"] == "0"]
    generic = [r for r in equipment if r["generic"] == "1"]
    assert len(named) >= 300
    assert len(generic) >= 50


def test_equipment_seed_rows(equipment):
    by_name = {r["name"]: r for r in equipment}
    su30 = by_name["Su-30MK2"]
    assert (su30["kind"], su30["category"], su30["origin"], su30["generic"]) == (
        "combat aircraft",
        "combat aircraft",
        "RUS",
        "0",
    )
    units = by_name["missile units"]
    assert (units["generic"], units["category"]) == ("1", "air defence")
    assert "missile batteries" in variants(units)
    radars = by_name["radar systems"]
    assert (radars["generic"], radars["category"], radars["kind"]) == ("1", "sensors", "radar")
    ads = by_name["air defence systems"]
    assert "air defense systems" in variants(ads)


@pytest.mark.parametrize(
    "name",
    [
        "S-300VM",
        "Buk-M2E",
        "Pechora-2M",
        "Igla-S",
        "K-8 Karakorum",
        "VN-1",
        "T-72B1",
        "BMP-3",
        "BM-21 Grad",
        "BM-30 Smerch",
        "F-16A",
        "Mi-17V-5",
        "Mi-35M",
        "JY-27",
    ],
)
def test_equipment_venezuelan_inventory(equipment, name):
    assert name in {r["name"] for r in equipment}


def test_equipment_common_word_names_flagged(equipment):
    forms = {}
    for row in equipment:
        for form in [row["name"], *variants(row)]:
            forms[norm(form)] = row
    for word in [
        "Tornado",
        "Patriot",
        "Javelin",
        "Grad",
        "Buk",
        "Tor",
        "Osa",
        "Harpoon",
        "Stinger",
    ]:
        assert forms[norm(word)]["ambiguous"] == "1", word
    assert forms[norm("Tornado")]["kind"] == "combat aircraft"


# --- outlets.tsv -----------------------------------------------------------------------------


def test_outlets_fields(outlets):
    for row in outlets:
        dom = row["domain"]
        assert dom == dom.strip().lower() and "." in dom, dom
        assert not dom.startswith(("www.", "http")) and "/" not in dom, dom
        assert row["name"].strip() == row["name"] and row["name"], dom
        assert valid_alpha3(row["country"]), dom


def test_outlets_no_duplicate_domains(outlets):
    domains = [r["domain"] for r in outlets]
    assert len(domains) == len(set(domains))


def test_outlets_count(outlets):
    assert len(outlets) >= 200


def test_outlets_seed_rows(outlets):
    by_domain = {r["domain"]: r for r in outlets}
    assert by_domain["washingtonpost.com"]["name"] == "The Washington Post"
    assert by_domain["themoscowtimes.com"]["name"] == "The Moscow Times"
    assert by_domain["themoscowtimes.com"]["country"] == "RUS"
    assert by_domain["washingtonpost.com"]["country"] == "USA"
