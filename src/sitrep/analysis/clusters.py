"""Clusters: one happening reported by many articles.

Events from different documents are the same happening when they share the PLOVER type and the
same class of factuality (asserted and reported versions merge; a speculation, a plan, a denial
or history stays apart), their actor and recipient countries overlap (or one side names none),
their date ranges overlap and their places are compatible. Each cluster keeps how many documents
and outlets stand behind it, its first and latest report, and the details its reports disagree on
("14 missile units" vs "12") side by side.

Building is deterministic: events are visited in (date, id) order and a cluster's id is derived
from its earliest member, so running it again gives the same clusters with the same ids. Storing
or importing events marks the clusters stale in the same transaction; `ensure_clusters` rebuilds
them when stale (after an ingest, before a brief or an export), so a run killed before it
rebuilt them leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sitrep.analysis.sources import Report, origins
from sitrep.store.database import Database

FACT_CLASS = {"asserted": "fact", "reported": "fact"}


@dataclass
class _Member:
    id: str
    doc_hash: str
    event: str
    fact: str
    start: str
    end: str
    actors: set[str]
    recipients: set[str]
    place: str | None


@dataclass
class _Cluster:
    id: str
    key: tuple[str, str]
    members: list[_Member] = field(default_factory=list)

    def accepts(self, event: _Member) -> bool:
        first = self.members[0]
        if first.actors and event.actors and not first.actors & event.actors:
            return False
        if first.recipients and event.recipients and not first.recipients & event.recipients:
            return False
        if not (first.actors & event.actors or first.recipients & event.recipients):
            return False
        if first.place and event.place and first.place != event.place:
            return False
        return any(m.start <= event.end and event.start <= m.end for m in self.members)


def _members(db: Database) -> list[_Member]:
    codes: dict[str, dict[str, set[str]]] = defaultdict(lambda: {"actor": set(), "recipient": set()})
    for event_id, role, code in db.conn.execute(
            "SELECT event_id, role, code FROM event_actors WHERE code IS NOT NULL"):
        if role in ("actor", "recipient"):
            codes[event_id][role].add(code)
    members = []
    for row in db.conn.execute(
            """SELECT id, doc_hash, event, modality, date, enddate, country_code,
                      json_extract(data, '$.date_basis') AS date_basis FROM events
               ORDER BY coalesce(date, enddate, ''), id"""):
        found = codes[row["id"]]
        members.append(_Member(
            id=row["id"], doc_hash=row["doc_hash"], event=row["event"],
            fact="standing" if row["date_basis"] == "standing" else FACT_CLASS.get(
                row["modality"], row["modality"]),
            start=row["date"] or "0000-01-01", end=row["enddate"] or row["date"] or "9999-12-31",
            actors=found["actor"], recipients=found["recipient"], place=row["country_code"]))
    return members


def build_clusters(db: Database, if_stale: bool = False) -> int:
    """Recompute every cluster in one transaction, which takes the write lock before it reads the
    events (a slower build can never overwrite a newer one's clusters) and marks the clusters
    current when it commits; returns how many. With `if_stale`, a store whose clusters are
    current (checked again under the lock: another process may have just built them) is left
    as it is."""
    with db.transaction() as conn:
        if if_stale and not db.clusters_stale:
            return int(conn.execute("SELECT count(*) FROM clusters").fetchone()[0])
        clusters: list[_Cluster] = []
        by_key: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
        for member in _members(db):
            key = (member.event, member.fact)
            target = next((c for c in by_key[key] if c.accepts(member)), None)
            if target is None:
                target = _Cluster(id="c" + hashlib.sha1(member.id.encode()).hexdigest()[:15],
                                  key=key)
                clusters.append(target)
                by_key[key].append(target)
            target.members.append(member)
        conn.execute("DELETE FROM cluster_members")
        conn.execute("DELETE FROM clusters")
        for cluster in clusters:
            summary = summarise(db, cluster.id, [m.id for m in cluster.members])
            conn.execute(
                """INSERT INTO clusters (id, event, fact_class, first_date, last_date, sources,
                       data) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (cluster.id, cluster.key[0], cluster.key[1], summary["date"], summary["enddate"],
                 summary["sources"], json.dumps(summary, ensure_ascii=False)))
            conn.executemany(
                "INSERT INTO cluster_members (cluster_id, event_id) VALUES (?, ?)",
                [(cluster.id, m.id) for m in cluster.members])
        db.mark_clusters_stale(False)
    return len(clusters)


def ensure_clusters(db: Database) -> int:
    """Clusters up to date before a read that needs them (a brief, an export) or after an
    ingest: rebuilt when events changed since the last build (a run killed before it rebuilt
    them, an import); the number of clusters. A connection that may not write (`PRAGMA
    query_only`, as the server's readers) keeps the clusters there are: its writer rebuilds."""
    if not db.clusters_stale or db.conn.execute("PRAGMA query_only").fetchone()[0]:
        return int(db.conn.execute("SELECT count(*) FROM clusters").fetchone()[0])
    return build_clusters(db, if_stale=True)


def summarise(db: Database, cluster_id: str, event_ids: list[str]) -> dict[str, Any]:
    """Sources, the outlets that published them (never the outlets they cite), how many
    independent sources they rest on (`analysis/sources.py`), first and latest report, how
    likely an assessment is judged, and the details the reports disagree on."""
    marks = ",".join("?" * len(event_ids))
    rows = db.conn.execute(
        f"""SELECT e.data, d.id AS doc_id, d.outlet, d.url,
                   coalesce(d.published, d.published_not_before) AS reported
            FROM events e JOIN documents d ON d.content_hash = e.doc_hash
            WHERE e.id IN ({marks}) ORDER BY e.date, e.id""", event_ids).fetchall()
    events = [json.loads(row["data"]) for row in rows]
    outlets = sorted({row["outlet"] for row in rows if row["outlet"]})
    unnamed = len({row["doc_id"] for row in rows if not row["outlet"]})
    groups = origins(_reports(rows, events, _sole_sources(db, rows)))
    reported = sorted(r["reported"] for r in rows if r["reported"])
    starts = [e["date"] for e in events if e.get("date")]
    ends = [e["enddate"] for e in events if e.get("enddate")]
    return {
        "id": cluster_id,
        "event": events[0]["event"],
        "events": event_ids,
        "documents": sorted({row["doc_id"] for row in rows}),
        "sources": len({row["doc_id"] for row in rows}),
        "outlets": outlets,  # publishers
        "unnamed_outlets": unnamed,  # documents whose publisher is not known
        "independent_sources": len(groups),
        "origins": [group.as_dict() for group in groups],
        "first_report": reported[0] if reported else None,
        "latest_report": reported[-1] if reported else None,
        "date": max(starts) if starts else None,  # the narrowest range all reports allow
        "enddate": min(ends) if ends else None,
        "modalities": dict(sorted(_count(e["modality"] for e in events).items())),
        "likelihoods": dict(sorted(_count(e["likelihood"] for e in events
                                          if e.get("likelihood")).items())),
        "date_bases": dict(sorted(_count(e.get("date_basis") or "none" for e in events).items())),
        "actors": sorted({a["code"] for e in events for a in e["actor"] if a.get("code")}),
        "recipients": sorted({a["code"] for e in events for a in e["recipient"] if a.get("code")}),
        "disagreements": disagreements(events, [row["doc_id"] for row in rows]),
    }


def _sole_sources(db: Database, rows) -> dict[str, dict]:
    """For each document that attributes what it reports to one other outlet and names no
    source of its own (a rewrite of another outlet's story), that outlet's attribution."""
    docs = sorted({row["doc_id"] for row in rows})
    found: dict[str, dict] = {}
    named: dict[str, list[dict]] = defaultdict(list)
    for doc_id, data in db.conn.execute(
            f"""SELECT d.id, json_extract(e.data, '$.attribution') FROM events e
                JOIN documents d ON d.content_hash = e.doc_hash
                WHERE d.id IN ({",".join("?" * len(docs))})""", docs):
        if data:
            named[doc_id].append(json.loads(data))
    publishers = {row["doc_id"]: row["outlet"] for row in rows}
    for doc_id, attributions in named.items():
        outlets = {a.get("outlet") for a in attributions}
        if len(outlets) == 1 and None not in outlets and outlets != {publishers.get(doc_id)}:
            found[doc_id] = next(a for a in attributions if a.get("outlet"))
    return found


def _reports(rows, events: list[dict], sole: dict[str, dict]) -> list[Report]:
    """One report per document: its publisher, date and what its account is attributed to
    (an event naming another outlet or a URL before one naming a basis only); an account
    attributed to no one in a document that rests on one other outlet's story rests on it."""
    by_doc: dict[str, Report] = {}
    for row, event in zip(rows, events, strict=True):
        found = event.get("attribution") or None
        report = by_doc.setdefault(row["doc_id"], Report(
            doc_id=row["doc_id"], publisher=row["outlet"], published=row["reported"],
            attribution=None))
        if found and (report.attribution is None or (
                not (report.attribution.get("outlet") or report.attribution.get("url"))
                and (found.get("outlet") or found.get("url")))):
            report.attribution = found
    for report in by_doc.values():
        attribution = report.attribution or {}
        if not (attribution.get("outlet") or attribution.get("url")) and report.doc_id in sole:
            report.attribution = sole[report.doc_id]
    return list(by_doc.values())


def _count(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def disagreements(events: list[dict], doc_ids: list[str]) -> dict[str, Any]:
    """Details the reports give differently, each value with the documents that give it."""
    found: dict[str, Any] = {}
    quantities: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for event, doc_id in zip(events, doc_ids, strict=True):
        for item in event.get("items", []):
            if item.get("quantity") is not None and item.get("item"):
                value = f"{item['quantity']:g}"
                quantities[item["item"].lower()][value].add(doc_id)
    items = {name: {value: sorted(docs) for value, docs in values.items()}
             for name, values in quantities.items() if len(values) > 1}
    if items:
        found["items"] = items
    dates: dict[str, set[str]] = defaultdict(set)
    for event, doc_id in zip(events, doc_ids, strict=True):
        if event.get("date_text"):
            dates[f"{event.get('date')}..{event.get('enddate')}"].add(doc_id)
    if len(dates) > 1:
        found["dates"] = {span: sorted(docs) for span, docs in dates.items()}
    return found
