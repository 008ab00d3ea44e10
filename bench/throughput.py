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
workers. Printed: top functions by cumulative and by own time, sitrep's own functions, the
callers of the costliest spaCy internals, and (for (1)) the same work run without a profiler with
inclusive seconds per sitrep function: cProfile's per-call hook inflates spaCy's Token-creating
Cython loops several times, so read its shares of spaCy internals as upper bounds.

    python bench/throughput.py [--documents 1000] [--repeat 3] [--processes 1,2]
                               [--profile-documents 300] [--profile always|auto|never]
                               [--profile-only]
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
from sitrep.actors.knowledge import shipped_kb
from sitrep.entities.equipment import equipment_catalogue, ship_pattern
from sitrep.coding.lexicon import load_lexicon
from sitrep.text.parsing import load_nlp
from sitrep.pipeline import prepare
from sitrep.text.reading import from_record
from sitrep.text.repair import capitalise_known_words
from sitrep.store.database import Database


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
    with tempfile.TemporaryDirectory() as tmp, Database(Path(tmp) / "bench.db") as db:
        start = time.perf_counter()
        for doc in coded:
            db.save_document(doc)
        return time.perf_counter() - start


def show_profile(profile: cProfile.Profile, title: str, limit: int) -> None:
    """Top functions by cumulative and own time, then sitrep's own functions by cumulative time,
    then who calls the top non-sitrep functions by cumulative time (spaCy internals are reached
    through sitrep code)."""
    views = [("cumulative", (), f"top {limit} by cumulative"),
             ("tottime", (), f"top {limit} by own time"),
             ("cumulative", (r"/sitrep/", limit), f"sitrep functions, top {limit} by cumulative")]
    for key, restrict, heading in views:
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out).sort_stats(key)
        stats.print_stats(*(restrict or (limit,)))
        lines = out.getvalue().splitlines()
        start = next((i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls")), 0)
        print(f"\n--- profile: {title}, {heading} ---")
        print("\n".join(_short(line) for line in lines[start:] if line.strip()))
    stats = pstats.Stats(profile)
    # stats.stats: (file, line, name) -> (calls, primitive calls, tottime, cumtime, callers)
    hot = sorted(stats.stats.items(), key=lambda item: -item[1][3])
    outside = [key for key, _ in hot if "/sitrep/" not in key[0] and not key[0].startswith("~")
               and "cProfile" not in key[0] and "/bench/" not in key[0]][:3]
    for file, line, name in outside:
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_callers(
            rf"{Path(file).name}:{line}\({name}")
        lines = [_short(line) for line in out.getvalue().splitlines()
                 if line.strip() and not line.lstrip().startswith(("Ordered by", "List reduced"))]
        print(f"\n--- callers of {Path(file).name}:{line}({name}) ---")
        print("\n".join(lines[-12:]))


def _short(line: str) -> str:
    """Paths shortened to the file name, so the tables stay readable."""
    import re

    return re.sub(r"(?:[\w.\-]*/)+([\w.\-]+:\d+\()", r"\1", line)


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
    for doc_parsed, (_, doc) in zip(parsed, docs, strict=False):
        events.code_parsed(doc, doc_parsed, kb)
    post.disable()
    post_seconds = time.perf_counter() - start
    print(f"\nprofiled on {len(records)} documents: bare parse {parse_seconds:.2f} s, "
          f"code_parsed {post_seconds:.2f} s under cProfile "
          f"({100 * post_seconds / parse_seconds:.0f}% of the parse; cProfile inflates it)")
    show_profile(post, "code_parsed after parsing (1 process)", limit)
    unprofiled(parsed, docs, kb, doc_text_calls(post))
    show_profile(pre, "text stages before parsing (prepare, capitalise, parse_text)", limit // 2)


# Functions timed inclusively (nested ones overlap) by wrapping their module-level names, which is
# how sitrep's modules call each other; no profiler hook, so spaCy's Cython loops run at full speed.
TIMED = [
    ("events", "_mentions"), ("events", "_as_of"), ("events", "_kb_mentions"),
    ("events", "resolve"), ("events", "_entities"), ("events", "equipment_entities"),
    ("entities", "find_equipment"), ("items", "find_equipment"), ("events", "find_sources"),
    ("events", "code_sentence"), ("events", "_candidate"), ("events", "_object_phrase"),
    ("events", "_arguments"), ("events", "modality_of"), ("events", "attribute"),
    ("events", "_date_for"), ("events", "phrase_items"), ("events", "_classified"),
    ("events", "_demands"), ("events", "_merge"), ("events", "_bullet_groups"),
]


def unprofiled(parsed, docs, kb, doc_text_calls: int | None) -> None:
    """The post-parse work without a profiler (cProfile's per-call hook inflates spaCy's
    Token-creating Cython loops several times): total, then inclusive time per function."""
    import importlib
    import inspect
    from collections import defaultdict

    start = time.perf_counter()
    for doc_parsed, (_, doc) in zip(parsed, docs, strict=False):
        events.code_parsed(doc, doc_parsed, kb)
    total = time.perf_counter() - start
    seconds: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    saved = []

    def timed(label, function):
        generator = inspect.isgeneratorfunction(function)  # consumed here, so its work counts

        def wrapper(*args, **kwargs):
            t = time.perf_counter()
            try:
                result = function(*args, **kwargs)
                return list(result) if generator else result
            finally:
                seconds[label] += time.perf_counter() - t
                calls[label] += 1
        return wrapper

    for module_name, name in TIMED:
        module = importlib.import_module(f"sitrep.{module_name}")
        if hasattr(module, name):
            saved.append((module, name, getattr(module, name)))
            setattr(module, name, timed(f"{module_name}.{name}", getattr(module, name)))
    try:
        start = time.perf_counter()
        for doc_parsed, (_, doc) in zip(parsed, docs, strict=False):
            events.code_parsed(doc, doc_parsed, kb)
        wrapped = time.perf_counter() - start
    finally:
        for module, name, function in saved:
            setattr(module, name, function)
    start = time.perf_counter()
    for doc_parsed in parsed:
        _ = _ = doc_parsed.text  # what one Doc.text access costs  # what one Doc.text access costs
    one_text = time.perf_counter() - start
    print(f"\n--- unprofiled: code_parsed {total:.2f} s on {len(docs)} documents "
          f"(with timing wrappers {wrapped:.2f} s); inclusive seconds per function ---")
    for label in sorted(seconds, key=seconds.get, reverse=True):
        print(f"{label:28}{seconds[label]:8.2f} s {100 * seconds[label] / wrapped:5.1f}%"
              f"{calls[label]:9,} calls")
    if doc_text_calls:
        estimate = one_text / len(parsed) * doc_text_calls
        print(f"{'spaCy Doc.text (rebuilt)':28}{estimate:8.2f} s {100 * estimate / total:5.1f}%"
              f"{doc_text_calls:9,} calls  (estimate: {1000 * one_text / len(parsed):.1f} ms per "
              f"call x calls counted by cProfile)")


def doc_text_calls(profile: cProfile.Profile) -> int | None:
    """Calls of spaCy's Doc.text getter (a doc.pyx __get__ that runs a genexpr over the tokens)."""
    stats = pstats.Stats(profile).stats
    for (file, _, name), (_, _, _, _, callers) in stats.items():
        if file.endswith("doc.pyx") and name == "genexpr":
            getters = [key for key in callers if key[0].endswith("doc.pyx") and key[2] == "__get__"]
            if getters:
                return stats[getters[0]][1]
    return None


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
    parser.add_argument("--profile-only", action="store_true",
                        help="skip the timed rounds; profile --profile-documents documents")
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

    if args.profile_only:
        subset = corpus.sample(records, args.profile_documents)
        profile_post_parse(nlp, subset, kb, args.batch_size, args.top)
        if 2 in processes:
            profile_parent(nlp, subset, kb, args.batch_size, args.top)
        return

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
              f"(per round: {', '.join(f'{b / s:.2f}' for b, s in zip(bare_times[n], sitrep_times[n], strict=False))})")
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
