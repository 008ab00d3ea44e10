"""Mentions: names resolved to actors, names the model missed or split, offsets into the
original text."""

from __future__ import annotations


def entities(coder, text: str) -> set[tuple[str, str]]:
    from sitrep.model import Document

    doc = coder.entities(Document(id="x", text=text, published="2016-06-01"))
    return {(e.text, e.label) for e in doc.entities}


def test_a_country_inside_a_title_is_no_second_entity(coder):
    from sitrep.model import Document

    doc = coder.entities(Document(id="x", text="The U.S. Secretary of State met Turkish "
                                  "officials in Ankara.", published="2016-06-01"))
    people = [e for e in doc.entities if e.label == "PERSON" and "Secretary" in e.text]
    assert people and not [e for e in doc.entities if e.text == "U.S." and e.label == "GPE"]
    found = entities(coder, "U.S. President Obama visited Baghdad on Monday.")
    assert ("Obama", "PERSON") in found and not [text for text, _ in found if text == "U.S."]


def test_a_known_name_the_model_splits_is_one_organisation(coder):
    found = entities(coder, "The Islamic State of Iraq and the Levant claimed the attack.")
    assert ("The Islamic State of Iraq and the Levant", "ORG") in found
    assert not [text for text, label in found if label in {"GPE", "LOC"}]
    # words only, and no office the knowledge base files as a body
    found = entities(coder, "Talks with the Moro Islamic Liberation Front (MILF) resumed as the "
                            "UN Secretary General arrived.")
    assert ("the Moro Islamic Liberation Front", "ORG") in found
    assert ("UN Secretary General", "ORG") not in found


def test_a_people_word_that_opens_a_known_name_is_the_organisation(coder):
    # the model tags only "Islamic" (a people's word); the knowledge base lists the whole name
    found = entities(coder, "The Islamic State group attacked a checkpoint near Kirkuk.")
    assert ("Islamic State", "ORG") in found and ("Islamic", "NORP") not in found
    found = entities(coder, "Fighters loyal to the Islamic State seized two villages.")
    assert ("Islamic State", "ORG") in found
    # a people's word before words that name no listed body stays a people's word
    found = entities(coder, "Islamic scholars met in Cairo to discuss the crisis.")
    assert not [text for text, label in found if label == "ORG"]
    # a country's adjective before a listed name is the country's, and the name a region's
    # ("Iraqi Kurdistan" is also a name of the Kurdistan Regional Government)
    found = entities(coder, "Turkish jets struck villages in Iraqi Kurdistan on Monday.")
    assert ("Iraqi Kurdistan", "ORG") not in found and ("Iraqi", "NORP") in found


def test_a_group_the_model_takes_for_a_place_is_an_organisation(coder):
    found = entities(coder, "The group of Reserve Airmen deployed to Turkey.")
    assert ("Reserve Airmen", "ORG") in found and ("Reserve Airmen", "GPE") not in found


def test_an_organisation_no_one_knows_named_for_a_site_is_the_site(coder):
    # the model tags both as organisations here
    found = entities(coder, "Officials visited the Tiyas Military Airfield and the National "
                            "Museum.") | entities(coder, "The United States funded the "
                                                         "preservation of the Ishtar Gate in Babylon.")
    assert {"the Tiyas Military Airfield", "the National Museum", "the Ishtar Gate"} <= {
        text for text, label in found if label == "FAC"}


def test_a_name_the_text_calls_a_town_is_a_place_throughout(coder):
    found = entities(coder, "Opposition forces liberated the Syrian town of Dabiq from ISIL "
                            "control. Dabiq held symbolic importance to the group.")
    assert ("Dabiq", "LOC") in found and ("Dabiq", "ORG") not in found
    found = entities(coder, "Suicide attacks hit the town of Tel Tamer on Sunday, and bombs "
                            "exploded in the Al-Sinek neighborhood.")
    assert {"Tel Tamer", "Al-Sinek"} <= {text for text, label in found if label in {"GPE", "LOC"}}


def test_an_acronym_opening_a_sentence_is_a_name(coder):
    # a listed body's acronym in capitals opening a sentence is no common word capitalised to
    # open it (was untagged: the parser reads "ICE" as a noun)
    found = entities(coder, "ICE detained 40 workers at a meat plant in Iowa on Tuesday.")
    assert ("ICE", "ORG") in found
    # a common word capitalised to open the sentence stays none ("Talks", "Troops")
    assert not [t for t, _ in entities(coder, "Troops detained 40 workers on Tuesday.")
                if t == "Troops"]


def test_a_listed_name_joined_to_a_person_is_a_person(coder):
    # the model tags only the second name; conjuncts are the same kind of thing
    found = entities(coder, "Lula and Putin spoke by phone.")
    assert ("Lula", "PERSON") in found and ("Putin", "PERSON") in found


def test_a_company_listed_before_another_gives_it_no_country(coder):
    from sitrep.model import Document

    # lower-case copy with a dropped comma: the parser takes the first company for a compound of
    # the second, whose country must not be the first's
    for text, second in [("at the show sony  ibm and toshiba gave few details of the chip.", "ibm"),
                         ("sony  microsoft and sega are racing to ship consoles before christmas.",
                          "microsoft")]:
        doc = coder.entities(Document(id="x", text=text, published="2005-03-01"))
        found = {e.text: e.code for e in doc.entities}
        assert second in found and found[second] != "JPN"
    # a company's own words before its name still place it
    doc = coder.entities(Document(id="x", text="The Texas Instruments plant closed.",
                                  published="2005-03-01"))
    assert {e.code for e in doc.entities if e.text == "Texas Instruments"} == {"USA"}
