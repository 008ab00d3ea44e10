"""Modality: asserted, reported, future, hypothetical, negated and historical from cues."""

from __future__ import annotations

import pytest

from ..conftest import assert_coded, one


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Russia may send more troops to Belarus, analysts said.", "hypothetical"),
        ("China did not send warships to the strait.", "negated"),
        ("Iran will ask China for more drones next year.", "future"),
        ("According to Reuters, Egypt asked Qatar for financial aid.", "reported"),
        ("Egypt asked Qatar for financial aid.", "asserted"),
        ("A war between Iran and Israel is unlikely, officials believe.", "hypothetical"),
    ],
)
def test_modality(coder, text, modality):
    assert one(coder, text).modality == modality


@pytest.mark.parametrize("text, event_type, modality", [
    ("Neither France nor Germany was willing to send troops to Mali.", "MOBILIZE", "negated"),
    # a refused agreement is a rejection (PLOVER), negated cooperation recoded as REJECT
    ("No country agreed to send troops to Mali.", "REJECT", None),
    ("Neither side signed the accord with Russia.", "REJECT", None),
    # "few" is no denial: some did
    ("Few countries agreed to send troops to Mali.", "AGREE", "asserted"),
])
def test_a_subject_that_denies_the_act(coder, text, event_type, modality):
    event = one(coder, text)
    assert event.event == event_type
    if modality:
        assert event.modality == modality


def test_speculation_by_others_is_not_an_intention(coder):
    event = one(coder, "Analysts said Russia could send troops to Mali next year.")
    assert event.event == "MOBILIZE" and event.modality == "hypothetical"


@pytest.mark.parametrize("text, event_type, modality", [
    # an act its actor is still weighing has not happened ...
    ("The African Union is weighing fresh sanctions against the junta in Niamey.", "SANCTION",
     "hypothetical"),
    ("Ethiopia is considering a ceasefire in the northern region.", "RETREAT", "hypothetical"),
    # ... a message another party made, which it weighs, has
    ("Kenya is weighing a request from Somalia for more troops.", "REQUEST", "asserted"),
])
def test_an_act_under_consideration_is_hypothetical(coder, text, event_type, modality):
    event = one(coder, text)
    assert (event.event, event.modality) == (event_type, modality)


@pytest.mark.parametrize("text, event_type", [
    # an act prevented, averted or avoided did not happen
    ("Mediators in Doha worked through the night to avert a war between Eritrea and Djibouti.",
     "ASSAULT"),
    ("The pay deal averted a strike by port workers in Mombasa.", "PROTEST"),
])
def test_an_act_averted_did_not_happen(coder, text, event_type):
    events = [e for e in coder.code_text(text, published="2025-06-10") if e.event == event_type]
    assert events and all(e.modality == "negated" for e in events)


def test_relative_clause_keeps_its_own_time(nlp):
    from sitrep.coding.lexicon import load_lexicon
    from sitrep.coding.modality import modality_of

    parsed = nlp("Rebels in Mali said they will free the aid workers they abducted in March.")
    by_word = {t.text: t for t in parsed}
    lexicon = load_lexicon()
    assert modality_of(by_word["free"], lexicon) == "future"
    assert modality_of(by_word["abducted"], lexicon) == "reported"


@pytest.mark.parametrize(
    "text, event_type, modality",
    [
        # what the reporter says is about to happen keeps its type (no one promised it) ...
        ("Israel is set to release 50 Palestinian prisoners on Sunday.", "RETREAT", "future"),
        ("Qatar is about to restore full diplomatic ties with Egypt.", "SUPPORT", "future"),
        # ... what an actor says it will do is its stated intention
        ("France will restore full diplomatic ties with Iran.", "AGREE", "asserted"),
    ],
)
def test_imminent_acts_keep_their_type(coder, text, event_type, modality):
    event = one(coder, text)
    assert (event.event, event.modality) == (event_type, modality)


def test_an_event_after_a_time_phrase_is_not_planned(coder):
    events = coder.code_text("Jewish settlers set fire to the offices of Palestinian administrators "
                       "following the killing of an Israeli man.")
    assert all(e.event != "THREATEN" for e in events)


# -- how likely an assessment is judged -------------------------------------------------------------


@pytest.mark.parametrize("text, likelihood", [
    ("None of the analysts expected Chilean troops to be deployed to Bolivia.", "unlikely"),
    ("Observers believe Lima would have limited capability or interest in sending troops to "
     "Ecuador.", "unlikely"),
    ("A direct confrontation between Peru and Chile is unlikely, analysts said.", None),
    ("Some experts said Brazil could send military advisers to Bolivia, but they added that "
     "this was unlikely in the coming months.", "unlikely"),
    ("Lima may not be able to deliver the helicopters to Ecuador, researchers said.", "unlikely"),
    ("Analysts said Brazil could send limited help to Bolivia.", "possible"),
    ("Brazil may well send military advisers to Bolivia, analysts said.", "likely"),
])
def test_likelihood_of_a_hypothetical_act(coder, text, likelihood):
    events = [e for e in coder.code_text(text, published="2026-10-21")
              if e.modality == "hypothetical"]
    if likelihood is None:
        assert all(e.likelihood in {None, "unlikely"} for e in events)
        return
    assert events and events[0].likelihood == likelihood


@pytest.mark.parametrize("text, standing", [
    ("China has become a major supplier of military equipment to Bolivia.", True),
    ("Peru remains a key supplier of copper to Korea.", True),
    ("Brazil sent 20 armoured vehicles to Bolivia in October.", False),
    ("Bolivia asked China for radar systems.", False),
])
def test_standing_relations_are_not_happenings(coder, text, standing):
    event = one(coder, text)
    assert (event.date_basis == "standing") is standing
    if standing:
        assert event.date is None  # no made-up window


@pytest.mark.parametrize("text, actor", [
    # an act said to be "out of the question" or "off the table" is refused, by whoever says so
    ("The Israeli government said that releasing the prisoners is out of the question.",
     ["ISR"]),
    ("Kyiv said withdrawing its troops from the region is off the table.", ["UKR"]),
    ("The Colombian government said a ceasefire with the ELN rebels is out of the question.",
     ["COL"]),
])
def test_an_act_ruled_out_is_refused_by_its_speaker(coder, text, actor):
    assert_coded(coder, text, "REJECT", actor, None)


def test_an_act_merely_questioned_is_not_ruled_out(coder):
    event = one(coder, "Iran said lifting the sanctions is a question for the United Nations.")
    assert event.event != "REJECT"


@pytest.mark.parametrize("text", [
    "Estonia has no plans to impose sanctions on Georgia.",
    "The Chilean navy has no intention of seizing the Peruvian trawlers.",
    "Kenya has no intention of seeking to revoke its defence pact with Uganda.",
])
def test_no_plan_or_intention_denies_the_act(coder, text):
    events = coder.code_text(text, published="2025-06-10")
    assert events and all(e.modality == "negated" for e in events), text


@pytest.mark.parametrize(("text", "will"), [
    ("Estonia has plans to impose sanctions on Georgia.",
     "Estonia will impose sanctions on Georgia."),
    ("The Chilean navy has plans to seize the Peruvian trawlers.",
     "The Chilean navy will seize the Peruvian trawlers."),
])
def test_a_plan_to_act_is_coded_as_the_act_promised(coder, text, will):
    # a noun of intention makes its act planned, as "no plans to" denies it: coded as "will"
    # is (a stated intention), not as the act done
    assert (one(coder, text).event, one(coder, text).modality) == (
        one(coder, will).event, one(coder, will).modality), text


@pytest.mark.parametrize(("text", "event_type"), [
    # the speaker's own side, a modal on the light verb that carries the noun: its intention
    ("Ghana said it would hold talks with Togo next week.", "AGREE"),
    # a "would" clause dated in time still to come, no verb of saying in its sentence: a plan
    ("The EU would hold talks with the Kenyan president next month.", "AGREE"),
    ("The Chilean minister would visit Lima later this year.", "AGREE"),
])
def test_a_meeting_stated_as_planned_is_agreed(coder, text, event_type):
    # manual §AGREE: references to future meetings and visits are AGREE; a "would" of
    # reported speech states the plan, not a guess
    assert one(coder, text).event == event_type, text


@pytest.mark.parametrize("text", [
    "Ghana would hold talks with Togo next week if the border were opened.",
    "Analysts said Ghana would hold talks with Togo.",
    "Ghana would hold talks with Togo.",
])
def test_a_meeting_guessed_or_conditional_stays_hypothetical(coder, text):
    assert one(coder, text).modality == "hypothetical", text


@pytest.mark.parametrize("text, trigger, event_type", [
    # a clause of time under a refusal is its own act: it happened
    ("Ghana declined to send troops after Togo attacked the border post.", "attacked", "ASSAULT"),
    ("Kenya refused to sign the treaty when Uganda closed the border.", "closed", "COERCE"),
])
def test_a_clause_of_time_keeps_its_own_modality(coder, text, trigger, event_type):
    (event,) = [e for e in coder.code_text(text, published="2025-06-10")
                if e.event_text == trigger]
    assert (event.event, event.modality) == (event_type, "asserted"), text


def test_a_clause_of_time_still_to_come_is_not_asserted(coder):
    # a clause of time in the present tense under a promise is still to come: part of the
    # promise (AGREE), not a signing done (SUPPORT)
    events = coder.code_text("The defence minister promised that the rebels will be allowed to "
                             "return once a peace agreement with Colombia is signed.",
                             published="2025-06-10")
    assert not any(e.event_text == "signed" and e.event == "SUPPORT" for e in events)
