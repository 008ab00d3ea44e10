"""Negatives: JSON Lines of articles known to hold no political event (sport, business,
entertainment, technology), coded exactly as ingest codes them. Every event is a false positive,
so the figures are rates: events per article and per 1,000 words, the share of articles with any
event, the types and triggers coded most often, and the ten worst articles.

A line is `{"id": ..., "text": ...}` (any other fields are ignored), as `sitrep ingest` reads
JSON Lines; a line that cannot be read is counted and named, and the others still go through.
A line may also name, in "plover", the type of the one political event a mixed article holds:
one event of that type there is a hit, not a false positive, and the hits are counted apart.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from sitrep.errors import DocumentError, EvalError, ReadError
from sitrep.evaluation.report import Report
from sitrep.model import Document
from sitrep.options import Options
from sitrep.pipeline import Coder
from sitrep.text.reading import read_path

WORST = 10  # articles listed
TOP = 15  # types and triggers listed


def looks_like_negatives(path: Path) -> bool:
    """A JSON Lines file of articles: objects with a "text" and no gold event fields."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    return False
                return isinstance(record, dict) and "text" in record and "event" not in record
    return False


def expected_types(path: Path) -> dict[str, str]:
    """The PLOVER type of the one political event of each mixed article, by id ("plover").
    A second pass over the file: the reader hands on documents, not a line's other fields."""
    expected: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and isinstance(record.get("plover"), str):
                expected[str(record.get("id"))] = record["plover"]
    return expected


def evaluate_negatives(path: Path, options: Options, limit: int | None = None) -> Report:
    """Code every article and report the false-positive rates."""
    docs: list[Document] = []
    unreadable: list[str] = []
    for result in read_path(str(path), options.max_bytes):
        if isinstance(result, ReadError):
            unreadable.append(str(result))
        else:
            docs.append(result)
        if limit and len(docs) >= limit:
            break
    if not docs:
        raise EvalError(f"{path}: no article could be read; write one JSON object with a "
                        f'"text" per line')
    expected = expected_types(path)
    mixed_found = 0
    missed: list[str] = []
    words = 0
    per_article: list[tuple[int, str, list[str]]] = []
    types: Counter[str] = Counter()
    triggers: Counter[str] = Counter()
    for doc in Coder(options).pipe(docs):
        if isinstance(doc, DocumentError):  # it could not be coded: counted, not scored
            unreadable.append(str(doc))
            continue
        words += len(doc.text.split())
        false = list(doc.events)
        wanted = expected.get(doc.id)
        hit = next((e for e in false if e.event == wanted), None)
        if hit is not None:
            false.remove(hit)
            mixed_found += 1
        elif wanted:
            missed.append(f"{doc.id} {wanted}")
        per_article.append((len(false), doc.id, [
            f"{e.event} {e.event_text.lower()!r}" for e in false]))
        types.update(e.event for e in false)
        triggers.update(e.event_text.lower() for e in false)
    events = sum(count for count, _, _ in per_article)
    report = Report(file=str(path), kind="negatives (articles with no political event)",
                    cases=len(per_article))
    report.figures["events"] = events
    report.figures["events_per_article"] = events / len(per_article)
    report.figures["events_per_1000_words"] = 1000 * events / max(words, 1)
    report.figures["articles_with_events"] = sum(1 for count, _, _ in per_article if count)
    if expected:
        report.figures["mixed_articles"] = sum(1 for _, doc_id, _ in per_article
                                               if doc_id in expected)
        report.figures["mixed_events_found"] = mixed_found
        report.details.append("mixed articles whose political event was missed: "
                              + (", ".join(missed) or "none"))
    report.details.append("types: " + ", ".join(f"{t} {n}" for t, n in types.most_common(TOP)))
    report.details.append("triggers: " + ", ".join(
        f"{t!r} {n}" for t, n in triggers.most_common(TOP)))
    report.details.append(f"worst {WORST} articles (events, id: types and triggers):")
    for count, doc_id, found in sorted(per_article, key=lambda a: -a[0])[:WORST]:
        if count:
            report.details.append(f"  {count:3} {doc_id}: {'; '.join(found)}")
    for problem in unreadable:
        report.details.append(f"unreadable: {problem}")
    return report
