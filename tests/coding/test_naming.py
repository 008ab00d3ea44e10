"""Naming: a target the text names only by words is the event's recipient, placed through the
knowledge base, rather than a country merely implied by where the event happened."""

from __future__ import annotations

import pytest

from sitrep.actors.knowledge import shipped_kb
from sitrep.coding.naming import described_sector

from ..conftest import one


def parties(actors):
    return [(a.entity_text, a.code, a.sector) for a in actors]


@pytest.mark.parametrize("text, event_type, words, code, sector", [
    # a group named by its sector word, placed by the event's place, not replaced by the place
    ("Syrian police beat a detainee to death in a prison near Aleppo.", "ASSAULT", "detainee",
     "SYR", "CVL"),
    ("Egyptian guards tortured an elderly inmate in a jail in Cairo.", "ASSAULT", "inmate",
     "EGY", "CVL"),
    # the target named inside the act the verb orders ("ordered the arrest of ...")
    ("A court in Lagos ordered the arrest of three opposition activists.", "COERCE",
     "activists", "NGA", "CVL"),
])
def test_a_target_named_by_words_beats_the_place(coder, text, event_type, words, code, sector):
    event = one(coder, text)
    assert event.event == event_type
    (recipient,) = event.recipient
    assert words in recipient.entity_text
    assert (recipient.code, recipient.sector) == (code, sector)


def test_a_person_the_knowledge_base_does_not_know_is_described_by_an_apposition(coder):
    event = one(coder, "Police in Kenya arrested Otieno Wafula, a local journalist, on Monday.")
    assert event.event == "COERCE"
    assert [(r.code, r.sector) for r in event.recipient] == [("KEN", "JRN")]
    assert "Otieno Wafula" in event.recipient[0].entity_text


def test_a_thing_is_no_named_target(coder):
    """"imposed a curfew in Kandahar": the curfew is no party; the place's country stays the
    implied recipient."""
    event = one(coder, "Afghan authorities imposed a curfew in Kandahar.")
    assert [r.code for r in event.recipient] == ["AFG"]
    assert all("curfew" not in r.entity_text for r in event.recipient)


def test_party_words_leave_out_the_clauses_that_describe_them(coder):
    event = one(coder, "Chilean troops fired on students who had blocked a highway near "
                       "Santiago for three days.")
    assert [r.entity_text for r in event.recipient] == ["students"]


def test_described_sector_reads_the_noun_that_describes_a_name(nlp):
    sectors = shipped_kb().sectors
    doc = nlp("They detained Amina Yusuf, a well-known dissident, last week.")
    name = next(t for t in doc if t.text == "Yusuf")
    assert described_sector(name, sectors) == "CVL"
    doc = nlp("They freed Amina Yusuf on Friday.")
    assert described_sector(next(t for t in doc if t.text == "Yusuf"), sectors) is None


def test_a_body_the_knowledge_base_lists_whole_is_known_where_no_mention_covers_it(coder):
    """The entity model tags only "Customs Enforcement" of "Immigration and Customs
    Enforcement"; the name's own words, read whole, are a body the knowledge base lists."""
    event = one(coder, "Immigration and Customs Enforcement detained 40 migrants in Texas.")
    assert [(a.code, a.sector) for a in event.actor] == [("USA", "COP")]


def test_known_name_leaves_common_nouns_alone(nlp):
    from sitrep.coding.naming import known_name
    from sitrep.entities.mentions import Mentions

    doc = nlp("The ministry returned the paintings.")
    assert known_name(doc[1], Mentions([], shipped_kb())) is None


def test_the_phrase_that_names_the_actor_is_not_its_named_target(coder):
    """"Indian troops were moved to the frontier with Pakistan": the troops moved are the actor
    of a deployment, so its target is still the country the move reaches."""
    event = one(coder, "Chinese troops were moved to forward positions along the border with "
                       "India last week.")
    assert event.event == "MOBILIZE"
    assert [a.code for a in event.actor] == ["CHN"]
    assert [r.code for r in event.recipient] == ["IND"]


def test_a_post_of_a_post_of_a_body_is_the_body_s(coder):
    # "chief of staff of X's army": the chain of posts reaches the body that places it
    event = one(coder, "The chief of staff of Kenya's army, Daniel Oloo, met the Ugandan "
                       "defence minister in Nairobi on Monday.")
    assert [(a.code, a.sector) for a in event.actor] == [("KEN", "MIL")]
