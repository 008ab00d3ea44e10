"""The document's entity list (entities/entity_list.py): sites, a country that names the state
and one that names a place, the place a body is of, events the model takes for places."""

from __future__ import annotations


def entities(coder, text: str) -> set[tuple[str, str]]:
    from sitrep.model import Document

    doc = coder.entities(Document(id="x", text=text, published="2016-06-01"))
    return {(e.text, e.label) for e in doc.entities}


def test_sites_named_by_owner_or_weapon_are_locations(coder):
    from sitrep.model import Document

    text = "Coalition aircraft destroyed an ISIL-held building and a VBIED facility near Mosul."
    doc = coder.code(Document(id="x", text=text, published="2016-01-05"))
    places = {e.text for e in doc.entities if e.label == "FAC"}
    assert {"ISIL-held building", "VBIED facility"} <= places


def test_a_country_modifying_a_noun_names_the_state(coder):
    found = entities(coder, "U.S. airstrikes destroyed two positions near Raqqah, and U.S. "
                            "assistance reached the Syria border.")
    assert ("U.S.", "ORG") in found and ("U.S.", "GPE") not in found
    assert ("Syria", "GPE") in found  # before a place noun it stays a place


def test_a_possessive_country_stays_a_place(coder):
    assert ("Iraq", "GPE") in entities(coder, "Iraq's efforts to rebuild Mosul continue.")


def test_the_place_a_body_is_of_is_its_own_entity(coder):
    found = entities(coder, "Medical teams were sent with the approval of the Government of Iraq.")
    assert ("the Government of Iraq", "ORG") in found and ("Iraq", "GPE") in found
    # a name that only holds a place is one name
    found = entities(coder, "She studied at the University of Chicago.")
    assert ("the University of Chicago", "ORG") in found and ("Chicago", "GPE") not in found


def test_an_event_the_model_takes_for_a_place_is_no_entity(coder):
    found = entities(coder, "The minister spoke at the Manama Dialogue and at the G-20 "
                            "Interfaith Conference in Berlin.")
    assert not [text for text, label in found if label in {"GPE", "LOC", "FAC"}
                and ("Dialogue" in text or "Conference" in text)]
    assert ("Berlin", "GPE") in found


def test_a_country_before_a_war_is_where_it_happens(coder):
    found = entities(coder, "Gunmen fired on officials fighting the Mozambique civil war.")
    assert ("Mozambique", "GPE") in found
    # and a name ending in such a word is no place
    found = entities(coder, "The Coalition complies with the Law of Armed Conflict.")
    assert not [text for text, label in found if label in {"GPE", "LOC", "FAC"}]


def test_a_city_no_actor_row_lists_still_has_its_country(coder):
    """A big city the model tags as a place but no knowledge row names (not a capital) gets its
    country from the gazetteer, as the places the model missed do."""
    from sitrep.model import Document

    text = ("Heavy rain flooded streets in Mumbai and Lagos on Monday, and ferries were halted "
            "at Kano's bus station.")
    doc = coder.entities(Document(id="x", text=text, published="2020-06-01"))
    codes = {e.text: e.code for e in doc.entities if e.label in {"GPE", "LOC"}}
    assert codes.get("Mumbai") == "IND" and codes.get("Lagos") == "NGA"


def test_a_name_the_model_ran_across_a_preposition_is_split(coder):
    # the model tags "the Belgian Arms Company in Liege, Wallonia" as one ORG
    found = entities(coder, "The rifles were produced by the Belgian Arms Company in Liege, "
                            "Wallonia, for export.")
    assert ("the Belgian Arms Company", "ORG") in found
    assert ("Liege", "GPE") in found and ("Wallonia", "GPE") in found
    # a name the knowledge base knows whole keeps its preposition-free words together
    found = entities(coder, "The envoy met officials of the Bank of England in London.")
    assert ("London", "GPE") in found


def test_a_town_the_model_took_for_a_body_is_a_place_where_it_is_located(coder):
    # "Tartu" and "Lyon" are tagged ORG by the model; after "at"/"in" a town the gazetteer
    # knows by that name, and no body the knowledge base knows, is the town
    assert ("Tartu", "GPE") in entities(
        coder, "The battalion will be stationed at Tartu alongside Latvian troops.")
    assert ("Lyon", "GPE") in entities(
        coder, "A court in Koblenz and a tribunal in Lyon heard the case.")
    # a body the knowledge base knows stays one ("works at Google")
    assert ("Google", "ORG") in entities(coder, "She works at Google in London.")


def test_a_generic_word_inside_a_name_is_the_names(coder):
    found = entities(coder, "Crews of Joint Helicopter Command flew the relief mission.")
    assert ("Joint Helicopter Command", "ORG") in found
    assert not any(label == "EQUIPMENT" for _, label in found)


def test_a_system_named_inside_a_persons_name_is_the_persons(coder):
    # "Fattah" (an Iranian missile) and "Lancet" (a Russian drone) as a person's middle name
    found = entities(coder, "Army commander Ahmed Fattah Hassan said his troops would hold "
                            "the bridge.")
    assert ("Ahmed Fattah Hassan", "PERSON") in found and ("Fattah", "EQUIPMENT") not in found
    found = entities(coder, "Navy chief Maria Lancet Okoro said the drones were grounded.")
    assert ("Maria Lancet Okoro", "PERSON") in found and ("drones", "EQUIPMENT") in found


def test_a_base_named_by_its_services_prefix_is_a_place(coder):
    found = entities(coder, "The tankers flew from RAF Lossiemouth, and the crews later "
                            "landed at RAAF Base Amberley.")
    assert ("RAF Lossiemouth", "FAC") in found and ("RAAF Base Amberley", "FAC") in found
    # a unit of the service, or a system it flies, is no base
    found = entities(coder, "Gunners of the RAF Regiment guarded the runway.")
    assert not any(label == "FAC" for _, label in found)


def test_a_name_joined_to_a_place_is_a_place(coder):
    found = entities(coder, "Marines landed at Normandy, Iwo Jima and Okinawa.")
    assert ("Iwo Jima", "GPE") in found and ("Okinawa", "GPE") in found
    # people joined to people stay people
    found = entities(coder, "Putin met Xi and Modi in Moscow.")
    assert ("Modi", "PERSON") in found


def test_a_lowercased_text_names_its_systems(coder):
    # a forum answer typed without capitals: the names a military word licenses are found
    found = entities(coder, "honestly the v-2 was a poor ballistic missile. the raf sent "
                            "spitfires against the v-1 flying bombs, which worked much better.")
    names = {text for text, label in found if label == "EQUIPMENT"}
    assert {"v-2", "spitfire"} <= names
    # a cased text keeps asking for the capital a named system is written with
    found = entities(coder, "The veteran told Reuters in Boston that a true patriot never "
                            "forgets the missile crews.")
    assert ("patriot", "EQUIPMENT") not in found
