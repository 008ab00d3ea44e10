"""The fallback classifier: a type for sentences no trigger fires in."""

from __future__ import annotations

from ..conftest import one


def test_classifier_names_a_type_with_a_probability():
    from sitrep.coding.classifier import load_model, predict

    label, probability = predict("Thousands of workers walked off the job over unpaid wages.")
    assert label in load_model().classes and 0.0 < probability <= 1.0


def test_sentence_without_trigger_gets_the_classifier_type(coder):
    from sitrep.coding.classifier import predict

    text = "Denmark today tabled a formula for ending its fisheries dispute with Norway."
    event = one(coder, text)
    assert event.event == predict(text)[0] and event.event_text == "tabled"


def test_classifier_anchors_on_what_was_said_not_on_the_saying(coder):
    text = "Chile is tabling a formula for the fisheries dispute, its foreign minister said."
    event = one(coder, text)
    assert event.event_text == "tabling"
    assert [a.code for a in event.actor] == ["CHL"]
