"""The resolution table (tests/fixtures/resolution_table.tsv): mentions with a date, resolved
to country + PLOVER sector, one group per kind of failure issue 13 lists (agent nouns alone,
office-holders by date, titles with a country, parties/groups/agencies/institutions, a country
stated in the phrase, initials and other spellings, breakaway states, ethnic groups). Each row
is a test; the table's figure (country and sector both right) is printed per kind by `test_table_figure`."""

from __future__ import annotations

import csv
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from sitrep.actors.resolve import resolve

TABLE = Path(__file__).resolve().parents[1] / "fixtures" / "resolution_table.tsv"
KINDS = {"agent", "office", "title", "org", "stated", "name", "breakaway", "ethnic"}


def rows() -> list[dict[str, str]]:
    with TABLE.open(encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


ROWS = rows()
CASES = [pytest.param(r, marks=pytest.mark.xfail(reason=r["known"], strict=True)) if r["known"]
         else r for r in ROWS]


def right(row: dict[str, str]) -> bool:
    actor = resolve(row["mention"], date.fromisoformat(row["date"]))
    code = None if row["country"] == "-" else row["country"]
    return actor.code == code and (row["sector"] == "-" or actor.sector == row["sector"])


@pytest.mark.parametrize("row", CASES, ids=[f"{r['kind']}:{r['mention']}@{r['date']}" for r in ROWS])
def test_row(row):
    actor = resolve(row["mention"], date.fromisoformat(row["date"]))
    assert right(row), (actor.code, actor.sector, actor.kb_id)


def test_table_covers_every_kind():
    counts = Counter(r["kind"] for r in ROWS)
    assert set(counts) == KINDS
    assert len(ROWS) >= 300
    assert len({r["country"] for r in ROWS}) >= 120


def test_table_figure(capsys):
    by_kind: dict[str, Counter[bool]] = {}
    for row in ROWS:
        by_kind.setdefault(row["kind"], Counter())[right(row)] += 1
    total = sum(c[True] for c in by_kind.values()) / len(ROWS)
    with capsys.disabled():
        print(f"\nresolution table: {total:.3f} of {len(ROWS)} (country and sector both right)")
        for kind, counts in sorted(by_kind.items()):
            print(f"  {kind:10} {counts[True] / sum(counts.values()):.3f} of {sum(counts.values())}")
    assert total >= 0.95
