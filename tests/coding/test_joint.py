"""Joint and reciprocal acts: exercises and patrols held with others (COOPERATE, their partners),
and several parties doing a mutual act (all actors, no recipient; read each towards the other)."""

from __future__ import annotations

import pytest

from ..conftest import assert_coded, codes, one


# Reciprocal acts: several parties as the subject of a mutual act, no one else its object
# (docs/codebook-boundaries.md, "Who is source and who is target").
@pytest.mark.parametrize("text, first, second", [
    ("Chile and Peru signed a fisheries accord in Lima.", "CHL", "PER"),
    ("The foreign ministers of Ghana and Togo met in Accra on Friday.", "GHA", "TGO"),
    ("Ethiopian and Eritrean troops clashed along the border.", "ETH", "ERI"),
    ("Senior Hungarian and Slovak officials agreed that their countries should share "
     "border patrols.", "HUN", "SVK"),
])
def test_reciprocal_acts_read_first_party_towards_the_second(coder, text, first, second):
    event = one(coder, text)
    assert event.reciprocal and not event.recipient
    dyads = [(a.code, b.code) for a, b in event.dyads()]
    assert dyads[0] == (first, second) and (second, first) in dyads


@pytest.mark.parametrize("text, first, second", [
    # a country's state and another side of it are two parties (a government and its rebels),
    # and a meeting they agree to hold in a third country is held there, not aimed at it
    ("The Sudanese government and the SPLM-North rebels agreed to resume peace talks in Juba "
     "next week.", ("SDN", "GOV"), ("SDN", "REB")),
    ("The Mozambican government and Renamo rebels signed a peace accord in Maputo.",
     ("MOZ", "GOV"), ("MOZ", "REB")),
    ("The Philippine army and communist guerrillas agreed to extend their holiday truce.",
     ("PHL", "MIL"), ("PHL", "REB")),
])
def test_a_state_and_its_rebels_act_reciprocally(coder, text, first, second):
    event = one(coder, text)
    assert event.reciprocal and not event.recipient
    dyads = [((a.code, a.sector), (b.code, b.sector)) for a, b in event.dyads()]
    assert dyads[0] == (first, second) and (second, first) in dyads


@pytest.mark.parametrize("text", [
    "The United States and France condemned the bombing in Kabul.",  # co-actors, no mutual act
    "Kenya met Ugandan officials in Nairobi.",  # one party meets another: directed
])
def test_co_actors_and_directed_meetings_are_not_reciprocal(coder, text):
    assert not one(coder, text).reciprocal


@pytest.mark.parametrize(
    "text, event_type, actor",
    [
        ("French and Egyptian warships launched 10 days of war games in the Mediterranean.",
         "COOPERATE", ["EGY", "FRA"]),
        ("India held naval exercises with France in the Indian Ocean.", "COOPERATE", ["IND"]),
        ("Russia and China began joint naval exercises in the Sea of Japan.", "COOPERATE",
         ["CHN", "RUS"]),
        ("China held large-scale military drills around Taiwan on Thursday.", "MOBILIZE", ["CHN"]),
        # the groups of several countries named after "of", whatever verb carries the act
        ("The navies of Peru and Chile performed joint exercises off Arica.", "COOPERATE",
         ["CHL", "PER"]),
        ("The armies of Kenya and Uganda undertook a joint exercise near Lake Victoria.",
         "COOPERATE", ["KEN", "UGA"]),
    ],
)
def test_exercises_of_several_countries_are_cooperation(coder, text, event_type, actor):
    assert_coded(coder, text, event_type, actor, None)


@pytest.mark.parametrize(
    "text, actor",
    [
        # the exercise the object of a carrier verb, active or passive: still a joint act of
        # every country that holds it, and the exercise is no recipient
        ("Egypt and Sudan staged air force drills near their border.", ["EGY", "SDN"]),
        ("The naval drill was staged by Indian and French warships.", ["FRA", "IND"]),
        ("The desert exercises were conducted by Omani and British troops.", ["GBR", "OMN"]),
        ("The annual war games were held by Kenyan and Tanzanian soldiers near Arusha.",
         ["KEN", "TZA"]),
    ],
)
def test_an_exercise_carried_by_a_verb_is_joint_when_several_countries_hold_it(coder, text,
                                                                               actor):
    event = one(coder, text)
    assert (event.event, codes(event.actor), event.recipient, event.reciprocal) == (
        "COOPERATE", actor, [], True)


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        # an exercise or patrol said to be joint, or held by a party with its allies, is held
        # with others whoever they are (manual §MOBILIZE: joint operations are COOPERATE)
        ("The Kenyan navy began joint drills off Mombasa on Monday.", ["KEN"], None),
        ("Ghanaian border guards started coordinated patrols along the frontier.", ["GHA"], None),
        ("The United States and its allies launched naval war games in the Gulf.", ["USA"], None),
        # the forces joined for it, whose country is its recipient
        ("The Indian Navy joined Japanese destroyers for exercises in the Bay of Bengal.", ["IND"],
         ["JPN"]),
        ("The Ghanaian navy joined Togolese patrol boats in patrols off Lome.", ["GHA"], ["TGO"]),
        # the partner after a measure of the exercise ("a week of")
        ("The Kenyan navy held a week of joint drills with Tanzanian ships off Mombasa.", ["KEN"],
         ["TZA"]),
    ],
)
def test_an_exercise_said_to_be_joint_is_cooperation(coder, text, actor, recipient):
    assert_coded(coder, text, "COOPERATE", actor, recipient)


def test_one_countrys_drills_stay_a_show_of_force(coder):
    # a control (passes either way)
    assert one(coder, "Iran's Revolutionary Guards staged drills in the Gulf on Tuesday.").event \
        == "MOBILIZE"


@pytest.mark.parametrize("text, actor, recipient", [
    # drills one country stages around, near or off another are aimed at it, not held with it:
    # MOBILIZE (PLOVER manual §MOBILIZE, single-country exercises), whatever the parse names
    # the other country as (build.py: only the doers and the partners held with count)
    ("Chinese destroyers and bombers staged drills around Taiwan on Monday.", ["CHN"], ["TWN"]),
    ("Russian warships staged live-fire exercises off Japan this week.", ["RUS"], ["JPN"]),
    ("Iranian naval units held drills near the United Arab Emirates.", ["IRN"], ["ARE"]),
])
def test_drills_staged_around_another_country_mobilize(coder, text, actor, recipient):
    assert_coded(coder, text, "MOBILIZE", actor, recipient)
