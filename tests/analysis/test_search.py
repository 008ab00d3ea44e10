"""Search: pages walked in order agree, row for row, with sorting the whole match."""

from __future__ import annotations

import random
import sqlite3

import pytest

from sitrep.analysis import search
from sitrep.analysis.search import (
    EventFilter,
    cluster_page,
    event_facets,
    fts_query,
    search_events,
    timeline_page,
)
from sitrep.errors import SitrepError
from sitrep.model import Actor, Document, Event, TextInfo

CODES = ["VEN", "RUS", "USA", "CUB", "COL", "BRA"]
WORDS = ["missiles", "wheat", "radar", "talks", "sanctions", "drills"]


def make_store(db, count=200, seed=11):
    """Events with skewed codes, repeated dates, undated ones and two actors of one country."""
    rng = random.Random(seed)
    events = []
    for _ in range(count):
        a, r = rng.choices(CODES, weights=[6, 5, 4, 2, 1, 1], k=2)
        day = None if rng.random() < 0.1 else f"2025-{rng.randint(1, 3):02d}-{rng.randint(1, 4):02d}"
        actors = [Actor(entity_text=a, code=a)] * (2 if rng.random() < 0.1 else 1)
        word = rng.choice(WORDS)
        events.append(Event(
            id=f"e{rng.getrandbits(40):010x}", doc_id="d", event=rng.choice(["REQUEST", "AID"]),
            actor=actors, recipient=[Actor(entity_text=r, code=r)] if r != a else [],
            date=day, enddate=day or "2025-03-31", modality=rng.choice(["asserted", "reported"]),
            text_info=TextInfo(sentence=f"{a} and {r} discussed {word}.", start=0, end=1),
            main=rng.random() < 0.7))
    doc = Document(id="d", text="synthetic")
    doc.events = events
    db.save_document(doc)
    return events


def expected(events, keep):
    dated = sorted((e for e in events if e.date and keep(e)), key=lambda e: (e.date, e.id),
                   reverse=True)
    undated = sorted((e for e in events if not e.date and keep(e)), key=lambda e: e.id,
                     reverse=True)
    return [e.id for e in dated + undated]


def every_page(db, filters, limit):
    ids, cursor = [], None
    while True:
        page = search_events(db, filters, limit, cursor)
        ids += [e["id"] for e in page["events"]]
        assert len(page["events"]) <= limit
        cursor = page["next"]
        if cursor is None:
            return ids


def codes(actors):
    return {a.code for a in actors}


FILTERS = {
    "all": (EventFilter(), lambda e: True),
    "actor": (EventFilter(actor="VEN"), lambda e: "VEN" in codes(e.actor)),
    "rare actor": (EventFilter(actor="BRA"), lambda e: "BRA" in codes(e.actor)),
    "recipient": (EventFilter(recipient="RUS"), lambda e: "RUS" in codes(e.recipient)),
    "pair": (EventFilter(actor="USA", recipient="VEN"),
             lambda e: "USA" in codes(e.actor) and "VEN" in codes(e.recipient)),
    "either side": (EventFilter(involving="CUB"),
                    lambda e: "CUB" in codes(e.actor) | codes(e.recipient)),
    "between": (EventFilter(involving="VEN", partner="RUS"), lambda e: (
        ("VEN" in codes(e.actor) and "RUS" in codes(e.recipient))
        or ("RUS" in codes(e.actor) and "VEN" in codes(e.recipient)))),
    "type and dates": (EventFilter(type="aid", since="2025-02-01", until="2025-03-02"),
                       lambda e: e.event == "AID" and e.enddate >= "2025-02-01"
                       and e.date is not None and e.date <= "2025-03-02"),
    "modality, main": (EventFilter(modality="reported", main_only=True),
                       lambda e: e.modality == "reported" and e.main),
    "words": (EventFilter(q="missile"), lambda e: "missiles" in e.text_info.sentence),
    "words and actor": (EventFilter(q="radar talks", actor="RUS"), lambda e: False),
    "prefix": (EventFilter(q="sanc*", recipient="USA"),
               lambda e: "sanctions" in e.text_info.sentence and "USA" in codes(e.recipient)),
}


@pytest.mark.parametrize("name", list(FILTERS))
@pytest.mark.parametrize("walks", [(4, 5000), (1, 3)], ids=["walks", "falls back"])
def test_pages_are_the_sorted_match_without_gaps_or_repeats(db, monkeypatch, name, walks):
    monkeypatch.setattr(search, "FIRST_WALK", walks[0])
    monkeypatch.setattr(search, "MAX_WALK", walks[1])
    events = make_store(db)
    filters, keep = FILTERS[name]
    for limit in (3, 50):
        assert every_page(db, filters, limit) == expected(events, keep), (name, limit)


def test_timeline_pages_and_roles(db):
    events = make_store(db)
    rows, cursor = [], None
    while True:
        page = timeline_page(db, "Venezuela", "RUS", limit=9, cursor=cursor)
        rows += page["events"]
        cursor = page["next"]
        if cursor is None:
            break
    keep = FILTERS["between"][1]
    assert [r["id"] for r in rows] == expected(events, keep)
    by_id = {e.id: e for e in events}
    for row in rows:
        assert row["role"] == ("actor" if "VEN" in codes(by_id[row["id"]].actor) else
                               "recipient")


@pytest.mark.parametrize("text", ['"', "AND (", "*", "NEAR(a b", "a OR", "-x", "col:x", "'; --"])
def test_any_search_box_text_is_a_valid_query_or_a_clear_error(db, text):
    make_store(db, count=20)
    try:
        search_events(db, EventFilter(q=text))
    except SitrepError as error:
        assert "q:" in str(error)


def test_fts_query_quotes_words_and_keeps_prefixes_and_phrases():
    assert fts_query('missile* "air defence" S-400') == '"missile"* "air defence" "S 400"'


def test_bad_input_says_the_fix(db):
    make_store(db, count=10)
    for filters, fix in ((EventFilter(type="INVADE"), "PLOVER event type"),
                         (EventFilter(modality="maybe"), "modality"),
                         (EventFilter(since="31/12/2025"), "YYYY-MM-DD"),
                         (EventFilter(actor="Atlantis"), "code such as VEN"),
                         (EventFilter(partner="RUS"), "involving")):
        with pytest.raises(SitrepError, match=fix):
            search_events(db, filters)
    for cursor in ("zzz", "bnVsbA", "WyJhIl0"):
        with pytest.raises(SitrepError, match="cursor"):
            search_events(db, EventFilter(), cursor=cursor)
    with pytest.raises(SitrepError, match="limit"):
        search_events(db, EventFilter(), limit=0)


def test_facets_count_the_whole_match_or_say_they_timed_out(db):
    events = make_store(db)
    facets = event_facets(db, EventFilter(actor="VEN"))
    mine = [e for e in events if "VEN" in codes(e.actor)]
    assert facets["total"] == len(mine) and facets["timed_out"] == []
    assert {row["value"]: row["count"] for row in facets["type"]} == {
        kind: sum(e.event == kind for e in mine) for kind in {e.event for e in mine}}
    assert facets["actor"] == [{"value": "VEN", "count": len(mine)}]
    slow = event_facets(db, EventFilter(since="1900-01-01"), time_limit_ms=0)
    assert set(slow["timed_out"]) == {"type", "modality", "actor", "recipient"}
    db.conn.execute("SELECT count(*) FROM events").fetchone()  # the handler is gone


def test_cluster_pages(db):
    from sitrep.analysis.clusters import build_clusters

    make_store(db)
    build_clusters(db)
    total = db.conn.execute("SELECT count(*) FROM clusters").fetchone()[0]
    seen, cursor = [], None
    while True:
        page = cluster_page(db, limit=13, cursor=cursor)
        seen += [c["id"] for c in page["clusters"]]
        cursor = page["next"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == total


def test_search_index_follows_every_write(db):
    make_store(db, count=50)
    fts = "SELECT count(*) FROM events_fts WHERE events_fts MATCH ?"
    before = db.conn.execute(fts, ['"wheat"']).fetchone()[0]
    with db.transaction():
        db.conn.execute("UPDATE events SET data = json_set(data, '$.text_info.sentence', "
                        "'Peru sent wheat.') WHERE rowid = (SELECT min(rowid) FROM events)")
    assert db.conn.execute(fts, ['"peru"']).fetchone()[0] == 1
    with db.transaction():
        db.conn.execute("DELETE FROM documents")
    assert db.conn.execute(fts, ['"peru"']).fetchone()[0] == 0
    assert db.conn.execute(fts, ['"wheat"']).fetchone()[0] == 0 <= before
    with pytest.raises(sqlite3.Error):
        db.conn.execute(fts, ['AND']).fetchall()  # raw FTS syntax errors: why fts_query exists
