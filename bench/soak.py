"""Soak: ingest a few thousand documents with bad ones mixed in, as one run.

Prints documents/s, the failures (each bad input must fail alone, every good one be stored) and
memory: the peak, and the resident size as the run goes on, to show it does not grow with the
number of documents (the runner streams: read -> batch -> code -> store, one document at a time
held past its batch).

    python bench/soak.py [--documents 3000] [--bad-every 40] [--processes 1] [--shared ../shared]

Documents are bench/corpus.py's (real and synthetic news) when ../shared is there, else written
from templates; they are cut into JSON Lines files of 100 and plain-text files. Every
--bad-every-th input is a bad one (a wrong field type, a lone surrogate, JSON nested 100,000
deep, a NUL line, a Latin-1 file, a binary file, an empty file, a FIFO, a link to /dev/zero).
Exits 1 if a good document was not stored or a bad one did not fail.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import corpus

from sitrep import Database, Options, ingest

BAD_LINES = [
    json.dumps({"id": "bad-url", "text": "x y.", "url": ["list"]}),
    json.dumps({"id": "bad-title", "text": "x y.", "title": 7}),
    '{"id": "bad-surrogate", "text": "Bad \\ud800 text."}',
    "[" * 100_000 + "]" * 100_000,
    "\u0000\u0000",
    "{not json",
]
BAD_FILES = [
    ("latin1.txt", "Le président français".encode("latin-1")),
    ("binary.txt", b"\x00\x01binary\x00"),
    ("empty.txt", b""),
    ("nested.json", b"[" * 100_000 + b"]" * 100_000),
]


def texts(count: int, shared: Path) -> list[str]:
    if (shared / corpus.SYNTHETIC).exists():
        records = corpus.sample(corpus.load_records(shared), count)
        found = [r["text"] for r in records]
    else:
        found = []
    countries = ["Iran", "China", "Russia", "Ukraine", "Serbia", "Egypt", "Israel", "Chile",
                 "Peru", "Kenya", "Somalia", "Japan", "India", "Brazil", "Turkey", "Syria"]
    acts = ["asked {b} for missile units", "accused {b} of shelling its border",
            "signed a trade agreement with {b}", "hosted talks with {b} in its capital",
            "threatened {b} with sanctions", "sent aid to {b}"]
    i = 0
    while len(found) < count:  # copies with variations past the corpus's end
        a, b = countries[i % 16], countries[(i * 7 + 3) % 16]
        act = acts[i % len(acts)].format(b=b)
        found.append(f"Report {i}: {a} {act} on Monday, officials said. "
                     f"The ministry of {a} confirmed it on {1 + i % 28} March 2025.")
        i += 1
    return found[:count]


def write_inputs(folder: Path, documents: list[str], bad_every: int) -> tuple[list[str], int]:
    """JSON Lines files of 100 records (every 5th document a .txt file instead), with bad lines
    and bad files mixed in; the paths, and how many bad inputs there are."""
    bad, lines, files = 0, [], 0

    def flush() -> None:
        nonlocal lines, files
        if lines:
            (folder / f"part{files:04d}.jsonl").write_text("\n".join(lines) + "\n",
                                                           encoding="utf-8")
            files += 1
            lines = []

    for number, text in enumerate(documents, start=1):
        i = number - 1
        if i % 5 == 4:
            (folder / f"story{i:05d}.txt").write_text(f"Report {i}\n{text}", encoding="utf-8")
        else:
            lines.append(json.dumps({"id": f"doc{i}", "text": text}, ensure_ascii=False))
        if number % bad_every == 0:
            kind = (number // bad_every) % (len(BAD_LINES) + len(BAD_FILES) + 2)
            if kind < len(BAD_LINES):
                lines.append(BAD_LINES[kind])
            elif kind < len(BAD_LINES) + len(BAD_FILES):
                name, content = BAD_FILES[kind - len(BAD_LINES)]
                (folder / f"bad{number:05d}-{name}").write_bytes(content)
            elif kind == len(BAD_LINES) + len(BAD_FILES):
                os.mkfifo(folder / f"bad{number:05d}-pipe.txt")
            else:
                os.symlink("/dev/zero", folder / f"bad{number:05d}-zero.txt")
            bad += 1
        if len(lines) >= 100:
            flush()
    flush()
    return [str(folder)], bad


def resident_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=3000)
    parser.add_argument("--bad-every", type=int, default=40)
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--shared", type=Path, default=corpus.DEFAULT_SHARED)
    args = parser.parse_args()

    documents = texts(args.documents, args.shared)
    with tempfile.TemporaryDirectory() as workdir:
        folder = Path(workdir) / "in"
        folder.mkdir()
        paths, bad = write_inputs(folder, documents, args.bad_every)
        inputs = len(documents) + bad
        samples: list[tuple[int, float]] = []
        seen = 0

        def sample() -> None:
            nonlocal seen
            seen += 1
            if seen % max(inputs // 20, 1) == 0:
                samples.append((seen, resident_mb()))

        options = Options().replace(processes=args.processes)
        with Database(Path(workdir) / "soak.db") as db:
            started = time.perf_counter()
            summary = ingest(db, paths, options, on_document=sample)
            took = time.perf_counter() - started
            samples.append((seen, resident_mb()))  # once the last batch is coded and stored
            stored = db.count("documents")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"inputs: {inputs:,} ({len(documents):,} documents, {bad} bad), processes "
          f"{args.processes}, machine noisy (2 shared cores): read figures as rough")
    print(f"stored {stored:,} documents, {summary.events:,} events, {summary.clusters:,} clusters "
          f"in {took:.1f} s: {stored / took:.1f} documents/s (start-up and clustering included)")
    stages: dict[str, int] = {}
    for failure in summary.failures:
        stages[failure.stage] = stages.get(failure.stage, 0) + 1
    print(f"failures: {len(summary.failures)} (expected {bad}), by stage {stages}; e.g.")
    for failure in summary.failures[:3]:
        print(f"    {str(failure)[:140]}")
    print(f"peak resident memory: {peak:.0f} MB")
    quarter = len(samples) // 4
    early = statistics.median(mb for _, mb in samples[quarter:2 * quarter] or samples)
    late = statistics.median(mb for _, mb in samples[-quarter:] or samples)
    print("resident MB as inputs are read: " + ", ".join(f"{n}: {mb:.0f}" for n, mb in samples))
    print(f"second quarter median {early:.0f} MB, last quarter {late:.0f} MB: ratio "
          f"{late / early:.2f} (1.00 = no growth with the number of documents)")
    ok = stored == len(documents) and len(summary.failures) == bad
    print("OK: every good document stored, every bad input failed alone" if ok else
          "NOT OK: see the counts above")
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
