"""Targets: a thing that only undergoes an intransitive trigger verb (its subject is what the
row's object hint chose) is no one's act."""

from __future__ import annotations

import pytest

from ..conftest import one


def test_a_thing_that_only_undergoes_the_verb_is_no_ones_act(coder):
    events = coder.code_text("The mediation ended with Norway calmly turning down the new "
                             "fishing plan.", published="2025-06-10")
    assert [e.event_text for e in events if e.event == "SANCTION"] == []


def test_a_doer_that_ends_the_act_is_kept(coder):
    # control: with a doer, ending the mediation is a withdrawal
    event = one(coder, "Chile ended talks with Bolivia on Monday.")
    assert (event.event, [a.code for a in event.actor]) == ("SANCTION", ["CHL"])


@pytest.mark.parametrize(
    "text, recipient",
    [
        # a state of siege or emergency is the act, not a party: the place it is declared in is
        # its target, never a date
        ("Bolivia's interior minister declared a state of siege in the lowland province of "
         "Beni.", "the lowland province of Beni"),
        ("The Malian junta declared a state of emergency in Mopti on Monday.", "Mopti"),
        ("The Peruvian president declared a state of siege on 12 June in the village of Ayo.",
         "the village of Ayo"),
    ],
)
def test_a_state_of_siege_is_aimed_at_its_place(coder, text, recipient):
    event = one(coder, text)
    assert (event.event, [r.entity_text for r in event.recipient]) == ("COERCE", [recipient])


def test_a_date_after_on_is_no_target(coder):
    # "on Tuesday" is when, not to whom: the pardon goes to whom "to" names
    event = one(coder, "President Ali Bongo on Tuesday granted a full pardon to Marcel Obiang, a "
                       "jailed poet.")
    assert [a.entity_text for a in event.recipient] == ["Marcel Obiang"]


def test_a_number_that_counts_the_party_is_no_date_or_sum(coder):
    # "one of the two suspects" names a party, unlike a date or a sum
    event = one(coder, "The court in Mombasa ordered the arrest of one of the two suspects.")
    assert [a.entity_text for a in event.recipient] == ["the two suspects"]


def test_a_force_mobilized_for_an_act_against_a_party_is_aimed_at_it(coder):
    event = one(coder, "Chad mobilized its army for an offensive against the remnants of the rebel "
                       "column.")
    assert event.event == "MOBILIZE"
    assert [a.entity_text for a in event.recipient] == ["the remnants of the rebel column"]


@pytest.mark.parametrize(
    "text, recipient",
    [
        # whom a lifted or eased measure was laid on is named by the clause that laid it
        ("The Kenyan president lifted travel restrictions imposed on the former finance minister "
         "last year.", "the former finance minister"),
        ("The Peruvian government eased sanctions placed on two opposition newspapers.",
         "two opposition newspapers"),
        ("The junta lifted the blockade that it had enforced against Qatar.", "Qatar"),
        # terms that are no act by their word are one when laid on someone
        ("The Israeli president lifted parole conditions imposed on former minister Avi Cohen.",
         "Avi Cohen"),
    ],
)
def test_a_measure_is_aimed_at_whom_it_was_imposed_on(coder, text, recipient):
    event = one(coder, text)
    assert [a.entity_text for a in event.recipient] == [recipient]


def test_a_measure_announced_on_television_has_no_target(coder):
    # control: only a verb of laying the measure on someone names its target
    event = one(coder, "The ministry lifted the ban announced on state television on Monday.")
    assert event.recipient == []


def test_a_count_of_unplaced_parties_names_what_it_counts(coder):
    # "hundreds" names no party; the banks it counts are the target, as the text names them
    event = one(coder, "Swiss prosecutors opened fraud investigations against hundreds of "
                       "banks.")
    assert [a.entity_text for a in event.recipient] == ["banks"]


def test_an_effort_that_holds_an_act_is_no_target(coder):
    # "a mediation effort" names the act launched, not whom it is aimed at: no party is better
    # than the effort's own words
    events = coder.code_text("The African Union launched a mediation effort meant to help the "
                             "junta and the rebels agree a truce.", published="2025-06-10")
    consult = [e for e in events if e.event == "CONSULT"]
    assert consult and [r.entity_text for r in consult[0].recipient] == []


@pytest.mark.parametrize("text, target", [
    # a threat, a refusal or a promise is aimed at what the act it promises names, kept by its
    # words where the knowledge base cannot place it
    ("North Korea threatened to shell the big radio tower that activists built on the ridge.",
     "the big radio tower"),
    ("The militia threatened to bomb the new dam on the river.",
     "the new dam on the river"),
    ("Hungary refused to let the lorries cross its border.", "the lorries"),
])
def test_a_promised_act_names_the_target(coder, text, target):
    assert [r.entity_text for r in one(coder, text).recipient] == [target]


@pytest.mark.parametrize("text, recipient", [
    # where forces are readied is the target, named by its words when no place name resolves
    ("Nigerian soldiers remained on alert in the northeast region after the raid.",
     "the northeast region"),
    ("Indian troops stayed on high alert along the eastern frontier zone.",
     "the eastern frontier zone"),
])
def test_forces_readied_are_aimed_at_their_place(coder, text, recipient):
    event = one(coder, text)
    assert event.event == "MOBILIZE"
    assert [r.entity_text for r in event.recipient] == [recipient]
