"""Store: SQLite (WAL) with a versioned schema, one transaction per document.

Documents are keyed by the SHA-256 of their original text, so ingesting the same text twice is a
no-op, and an interrupted ingest can simply be run again. Migrations are named functions applied in
order inside a transaction; `PRAGMA user_version` records how far a database has come.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import StoreError
from .model import Document, Event

DEFAULT_DB = "sitrep.db"


def _migration_1_documents() -> str:
    return """
        CREATE TABLE documents (
            content_hash TEXT PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            title TEXT, url TEXT, outlet TEXT,
            published TEXT, published_not_before TEXT,
            language TEXT, source_path TEXT,
            truncated INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            repaired_text TEXT,
            repairs TEXT NOT NULL DEFAULT '[]',
            offsets TEXT,
            ingested_at TEXT NOT NULL
        );
        CREATE TABLE cited_sources (
            doc_hash TEXT NOT NULL REFERENCES documents(content_hash) ON DELETE CASCADE,
            url TEXT NOT NULL, outlet TEXT, date TEXT,
            PRIMARY KEY (doc_hash, url)
        );
        CREATE TABLE entities (
            doc_hash TEXT NOT NULL REFERENCES documents(content_hash) ON DELETE CASCADE,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL,
            code TEXT, sector TEXT, kb_id TEXT, kind TEXT, category TEXT, origin TEXT
        );
        CREATE INDEX entities_doc ON entities(doc_hash);
        """


def _migration_2_events() -> str:
    return """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            doc_hash TEXT NOT NULL REFERENCES documents(content_hash) ON DELETE CASCADE,
            doc_id TEXT NOT NULL,
            event TEXT NOT NULL, mode TEXT, quad_code INTEGER, event_scale REAL,
            date TEXT, enddate TEXT, modality TEXT NOT NULL,
            country_code TEXT, confidence REAL,
            evidence_start INTEGER, evidence_end INTEGER,
            data TEXT NOT NULL
        );
        CREATE INDEX events_type_date ON events(event, date);
        CREATE INDEX events_date ON events(date);
        CREATE INDEX events_doc ON events(doc_hash);
        CREATE TABLE event_actors (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            role TEXT NOT NULL,            -- actor | recipient | intermediary
            code TEXT, sector TEXT, name TEXT,
            date TEXT                       -- copied from the event so dyad queries stay on one index
        );
        CREATE INDEX event_actors_code_date ON event_actors(code, role, date, event_id);
        CREATE INDEX event_actors_event ON event_actors(event_id);
        """


def _migration_3_kb_imports() -> str:
    return """
        CREATE TABLE kb_imports (
            file TEXT NOT NULL,            -- the dictionary file's name
            entry TEXT NOT NULL            -- one knowledge-base entry as JSON
        );
        CREATE INDEX kb_imports_file ON kb_imports(file);
    """


def _migration_4_clusters() -> str:
    return """
        CREATE TABLE clusters (
            id TEXT PRIMARY KEY,
            event TEXT NOT NULL, fact_class TEXT NOT NULL,
            first_date TEXT, last_date TEXT,
            sources INTEGER NOT NULL,
            data TEXT NOT NULL
        );
        CREATE TABLE cluster_members (
            cluster_id TEXT NOT NULL REFERENCES clusters(id) ON DELETE CASCADE,
            event_id TEXT PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE
        );
        CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);
    """


def _migration_5_query_indexes() -> str:
    # Measured with bench/queries.py at 1M events: pair queries go from > 10 s to < 0.1 s once
    # the second event_actors probe is an exact (code, role, event_id) lookup.
    return """
        CREATE INDEX event_actors_code_role_event ON event_actors(code, role, event_id);
        CREATE INDEX events_type_end ON events(event, coalesce(enddate, date));
    """


def _migration_6_dyads() -> str:
    # One row per (actor country, recipient country) pair of an event, with what dyad series and
    # pair timelines need, so both are one index range scan (bench/queries.py).
    return """
        CREATE TABLE dyads (
            source TEXT NOT NULL, target TEXT NOT NULL,
            date TEXT, event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            quad_code INTEGER, event_scale REAL,
            PRIMARY KEY (source, target, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX dyads_event ON dyads(event_id);
    """ + DYADS_FROM_EVENT_ACTORS + ";"


# The dyads rows an event's actors imply (also used to fill a store loaded in bulk).
DYADS_FROM_EVENT_ACTORS = """
    INSERT OR IGNORE INTO dyads (source, target, date, event_id, quad_code, event_scale)
        SELECT s.code, t.code, e.date, e.id, e.quad_code, e.event_scale
        FROM event_actors s
        JOIN event_actors t ON t.event_id = s.event_id AND t.role = 'recipient'
        JOIN events e ON e.id = s.event_id
        WHERE s.role = 'actor' AND s.code IS NOT NULL AND t.code IS NOT NULL"""


MIGRATIONS: list[Callable[[], str]] = [
    _migration_1_documents,
    _migration_2_events,
    _migration_3_kb_imports,
    _migration_4_clusters,
    _migration_5_query_indexes,
    _migration_6_dyads,
]
SCHEMA_VERSION = len(MIGRATIONS)


class Database:
    """The store: a SQLite file (or ":memory:") with sitrep's schema applied."""

    def __init__(self, path: str | Path = DEFAULT_DB):
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as error:
            raise StoreError(f"{self.path}: cannot open the database ({error}); check the path") from None
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self.path != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")
        self.migrate()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this sitrep "
                f"({SCHEMA_VERSION}); upgrade sitrep"
            )
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            # executescript() commits before it runs, so the transaction is opened inside it.
            try:
                self.conn.executescript(
                    f"BEGIN IMMEDIATE; {migration()} PRAGMA user_version = {number}; COMMIT;"
                )
            except sqlite3.Error as error:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(
                    f"{self.path}: migration {migration.__name__} failed ({error}); "
                    "the database is unchanged, check it is a sitrep database"
                ) from None

    # -- documents ---------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return row is not None

    def _free_id(self, wanted: str, content_hash: str) -> str:
        row = self.conn.execute("SELECT content_hash FROM documents WHERE id = ?", (wanted,)).fetchone()
        return wanted if row is None or row[0] == content_hash else f"{wanted}-{content_hash[:8]}"

    def save_document(self, doc: Document) -> bool:
        """Store a document with its entities and events in one transaction; False if already there."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has_document(doc.content_hash):
                self.conn.execute("ROLLBACK")
                return False
            doc.id = self._free_id(doc.id, doc.content_hash)
            self._insert_document(doc)
            self._insert_events(doc)
            self.conn.execute("COMMIT")
            return True
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise

    def _insert_document(self, doc: Document) -> None:
        repaired = doc.repaired
        self.conn.execute(
            """INSERT INTO documents (content_hash, id, title, url, outlet, published,
                   published_not_before, language, source_path, truncated, text, repaired_text,
                   repairs, offsets, ingested_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (
                doc.content_hash, doc.id, doc.title, doc.url, doc.outlet, doc.published,
                doc.published_not_before, doc.language, doc.source_path, int(doc.truncated),
                doc.text,
                repaired.text if repaired else None,
                json.dumps([asdict(r) for r in repaired.repairs] if repaired else []),
                None,
                datetime.now(UTC).isoformat(timespec="seconds"),
            ),
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO cited_sources (doc_hash, url, outlet, date) VALUES (?, ?, ?, ?)",
            [(doc.content_hash, s.url, s.outlet, s.date) for s in doc.cited_sources],
        )
        self.conn.executemany(
            """INSERT INTO entities (doc_hash, start, "end", text, label, code, sector, kb_id,
                   kind, category, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [
                (doc.content_hash, e.start, e.end, e.text, e.label, e.code, e.sector, e.kb_id,
                 e.kind, e.category, e.origin)
                for e in doc.entities
            ],
        )

    def _insert_events(self, doc: Document) -> None:
        for event in doc.events:
            self.insert_event(event, doc.content_hash)

    def insert_event(self, event: Event, doc_hash: str) -> None:
        info = event.text_info
        # An upsert, not INSERT OR REPLACE: replacing would delete the row and, through the
        # foreign keys, the event's cluster membership.
        self.conn.execute(
            """INSERT INTO events (id, doc_hash, doc_id, event, mode, quad_code,
                   event_scale, date, enddate, modality, country_code, confidence,
                   evidence_start, evidence_end, data)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET doc_hash = excluded.doc_hash,
                   doc_id = excluded.doc_id, event = excluded.event, mode = excluded.mode,
                   quad_code = excluded.quad_code, event_scale = excluded.event_scale,
                   date = excluded.date, enddate = excluded.enddate,
                   modality = excluded.modality, country_code = excluded.country_code,
                   confidence = excluded.confidence, evidence_start = excluded.evidence_start,
                   evidence_end = excluded.evidence_end, data = excluded.data""",
            (
                event.id, doc_hash, event.doc_id, event.event, event.mode, event.quad_code,
                event.event_scale, event.date, event.enddate, event.modality,
                event.event_loc.country_code, event.confidence,
                info.start if info else None, info.end if info else None,
                json.dumps(event.to_dict(), ensure_ascii=False),
            ),
        )
        self.conn.execute("DELETE FROM event_actors WHERE event_id = ?", (event.id,))
        rows = [
            (event.id, role, a.code, a.sector, a.name, event.date)
            for role, actors in (
                ("actor", event.actor),
                ("recipient", event.recipient),
                ("intermediary", event.intermediary),
            )
            for a in actors
        ]
        self.conn.executemany(
            "INSERT INTO event_actors (event_id, role, code, sector, name, date) VALUES (?,?,?,?,?,?)",
            rows,
        )
        self.conn.execute("DELETE FROM dyads WHERE event_id = ?", (event.id,))
        pairs = {(a.code, r.code) for a in event.actor for r in event.recipient
                 if a.code and r.code}
        self.conn.executemany(
            """INSERT INTO dyads (source, target, date, event_id, quad_code, event_scale)
               VALUES (?, ?, ?, ?, ?, ?)""",
            [(a, r, event.date, event.id, event.quad_code, event.event_scale)
             for a, r in sorted(pairs)],
        )

    def documents(self, limit: int | None = None) -> list[sqlite3.Row]:
        sql = """SELECT id, title, outlet, published, published_not_before, truncated, source_path,
                        length(text) AS characters, ingested_at
                 FROM documents ORDER BY ingested_at, id"""
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self.conn.execute(sql).fetchall()

    def document(self, doc_id: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            "SELECT * FROM documents WHERE id = ? OR content_hash = ?", (doc_id, doc_id)
        ).fetchone()
        if row is None:
            return None
        found = dict(row)
        found["repairs"] = json.loads(found["repairs"])
        found["cited_sources"] = [
            dict(r)
            for r in self.conn.execute(
                "SELECT url, outlet, date FROM cited_sources WHERE doc_hash = ? ORDER BY rowid",
                (row["content_hash"],),
            )
        ]
        return found

    def count(self, table: str) -> int:
        if table not in {"documents", "events", "entities", "cited_sources", "event_actors"}:
            raise ValueError(table)
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def iter_events(self, sql_where: str = "", params: tuple = ()) -> Iterator[dict[str, Any]]:
        sql = "SELECT data FROM events " + sql_where
        for (data,) in self.conn.execute(sql, params):
            yield json.loads(data)
