"""Parsing: datelines are cut off before the parser reads a story's first sentence."""

from __future__ import annotations

import pytest

from sitrep.text.parsing import cut_datelines


@pytest.mark.parametrize("text, kept", [
    ("NAIROBI (Reuters) - Kenyan police arrested three activists.", "Kenyan police arrested"),
    ("PORT MORESBY, Papua New Guinea -- The army deployed 200 troops.", "The army deployed"),
    ("ACCRA, May 4 (GNA) -- Ghana's president met his Togolese counterpart.", "Ghana's"),
    ("LIMA: Peru recalled its ambassador.", "Peru recalled"),
    ("A first line.\nBOGOTA - Colombia's army said on Monday ...", "Colombia's army"),
])
def test_datelines_are_blanked(text, kept):
    cut = cut_datelines(text)
    assert len(cut) == len(text)  # offsets kept
    head = cut.split("\n")[-1]
    assert head.strip().startswith(kept)
    assert "(" not in head.split(kept)[0]


@pytest.mark.parametrize("text", [
    "US - China trade talks resumed on Monday.",  # two capitals are no dateline
    "The UN - in a rare statement - condemned the attack.",
    "NATO said on Monday it would send more ships.",
])
def test_text_that_is_no_dateline_is_kept(text):
    assert cut_datelines(text) == text


def test_a_dateline_is_not_the_subject_of_the_first_sentence(coder):
    from ..conftest import codes, one

    event = one(coder, "BAMAKO - Armed men attacked an army camp in Mali near the border with "
                       "Mauritania, killing three soldiers.")
    assert "BAMAKO" not in " ".join(a.entity_text for a in event.actor)
    assert codes(event.recipient) == ["MLI"]
