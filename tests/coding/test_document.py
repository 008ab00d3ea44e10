"""The document stage: the seed's reference annotation through the general checker, evidence
spans in the original text, and the main event of a sentence."""

from __future__ import annotations

import json

import pytest

from sitrep.coding.document import main_event
from sitrep.evaluation.seed import check_seed
from sitrep.model import Document
from sitrep.text.reading import read_path

from ..conftest import SEED, SEED_GOLD


@pytest.fixture(scope="module")
def seed_doc(coder):
    (doc,) = read_path(str(SEED))
    return coder.code(doc)


def test_seed_reference_annotation_all_checks(seed_doc):
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    failed = [(name, why) for name, ok, why in check_seed(gold, seed_doc) if not ok]
    assert failed == []


def test_seed_evidence_spans_are_original_text(seed_doc):
    for event in seed_doc.events:
        span = seed_doc.text[event.text_info.start:event.text_info.end]
        assert span.strip() == event.text_info.sentence
        assert event.event_text in span


def test_seed_speculation_is_never_asserted(seed_doc):
    speculative = [e for e in seed_doc.events
                   if "may offer" in e.text_info.sentence or "unlikely" in e.text_info.sentence]
    assert speculative  # the analysts' view is coded, not dropped
    assert all(e.modality == "hypothetical" for e in speculative)


def test_the_main_event_comes_first_and_is_the_most_confident(coder):
    events = coder.code_text("Iran condemned the raid on Wednesday after Israeli jets bombed an arms "
                       "depot near Damascus.")
    assert len(events) >= 2
    assert events[0].event == "ACCUSE"
    assert max(events, key=lambda e: e.confidence) is events[0]


def test_a_standing_tie_does_not_absorb_a_dated_act(coder):
    # the jets bought once, long ago, and the arms bought as a standing habit are two events:
    # the first keeps its own date and none of the second's items
    doc = coder.code(Document(id="ties", published="2025-06-10", text=(
        "Kenya bought the fighter jets from France more than a decade ago, and several no longer "
        "fly. Kenya buys French helicopters, rifles and radars.")))
    bought = [e for e in doc.events if e.event == "COOPERATE"]
    assert len(bought) == 2
    once = next(e for e in bought if e.event_text == "bought")
    assert once.items == [] and once.enddate == "2015-12-31" and once.date_basis == "text"


@pytest.mark.parametrize(("text", "said", "event_type"), [
    ("The German chancellor said before visiting Kyiv that Berlin would supply air defence "
     "systems to Ukraine.", "supply", "AGREE"),
    ("Egypt's foreign minister said after meeting Hamas leaders that Israel had bombed a "
     "refugee camp in Rafah.", "bombed", "ASSAULT"),
    ("Kenya's president announced after meeting Somali officials that Kenyan troops would "
     "withdraw from Somalia.", "withdraw", "AGREE"),
    ("The French president told reporters after meeting King Charles that France would "
     "recognise a Palestinian state.", "recognise", "AGREE"),
])
def test_what_was_said_is_the_main_event_not_the_meeting_before_it(coder, text, said, event_type):
    # "X said after meeting Y that Z ...": the parser hangs the "that" clause on the meeting;
    # it is what X said, and the meeting, a time phrase, only sets the scene
    events = coder.code_text(text)
    main = main_event(events)
    assert main is not None and (main.event_text, main.event) == (said, event_type), text
    assert main.depth == 1 and main.main
    meeting = [e for e in events if e.event == "CONSULT"]
    assert meeting and all(e.depth > main.depth and not e.main for e in meeting)


def test_a_meeting_after_a_visit_stays_the_main_event(coder):
    # the gerund of a time phrase with no clause of saying above it is background all the same
    events = coder.code_text("The Russian foreign minister met his Chinese counterpart in "
                             "Beijing after visiting North Korea.")
    main = main_event(events)
    assert main is not None and main.event_text == "met"
    visit = next(e for e in events if e.event_text == "visiting")
    assert visit.depth == 3  # two steps below the verb, and one more as background
