"""Issue 13, precision in non-political news: words of people's and firms' names that are also
agent nouns ("King", "Dean"), bodies ("Leonardo"), places ("London"), weapons' codes ("APC") or
towns ("Ray") give no one a political identity. Sentences and names written for these tests."""

from __future__ import annotations

import pytest

from sitrep.actors.resolve import explain
from sitrep.entities.equipment import find_equipment
from sitrep.model import Document


def entities(coder, text: str, published: str = "2012-05-14") -> dict[str, tuple]:
    doc = coder.entities(Document(id="x", text=text, published=published))
    return {e.text: (e.label, e.code, e.sector, e.kb_id) for e in doc.entities}


@pytest.mark.parametrize("name", ["Mr Dean", "Ms King", "Dr Fisher", "Mrs Bishop"])
def test_an_agent_noun_after_an_honorific_is_a_surname(name):
    found = explain(name, label="PERSON")
    assert found.actor.sector is None, found


@pytest.mark.parametrize(("name", "sector"), [("Mr President", "GOV"), ("Madam Speaker", "LEG"),
                                             ("Mr Ambassador", "GOV")])
def test_an_office_one_is_addressed_by_stays_the_office(name, sector):
    assert explain(name).actor.sector == sector


@pytest.mark.parametrize("name", ["Claude King", "Christian Harris", "Andrew Fisher",
                                  "Tommy Hunter", "paul king", "john deacon"])
def test_a_given_name_and_an_agent_noun_are_a_persons_name(name):
    found = explain(name, label="PERSON")
    assert found.actor.sector is None, found


def test_an_agent_noun_alone_keeps_its_sector():
    assert explain("the dean", label=None).actor.sector == "EDU"
    assert explain("King", label="PERSON").actor.sector == "GOV"


@pytest.mark.parametrize(("text", "surname"), [
    ("The studio hired Carla Dean to run its disc business. Dean said prices would fall.",
     "Dean"),
    ("Producer Maurice King bought the rights in March, and King will cast the film this year.",
     "King"),
])
def test_a_surname_alone_after_the_full_name_is_no_agent(coder, text, surname):
    found = entities(coder, text)
    assert found[surname][2] is None, found


@pytest.mark.parametrize("name", ["Rafael Nadal", "Wagner Moura", "Leonardo Bonucci"])
def test_a_given_name_that_names_a_body_opens_a_persons_name(name):
    # "Rafael", "Wagner", "Leonardo" are bodies' names (an arms maker, a mercenary group)
    found = explain(name, label="ORG")
    assert found.actor.code is None and found.actor.kb_id is None, found


@pytest.mark.parametrize(("name", "kb_id"), [
    ("Wagner Group", "org:wagner-group"),
    ("Leonardo helicopters", "org:leonardo"),
])
def test_a_bodys_name_with_a_common_noun_stays_the_body(name, kb_id):
    assert explain(name, label="ORG").actor.kb_id == kb_id


@pytest.mark.parametrize(("name", "code"), [
    ("ITV London", "GBR"), ("Tehran Courier", "IRN"), ("Kabul Bank", "AFG"),
    ("Lycos Europe", None), ("MTV Asia", None),
])
def test_a_body_named_for_a_place_is_not_the_place_or_its_government(name, code):
    found = explain(name, label="ORG")
    assert found.actor.code == code and found.actor.sector is None, found
    assert not (found.actor.kb_id or "").startswith("place:"), found


@pytest.mark.parametrize("name", ["Moscow authorities", "the Baghdad government", "London"])
def test_a_place_with_a_head_noun_or_alone_keeps_its_government(name):
    assert explain(name, label="ORG").actor.sector == "GOV"


@pytest.mark.parametrize("text", [
    "The update is sent from a pc to the server overnight.",
    "The bookmaker had the favourite at 5-1 and the outsider at 4-1.",
    "The rapper signed to the f4 imprint last spring.",
    "the photos stay on a pc s hard disk until they are printed",
])
def test_a_short_weapon_code_in_everyday_words_is_no_weapon(text):
    assert find_equipment(text) == [], [text[s:e] for s, e, _ in find_equipment(text)]


@pytest.mark.parametrize(("text", "code"), [
    ("Rebels fired an AT-5 at the APC.", "AT-5"),
    ("Rebels fired an AT-5 at the APC.", "APC"),
    ("the air force sent f4 jets over the border", "f4"),
    ("Militants hit a T-72 near the town.", "T-72"),
])
def test_a_short_weapon_code_as_written_stays_a_weapon(text, code):
    assert code in [text[s:e] for s, e, _ in find_equipment(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("The actor won an award for his role in Ray, the film about the pianist.", "Ray"),
    ("She was nominated for her lead role in Elizabeth two years ago.", "Elizabeth"),
    ("His turn as Ray has already won him two prizes.", "Ray"),
])
def test_a_persons_name_after_in_is_no_small_town(coder, text, name):
    found = entities(coder, text)
    assert found[name][0] == "PERSON" and found[name][1] is None, found


def test_a_town_after_in_stays_a_town(coder):
    found = entities(coder, "French troops moved into Gao on Tuesday.")
    assert found["Gao"][:2] == ("GPE", "MLI"), found


def test_to_a_surname_the_document_names_is_no_town(coder):
    found = entities(coder, "Fans paid tribute to Harold Davis. Hundreds wrote to Davis after "
                            "the show.")
    assert found["Davis"][0] == "PERSON", found


@pytest.mark.parametrize(("text", "surname"), [
    ("The ceramicist Bodil Andersen opened a gallery in Aarhus last week.", "Bodil Andersen"),
    ("The architect Soeren Nielsen designed the new library in Aarhus.", "Soeren Nielsen"),
])
def test_a_common_danish_surname_is_no_listed_minister(coder, text, surname):
    found = entities(coder, text)
    assert found[surname][1] is None, found
