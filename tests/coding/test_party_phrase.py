"""Party phrases: the words an unnamed or partly named party carries (coding/party_phrase.py)."""

from __future__ import annotations

import pytest

from sitrep.coding.party_phrase import phrase


def _object_phrase(nlp, text, verb):
    doc = nlp(text)
    head = next(t for t in doc if t.lemma_ == verb)
    obj = next(c for c in head.children if c.dep_ == "dobj")
    return phrase(obj)


@pytest.mark.parametrize("text, verb, expected", [
    ("Rights groups accused the regional police of mass arrests.", "accuse",
     "the regional police"),
    ("A court convicted the small opposition party of inciting hatred.", "convict",
     "the small opposition party"),
    ("The council banned the union from organising strikes.", "ban", "the union"),
    # what a party is blamed for is the charge, not its words (word class alleging_verbs)
    ("The Kenyan police blamed Somali-based militants for Friday's ambush near the border.",
     "blame", "Somali - based militants"),
    ("The army blamed armed separatists for the deaths of six soldiers.", "blame",
     "armed separatists"),
])
def test_the_charge_after_the_object_is_not_the_partys(nlp, text, verb, expected):
    assert _object_phrase(nlp, text, verb) == expected


@pytest.mark.parametrize("text, verb, expected", [
    # a proper name's own "of" stays; "of" after a ban is what is banned, not a charge
    ("The court banned the Party of Regions from the vote.", "ban", "the Party of Regions"),
    ("The mayor banned gatherings of more than ten people.", "ban",
     "gatherings of more than ten people"),
    ("The rebels seized the governor of the province.", "seize", "the governor of the province"),
])
def test_a_phrase_keeps_its_own_prepositions(nlp, text, verb, expected):
    # controls: these pass with or without the charge rule, and must stay so
    assert _object_phrase(nlp, text, verb) == expected


def _subject_phrase(nlp, text, party=True):
    doc = nlp(text)
    head = next(t for t in doc if t.dep_ in {"nsubj", "nsubjpass"})
    return phrase(head, party=party)


@pytest.mark.parametrize("text, expected", [
    ("Farmers in the northern province of Lara blocked the highway.", "Farmers"),
    ("Teachers in the city of Oruro went on strike on Monday.", "Teachers"),
])
def test_where_a_party_acts_is_not_who_it_is(nlp, text, expected):
    assert _subject_phrase(nlp, text) == expected


def test_a_things_place_stays(nlp):
    # a phrase not read as a party, and a head with an "of" of its own, keep the place
    assert _subject_phrase(nlp, "Farmers in Lara blocked the highway.", party=False) == \
        "Farmers in Lara"
    assert _subject_phrase(nlp, "A state of siege in Lara was lifted.") == \
        "A state of siege in Lara"


@pytest.mark.parametrize("text, verb, expected", [
    ("Caracas expelled foreign reporters, including two from Spain and one from Chile.",
     "expel", "foreign reporters"),
    ("The junta detained several union leaders including Ana Ruiz and Pedro Gil.", "detain",
     "several union leaders"),
    ("The ministry sanctioned three banks, including the Bank of Lagos, on Monday.", "sanction",
     "three banks"),
])
def test_the_examples_after_a_group_are_not_its_words(nlp, text, verb, expected):
    assert _object_phrase(nlp, text, verb) == expected


def test_examples_after_a_subject_are_not_its_words(nlp):
    assert _subject_phrase(
        nlp, "Opposition deputies including Senator Okafor and Senator Bello walked out.") == \
        "Opposition deputies"
