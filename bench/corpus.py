"""The benchmark corpus, shared by bench/read.py, bench/entities.py and bench/throughput.py.

    the 4,500 synthetic stories of ngec/gpt_synthetic_events_2023-10-19_19.csv.gz (column `text`)
  + the re3d documents (re3d/*/documents.json, JSON lines with `text`)
  + the seed story (seed/000_ca64f977583370ee.txt)

in that order, exact duplicates dropped. `sample(records, n)` takes a fixed-seed random subsample
(the synthetic stories are grouped by event type, so a prefix would not be representative).
"""

from __future__ import annotations

import compileall
import csv
import gzip
import importlib.util
import json
import random
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SYNTHETIC = "ngec/gpt_synthetic_events_2023-10-19_19.csv.gz"
SEED_STORY = "seed/000_ca64f977583370ee.txt"
SAMPLE_SEED = 20260101


def compile_sitrep() -> None:
    """Write the bytecode of sitrep's modules, as an installed package has it (pip compiles a
    wheel's modules; an editable install's are compiled by its first run, unless the environment
    says PYTHONDONTWRITEBYTECODE, as some machines do). Without it, a timed start-up would
    include compiling sitrep's sources (about 0.2 s) while spaCy's come compiled."""
    spec = importlib.util.find_spec("sitrep")
    assert spec is not None and spec.submodule_search_locations, "sitrep is not installed"
    for folder in spec.submodule_search_locations:
        compileall.compile_dir(folder, quiet=1)


def load_records(shared: Path | str = DEFAULT_SHARED) -> list[dict[str, str]]:
    """Every corpus document as {"id", "text"}, duplicates (same text) dropped."""
    shared = Path(shared)
    records: list[dict[str, str]] = []
    csv.field_size_limit(10**9)
    with gzip.open(shared / SYNTHETIC, "rt", encoding="utf-8", newline="") as handle:
        for i, row in enumerate(csv.DictReader(handle)):
            records.append({"id": f"ngec-{i:04d}", "text": row["text"]})
    for path in sorted(shared.glob("re3d/*/documents.json")):
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                records.append({"id": f"re3d-{path.parent.name}-{i:02d}",
                                "text": json.loads(line)["text"]})
    records.append({"id": "seed-000", "text": (shared / SEED_STORY).read_text(encoding="utf-8")})
    seen: set[str] = set()
    unique = []
    for record in records:
        if record["text"].strip() and record["text"] not in seen:
            seen.add(record["text"])
            unique.append(record)
    return unique


def sample(records: list[dict[str, str]], count: int | None) -> list[dict[str, str]]:
    """A fixed-seed subsample of `count` records (all of them, in order, if count is None or
    not smaller than the corpus)."""
    if count is None or count >= len(records):
        return list(records)
    return random.Random(SAMPLE_SEED).sample(records, count)


def word_count(texts) -> int:
    return sum(len(text.split()) for text in texts)


def describe(records: list[dict[str, str]], total: int) -> str:
    return (f"corpus: {len(records):,} of {total:,} documents "
            f"(ngec synthetic + re3d + seed), {word_count(r['text'] for r in records):,} words")
