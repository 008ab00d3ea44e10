"""Deadlines and ultimatums: a deadline given to a party is THREATEN aimed at that party; a
deadline given to no one is a schedule, not an event."""

from __future__ import annotations

import pytest

from ..conftest import assert_coded, one


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        # the indirect object is given the deadline
        ("The Kenyan government gave Uganda a June 30 deadline to withdraw its troops.", ["KEN"],
         ["UGA"]),
        # the "for" phrase of the deadline, and the subject of a "for ... to" clause
        ("The European Union set a deadline for Serbia to recognise the border.", None, ["SRB"]),
        ("Ghana's parliament imposed a two-week deadline on Nigeria.", ["GHA"], None),
        ("Peru issued an ultimatum to Ecuador over the border raids.", ["PER"], ["ECU"]),
    ],
)
def test_a_deadline_given_to_a_party_threatens_it(coder, text, actor, recipient):
    assert_coded(coder, text, "THREATEN", actor, recipient)


def test_the_party_in_a_for_to_clause_is_the_recipient_not_the_clauses_object(coder):
    event = one(coder, "The rebels set a deadline of Friday for the Malian government to "
                       "release the prisoners.")
    assert event.event == "THREATEN"
    assert [a.sector for a in event.recipient] == ["GOV"]


@pytest.mark.parametrize(
    "text",
    [
        "Parliament set a deadline for filing tax returns.",
        "The ministry set a new deadline for submitting applications.",
    ],
)
def test_a_deadline_for_an_act_is_a_schedule_not_a_threat(coder, text):
    # a guard on the deadline rows (these sentences coded nothing before the rows existed either)
    events = coder.code_text(text, published="2025-06-10")
    assert not any(e.event == "THREATEN" for e in events)
