"""Benchmark: the same corpus ingested in-process, on a local Dask cluster of 1 worker and of 2
workers (and of 2 workers writing Parquet partitions with --output), in one run.

The corpus is a fixed-seed sample of bench/corpus.py's documents (NGEC's synthetic stories, re3d,
the seed story), written to a JSONL file that every run reads, as `sitrep ingest` would. Each run
is a fresh process that first starts its coder (in-process) or its cluster and warms every worker
up (the model, knowledge base and lexicon loaded once per worker), then times the ingest of the
corpus into a new SQLite store: reading, skipping, sending, coding, returning, storing (one
transaction per document) and clustering. Start-up is timed apart:

    in-process   runners.local.ingest(db, [corpus], Options())
    1 worker     runners.dask.ingest_on_dask(..., client)   LocalCluster(n_workers=1)
    2 workers    the same with n_workers=2
    2 workers    --output: the workers write Parquet partitions; nothing is stored (their
                 import into a new store, `sitrep import DIR`, is timed after)

Printed per mode (medians of --repeat runs, alternating modes): seconds, documents/s, words/s,
the ratio to in-process and to one worker, start-up seconds, peak RSS of each worker and of the
client. The aim (issue 15): 2 workers >= 1.8x one worker's rate on 2 cores, RSS < 1 GB a worker.

Then the client's own work per document, each step timed alone: reading the corpus, pickling
batches to send, unpickling coded batches received, and storing (`Database.save_document`, one
transaction each, into a new store: the single writer's documents/s and events/s). Their sum is
the ceiling of one client whatever the number of workers; with --output only reading and
sending are left to it.

    python bench/distributed.py [--documents 300] [--repeat 3] [--modes local,1,2,2-output]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This file has the name of the `distributed` package: look in its folder last, so that
# `import distributed` finds the package (here and in the worker processes, which copy sys.path).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != HERE] + [str(HERE)]

import corpus  # noqa: E402

MODES = {"local": "in-process", "1": "1 worker", "2": "2 workers", "2-output": "2 workers --output"}


def _rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _cpu() -> float:
    """CPU seconds this process has used: unlike wall time, barely moved by other people's
    processes on a shared machine."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def child(mode: str, corpus_file: Path) -> dict:
    """One timed run in this fresh process."""
    from sitrep import Database, Options
    from sitrep.runners.local import ingest

    work = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    warm = work / "warm.jsonl"
    warm.write_text(json.dumps({"id": "warm", "text": "Chile condemned the attack on Peru."})
                    + "\n", encoding="utf-8")
    start = time.perf_counter()
    if mode == "local":
        with Database(work / "warm.db") as db:
            ingest(db, [str(warm)], Options())
        startup = time.perf_counter() - start
        with Database(work / "run.db") as db:
            begin, cpu = time.perf_counter(), _cpu()
            summary = ingest(db, [str(corpus_file)], Options())
            seconds, cpu = time.perf_counter() - begin, _cpu() - cpu
        return {"seconds": seconds, "startup": startup, "new": summary.new,
                "events": summary.events, "workers_rss_mb": [], "client_rss_mb": _rss_mb(),
                "workers_cpu": [], "client_cpu": cpu}
    from sitrep.runners.dask import cluster_client, coders_loaded, ingest_on_dask

    workers = int(mode.split("-")[0])
    with cluster_client(workers=workers) as client:
        # warm-up documents, one a batch, until every worker has loaded its coder
        round_ = 0
        while round_ == 0 or not all(client.run(coders_loaded).values()):
            round_ += 1
            warm.write_text("".join(json.dumps({"id": f"warm{round_}-{j}", "text": f"Chile "
                                                f"{round_} {j} condemned the attack on Peru."})
                                    + "\n" for j in range(4 * workers)), encoding="utf-8")
            with Database(work / "warm.db") as db:
                ingest_on_dask(db, [str(warm)], Options().replace(batch_size=1), client)
        startup = time.perf_counter() - start
        output = work / "out" if mode.endswith("output") else None
        with Database(work / "run.db") as db:
            workers_cpu, cpu = client.run(_cpu), _cpu()
            begin = time.perf_counter()
            summary = ingest_on_dask(db, [str(corpus_file)], Options(), client, output=output)
            seconds, cpu = time.perf_counter() - begin, _cpu() - cpu
            workers_cpu = {w: c - workers_cpu[w] for w, c in client.run(_cpu).items()}
        rss = client.run(_rss_mb)
    imported = None
    if output:  # the partitions loaded into a new store afterwards (`sitrep import DIR`)
        from sitrep.analysis.exports import import_events

        with Database(work / "imported.db") as db:
            begin = time.perf_counter()
            import_events(db, output)
            imported = time.perf_counter() - begin
    return {"seconds": seconds, "startup": startup, "new": summary.new, "events": summary.events,
            "workers_rss_mb": sorted(rss.values()), "client_rss_mb": _rss_mb(),
            "workers_cpu": sorted(workers_cpu.values()), "client_cpu": cpu, "import": imported}


def writer(corpus_file: Path) -> dict:
    """The client's own work per document, timed alone: reading, sending a batch (pickling it),
    receiving coded documents (unpickling them) and storing them (`save_document`, one
    transaction each, into a new store): the ceiling of one client whatever the workers."""
    import pickle

    from sitrep import Coder, Database
    from sitrep.text.reading import read_paths

    start = time.perf_counter()
    docs = list(read_paths([str(corpus_file)]))
    read = time.perf_counter() - start
    batches = [docs[i:i + 32] for i in range(0, len(docs), 32)]
    start = time.perf_counter()
    for batch in batches:
        pickle.dumps(batch)
    send = time.perf_counter() - start
    coded = list(Coder().pipe(docs))
    returned = [pickle.dumps(coded[i:i + 32]) for i in range(0, len(coded), 32)]
    start = time.perf_counter()
    for blob in returned:
        pickle.loads(blob)
    receive = time.perf_counter() - start
    work = Path(tempfile.mkdtemp(prefix="sitrep-bench-"))
    with Database(work / "writer.db") as db:
        start = time.perf_counter()
        for doc in coded:
            db.save_document(doc)
        store = time.perf_counter() - start
    return {"documents": len(coded), "events": sum(len(doc.events) for doc in coded),
            "read": read, "send": send, "receive": receive, "store": store}


def timed(kind: str, corpus_file: Path) -> dict:
    result = subprocess.run(
        [sys.executable, str(Path(__file__)), "--child", kind, "--corpus-file", str(corpus_file)],
        capture_output=True, text=True, check=False)
    if result.returncode:
        sys.exit(f"{kind} run failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--shared", type=Path, default=corpus.DEFAULT_SHARED)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--corpus-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        run = writer(args.corpus_file) if args.child == "writer" else \
            child(args.child, args.corpus_file)
        print(json.dumps(run))
        return
    if not args.shared.exists():
        sys.exit(f"{args.shared} is not here: the benchmark corpus is read from ../shared")
    records = corpus.load_records(args.shared)
    chosen = corpus.sample(records, args.documents)
    corpus.compile_sitrep()
    words = corpus.word_count(r["text"] for r in chosen)
    print(corpus.describe(chosen, len(records)))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False,
                                     encoding="utf-8") as handle:
        for record in chosen:
            handle.write(json.dumps(record) + "\n")
    corpus_file = Path(handle.name)
    modes = args.modes.split(",")
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    runs: dict[str, list[dict]] = {mode: [] for mode in modes}
    for _ in range(args.repeat):
        for mode in modes:
            runs[mode].append(timed(mode, corpus_file))
    seconds = {mode: statistics.median(r["seconds"] for r in runs[mode]) for mode in modes}
    print(f"load average before: {load_before}")
    print(f"{'mode':20} {'s':>6} {'docs/s':>7} {'words/s':>8} {'x local':>8} {'x 1 worker':>10} "
          f"{'start s':>8} {'worker RSS MB':>14} {'client RSS MB':>13}  runs (s)")
    for mode in modes:
        s = seconds[mode]
        last = runs[mode][-1]
        rss = ", ".join(f"{m:.0f}" for m in last["workers_rss_mb"]) or "-"
        print(f"{MODES[mode]:20} {s:6.1f} {len(chosen) / s:7.1f} {words / s:8,.0f} "
              f"{seconds['local'] / s if 'local' in seconds else float('nan'):8.2f} "
              f"{seconds['1'] / s if '1' in seconds else float('nan'):10.2f} "
              f"{statistics.median(r['startup'] for r in runs[mode]):8.1f} {rss:>14} "
              f"{last['client_rss_mb']:13.0f}  "
              + ", ".join(f"{r['seconds']:.1f}" for r in runs[mode]))
        if any(r["new"] != len(chosen) for r in runs[mode]):
            print(f"  ! {MODES[mode]}: stored {[r['new'] for r in runs[mode]]} of {len(chosen)}")
    print("CPU per document (ms; medians): coding where it runs, and the client's own share (the "
          "scheduler of a local cluster runs in the client)")
    for mode in modes:
        coding = statistics.median(1000 * sum(r["workers_cpu"] or [r["client_cpu"]]) / len(chosen)
                                   for r in runs[mode])
        client = statistics.median(1000 * r["client_cpu"] / len(chosen) for r in runs[mode])
        print(f"  {MODES[mode]:20} workers {coding:6.1f}  client {client:6.1f}"
              f"{'  (the same process)' if mode == 'local' else ''}")
    for mode in modes:
        if runs[mode][0].get("import"):
            imported = statistics.median(r["import"] for r in runs[mode])
            events = runs[mode][0]["events"]
            print(f"sitrep import of the {MODES[mode]} partitions: {events} events in "
                  f"{imported:.2f} s, {events / imported:,.0f} events/s")
    print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    cost = timed("writer", corpus_file)
    n = cost["documents"]
    ms = {key: 1000 * cost[key] / n for key in ("read", "send", "receive", "store")}
    print(f"the client's own work, ms a document ({n} documents, {cost['events']} events): "
          + ", ".join(f"{key} {value:.2f}" for key, value in ms.items()))
    print(f"  single writer (store alone): {n / cost['store']:,.0f} docs/s, "
          f"{cost['events'] / cost['store']:,.0f} events/s")
    print(f"  one client keeps up with {1000 / sum(ms.values()):,.0f} docs/s storing, "
          f"{1000 / (ms['read'] + ms['send']):,.0f} docs/s with --output (no receive, no store)")
    corpus_file.unlink()


if __name__ == "__main__":
    main()
