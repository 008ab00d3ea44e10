"""One trigger's candidate (coding/build.py): an act of state power done by no one named is the
state's where it happens (an arrest, a passive expulsion from a state), and a private person's
arrest stays no event."""

from __future__ import annotations

import pytest

from ..conftest import codes, one


@pytest.mark.parametrize("text, actor", [
    ("The blogger Amadou Sy was arrested on Tuesday in Senegal for criticising the president.",
     ["SEN"]),
    ("Two opposition activists were detained in Uganda ahead of the vote.", ["UGA"]),
])
def test_an_arrest_by_no_one_named_is_the_states_where_it_happens(coder, text, actor):
    event = one(coder, text)
    assert event.event == "COERCE" and codes(event.actor) == actor
    # the country only: no sector, so an arrest no one political suffers stays no event
    assert all(a.sector is None for a in event.actor)


def test_a_private_persons_arrest_stays_no_event(coder):
    assert not coder.code_text("The singer was arrested in Los Angeles for drunk driving.",
                               published="2025-06-10")


def test_a_passive_expulsion_from_a_state_is_that_states(coder):
    # by no one named: the state they are put out of expels them; they are its recipients
    event = one(coder, "Four Kenyan election monitors were expelled from Burundi on Friday.")
    assert codes(event.actor) == ["BDI"]
    assert codes(event.recipient) == ["KEN"]
