"""Roles read off the parse (coding/roles.py): subjects (a trailing participle's doer, a purpose
before "is to", a speaker's own state), passives and their patients, what a protest throws things
at. Sentences are real-news shapes with real countries."""

from __future__ import annotations

import pytest

from sitrep.text.reading import from_record

from ..conftest import event_of


def codes(actors):
    return [a.code for a in actors]


@pytest.mark.parametrize("text, recipient", [
    ("Protesters hurled stones at riot police in Harare.", "COP"),
    # a control: the "throw" riot row read its "at" before
    ("Demonstrators threw bottles at the soldiers guarding the palace in Khartoum.", "MIL"),
])
def test_what_a_protest_throws_things_at_is_its_recipient(coder, text, recipient):
    from ..conftest import one

    event = one(coder, text)
    assert [r.sector for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, trigger, recipient", [
    ("The minister visited the journalists who were arrested in Minsk on Monday.", "arrested",
     "JRN"),
    ("President Ruto pardoned a former governor, who was convicted last year of corruption.",
     "convicted", "GOV"),
])
def test_the_noun_a_passive_relative_clause_describes_is_its_patient(coder, text, trigger,
                                                                      recipient):
    event = next(e for e in coder.code_text(text, published="2025-06-10")
                 if e.event_text == trigger)
    # the described noun is no actor (an arrest by no one named is the state's where it
    # happens: a country, no sector)
    assert not [a for a in event.actor if a.sector]
    assert [r.sector for r in event.recipient] == [recipient]


def test_a_passive_subject_is_no_target_of_its_own_act(coder):
    from ..conftest import one

    event = one(coder, "The Kenyan army was deployed to the capital on Tuesday.")
    assert event.event == "MOBILIZE"
    assert [a.code for a in event.actor] == ["KEN"]
    assert not event.recipient


@pytest.mark.parametrize("text, trigger, actor, recipient", [
    # the tagger reads "killed" as a past tense; it is the passive's participle
    ("A reporter for the Nation was shot by gunmen and killed in Mombasa on Tuesday.", "killed",
     "UAF", "JRN"),
    ("A Malian soldier was ambushed by gunmen and killed near Kidal on Friday.", "killed", "UAF",
     "MIL"),
    # tagged a participle: the patient read through the shared passive
    ("An opposition activist was abducted by militiamen and tortured in Juba last week.",
     "tortured", "UAF", "CVL"),
])
def test_a_past_form_conjoined_to_a_passive_shares_it(coder, text, trigger, actor, recipient):
    event = next(e for e in coder.code_text(text, published="2025-06-10")
                 if e.event_text == trigger)
    assert [a.sector for a in event.actor] == [actor]
    assert [r.sector for r in event.recipient] == [recipient]


@pytest.mark.parametrize("text, trigger, actor", [
    # a purpose noun before "is to" + verb is no party: its owner does the act, or no one named
    # (the first and last are controls: the owner's code and an empty actor came before too)
    ("Turkey's aim is to sell drones to Poland.", "sell", ["TUR"]),
    ("The only way the island can pay its debts is to sell its warships to Japan.", "sell",
     []),
    ("The best option for the region is to withdraw the troops from Kosovo.", "withdraw", []),
])
def test_a_purpose_before_is_to_is_no_doer(coder, text, trigger, actor):
    event = event_of(coder, text, trigger)
    assert sorted(a.code for a in event.actor if a.code) == actor
    assert not any(a.entity_text.lower().split()[-1] in {"way", "option", "aim"}
                   for a in event.actor)


@pytest.mark.parametrize("text", [
    # a numbered bill is a text, not a person named "Bill" nor the chamber's legislators (the
    # recipient was 'Bill 512', LEG: the model's PERSON, titled by "Senate")
    "Senators backed Senate Bill 512, which bans the sale of assault rifles.",
    "Lawmakers in Ohio backed House Bill 68 after a long debate.",
])
def test_a_numbered_bill_is_no_party(coder, text):
    event = event_of(coder, text, "backed")
    assert [(a.code, a.sector) for a in event.recipient if a.sector or a.code] == []
    doc = coder.code(from_record({"id": "bill", "text": text}, "test"))
    assert not [e.text for e in doc.entities if e.label == "PERSON"]


@pytest.mark.parametrize("text, trigger, actor", [
    # a participle after the main clause's comma is done by the main clause's doer, not by the
    # noun a "with" phrase ends on ("near the border with Mali")
    ("Gunmen stormed a police post near the border with Mali, killing two officers.", "killing",
     "Gunmen"),
    ("Rebel fighters shelled a village close to the frontier with Chad, wounding six farmers.",
     "wounding", "Rebel fighters"),
    # "with" + noun right before the participle is its own subject (an absolute construction)
    ("Venezuela's economy collapsed, with Maduro requesting aid from Russia.", "requesting",
     "Maduro"),
])
def test_who_does_a_trailing_participle(coder, text, trigger, actor):
    event = event_of(coder, text, trigger)
    assert [a.entity_text for a in event.actor] == [actor]


@pytest.mark.parametrize("text, trigger, actor", [
    # "his country", "her government" a speaker reports on stand for the speaker
    ("Chancellor Olaf Scholz said his country would not deliver the missiles to Kyiv.",
     "deliver", ["DEU"]),
    ("Prime Minister Jacinda Ardern said her government would expel the ambassador.", "expel",
     ["NZL"]),
])
def test_a_speakers_own_state_is_the_speakers(coder, text, trigger, actor):
    assert codes(event_of(coder, text, trigger).actor) == actor
