"""Heads of intelligence services and police forces, foreign-ministry spokespeople and deputy
foreign ministers (scripts/kb/offices_security.txt): a title with a country or a service's own
name gives the holder on the date; an office several people hold at once names no one."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.resolve import resolve


@pytest.mark.parametrize(("mention", "when", "name"), [
    ("FSB director", "2020-01-01", "Alexander Bortnikov"),
    ("the head of the SVR", "2018-01-01", "Sergei Naryshkin"),
    ("Mossad chief", "2019-01-01", "Yossi Cohen"),        # before the change of head
    ("the head of Mossad", "2022-01-01", "David Barnea"),  # after it
    ("FBI Director", "2020-01-01", "Christopher Wray"),
    ("the director of the FBI", "2025-06-01", "Kash Patel"),
    ("MI6 chief", "2022-01-01", "Richard Moore"),
    ("US Director of National Intelligence", "2025-06-01", "Tulsi Gabbard"),
    ("Pakistan's spy chief", "2020-01-01", "Faiz Hameed"),  # one service listed: its head
    ("Nigeria's inspector general of police", "2020-01-01", "Mohammed Adamu"),
    ("Kenyan police chief", "2023-01-01", "Japhet Koome"),
    ("Russian Foreign Ministry spokeswoman", "2023-06-01", "Maria Zakharova"),
    ("State Department spokesman", "2022-01-01", "Ned Price"),
    ("US Deputy Secretary of State", "2024-06-01", "Kurt Campbell"),
])
def test_title_names_the_holder(mention, when, name):
    actor = resolve(mention, date.fromisoformat(when))
    assert actor.name == name, (actor.name, actor.code, actor.sector)


@pytest.mark.parametrize(("mention", "when", "code", "sector"), [
    ("Russia's intelligence chief", "2020-01-01", "RUS", "SPY"),  # FSB, SVR or GRU: not known
    ("the Chinese foreign ministry spokeswoman", "2023-06-01", "CHN", "GOV"),  # several at once
    ("Russian Deputy Foreign Minister", "2023-01-01", "RUS", "GOV"),  # not the minister himself
    ("Chicago police chief", "2020-01-01", "USA", "COP"),  # a city's chief is no national one
])
def test_several_holders_or_a_local_one_name_no_one(mention, when, code, sector):
    actor = resolve(mention, date.fromisoformat(when))
    assert (actor.code, actor.sector) == (code, sector)
    assert actor.kb_id is None or not actor.kb_id.startswith("person:"), actor.name


def test_a_later_government_post_is_not_former():
    """A spokesman moved to another post of the ministry is still government (GOV), not ELI."""
    actor = resolve("Zhao Lijian", date(2024, 1, 1))
    assert (actor.code, actor.sector) == ("CHN", "GOV")


@pytest.mark.parametrize(("mention", "when", "code", "sector"), [
    ("Russian Deputy Defence Minister", "2023-01-01", "RUS", "GOV"),
    ("US Under Secretary of State", "2022-01-01", "USA", "GOV"),
    ("Turkish Deputy Parliament Speaker", "2022-01-01", "TUR", "LEG"),
    ("Pakistan's deputy army chief", "2022-01-01", "PAK", "MIL"),
])
def test_a_lower_post_is_not_the_title_holder(mention, when, code, sector):
    """'Deputy', 'vice', 'assistant', 'under' before a title make another post: its sector,
    not the minister, speaker or chief who holds the title."""
    actor = resolve(mention, date.fromisoformat(when))
    assert (actor.code, actor.sector) == (code, sector)
    assert actor.kb_id is None or not actor.kb_id.startswith("person:"), actor.name
