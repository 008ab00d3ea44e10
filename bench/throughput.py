"""Benchmark: end-to-end coding throughput against a bare nlp.pipe, with 1 and 2 processes.

Target: "prints words/second and articles/second end to end, and the ratio to a bare nlp.pipe of
the same model over the same corpus in the same run, with 1 and 2 processes: aim for ratio >= 0.8".

Corpus: bench/corpus.py (ngec synthetic + re3d + seed), --documents subsample. For each
n_process in (1, 2), alternating, --repeat times:

    bare    for _ in nlp.pipe(texts, n_process=n, batch_size=32): pass    (texts: Document.text)
    sitrep  list(events.code_documents(docs, nlp, kb, n_process=n, batch_size=32))
            from freshly read Document objects (reading.from_record, not yet prepared), so it
            includes repair + metadata (pipeline.prepare), capitalisation, URL blanking, parsing,
            entities, actor resolution and events; no storage.

Rates are words of the original texts per second for both, so the ratio is sitrep/bare
throughput. Storage is timed separately: the coded documents of the last 1-process run saved
into a temp SQLite store (store.Database.save_document, one transaction each, as ingest does).

If a median ratio is below --target (0.8), the post-parse work is profiled with cProfile on
--profile-documents documents: (1) code_parsed over docs parsed beforehand (1-process cost of
sitrep's own work), (2) the text stages before parsing, (3) the main process of
code_documents(n_process=2), where the parent also tokenizes and (de)serialises for the
workers. Top functions by cumulative and by own time are printed.

    python bench/throughput.py [--documents 1000] [--repeat 3] [--processes 1,2]
                               [--profile-documents 300] [--profile always|auto|never]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import statistics
import tempfile
import time
from pathlib import Path

import corpus
from sitrep import events
from sitrep.actors import shipped_kb
from sitrep.entities import equipment_catalogue, ship_pattern
from sitrep.lexicon import load_lexicon
from sitrep.parsing import load_nlp
from sitrep.pipeline import prepare
from sitrep.reading import from_record
from sitrep.repair import capitalise_known_words
from sitrep.store import Database


def fresh_documents(records):
    return [from_record(record, "bench") for record in records]


def time_bare(nlp, texts, n_process, batch_size) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_sitrep(nlp, records, kb, n_process, batch_size):
    docs = fresh_documents(records)  # reading is not timed: the input is Document objects
    start = time.perf_counter()
    coded = list(events.code_documents(docs, nlp, kb, n_process=n_process, batch_size=batch_size))
    return time.perf_counter() - start, coded


def time_store(coded) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        with Database(Path(tmp) / "bench.db") as db:
            start = time.perf_counter()
            for doc in coded:
                db.save_document(doc)
            return time.perf_counter() - start


def show_profile(profile: cProfile.Profile, title: str, limit: int) -> None:
    for key in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(limit)
        lines = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
        print(f"\n--- profile: {title}, top {limit} by {key} ---")
        print("\n".join(line for line in lines[start:] if line.strip()))


def profile_post_parse(nlp, records, kb, batch_size, limit) -> None:
    forms = events.proper_forms_cached(kb)
    docs = []
    pre = cProfile.Profile()
    pre.enable()
    for doc in fresh_documents(records):
        doc = prepare(doc)
        doc.repaired = capitalise_known_words(doc.repaired, forms)
        docs.append((events.parse_text(doc), doc))
    pre.disable()
    parse_start = time.perf_counter()
    parsed = list(nlp.pipe((text for text, _ in docs), batch_size=batch_size))
    parse_seconds = time.perf_counter() - parse_start
    post = cProfile.Profile()
    start = time.perf_counter()
    post.enable()
    for doc_parsed, (_, doc) in zip(parsed, docs):
        events.code_parsed(doc, doc_parsed, kb)
    post.disable()
    post_seconds = time.perf_counter() - start
    print(f"\nprofiled on {len(records)} documents: bare parse {parse_seconds:.2f} s, "
          f"code_parsed {post_seconds:.2f} s under cProfile "
          f"({100 * post_seconds / parse_seconds:.0f}% of the parse; cProfile inflates it)")
    show_profile(post, "code_parsed after parsing (1 process)", limit)
    show_profile(pre, "text stages before parsing (prepare, capitalise, parse_text)", limit // 2)


def profile_parent(nlp, records, kb, batch_size, limit) -> None:
    docs = fresh_documents(records)
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    for _ in events.code_documents(docs, nlp, kb, n_process=2, batch_size=batch_size):
        pass
    profile.disable()
    print(f"\ncode_documents(n_process=2) on {len(records)} documents under cProfile: "
          f"{time.perf_counter() - start:.2f} s wall")
    show_profile(profile, "parent process of code_documents(n_process=2)", limit)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--target", type=float, default=0.8)
    parser.add_argument("--profile", choices=["auto", "always", "never"], default="auto")
    parser.add_argument("--profile-documents", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--shared", default=str(corpus.DEFAULT_SHARED))
    args = parser.parse_args()
    processes = [int(n) for n in args.processes.split(",")]

    records = corpus.load_records(args.shared)
    chosen = corpus.sample(records, args.documents)
    texts = [record["text"] for record in chosen]
    words = corpus.word_count(texts)
    print(corpus.describe(chosen, len(records)))

    nlp = load_nlp()
    kb = shipped_kb()
    equipment_catalogue()
    ship_pattern()
    load_lexicon()
    events.proper_forms_cached(kb)
    list(events.code_documents(fresh_documents(chosen[:64]), nlp, kb))  # warm-up
    print(f"model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}, "
          f"batch_size {args.batch_size}, processes {processes}, {args.repeat} rounds")

    bare_times = {n: [] for n in processes}
    sitrep_times = {n: [] for n in processes}
    coded = []
    for run in range(args.repeat):
        for n in processes:
            bare = time_bare(nlp, texts, n, args.batch_size)
            seconds, result = time_sitrep(nlp, chosen, kb, n, args.batch_size)
            bare_times[n].append(bare)
            sitrep_times[n].append(seconds)
            if n == 1 or not coded:
                coded = result
            print(f"round {run + 1}, n_process={n}: bare {bare:7.2f} s, sitrep {seconds:7.2f} s, "
                  f"ratio {bare / seconds:.2f}", flush=True)

    events_found = sum(len(doc.events) for doc in coded)
    entities_found = sum(len(doc.entities) for doc in coded)
    print(f"\n{len(chosen):,} articles, {words:,} words; sitrep found {entities_found:,} entities, "
          f"{events_found:,} events")
    print(f"{'':22}{'median s':>9}{'words/s':>10}{'articles/s':>12}")
    ratios = {}
    for n in processes:
        bare, sitrep = statistics.median(bare_times[n]), statistics.median(sitrep_times[n])
        ratios[n] = bare / sitrep
        print(f"bare nlp.pipe   n={n}   {bare:9.2f}{words / bare:10.0f}{len(chosen) / bare:12.1f}")
        print(f"sitrep coding   n={n}   {sitrep:9.2f}{words / sitrep:10.0f}"
              f"{len(chosen) / sitrep:12.1f}   ratio sitrep/bare {ratios[n]:.2f} "
              f"(per round: {', '.join(f'{b / s:.2f}' for b, s in zip(bare_times[n], sitrep_times[n]))})")
    if 1 in processes and 2 in processes:
        print(f"speed-up 2 vs 1 process: bare {statistics.median(bare_times[1]) / statistics.median(bare_times[2]):.2f}x, "
              f"sitrep {statistics.median(sitrep_times[1]) / statistics.median(sitrep_times[2]):.2f}x")

    store = time_store(coded)
    code_1 = statistics.median(sitrep_times[processes[0]])
    print(f"\nstore (SQLite, one transaction per document): {store:.2f} s for {len(coded):,} "
          f"documents, {len(coded) / store:.0f} documents/s, {events_found / store:.0f} events/s; "
          f"{100 * store / code_1:.1f}% of the n={processes[0]} coding time; coding + store "
          f"{words / (code_1 + store):.0f} words/s")

    below = [n for n, ratio in ratios.items() if ratio < args.target]
    print(f"\ntarget ratio >= {args.target}: "
          + ("met" if not below else f"missed for n_process={', '.join(map(str, below))}"))
    if args.profile == "always" or (args.profile == "auto" and below):
        subset = corpus.sample(records, args.profile_documents)
        profile_post_parse(nlp, subset, kb, args.batch_size, args.top)
        if 2 in processes:
            profile_parent(nlp, subset, kb, args.batch_size, args.top)


if __name__ == "__main__":
    main()
