"""Legislatures (issue 13): a chamber's bare name ("the Senate", "Congress") is a kind of body
many states have, LEG with no country, while a stated country owns it."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.resolve import resolve
from sitrep.resources import read_tsv

WHEN = date(2021, 5, 4)


def resolved(text: str, when: date = WHEN) -> tuple[str | None, str | None]:
    actor = resolve(text, when)
    return actor.code, actor.sector


@pytest.mark.parametrize(("text", "code", "sector"), [
    # a chamber's bare name is no one state's (was USA GOV or USA LEG)
    ("the Senate", None, "LEG"),
    ("Senate", None, "LEG"),
    ("the House of Representatives", None, "LEG"),
    ("Congress", None, "LEG"),
    # guards, passed before: the US bodies named as such, a stated country owns the bare kind,
    # and a chamber that was never one state's
    ("the US House of Representatives", "USA", "LEG"),
    ("the United States Senate", "USA", "LEG"),
    ("U.S. Congress", "USA", "LEG"),
    ("the Kenyan Senate", "KEN", "LEG"),
    ("Colombia's Congress", "COL", "LEG"),
    ("Australia's House of Representatives", "AUS", "LEG"),
    ("the National Assembly", None, "LEG"),
    ("Parliament", None, "LEG"),
])
def test_a_bare_chamber_is_no_countrys(text, code, sector):
    assert resolved(text) == (code, sector)


# kinds of body many states have: no organisation with a country is named by one alone
KINDS = {"senate", "congress", "parliament", "national assembly", "house of representatives",
         "chamber of deputies", "national congress", "legislature", "national guard"}


@pytest.mark.parametrize("table", ["organisations.tsv", "organisations_current.tsv",
                                   "organisations_curated.tsv"])
def test_no_countrys_body_is_named_by_a_kind_alone(table):
    named = [(row["kb_id"], name) for row in read_tsv(table) if row["country"]
             for name in [row["name"], *row["variants"].split("|")]
             if name.lower().removeprefix("the ") in KINDS]
    assert named == []
