"""Evidence: a stored fact and the exact words behind it, read back from the original text.

    event_evidence   an event with its evidence span: document, offsets, the quote, outlet, URL
    event_view       that, with the article's text, why each actor resolved as it did, and the
                     other reports of the same happening (its cluster)
    document_view    a document: metadata, cited sources, repairs, original text, its events
    cluster_view     one happening across articles: members with their quotes, outlets and
                     the details the reports disagree on
    brief_view       a brief with each footnote tied to the event whose evidence it quotes
    resolve_text     a mention to an actor as of a date, with the entry that decided it

Every quote is the document's ORIGINAL text between the stored offsets (never the repaired text),
so a reader can check any coded fact against what the reporter wrote.
"""

from __future__ import annotations

import json
from collections import OrderedDict, defaultdict
from dataclasses import asdict
from datetime import date
from typing import Any

from sitrep.actors.knowledge import KBEntry, KnowledgeBase, knowledge_base
from sitrep.actors.resolve import choose, resolve
from sitrep.analysis.brief import write_brief
from sitrep.errors import SitrepError
from sitrep.store.database import Database

ROLES = ("actor", "recipient", "intermediary")


def _document_row(db: Database, doc_hash: str) -> dict[str, Any]:
    row = db.conn.execute(
        """SELECT id, title, url, outlet, published, published_not_before, text
           FROM documents WHERE content_hash = ?""", (doc_hash,)).fetchone()
    return dict(row)


def event_evidence(db: Database, event_id: str) -> dict[str, Any] | None:
    """The event (the `sitrep extract` schema) plus `"evidence"`: `document_id`, `start`, `end`,
    `quote` (the original text from start to end), `url`, `outlet`, `published`; None when no
    event has that id."""
    row = db.conn.execute("SELECT data, doc_hash FROM events WHERE id = ?",
                          (event_id,)).fetchone()
    if row is None:
        return None
    event = json.loads(row["data"])
    doc = _document_row(db, row["doc_hash"])
    info = event.get("text_info") or {}
    start, end = info.get("start"), info.get("end")
    event["evidence"] = {
        "document_id": doc["id"], "start": start, "end": end,
        "quote": doc["text"][start:end] if start is not None and end is not None else None,
        "url": doc["url"], "outlet": doc["outlet"], "published": doc["published"],
        "published_not_before": doc["published_not_before"], "title": doc["title"],
    }
    return event


def event_view(db: Database, event_id: str) -> dict[str, Any] | None:
    """What the evidence page shows: `event_evidence`, the article's original text cut around
    the evidence span (`before`, `quote`, `after`; the trigger's place inside the quote), why
    each actor resolved, and the other reports in the event's cluster."""
    event = event_evidence(db, event_id)
    if event is None:
        return None
    evidence = event["evidence"]
    text = db.conn.execute("SELECT text FROM documents WHERE id = ?",
                           (evidence["document_id"],)).fetchone()[0]
    start, end = evidence["start"] or 0, evidence["end"] or 0
    quote = text[start:end]
    trigger = quote.find(event.get("event_text") or "\0") if event.get("event_text") else -1
    kb = knowledge_base(db.imported_entries())
    return {
        "event": event,
        "text": {"before": text[:start], "quote": quote, "after": text[end:],
                 "trigger": [trigger, trigger + len(event["event_text"])] if trigger >= 0
                 else None},
        "resolutions": {role: [explain_actor(actor, event.get("date"), kb)
                               for actor in event.get(role) or []] for role in ROLES},
        "cluster": _cluster_of(db, event_id),
    }


def _cluster_of(db: Database, event_id: str) -> dict[str, Any] | None:
    row = db.conn.execute(
        """SELECT c.data FROM cluster_members m JOIN clusters c ON c.id = m.cluster_id
           WHERE m.event_id = ?""", (event_id,)).fetchone()
    if row is None:
        return None
    cluster = json.loads(row[0])
    cluster["members"] = [m for m in _members(db, cluster["events"]) if m["id"] != event_id]
    return cluster


def _members(db: Database, event_ids: list[str]) -> list[dict[str, Any]]:
    marks = ",".join("?" * len(event_ids))
    rows = db.conn.execute(
        f"""SELECT e.id, e.event, e.modality, e.date, e.enddate, e.evidence_start,
                   e.evidence_end, d.id AS doc_id, d.title, d.outlet, d.url,
                   coalesce(d.published, d.published_not_before) AS published,
                   substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start)
                       AS quote
            FROM events e JOIN documents d ON d.content_hash = e.doc_hash
            WHERE e.id IN ({marks}) ORDER BY published, e.id""", event_ids)
    return [dict(row) for row in rows]


# Knowledge-base entries by id, for the few bases a server sees (keyed by the base's content).
_BY_ID: OrderedDict[str, dict[str, list[KBEntry]]] = OrderedDict()


def _entries_by_id(kb: KnowledgeBase) -> dict[str, list[KBEntry]]:
    if kb.key in _BY_ID:
        _BY_ID.move_to_end(kb.key)
        return _BY_ID[kb.key]
    found: dict[str, list[KBEntry]] = defaultdict(list)
    for entries in kb.names.values():
        for entry in entries:
            if entry not in found[entry.kb_id]:
                found[entry.kb_id].append(entry)
    _BY_ID[kb.key] = dict(found)
    while len(_BY_ID) > 4:
        _BY_ID.popitem(last=False)
    return _BY_ID[kb.key]


def explain_actor(actor: dict[str, Any], when: str | None, kb: KnowledgeBase) -> dict[str, Any]:
    """Why a mention resolved as it did: the knowledge-base entry it matched (the dated role
    in force on the event's date, with the data file it comes from), or how it was inferred."""
    entries = _entries_by_id(kb).get(actor.get("kb_id") or "", [])
    on = date.fromisoformat(when) if when else None
    chosen = choose(entries, on) if entries else None
    text = actor.get("entity_text") or ""
    code = actor.get("code")
    entry = chosen[0] if chosen else None
    if entry is not None:
        held = ""
        if entry.start or entry.end:
            held = (f", {entry.start.isoformat() if entry.start else '…'} to "
                    f"{entry.end.isoformat() if entry.end else 'now'}")
        role = f" ({entry.role}{held})" if entry.role else held
        why = (f"“{text}” is {entry.name}{role} in the knowledge base ({entry.kind}, "
               f"from {entry.source or 'an imported dictionary'})")
        if on and (entry.start or entry.end):
            why += f"; the role in force on {on.isoformat()}"
    elif code and (actor.get("confidence") or 0) <= 0.5:
        why = (f"“{text}” is implied by the sentence rather than named (the recipient rules of "
               f"docs/event-schema.md), taken as {code}")
    elif code:
        why = f"“{text}” names {code} by a country name, demonym, title or sector word"
    elif actor.get("sector"):
        why = f"“{text}” is a {actor['sector']} sector word with no country the text gives"
    else:
        why = f"“{text}” matches nothing in the knowledge base, so it has no code"
    return {**actor, "entry": _entry_dict(entry) if entry else None, "why": why}


def _entry_dict(entry: KBEntry) -> dict[str, Any]:
    found = asdict(entry)
    found["start"] = entry.start.isoformat() if entry.start else None
    found["end"] = entry.end.isoformat() if entry.end else None
    return found


def resolve_text(db: Database | None, text: str, when: str | None = None) -> dict[str, Any]:
    """A mention ("Caracas", "former President Hugo Chávez") to country and sector as of a date
    (default today), with the store's imported dictionaries, and why it resolved so."""
    if not text or not text.strip():
        raise SitrepError("text: nothing to resolve; give a name such as 'Caracas'")
    try:
        on = date.fromisoformat(when) if when else date.today()
    except ValueError:
        raise SitrepError(f"date: {when!r} is not a date; write it as YYYY-MM-DD") from None
    kb = knowledge_base(db.imported_entries() if db else [])
    title, name = split_title(text.strip(), kb)
    actor = asdict(resolve(name, on, kb=kb, title=title))
    return {**explain_actor(actor, on.isoformat(), kb), "date": on.isoformat()}


def split_title(text: str, kb: KnowledgeBase) -> tuple[str, str]:
    """"former President Hugo Chávez" -> ("former President", "Hugo Chávez") when the knowledge
    base knows the name at the end; otherwise the whole text is the name."""
    words = text.split()
    for i in range(len(words)):
        if kb.lookup(" ".join(words[i:])):
            return " ".join(words[:i]), " ".join(words[i:])
    return "", text


def document_view(db: Database, doc_id: str) -> dict[str, Any] | None:
    """A stored document: metadata, cited sources, repairs, the original `text`, and its events
    (id, type, modality, evidence offsets) in text order; None when there is no such document."""
    doc = db.document(doc_id)
    if doc is None:
        return None
    for key in ("offsets", "repaired_text"):
        doc.pop(key, None)
    doc["events"] = [dict(row) for row in db.conn.execute(
        """SELECT id, event, modality, date, enddate, main, evidence_start AS start,
                  evidence_end AS "end", json_extract(data, '$.event_text') AS event_text
           FROM events WHERE doc_hash = ? ORDER BY evidence_start, depth, id""",
        (doc["content_hash"],))]
    return doc


def cluster_view(db: Database, cluster_id: str) -> dict[str, Any] | None:
    """A cluster's summary (sources, outlets, first and latest report, disagreements) with its
    `members`: each event's document, outlet, date and quoted evidence; None when unknown."""
    row = db.conn.execute("SELECT data FROM clusters WHERE id = ?", (cluster_id,)).fetchone()
    if row is None:
        return None
    cluster = json.loads(row[0])
    cluster["members"] = _members(db, cluster["events"])
    return cluster


def brief_view(db: Database, focus: str, partner: str | None = None,
               since: str | None = None) -> dict[str, Any]:
    """`{"title", "markdown", "citations"}`: the brief `write_brief` writes, each citation with
    the id of the event whose evidence it quotes (`event_id`), so a footnote can open it."""
    brief = write_brief(db, focus, partner, since)
    citations = []
    for citation in brief.citations:
        found = asdict(citation)
        found["event_id"] = cited_event(db, citation.doc_id, citation.start, citation.end)
        citations.append(found)
    return {"title": brief.title, "markdown": brief.markdown(), "citations": citations}


def cited_event(db: Database, doc_id: str, start: int, end: int) -> str | None:
    """The event a citation quotes: the main event of the sentence at those offsets."""
    row = db.conn.execute(
        """SELECT e.id FROM events e JOIN documents d ON d.content_hash = e.doc_hash
           WHERE d.id = ? AND e.evidence_start = ? AND e.evidence_end = ?
           ORDER BY e.main DESC, e.depth, e.confidence DESC, e.id LIMIT 1""",
        (doc_id, start, end)).fetchone()
    return row[0] if row else None
