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


def test_a_verb_known_only_in_peaceful_senses_is_not_the_classifiers_attack(coder):
    # "returned" is a trigger only with a matching object (property, captives, weapons); with
    # another object, no trigger fires and the classifier may read force into the sentence
    from sitrep.coding.classifier import predict

    for text in [
        "A bronze helmet taken from a Baghdad museum was returned by British officials to Iraqi "
        "authorities in May.",
        "An antique rifle was returned by the army to Afghan authorities last week.",
    ]:
        assert predict(text)[0] in {"ASSAULT", "COERCE"}  # the guess this guards against
        assert not any(e.event in {"ASSAULT", "COERCE", "SANCTION", "PROTEST", "MOBILIZE"}
                       for e in coder.code_text(text, published="2025-06-10")), text


def test_a_verb_with_a_conflict_sense_still_takes_the_classifiers_guess(coder):
    from sitrep.coding.classifier import predict

    text = "Denmark today tabled a formula for ending its fisheries dispute with Norway."
    assert one(coder, text).event == predict(text)[0]


def test_a_state_the_sentence_tells_is_no_classifier_event(coder):
    # a verb of being or having tells a state: the classifier would read an act of the type the
    # sentence's other words suggest ("brink", "law", "army", "hospital") into it
    for text in [
        "Norway's government is on the brink of a budget crisis.",
        "Moldova has no law against selling the drug.",
        "The Serbian army was still unsure how many soldiers were missing.",
        "Peru's president was in hospital on Tuesday after a fall, officials said.",
        "Ghana remains the largest investor in Togo.",
    ]:
        assert coder.code_text(text, published="2025-06-10") == [], text
    # a readiness to act ("is prepared to contribute") is a stated intention, still an event
    event = one(coder, "Chile is prepared to contribute its expertise to Peru.")
    assert [a.code for a in event.actor] == ["CHL"]


def test_a_post_filled_or_emptied_is_no_classifier_event(coder):
    # with an official as object, "fired" and "dismissed" read as an attack or a retreat to the
    # classifier; a president sacking a minister is no act between parties
    for text in [
        "Kenya's president fired four cabinet secretaries on Friday.",
        "The Malawian leader sacked his finance minister, Joseph Banda.",
        "Nepal's army chief was dismissed by the cabinet on Monday.",
    ]:
        assert coder.code_text(text, published="2025-06-10") == [], text
    # the verbs' own rows still apply ("fired at the crowd", "dismissed the accusation")
    assert one(coder, "Zambian police fired at the crowd outside parliament.").event == "ASSAULT"


def test_the_classifier_never_guesses_a_threat(coder):
    # a threat is made in words the lexicon knows (threatened, warned, vowed to, an ultimatum):
    # with none of them, a THREATEN guess reads menace into fund-raising or a vote
    from sitrep.coding.classifier import predict

    for text in [
        "Former Kenyan president Uhuru Kenyatta is raising money for the opposition candidate "
        "in Nakuru.",
        "Kenya's parliament voted to put a new party on the ballot.",
    ]:
        assert predict(text)[0] == "THREATEN"  # the guess this guards against
        assert coder.code_text(text, published="2025-06-10") == [], text



def test_the_classifier_guesses_only_in_a_one_sentence_document(coder):
    # in a story, a sentence with no trigger word is mostly background: the guess (REQUEST
    # here) would be an event no one reported
    from sitrep.coding.classifier import predict

    sentence = ("The Kenyan government has taken no action to secure the freedom of the jailed "
                "opposition leader, Amnesty International said.")
    assert predict(sentence)[1] >= 0.4  # above the threshold stories had
    events = coder.code_text("Parliament met in Nairobi on Monday. " + sentence,
                             published="2025-06-10")
    assert [e.event_text for e in events] == ["met"]
