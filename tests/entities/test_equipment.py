"""Equipment and sites found in text (entities/equipment.py)."""

from __future__ import annotations

from sitrep.entities.equipment import find_facilities


def test_a_site_is_named_by_its_owner():
    text = "Strikes destroyed an ISIL-held building and a VBIED staging facility."
    found = [text[s:e] for s, e in find_facilities(text)]
    assert "ISIL-held building" in found and "VBIED staging facility" in found


def test_as_well_is_no_well():
    text = "The talks covered efforts to defeat Daesh as well as the refugee crisis."
    assert find_facilities(text) == []
    oil = "Strikes hit an ISIL oil well."
    assert [oil[s:e] for s, e in find_facilities(oil)] == ["ISIL oil well"]


def _named(text: str) -> list[tuple[str, str]]:
    from sitrep.entities.equipment import find_equipment
    return [(text[s:e], entry.name) for s, e, entry in find_equipment(text)]


def test_a_plural_closing_a_sentence_is_found():
    text = "Air defence crews said they had intercepted all four Iskanders."
    assert ("Iskander", "Iskander") in _named(text)
    assert _named("Pilots later flew the Gripens.") == [("Gripen", "Saab JAS 39 Gripen")]


def test_a_one_word_plural_is_no_hyphenated_name():
    # "Tornados" folds like "Tornado-S" (a rocket launcher) but is the jets' plural
    text = "Two German Tornados took off from the air base at dawn."
    assert [name for _, name in _named(text)][:1] == ["Panavia Tornado"]
    written_apart = "The army fielded a new Tornado-S battery."
    assert "Tornado-S" in [name for _, name in _named(written_apart)]


def test_a_designation_needs_no_military_word():
    # "Chinook" and "Osprey" are ordinary words; "CH-47F" and "MV-22B" are not
    text = "Engineers repainted a CH-47F and an MV-22B in the hangar last spring."
    names = [name for _, name in _named(text)]
    assert names == ["CH-47 Chinook", "V-22 Osprey"]
    assert _named("An osprey nested on the pole.") == []


def test_defence_release_words_license_a_platform_name():
    text = "Crews from the regiment loaded the Merlin before the soldiers boarded."
    assert ("Merlin", "AW101") in _named(text)
    assert _named("Merlin is a wizard in the legends of King Arthur.") == []


def test_british_australian_and_historical_systems():
    cases = {
        "The battalion's AS90 guns fired from the ridge.": "AS-90",
        "A Hawkei patrol vehicle left the barracks.": "Thales Hawkei",
        "The frigate fired a Sea Wolf at the incoming jets.": "Sea Wolf",
        "The helicopter dropped a Sting Ray torpedo near the contact.": "Sting Ray",
        "Spitfires of the squadron scrambled over Kent.": "Supermarine Spitfire",
        "Two Super Etendards took off from the airfield.": "Dassault Super Étendard",
        "Typhoon pilots fired an ASRAAM at the drone.": "AIM-132 ASRAAM",
        "A Hobart-class destroyer escorted the convoy.": "Hobart-class destroyer",
        "The regiment's main battle tanks crossed the river.": "main battle tanks",
    }
    for text, name in cases.items():
        assert name in [n for _, n in _named(text)], text


def test_an_early_warning_aircraft_is_an_aircraft():
    from sitrep.entities.equipment import find_equipment
    text = "An E-7A flew a surveillance orbit over the strait."
    [(_, _, entry)] = find_equipment(text)
    assert entry.category == "aircraft"
