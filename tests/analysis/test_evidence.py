"""Evidence: every quote is the original text at the stored offsets, and every resolution says
which entry decided it."""

from __future__ import annotations

import pytest

from sitrep.actors.knowledge import shipped_kb
from sitrep.analysis.clusters import build_clusters
from sitrep.analysis.evidence import (
    brief_view,
    cluster_view,
    document_view,
    event_evidence,
    event_view,
    explain_actor,
    resolve_text,
)
from sitrep.errors import SitrepError
from sitrep.model import Document

# Scraped text with defects repair fixes (a missing space, a lower-case sentence start), so the
# parsed text differs from the original and offsets must be mapped back.
SCRAPED = ("Colombia asked Brazil for six helicopters on Monday.Then,the floods spread."
           "  Brazilian President Luiz Inácio Lula da Silva promised help, officials said.")


@pytest.fixture
def stored(db, coder):
    doc = coder.code(Document(id="floods", text=SCRAPED, title="Floods", outlet="Test Wire",
                              url="https://example.org/2025/05/07/floods", published="2025-05-07"))
    other = coder.code(Document(id="floods-2", text="Colombia asked Brazil for helicopters.",
                                outlet="Other Wire", published="2025-05-08"))
    db.save_document(doc)
    db.save_document(other)
    build_clusters(db)
    return doc


def test_quotes_are_the_original_characters(db, stored):
    assert stored.repaired and stored.repaired.text != SCRAPED
    for event in stored.events:
        found = event_evidence(db, event.id)
        evidence = found["evidence"]
        assert evidence["quote"] == SCRAPED[evidence["start"]:evidence["end"]]
        assert (evidence["document_id"], evidence["outlet"], evidence["published"]) == (
            "floods", "Test Wire", "2025-05-07")
    assert event_evidence(db, "no-such-event") is None


def test_the_evidence_view_cuts_the_text_around_the_quote(db, stored):
    event = next(e for e in stored.events if e.event == "REQUEST")
    view = event_view(db, event.id)
    text = view["text"]
    assert text["before"] + text["quote"] + text["after"] == SCRAPED
    start, end = text["trigger"]
    assert text["quote"][start:end] == event.event_text
    (actor,) = view["resolutions"]["actor"]
    assert actor["code"] == "COL" and "knowledge base" in actor["why"]
    others = view["cluster"]["members"]
    assert [m["doc_id"] for m in others] == ["floods-2"]
    assert others[0]["quote"] == "Colombia asked Brazil for helicopters."


def test_a_dated_role_says_which_role_was_in_force():
    kb = shipped_kb()
    chavez = resolve_text(None, "Hugo Chávez", "2005-06-01")
    assert chavez["code"] == "VEN" and chavez["entry"]["kind"] == "person"
    assert "2005-06-01" in chavez["why"]
    implied = explain_actor({"entity_text": "the authorities", "code": "FRA", "confidence": 0.4},
                            None, kb)
    assert "implied" in implied["why"]
    unknown = explain_actor({"entity_text": "Zorblax", "code": None}, None, kb)
    assert "matches nothing" in unknown["why"] and unknown["entry"] is None
    with pytest.raises(SitrepError, match="YYYY-MM-DD"):
        resolve_text(None, "Caracas", "yesterday")


def test_documents_and_clusters(db, stored):
    doc = document_view(db, "floods")
    assert doc["text"] == SCRAPED and doc["outlet"] == "Test Wire"
    assert "offsets" not in doc and doc["repairs"]
    assert sorted(e["id"] for e in doc["events"]) == sorted(e.id for e in stored.events)
    assert document_view(db, "nothing") is None
    cluster_id = event_view(db, stored.events[0].id)["cluster"]["id"]
    cluster = cluster_view(db, cluster_id)
    for member in cluster["members"]:
        assert member["quote"] == event_evidence(db, member["id"])["evidence"]["quote"]
    assert cluster_view(db, "nothing") is None


def test_each_brief_citation_names_the_event_it_quotes(db, stored):
    brief = brief_view(db, "Colombia", "Brazil")
    assert brief["citations"]
    for citation in brief["citations"]:
        event = event_evidence(db, citation["event_id"])
        assert event["evidence"]["document_id"] == citation["doc_id"]
        assert " ".join(event["evidence"]["quote"].split()) == citation["quote"]
