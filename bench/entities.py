"""Benchmark: what entities + actor resolution add over the bare spaCy pass.

The claim under test: "Resolution costs little: entities + resolution add at most 15% over the
bare spaCy pass". In one process, on the same texts (bench/corpus.py, prepared: repaired,
known words capitalised and URLs blanked exactly as events.code_documents does before parsing):

    (a) list(nlp.pipe(texts, batch_size=32))
    (b) the same pipe, and for each parsed doc events._mentions (entities -> actors, resolved
        against actors.shipped_kb()) and events._entities (equipment, sector phrases, model
        entities, outlets; merged)

The model, the KB, the equipment catalogue and the other lazily loaded tables are loaded and
warmed up before timing. (a) and (b) alternate --repeat times; medians are printed, with words/s
and the overhead (b/a - 1). (b) also times its post-parse work on its own, which gives a second,
less noisy estimate of the overhead: post-parse seconds / median (a).

    python bench/entities.py [--documents 1000] [--repeat 3] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import statistics
import time

import corpus

from sitrep import events
from sitrep.actors.knowledge import shipped_kb
from sitrep.entities.equipment import equipment_catalogue, ship_pattern
from sitrep.pipeline import prepare
from sitrep.text.parsing import load_nlp
from sitrep.text.reading import from_record
from sitrep.text.repair import capitalise_known_words


def prepared_documents(records, kb):
    docs = []
    forms = events.proper_forms_cached(kb)
    for record in records:
        doc = prepare(from_record(record, "bench"))
        doc.repaired = capitalise_known_words(doc.repaired, forms)
        docs.append(doc)
    return docs


def bare(nlp, texts, batch_size):
    start = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=batch_size))
    return time.perf_counter() - start, parsed


def with_entities(nlp, texts, docs, kb, batch_size):
    start = time.perf_counter()
    post = 0.0
    parsed_all = []
    counts = [0, 0]
    for parsed, doc in zip(nlp.pipe(texts, batch_size=batch_size), docs, strict=False):
        t = time.perf_counter()
        mentions = events._mentions(doc, parsed, kb, events._reference(doc))
        doc.entities = events._entities(doc, parsed, mentions, kb.sectors)
        post += time.perf_counter() - t
        counts[0] += len(mentions.items)
        counts[1] += len(doc.entities)
        parsed_all.append(parsed)
    return time.perf_counter() - start, post, counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--shared", default=str(corpus.DEFAULT_SHARED))
    args = parser.parse_args()

    records = corpus.load_records(args.shared)
    chosen = corpus.sample(records, args.documents)
    print(corpus.describe(chosen, len(records)))

    nlp = load_nlp()
    kb = shipped_kb()
    equipment_catalogue()
    ship_pattern()
    docs = prepared_documents(chosen, kb)
    texts = [events.parse_text(doc) for doc in docs]
    words = corpus.word_count(texts)
    # Warm-up: every lazily loaded table (gazetteer, outlets, ...) and spaCy's first batches.
    with_entities(nlp, texts[:64], docs[:64], kb, args.batch_size)
    print(f"model {nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}, "
          f"pipes {nlp.pipe_names}, batch_size {args.batch_size}")
    print(f"parsed text: {len(texts):,} documents, {words:,} words")

    bare_times, full_times, post_times = [], [], []
    for run in range(args.repeat):
        a, _ = bare(nlp, texts, args.batch_size)
        b, post, counts = with_entities(nlp, texts, docs, kb, args.batch_size)
        bare_times.append(a)
        full_times.append(b)
        post_times.append(post)
        print(f"run {run + 1}: (a) bare {a:7.2f} s   (b) pipe + entities {b:7.2f} s "
              f"(post-parse {post:5.2f} s)   b/a - 1 = {100 * (b / a - 1):+5.1f}%", flush=True)
    a, b, post = (statistics.median(x) for x in (bare_times, full_times, post_times))
    print(f"mentions {counts[0]:,}, entities {counts[1]:,} per pass")
    print(f"(a) bare nlp.pipe        median {a:7.2f} s  {words / a:8.0f} words/s  "
          f"{len(texts) / a:6.1f} docs/s")
    print(f"(b) + entities/actors    median {b:7.2f} s  {words / b:8.0f} words/s  "
          f"{len(texts) / b:6.1f} docs/s")
    print(f"    post-parse only      median {post:7.2f} s  {words / post:8.0f} words/s")
    inside = statistics.median(f - p for f, p in zip(full_times, post_times, strict=False))
    same_pass = statistics.median(p / (f - p) for f, p in zip(full_times, post_times, strict=False))
    print(f"    parsing inside (b)   median {inside:7.2f} s  (against (a): the run-to-run spread "
          f"of the spaCy pass itself)")
    print(f"overhead (b/a - 1), medians:                  {100 * (b / a - 1):+6.1f}%")
    print(f"overhead post-parse / (a), medians:           {100 * post / a:+6.1f}%")
    print(f"overhead post-parse / parse in the same pass: {100 * same_pass:+6.1f}%  "
          f"(median over runs; immune to drift between passes)")
    for name, value in (("b/a - 1", b / a - 1), ("post-parse / (a)", post / a),
                        ("same pass", same_pass)):
        verdict = "holds" if value <= 0.15 else "does not hold"
        print(f"claim 'at most 15% over the bare spaCy pass' by {name}: {verdict}")


if __name__ == "__main__":
    main()
