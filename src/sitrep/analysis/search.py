"""Search: stored events filtered, searched in full text and paged newest first.

    search_events   one page of events matching an `EventFilter`, and the cursor of the next
    event_facets    how many matching events each type, modality, actor and recipient has
    timeline_page   one actor's (or one pair's) events, newest first, a page at a time
    cluster_page    event clusters, newest first, a page at a time

Pages are cut by keyset, not by offset: a cursor is the (date, id) of the last row served,
encoded so that clients treat it as opaque. A page costs the same however deep it is, and rows
stored while a client pages never shift the pages it has not read yet. `q` is a full-text query
over each event's evidence sentence (the `events_fts` index, SQLite FTS5 with Porter stemming:
"missile" finds "missiles"); its words must all occur, `word*` matches a prefix and
"quoted words" a phrase.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
import time
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sitrep.analysis.brief import resolve_code
from sitrep.errors import SitrepError
from sitrep.resources import plover_schema
from sitrep.store.database import Database

MODALITIES = ("asserted", "reported", "future", "hypothetical", "negated", "historical")
MAX_LIMIT = 500
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,11}")
_QUERY_TERM = re.compile(r'"[^"]*"|[^\s"]+')


@dataclass(frozen=True)
class EventFilter:
    """Which events: every field left empty matches everything.

    `actor` and `recipient` take a code ("VEN") or a name ("Venezuela"); `involving` is an actor
    on either side, and with `partner` only the events between the two (either direction)."""

    actor: str | None = None
    recipient: str | None = None
    involving: str | None = None
    partner: str | None = None
    type: str | None = None
    modality: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None
    main_only: bool = False

    def checked(self) -> EventFilter:
        """The same filter with codes resolved and every value checked (a SitrepError that
        names the parameter and the fix otherwise)."""
        changes: dict[str, Any] = {}
        for name in ("actor", "recipient", "involving", "partner"):
            value = (getattr(self, name) or "").strip()
            changes[name] = actor_code(value, name) if value else None
        if self.type:
            kind = self.type.strip().upper()
            types = plover_schema()["event_types"]
            if kind not in types:
                raise SitrepError(f"type: {self.type!r} is not a PLOVER event type; use one of "
                                  f"{', '.join(types)}")
            changes["type"] = kind
        else:
            changes["type"] = None
        if self.modality:
            modality = self.modality.strip().lower()
            if modality not in MODALITIES:
                raise SitrepError(f"modality: {self.modality!r} is not a modality; use one of "
                                  f"{', '.join(MODALITIES)}")
            changes["modality"] = modality
        else:
            changes["modality"] = None
        for name in ("since", "until"):
            changes[name] = check_date(getattr(self, name), name)
        if self.partner and not self.involving:
            raise SitrepError("partner: give `involving` (or `actor` on a timeline) too; a partner "
                              "is the other side of an actor's events")
        changes["q"] = (self.q or "").strip() or None
        return replace(self, **changes)

    def params(self) -> dict[str, str]:
        """The filter as query parameters (what a page link carries)."""
        found = {name: str(getattr(self, name)) for name in (
            "actor", "recipient", "involving", "partner", "type", "modality", "since", "until",
            "q") if getattr(self, name)}
        if self.main_only:
            found["main_only"] = "true"
        return found


def actor_code(value: str, name: str = "actor") -> str:
    """A code as given ("VEN", or a dictionary's "ELR"), else the code of the name given."""
    if _CODE.fullmatch(value):
        return value
    try:
        return resolve_code(value)
    except SitrepError:
        raise SitrepError(f"{name}: cannot tell which actor {value!r} is; give a country name "
                          "or a code such as VEN") from None


def check_date(value: str | None, name: str) -> str | None:
    if not value or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise SitrepError(f"{name}: {value!r} is not a date; write it as YYYY-MM-DD") from None


def check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise SitrepError(f"limit: {limit} is out of range; ask for 1 to {MAX_LIMIT} rows a page "
                          "and follow `next` for more")
    return limit


# -- cursors ---------------------------------------------------------------------------------


def encode_cursor(*key: str | None) -> str:
    raw = json.dumps(list(key), separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str | None, size: int = 2) -> list[str | None] | None:
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (binascii.Error, ValueError):
        key = None
    if not (isinstance(key, list) and len(key) == size
            and all(k is None or isinstance(k, str) for k in key) and key[-1] is not None):
        raise SitrepError("cursor: not a cursor this server gave; pass the `next` value of the "
                          "previous page as it was, or leave `cursor` out to start again")
    return key


# -- full-text queries -----------------------------------------------------------------------


def fts_query(text: str) -> str:
    """The words of a search box as an FTS5 query that cannot be a syntax error: each word is
    a quoted string (all must occur), `word*` a prefix, "several words" a phrase."""
    terms = []
    for term in _QUERY_TERM.findall(text):
        prefix = term.endswith("*") and not term.startswith('"')
        words = re.findall(r"\w+", term)
        if not words:
            continue
        quoted = '"' + " ".join(words) + '"'
        terms.append(quoted + ("*" if prefix else ""))
    if not terms:
        raise SitrepError(f"q: {text!r} has no words to search for; give one or more words")
    return " ".join(terms)


# -- filters as SQL --------------------------------------------------------------------------


def _where(f: EventFilter) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for code, role in ((f.actor, "actor"), (f.recipient, "recipient")):
        if code:
            where.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ? "
                         f"AND role = '{role}')")
            params.append(code)
    if f.involving and f.partner:
        where.append("""e.id IN (SELECT event_id FROM dyads WHERE source = ? AND target = ?
                                 UNION ALL SELECT event_id FROM dyads
                                 WHERE source = ? AND target = ?)""")
        params += [f.involving, f.partner, f.partner, f.involving]
    elif f.involving:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ? "
                     "AND role IN ('actor', 'recipient'))")
        params.append(f.involving)
    if f.type:
        where.append("e.event = ?")
        params.append(f.type)
    if f.modality:
        where.append("e.modality = ?")
        params.append(f.modality)
    if f.since:
        where.append("coalesce(e.enddate, e.date) >= ?")
        params.append(f.since)
    if f.until:
        where.append("e.date <= ?")
        params.append(f.until)
    if f.main_only:
        where.append("e.main = 1")
    if f.q:
        where.append("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(fts_query(f.q))
    return where, params


def search_events(db: Database, filters: EventFilter, limit: int = 50,
                  cursor: str | None = None) -> dict[str, Any]:
    """`{"events": [...], "next": cursor or None}`: matching events newest first (by date, then
    id; undated events last), each in the `sitrep extract` schema."""
    f = filters.checked()
    rows = _page(db, f, check_limit(limit), decode_cursor(cursor), "e.data")
    events = [json.loads(row[0]) for row in rows[:limit]]
    more = len(rows) > limit
    return {"events": events,
            "next": encode_cursor(events[-1].get("date"), events[-1]["id"]) if more else None}


def _page(db: Database, f: EventFilter, limit: int, after: list[str | None] | None,
          columns: str) -> list[sqlite3.Row]:
    """Up to limit + 1 rows after the cursor: dated events newest first, then undated ones
    (each half walks an index in order; a NULL never compares, so they are asked apart)."""
    where, params = _where(f)
    rows: list[sqlite3.Row] = []
    if after is None or after[0] is not None:
        dated = [*where, "e.date IS NOT NULL"]
        dated_params = list(params)
        if after is not None:
            dated.append("(e.date, e.id) < (?, ?)")
            dated_params += after
        rows = db.conn.execute(
            f"SELECT {columns} FROM events e WHERE {' AND '.join(dated)} "
            f"ORDER BY e.date DESC, e.id DESC LIMIT {limit + 1}", dated_params).fetchall()
    if len(rows) <= limit and not f.until:
        undated = [*where, "e.date IS NULL"]
        undated_params = list(params)
        if after is not None and after[0] is None:
            undated.append("e.id < ?")
            undated_params.append(after[1])
        rows += db.conn.execute(
            f"SELECT {columns} FROM events e WHERE {' AND '.join(undated)} "
            f"ORDER BY e.id DESC LIMIT {limit + 1 - len(rows)}", undated_params).fetchall()
    return rows


def event_facets(db: Database, filters: EventFilter, top: int = 10,
                 time_limit_ms: int = 300) -> dict[str, Any]:
    """How many matching events each type, modality, actor and recipient has (the most common
    `top` of each). A store too large to count within `time_limit_ms` leaves the facets it could
    not finish out and names them in `"timed_out"` (datasette's facets do the same)."""
    f = filters.checked()
    where, params = _where(f)
    matching = " AND ".join(where) or "1"
    queries = {
        "type": f"SELECT e.event AS value, count(*) AS n FROM events e WHERE {matching} "
                "GROUP BY e.event ORDER BY n DESC, value",
        "modality": f"SELECT e.modality AS value, count(*) AS n FROM events e WHERE {matching} "
                    "GROUP BY e.modality ORDER BY n DESC, value",
        **{role: f"""SELECT a.code AS value, count(DISTINCT a.event_id) AS n
                     FROM event_actors a JOIN events e ON e.id = a.event_id
                     WHERE a.role = '{role}' AND a.code IS NOT NULL AND {matching}
                     GROUP BY a.code ORDER BY n DESC, value LIMIT {int(top)}"""
           for role in ("actor", "recipient")},
    }
    facets: dict[str, Any] = {"timed_out": []}
    deadline = time.perf_counter() + time_limit_ms / 1000
    db.conn.set_progress_handler(lambda: time.perf_counter() > deadline, 10_000)
    try:
        for name, sql in queries.items():
            try:
                facets[name] = [{"value": row[0], "count": row[1]}
                                for row in db.conn.execute(sql, params)]
            except sqlite3.OperationalError as error:
                if "interrupted" not in str(error):
                    raise
                facets["timed_out"].append(name)
    finally:
        db.conn.set_progress_handler(None, 0)
    if "type" in facets:
        facets["total"] = sum(row["count"] for row in facets["type"])
    return facets


def events_page(db: Database, filters: EventFilter, limit: int = 50,
                cursor: str | None = None) -> dict[str, Any]:
    """What the search page shows: a page of events with their documents' titles and outlets,
    the facets of the whole match, and the filter as it was understood (codes resolved)."""
    checked = filters.checked()
    page = search_events(db, checked, limit, cursor)
    ids = sorted({event["doc_id"] for event in page["events"]})
    documents = {row["id"]: dict(row) for row in db.conn.execute(
        f"""SELECT id, title, outlet, url, coalesce(published, published_not_before) AS published
            FROM documents WHERE id IN ({",".join("?" * len(ids))})""", ids)}
    return {**page, "documents": documents, "facets": event_facets(db, checked),
            "filters": checked.params(), "cursor": cursor}


def timeline_page(db: Database, actor: str, partner: str | None = None,
                  since: str | None = None, until: str | None = None, limit: int = 100,
                  cursor: str | None = None) -> dict[str, Any]:
    """`{"events": [...], "next"}`: events involving `actor` (or only those between it and
    `partner`), newest first, each with its type, date, modality and the actor's role."""
    f = EventFilter(involving=actor, partner=partner, since=since, until=until).checked()
    page = search_events(db, f, limit, cursor)
    rows = []
    for event in page["events"]:
        actors = {a.get("code") for a in event["actor"]}
        rows.append({
            "id": event["id"], "date": event.get("date"), "enddate": event.get("enddate"),
            "event": event["event"], "mode": event.get("mode"), "modality": event["modality"],
            "quad_code": event.get("quad_code"), "event_scale": event.get("event_scale"),
            "doc_id": event["doc_id"], "role": "actor" if f.involving in actors else "recipient",
            "sentence": (event.get("text_info") or {}).get("sentence"),
        })
    return {"actor": f.involving, "partner": f.partner, "events": rows, "next": page["next"]}


def cluster_page(db: Database, actor: str | None = None, since: str | None = None,
                 until: str | None = None, limit: int = 50,
                 cursor: str | None = None) -> dict[str, Any]:
    """`{"clusters": [...], "next"}`: event clusters (one happening, every report of it),
    newest first, optionally only those with `actor` on either side and overlapping the dates."""
    f = EventFilter(actor=actor, since=since, until=until).checked()
    check_limit(limit)
    after = decode_cursor(cursor)
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append("""c.id IN (SELECT m.cluster_id FROM cluster_members m
                                 JOIN event_actors a ON a.event_id = m.event_id
                                 WHERE a.code = ? AND a.role IN ('actor', 'recipient'))""")
        params.append(f.actor)
    if f.since:
        where.append("coalesce(c.last_date, c.first_date) >= ?")
        params.append(f.since)
    if f.until:
        where.append("c.first_date <= ?")
        params.append(f.until)
    if after is not None:
        where.append("(coalesce(c.first_date, c.last_date, ''), c.id) < (?, ?)")
        params += [after[0] or "", after[1]]
    sql = "SELECT c.data FROM clusters c"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += f""" ORDER BY coalesce(c.first_date, c.last_date, '') DESC, c.id DESC
                LIMIT {limit + 1}"""
    clusters = [json.loads(row[0]) for row in db.conn.execute(sql, params)]
    more = len(clusters) > limit
    clusters = clusters[:limit]
    last = clusters[-1] if clusters else {}
    return {"clusters": clusters, "next": encode_cursor(
        last.get("date") or last.get("enddate") or "", last["id"]) if more else None}
