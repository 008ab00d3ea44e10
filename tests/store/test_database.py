from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import StoreError
from sitrep.model import Actor, Document, Event, TextInfo
from sitrep.store.database import Database
from sitrep.store.migrations import MIGRATIONS, SCHEMA_VERSION, statements


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


# -- what is not a store, and stores that cannot be written ---------------------------------------


@pytest.mark.parametrize("path", [None, 5, "", "  ", b"s.db", ["s.db"]])
def test_database_refuses_what_is_not_a_path(path, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(StoreError, match="needs a file path"):
        Database(path)
    assert list(tmp_path.iterdir()) == []  # no file named "None"


def test_a_folder_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="is a folder; give --db a file path inside it"):
        Database(tmp_path)


def test_a_file_that_is_not_sqlite_says_so(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("my notes, not a database\n" * 100)
    with pytest.raises(StoreError, match="not a sitrep store .*move this file away"):
        Database(path)
    assert path.read_text().startswith("my notes")


def _as_nobody(function, *args):
    """Run `function(*args)` in a forked process as an unprivileged user (root writes anywhere,
    so read-only files only mean something to others); its result or its error's text."""
    import multiprocessing

    def child(queue):
        if os.getuid() == 0:
            os.setgid(65534)
            os.setuid(65534)
        try:
            queue.put(("ok", function(*args)))
        except Exception as error:  # noqa: BLE001 - sent back to the test
            queue.put((type(error).__name__, str(error)))

    context = multiprocessing.get_context("fork")
    queue = context.Queue()
    process = context.Process(target=child, args=(queue,))
    process.start()
    result = queue.get(timeout=60)
    process.join(timeout=60)
    return result


def _shared_folder(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    for path in (tmp_path, *tmp_path.parents):
        if path == Path("/"):
            break
        path.chmod(path.stat().st_mode | 0o011)  # others may pass through (not read or write)
    return folder


def _store_with_one_document(path):
    with Database(path) as db:
        db.save_document(Document(id="a", text="A story."))


def _add(path):
    with Database(path) as db:
        return db.save_document(Document(id="b", text="Another story."))


def test_a_read_only_file_is_a_clear_error(tmp_path):
    folder = _shared_folder(tmp_path)
    folder.chmod(0o777)
    path = folder / "s.db"
    _store_with_one_document(path)
    path.chmod(0o444)
    kind, message = _as_nobody(_add, str(path))
    assert kind == "StoreError" and "read-only" in message and "writable" in message


def test_a_read_only_folder_is_a_clear_error(tmp_path):
    folder = _shared_folder(tmp_path)
    path = folder / "s.db"
    _store_with_one_document(path)
    path.chmod(0o666)
    folder.chmod(0o555)  # SQLite cannot make its -wal and -shm files here
    try:
        kind, message = _as_nobody(_add, str(path))
        assert kind == "StoreError" and "read-only" in message, message
        kind, message = _as_nobody(_add, str(folder / "new.db"))
        assert kind == "StoreError" and "cannot open or create the store" in message, message
    finally:
        folder.chmod(0o755)


# -- many processes: a busy timeout, then a clear error ------------------------------------------


def test_a_writer_waits_for_the_lock_then_says_it_is_busy(tmp_path):
    path = tmp_path / "s.db"
    holder = Database(path)
    waiter = Database(path, timeout=0.3)
    try:
        holder.conn.execute("BEGIN IMMEDIATE")
        with pytest.raises(StoreError, match="busy.*more than 0.3 s.*SITREP_BUSY_TIMEOUT"):
            waiter.save_document(Document(id="a", text="A story."))
        holder.conn.execute("COMMIT")
        assert waiter.save_document(Document(id="a", text="A story."))  # nothing half-done
    finally:
        holder.close()
        waiter.close()


def test_the_busy_timeout_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_BUSY_TIMEOUT", "7.5")
    with Database(tmp_path / "s.db") as db:
        assert db.timeout == 7.5
    monkeypatch.setenv("SITREP_BUSY_TIMEOUT", "soon")
    with pytest.raises(StoreError, match="SITREP_BUSY_TIMEOUT='soon' is not a number"):
        Database(tmp_path / "s.db")


def _open_at_once(path, barrier, results):
    barrier.wait()
    try:
        with Database(path) as db:
            results.put(db.schema_version)
    except Exception as error:  # noqa: BLE001 - sent back to the test
        results.put(f"{type(error).__name__}: {error}")


def test_processes_opening_a_new_store_at_once_all_succeed(tmp_path):
    import multiprocessing

    context = multiprocessing.get_context("fork")
    for attempt in range(3):
        path = str(tmp_path / f"new{attempt}.db")
        barrier, results = context.Barrier(4), context.Queue()
        processes = [context.Process(target=_open_at_once, args=(path, barrier, results))
                     for _ in range(4)]
        for process in processes:
            process.start()
        found = [results.get(timeout=60) for _ in processes]
        for process in processes:
            process.join(timeout=60)
        assert found == [SCHEMA_VERSION] * 4
        with Database(path) as db:
            tables = [r[0] for r in db.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            assert tables.count("documents") == 1
            assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- migrations ----------------------------------------------------------------------------------


def test_statements_split_a_migration_for_one_transaction():
    script = """CREATE TABLE a (x TEXT, y TEXT DEFAULT ';');  -- a comment; with a semicolon
                INSERT INTO a (x) VALUES ('b;c');"""
    found = list(statements(script))
    assert len(found) == 2 and all(sqlite3.complete_statement(s) for s in found)
    conn = sqlite3.connect(":memory:")
    for statement in found:
        conn.execute(statement)  # one statement each: execute() refuses more
    assert conn.execute("SELECT x, y FROM a").fetchall() == [("b;c", ";")]


def test_an_older_store_is_brought_up_to_date_in_one_step(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:7]:
        conn.executescript(migration())
    conn.execute("PRAGMA user_version = 7")
    conn.execute("INSERT INTO documents (content_hash, id, text, ingested_at) VALUES "
                 "('import:x', 'x', '', 'now'), ('h', 'y', 'Real text.', 'now')")
    conn.execute("INSERT INTO events (id, doc_hash, doc_id, event, modality, data) VALUES "
                 "('e', 'h', 'y', 'AID', 'asserted', '{}')")
    conn.close()
    with Database(path) as db:
        assert db.schema_version == SCHEMA_VERSION
        imported = dict(db.conn.execute("SELECT id, imported FROM documents"))
        assert imported == {"x": 1, "y": 0}
        assert db.clusters_stale  # built by an older sitrep: rebuilt once


# -- documents an import stood in for, and the clusters' state -----------------------------------


def test_storing_events_marks_the_clusters_stale_in_the_same_transaction(db):
    assert not db.clusters_stale
    assert db.save_document(Document(id="plain", text="No events."))
    assert not db.clusters_stale
    doc = Document(id="d", text="Some events.")
    doc.events = [Event(id="e1", doc_id="d", event="AID")]
    db.save_document(doc)
    assert db.clusters_stale
    with pytest.raises(StoreError, match="needs a transaction"):
        db.mark_clusters_stale(False)


def test_a_failed_save_leaves_the_clusters_as_they_were(db):
    doc = Document(id="x", text="Text.")
    doc.events = [Event(id="e1", doc_id="x", event="AID", confidence=object())]  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        db.save_document(doc)
    assert not db.clusters_stale


def _stand_in(db, content_hash: str, doc_id: str) -> None:
    with db.transaction():
        db.conn.execute("INSERT INTO documents (content_hash, id, text, imported, ingested_at) "
                        "VALUES (?, ?, '', 1, 'now')", (content_hash, doc_id))
        db.insert_event(Event(id="old", doc_id=doc_id, event="AID"), content_hash)


def test_the_real_text_replaces_an_imported_stand_in(db):
    doc = Document(id="a", text="Iran asked China for help.")
    _stand_in(db, doc.content_hash, "a")
    assert not db.has_document(doc.content_hash)
    doc.events = [Event(id="new", doc_id="a", event="REQUEST")]
    assert db.save_document(doc)
    assert [tuple(r) for r in db.conn.execute("SELECT id, imported FROM documents")] == [("a", 0)]
    assert [r[0] for r in db.conn.execute("SELECT id FROM events")] == ["new"]
    assert not db.save_document(Document(id="a", text="Iran asked China for help."))


def test_an_older_exports_stand_in_is_replaced_by_id(db):
    _stand_in(db, "import:a", "a")
    assert db.save_document(Document(id="a", text="The article itself."))
    assert db.count("documents") == 1 and db.count("events") == 0


def test_a_reciprocal_act_is_a_dyad_each_way(db):
    from sitrep.model import Actor, Document, Event

    doc = Document(id="d", text="Chile and Peru signed an accord.")
    doc.events = [Event(id="e1", doc_id="d", event="SUPPORT", reciprocal=True,
                        actor=[Actor(entity_text="Chile", code="CHL"),
                               Actor(entity_text="Peru", code="PER")])]
    db.save_document(doc)
    rows = db.conn.execute("SELECT source, target FROM dyads ORDER BY source").fetchall()
    assert [tuple(r) for r in rows] == [("CHL", "PER"), ("PER", "CHL")]
