"""Analysis: questions over stored events, answered in SQL on the store's indexes.

    find_events   events filtered by actor, recipient, type and dates
    timeline      one actor's (or one pair's) events or clusters in date order
    dyad_series   monthly counts by PLOVER quad class and mean score, per direction
    network       weighted, typed actor -> recipient edges (JSON or GraphML)
    top_actors    the most active actors, and top_pairs the most active pairs (of
                  actor_ranking and pair_ranking: all of them, ranked)
    actor_profile an actor's monthly events by quad class and role, and its top partners
    dyad_view     a pair's monthly series, with names and cooperation/conflict totals
    network_view  the network's busiest actors and the edges between them, with names

The network, the actor rankings and an actor's profile read the store's count tables
(store/migrations.py, migration 10), kept exact by triggers, instead of aggregating every event
per request. A `since`/`until` filter takes whole months from them (`period`: the month of an
event's end; `month`: of its start) and counts the events of the one boundary month on each
side from their rows, with the same conditions as before, so the answers are those of the
aggregates over the events.
"""

from __future__ import annotations

import json
from typing import Any

from sitrep.actors.knowledge import shipped_kb
from sitrep.analysis.search import timeline_page
from sitrep.resources import plover_schema
from sitrep.store.database import Database

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}


def _date_filters(since: str | None, until: str | None, column: str = "e") -> tuple[str, list]:
    where, params = [], []
    if since:
        where.append(f"coalesce({column}.enddate, {column}.date) >= ?")
        params.append(since)
    if until:
        where.append(f"{column}.date <= ?")
        params.append(until)
    return " AND ".join(where), params


def _month_after(month: str) -> str:
    """The smallest string after every string that starts with `month` (binary collation)."""
    return month[:-1] + chr(ord(month[-1]) + 1)


def _split(since: str | None, until: str | None) -> tuple[str | None, list[Any], str | None,
                                                         list[Any]]:
    """How a date filter splits between the count tables and the events' rows:
    (the count rows wholly inside it as a condition, its parameters; a SELECT of the ids of the
    events to count from their rows, its parameters). No filter: no rows. A date shorter than a
    month ("2025"): every event from its rows, as the counts cannot tell.

    The callers join those events first (CROSS JOIN, and event_actors INDEXED BY its event_id
    index), each to its rows by id: never the other way round, through every row of an actor's
    code."""
    if (since and len(since) < 7) or (until and len(until) < 7):
        return None, [], "SELECT id FROM events", []
    counted, params = ["1"], []
    picked, picked_params = [], []
    if since:
        # an event whose end's month is after since's ends after since; one in since's month
        # is decided by its row
        counted.append("period > ?")
        params.append(since[:7])
        picked.append("SELECT id FROM events WHERE coalesce(enddate, date) >= ? "
                      "AND coalesce(enddate, date) < ?")
        picked_params += [since[:7], _month_after(since[:7])]
    if until:
        counted.append("dated = 1 AND month < ?")
        params.append(until[:7])
        picked.append("SELECT id FROM events WHERE date >= ? AND date < ?")
        picked_params += [until[:7], _month_after(until[:7])]
    return " AND ".join(counted), params, " UNION ".join(picked) or None, picked_params


def find_events(db: Database, actor: str | None = None, recipient: str | None = None,
                event_type: str | None = None, since: str | None = None,
                until: str | None = None, limit: int | None = 200,
                main_only: bool = False) -> list[dict[str, Any]]:
    """Stored events filtered by actor/recipient country, type and date (enddate >= since);
    `main_only` keeps each evidence sentence's main event (coding/document.py `main_event`)."""
    where, params = [], []
    if actor:
        where.append("e.id IN (SELECT event_id FROM event_actors WHERE code = ? AND role = 'actor')")
        params.append(actor)
    if recipient:
        where.append(
            "e.id IN (SELECT event_id FROM event_actors WHERE code = ? AND role = 'recipient')")
        params.append(recipient)
    if event_type:
        where.append("e.event = ?")
        params.append(event_type.upper())
    dates, date_params = _date_filters(since, until)
    if dates:
        where.append(dates)
        params += date_params
    if main_only:
        where.append("e.main = 1")
    sql = "SELECT e.data FROM events e"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.date, e.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [json.loads(row[0]) for row in db.conn.execute(sql, params)]


def timeline(db: Database, actor: str, other: str | None = None, since: str | None = None,
             until: str | None = None, limit: int = 500) -> list[dict[str, Any]]:
    """Events involving `actor` (as actor or recipient), or only those between it and `other`:
    the latest `limit` of them in date order, with type, role, modality and the event id."""
    columns = """e.id, e.date, e.enddate, e.event, e.mode, e.modality, e.quad_code,
                 e.event_scale, e.doc_id"""
    if other is None and since is None and until is None:
        # Walk the (code, role, date) index from the newest end for each role: the cost grows
        # with `limit`, not with how many events the actor has.
        picked = " UNION ALL ".join(
            f"""SELECT * FROM (SELECT event_id, role, date FROM event_actors
                WHERE code = ? AND role = '{role}' ORDER BY date DESC LIMIT {int(limit)})"""
            for role in ("actor", "recipient"))
        sql = f"""SELECT {columns}, p.role FROM ({picked}) p JOIN events e ON e.id = p.event_id
                  GROUP BY e.id ORDER BY e.date DESC, e.id DESC LIMIT {int(limit)}"""
        rows = [dict(row) for row in db.conn.execute(sql, [actor, actor])]
        return sorted(rows, key=lambda r: (r["date"] or "", r["id"]))
    if other:
        sql = f"""SELECT {columns}, CASE WHEN d.source = ? THEN 'actor' ELSE 'recipient' END
                         AS role
                  FROM (SELECT event_id, source FROM dyads WHERE source = ? AND target = ?
                        UNION SELECT event_id, source FROM dyads WHERE source = ? AND target = ?) d
                  JOIN events e ON e.id = d.event_id WHERE 1"""
        params: list[Any] = [actor, actor, other, other, actor]
    else:
        params = [actor]
        sql = f"""SELECT {columns}, a.role
                 FROM event_actors a JOIN events e ON e.id = a.event_id
                 WHERE a.code = ? AND a.role IN ('actor', 'recipient')"""
    dates, date_params = _date_filters(since, until)
    if dates:
        sql += " AND " + dates
        params += date_params
    sql = (f"SELECT * FROM ({sql} GROUP BY e.id ORDER BY e.date DESC, e.id DESC "
           f"LIMIT {int(limit)}) ORDER BY date, id")
    return [dict(row) for row in db.conn.execute(sql, params)]


def dyad_series(db: Database, a: str, b: str, since: str | None = None,
                until: str | None = None) -> list[dict[str, Any]]:
    """Per month and direction (A->B, B->A): event counts by quad class and mean PLOVER score."""
    rows = []
    for source, target in ((a, b), (b, a)):
        params: list[Any] = [source, target]
        sql = """SELECT substr(date, 1, 7) AS month, quad_code AS quad, count(*) AS events,
                        avg(event_scale) AS mean_score
                 FROM dyads WHERE source = ? AND target = ? AND date IS NOT NULL"""
        if since:
            # a lookup per pair row, not the set of every event since then
            sql += """ AND EXISTS (SELECT 1 FROM events e WHERE e.id = dyads.event_id
                                   AND coalesce(e.enddate, e.date) >= ?)"""
            params.append(since)
        if until:
            sql += " AND date <= ?"
            params.append(until)
        sql += " GROUP BY month, quad ORDER BY month, quad"
        by_month: dict[str, dict[str, Any]] = {}
        for row in db.conn.execute(sql, params):
            entry = by_month.get(row["month"])
            if entry is None:
                entry = by_month[row["month"]] = {
                    "month": row["month"], "direction": f"{source}->{target}", "events": 0,
                    "score_sum": 0.0, **dict.fromkeys(QUAD_NAMES.values(), 0)}
            entry[QUAD_NAMES.get(row["quad"], "unknown")] = row["events"]
            entry["events"] += row["events"]
            entry["score_sum"] += (row["mean_score"] or 0.0) * row["events"]
        for entry in by_month.values():
            entry["mean_score"] = round(entry.pop("score_sum") / entry["events"], 3)
            rows.append(entry)
    return sorted(rows, key=lambda r: (r["month"], r["direction"]))


def network(db: Database, since: str | None = None, until: str | None = None,
            min_weight: int = 1) -> dict[str, Any]:
    """Nodes (actor codes with event counts) and weighted edges typed by PLOVER event type."""
    sums: dict[tuple[str, str, str], list[Any]] = {}

    def add(rows: Any) -> None:
        for source, target, kind, events, scored, score_sum in rows:
            entry = sums.setdefault((source, target, kind), [0, 0, 0.0])
            entry[0] += events
            entry[1] += scored
            entry[2] += score_sum

    counted, params, picked, picked_params = _split(since, until)
    if not since and not until:  # one row an edge already: no sums to merge
        rows = db.conn.execute(
            """SELECT source, target, type, events, scored, score_sum FROM pair_types
               WHERE events >= ?""", [max(min_weight, 1)]).fetchall()
        rows.sort(key=lambda row: (-row[3], row[0], row[1], row[2]))  # faster than SQL's sort
        return _graph([{"source": source, "target": target, "type": kind, "weight": weight,
                        "mean_score": round(score_sum / scored if scored else 0.0, 3)}
                       for source, target, kind, weight, scored, score_sum in rows])
    if counted is not None:
        add(db.conn.execute(f"""SELECT source, target, type, sum(events), sum(scored),
                                       sum(score_sum)
                                FROM pair_type_months WHERE {counted}
                                GROUP BY source, target, type""", params))
    if picked is not None:
        dates, date_params = _date_filters(since, until)
        add(db.conn.execute(
            f"""SELECT d.source, d.target, e.event, count(*), count(d.event_scale),
                       total(d.event_scale)
                FROM ({picked}) b CROSS JOIN events e ON e.id = b.id
                CROSS JOIN dyads d ON d.event_id = e.id
                WHERE d.source != d.target AND {dates}
                GROUP BY d.source, d.target, e.event""", [*picked_params, *date_params]))
    edges = [{"source": source, "target": target, "type": kind, "weight": weight,
              "mean_score": round(score_sum / scored if scored else 0.0, 3)}
             for (source, target, kind), (weight, scored, score_sum) in sums.items()
             if weight >= max(min_weight, 1)]
    edges.sort(key=lambda e: (-e["weight"], e["source"], e["target"], e["type"]))
    return _graph(edges)


def _graph(edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Edges (weight first) with their nodes, each weighing what its edges do."""
    nodes: dict[str, int] = {}
    for edge in edges:
        for code in (edge["source"], edge["target"]):
            nodes[code] = nodes.get(code, 0) + edge["weight"]
    return {"nodes": [{"id": code, "weight": weight} for code, weight in sorted(nodes.items())],
            "edges": edges}


def network_graphml(graph: dict[str, Any]) -> str:
    """The network as GraphML (a MultiDiGraph: one edge per event type) via networkx."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for node in graph["nodes"]:
        g.add_node(node["id"], weight=node["weight"])
    for edge in graph["edges"]:
        g.add_edge(edge["source"], edge["target"], key=edge["type"], type=edge["type"],
                   weight=edge["weight"], mean_score=edge["mean_score"])
    return "\n".join(nx.generate_graphml(g))


def actor_ranking(db: Database, since: str | None = None,
                  until: str | None = None) -> list[dict[str, Any]]:
    """Every actor with its events (as actor or recipient; `as_actor` and `as_recipient` count
    its places on either side), the most active first."""
    totals: dict[str, dict[str, Any]] = {}

    def add(rows: Any) -> None:
        for code, events, as_actor, as_recipient in rows:
            entry = totals.setdefault(code, {"code": code, "events": 0, "as_actor": 0,
                                             "as_recipient": 0})
            entry["events"] += events
            entry["as_actor"] += as_actor
            entry["as_recipient"] += as_recipient

    counted, params, picked, picked_params = _split(since, until)
    if counted is not None:
        add(db.conn.execute(f"""SELECT code, sum(events), sum(as_actor), sum(as_recipient)
                                FROM actor_months WHERE {counted} GROUP BY code""", params))
    if picked is not None:
        dates, date_params = _date_filters(since, until)
        add(db.conn.execute(
            f"""SELECT a.code, count(DISTINCT a.event_id), sum(a.role = 'actor'),
                       sum(a.role = 'recipient')
                FROM ({picked}) b CROSS JOIN events e ON e.id = b.id
                CROSS JOIN event_actors a INDEXED BY event_actors_event ON a.event_id = e.id
                WHERE a.code IS NOT NULL AND a.role IN ('actor', 'recipient') AND {dates}
                GROUP BY a.code""", [*picked_params, *date_params]))
    return sorted((entry for entry in totals.values() if entry["events"] > 0),
                  key=lambda entry: (-entry["events"], entry["code"]))


def top_actors(db: Database, limit: int = 10, since: str | None = None,
               until: str | None = None) -> list[dict[str, Any]]:
    return actor_ranking(db, since, until)[:limit]


def pair_ranking(db: Database, since: str | None = None,
                 until: str | None = None) -> list[dict[str, Any]]:
    """Every actor -> recipient pair with its events, the most active first."""
    graph = network(db, since, until)
    pairs: dict[tuple[str, str], int] = {}
    for edge in graph["edges"]:
        key = (edge["source"], edge["target"])
        pairs[key] = pairs.get(key, 0) + edge["weight"]
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    return [{"actor": a, "recipient": b, "events": n} for (a, b), n in ranked]


def top_pairs(db: Database, limit: int = 10, since: str | None = None,
              until: str | None = None) -> list[dict[str, Any]]:
    return pair_ranking(db, since, until)[:limit]


def _names(codes: Any) -> dict[str, str]:
    names = shipped_kb().country_names
    return {code: names.get(code, code) for code in codes}


def actor_profile(db: Database, code: str, since: str | None = None, until: str | None = None,
                  partners: int = 10, latest_events: int = 20) -> dict[str, Any]:
    """One actor's months (its events by quad class, and how many as actor and as recipient),
    its most frequent partners either way, and its latest events, with country names."""
    counted, params, picked, picked_params = _split(since, until)
    dates, date_params = _date_filters(since, until)
    cells: dict[tuple[str, Any], list[int]] = {}

    def add_cells(rows: Any) -> None:
        for month, quad, events, as_actor, as_recipient in rows:
            entry = cells.setdefault((month, quad), [0, 0, 0])
            entry[0] += events
            entry[1] += as_actor
            entry[2] += as_recipient

    if counted is not None:
        add_cells(db.conn.execute(
            f"""SELECT month, nullif(quad, -1), sum(events), sum(as_actor), sum(as_recipient)
                FROM actor_months WHERE code = ? AND dated = 1 AND {counted}
                GROUP BY month, quad""", [code, *params]))
    if picked is not None:
        add_cells(db.conn.execute(
            f"""SELECT substr(a.date, 1, 7), e.quad_code, count(DISTINCT a.event_id),
                       sum(a.role = 'actor'), sum(a.role = 'recipient')
                FROM ({picked}) b CROSS JOIN events e ON e.id = b.id
                CROSS JOIN event_actors a INDEXED BY event_actors_event ON a.event_id = e.id
                WHERE a.code = ? AND a.role IN ('actor', 'recipient') AND a.date IS NOT NULL
                      AND {dates}
                GROUP BY 1, 2""", [*picked_params, code, *date_params]))
    months: dict[str, dict[str, Any]] = {}
    for (month, quad), (events, as_actor, as_recipient) in sorted(
            cells.items(), key=lambda item: (item[0][0], item[0][1] is not None,
                                             item[0][1] or 0)):
        if not events:
            continue
        entry = months.setdefault(month, {
            "month": month, "events": 0, "as actor": 0, "as recipient": 0,
            **{name: 0 for name in QUAD_NAMES.values()}})
        entry[QUAD_NAMES.get(quad, "unknown")] = events
        entry["events"] += events
        entry["as actor"] += as_actor
        entry["as recipient"] += as_recipient
    ranked: dict[str, dict[str, Any]] = {}

    def add_partners(rows: Any, side: str) -> None:
        for partner, events in rows:
            entry = ranked.setdefault(partner, {"code": partner, "events": 0, "as_actor": 0,
                                                "as_recipient": 0})
            entry["events"] += events
            entry[side] += events

    for side, mine, theirs in (("as_actor", "actor", "recipient"),
                               ("as_recipient", "recipient", "actor")):
        if counted is not None:
            add_partners(db.conn.execute(
                f"""SELECT {theirs}, sum(events) FROM actor_pairs
                    WHERE {mine} = ? AND {counted} GROUP BY {theirs}""", [code, *params]), side)
        if picked is not None:
            add_partners(db.conn.execute(
                f"""SELECT o.code, count(DISTINCT o.event_id)
                    FROM ({picked}) b CROSS JOIN events e ON e.id = b.id
                    CROSS JOIN event_actors s INDEXED BY event_actors_event ON s.event_id = e.id
                    CROSS JOIN event_actors o INDEXED BY event_actors_event ON o.event_id = s.event_id
                         AND o.role = '{theirs}' AND o.code IS NOT NULL AND o.code != s.code
                    WHERE s.code = ? AND s.role = '{mine}' AND {dates}
                    GROUP BY o.code""", [*picked_params, code, *date_params]), side)
    ranked = {partner: entry for partner, entry in ranked.items() if entry["events"] > 0}
    top = sorted(ranked.values(), key=lambda p: (-p["events"], p["code"]))[:partners]
    names = _names([code, *(p["code"] for p in top)])
    for partner in top:
        partner["name"] = names[partner["code"]]
    latest = timeline_page(db, code, since=since, until=until, limit=latest_events)
    return {"code": code, "name": names[code], "since": since, "until": until,
            "months": list(months.values()), "partners": top, "all_partners": len(ranked),
            "latest": latest["events"],
            "more": latest["next"]}


def dyad_view(db: Database, a: str, b: str, since: str | None = None,
              until: str | None = None) -> dict[str, Any]:
    """`dyad_series` for A and B with their names and, per month, cooperation (quad classes 1
    and 2) and conflict (3 and 4) counts in each direction."""
    series = dyad_series(db, a, b, since, until)
    months: dict[str, dict[str, Any]] = {}
    coop, conflict = (QUAD_NAMES[1], QUAD_NAMES[2]), (QUAD_NAMES[3], QUAD_NAMES[4])
    for row in series:
        entry = months.get(row["month"])
        if entry is None:
            entry = months[row["month"]] = {"month": row["month"], **dict.fromkeys(
                (f"{d} {kind}" for d in ("a->b", "b->a") for kind in ("cooperation", "conflict")),
                0)}
        direction = "a->b" if row["direction"] == f"{a}->{b}" else "b->a"
        entry[f"{direction} cooperation"] += sum(row[q] for q in coop)
        entry[f"{direction} conflict"] += sum(row[q] for q in conflict)
    names = _names([a, b])
    return {"a": a, "b": b, "names": names, "since": since, "until": until, "series": series,
            "months": sorted(months.values(), key=lambda m: m["month"]),
            "events": sum(row["events"] for row in series)}


def network_view(db: Database, since: str | None = None, until: str | None = None,
                 min_weight: int = 1, nodes: int = 40) -> dict[str, Any]:
    """The `network`'s `nodes` busiest actors and the edges among them (event types of one
    pair summed, split into cooperation and conflict), with names."""
    graph = network(db, since, until, min_weight)
    keep = {n["id"] for n in sorted(graph["nodes"], key=lambda n: (-n["weight"], n["id"]))[:nodes]}
    quads = {name: info["quad"] for name, info in plover_schema()["event_types"].items()}
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for edge in graph["edges"]:
        if edge["source"] in keep and edge["target"] in keep:
            pair = pairs.setdefault((edge["source"], edge["target"]), {
                "source": edge["source"], "target": edge["target"], "weight": 0,
                "cooperation": 0, "conflict": 0, "types": {}})
            pair["weight"] += edge["weight"]
            kind = "cooperation" if quads.get(edge["type"], 3) <= 2 else "conflict"
            pair[kind] += edge["weight"]
            pair["types"][edge["type"]] = edge["weight"]
    names = _names(keep)
    return {"since": since, "until": until, "min_weight": min_weight,
            "nodes": [{**n, "name": names[n["id"]]} for n in graph["nodes"] if n["id"] in keep],
            "edges": sorted(pairs.values(), key=lambda p: (-p["weight"], p["source"],
                                                           p["target"])),
            "all_nodes": len(graph["nodes"])}
