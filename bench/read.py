"""Benchmark: read + repair + describe + store, documents/second, on >= 5,000 documents.

The corpus is bench/corpus.py's (4,500 ngec synthetic stories + re3d + the seed story, 4,546
documents); beyond that, copies with variations are added (each copy gets a different dateline and
a scraped-text defect, so every copy is a new document). Written as .txt files and as one .jsonl
file. Prints figures and the ratio of the two input kinds.

    python bench/read.py [--documents 5000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import corpus

from sitrep.runners.local import ingest
from sitrep.store.database import Database


def variants(texts: list[str], count: int) -> list[str]:
    """The corpus as it is, then (past its end) copies with variations up to `count`."""
    out = list(texts[:count])
    for i in range(len(out), count):
        base = texts[i % len(texts)]
        # A dateline and a missing space after a comma, as scraped copies have.
        out.append(f"Report {i},filed 2025/{1 + i % 12:02d}/{1 + i % 28:02d}.\n{base}")
    return out


def run(paths: list[str], workdir: Path, name: str) -> tuple[float, int]:
    db_path = workdir / f"{name}.db"
    with Database(db_path) as db:
        start = time.perf_counter()
        summary = ingest(db, paths)
        elapsed = time.perf_counter() - start
    db_path.unlink()
    return elapsed, summary.new


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--shared", default=str(corpus.DEFAULT_SHARED))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    base = [record["text"] for record in corpus.load_records(args.shared)]
    texts = variants(base, args.documents)
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "txt"
        folder.mkdir()
        for i, text in enumerate(texts):
            (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        jsonl = work / "corpus.jsonl"
        jsonl.write_text(
            "".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(texts))
        )
        figures = {}
        for name, paths in (("txt folder", [str(folder)]), ("jsonl", [str(jsonl)])):
            times = []
            for r in range(args.repeat):
                elapsed, stored = run(paths, work, f"{name.replace(' ', '_')}{r}")
                assert stored == len(texts), (stored, len(texts))
                times.append(elapsed)
            figures[name] = statistics.median(times)
    copies = max(0, len(texts) - len(base))
    print(f"corpus: {len(texts):,} documents, {words:,} words ({min(len(base), len(texts)):,} of "
          f"ngec synthetic + re3d + seed, {copies:,} varied copies)")
    for name, seconds in figures.items():
        print(f"{name:12} median {seconds:6.2f} s over {args.repeat} runs: "
              f"{len(texts) / seconds:8.0f} documents/s, {words / seconds:9.0f} words/s")
    print(f"ratio jsonl/txt throughput: {figures['txt folder'] / figures['jsonl']:.2f}")


if __name__ == "__main__":
    main()
