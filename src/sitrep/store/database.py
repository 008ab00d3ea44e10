"""The store: `Database`, SQLite (WAL) with a versioned schema, one transaction per document.

Documents are keyed by the SHA-256 of their original text, so ingesting the same text twice is a
no-op, and an interrupted ingest can simply be run again. The schema is `migrations.py`; every
write goes through `Database.transaction()`.

Many processes may share a store (docs/reliability.md): every connection waits up to a busy
timeout for another's write lock (`timeout`, default `SITREP_BUSY_TIMEOUT` or 60 s) and then
raises a StoreError saying so; migrations run under an exclusive lock that re-reads the schema
version, so two processes can open a new store at once. SQLite errors about the database itself
(locked, read-only, not a database, damaged, disk full) become StoreErrors that say the fix.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any

from sitrep.actors.knowledge import KBEntry
from sitrep.errors import StoreError
from sitrep.model import Document, Event
from sitrep.store.migrations import MIGRATIONS, SCHEMA_VERSION, statements

DEFAULT_DB = "sitrep.db"
DEFAULT_TIMEOUT = 60.0


def busy_timeout() -> float:
    """Seconds a connection waits for another's write lock: SITREP_BUSY_TIMEOUT, else 60."""
    raw = os.environ.get("SITREP_BUSY_TIMEOUT", "")
    try:
        return float(raw) if raw.strip() else DEFAULT_TIMEOUT
    except ValueError:
        raise StoreError(f"SITREP_BUSY_TIMEOUT={raw!r} is not a number of seconds; "
                         "set it to e.g. 120, or unset it") from None


def store_error(error: sqlite3.Error, path: str, timeout: float) -> StoreError | None:
    """The StoreError for a SQLite error about the database itself (not about one row's values),
    with its fix; None for the others."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return StoreError(
            f"{path}: the store is busy: another process held its write lock for more than "
            f"{timeout:g} s; let it finish and run again (what is stored is skipped), or wait "
            "longer with SITREP_BUSY_TIMEOUT=SECONDS")
    if name.startswith("SQLITE_READONLY") or "readonly database" in text:
        return StoreError(
            f"{path}: the store is read-only (the file, or its folder: SQLite writes -wal and "
            "-shm files beside it); make both writable, or give --db a path in a writable folder")
    if name == "SQLITE_NOTADB" or "file is not a database" in text:
        return StoreError(
            f"{path}: not a sitrep store (the file is not a SQLite database); give --db another "
            "path, or move this file away")
    if name.startswith("SQLITE_CORRUPT") or "malformed" in text:
        return StoreError(
            f"{path}: the store is damaged ({text}); restore it from a backup, or rescue what "
            f"it holds with: sqlite3 {path} .recover | sqlite3 {path}.recovered")
    if name.startswith("SQLITE_CANTOPEN") or "unable to open database" in text:
        return StoreError(
            f"{path}: cannot open or create the store (a missing folder, or one that is not "
            "writable); check the path and the folder's permissions")
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return StoreError(f"{path}: the disk is full; free some space and run again")
    if name.startswith(("SQLITE_IOERR", "SQLITE_PERM", "SQLITE_AUTH")):
        return StoreError(f"{path}: the store cannot be read or written ({text}); check the "
                          "disk, the file's permissions and that no other program holds it")
    return None


class _Connection(sqlite3.Connection):
    """A connection whose errors about the database itself come out as StoreErrors."""

    path = ""
    timeout = DEFAULT_TIMEOUT

    def _mapped(self, error: sqlite3.Error) -> Exception:
        return store_error(error, self.path, self.timeout) or error

    def execute(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        try:
            return super().execute(*args, **kwargs)
        except sqlite3.Error as error:
            raise self._mapped(error) from None

    def executemany(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        try:
            return super().executemany(*args, **kwargs)
        except sqlite3.Error as error:
            raise self._mapped(error) from None

    def executescript(self, *args: Any, **kwargs: Any) -> sqlite3.Cursor:
        try:
            return super().executescript(*args, **kwargs)
        except sqlite3.Error as error:
            raise self._mapped(error) from None


def _as_path(path: object) -> str:
    if isinstance(path, str | os.PathLike) and not isinstance(path, bytes):
        text = os.fspath(path)
        if isinstance(text, str) and text.strip():
            return text
    raise StoreError(f"Database needs a file path (or ':memory:'), not {path!r}: "
                     "Database('sitrep.db')")


class Database:
    """The store: a SQLite file (or ":memory:") with sitrep's schema applied."""

    def __init__(self, path: str | os.PathLike[str] = DEFAULT_DB, timeout: float | None = None):
        self.path = _as_path(path)
        self.timeout = busy_timeout() if timeout is None else float(timeout)
        if os.path.isdir(self.path):
            raise StoreError(f"{self.path}: is a folder; give --db a file path inside it, "
                             f"e.g. {os.path.join(self.path, DEFAULT_DB)}")
        try:
            conn = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None,
                                   check_same_thread=False, factory=_Connection)
        except sqlite3.Error as error:
            raise store_error(error, self.path, self.timeout) or StoreError(
                f"{self.path}: cannot open the database ({error}); check the path") from None
        assert isinstance(conn, _Connection)
        conn.path, conn.timeout = self.path, self.timeout
        self.conn: _Connection = conn
        try:
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if self.path != ":memory:":
                self._journal_mode_wal()
                self.conn.execute("PRAGMA synchronous = NORMAL")
            self.migrate()
        except BaseException:
            self.conn.close()
            raise

    def _journal_mode_wal(self) -> None:
        """WAL, retried while another process holds the lock the switch needs (SQLite does not
        wait for that one by itself), up to the busy timeout."""
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                sqlite3.Connection.execute(self.conn, "PRAGMA journal_mode = WAL")
                return
            except sqlite3.Error as error:
                busy = str(getattr(error, "sqlite_errorname", "")).startswith(
                    ("SQLITE_BUSY", "SQLITE_LOCKED"))
                if not busy or time.monotonic() >= deadline:
                    raise store_error(error, self.path, self.timeout) or error from None
                time.sleep(0.01)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self, mode: str = "IMMEDIATE") -> Iterator[sqlite3.Connection]:
        """One write transaction (BEGIN IMMEDIATE: the write lock is taken first, waiting up to
        the busy timeout): committed when the block ends, rolled back when it raises (and the
        error goes on)."""
        self.conn.execute(f"BEGIN {mode}")
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

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: schema version {version} is newer than this sitrep "
                f"({SCHEMA_VERSION}); upgrade sitrep"
            )

    def migrate(self) -> None:
        """Bring the schema up to date: under an exclusive lock, the version is read again and
        the missing migrations applied in one transaction (another process may have just done
        it: then nothing is applied)."""
        version = self.schema_version
        self._check_version(version)
        if version == SCHEMA_VERSION:
            return
        with self.transaction("EXCLUSIVE"):
            version = self.schema_version
            self._check_version(version)
            for migration in MIGRATIONS[version:]:
                try:
                    for statement in statements(migration()):
                        self.conn.execute(statement)
                except sqlite3.Error as error:
                    raise StoreError(
                        f"{self.path}: migration {migration.__name__} failed ({error}); "
                        "the database is unchanged, check it is a sitrep database"
                    ) from None
            if version < SCHEMA_VERSION:
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- derived data ------------------------------------------------------------------------

    def _state(self, name: str) -> str | None:
        row = self.conn.execute("SELECT value FROM store_state WHERE name = ?", (name,)).fetchone()
        return None if row is None else str(row[0])

    def _set_state(self, name: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO store_state (name, value) VALUES (?, ?) "
            "ON CONFLICT(name) DO UPDATE SET value = excluded.value", (name, value))

    @property
    def clusters_stale(self) -> bool:
        """Whether events changed since the clusters were last built."""
        return self._state("clusters_stale") == "1"

    def mark_clusters_stale(self, stale: bool = True) -> None:
        """Mark the clusters out of date (or, `False`, up to date); call it inside the write
        transaction that changes events (or that rebuilds the clusters), so a kill cannot leave
        new events behind clusters that claim to be current."""
        if not self.conn.in_transaction:
            raise StoreError("mark_clusters_stale needs a transaction: call it inside "
                             "`with db.transaction():`")
        self._set_state("clusters_stale", "1" if stale else "0")

    # -- documents ---------------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        """Whether this text is stored (an imported stand-in, which has no text, does not
        count: ingesting the text replaces it)."""
        row = self.conn.execute(
            "SELECT 1 FROM documents WHERE content_hash = ? AND imported = 0", (content_hash,)
        ).fetchone()
        return row is not None

    def _free_id(self, wanted: str, content_hash: str) -> str:
        row = self.conn.execute("SELECT content_hash FROM documents WHERE id = ?", (wanted,)).fetchone()
        return wanted if row is None or row[0] == content_hash else f"{wanted}-{content_hash[:8]}"

    def save_document(self, doc: Document) -> bool:
        """Store a document with its entities and events in one transaction; False if already
        there. An imported stand-in of the same text (or, from an older export, of the same id)
        is replaced, its events with it, so a document is stored once."""
        with self.transaction():
            row = self.conn.execute("SELECT imported FROM documents WHERE content_hash = ?",
                                    (doc.content_hash,)).fetchone()
            if row is not None and not row[0]:
                return False
            replaced = self.conn.execute(
                "DELETE FROM documents WHERE imported = 1 AND (content_hash = ? OR content_hash = ?)",
                (doc.content_hash, f"import:{doc.id}")).rowcount
            doc.id = self._free_id(doc.id, doc.content_hash)
            self._insert_document(doc)
            self._insert_events(doc)
            if doc.events or replaced:
                self.mark_clusters_stale()
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
        # a reciprocal act ("Chile and Peru signed an accord") is a dyad each way
        pairs = {(a.code, r.code) for a, r in event.dyads() if a.code and r.code}
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
