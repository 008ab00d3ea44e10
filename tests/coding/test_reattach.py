"""Repairs of the parser's misattachments (coding/reattach.py): a subject after a fronted phrase
that the parser hung on the phrase, and a noun's "that" clause hung on the noun's verb. Each
case is checked on the parse (the shape the repair reads) and through the coder."""

from __future__ import annotations

import pytest

from sitrep.coding.reattach import (
    aim_verb,
    clause_of_noun,
    clause_of_saying,
    fronted_subject,
    noun_clause,
)
from tests.conftest import one


def token(doc, text):
    return next(t for t in doc if t.text == text)


def test_subject_after_a_fronted_phrase(nlp):
    doc = nlp("With the signing of a Memorandum of Understanding on Border Security, the Kenyan "
              "government and the Somali government have agreed to reopen the border.")
    found = fronted_subject(token(doc, "agreed"))
    assert found is not None and found.text == "government"


def test_subject_taken_for_an_apposition_of_the_fronted_phrase(nlp):
    doc = nlp("With the signing of the accord in Addis Ababa, the Ethiopian government and the "
              "TPLF have agreed to end the war.")
    found = fronted_subject(token(doc, "agreed"))
    assert found is not None and found.text == "government"


def test_a_verb_with_its_own_subject_needs_no_repair(nlp):
    doc = nlp("After a week of talks, Qatar agreed to exchange prisoners.")
    assert fronted_subject(token(doc, "agreed")) is None


def test_a_list_inside_the_fronted_phrase_is_no_subject(nlp):
    # "Germany and Italy" after "and": a list member of the phrase, not a subject after it
    doc = nlp("In talks with France, Germany and Italy, officials agreed to cut tariffs.")
    assert fronted_subject(token(doc, "agreed")) is None


def test_fronted_phrase_subject_through_the_coder(coder):
    event = one(coder, "With the adoption of the Declaration of Principles on Maritime Security, "
                "the Philippine government and Vietnam have agreed to hold joint patrols.")
    assert event.event == "AGREE"
    assert {a.code for a in event.actor} | {a.code for a in event.recipient} == {"PHL", "VNM"}
    event = one(coder, "With the signing of the accord in Addis Ababa, the Ethiopian government "
                "and the TPLF have agreed to end the war.")
    assert event.event == "AGREE" and "ETH" in {a.code for a in event.actor}


def test_a_demands_clause_hung_on_its_verb(nlp):
    doc = nlp("The International Labor Office reiterated its demand yesterday that Israel ease "
              "restrictions on Palestinian workers.")
    clause = token(doc, "ease")
    owner = noun_clause(clause)
    assert owner is not None and owner.text == "demand"
    assert clause_of_noun(token(doc, "demand")).i == clause.i


def test_a_clause_of_the_verb_itself_stays_the_verbs(nlp):
    # "said ... that": a clause the verb reports, after an object that is no content noun
    doc = nlp("The minister told reporters today that Israel would ease restrictions.")
    assert noun_clause(token(doc, "ease")) is None


def test_the_demand_is_the_main_event_and_its_clause_names_whom_it_asks(coder):
    # the demand, not the concession it asks for, is what the sentence reports; its possessive
    # stands for the subject of the verb
    for text, asked in (
            ("The International Labor Office reiterated its demand yesterday that Israel ease "
             "restrictions on Palestinian workers.", "ISR"),
            ("The European Union reiterated its demand today that Serbia withdraw its police "
             "from northern Kosovo.", "SRB"),
            ("The United Nations repeated its demand today that Russia withdraw its forces from "
             "Ukraine.", "RUS"),
            # the parser's own reading ("its demand on Monday that ...": the clause is the noun's)
            ("The Arab League repeated its demand on Monday that Israel withdraw its troops.",
             "ISR")):
        event = one(coder, text)
        assert event.event == "REQUEST", text
        assert event.actor and event.actor[0].sector == "IGO", text
        assert [a.code for a in event.recipient] == [asked], text


@pytest.mark.parametrize("text, actor", [
    ("USAID had announced a new grant of aid to Malawi.", ["USA"]),
    ("UNICEF has delivered vaccines to clinics in Yemen.", ["UNO"]),  # a control: tagged right
])
def test_a_name_the_tagger_takes_for_an_adverb_is_the_subject(coder, text, actor):
    from ..conftest import codes, one

    assert codes(one(coder, text).actor) == actor


def test_an_aim_noun_after_in_is_done_by_the_verbs_doer(nlp):
    doc = nlp("The ministry sent inspectors to the port in a rush to investigate the smugglers.")
    assert aim_verb(token(doc, "rush")).text == "sent"
    doc = nlp("Critics condemned the decision to expel the diplomats.")
    assert aim_verb(token(doc, "decision")) is None  # someone else's decision
    doc = nlp("The court extended the restraining order.")
    assert aim_verb(token(doc, "order")) is None


def test_an_aim_noun_is_neither_doer_nor_target(coder):
    # "in a bid to": the infinitive's doer is the verb's subject, the bid is no party
    event = one(coder, "The coast guard launched a bid to detain the smugglers' captain.")
    assert [a.entity_text for a in event.actor] == ["The coast guard"]
    event = one(coder, "Border guards fired tear gas in an effort to disperse the migrants.")
    assert not any("effort" in a.entity_text for a in event.recipient)


@pytest.mark.parametrize("text, event_type, actor", [
    # the object of "force", "persuade", "invite" does what the infinitive says, not the subject
    ("The generals forced the prime minister to resign.", "RETREAT", "the prime minister"),
    ("The insurgents forced the garrison to withdraw from the valley.", "RETREAT", "the garrison"),
    ("Paris persuaded Rome to send a frigate to the gulf.", "MOBILIZE", "Rome"),
])
def test_the_object_of_a_control_verb_does_what_it_says(coder, text, event_type, actor):
    event = next(e for e in coder.code_text(text, published="2025-06-10")
                 if e.event == event_type)
    assert [a.entity_text for a in event.actor] == [actor]


def test_what_a_bid_aims_at_has_not_happened(coder):
    # "in a bid to", "launched an effort to": what the aim noun's infinitive says is an aim
    events = coder.code_text("Gunmen stormed the town hall in a bid to force the mayor to free "
                             "the detained traders.", published="2025-06-10")
    freed = [e for e in events if e.event == "RETREAT"]
    assert freed and all(e.modality == "hypothetical" for e in freed)
    assert all(a.entity_text != "Gunmen" for e in freed for a in e.actor)
    # what a noun under the aim names did happen ("the row over Algerian accusations")
    for text, event_type in [
            ("Qatar stepped up an effort to calm the row over Algerian accusations that Morocco "
             "armed the separatists.", "ACCUSE"),
            ("Thousands of villagers fled into Chad in an attempt to escape the militia attacks.",
             "ASSAULT")]:
        events = [e for e in coder.code_text(text, published="2025-06-10")
                  if e.event == event_type]
        assert events and all(e.modality == "asserted" for e in events), text


@pytest.mark.parametrize(("text", "clause", "owner"), [
    # the clause of a verb of saying, hung on a meeting or visit in a time phrase: the saying's
    ("Egypt's foreign minister said after meeting Hamas leaders that Israel had bombed a "
     "refugee camp in Rafah.", "bombed", "said"),
    ("The German chancellor said before visiting Kyiv that Berlin would supply air defence "
     "systems to Ukraine.", "supply", "said"),
    # a gerund that takes a "that" clause of its own keeps it
    ("The minister said after learning that Russia had shelled the port that Kyiv would "
     "retaliate.", "shelled", None),
    ("Iran said after announcing that talks would resume that Tehran rejected any "
     "preconditions.", "resume", None),
])
def test_a_clause_hung_on_a_meeting_in_a_time_phrase_is_what_was_said(nlp, text, clause, owner):
    from sitrep.coding.roles import BACKGROUND_MARKS

    found = clause_of_saying(token(nlp(text), clause), BACKGROUND_MARKS)
    assert (found.text if found is not None else None) == owner
