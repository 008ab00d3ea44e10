"""Analysis queries agree with the events they are computed from."""

from __future__ import annotations

import random

from sitrep.analysis.queries import dyad_series, find_events, timeline, top_actors, top_pairs
from sitrep.model import Actor, Document, Event, TextInfo


def make_store(db, count=300, seed=7):
    rng = random.Random(seed)
    codes = ["VEN", "RUS", "USA", "CUB", "COL"]
    events = []
    for i in range(count):
        a, r = rng.sample(codes, 2)
        day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        events.append(Event(id=f"e{i:04d}", doc_id="d", event=rng.choice(["REQUEST", "AID"]),
                            quad_code=rng.choice([2, 3]), event_scale=rng.choice([0.0, 10.0]),
                            actor=[Actor(entity_text=a, code=a)],
                            recipient=[Actor(entity_text=r, code=r)], date=day, enddate=day,
                            text_info=TextInfo(sentence="s", start=0, end=1)))
    doc = Document(id="d", text="synthetic")
    doc.events = events
    db.save_document(doc)
    return events


def test_timeline_fast_and_filtered_paths_agree(db):
    events = make_store(db)
    latest = timeline(db, "VEN", limit=50)
    filtered = timeline(db, "VEN", since="1900-01-01", limit=50)
    assert [r["id"] for r in latest] == [r["id"] for r in filtered]
    involved = sorted((e.date, e.id) for e in events
                      if "VEN" in {e.actor[0].code, e.recipient[0].code})
    assert [r["id"] for r in latest] == [i for _, i in involved[-50:]]


def test_pair_timeline_and_dyad_count_the_same_events(db):
    events = make_store(db)
    pair = [e for e in events if {e.actor[0].code, e.recipient[0].code} == {"VEN", "RUS"}]
    assert len(timeline(db, "VEN", "RUS")) == len(pair)
    series = dyad_series(db, "VEN", "RUS")
    assert sum(row["events"] for row in series) == len(pair)
    ven_to_rus = [e for e in pair if e.actor[0].code == "VEN"]
    months = {}
    for e in ven_to_rus:
        months.setdefault(e.date[:7], []).append(e.event_scale)
    for row in series:
        if row["direction"] == "VEN->RUS":
            scores = months[row["month"]]
            assert row["events"] == len(scores)
            assert abs(row["mean_score"] - sum(scores) / len(scores)) < 1e-3


def test_filters_and_rankings(db):
    events = make_store(db)
    found = find_events(db, actor="COL", event_type="AID", since="2024-01-01", limit=None)
    expected = {e.id for e in events if e.actor[0].code == "COL" and e.event == "AID"
                and e.enddate >= "2024-01-01"}
    assert {e["id"] for e in found} == expected
    top = top_actors(db, limit=5)
    assert sum(row["events"] for row in top) == 2 * len(events)
    assert sum(row["events"] for row in top_pairs(db, limit=25)) == len(events)
