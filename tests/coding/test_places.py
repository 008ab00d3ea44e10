"""Places: where an event happened, read off the trigger's clause (coding/places.py)."""

from __future__ import annotations

import pytest

from ..conftest import one


@pytest.mark.parametrize("text, place, country", [
    # a place noun, or a part of a place, followed by the place's name
    ("Three soldiers were killed by a bomb outside the Iraqi city of Basra.", "Basra", "IRQ"),
    ("Indian authorities lifted the curfew in most parts of Srinagar on Friday.", "Srinagar",
     "IND"),
    ("Rebels attacked an army post near the town of Gao.", "Gao", "MLI"),
    # "outside of" is "outside"
    ("Police arrested ten protesters outside of the parliament in Tbilisi.", "Tbilisi", "GEO"),
])
def test_the_place_a_place_noun_names(coder, text, place, country):
    event = one(coder, text)
    assert (event.event_loc.extracted_place, event.event_loc.country_code) == (place, country)


def test_a_measure_of_a_country_is_no_place(coder):
    # "more rifles than in a hectare of Syria": a measure of land is no place noun
    events = coder.code_text("The president praised the army more than anyone in an acre of "
                             "Chile.", published="2025-06-10")
    assert all(e.event_loc.extracted_place != "Chile" for e in events)
