"""Implied recipients: the rules' data, party identity, and sentences of other countries."""

from __future__ import annotations

import pytest

from sitrep.actors.parties import same_party
from sitrep.coding.lexicon import load_lexicon
from sitrep.coding.recipients import Rules
from sitrep.model import Actor

from ..conftest import assert_coded, codes, one


def test_rules_come_from_plover_json_and_name_only_plover_types():
    plover = load_lexicon().plover
    rules = Rules.from_plover(plover)
    types = set(plover["event_types"])
    for field in ("reaches", "outward", "acts_on_place", "group_takes_country",
                  "authority_at_home", "body_answered", "protest_target", "protest_sources",
                  "promise_reaches", "settled_with", "peacekeeping_host"):
        assert getattr(rules, field) <= types, field
    assert rules.outward <= rules.reaches
    for name, rule in plover["recipient_defaults"].items():
        assert name == "note" or rule["note"], name


@pytest.mark.parametrize(
    "one, other, same",
    [
        (Actor("Germany", code="DEU", kb_id="country:DEU"), Actor("Berlin", code="DEU",
                                                                   sector="GOV"), True),
        (Actor("Germany", code="DEU", kb_id="country:DEU"), Actor("Germans", code="DEU"), False),
        (Actor("Kenyan police", code="KEN", sector="COP"), Actor("Kenyans", code="KEN"), False),
        (Actor("Kenyan police", code="KEN", sector="COP"), Actor("police", code="KEN",
                                                                 sector="COP"), True),
        (Actor("UN", sector="IGO", kb_id="org:united-nations"),
         Actor("the UN", sector="IGO", kb_id="org:united-nations"), True),
        (Actor("France", code="FRA", kb_id="country:FRA"), Actor("Spain", code="ESP",
                                                                  kb_id="country:ESP"), False),
        # two people the knowledge base knows apart are two parties, whatever their sectors
        (Actor("Mbeki", code="ZAF", sector="GOV", kb_id="person:thabo-mbeki"),
         Actor("Motlanthe", code="ZAF", sector="GOV", kb_id="person:kgalema-motlanthe"), False),
        # two bodies named apart are two parties, whatever country and sector they share
        (Actor("the Ohio Department of Health", code="USA", sector="GOV"),
         Actor("the Toledo Port Authority", code="USA", sector="GOV"), False),
        (Actor("Kenya Revenue Authority", code="KEN", sector="GOV"),
         Actor("the Ministry of Finance", code="KEN", sector="GOV"), False),
        # ... but one name, said twice or shorter, and a body named by common nouns, are one
        (Actor("the U.S. State Department", code="USA", sector="GOV"),
         Actor("the State Department", code="USA", sector="GOV"), True),
        (Actor("the Ministry of Finance", code="KEN", sector="GOV"),
         Actor("the Kenyan government", code="KEN", sector="GOV"), True),
        (Actor("Kenyan police", code="KEN", sector="COP"),
         Actor("Nairobi Police", code="KEN", sector="COP"), True),
        # a group of a country that keeps the country's row is not the country's state
        (Actor("Cuba's political prisoners", code="CUB", sector="CVL", kb_id="country:CUB"),
         Actor("The Cuban government", code="CUB", sector="GOV"), False),
        (Actor("Cuba's political prisoners", code="CUB", sector="CVL", kb_id="country:CUB"),
         Actor("Cuba", code="CUB", kb_id="country:CUB"), False),
        (Actor("Cuba's government", code="CUB", sector="GOV", kb_id="country:CUB"),
         Actor("Cuba", code="CUB", kb_id="country:CUB"), True),
    ],
)
def test_same_party(one, other, same):
    assert same_party(one, other) is same


@pytest.mark.parametrize(
    "text, recipient",
    [
        ("Algerian police opened fire to disperse Islamist demonstrators in Algiers.", ["DZA"]),
        ("Thousands of Chileans marched in Santiago against the pension system.", ["CHL"]),
        ("Hundreds of Pakistanis rallied outside the Danish embassy in Islamabad.", ["DNK"]),
        ("Vietnam massed troops near its border with Cambodia.", ["KHM"]),
        ("The foreign ministers of Chile and Peru met in Lima.", []),
        # an act done to a place at home is done to the actor's own country; a force moved or
        # a meeting held at home is not
        ("Indonesian authorities imposed a curfew in Ambon after clashes.", ["IDN"]),
        ("Sri Lankan police imposed a curfew in Kandy on Tuesday.", ["LKA"]),
        ("Nigeria deployed troops in Maiduguri on Monday.", []),
        # the purpose of the verb a noun trigger is the object of is the act's; a list it
        # reaches, whole
        ("Canada announced extra funding of 10 million dollars to support farmers in Mali, "
         "Niger and Chad.", ["MLI", "NER", "TCD"]),  # the model tags "Niger" a person; joined
        # to "Mali", a place, it is read as one (entities/mentions.py)
        ("Ireland has announced development assistance to help villages in Malawi and Zambia.",
         ["MWI", "ZMB"]),
    ],
)
def test_implied_recipients(coder, text, recipient):
    assert codes(one(coder, text).recipient) == recipient


def test_implied_recipients_are_less_certain_than_stated_ones(coder):
    implied = one(coder, "China held large-scale military drills around Taiwan.").recipient
    assert codes(implied) == ["TWN"]
    stated = one(coder, "Vietnam accused Cambodia of shelling its border posts.").recipient
    assert max(a.confidence for a in implied) < min(a.confidence for a in stated)


@pytest.mark.parametrize(
    "text, recipient",
    [
        # a threat is aimed at the party whose act would trigger it
        ("Russia threatened to leave the talks if the United States deploys new missiles in "
         "Europe.", ["USA"]),
        # the one blamed is who did what is condemned or investigated
        ("Egypt condemned an attack by Israeli soldiers in Gaza.", ["ISR"]),
        ("Serbia is investigating war crimes by Serbian paramilitaries against Bosnian "
         "civilians.", ["SRB"]),
        # a complaint to a body is about the one complained of
        ("Lebanon complained to the United Nations over two Israeli air raids.", ["ISR"]),
        # "with X's help" names a helper
        ("NATO said it would tighten the blockade of Serbia with Albania's help.", ["SRB"]),
    ],
)
def test_blamed_and_conditioned_parties(coder, text, recipient):
    assert codes(one(coder, text).recipient) == recipient


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        ("Malawi received 50,000 tonnes of maize from South Africa on Friday.", "AID", ["ZAF"],
         ["MWI"]),
        ("Thailand extradited Russian arms dealer Viktor Bout to the United States.", "COOPERATE",
         ["THA"], ["USA"]),
        ("The Indian Navy began joint exercises with the French Navy off Goa.", "COOPERATE",
         ["IND"], ["FRA"]),
        ("Greece put its navy on alert on Tuesday after Turkey sent a survey vessel into disputed "
         "waters.", "MOBILIZE", ["GRC"], ["TUR"]),
        ("Tens of thousands of Serbs rallied in Belgrade against NATO air strikes.", "PROTEST",
         ["SRB"], []),
        ("Ugandan troops completed their pullout from the Sudanese town of Yei.", "RETREAT",
         ["UGA"], ["SDN"]),
        ("China called on Washington to halt arms sales to Taiwan.", "REQUEST", ["CHN"], ["USA"]),
    ],
)
def test_more_implied_and_stated_recipients(coder, text, event_type, actor, recipient):
    event = one(coder, text)
    assert event.event == event_type
    assert (codes(event.actor), codes(event.recipient)) == (actor, recipient)


def test_a_body_in_a_modifier_is_the_target(coder):
    event = one(coder, "Tens of thousands of Serbs rallied in Belgrade against NATO air strikes.")
    assert [a.kb_id for a in event.recipient] == ["org:nato"]


@pytest.mark.parametrize(
    "text, event_type, actor, recipient",
    [
        # another party of the same country is a recipient; the actor itself is not
        ("An Argentine judge ordered former president Carlos Menem to appear for questioning.",
         "REQUEST", ["ARG"], ["ARG"]),
        ("Sudan's government lifted the state of emergency in West Darfur.", "CONCEDE", ["SDN"],
         ["SDN"]),
        ("President Museveni threatened to ban Ugandan opposition candidates from the election.",
         "THREATEN", None, ["UGA"]),
        # a venue is not a recipient
        ("The foreign ministers of India and Pakistan met on the sidelines of a summit in "
         "Kathmandu.", "CONSULT", ["IND", "PAK"], []),
        ("Armenian and Azerbaijani officials held talks on the border in Brussels.", "CONSULT",
         None, []),
        # ... but where a visit goes is its host
        ("Hundreds of Cuban doctors and nurses arrived in Italy's Lombardy region.", "CONSULT",
         ["CUB"], ["ITA"]),
        # a protest aimed at a foreign country; a march through a city protests at home
        ("Hundreds of Pakistanis rallied outside the Danish embassy in Islamabad.", "PROTEST",
         ["PAK"], ["DNK"]),
        ("Thousands of people marched through Minsk to demand new elections.", "PROTEST", None,
         ["BLR"]),
        # actors an apposition, a "throughout" phrase or taking part in the act name
        ("Ayman Nour, Egypt's best-known opposition activist, began a hunger strike in jail.",
         "PROTEST", ["EGY"], None),
        ("Thousands of Kenyans were converging on Friday for a rally in Nairobi.", "PROTEST",
         ["KEN"], ["KEN"]),
        ("Students throughout Chile staged demonstrations on Thursday.", "PROTEST", ["CHL"],
         ["CHL"]),
        # "to Egypt" parsed as a dative
        ("Israel began exporting natural gas to Egypt on Wednesday.", "COOPERATE", ["ISR"],
         ["EGY"]),
    ],
)
def test_domestic_recipients_and_venues(coder, text, event_type, actor, recipient):
    assert_coded(coder, text, event_type, actor, recipient)


@pytest.mark.parametrize("text, recipient", [
    # a protest at home is aimed at the authorities, named by what is protested
    ("Thousands of teachers in Portugal protested the new education budget on Saturday.",
     ("the new education budget", "PRT")),
    ("Opposition supporters in Togo boycotted the constitutional referendum.",
     ("the constitutional referendum", "TGO")),
    ("Truck drivers in Chile went on strike over higher fuel taxes.",
     ("higher fuel taxes", "CHL")),
])
def test_a_protest_at_home_is_aimed_at_what_is_protested(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "PROTEST"
    assert [(r.entity_text, r.code) for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, recipient", [
    # a promise is aimed where its promised act is done, the actor's own country too
    ("The Kenyan government has agreed to build a new refugee camp near Nairobi.", ["KEN"]),
    ("The African Union is ready to send more peacekeepers to Somalia.", ["SOM"]),
    ("Colombian rebels said they would give up their arms in Cauca.", ["COL"]),
])
def test_a_promise_reaches_where_its_act_is_done(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "AGREE"
    assert codes(event.recipient) == recipient


def test_a_joint_agreement_keeps_its_venue_out_of_its_recipients(coder):
    event = one(coder, "Armenia and Azerbaijan agreed in Moscow on a ceasefire.")
    assert event.event == "AGREE" and "RUS" not in codes(event.recipient)


@pytest.mark.parametrize("text, recipient", [
    # a retyped act takes the reach of what it became: peacekeepers arriving are aid (not a
    # visit) and reach the country they arrive in
    ("The first Bangladeshi peacekeepers arrived in Bangui on Monday.", ["CAF"]),
    ("A contingent of Ghanaian peacekeepers arrived at the airport in Goma.", ["COD"]),
])
def test_peacekeepers_arriving_reach_the_country_they_arrive_in(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "AID"
    assert codes(event.recipient) == recipient


@pytest.mark.parametrize("text, recipient", [
    ("Pakistan said India had arrested two of its diplomats.", ["PAK"]),
    ("Iran said its diplomats were expelled by Bahrain.", ["IRN"]),
    ("Israel said two of its soldiers were wounded in Gaza.", ["ISR"]),
])
def test_a_group_a_reported_clause_calls_its_is_the_reporters(coder, text, recipient):
    from ..conftest import codes, one

    assert codes(one(coder, text).recipient) == recipient


@pytest.mark.parametrize(
    "text, recipient",
    [
        # a concession made after a settlement with a party is made to that party
        ("Malian dock workers called off their strike after an agreement with the Senegalese "
         "port authority.", ["SEN"]),
        ("Togolese nurses suspended the walkout hours after reaching a deal with the Ghanaian "
         "government.", ["GHA"]),
        ("Zambian miners called off their strike after deliberations with the Chinese owners.",
         ["CHN"]),
    ],
)
def test_a_concession_after_a_settlement_is_made_to_the_other_party(coder, text, recipient):
    event = one(coder, text)
    assert event.event in {"CONCEDE", "RETREAT"} and codes(event.recipient) == recipient


@pytest.mark.parametrize(
    "text, recipient",
    [
        # what goes to a peacekeeping force or mission goes to the country it keeps the peace in
        ("Fiji is ready to contribute police officers to UN peacekeeping operations in Lebanon.",
         ["LBN"]),
        ("Brazil is sending engineers to the UN peacekeeping force in Haiti.", ["HTI"]),
        ("The Security Council agreed to a one-year extension of the mandate for the "
         "peacekeeping force in Cyprus.", ["CYP"]),
    ],
)
def test_what_goes_to_a_peacekeeping_force_goes_to_its_host(coder, text, recipient):
    assert codes(one(coder, text).recipient) == recipient


@pytest.mark.parametrize("text, recipient", [
    # a state of emergency, martial law or a curfew an authority imposes with no place named is
    # imposed on its own country; a place named is still the recipient, and a rebel group's
    # curfew names no country
    ("Kenya declared a state of emergency on Tuesday.", ["KEN"]),
    ("Thailand's army declared martial law.", ["THA"]),
    ("The government of Chad imposed a curfew.", ["TCD"]),
    ("Peru's government declared a state of emergency in Lima.", ["PER"]),
    ("Rebels declared a curfew.", []),
])
def test_an_emergency_measure_is_imposed_at_home(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "COERCE"
    assert codes(event.recipient) == recipient


@pytest.mark.parametrize("text, recipient", [
    ("Russia massed troops near its borders with Ukraine and Georgia.", ["GEO", "UKR"]),
    ("Cuba has offered to build clinics in Angola and Namibia.", ["AGO", "NAM"]),
])
def test_a_list_reached_is_reached_whole(coder, text, recipient):
    # every member of the list the act reaches, not the first one alone
    assert codes(one(coder, text).recipient) == recipient


@pytest.mark.parametrize("text, recipient", [
    # a facility attacked or seized is the recipient, placed in the country its place is in
    ("Turkish troops seized two oil wells near Hasakah.", ("two oil wells", "SYR")),
    ("Rebels shelled the Shayrat air base in Syria.", ("Shayrat air base", "SYR")),
    ("Russian jets struck Syria's Shayrat air base.", ("Shayrat air base", "SYR")),
    ("Gunmen attacked a checkpoint in southern Afghanistan.", ("checkpoint", "AFG")),
])
def test_a_facility_attacked_is_the_recipient_in_its_country(coder, text, recipient):
    event = one(coder, text)
    assert [(r.entity_text, r.code) for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, recipient", [
    # people or things named only by what they are, attacked or seized where a country is
    # named: the object's words, placed in that country (the real-news coders write the object)
    ("Iraqi commandos captured an alleged bomb maker in western Mosul, Iraq.",
     ("alleged bomb maker", "IRQ")),
    ("Turkish warplanes bombed hideouts of Kurdish rebels in northern Iraq.",
     ("hideouts", "IRQ")),
    ("Jihadists torched the homes of 20 farmers in central Burkina Faso.", ("homes", "BFA")),
])
def test_what_an_attack_is_done_to_is_the_recipient_in_its_country(coder, text, recipient):
    event = one(coder, text)
    assert event.event in {"ASSAULT", "COERCE"}
    assert [(r.entity_text, r.code) for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, recipient", [
    # a measure lifted applies where the verb's "in" says, not to the words naming it
    ("The Kenyan government lifted the curfew in four coastal counties.", "four coastal counties"),
    ("The junta lifted the state of emergency in the Timbuktu region on Friday.",
     "the Timbuktu region"),
])
def test_a_measure_lifted_is_aimed_at_its_place(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "CONCEDE"
    assert [r.entity_text for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, recipient", [
    # the unplaced district a curfew is imposed on, in the authority's country, not the country
    # the authority is said to be in
    ("Officials in Pakistan ordered a curfew across much of the Swat Valley.",
     ("the Swat Valley", "PAK")),
    ("Authorities in Kenya imposed a curfew in the Mandera district.", ("Mandera", "KEN")),
    ("Authorities in Nigeria declared a curfew in Jos North.", ("Jos North", "NGA")),
])
def test_an_unplaced_place_at_home_is_the_recipient(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "COERCE"
    assert [(r.entity_text, r.code) for r in event.recipient] == [recipient]


def test_a_ceasefire_acts_on_its_place(coder):
    # where a ceasefire of any type holds is what it is done to, at home too
    event = one(coder, "The Syrian army stopped its offensive in the hills around Homs.")
    assert (event.event, codes(event.recipient)) == ("RETREAT", ["SYR"])
