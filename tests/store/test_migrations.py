"""Migration 10's count tables: filled from an existing store's rows, and kept equal to a
recount from the rows through ingest, re-ingest, export and import, deletes and clustering."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from sitrep.analysis.clusters import build_clusters
from sitrep.analysis.exports import export_events
from sitrep.analysis.imports import import_events
from sitrep.runners.local import ingest
from sitrep.store.database import Database
from sitrep.store.migrations import COUNTS_FROM_ROWS, statements

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
MEASURES = {"events", "actor_events", "recipient_events", "as_actor", "as_recipient", "scored",
            "score_sum"}
TABLES = ["event_counts", "actor_months", "actor_pairs", "pair_types", "pair_type_months"]


def kept_counts(db: Database) -> dict[str, list[tuple]]:
    """Each count table's rows, without the ones that fell to zero."""
    found = {}
    for table in TABLES:
        rows = db.conn.execute(f"SELECT * FROM {table}").fetchall()
        found[table] = sorted(tuple(row) for row in rows
                              if any(value for name, value in dict(row).items() if name in MEASURES))
    return found


def recounted(db: Database) -> dict[str, list[tuple]]:
    """The count tables as a fill from the rows makes them (then put back as they were)."""
    db.conn.execute("SAVEPOINT recount")
    try:
        for statement in statements(COUNTS_FROM_ROWS):
            db.conn.execute(statement)
        return kept_counts(db)
    finally:
        db.conn.execute("ROLLBACK TO recount")
        db.conn.execute("RELEASE recount")


def assert_exact(db: Database) -> None:
    kept = kept_counts(db)
    assert kept == recounted(db)
    (events,) = db.conn.execute("SELECT count(*) FROM events").fetchone()
    assert sum(row[-1] for row in kept["event_counts"]) == events


def test_migration_fills_the_counts_of_an_existing_store(examples_store, tmp_path):
    path = tmp_path / "old.db"
    shutil.copy(examples_store, path)
    conn = sqlite3.connect(path)  # the store as sitrep 9 left it: no counts
    names = conn.execute("SELECT type, name FROM sqlite_master WHERE name LIKE 'counts_%' "
                         "OR name IN ('event_counts', 'actor_months', 'actor_pairs', "
                         "'pair_types', 'pair_type_months', 'events_end')").fetchall()
    for kind, name in names:
        if kind != "index" or name == "events_end":
            conn.execute(f"DROP {kind.upper()} IF EXISTS {name}")
    conn.execute("PRAGMA user_version = 9")
    conn.commit()
    conn.close()
    with Database(path) as db:
        assert db.schema_version == 10
        assert all(kept_counts(db).values())
        assert_exact(db)
        # an actor's count is the number of its events, straight from the rows
        code, events = db.conn.execute(
            "SELECT code, sum(events) FROM actor_months GROUP BY code ORDER BY 2 DESC").fetchone()
        assert events == db.conn.execute(
            "SELECT count(DISTINCT event_id) FROM event_actors WHERE code = ? "
            "AND role IN ('actor', 'recipient')", (code,)).fetchone()[0]


def test_counts_stay_exact_through_every_write(examples_store, tmp_path):
    path = tmp_path / "store.db"
    shutil.copy(examples_store, path)
    with Database(path) as db:
        assert_exact(db)
        again = ingest(db, [str(EXAMPLES)])  # re-ingest: nothing new
        assert again.new == 0
        assert_exact(db)
        exported = tmp_path / "events.jsonl"
        export_events(db, exported)
        # documents deleted (their events, actors and pairs go by cascade)
        doomed = [row[0] for row in db.conn.execute(
            "SELECT doc_hash FROM events GROUP BY doc_hash ORDER BY count(*) DESC LIMIT 3")]
        with db.transaction():
            db.conn.executemany("DELETE FROM documents WHERE content_hash = ?",
                                [(h,) for h in doomed])
        assert_exact(db)
        # `sitrep import` brings them back as stand-ins, and changes one event in place
        lines = exported.read_text(encoding="utf-8").splitlines()
        changed = json.loads(lines[0])
        changed.update(date="2019-03-31", enddate="2019-04-02", event="ASSAULT", quad_code=4)
        changed["recipient"] = changed["actor"][:1]  # a code on both sides of one event
        lines[0] = json.dumps(changed)
        exported.write_text("\n".join(lines) + "\n", encoding="utf-8")
        import_events(db, exported)
        assert_exact(db)
        # ingesting the texts again replaces the stand-ins
        ingest(db, [str(EXAMPLES)])
        assert_exact(db)
        build_clusters(db)
        assert_exact(db)
        with db.transaction():
            db.conn.execute("DELETE FROM documents")
        assert kept_counts(db) == dict.fromkeys(TABLES, [])
