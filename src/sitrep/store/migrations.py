"""Migrations: the store's schema as named functions, applied in order.

`PRAGMA user_version` records how far a database has come. A new table or column is a new
function appended to `MIGRATIONS` (never an edit of an old one: stores in the field ran it).
`Database.migrate` applies the missing ones in one transaction under an exclusive lock, reading
the version again once it holds the lock (two processes opening a new store at once apply them
once).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator


def statements(script: str) -> Iterator[str]:
    """The SQL statements of a migration, one at a time (`executescript` would commit the
    transaction the migrations run in)."""
    buffer = ""
    for part in script.split(";"):
        buffer += part + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n\t;"):
                yield buffer.strip()
            buffer = ""
    if buffer.strip(" \n\t;"):
        yield buffer.strip()


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




def _migration_7_main_events() -> str:
    # The main event of each evidence sentence (coding/document.py `main_event`), so briefs,
    # exports and the API can keep one event per sentence with an index, as published coders do.
    return """
        ALTER TABLE events ADD COLUMN main INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE events ADD COLUMN depth INTEGER NOT NULL DEFAULT 0;
        UPDATE events SET main = coalesce(json_extract(data, '$.main'), 1),
                          depth = coalesce(json_extract(data, '$.depth'), 0);
    """


def _migration_8_event_search() -> str:
    # Full-text search over each event's evidence sentence (the API's and the web page's `q`).
    # Contentless FTS5 keyed by the event's rowid: the sentence is already in `data`, so the
    # index stores only its terms; triggers keep it in step with every write, whoever writes.
    # A contentless table forgets its text, so a delete names the old sentence again.
    return """
        CREATE VIRTUAL TABLE events_fts USING fts5(
            sentence, content='', tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
            INSERT INTO events_fts (rowid, sentence)
                VALUES (new.rowid, json_extract(new.data, '$.text_info.sentence'));
        END;
        CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
            INSERT INTO events_fts (events_fts, rowid, sentence)
                VALUES ('delete', old.rowid, json_extract(old.data, '$.text_info.sentence'));
        END;
        CREATE TRIGGER events_fts_update AFTER UPDATE OF data ON events BEGIN
            INSERT INTO events_fts (events_fts, rowid, sentence)
                VALUES ('delete', old.rowid, json_extract(old.data, '$.text_info.sentence'));
            INSERT INTO events_fts (rowid, sentence)
                VALUES (new.rowid, json_extract(new.data, '$.text_info.sentence'));
        END;
        INSERT INTO events_fts (rowid, sentence)
            SELECT rowid, json_extract(data, '$.text_info.sentence') FROM events;
        -- Pages of events run newest first by (date, id): these indexes list events in that
        -- order (all of them, or one type's) without reading or sorting rows; they replace
        -- the (date) and (event, date) indexes they extend.
        DROP INDEX events_date;
        CREATE INDEX events_date_id ON events(date, id);
        DROP INDEX events_type_date;
        CREATE INDEX events_type_date_id ON events(event, date, id);
        -- and a pair's events (an actor and a recipient) in that order
        CREATE INDEX dyads_pair_date ON dyads(source, target, date, event_id);
    """


def _migration_9_imported_documents_and_store_state() -> str:
    # Documents an import created as stand-ins (metadata and quotes, no text) are marked, so
    # ingesting the real text replaces them; whether the clusters are behind the events is kept
    # in the transactions that change either (so a killed run's clusters are rebuilt later).
    return """
        ALTER TABLE documents ADD COLUMN imported INTEGER NOT NULL DEFAULT 0;
        UPDATE documents SET imported = 1 WHERE content_hash LIKE 'import:%';
        CREATE TABLE store_state (name TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO store_state (name, value)
            SELECT 'clusters_stale', CASE WHEN EXISTS (SELECT 1 FROM events) THEN '1' ELSE '0' END;
    """


MIGRATIONS: list[Callable[[], str]] = [
    _migration_1_documents,
    _migration_2_events,
    _migration_3_kb_imports,
    _migration_4_clusters,
    _migration_5_query_indexes,
    _migration_6_dyads,
    _migration_7_main_events,
    _migration_8_event_search,
    _migration_9_imported_documents_and_store_state,
]
SCHEMA_VERSION = len(MIGRATIONS)
