"""Kill drills and races (slow): a store killed with SIGKILL anywhere (storing documents,
building clusters, migrating) and then used again equals a clean run's store; processes that
share a store (an ingest during an import, two cluster builds) all finish and lose nothing.

The processes are real `sitrep` runs; a small harness prints a line at the points worth killing
at (after a document is stored, while a cluster is summarised), so a drill kills at a chosen,
random one of them rather than at a random time that would mostly miss the short phases.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from sitrep.analysis.clusters import build_clusters
from sitrep.analysis.exports import export_events
from sitrep.model import Actor, Document, Event, TextInfo
from sitrep.runners.local import ingest
from sitrep.store.database import Database
from sitrep.store.migrations import MIGRATIONS, SCHEMA_VERSION

pytestmark = pytest.mark.slow

COUNTRIES = [("Serbia", "Russia"), ("Iran", "China"), ("Egypt", "Israel"), ("Chile", "Peru"),
             ("Kenya", "Somalia"), ("Japan", "India")]
VERBS = ["asked {b} for missile units", "accused {b} of shelling the border",
         "signed a trade agreement with {b}", "hosted talks with {b}",
         "threatened {b} with sanctions", "praised {b} for its help"]

HARNESS = textwrap.dedent("""
    import sys, time
    import sitrep.analysis.clusters as clusters
    from sitrep.runners.local import ingest
    from sitrep.store.database import Database

    save, summarise = Database.save_document, clusters.summarise

    def saving(self, doc):
        stored = save(self, doc)
        print("stored", flush=True)
        return stored

    def summarising(*args):
        print("cluster", flush=True)
        # the window a kill lands in: longer than the drill's random delay (10 ms) and the time
        # a loaded machine takes to read the marker, or a kill after the last cluster's marker
        # could land after the build's transaction committed (a flaky drill, seen in CI)
        time.sleep(0.1)
        return summarise(*args)

    Database.save_document, clusters.summarise = saving, summarising
    with Database(sys.argv[1]) as db:
        ingest(db, sys.argv[2:])
    print("done", flush=True)
""")


def _articles(folder: Path, count: int = 24) -> Path:
    """Related news: the same requests and accusations reported by several outlets."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "articles.jsonl"
    records = []
    for i in range(count):
        a, b = COUNTRIES[i % len(COUNTRIES)]
        verb = VERBS[(i // len(COUNTRIES)) % len(VERBS)].format(b=b)
        records.append({"id": f"n{i}", "date": f"2025-0{1 + i % 6}-1{i % 9}",
                        "url": f"https://outlet{i % 4}.example.org/2025/0{1 + i % 6}/1{i % 9}/n{i}",
                        "text": f"{a} {verb} on Monday, officials said. Report number {i}."})
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def dump(path: Path) -> dict[str, list[tuple]]:
    """Everything a store holds that a clean run would give the same (not ingested_at)."""
    queries = {
        "documents": "SELECT content_hash, id, title, url, outlet, published, "
                     "published_not_before, source_path, truncated, text, repaired_text, repairs, "
                     "imported FROM documents ORDER BY content_hash",
        "cited_sources": "SELECT * FROM cited_sources ORDER BY doc_hash, url",
        "entities": 'SELECT * FROM entities ORDER BY doc_hash, start, "end", label, text',
        "events": "SELECT id, doc_hash, data, main, depth FROM events ORDER BY id",
        "event_actors": "SELECT * FROM event_actors ORDER BY event_id, role, code, name",
        "dyads": "SELECT * FROM dyads ORDER BY event_id, source, target",
        "clusters": "SELECT id, event, fact_class, sources, data FROM clusters ORDER BY id",
        "cluster_members": "SELECT * FROM cluster_members ORDER BY event_id",
        "state": "SELECT * FROM store_state ORDER BY name",
    }
    with Database(path) as db:
        assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return {name: [tuple(row) for row in db.conn.execute(sql)] for name, sql in queries.items()}


def _run_until(command: list[str], marker: str, nth: int, cwd: Path) -> bool:
    """Start `command`, kill it with SIGKILL just after its `nth` line `marker` (plus a random
    few milliseconds); False if it finished first."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               text=True, cwd=cwd)
    seen = 0
    assert process.stdout is not None
    for line in process.stdout:
        if line.strip() == marker:
            seen += 1
            if seen == nth:
                time.sleep(random.random() * 0.01)
                process.send_signal(signal.SIGKILL)
                process.wait(timeout=60)
                return True
    process.wait(timeout=600)
    return False


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The store a clean run gives, and the articles it came from."""
    folder = tmp_path_factory.mktemp("clean")
    articles = _articles(folder / "in")
    with Database(folder / "s.db") as db:
        summary = ingest(db, articles)
        assert summary.new == 24 and not summary.failures and summary.clusters
    return articles, dump(folder / "s.db")


@pytest.mark.parametrize("marker", ["stored", "cluster"])
def test_a_kill_at_any_point_then_a_rerun_gives_the_clean_store(clean, tmp_path, marker):
    articles, expected = clean
    rng = random.Random(f"{marker}-{os.getpid()}")
    harness = tmp_path / "harness.py"
    harness.write_text(HARNESS, encoding="utf-8")
    total = 24 if marker == "stored" else len(expected["clusters"])
    kills = 0
    for drill in range(3):
        store = tmp_path / f"s{drill}.db"
        nth = rng.randint(1, total)
        killed = _run_until([sys.executable, str(harness), str(store), str(articles)], marker,
                            nth, tmp_path)
        kills += killed
        with Database(store) as db:  # the store is usable, and consistent, right after a kill
            assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            if killed and marker == "cluster":
                assert db.clusters_stale  # the build's transaction never committed
            summary = ingest(db, articles)  # the rerun
            assert not summary.failures
            assert summary.new + summary.already_stored == 24
        assert dump(store) == expected, f"drill {drill}: killed after {marker} #{nth}"
    assert kills >= 2  # the drills did kill (a run rarely finishes before its nth marker)


def _store_at(version: int, path: Path, documents: int) -> None:
    """A store made by an older sitrep: the first `version` migrations, filled in bulk."""
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        conn.executescript(migration())
    conn.execute(f"PRAGMA user_version = {version}")
    conn.execute("BEGIN")
    for i in range(documents):
        content_hash = f"{i:064x}"
        conn.execute("INSERT INTO documents (content_hash, id, text, ingested_at) VALUES "
                     "(?, ?, ?, 'then')", (content_hash, f"d{i}", f"Story {i}."))
        for j in range(5):
            event = Event(id=f"e{i}-{j}", doc_id=f"d{i}", event="AID", date="2025-01-01",
                          actor=[Actor("Iran", code="IRN")], recipient=[Actor("Iraq", code="IRQ")],
                          text_info=TextInfo("Story.", 0, 6), depth=j % 2, main=j == 0)
            conn.execute("INSERT INTO events (id, doc_hash, doc_id, event, modality, data) "
                         "VALUES (?, ?, ?, 'AID', 'asserted', ?)",
                         (event.id, content_hash, event.doc_id, json.dumps(event.to_dict())))
            conn.execute("INSERT INTO event_actors (event_id, role, code, date) VALUES "
                         "(?, 'actor', 'IRN', '2025-01-01'), (?, 'recipient', 'IRQ', '2025-01-01')",
                         (event.id, event.id))
    conn.execute("COMMIT")
    conn.close()


def test_a_kill_during_migrations_then_reopening_gives_the_migrated_store(tmp_path):
    old = tmp_path / "old.db"
    _store_at(5, old, documents=20_000)  # migrations 6-8 then have 100,000 events to go over
    reference = tmp_path / "reference.db"
    shutil.copy(old, reference)
    started = time.monotonic()
    Database(reference).close()
    took = time.monotonic() - started
    expected = dump(reference)
    opener = ("import sys; from sitrep.store.database import Database; print('ready', "
              "flush=True); Database(sys.argv[1])")
    rng = random.Random(os.getpid())
    rolled_back = 0
    for drill in range(4):
        store = tmp_path / f"s{drill}.db"
        shutil.copy(old, store)
        process = subprocess.Popen([sys.executable, "-c", opener, str(store)],
                                   stdout=subprocess.PIPE, text=True)
        assert process.stdout is not None and process.stdout.readline().strip() == "ready"
        time.sleep(rng.random() * took)  # somewhere in the migrations
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        check = sqlite3.connect(store)
        version = check.execute("PRAGMA user_version").fetchone()[0]
        check.close()
        assert version in {5, SCHEMA_VERSION}  # all of them, or none
        rolled_back += version == 5
        assert dump(store) == expected, f"drill {drill}"
        with Database(store) as db:
            assert db.schema_version == SCHEMA_VERSION
    assert rolled_back  # at least one kill landed inside the migrations


# -- races ---------------------------------------------------------------------------------------


def _big_export(folder: Path, documents: int = 3_000) -> Path:
    """An export large enough that importing it holds the store's write lock for a while."""
    with Database(folder / "source.db") as db:
        for i in range(documents):
            text = f"Story {i}: Iran and Iraq met on Monday."
            doc = Document(id=f"x{i}", text=text, outlet="Example News", published="2025-02-01")
            doc.events = [Event(id=f"x{i}-{j}", doc_id=f"x{i}", event="CONSULT",
                                date="2025-02-01", actor=[Actor("Iran", code="IRN")],
                                recipient=[Actor("Iraq", code="IRQ")],
                                text_info=TextInfo(text, 0, len(text))) for j in range(4)]
            db.save_document(doc)
        export_events(db, folder / "big.jsonl", "plover-jsonl")
    return folder / "big.jsonl"


def _sitrep(*args: str) -> list[str]:
    return [str(Path(sys.executable).parent / "sitrep"), *args]


SLOW_IMPORT = textwrap.dedent("""
    import sys, time
    from sitrep.analysis.imports import import_events
    from sitrep.store.database import Database

    insert, started = Database.insert_event, []

    def inserting(self, *args):
        if not started:
            started.append(print("importing", flush=True))
        time.sleep(0.0005)  # a long import: the write lock is held for 8 s or more
        return insert(self, *args)

    Database.insert_event = inserting
    with Database(sys.argv[1]) as db:
        import_events(db, sys.argv[2])
    print("imported", flush=True)
""")


def test_an_ingest_during_an_import_both_finish(tmp_path):
    export = _big_export(tmp_path)
    articles = _articles(tmp_path / "in", count=12)
    store = str(tmp_path / "s.db")
    harness = tmp_path / "slow_import.py"
    harness.write_text(SLOW_IMPORT, encoding="utf-8")
    importing = subprocess.Popen([sys.executable, str(harness), store, str(export)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert importing.stdout is not None and importing.stdout.readline().strip() == "importing"
    ingesting = subprocess.run(_sitrep("ingest", str(articles), "--db", store),
                               capture_output=True, text=True, timeout=600)
    out, err = importing.communicate(timeout=600)
    assert importing.returncode == 0 and "imported" in out, err
    assert ingesting.returncode == 0, ingesting.stdout + ingesting.stderr
    with Database(store) as db:
        assert db.count("documents") == 3_000 + 12 and db.count("events") >= 12_000 + 12
        assert not db.clusters_stale
        members = db.conn.execute("SELECT count(*) FROM cluster_members").fetchone()[0]
        assert members == db.count("events")


SLOW_BUILD = textwrap.dedent("""
    import sys, time
    import sitrep.analysis.clusters as clusters
    from sitrep.store.database import Database

    summarise = clusters.summarise

    def slowly(*args):
        print("summarising", flush=True)
        time.sleep(0.02)
        return summarise(*args)

    clusters.summarise = slowly
    with Database(sys.argv[1]) as db:
        clusters.build_clusters(db)
    print("done", flush=True)
""")


def test_two_cluster_builds_and_a_writer_leave_the_newest_clusters(tmp_path):
    articles = _articles(tmp_path / "in", count=24)
    store = tmp_path / "s.db"
    with Database(store) as db:
        ingest(db, articles)
    harness = tmp_path / "slow_build.py"
    harness.write_text(SLOW_BUILD, encoding="utf-8")
    slow = subprocess.Popen([sys.executable, str(harness), str(store)], stdout=subprocess.PIPE,
                            text=True)
    assert slow.stdout is not None and slow.stdout.readline().strip() == "summarising"
    # While the slow build runs, another process stores a new happening and builds again.
    with Database(store) as db:
        doc = Document(id="late", text="Brazil hosted talks with Argentina.",
                       published="2025-07-01")
        doc.events = [Event(id="late-1", doc_id="late", event="CONSULT", date="2025-07-01",
                            actor=[Actor("Argentina", code="ARG")],
                            recipient=[Actor("Brazil", code="BRA")],
                            text_info=TextInfo(doc.text, 0, len(doc.text)))]
        db.save_document(doc)
        build_clusters(db)
    slow.communicate(timeout=600)
    assert slow.returncode == 0
    expected = tmp_path / "expected.db"
    shutil.copy(store, expected)
    with Database(expected) as db:
        build_clusters(db)
    assert dump(store)["clusters"] == dump(expected)["clusters"]
    with Database(store) as db:
        assert db.conn.execute("SELECT cluster_id FROM cluster_members WHERE event_id = "
                               "'late-1'").fetchone() is not None
