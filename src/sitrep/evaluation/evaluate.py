"""Evaluation: score the coder that ingest ships against gold files, and say which file and how
many cases.

Kinds recognised from the file: the seed annotation (`gold.json` with `required` events,
`seed.py`), the PLOVER gold records and sentence CSVs (`sentences.py`), PETRARCH2's unit suite
(`petrarch.py`), re3d entity spans (`re3d.py`) and negatives, JSON Lines of articles known to
hold no political event (`negatives.py`). Every scorer takes the same `Options` as
ingest and codes through the same `Coder`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path

from sitrep.errors import EvalError
from sitrep.evaluation.negatives import evaluate_negatives, looks_like_negatives
from sitrep.evaluation.petrarch import evaluate_petrarch
from sitrep.evaluation.re3d import evaluate_re3d
from sitrep.evaluation.report import Report
from sitrep.evaluation.seed import evaluate_seed
from sitrep.evaluation.sentences import evaluate_plover, evaluate_sentences
from sitrep.options import Options


def detect_kind(path: Path) -> str:
    if path.is_dir() and any(path.rglob("entities.json")):
        return "re3d"
    name = path.name.lower()
    if name.endswith(".xml"):
        return "petrarch"
    if name.endswith(".csv"):
        return "sentences"
    if name.endswith((".jsonl", ".ndjson")):
        if looks_like_negatives(path):
            return "negatives"
        raise EvalError(f"{path}: JSON Lines without a \"text\" in its first object; negatives "
                        "are one article {\"id\": ..., \"text\": ...} a line")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise EvalError(f"{path}: not JSON, XML or CSV ({error}); give a gold file sitrep knows") \
            from None
    if isinstance(data, dict) and "required" in data:
        return "seed"
    if isinstance(data, list) and data and "event" in data[0]:
        return "plover"
    raise EvalError(f"{path}: unknown gold format; see `sitrep eval --help` for the kinds")


def evaluate_paths(paths: Sequence[str | Path], options: Options | None = None,
                   limit: int | None = None) -> Iterator[Report]:
    """Score the coder against each gold path in turn (`sitrep eval`). Given several, as a
    shell glob over a folder gives them (`../shared/re3d/*` holds a README beside the two re3d
    folders), a file that is no gold file sitrep knows is skipped, its report a note saying so;
    a single path that is not gold, or a path that does not exist, stays an error."""
    for path in paths:
        if len(paths) > 1 and Path(path).is_file():
            try:
                detect_kind(Path(path))
            except EvalError as error:
                yield Report(file=str(path), kind=f"skipped, not a gold file ({error})", cases=0)
                continue
        yield evaluate(path, options, limit)


def evaluate(path: str | Path, options: Options | None = None, limit: int | None = None) -> Report:
    """Score the coder (configured by `options`, as ingest would be) against a gold file."""
    path = Path(path)
    if not path.exists():
        raise EvalError(f"{path}: no such file; check the path")
    kind = detect_kind(path)
    scorer = {"seed": evaluate_seed, "plover": evaluate_plover, "petrarch": evaluate_petrarch,
              "sentences": evaluate_sentences, "re3d": evaluate_re3d,
              "negatives": evaluate_negatives}[kind]
    return scorer(path, options or Options(), limit)
