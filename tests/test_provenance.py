"""The project holds no text of the sets it is measured on.

The real-news development set (`plv/plv-train.csv`) and the negatives (real non-political
articles) are read from ../shared by `sitrep eval`; their sentences may not be copied into the
project (tests use sentences we write; docs and comments give examples we write). This check
reads every text file of the project and fails on a run of `RUN` words that also occurs in one of
those texts. Runs of fewer words are shared by names, titles and set phrases ("the International
Committee of the Red Cross"); none of eight words was, when the check was written.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from .conftest import needs_shared

ROOT = Path(__file__).resolve().parents[1]
RUN = 8
WORD = re.compile(r"[a-z0-9']+")
PROJECT_FILES = ("src", "tests", "docs", "scripts", "bench")
TEXT_SUFFIXES = {".py", ".md", ".tsv", ".csv", ".json", ".txt", ".toml", ".yaml", ".yml", ".html",
                 ".js", ".css"}


def runs(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def measured_runs() -> dict[tuple[str, ...], str]:
    """Every run of RUN words of the development set and the negatives -> the text's id."""
    found: dict[tuple[str, ...], str] = {}
    with needs_shared("plv", "plv-train.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            found.update(dict.fromkeys(runs(row["text"]), row["id"]))
    negatives = needs_shared("negatives", "bbc-entertainment-tech.jsonl")
    for line in negatives.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        found.update(dict.fromkeys(runs(record.get("text", "")), record.get("id", "?")))
    return found


def shared_lines(paths, measured) -> list[str]:
    hits = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace")
                                      .splitlines(), 1):
            common = runs(line) & measured.keys()
            if common:
                ids = sorted({measured[run] for run in common})
                hits.append(f"{path}:{number}: shares {' '.join(min(common))!r} with {ids[:3]}")
    return hits


def project_text_files() -> list[Path]:
    return sorted(path for top in PROJECT_FILES for path in (ROOT / top).rglob("*")
                  if path.is_file() and path.suffix in TEXT_SUFFIXES
                  and "__pycache__" not in path.parts)


pytestmark = pytest.mark.slow  # reads every text file of the project (a few seconds)


@pytest.fixture(scope="module")
def measured():
    return measured_runs()


def test_no_project_file_repeats_a_measured_text(measured):
    hits = shared_lines(project_text_files(), measured)
    assert not hits, ("text copied from the development set or the negatives; write your own "
                      "example instead:\n" + "\n".join(hits[:20]))


def test_the_check_finds_a_copied_sentence(measured, tmp_path):
    # control: a development sentence pasted into a test file is found
    with needs_shared("plv", "plv-train.csv").open(encoding="utf-8", newline="") as handle:
        sentence = next(row["text"] for row in csv.DictReader(handle)
                        if len(WORD.findall(row["text"])) > RUN)
    pasted = tmp_path / "test_pasted.py"
    pasted.write_text(f'CASES = [("{sentence}", "AGREE")]\n', encoding="utf-8")
    assert shared_lines([pasted], measured)
