"""Reporters: who reports a passive act of force is its doer only if it could have used force
(coding/reporters.py)."""

from __future__ import annotations

import pytest

from ..conftest import codes


def _event(coder, text, trigger):
    found = [e for e in coder.code_text(text, published="2025-06-10") if e.event_text == trigger]
    return found[0] if found else None


@pytest.mark.parametrize("text, trigger", [
    ("Amnesty International said four journalists were detained in Baku.", "detained"),
    ("The Kenyan newspaper Daily Nation said six villagers were killed in Marsabit.", "killed"),
    ("Two Iraqi soldiers were killed in shelling near Mosul, the Kurdish broadcaster Rudaw said.",
     "shelling"),
])
def test_a_reporter_that_uses_no_force_is_no_doer(coder, text, trigger):
    event = _event(coder, text, trigger)
    assert event is None or not event.actor


@pytest.mark.parametrize("text, trigger, doer", [
    # controls: a state's forces or officials reporting their own arrests and strikes stay their
    # doers, as the coders code them
    ("Azerbaijani police said four journalists were detained in Baku.", "detained", ["AZE"]),
    ("The Nigerian army said 30 insurgents were killed near Maiduguri.", "killed", ["NGA"]),
])
def test_a_reporter_that_uses_force_stays_the_doer(coder, text, trigger, doer):
    event = _event(coder, text, trigger)
    assert event is not None
    assert codes(event.actor) == doer


def test_a_named_agent_is_the_doer_whoever_reports(coder):
    event = _event(coder, "Amnesty International said four journalists were detained by "
                          "Azerbaijani police in Baku.", "detained")
    assert event is not None
    assert codes(event.actor) == ["AZE"]


def test_no_side_is_the_doer_of_what_it_reports_done_to_its_own(coder):
    event = _event(coder, "North Korea said one of its soldiers was killed near the border.",
                   "killed")
    assert event is not None
    assert not event.actor
    assert codes(event.recipient) == ["PRK"]
