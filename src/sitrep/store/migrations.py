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


# -- maintained counts (migration 10) --------------------------------------------------------
#
# The count tables hold what the serving queries used to aggregate over every event at request
# time. Each row is keyed by the event's `dated` flag, `month` (first 7 characters of `date`,
# '' when undated) and `period` (first 7 characters of coalesce(enddate, date), '' when both
# are missing), so that a `since`/`until` filter is answered from whole months plus the rows of
# the one boundary month on each side (analysis/queries.py). A NULL quad class is kept as -1
# (a key column cannot be NULL). Rows can fall to zero and stay: queries ignore them.
#
# What an event contributes is computed from the rows as they are (events joined to its
# event_actors or dyads rows), so a trigger brackets each change: BEFORE it, the event's
# contribution is taken away; AFTER it, the contribution of the event as it now is is added.
# A cascade from a deleted event sees the event gone (it contributes nothing), so nothing is
# counted twice whoever writes: ingest, re-ingest, `sitrep import`, a deleted document.

_MONTH = "coalesce(substr({e}.date, 1, 7), '')"
_PERIOD = "coalesce(substr(coalesce({e}.enddate, {e}.date), 1, 7), '')"


def _event_counts(where: str, sign: str) -> str:
    """event_counts from the events `where` picks (as `e`)."""
    e = "e"
    return f"""
        INSERT INTO event_counts (event, modality, main, dated, month, period, events)
            SELECT {e}.event, {e}.modality, {e}.main, {e}.date IS NOT NULL,
                   {_MONTH.format(e=e)}, {_PERIOD.format(e=e)}, {sign}count(*)
            FROM events e WHERE {where} GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (event, modality, main, dated, month, period)
            DO UPDATE SET events = events + excluded.events"""


def _actor_counts(events: str, sign: str) -> str:
    """actor_months and actor_pairs for the events `a.event_id` matches (`events`)."""
    keys = f"e.date IS NOT NULL, {_MONTH.format(e='e')}, {_PERIOD.format(e='e')}"
    return f"""
        INSERT INTO actor_months (code, quad, dated, month, period, events, actor_events,
                                  recipient_events, as_actor, as_recipient)
            SELECT a.code, coalesce(e.quad_code, -1), {keys},
                   {sign}count(DISTINCT a.event_id),
                   {sign}count(DISTINCT CASE WHEN a.role = 'actor' THEN a.event_id END),
                   {sign}count(DISTINCT CASE WHEN a.role = 'recipient' THEN a.event_id END),
                   {sign}sum(a.role = 'actor'), {sign}sum(a.role = 'recipient')
            FROM event_actors a JOIN events e ON e.id = a.event_id
            WHERE {events.format(a='a')} AND a.code IS NOT NULL
                  AND a.role IN ('actor', 'recipient')
            GROUP BY 1, 2, 3, 4, 5
            ON CONFLICT (code, quad, dated, month, period) DO UPDATE SET
                events = events + excluded.events,
                actor_events = actor_events + excluded.actor_events,
                recipient_events = recipient_events + excluded.recipient_events,
                as_actor = as_actor + excluded.as_actor,
                as_recipient = as_recipient + excluded.as_recipient;
        INSERT INTO actor_pairs (actor, recipient, dated, month, period, events)
            SELECT s.code, o.code, {keys}, {sign}count(DISTINCT s.event_id)
            FROM event_actors s
            JOIN event_actors o ON o.event_id = s.event_id AND o.role = 'recipient'
                 AND o.code IS NOT NULL AND o.code != s.code
            JOIN events e ON e.id = s.event_id
            WHERE {events.format(a='s')} AND s.role = 'actor' AND s.code IS NOT NULL
            GROUP BY 1, 2, 3, 4, 5
            ON CONFLICT (actor, recipient, dated, month, period)
            DO UPDATE SET events = events + excluded.events"""


def _pair_counts(rows: str, where: str, sign: str) -> str:
    """pair_types and pair_type_months from dyads rows `d` (`rows`, a FROM item)."""
    picked = f"""FROM {rows} JOIN events e ON e.id = d.event_id
            WHERE {where} AND d.source != d.target"""
    sums = f"{sign}count(*), {sign}count(d.event_scale), {sign}total(d.event_scale)"
    update = """DO UPDATE SET events = events + excluded.events,
                scored = scored + excluded.scored, score_sum = score_sum + excluded.score_sum"""
    return f"""
        INSERT INTO pair_types (source, target, type, events, scored, score_sum)
            SELECT d.source, d.target, e.event, {sums} {picked}
            GROUP BY 1, 2, 3 ON CONFLICT (source, target, type) {update};
        INSERT INTO pair_type_months (source, target, type, dated, month, period, events,
                                      scored, score_sum)
            SELECT d.source, d.target, e.event, e.date IS NOT NULL, {_MONTH.format(e='e')},
                   {_PERIOD.format(e='e')}, {sums} {picked}
            GROUP BY 1, 2, 3, 4, 5, 6
            ON CONFLICT (source, target, type, dated, month, period) {update}"""


def _one_dyad(row: str) -> str:
    return (f"(SELECT {row}.source AS source, {row}.target AS target, "
            f"{row}.event_id AS event_id, {row}.event_scale AS event_scale) d")


_EVENT_CHANGED = " OR ".join(
    f"old.{column} IS NOT new.{column}"
    for column in ("id", "event", "modality", "main", "date", "enddate", "quad_code"))


def _event_contribution(event_id: str, sign: str) -> str:
    """Everything one event contributes (its own row, its actors, its dyads)."""
    return ";".join([
        _event_counts(f"e.id = {event_id}", sign),
        _actor_counts(f"{{a}}.event_id = {event_id}", sign),
        _pair_counts("dyads d", f"d.event_id = {event_id}", sign),
    ])


# Every count table filled from the rows (the migration, and a store loaded in bulk with the
# count triggers dropped: bench/queries.py).
COUNTS_FROM_ROWS = ";".join([
    "DELETE FROM event_counts", "DELETE FROM actor_months", "DELETE FROM actor_pairs",
    "DELETE FROM pair_types", "DELETE FROM pair_type_months",
    _event_counts("1", ""),
    _actor_counts("1", ""),
    _pair_counts("dyads d", "1", ""),
])


def _migration_10_counts() -> str:
    # Measured with bench/serve.py: the actor page, the network, the top actors and the search
    # page's facets aggregated every event per request (seconds at 1M events); these tables
    # keep those sums as events are written (docs/architecture.md, "Counts").
    ids = "{a}.event_id IN (old.event_id, new.event_id)"
    return f"""
        CREATE TABLE event_counts (
            event TEXT NOT NULL, modality TEXT NOT NULL, main INTEGER NOT NULL,
            dated INTEGER NOT NULL, month TEXT NOT NULL, period TEXT NOT NULL,
            events INTEGER NOT NULL,
            PRIMARY KEY (event, modality, main, dated, month, period)
        ) WITHOUT ROWID;
        CREATE TABLE actor_months (
            code TEXT NOT NULL, quad INTEGER NOT NULL,
            dated INTEGER NOT NULL, month TEXT NOT NULL, period TEXT NOT NULL,
            events INTEGER NOT NULL,             -- events with the code as actor or recipient
            actor_events INTEGER NOT NULL, recipient_events INTEGER NOT NULL,
            as_actor INTEGER NOT NULL, as_recipient INTEGER NOT NULL,   -- event_actors rows
            PRIMARY KEY (code, quad, dated, month, period)
        ) WITHOUT ROWID;
        CREATE TABLE actor_pairs (
            actor TEXT NOT NULL, recipient TEXT NOT NULL,
            dated INTEGER NOT NULL, month TEXT NOT NULL, period TEXT NOT NULL,
            events INTEGER NOT NULL,
            PRIMARY KEY (actor, recipient, dated, month, period)
        ) WITHOUT ROWID;
        -- an actor's partners as recipient, without a lookup per row (the key comes along)
        CREATE INDEX actor_pairs_recipient ON actor_pairs(recipient, actor, events);
        CREATE TABLE pair_types (
            source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
            events INTEGER NOT NULL, scored INTEGER NOT NULL, score_sum REAL NOT NULL,
            PRIMARY KEY (source, target, type)
        ) WITHOUT ROWID;
        CREATE TABLE pair_type_months (
            source TEXT NOT NULL, target TEXT NOT NULL, type TEXT NOT NULL,
            dated INTEGER NOT NULL, month TEXT NOT NULL, period TEXT NOT NULL,
            events INTEGER NOT NULL, scored INTEGER NOT NULL, score_sum REAL NOT NULL,
            PRIMARY KEY (source, target, type, dated, month, period)
        ) WITHOUT ROWID;
        -- the network since a date reads the months after it from this index alone
        CREATE INDEX pair_type_months_period ON pair_type_months(
            period, source, target, type, dated, month, events, scored, score_sum);
        -- the events of a `since` filter's boundary month, found by their end
        CREATE INDEX events_end ON events(coalesce(enddate, date));
        {COUNTS_FROM_ROWS};
        CREATE TRIGGER counts_event_insert AFTER INSERT ON events BEGIN
            {_event_contribution("new.id", "")};
        END;
        CREATE TRIGGER counts_event_delete BEFORE DELETE ON events BEGIN
            {_event_contribution("old.id", "-")};
        END;
        CREATE TRIGGER counts_event_update_before BEFORE UPDATE ON events
        WHEN {_EVENT_CHANGED} BEGIN
            {_event_contribution("old.id", "-")};
        END;
        CREATE TRIGGER counts_event_update_after AFTER UPDATE ON events
        WHEN {_EVENT_CHANGED} BEGIN
            {_event_contribution("new.id", "")};
        END;
        CREATE TRIGGER counts_actor_insert_before BEFORE INSERT ON event_actors BEGIN
            {_actor_counts("{a}.event_id = new.event_id", "-")};
        END;
        CREATE TRIGGER counts_actor_insert_after AFTER INSERT ON event_actors BEGIN
            {_actor_counts("{a}.event_id = new.event_id", "")};
        END;
        CREATE TRIGGER counts_actor_delete_before BEFORE DELETE ON event_actors BEGIN
            {_actor_counts("{a}.event_id = old.event_id", "-")};
        END;
        CREATE TRIGGER counts_actor_delete_after AFTER DELETE ON event_actors BEGIN
            {_actor_counts("{a}.event_id = old.event_id", "")};
        END;
        CREATE TRIGGER counts_actor_update_before BEFORE UPDATE ON event_actors BEGIN
            {_actor_counts(ids, "-")};
        END;
        CREATE TRIGGER counts_actor_update_after AFTER UPDATE ON event_actors BEGIN
            {_actor_counts(ids, "")};
        END;
        CREATE TRIGGER counts_dyad_insert AFTER INSERT ON dyads BEGIN
            {_pair_counts(_one_dyad("new"), "1", "")};
        END;
        CREATE TRIGGER counts_dyad_delete AFTER DELETE ON dyads BEGIN
            {_pair_counts(_one_dyad("old"), "1", "-")};
        END;
        CREATE TRIGGER counts_dyad_update AFTER UPDATE ON dyads BEGIN
            {_pair_counts(_one_dyad("old"), "1", "-")};
            {_pair_counts(_one_dyad("new"), "1", "")};
        END;
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
    _migration_10_counts,
]
SCHEMA_VERSION = len(MIGRATIONS)
