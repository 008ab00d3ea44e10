"""Intermediaries: the agent of a delivering verb the trigger governs, or of the trigger itself
when it is such a verb heading its sentence; never of a verb deeper down."""

from __future__ import annotations

from sitrep.coding.intermediaries import intermediaries
from sitrep.entities.mentions import find_mentions
from sitrep.model import Document


def _intermediaries(coder, text: str, trigger: str) -> list[str]:
    parsed = coder.nlp(text)
    mentions = find_mentions(Document(id="t", text=text), parsed, coder.kb, None, parsed.text)
    token = next(t for t in parsed if t.text == trigger)
    return [a.entity_text for a in intermediaries(token, mentions, coder.kb.sectors)]


def test_a_heading_delivering_verb_names_its_own_go_between(coder):
    found = _intermediaries(coder, "The protest note was delivered by the Swiss ambassador.",
                            "delivered")
    assert found and "ambassador" in found[0]


def test_a_verb_below_the_trigger_s_children_is_not_read(coder):
    # "delivered" hangs on "note", under "protested": no go-between of the protest
    assert _intermediaries(
        coder, "Peru protested over a note that was delivered by the Swiss ambassador.",
        "protested") == []
