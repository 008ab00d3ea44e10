"""Titles a body shares with the state, regions whose names hold another place's word, titled
names read whole, and agent words a third blind probe of issue 13 found wrong (h49)."""

from __future__ import annotations

from datetime import date

import pytest

from sitrep.actors.resolve import explain, resolve

WHEN = date(2022, 6, 1)


@pytest.mark.parametrize(("text", "code", "sector"), [
    # a title clubs, companies, parties and chambers use is the body's post, not the state's
    ("Apple's chief executive", "USA", "BUS"),
    ("Microsoft's chief executive", "USA", "BUS"),
    ("the ANC president", "ZAF", "PTY"),
    ("Kenya's Senate president", "KEN", "LEG"),
    ("Ghana's Senate president", "GHA", "LEG"),
    ("the company chief executive", None, "BUS"),
    ("the university chancellor", None, "EDU"),
    ("the company president", None, "BUS"),
])
def test_a_shared_title_after_another_body_is_that_body_post(text, code, sector):
    actor = resolve(text, WHEN)
    assert (actor.code, actor.sector) == (code, sector), actor
    assert not (actor.kb_id or "").startswith("person:"), actor


@pytest.mark.parametrize(("text", "kb_id"), [
    ("Russian President", "person:vladimir-putin"),
    ("Georgia's parliament speaker", "person:shalva-papuashvili"),
])
def test_a_state_title_keeps_its_holder(text, kb_id):
    assert resolve(text, WHEN).kb_id == kb_id


@pytest.mark.parametrize("text", ["the deputy speaker", "a deputy speaker of parliament"])
def test_deputy_before_a_shared_title_is_no_police_deputy(text):
    assert resolve(text, WHEN).sector == "LEG"


@pytest.mark.parametrize(("text", "code", "sector"), [
    # a region's name a word of which names another place or people
    ("West Bengal police", "IND", "COP"),
    ("the West Bengal government", "IND", "GOV"),
    ("West Virginia's governor", "USA", "GOV"),
    ("New South Wales police", "AUS", "COP"),
    # its premier is no national head of government
    ("British Columbia's premier", "CAN", "GOV"),
    ("the premier of British Columbia", "CAN", "GOV"),
])
def test_a_region_named_with_another_place_word(text, code, sector):
    actor = resolve(text, WHEN)
    assert (actor.code, actor.sector) == (code, sector), actor
    assert actor.kb_id is None, actor


@pytest.mark.parametrize(("text", "code"), [("Hong Kong SAR", "HKG"), ("Taiwan Sheng", "TWN")])
def test_a_region_a_country_name_opens_stays_that_country(text, code):
    assert resolve(text, WHEN).code == code


@pytest.mark.parametrize(("text", "when", "kb_id", "sector"), [
    ("Deputy President Paul Mashatile", date(2024, 3, 1), "person:paul-mashatile", "GOV"),
    ("Deputy Prime Minister Ishaq Dar", date(2025, 3, 1), "person:ishaq-dar", "GOV"),
])
def test_a_listed_name_after_a_title_before_a_spelling_fit(text, when, kb_id, sector):
    found = explain(text, when)
    assert (found.actor.kb_id, found.actor.sector) == (kb_id, sector), found
    assert found.rule == "titled", found


@pytest.mark.parametrize(("text", "sector"), [
    ("the chief executive", "BUS"),
    ("chief executives", "BUS"),
    ("the general secretary", "UNK"),
    ("paratroopers", "MIL"),
    ("striking dockworkers", "LAB"),
    ("the ombudsman", "GOV"),
    ("intelligence officials", "SPY"),
    ("labour unions", "LAB"),
    ("state firms", "BUS"),
])
def test_agent_words(text, sector):
    actor = resolve(text, WHEN)
    assert (actor.code, actor.sector) == (None, sector), actor


@pytest.mark.parametrize(("text", "code"), [
    ("the Zambia Labour Congress", "ZMB"),
    ("Sierra Leone's Trades Union Congress", "SLE"),
    ("the Uganda National Union of Teachers", "UGA"),
])
def test_a_union_federation_is_labour_not_a_legislature(text, code):
    actor = resolve(text, WHEN)
    assert (actor.code, actor.sector) == (code, "LAB"), actor


def test_a_hong_kong_chief_executive_stays_government():
    actor = resolve("Hong Kong's chief executive", WHEN)
    assert (actor.code, actor.sector) == ("HKG", "GOV"), actor


@pytest.mark.parametrize(("text", "when"), [("Sharon", date(2022, 6, 1)),
                                            ("Sharon", date(2019, 1, 1))])
def test_a_given_name_alone_is_no_listed_person_out_of_office(text, when):
    assert not (resolve(text, when).kb_id or "").startswith("person:")


def test_a_surname_that_is_a_given_name_names_its_bearer_in_office():
    assert resolve("Sharon", date(2003, 1, 1)).kb_id == "person:ariel-sharon"
