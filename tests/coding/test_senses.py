"""Senses a trigger's arguments decide (coding/senses.py): a raid flown, an attack in words, a civil
campaign, a border opened to refugees, an illness or an animal's attack, support given in money or
arms, an arrest warrant out of reach."""

from __future__ import annotations

import pytest

from ..conftest import assert_coded, one


@pytest.mark.parametrize(
    "text, event_type, mode",
    [
        # a raid flown by aircraft is an air strike ...
        ("Israeli jets raided Hezbollah positions in southern Lebanon.", "ASSAULT", "aerial"),
        ("Jordanian jets carried out a raid on smuggling gangs in Syria.", "ASSAULT", "aerial"),
        ("Turkish drones raided PKK hideouts in northern Iraq.", "ASSAULT", "drone"),
        # ... a raid on the ground stays PLOVER's search and seizure
        ("Police raided the offices of the opposition party in Harare.", "COERCE", "seize"),
        ("Soldiers raided a village in central Mali.", "COERCE", "seize"),
    ],
)
def test_a_raid_from_the_air_is_an_air_strike(coder, text, event_type, mode):
    event = one(coder, text)
    assert (event.event, event.mode) == (event_type, mode)


@pytest.mark.parametrize(
    "text, event_type",
    [
        # an attack that goes on to call its target names is made in words
        ("The former premier launched a fierce attack on Canada's intelligence chiefs, calling "
         "them incompetent.", "ACCUSE"),
        ("The opposition leader attacked the government of Kenya, describing its budget as a "
         "disgrace.", "ACCUSE"),
        # ... one that kills, or calls for help, is not
        ("Rebels attacked an army base in Mali, killing ten soldiers.", "ASSAULT"),
        ("Militants launched an attack on a police station in Kabul, calling for "
         "reinforcements.", "ASSAULT"),
    ],
)
def test_an_attack_in_words_is_an_accusation(coder, text, event_type):
    assert one(coder, text).event == event_type


@pytest.mark.parametrize("text", [
    "The FBI launched a publicity campaign in Nigeria.",
    "Kenya launched a vaccination campaign in Nairobi.",
])
def test_a_campaign_with_a_civil_purpose_is_no_attack(coder, text):
    assert coder.code_text(text, published="2025-06-10") == []


@pytest.mark.parametrize("text", [
    # an infinitive of civil aim, hung on the campaign or on the verb that launches it
    "Zambian health officials launched a campaign on Monday to immunise two million infants.",
    "The Peruvian health ministry launched a campaign on Tuesday to vaccinate schoolchildren in "
    "Cusco.",
    "Ghanaian officials launched a campaign to educate farmers about the new seed varieties.",
    "The Indonesian government launched a campaign to recruit ten thousand village teachers.",
])
def test_a_campaign_with_a_civil_aim_is_no_attack(coder, text):
    assert not [e for e in coder.code_text(text, published="2025-06-10")
                if e.event == "ASSAULT"]


def test_a_military_campaign_is_still_an_attack(coder):
    assert one(coder, "Russia launched a military campaign in Syria.").event == "ASSAULT"


@pytest.mark.parametrize("text", [
    "The Nigerian army launched a campaign on Monday to drive Boko Haram out of the forest.",
    "Russian forces launched a campaign to capture the city of Bakhmut.",
])
def test_a_campaign_to_take_ground_is_still_an_attack(coder, text):
    assert one(coder, text).event == "ASSAULT"


@pytest.mark.parametrize(
    "text, event_type",
    [
        # a border opened to people fleeing gives them refuge
        ("Poland opened its border to Ukrainian refugees.", "AID"),
        ("Chad opened its borders to a large number of Sudanese.", "AID"),
        # ... one opened to a state's airlines or trade is access
        ("Russia opened its airspace to Turkish airlines.", "RETREAT"),
    ],
)
def test_a_border_opened_to_refugees_is_aid(coder, text, event_type):
    assert one(coder, text).event == event_type


@pytest.mark.parametrize("text", [
    "The former Chilean minister died of a heart attack in a hotel in Lima.",
    "A surfer was injured in a shark attack off the coast of Peru.",
])
def test_an_illness_or_an_animal_is_no_attack(coder, text):
    assert all(e.event != "ASSAULT" for e in coder.code_text(text, published="2025-06-10"))


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # support counted in money is money given (AID), not words of support
        ("The World Bank announced $300 million support for Kenya.", "AID", None, ["KEN"]),
        ("The EU announced €45m support for farmers in Ghana.", "AID", ["EUR"], None),
        ("Germany voiced strong support for Ukraine.", "SUPPORT", ["DEU"], ["UKR"]),
        # support given in money or arms is aid to whom it is given
        ("Japan provided financial support to Ukraine.", "AID", ["JPN"], ["UKR"]),
        ("Canada gave military support to Latvia.", "AID", ["CAN"], ["LVA"]),
        ("Norway gave its support to the Colombian peace plan.", "SUPPORT", ["NOR"], None),
        # support whose doer is aid, funding or grants is aid given
        ("Canadian grants supported the Haitian police academy for a decade.", "AID", ["CAN"],
         ["HTI"]),
        ("Norway has backed the Sudanese refugee clinics in Chad with a grant of $12 million.",
         "AID", ["NOR"], ["SDN"]),
        ("France backed the resolution with a strong statement.", "SUPPORT", ["FRA"], None),
    ],
)
def test_support_in_money_or_arms_is_aid(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # support received in money or arms is aid from the giver (after "from") to the receiver
        ("The Kenyan army has received financial support from the British government.", "AID",
         ["GBR"], ["KEN"]),
        ("Mali received military support from France last year.", "AID", ["FRA"], ["MLI"]),
        ("The Yemeni government received logistical support from Saudi Arabia.", "AID",
         ["SAU"], ["YEM"]),
    ],
)
def test_support_received_in_money_or_arms_is_aid(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize("text, event_type", [
    # an arrest warrant is an arrest (CAMEO 173) ...
    ("Ghana's police secured an arrest warrant for the opposition MP.", "COERCE"),
    ("A court in Ankara issued arrest warrants for 40 army officers on Tuesday.", "COERCE"),
    ("A Bolivian judge signed an arrest warrant for a former interior minister.",
     "COERCE"),
    # ... unless its subject is out of reach: in absentia, or international (manual §THREATEN)
    ("A court in Minsk issued an arrest warrant in absentia for the exiled opposition leader.",
     "THREATEN"),
    ("A Peruvian judge issued an international arrest warrant for the fugitive ex-minister.",
     "THREATEN"),
])
def test_an_arrest_warrant_is_an_arrest_unless_out_of_reach(coder, text, event_type):
    event = one(coder, text)
    assert (event.event, event.mode) == (event_type, "arrest")


@pytest.mark.parametrize("text", [
    # a forecast of weather, nature or disease addressed to no one: no threat
    "Swiss authorities warned of extreme avalanche danger across the Alps on Friday as fresh "
    "snow fell.",
    "Chilean forecasters issued a warning of gale-force winds along the coast.",
    "Officials in Peru warned that an outbreak of dengue could spread to Lima.",
])
def test_a_warning_of_a_hazard_is_no_threat(coder, text):
    assert coder.code_text(text, published="2025-06-10") == []


@pytest.mark.parametrize("text", [
    "The Taliban warned of a reaction if the foreign troops stayed.",
    "The Pakistani army issued a warning of retaliation against India.",
    "Iran issued a warning to the United States over its ships.",
])
def test_a_warning_of_an_act_or_to_a_party_is_still_a_threat(coder, text):
    assert one(coder, text).event == "THREATEN"
