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


def _where(f: EventFilter, probe: bool = False) -> tuple[list[str], list[Any]]:
    """The filter as SQL conditions on `events e`. `probe` writes the actor tests as lookups
    per event (cheap when walking a few hundred events in order) instead of sets of every
    event an actor has (cheap when the set is all that is read)."""
    where: list[str] = []
    params: list[Any] = []

    def has(role_sql: str, code: str) -> None:
        if probe:
            where.append(f"EXISTS (SELECT 1 FROM event_actors x WHERE x.code = ? AND "
                         f"x.role {role_sql} AND x.event_id = e.id)")
        else:
            where.append(f"e.id IN (SELECT event_id FROM event_actors WHERE code = ? "
                         f"AND role {role_sql})")
        params.append(code)

    if f.actor:
        has("= 'actor'", f.actor)
    if f.recipient:
        has("= 'recipient'", f.recipient)
    if f.involving and f.partner:
        where.append("""(EXISTS (SELECT 1 FROM dyads WHERE source = ? AND target = ?
                                 AND event_id = e.id)
                         OR EXISTS (SELECT 1 FROM dyads WHERE source = ? AND target = ?
                                    AND event_id = e.id))""")
        params += [f.involving, f.partner, f.partner, f.involving]
    elif f.involving:
        has("IN ('actor', 'recipient')", f.involving)
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
        # a set of rowids built once per statement: FTS5 lists all matches fast (milliseconds
        # for 60,000) but tests one row against a query slowly
        where.append("e.rowid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(fts_query(f.q))
    return where, params


def search_events(db: Database, filters: EventFilter, limit: int = 50,
                  cursor: str | None = None) -> dict[str, Any]:
    """`{"events": [...], "next": cursor or None}`: matching events newest first (by date, then
    id; undated events last), each in the `sitrep extract` schema."""
    f = filters.checked()
    rows = _page(db, f, check_limit(limit), decode_cursor(cursor))
    events = [json.loads(row[0]) for row in rows[:limit]]
    more = len(rows) > limit
    return {"events": events,
            "next": encode_cursor(events[-1].get("date"), events[-1]["id"]) if more else None}


# How many events a page walks in order (at first a few times the page, then as many as the
# share that matched says it needs) before it asks SQLite for the rest of the matching set,
# sorted.
FIRST_WALK = 4
MAX_WALK = 5000


def _page(db: Database, f: EventFilter, limit: int,
          after: list[str | None] | None) -> list[sqlite3.Row]:
    """Up to limit + 1 rows (data, date, id) after the cursor: dated events newest first, then
    undated ones (a NULL never compares, so they are asked apart)."""
    rows: list[sqlite3.Row] = []
    if after is None or after[0] is not None:
        rows = _part(db, f, limit + 1, after, dated=True)
    if len(rows) <= limit and not f.until:
        undated_after = after if after is not None and after[0] is None else None
        rows += _part(db, f, limit + 1 - len(rows), undated_after, dated=False)
    return rows


def _walk(f: EventFilter, dated: bool, after: list[str | None] | None,
          budget: int) -> tuple[str, list[Any]]:
    """The first `budget` candidate events after the cursor in page order, as (id, date), from
    an index that lists them in that order: the pair's rows of `dyads` (an actor and a
    recipient, or a timeline's two sides), the actor's (or recipient's, or either side's) rows
    of `event_actors`, else the events of the type, else all events."""
    order = "date DESC, id DESC" if dated else "id DESC"
    when = "date IS NOT NULL" if dated else "date IS NULL"

    def keyset(id_column: str) -> tuple[str, list[Any]]:
        if after is None:
            return "", []
        if dated:
            return f"AND (date, {id_column}) < (?, ?)", [after[0], after[1]]
        return f"AND {id_column} < ?", [after[1]]

    pairs = ([(f.actor, f.recipient)] if f.actor and f.recipient else
             [(f.involving, f.partner), (f.partner, f.involving)] if f.involving and f.partner
             else [])
    if pairs:
        cut, cut_params = keyset("event_id")
        arms = [f"""SELECT * FROM (SELECT event_id AS id, date FROM dyads
                    WHERE source = ? AND target = ? AND {when} {cut}
                    ORDER BY {order.replace("id", "event_id")} LIMIT {budget})"""
                for _ in pairs]
        return (" UNION ".join(arms) + f" ORDER BY {order} LIMIT {budget}",
                [value for pair in pairs for value in (*pair, *cut_params)])
    code = f.actor or f.recipient or f.involving
    if code:
        roles = (["actor"] if f.actor else ["recipient"] if f.recipient
                 else ["actor", "recipient"])
        cut, cut_params = keyset("event_id")
        arms = [f"""SELECT * FROM (SELECT DISTINCT event_id AS id, date FROM event_actors
                    WHERE code = ? AND role = '{role}' AND {when} {cut}
                    ORDER BY {order.replace("id", "event_id")} LIMIT {budget})"""
                for role in roles]
        # each side's list is in order; their union's first `budget` are among theirs
        return (" UNION ".join(arms) + f" ORDER BY {order} LIMIT {budget}",
                [value for _ in roles for value in (code, *cut_params)])
    cut, cut_params = keyset("id")
    kind, kind_params = ("event = ? AND ", [f.type]) if f.type else ("", [])
    return (f"SELECT id, date FROM events WHERE {kind}{when} {cut} ORDER BY {order} "
            f"LIMIT {budget}", [*kind_params, *cut_params])


def _part(db: Database, f: EventFilter, wanted: int, after: list[str | None] | None,
          dated: bool) -> list[sqlite3.Row]:
    """The first `wanted` matching rows of one half (dated or undated) after the cursor.

    Walk an index in page order, test the walked events, stop when enough match: the cost
    follows the page, not the store. After MAX_WALK events with too few matches, the rest
    comes from the whole matching set, sorted (small by then, or costly whatever is done)."""
    where, params = _where(f, probe=True)
    found: list[sqlite3.Row] = []
    position, budget, walked = after, wanted * FIRST_WALK, 0
    if f.q:
        # each round lists the query's matches again: size the first round by their share
        matches = db.conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH ?",
                                  [fts_query(f.q)]).fetchone()[0]
        if matches <= MAX_WALK:
            walked = MAX_WALK  # few matches: sorting them all beats walking to them
        else:
            events = db.conn.execute("SELECT max(rowid) FROM events").fetchone()[0] or 1
            budget = min(max(budget, int(wanted * events / matches * 1.5)), MAX_WALK)
    while walked < MAX_WALK:
        walk, walk_params = _walk(f, dated, position, budget)
        keys = db.conn.execute(walk, walk_params).fetchall()
        if keys:
            rank = {key["id"]: index for index, key in enumerate(keys)}
            # CROSS JOIN keeps the walked list outermost: each event is looked up by id and
            # tested, never found again through another index
            rows = db.conn.execute(
                f"""SELECT e.data, e.date, e.id FROM json_each(?) AS walked
                    CROSS JOIN events e ON e.id = walked.value
                    WHERE {' AND '.join(where) or '1'}""",
                [json.dumps(list(rank)), *params]).fetchall()
            rows.sort(key=lambda row: rank[row["id"]])
            found += rows[: wanted - len(found)]
        if len(found) >= wanted or len(keys) < budget:
            return found  # enough, or every candidate has been tested
        walked += len(keys)
        position = [keys[-1]["date"], keys[-1]["id"]]
        # walk next as far as the share that matched so far says the page needs (x1.5)
        share = max(len(found), 1) / walked
        budget = min(max(int((wanted - len(found)) / share * 1.5), budget), MAX_WALK)
    where, params = _where(f)
    where.append("e.date IS NOT NULL" if dated else "e.date IS NULL")
    if position:
        where.append("(e.date, e.id) < (?, ?)" if dated else "e.id < ?")
        params += [position[0], position[1]] if dated else [position[1]]
    return found + db.conn.execute(
        f"SELECT e.data, e.date, e.id FROM events e WHERE {' AND '.join(where)} "
        f"ORDER BY {'e.date DESC, ' if dated else ''}e.id DESC LIMIT {wanted - len(found)}",
        params).fetchall()


_COUNTED_FACETS = {
    "type": "SELECT event, sum(events) AS n FROM event_counts GROUP BY event",
    "modality": "SELECT modality, sum(events) AS n FROM event_counts GROUP BY modality",
    "actor": "SELECT code, sum(actor_events) AS n FROM actor_months GROUP BY code",
    "recipient": "SELECT code, sum(recipient_events) AS n FROM actor_months GROUP BY code",
}


def event_facets(db: Database, filters: EventFilter, top: int = 10,
                 time_limit_ms: int = 300) -> dict[str, Any]:
    """How many matching events each type, modality, actor and recipient has (the most common
    `top` actors and recipients; `"distinct"` says how many values each facet has). With no
    filter they come from the store's count tables; otherwise a store too large to count
    within `time_limit_ms` leaves the facets it could not finish out and names them in
    `"timed_out"` (datasette's facets do the same)."""
    f = filters.checked()
    counted = f == EventFilter()
    if counted:  # a few thousand count rows: no time limit needed
        queries = {name: f"SELECT * FROM ({sql}) WHERE n > 0 ORDER BY n DESC, 1"
                   for name, sql in _COUNTED_FACETS.items()}
        params: list[Any] = []
    else:
        where, params = _where(f)
        matching = " AND ".join(where) or "1"
        queries = {
            "type": f"SELECT e.event AS value, count(*) AS n FROM events e WHERE {matching} "
                    "GROUP BY e.event ORDER BY n DESC, value",
            "modality": f"SELECT e.modality AS value, count(*) AS n FROM events e "
                        f"WHERE {matching} GROUP BY e.modality ORDER BY n DESC, value",
            **{role: f"""SELECT a.code AS value, count(DISTINCT a.event_id) AS n
                         FROM event_actors a JOIN events e ON e.id = a.event_id
                         WHERE a.role = '{role}' AND a.code IS NOT NULL AND {matching}
                         GROUP BY a.code ORDER BY n DESC, value"""
               for role in ("actor", "recipient")},
        }
    facets: dict[str, Any] = {"timed_out": [], "distinct": {}}
    deadline = time.perf_counter() + time_limit_ms / 1000
    if not counted:
        db.conn.set_progress_handler(lambda: time.perf_counter() > deadline, 1_000)
    try:
        for name, sql in queries.items():
            try:
                rows = [{"value": row[0], "count": row[1]}
                        for row in db.conn.execute(sql, params)]
            except sqlite3.OperationalError as error:
                if "interrupted" not in str(error):
                    raise
                facets["timed_out"].append(name)
                continue
            facets["distinct"][name] = len(rows)
            facets[name] = rows[:top] if name in ("actor", "recipient") else rows
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
