"""Analysis queries agree with the events they are computed from."""

from __future__ import annotations

import random

import pytest

from sitrep.analysis.queries import (
    QUAD_NAMES,
    actor_profile,
    actor_ranking,
    dyad_series,
    find_events,
    network,
    timeline,
    top_actors,
    top_pairs,
)
from sitrep.analysis.search import EventFilter, event_facets
from sitrep.model import Actor, Document, Event, TextInfo
from sitrep.store.database import Database


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


# -- the count tables answer as the aggregates over the events did ---------------------------
#
# The reference functions below are the SQL these queries ran before the count tables
# (migration 10), kept here to compare with on a real store.


def _dates(since, until):
    where, params = ["1"], []
    if since:
        where.append("coalesce(e.enddate, e.date) >= ?")
        params.append(since)
    if until:
        where.append("e.date <= ?")
        params.append(until)
    return " AND ".join(where), params


def aggregated_network(db, since, until, min_weight=1):
    dates, params = _dates(since, until)
    rows = db.conn.execute(
        f"""SELECT d.source, d.target, e.event AS type, count(*) AS weight,
                   avg(d.event_scale) AS mean_score
            FROM dyads d JOIN events e ON e.id = d.event_id
            WHERE d.source != d.target AND {dates}
            GROUP BY d.source, d.target, type HAVING weight >= ?""", [*params, min_weight])
    return sorted(((r[0], r[1], r[2], r[3], round(r[4] or 0.0, 3)) for r in rows),
                  key=lambda r: (-r[3], r[0], r[1], r[2]))


def aggregated_actors(db, since, until):
    dates, params = _dates(since, until)
    return [tuple(r) for r in db.conn.execute(
        f"""SELECT a.code, count(DISTINCT a.event_id), sum(a.role = 'actor'),
                   sum(a.role = 'recipient')
            FROM event_actors a JOIN events e ON e.id = a.event_id
            WHERE a.code IS NOT NULL AND a.role IN ('actor', 'recipient') AND {dates}
            GROUP BY a.code ORDER BY 2 DESC, a.code""", params)]


def aggregated_profile(db, code, since, until):
    dates, params = _dates(since, until)
    months = [tuple(r) for r in db.conn.execute(
        f"""SELECT substr(a.date, 1, 7) AS month, e.quad_code, count(DISTINCT a.event_id),
                   sum(a.role = 'actor'), sum(a.role = 'recipient')
            FROM event_actors a JOIN events e ON e.id = a.event_id
            WHERE a.code = ? AND a.role IN ('actor', 'recipient') AND a.date IS NOT NULL
                  AND {dates}
            GROUP BY month, e.quad_code ORDER BY month, e.quad_code""", [code, *params])]
    partners = {}
    for role, other in (("actor", "recipient"), ("recipient", "actor")):
        for partner, events in db.conn.execute(
                f"""SELECT o.code, count(DISTINCT o.event_id)
                    FROM event_actors s JOIN event_actors o ON o.event_id = s.event_id
                         AND o.role = '{other}' AND o.code IS NOT NULL AND o.code != s.code
                    JOIN events e ON e.id = s.event_id
                    WHERE s.code = ? AND s.role = '{role}' AND {dates}
                    GROUP BY o.code""", [code, *params]):
            entry = partners.setdefault(partner, [0, 0, 0])
            entry[0] += events
            entry[1 if role == "actor" else 2] += events
    return months, partners


def profile_months(profile):
    """An actor profile's months as (month, quad, events, as actor, as recipient) rows."""
    rows = []
    for month in profile["months"]:
        for quad, name in QUAD_NAMES.items():
            if month[name]:
                rows.append((month["month"], quad, month[name]))
        assert month["events"] == sum(month[name] for name in QUAD_NAMES.values())
    return rows


@pytest.fixture(scope="module")
def examples_db(examples_store):
    with Database(examples_store) as db:
        yield db


def date_filters(db):
    """(since, until) pairs: none; each side alone and both, on month edges, mid-month, on the
    stored events' own start and end days, and a year alone."""
    days = [row[0] for row in db.conn.execute(
        "SELECT DISTINCT coalesce(enddate, date) FROM events WHERE date IS NOT NULL "
        "ORDER BY 1")]
    edges = [days[len(days) // 4], days[len(days) // 2], days[-1]]
    picked = [None, "2025-01-01", "2025-06-15", "2025-09-30", "2024", *edges]
    return [(since, until) for since in picked for until in picked
            if not (since and until and since > until)]


def test_network_from_counts_is_the_aggregate(examples_db):
    for since, until in date_filters(examples_db):
        graph = network(examples_db, since, until)
        got = [(e["source"], e["target"], e["type"], e["weight"], e["mean_score"])
               for e in graph["edges"]]
        assert got == aggregated_network(examples_db, since, until), (since, until)
    assert network(examples_db)["edges"], "the examples have a network"
    heavy = network(examples_db, min_weight=2)["edges"]
    assert [e["weight"] for e in heavy] == [r[3] for r in aggregated_network(examples_db, None,
                                                                             None, 2)]


def test_actor_rankings_from_counts_are_the_aggregate(examples_db):
    for since, until in date_filters(examples_db):
        got = [(r["code"], r["events"], r["as_actor"], r["as_recipient"])
               for r in actor_ranking(examples_db, since, until)]
        assert got == aggregated_actors(examples_db, since, until), (since, until)
    assert top_actors(examples_db, 3) == actor_ranking(examples_db)[:3]


def test_actor_profiles_from_counts_are_the_aggregate(examples_db):
    codes = [row[0] for row in aggregated_actors(examples_db, None, None)[:4]]
    for code in codes:
        for since, until in date_filters(examples_db):
            if "2024" in (since, until):
                continue  # a profile's latest events need whole dates
            profile = actor_profile(examples_db, code, since, until)
            months, partners = aggregated_profile(examples_db, code, since, until)
            assert profile_months(profile) == [(m, q, n) for m, q, n, _, _ in months]
            by_month = {}
            for m, _, _, as_actor, as_recipient in months:
                totals = by_month.setdefault(m, [0, 0])
                totals[0] += as_actor
                totals[1] += as_recipient
            assert {m["month"]: [m["as actor"], m["as recipient"]]
                    for m in profile["months"]} == by_month
            ranked = sorted(partners.items(), key=lambda p: (-p[1][0], p[0]))
            assert [(p["code"], p["events"], p["as_actor"], p["as_recipient"])
                    for p in profile["partners"]] == [(c, *n) for c, n in ranked[:10]]
            assert profile["all_partners"] == len(partners)


def test_facets_without_a_filter_come_from_counts_as_the_aggregate(examples_db):
    facets = event_facets(examples_db, EventFilter())
    sql = {
        "type": "SELECT event, count(*) AS n FROM events GROUP BY event ORDER BY n DESC, event",
        "modality": "SELECT modality, count(*) AS n FROM events GROUP BY modality "
                    "ORDER BY n DESC, modality",
        **{role: f"""SELECT a.code, count(DISTINCT a.event_id) AS n
                     FROM event_actors a JOIN events e ON e.id = a.event_id
                     WHERE a.role = '{role}' AND a.code IS NOT NULL
                     GROUP BY a.code ORDER BY n DESC, a.code""" for role in ("actor", "recipient")},
    }
    for name, query in sql.items():
        rows = [{"value": r[0], "count": r[1]} for r in examples_db.conn.execute(query)]
        top = 10 if name in ("actor", "recipient") else None
        assert facets[name] == rows[:top]
        assert facets["distinct"][name] == len(rows)
    assert facets["total"] == examples_db.count("events") and facets["timed_out"] == []
