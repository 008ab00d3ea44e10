"""Sentence sets: one label per sentence (a CSV `id,text,label[,source,target]`, or the PLOVER
gold records), scored on the sentence's main event (`coding/document.py` `main_event`), as the
published coders are scored.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

from sitrep.coding.document import main_event
from sitrep.evaluation.report import Report
from sitrep.options import Options
from sitrep.pipeline import Coder
from sitrep.resources import plover_schema


def _codes(actors) -> set[str]:
    return {a.code for a in actors if a.code}


def _score_types(rows, coder: Coder, path: Path, kind: str) -> Report:
    gold_labels, predicted, actor_hits, actor_cases, target_hits, target_cases = [], [], 0, 0, 0, 0
    confusion: Counter = Counter()
    for row in rows:
        events = coder.code_text(row["text"], row.get("date"), row["id"])
        main = main_event(events)
        label = main.event if main else "NONE"
        gold_labels.append(row["label"])
        predicted.append(label)
        confusion[(row["label"], label)] += 1
        if row.get("source"):
            actor_cases += 1
            actor_hits += bool(main and _codes_match(row["source"], main.actor))
        if row.get("target"):
            target_cases += 1
            target_hits += bool(main and _codes_match(row["target"], main.recipient))
    report = Report(file=str(path), kind=kind, cases=len(gold_labels))
    report.figures["event_type_accuracy"] = _accuracy(gold_labels, predicted)
    report.figures["macro_f1"] = _macro_f1(gold_labels, predicted)
    if actor_cases:
        report.figures["actor_match"] = actor_hits / actor_cases
    if target_cases:
        report.figures["recipient_match"] = target_hits / target_cases
    report.confusion = dict(confusion)
    report.details.append("confusion (gold -> predicted, count):")
    for (gold, guess), count in sorted(confusion.items(), key=lambda x: -x[1]):
        if gold != guess:
            report.details.append(f"  {gold:10} -> {guess:10} {count}")
    return report


def _codes_match(expected: set[str], actors) -> bool:
    """CAMEO-coded gold writes transnational bodies as "IGO" or "NGO" (and uses the two loosely:
    Amnesty International is "IGO" in the PLOVER records); sitrep gives a body its own code (UNO,
    EUR, or none) and the sector IGO or NGO, so either sector matches either gold code."""
    if expected & _codes(actors):
        return True
    return bool(expected & TRANSNATIONAL) and any(a.sector in TRANSNATIONAL for a in actors)


TRANSNATIONAL = {"IGO", "NGO"}


def _accuracy(gold: list[str], predicted: list[str]) -> float:
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / max(len(gold), 1)


def _macro_f1(gold: list[str], predicted: list[str]) -> float:
    scores = []
    for label in set(gold):
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return sum(scores) / max(len(scores), 1)


def _record_codes(value) -> set[str]:
    """Country parts of a gold record's actor codes (some records leave the field a string)."""
    if not isinstance(value, list):
        return set()
    return {a["code"][:3] for a in value if isinstance(a, dict) and a.get("code")}


def evaluate_plover(path: Path, options: Options, limit: int | None = None) -> Report:
    label_map = plover_schema()["label_map_0_5"]
    rows: list[dict] = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record.get("event") == "DOCUMENT" or "text" not in record:
            continue
        rows.append({
            "id": record["id"], "text": record["text"], "date": record.get("date"),
            "label": label_map.get(record["event"], record["event"]),
            "source": _record_codes(record.get("source")),
            "target": _record_codes(record.get("target")),
        })
    return _score_types(rows[:limit] if limit else rows, Coder(options), path,
                        "PLOVER gold records (0.5b1 labels mapped to v0.8)")


def evaluate_sentences(path: Path, options: Options, limit: int | None = None) -> Report:
    rows: list[dict] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for record in csv.DictReader(handle):
            if not record.get("text") or not record.get("label"):
                continue
            rows.append({
                "id": record.get("id") or str(len(rows)), "text": record["text"],
                "label": record["label"].strip().upper(), "date": record.get("date") or None,
                "source": {c for c in (record.get("source") or "").split(";") if c},
                "target": {c for c in (record.get("target") or "").split(";") if c},
            })
    return _score_types(rows[:limit] if limit else rows, Coder(options), path, "sentence CSV")


