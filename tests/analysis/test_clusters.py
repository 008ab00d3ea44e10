"""Clusters: the same happening across articles merges; a different one stays apart."""

from __future__ import annotations

import json

import pytest

from sitrep.analysis.clusters import build_clusters
from sitrep.runners.local import ingest
from sitrep.store.database import Database
from sitrep.text.reading import read_paths

REPORTS = [
    {"id": "a", "date": "2025-11-02", "url": "https://one.example.org/2025/11/02/a",
     "text": "Serbia asked Russia for 14 missile units and six MiG-29 fighter jets in October "
             "2025, according to a letter seen by the newspaper."},
    {"id": "b", "date": "2025-11-05", "url": "https://two.example.org/2025/11/05/b",
     "text": "The Serbian government requested 12 missile units from Moscow last month, "
             "officials said."},
    {"id": "c", "date": "2024-10-20", "url": "https://one.example.org/2024/10/20/c",
     "text": "Serbia asked Russia for wheat and fuel shipments in October 2024."},
    {"id": "d", "date": "2025-11-06", "url": "https://three.example.org/2025/11/06/d",
     "text": "Analysts said Russia could send missile units to Serbia next year."},
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("clusters")
    path = folder / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    db = Database(folder / "s.db")
    summary = ingest(db, [str(path)], code_events=True)
    assert summary.new == 4 and not summary.failures
    yield db
    db.close()


def clusters_of(db, event_type):
    rows = db.conn.execute("SELECT data FROM clusters WHERE event = ?", (event_type,))
    return [json.loads(row[0]) for row in rows]


def test_two_reports_of_one_request_merge_with_the_conflict_shown(store):
    merged = [c for c in clusters_of(store, "REQUEST") if c["sources"] == 2]
    assert len(merged) == 1
    cluster = merged[0]
    assert sorted(cluster["documents"]) == ["a", "b"]
    assert cluster["actors"] == ["SRB"] and cluster["recipients"] == ["RUS"]
    quantities = cluster["disagreements"]["items"]["missile units"]
    assert set(quantities) == {"14", "12"}
    assert quantities["14"] == ["a"] and quantities["12"] == ["b"]
    assert cluster["first_report"] == "2025-11-02" and cluster["latest_report"] == "2025-11-05"


def test_request_a_year_earlier_stays_separate(store):
    alone = [c for c in clusters_of(store, "REQUEST") if c["documents"] == ["c"]]
    assert len(alone) == 1 and alone[0]["sources"] == 1


def test_speculation_is_not_merged_with_fact(store):
    facts = {c["id"] for c in clusters_of(store, "REQUEST")}
    speculative = store.conn.execute(
        "SELECT id FROM clusters WHERE fact_class = 'hypothetical'").fetchall()
    assert speculative and not facts & {row[0] for row in speculative}


def test_rebuilding_gives_the_same_clusters_and_ids(store):
    before = store.conn.execute("SELECT cluster_id, event_id FROM cluster_members "
                                "ORDER BY event_id").fetchall()
    build_clusters(store)
    after = store.conn.execute("SELECT cluster_id, event_id FROM cluster_members "
                               "ORDER BY event_id").fetchall()
    assert [tuple(r) for r in before] == [tuple(r) for r in after]


# -- stale clusters are rebuilt by the next ingest or read ---------------------------------------


def _members(db):
    return sorted(tuple(r) for r in db.conn.execute("SELECT cluster_id, event_id FROM cluster_members"))


def test_clusters_left_stale_by_a_killed_run_are_rebuilt_by_the_next_ingest(tmp_path, coder):
    from sitrep.analysis.clusters import ensure_clusters

    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    with Database(tmp_path / "s.db") as db:
        for doc in coder.pipe(read_paths(path)):  # stored, then "killed" before clustering
            db.save_document(doc)
        assert db.clusters_stale and not _members(db)
        summary = ingest(db, path)
        assert summary.new == 0 and summary.clusters > 0 and not db.clusters_stale
        built = _members(db)
        assert {event_id for _, event_id in built} == {
            r[0] for r in db.conn.execute("SELECT id FROM events")}
        assert ensure_clusters(db) == summary.clusters and _members(db) == built


def test_a_build_skips_clusters_another_process_just_built(store):
    store.conn.execute("UPDATE clusters SET data = json_set(data, '$.marker', 1)")
    assert not store.clusters_stale
    build_clusters(store, if_stale=True)
    assert store.conn.execute("SELECT count(*) FROM clusters WHERE json_extract(data, "
                              "'$.marker') = 1").fetchone()[0] > 0
    build_clusters(store)  # asked for: always rebuilt
    assert store.conn.execute("SELECT count(*) FROM clusters WHERE json_extract(data, "
                              "'$.marker') = 1").fetchone()[0] == 0


def test_a_brief_rebuilds_stale_clusters_first(tmp_path, coder):
    from sitrep.analysis.brief import write_brief

    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    with Database(tmp_path / "s.db") as db:
        for doc in coder.pipe(read_paths(path)):
            db.save_document(doc)
        brief = write_brief(db, "Serbia", "Russia").markdown()
        assert "Serbia asked Russia for help" in brief and "[^1]:" in brief
        assert not db.clusters_stale


def test_a_reader_that_may_not_write_keeps_the_clusters_there_are(tmp_path, coder):
    from sitrep.analysis.brief import write_brief

    path = tmp_path / "reports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    with Database(tmp_path / "s.db") as db:
        ingest(db, path)
        doc = next(iter(coder.pipe(read_paths(path))))
        doc.text, doc.content_hash = doc.text + " Again.", ""
        doc.__post_init__()
        db.save_document(doc)  # stale again
        before = _members(db)
    with Database(tmp_path / "s.db") as reader:
        reader.conn.execute("PRAGMA query_only = ON")  # as the server's readers are
        assert "Serbia asked Russia" in write_brief(reader, "Serbia", "Russia").markdown()
        assert reader.clusters_stale and _members(reader) == before
