"""The store: `Database`, SQLite (WAL) with a versioned schema, one transaction per document.

Documents are keyed by the SHA-256 of their original text, so ingesting the same text twice is a
no-op, and an interrupted ingest can simply be run again. The schema is `migrations.py`; every
write goes through `Database.transaction()`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sitrep.actors.knowledge import KBEntry
from sitrep.errors import StoreError
from sitrep.model import Document, Event
from sitrep.store.migrations import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "sitrep.db"


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

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE): committed when the block ends, rolled back
        when it raises (and the error goes on)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

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
        with self.transaction():
            if self.has_document(doc.content_hash):
                return False
            doc.id = self._free_id(doc.id, doc.content_hash)
            self._insert_document(doc)
            self._insert_events(doc)
            return True

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
                   evidence_start, evidence_end, data, main, depth)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(id) DO UPDATE SET doc_hash = excluded.doc_hash,
                   doc_id = excluded.doc_id, event = excluded.event, mode = excluded.mode,
                   quad_code = excluded.quad_code, event_scale = excluded.event_scale,
                   date = excluded.date, enddate = excluded.enddate,
                   modality = excluded.modality, country_code = excluded.country_code,
                   confidence = excluded.confidence, evidence_start = excluded.evidence_start,
                   evidence_end = excluded.evidence_end, data = excluded.data,
                   main = excluded.main, depth = excluded.depth""",
            (
                event.id, doc_hash, event.doc_id, event.event, event.mode, event.quad_code,
                event.event_scale, event.date, event.enddate, event.modality,
                event.event_loc.country_code, event.confidence,
                info.start if info else None, info.end if info else None,
                json.dumps(event.to_dict(), ensure_ascii=False), int(event.main), event.depth,
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
            raise StoreError(f"no table {table!r} to count; use documents, events, entities, "
                             "cited_sources or event_actors")
        return int(self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def iter_events(self, sql_where: str = "", params: tuple = ()) -> Iterator[dict[str, Any]]:
        sql = "SELECT data FROM events " + sql_where
        for (data,) in self.conn.execute(sql, params):
            yield json.loads(data)

    # -- imported dictionaries ---------------------------------------------------------------

    def import_dictionary(self, file: str, entries: Iterable[tuple[KBEntry, list[str]]]) -> int:
        """Keep a dictionary's entries (replacing an earlier import of the same file name), so
        every later resolution against this store knows them."""
        rows = [(file, json.dumps({**asdict(entry), "start": _iso(entry.start),
                                   "end": _iso(entry.end), "variants": variants}))
                for entry, variants in entries]
        with self.transaction() as conn:
            conn.execute("DELETE FROM kb_imports WHERE file = ?", (file,))
            conn.executemany("INSERT INTO kb_imports (file, entry) VALUES (?, ?)", rows)
        return len(rows)

    def imported_entries(self) -> list[tuple[KBEntry, list[str]]]:
        """The knowledge-base entries of every dictionary imported into this store."""
        found = []
        for (raw,) in self.conn.execute("SELECT entry FROM kb_imports ORDER BY rowid"):
            data = json.loads(raw)
            variants = data.pop("variants", [])
            for key in ("start", "end"):
                data[key] = date.fromisoformat(data[key]) if data[key] else None
            found.append((KBEntry(**data), variants))
        return found


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None
