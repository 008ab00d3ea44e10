"""One sentence's candidates: rules that replace what a clause would code with what the
sentence says of it (here: an act another party is wanted to do is a demand of it)."""

from __future__ import annotations

import pytest

from ..conftest import codes, one


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Washington wants Tehran to halt uranium enrichment.", ["USA"], ["IRN"]),
        ("Pakistan wants India to return to the negotiating table.", ["PAK"], ["IND"]),
        ("Kenya wants Somalia to release the detained fishermen.", ["KEN"], ["SOM"]),
        # the act wanted is done to an object, its doer unnamed
        ("Caracas wants the radar systems delivered before the end of the year.", ["VEN"], []),
        ("Iran wants the sanctions lifted.", ["IRN"], []),
    ],
)
def test_wanting_another_partys_act_is_a_demand(coder, text, actor, recipient):
    event = one(coder, text)
    assert event.event == "REQUEST" and event.event_text.startswith("want")
    assert codes(event.actor) == actor
    assert [c for c in codes(event.recipient) if c] == recipient


def test_wanting_ones_own_act_is_not_a_demand(coder):
    event = one(coder, "Russia wants to expand its trade with India.")
    assert event.event != "REQUEST" and codes(event.actor) == ["RUS"]


def test_wanting_what_nothing_codes_is_no_event(coder):
    assert coder.code_text("The union wants the report published in full.",
                           published="2025-06-10") == []


@pytest.mark.parametrize(
    "text, actor, recipient",
    [
        ("Pakistan said India was behind the bombing in Quetta.", ["PAK"], ["IND"]),
        ("Iraq said Iran was responsible for the killing of 12 soldiers.", ["IRQ"], ["IRN"]),
        # the act blamed for named earlier in the sentence only
        ("After the explosions on Friday, Nigeria said Cameroon was responsible.", ["NGA"],
         ["CMR"]),
        ("Ukraine's foreign ministry said Russia is to blame for the shelling of the port.",
         ["UKR"], ["RUS"]),
    ],
)
def test_saying_a_party_is_to_blame_accuses_it(coder, text, actor, recipient):
    event = one(coder, text)
    assert event.event == "ACCUSE"
    assert codes(event.actor) == actor
    assert codes(event.recipient) == recipient


@pytest.mark.parametrize("text", [
    # a denial, and a duty one is responsible for, blame no one
    "Kenya said Somalia was not responsible for the attack.",
    "Kenya said its army was responsible for the security of the border.",
    "Kenya said the Somali army was responsible for the security of the border.",
])
def test_no_blame_in_a_denial_or_a_duty(coder, text):
    events = coder.code_text(text, published="2025-06-10")
    assert not any(e.event == "ACCUSE" and codes(e.recipient) for e in events)


def test_a_guessed_concession_whose_verb_is_a_retreats_is_a_retreat(coder):
    # no row fires (the object is no listed thing), the fallback classifier guesses CONCEDE: a
    # retreat's verb makes it RETREAT (PLOVER manual §RETREAT: the return of property), and a
    # promised retreat is AGREE (docs/codebook-boundaries.md, AGREE vs CONCEDE / RETREAT)
    event = one(coder, "Peru said on Tuesday that it will return the spent fuel rods to Argentina "
                       "next year.")
    assert event.event == "AGREE"
    assert codes(event.actor) == ["PER"]


@pytest.mark.parametrize("text", [
    "The interior ministry said it would review the proposal next month.",
    "Senior officials reviewed the plan with the defence minister on Tuesday.",
    "The cabinet will study the report before Friday.",
])
def test_weighing_or_receiving_is_no_act_of_its_own(coder, text):
    # no row fires; the fallback classifier would guess from the sentence's other words
    assert coder.code_text(text, published="2025-06-10") == []
