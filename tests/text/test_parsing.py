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
    # a title-case place closed up to a double hyphen, as some regional papers print it
    ("Iloilo City--Marines detained two suspects.", "Marines detained"),
    ("Tacloban, Leyte--The mayor suspended classes.", "The mayor suspended"),
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
    "Marines--and sailors--were deployed.",  # a dash pair inside a sentence
])
def test_text_that_is_no_dateline_is_kept(text):
    assert cut_datelines(text) == text


def test_a_dateline_is_not_the_subject_of_the_first_sentence(coder):
    from ..conftest import codes, one

    event = one(coder, "NIAMEY - Gunmen stormed a police post in Niger near the border with "
                       "Burkina Faso, killing two officers.")
    assert "NIAMEY" not in " ".join(a.entity_text for a in event.actor)
    assert codes(event.recipient) == ["NER"]


@pytest.mark.parametrize("text", [
    "Talks collapsed\nThe army shelled the town",
    "Talks collapsed \n  The army shelled the town",
    "Talks collapsed\r\n\r\nThe army shelled the town",
    "- Ceasefire ends\n- Troops withdraw from the border\n",
])
def test_a_line_break_starts_a_sentence(nlp, text):
    parsed = nlp(text)
    after_breaks = {t.i + 1 for t in parsed if "\n" in t.text and t.i + 1 < len(parsed)}
    assert after_breaks
    assert all(parsed[i].is_sent_start for i in after_breaks)
    # the line's first word starts a sentence, though the line before has no full stop
    assert any(s.text.startswith(("The army", "- Troops")) for s in parsed.sents)


def test_text_without_line_breaks_keeps_the_parsers_sentences(nlp):
    text = "Talks collapsed on Monday and the army shelled the town."
    assert len(list(nlp(text).sents)) == 1


WALKED = [
    "The envoy met the rebels in the capital. Talks resumed on Tuesday after a pause.",
    "Soldiers sealed off the border crossing.\nThe ministry denied any incursion.",
]


@pytest.mark.parametrize("text", WALKED)
def test_tokens_of_a_span_are_spacys_tokens_made_once(nlp, text):
    from sitrep.text.parsing import tokens_of

    parsed = nlp(text)
    for sentence in parsed.sents:
        listed = tokens_of(sentence)
        assert [(t.i, t.text, t.dep_, t.head.i) for t in listed] == \
            [(t.i, t.text, t.dep_, t.head.i) for t in sentence]
        assert tokens_of(sentence) is listed  # memoised for the document
        assert tokens_of(parsed[sentence.start:sentence.end]) is listed  # same offsets
    assert tokens_of(parsed[0:2]) == [parsed[0], parsed[1]]  # any span, its own entry
