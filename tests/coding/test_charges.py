"""Charges: the act a verb of accusing or barring names after its object (coding/charges.py)."""

from __future__ import annotations

import pytest

from ..conftest import codes


def _event(coder, text, trigger):
    found = [e for e in coder.code_text(text, published="2025-06-10") if e.event_text == trigger]
    assert len(found) <= 1
    return found[0] if found else None


@pytest.mark.parametrize("text, trigger, doer", [
    ("Human rights groups accused the Chadian army of killing civilians near the border.",
     "killing", "TCD"),
    ("Ghana's opposition accused Togo of sending troops across the frontier.", "sending", "TGO"),
    ("Prosecutors in Lima charged the former Peruvian interior minister with ordering the attack "
     "on protesters.", "ordering", "PER"),
    ("Two Bolivian officers were accused of torturing detainees in La Paz.", "torturing", "BOL"),
])
def test_an_alleged_act_is_the_accused_partys_and_only_reported(coder, text, trigger, doer):
    event = _event(coder, text, trigger)
    assert event is not None
    assert codes(event.actor) == [doer]
    assert event.modality == "reported"


def test_an_act_a_court_clears_someone_of_is_denied(coder):
    event = _event(coder, "A military court in Bogota acquitted a Colombian general of ordering "
                          "the shelling of the village.", "ordering")
    assert event is not None
    assert codes(event.actor) == ["COL"]
    assert event.modality == "negated"


@pytest.mark.parametrize("text, trigger", [
    ("Zambia banned the opposition party from holding rallies in Lusaka.", "rallies"),
    ("The Nigerien army prevented aid agencies from delivering food to the town.", "delivering"),
])
def test_an_act_someone_is_barred_from_is_no_event(coder, text, trigger):
    assert _event(coder, text, trigger) is None


def test_the_accusing_verb_keeps_its_own_event(coder):
    # a control: the accusation itself is untouched by the rule
    from ..conftest import one

    event = one(coder, "Human rights groups accused the Chadian army of killing civilians near "
                       "the border.")
    assert event.event == "ACCUSE"
    assert codes(event.recipient) == ["TCD"]
