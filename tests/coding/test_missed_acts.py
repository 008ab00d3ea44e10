"""Rows for acts the real-news coders code that the lexicon missed: a halt to fighting (RETREAT,
refused REJECT), a ban or embargo defied (REJECT), a party welcomed to act (SUPPORT), captives
let or set free (RETREAT), criticism or praise offered (ACCUSE, SUPPORT), seized bases handed
back (RETREAT), a search for evidence (ACCUSE investigate). Sentences written for these tests."""

from __future__ import annotations

import pytest

from ..conftest import assert_coded, codes, one


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # stopping one's own attacks de-escalates (CAMEO 087): RETREAT, aimed where they were
        ("The Israeli army halted its air strikes on Gaza on Sunday.", "RETREAT", ["ISR"],
         ["PSE"]),
        ("Armenian forces have ceased their shelling of Azerbaijani villages.", "RETREAT",
         ["ARM"], None),
        ("Nigeria suspended its military operations in the Niger Delta for a week.", "RETREAT",
         ["NGA"], None),
        ("Colombian troops stopped the offensive against the ELN in Arauca.", "RETREAT", ["COL"],
         None),
        # refused, it is REJECT; promised, AGREE
        ("The Malian government said it would never end its war against the jihadists.",
         "REJECT", ["MLI"], None),
        ("Turkey will not stop its offensive in northern Iraq, the defence minister said.",
         "REJECT", ["TUR"], None),
        ("Ukraine said it would halt the bombardment of Donetsk next week.", "AGREE", ["UKR"],
         None),
    ],
)
def test_a_halt_to_fighting_is_a_retreat(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize("text", [
    "The company stopped operations at its Kenyan plant after the flood.",
    "The two rappers ended their war of words on Friday.",
    "The airline suspended operations in Lagos for a week.",
])
def test_a_halt_to_no_fighting_is_no_retreat(coder, text):
    events = coder.code_text(text, published="2025-06-10")
    assert not any(e.event in {"RETREAT", "REJECT"} for e in events), text


@pytest.mark.parametrize(
    "text, actor",
    [
        # defying a ban, an embargo, a resolution or a law is REJECT (CAMEO 128)
        ("Eritrea violated the UN arms embargo, a panel of experts found.", ["ERI"]),
        ("Iran has violated a Security Council resolution on ballistic missiles.", ["IRN"]),
        ("The Bolivian government violated the constitution, the opposition said.", ["BOL"]),
    ],
)
def test_a_ban_or_law_violated_is_rejected(coder, text, actor):
    assert_coded(coder, text, "REJECT", actor, None)


def test_a_ceasefire_violated_stays_an_attack(coder):
    assert one(coder, "Sudanese rebels violated the ceasefire in Darfur.").event == "ASSAULT"


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # welcoming a party to act endorses its act
        ("Chile welcomed Peru to join the Pacific fisheries pact.", "SUPPORT", ["CHL"], ["PER"]),
        ("The Ghanaian foreign ministry welcomed Nigerian President Bola Tinubu to mediate "
         "between Mali and the rebels.", "SUPPORT", ["GHA"], ["NGA"]),
        # welcoming a visitor is still hosting: the guest visits
        ("Kenya welcomed the Ugandan president to Nairobi on Monday.", "CONSULT", ["UGA"],
         ["KEN"]),
    ],
)
def test_a_party_welcomed_to_act_is_endorsed(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize("text", [
    "Myanmar let free 200 political prisoners on Tuesday.",
    "Egypt today let free the Al Jazeera journalist Ahmed Mansour.",
    "The Houthis set free three Saudi soldiers.",
    "The junta set the detained ministers free on Monday.",
])
def test_let_or_set_free_is_a_release(coder, text):
    event = one(coder, text)
    assert (event.event, event.mode) == ("RETREAT", "release"), (text, event.event)


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # offer is a light verb: criticism or praise offered is voiced
        ("The Kenyan foreign minister offered sharp criticism of the Ugandan government.",
         "ACCUSE", ["KEN"], ["UGA"]),
        ("The Chilean president offered praise to the Peruvian army for its rescue work.",
         "SUPPORT", ["CHL"], ["PER"]),
        # ... and help offered is still a promise
        ("Norway offered help to the Sri Lankan government.", "AGREE", ["NOR"], ["LKA"]),
    ],
)
def test_criticism_or_praise_offered_is_voiced(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize(
    "text, event_type",
    [
        # seized bases, depots and checkpoints handed back (RETREAT), promised (AGREE)
        ("The rebels returned the military bases to the Malian army on Monday.", "RETREAT"),
        ("The Houthis returned two checkpoints to the Yemeni government.", "RETREAT"),
        ("Hezbollah announced it will return the weapons depots it seized to the Lebanese army.",
         "AGREE"),
    ],
)
def test_seized_bases_returned_are_a_retreat(coder, text, event_type):
    assert one(coder, text).event == event_type, text


@pytest.mark.parametrize("text, event_type, mode", [
    # a search for evidence investigates; a search with no such aim is a seizure's search
    ("Kenyan police searched the opposition leader's home for evidence of vote rigging.",
     "ACCUSE", "investigate"),
    ("Brazilian federal police searched the senator's offices for evidence of bribery.", "ACCUSE",
     "investigate"),
    ("Israeli troops searched the house of a Palestinian activist in Hebron.", "COERCE", "seize"),
])
def test_a_search_for_evidence_investigates(coder, text, event_type, mode):
    event = one(coder, text)
    assert (event.event, event.mode) == (event_type, mode), text


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # a visit made to help is aid (retyping.consultation_purposes, word class help_verbs)
        ("Ethiopian medical teams arrived in Djibouti on Monday to help flood victims.", "AID",
         ["ETH"], ["DJI"]),
        ("Japanese rescue workers arrived in Turkey to assist survivors of the earthquake.", "AID",
         ["JPN"], ["TUR"]),
        # ... and so is one made to treat, feed or rebuild (the help verbs of a relief mission),
        # even when whom it helps was hurt in an act the sentence names
        ("Egyptian army doctors arrived in Gaza to treat the wounded.", "AID", ["EGY"], None),
        ("Cuban medical brigades arrived in Haiti on Friday to treat people injured in the storm.",
         "AID", ["CUB"], ["HTI"]),
        ("Turkish field surgeons arrived in Sudan to treat civilians hurt in the shelling of "
         "Omdurman.", "AID", ["TUR"], ["SDN"]),
        ("Chinese army engineers arrived in Laos to rebuild the bridges swept away by the floods.",
         "AID", ["CHN"], ["LAO"]),
        # ... unless the help names an act of its own, which the visit is for
        ("The Chilean foreign minister arrived in Lima to help mediate between the government "
         "and the protesters.", "CONSULT", ["CHL"], None),
        # a visit for no stated help stays a visit
        ("The Chilean foreign minister arrived in Lima on Monday.", "CONSULT", ["CHL"], ["PER"]),
    ],
)
def test_a_visit_made_to_help_is_aid(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # goods or services supplied under a deal or in exchange for something are a trade
        # (material.material_senses, word class exchange_nouns): COOPERATE, not AID
        ("Qatar began supplying Pakistan with liquefied gas under a ten-year contract.",
         "COOPERATE", ["QAT"], ["PAK"]),
        ("Iran supplied Armenia with electricity in exchange for natural gas.", "COOPERATE",
         ["IRN"], ["ARM"]),
        ("Swiss prosecutors handed over bank documents to Brazilian investigators under a mutual "
         "legal assistance treaty.", "COOPERATE", ["CHE"], ["BRA"]),
        # a suspect handed over under a warrant is judicial cooperation (an extradition)
        ("Italy handed over a former Belgian politician to Belgian police under a European arrest "
         "warrant.", "COOPERATE", ["ITA"], ["BEL"]),
        # supplies with no deal, or under a programme of aid, stay aid; so does money lent or
        # given under an arrangement, and a release under a ceasefire deal stays a release
        ("Japan supplied Ukraine with generators.", "AID", ["JPN"], ["UKR"]),
        ("The World Bank disbursed a $300 million loan to Kenya under its credit agreement.",
         "AID", None, ["KEN"]),
        ("Ethiopian rebels released 40 government soldiers under the ceasefire deal.", "RETREAT",
         None, None),
        ("Kenya delivered food aid to Somalia under a UN programme.", "AID", ["KEN"], ["SOM"]),
    ],
)
def test_supplies_under_a_deal_are_a_trade(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # going to a named place is a visit (CAMEO GO_SOMEWHERE, as travel and fly)
        ("The Chilean foreign minister went to Lima on Monday.", "CONSULT", ["CHL"], ["PER"]),
        # promised, AGREE; refused, REJECT
        ("The Kenyan president will go to Kampala next week for talks.", "AGREE", ["KEN"],
         ["UGA"]),
        ("The Ghanaian president said he would not go to Nigeria to meet its leader.",
         "REJECT", ["GHA"], None),
    ],
)
def test_going_to_a_place_is_a_visit(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize("text", [
    "The Kenyan shilling went to a record low against the dollar.",
    "The land dispute went to court last year.",
    "The two neighbours went to war in 1998.",
])
def test_going_nowhere_named_is_no_visit(coder, text):
    events = coder.code_text(text, published="2025-06-10")
    assert not any(e.event in {"CONSULT", "AGREE", "REJECT"} for e in events), text


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # platoons, squadrons and detachments sent are troops; as peacekeepers, aid
        ("Ghana sent a platoon of engineers to South Sudan.", "MOBILIZE", ["GHA"], ["SSD"]),
        ("Kenya is sending a police detachment to Haiti, its first peacekeeping mission in the "
         "Caribbean.", "AID", ["KEN"], ["HTI"]),
    ],
)
def test_small_units_sent_are_troops(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize(
    "text, event_type, mode, recipient",
    [
        # a country suspended is suspended from the body that suspends it (SANCTION expel)
        ("The Commonwealth suspended Zimbabwe in 2002.", "SANCTION", "expel", ["ZWE"]),
        ("ECOWAS suspended Guinea after the coup in Conakry.", "SANCTION", "expel", ["GIN"]),
        # ... its flights or licences suspended are cut (SANCTION discontinue)
        ("Ethiopia suspended flights to Eritrea.", "SANCTION", "discontinue", ["ERI"]),
    ],
)
def test_a_country_suspended_is_expelled(coder, text, event_type, mode, recipient):
    event = one(coder, text)
    assert (event.event, event.mode) == (event_type, mode), text
    assert codes(event.recipient) == recipient


@pytest.mark.parametrize("text", [
    # the first or the last of those held, released, are those held (word class quantifiers)
    "Al-Shabaab freed the first of the Kenyan teachers it abducted.",
    "Houthi rebels released the last of the Saudi soldiers captured in Jizan.",
])
def test_the_first_or_last_of_the_captives_released(coder, text):
    event = one(coder, text)
    assert (event.event, event.mode) == ("RETREAT", "release"), text


@pytest.mark.parametrize(
    "text, mode",
    [
        # placing a place or a person under martial law, a curfew or arrest imposes it
        ("The Malian junta placed the northern regions under martial law on Sunday.",
         "martial-law"),
        ("The Guinean army put Conakry under a night curfew.", "curfew"),
        ("Zimbabwean police placed the opposition leader under house arrest.", "arrest"),
    ],
)
def test_placed_under_martial_law_or_arrest(coder, text, mode):
    event = one(coder, text)
    assert (event.event, event.mode) == ("COERCE", mode), text
    assert event.depth == 0  # the verb, not the noun below it


@pytest.mark.parametrize("text", [
    "The company placed the project under review.",
    "The coach put the team under pressure before the final.",
])
def test_placed_under_no_restriction(coder, text):
    events = coder.code_text(text, published="2025-06-10")
    assert not any(e.event == "COERCE" for e in events), text


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # an arrival's participle says why, as an infinitive does
        ("Thousands of Eritreans arrived in Sudan seeking refuge last year.", "REQUEST", ["ERI"],
         ["SDN"]),
        ("The Somali president arrived in Nairobi seeking more military aid.", "REQUEST", ["SOM"],
         ["KEN"]),
        # a participle that names no act of the purposes leaves the visit a visit
        ("The Chilean foreign minister arrived in Lima, meeting officials.", "CONSULT", ["CHL"],
         ["PER"]),
    ],
)
def test_an_arrival_seeking_help_is_a_request(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize("text, event_type, actor, recipient", [
    # records or evidence handed over to another party's authorities are shared information:
    # COOPERATE (PLOVER manual §COOPERATE, CAMEO 064), as given ones are
    ("Swiss prosecutors handed over bank records to their Brazilian counterparts.", "COOPERATE",
     ["CHE"], ["BRA"]),
    ("The Dutch police handed over phone records to Belgian investigators on Monday.",
     "COOPERATE", ["NLD"], ["BEL"]),
    # a licence or an accreditation reinstated or restored eases a restriction (CONCEDE)
    ("The Zambian government reinstated the licence of a private radio station in Lusaka.",
     "CONCEDE", ["ZMB"], None),
    ("The Niger junta restored the accreditation of the French journalists.", "CONCEDE",
     ["NER"], ["FRA"]),
])
def test_records_handed_over_and_licences_restored(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize("text, actor", [
    # a weapon fired or launched in a test shows its readiness: MOBILIZE weapons, no attack
    # (senses.fired_in_a_test, word class test_words)
    ("North Korea's army test-fired two short-range ballistic missiles on Thursday.", ["PRK"]),
    ("Pakistan's army successfully test-launched a cruise missile from a submarine.", ["PAK"]),
    ("The Indian navy test-fired a supersonic missile in the Arabian Sea.", ["IND"]),
])
def test_a_weapon_fired_in_a_test_is_mobilized(coder, text, actor):
    event = one(coder, text)
    assert (event.event, event.mode) == ("MOBILIZE", "weapons"), text
    assert codes(event.actor) == actor


def test_a_missile_fired_at_a_target_is_still_an_attack(coder):
    assert one(coder, "North Korea fired two missiles at a South Korean island.").event == "ASSAULT"


@pytest.mark.parametrize("text, actor, recipient", [
    # a plot is a hostile act whatever it plots: who a speaker says is behind it is blamed
    # (sentence._blamed, word class plot_nouns)
    ("Bolivia's interior minister said the opposition governor was behind a plot to overthrow "
     "the president.", ["BOL"], None),
    ("Ghana's security minister said two Togolese officers were behind a conspiracy to "
     "assassinate the president.", ["GHA"], ["TGO"]),
])
def test_whoever_is_said_to_be_behind_a_plot_is_accused(coder, text, actor, recipient):
    assert_coded(coder, text, "ACCUSE", actor, recipient)
