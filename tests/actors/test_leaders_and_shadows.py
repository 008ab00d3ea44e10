"""A place's leader is its government, a shadow minister the opposition's, and a given name
alone no monarch (word classes `leader_nouns`, `shadow_title_modifiers`; `names.without_namesakes`).
Mentions written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.resolve import resolve


@pytest.mark.parametrize(("text", "when", "code"), [
    ("the Moldovan leader", "2021-05-04", "MDA"),
    ("Venezuela's leader", "2019-02-11", "VEN"),
    ("the Kyrgyz leadership", "2020-10-09", "KGZ"),
    ("the South Ossetian leader", "2019-07-01", "GEO"),   # a breakaway state's: PRE in the role
    ("a Somaliland leader", "2023-04-03", "SOM"),
])
def test_a_country_s_or_place_s_leader_is_its_government(text, when, code):
    actor = resolve(text, date.fromisoformat(when))
    assert (actor.code, actor.sector) == (code, "GOV")


@pytest.mark.parametrize(("text", "when", "code", "sector"), [
    ("Yoruba leaders", "2020-08-01", "NGA", None),        # an ethnic group's: no government
    ("a Hezbollah leader", "2020-08-01", "LBN", "REB"),   # a body's own sector
    ("the former Yugoslav leader", "2020-08-01", "YUG", "ELI"),
])
def test_other_leaders_are_not_a_government(text, when, code, sector):
    actor = resolve(text, date.fromisoformat(when))
    assert (actor.code, actor.sector) == (code, sector)


@pytest.mark.parametrize(("text", "code"), [
    ("Australia's shadow treasurer", "AUS"),
    ("the British shadow home secretary", "GBR"),
    ("the shadow foreign minister", None),
    ("shadow cabinet", None),
])
def test_a_shadow_minister_is_the_opposition_and_holds_no_office(text, code):
    actor = resolve(text, date(2021, 3, 1))
    assert (actor.code, actor.sector, actor.kb_id) == (code, "OPP", None)


def test_a_shadow_fleet_is_no_opposition():
    assert resolve("Iran's shadow fleet", date(2024, 1, 1)).sector != "OPP"


@pytest.mark.parametrize("text", ["Albert", "Khalid"])
def test_a_given_name_alone_is_no_monarch(text):
    assert resolve(text, date(2019, 6, 1)).code is None


@pytest.mark.parametrize(("text", "code"), [("Naruhito", "JPN"), ("Yeltsin", "RUS")])
def test_a_one_word_name_no_one_else_bears_still_names_its_bearer(text, code):
    assert resolve(text, date(2019, 6, 1)).code == code


def test_a_nationality_and_an_office_title_name_the_holder_not_a_body():
    # Phoenix listed "GERMAN_CHANCELLOR" under the Reichstag: the office rule names the holder
    actor = resolve("German Chancellor", date(2019, 3, 1))
    assert (actor.code, actor.sector, actor.kb_id) == ("DEU", "GOV", "person:angela-merkel")


def test_no_listed_body_is_named_by_a_nationality_and_an_office_title():
    from sitrep.actors.knowledge import shipped_kb

    kb = shipped_kb()
    offices = [
        name for name, entries in kb.names.items()
        if any(e.kind == "organisation" for e in entries) and any(
            " ".join(name.split()[k:]) in kb.office_titles and
            " ".join(name.split()[:k]) in kb.adjectives for k in range(1, len(name.split())))]
    assert not offices, offices


@pytest.mark.parametrize(("text", "when", "code", "kb_id"), [
    ("Abkhaz leader Aslan Bzhania", "2021-09-01", "GEO", "person:aslan-bzhania"),
    ("Transnistrian leader Vadim Krasnoselsky", "2023-02-01", "MDA", "person:vadim-krasnoselsky"),
])
def test_a_breakaway_state_s_title_leaves_its_leader_in_government(text, when, code, kb_id):
    actor = resolve(text, date.fromisoformat(when))
    assert (actor.code, actor.sector, actor.kb_id) == (code, "GOV", kb_id)


@pytest.mark.parametrize("text", ["Freitas", "Menon", "Pillai", "Takahashi"])
def test_a_common_surname_alone_names_no_one(text):
    # common_surnames.tsv: a surname thousands bear names only a person the document named
    assert resolve(text, date(2022, 6, 1)).code is None
