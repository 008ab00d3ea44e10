from __future__ import annotations

import sqlite3

import pytest

from sitrep.errors import StoreError
from sitrep.model import Actor, Document, Event, TextInfo
from sitrep.store.database import Database
from sitrep.store.migrations import SCHEMA_VERSION


def test_schema_versioned_and_wal(tmp_path):
    path = tmp_path / "s.db"
    with Database(path) as db:
        assert db.schema_version == SCHEMA_VERSION
        assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with Database(path) as db:  # reopening applies nothing twice
        assert db.schema_version == SCHEMA_VERSION


def test_newer_schema_refused(tmp_path):
    path = tmp_path / "s.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StoreError, match="upgrade sitrep"):
        Database(path)


def test_same_text_stored_once(db):
    assert db.save_document(Document(id="a", text="Same words."))
    assert not db.save_document(Document(id="b", text="Same words."))
    assert db.count("documents") == 1


def test_clashing_ids_kept_apart(db):
    db.save_document(Document(id="a", text="One."))
    other = Document(id="a", text="Two.")
    db.save_document(other)
    assert other.id.startswith("a-") and db.count("documents") == 2


def test_failed_document_leaves_nothing(db):
    doc = Document(id="x", text="Text.")
    doc.events = [Event(id="e1", doc_id="x", event="AID"), Event(id="e1", doc_id="x", event="AID")]
    doc.events[1].actor = [Actor(entity_text="x")]
    doc.events[1].text_info = TextInfo(sentence="s", start=0, end=1)
    # Break the second event on purpose: a non-serialisable field makes the insert fail.
    doc.events[1].confidence = object()  # type: ignore[assignment]
    with pytest.raises(TypeError):
        db.save_document(doc)
    assert db.count("documents") == 0 and db.count("events") == 0
    assert db.save_document(Document(id="x", text="Text."))


def test_event_actors_indexed_for_dyads(db):
    doc = Document(id="d", text="Venezuela asked Russia for help.")
    event = Event(id="e", doc_id="d", event="REQUEST", date="2025-10-15")
    event.actor = [Actor(entity_text="Venezuela", code="VEN", sector="GOV")]
    event.recipient = [Actor(entity_text="Russia", code="RUS")]
    doc.events = [event]
    db.save_document(doc)
    rows = db.conn.execute("SELECT role, code, date FROM event_actors ORDER BY role").fetchall()
    assert [tuple(r) for r in rows] == [("actor", "VEN", "2025-10-15"), ("recipient", "RUS", "2025-10-15")]
    (stored,) = db.iter_events()
    assert stored["actor"][0]["code"] == "VEN"
