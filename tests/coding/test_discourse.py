"""Parties from the clause and the discourse, and no named party aimed at itself."""

from __future__ import annotations

import pytest

from ..conftest import codes, one


def events_of(coder, text):
    return coder.code_text(text, published="2026-10-21")


def find(events, word):
    return next(e for e in events if e.event_text == word)


@pytest.mark.parametrize("text", [
    "Bolivian President Rodrigo Paz sent a letter to Chinese President Xi Jinping asking for "
    "closer military cooperation to counter the growing tension between the United States and "
    "Bolivia.",
    "Peru's president also drafted a letter to Japanese Prime Minister Shigeru Ishiba, requesting "
    "expanded security cooperation to counter the escalation between Ecuador and Peru.",
])
def test_a_letters_addressee_is_the_recipient_not_a_party_in_its_purpose(coder, text):
    request = next(e for e in events_of(coder, text) if e.event == "REQUEST")
    assert codes(request.recipient) in (["CHN"], ["JPN"])
    assert codes(request.actor) in (["BOL"], ["PER"])


def test_the_letter_takes_its_author_from_the_sentence_before(coder):
    events = events_of(coder, "Chile's president wrote to Xi Jinping on Monday. The letter asked "
                              "Beijing to speed up the delivery of radar systems.")
    asked = find(events, "asked")
    assert codes(asked.actor) == ["CHL"] and codes(asked.recipient) == ["CHN"]
    assert all(a.confidence <= 0.5 for a in asked.actor)  # found in the discourse: lower


def test_also_approached_is_another_act_of_the_earlier_kind(coder):
    events = events_of(coder, "Bolivia asked China for radar systems in October. La Paz has also "
                              "approached Moscow and Tehran.")
    approached = find(events, "approached")
    assert approached.event == "REQUEST"
    assert codes(approached.actor) == ["BOL"] and codes(approached.recipient) == ["IRN", "RUS"]
    assert approached.confidence <= 0.6


def test_no_antecedent_no_guess(coder):
    # two different countries acted just before: "it" is ambiguous, so no actor is taken
    events = events_of(coder, "Peru asked Japan for patrol boats. Chile asked Korea for radars. "
                              "It also asked for training.")
    assert not any(e.event_text == "asked" and e.text_info.sentence.startswith("It")
                   and e.actor for e in events)


def test_who_comes_to_whose_aid(coder):
    events = events_of(coder, "Analysts said China would have little ability or appetite to come "
                              "to Bolivia's aid.")
    aid = find(events, "aid")
    assert codes(aid.actor) == ["CHN"] and codes(aid.recipient) == ["BOL"]
    assert aid.modality == "hypothetical" and aid.likelihood == "unlikely"


@pytest.mark.parametrize("text", [
    "Ukraine's invasion of Ukraine.",
    "Russia's arms exports have fallen sharply since the invasion of Ukraine.",
    "Kyiv attacked Ukraine.",
])
def test_no_event_is_aimed_at_its_own_actor(coder, text):
    for event in events_of(coder, text):
        assert not set(codes(event.actor)) & set(codes(event.recipient)), event


def test_acts_at_home_keep_their_implied_recipient(coder):
    (event,) = events_of(coder, "Sudan's government lifted the state of emergency in West Darfur.")
    assert codes(event.actor) == ["SDN"] and codes(event.recipient) == ["SDN"]


def test_the_same_words_placed_the_same_way_are_one_party_known_or_not():
    from sitrep.coding.discourse import same_named_party
    from sitrep.model import Actor

    unknown = Actor(entity_text="Maria Keane", code="IRL", sector="JUD")
    assert same_named_party(unknown, Actor(entity_text="Maria Keane", code="IRL", sector="JUD"))
    assert not same_named_party(unknown, Actor(entity_text="Maria Keane", code="GBR",
                                               sector="JUD"))
    assert not same_named_party(unknown, Actor(entity_text="John Keane", code="IRL",
                                               sector="JUD"))


@pytest.mark.parametrize("text, holder, held", [
    # a prisoner tortured or killed in custody: the holder did it, the prisoner was its target
    ("A Bolivian prisoner died as a result of torture while in Peruvian police custody, a "
     "rights group said.", ["PER"], ["BOL"]),
    ("A Chilean activist was beaten to death in army custody in Santiago, his family said.",
     ["CHL"], ["CHL"]),
    # the place may hang on the custody phrase or on the verb, not on the attack
    ("A Kenyan journalist died under torture in captivity in Eritrea.", ["ERI"], ["KEN"]),
    ("A Malian soldier died in captivity in Niger after months of beatings.", ["NER"], ["MLI"]),
])
def test_the_holder_of_a_prisoner_did_what_was_done_in_custody(coder, text, holder, held):
    events = [e for e in coder.code_text(text, published="2025-06-10") if e.event == "ASSAULT"]
    assert events and codes(events[0].actor) == holder and codes(events[0].recipient) == held
    assert events[0].actor[0].sector == ("MIL" if "army" in text else "COP")


def test_a_text_does_what_its_author_does_a_transnational_author_too(coder):
    # the sender of a report or statement is the actor of what it says, a body of no one country
    # included
    event = one(coder, "Human Rights Watch released a report accusing the Ethiopian army of "
                       "killing civilians in Tigray.")
    assert event.event == "ACCUSE"
    assert [a.sector for a in event.actor] == ["NGO"] and codes(event.recipient) == ["ETH"]
