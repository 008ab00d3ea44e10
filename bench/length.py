"""Benchmark: does coding cost grow linearly with a document's length?

Builds documents of about 1k, 4k, 16k and 64k words from real text (the re3d defence documents,
the seed story and NGEC's synthetic stories, paragraphs repeated in order until the length is
reached), codes each with `Coder.code` (repair, parse, entities, events) and prints seconds per
1,000 words, split into the bare spaCy parse of the same text and sitrep's own work. Each length
is run --repeat times; medians are printed. The bar: per-word cost at 64k within 1.5x of 1k.

    python bench/length.py [--sizes 1000,4000,16000,64000] [--repeat 3] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import corpus

from sitrep import Coder, Document


def paragraphs(shared: Path) -> list[str]:
    """Real paragraphs, in corpus order, without exact repeats."""
    found: list[str] = []
    for record in corpus.load_records(shared):
        found.extend(p.strip() for p in record["text"].split("\n\n") if len(p.split()) >= 20)
    return list(dict.fromkeys(found))


def document_of(words: int, pool: list[str]) -> str:
    taken, count, index = [], 0, 0
    while count < words:
        paragraph = pool[index % len(pool)]
        taken.append(paragraph)
        count += len(paragraph.split())
        index += 1
    return "\n\n".join(taken)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,4000,16000,64000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=corpus.DEFAULT_SHARED)
    args = parser.parse_args()
    if not args.shared.exists():
        sys.exit(f"{args.shared} is not here: this benchmark reads real text from ../shared")
    coder = Coder()
    pool = paragraphs(args.shared)
    coder.code_text("Warm-up: Venezuela asked Russia for missiles.")
    print(f"{'words':>7} {'bare s/1k':>10} {'sitrep s/1k':>12} {'own s/1k':>9} {'own share':>10}")
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        text = document_of(size, pool)
        words = len(text.split())
        bare, full = [], []
        for _ in range(args.repeat):
            start = time.perf_counter()
            coder.nlp(text)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            coder.code(Document(id=f"len-{size}", text=text))
            full.append(time.perf_counter() - start)
        per_bare = statistics.median(bare) / words * 1000
        per_full = statistics.median(full) / words * 1000
        rows.append((words, per_full))
        print(f"{words:>7} {per_bare:>10.3f} {per_full:>12.3f} {per_full - per_bare:>9.3f} "
              f"{(per_full - per_bare) / per_full:>10.0%}")
    first, last = rows[0], rows[-1]
    print(f"per-word cost at {last[0]:,} words / at {first[0]:,} words: "
          f"{last[1] / first[1]:.2f}x (bar: <= 1.5x)")


if __name__ == "__main__":
    main()
