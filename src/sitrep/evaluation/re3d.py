"""re3d: public-domain defence documents with entity spans; sitrep's entities (offsets into the
original text) scored by overlap, per re3d type.

With details, the report lists per type the spans sitrep predicted that no gold span of that
type overlaps (false positives, with the label sitrep gave and the gold type found there, if
any) and the named gold spans no prediction of that type overlaps (misses, with what sitrep
said there): the material for an error analysis, capped at `LISTED` of each.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sitrep.evaluation.report import Report
from sitrep.model import Document
from sitrep.options import Options
from sitrep.pipeline import Coder

RE3D_TYPES = ["Person", "Organisation", "Location", "Nationality", "Weapon", "MilitaryPlatform"]
NAMED_ONLY = {"Person", "Organisation", "Location", "Nationality"}
PRONOUNS = {"he", "she", "it", "we", "they", "i", "you", "his", "her", "its", "our", "their",
            "them", "us", "him", "this", "that", "these", "those", "who", "which"}
PLATFORM_KINDS = {"combat aircraft", "transport aircraft", "trainer aircraft", "helicopter",
                  "warship", "submarine", "tank", "armoured vehicle", "drone"}
# The catalogue's plain "vehicles" (vehicle, truck, bulldozer) names no military class: re3d's
# Vehicle ("a non-military maritime, land or air vehicle ... indicated by its abstract class"),
# a type not scored here, not a MilitaryPlatform.
CIVIL_CLASSES = {"equipment:vehicles"}
# False positives and misses listed per type with details (the counts are always complete).
LISTED = 15


def re3d_type(entity) -> str | None:
    """The re3d type a sitrep entity counts as.

    sitrep's NORP (OntoNotes: nationalities, religious and political groups) holds both the
    adjective ("Syrian") and the people ("the Syrians"); re3d's schema (its UPSTREAM_README)
    splits them: Nationality is a "description of nationality, religious or ethnic identity",
    an Organisation "a group of people", so a NORP written as a plural noun ("Syrians",
    "Kurds", "Iraqis"; not "Swiss") counts as an Organisation, as re3d's annotators mark it."""
    if entity.label == "NORP" and _plural_noun(entity.text):
        return "Organisation"
    if entity.label == "EQUIPMENT":
        if entity.kb_id in CIVIL_CLASSES:
            return None
        if entity.kind in PLATFORM_KINDS or entity.category in {"aircraft", "naval", "drones"}:
            return "MilitaryPlatform"
        return "Weapon" if entity.kind != "components" else None
    return {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location",
            "FAC": "Location", "NORP": "Nationality"}.get(entity.label)


def _plural_noun(text: str) -> bool:
    last = text.split()[-1] if text.split() else ""
    return last[:1].isupper() and last.endswith("s") and not last.endswith("ss")


def is_named(value: str) -> bool:
    """re3d marks pronouns and common nouns too; a named mention is a capitalised word after an
    optional article, not a pronoun."""
    words = value.split()
    if words and words[0].lower() in {"the", "a", "an"}:
        words = words[1:]
    return bool(words) and words[0][:1].isupper() and words[0].lower() not in PRONOUNS


def _re3d_folder(path: Path):
    for entities_file in sorted(path.rglob("entities.json")):
        folder = entities_file.parent
        docs = [json.loads(line) for line in (folder / "documents.json").read_text(
            encoding="utf-8").splitlines() if line.strip()]
        gold: dict[str, list[dict]] = {}
        for line in entities_file.read_text(encoding="utf-8").splitlines():
            if line.strip():
                entity = json.loads(line)
                gold.setdefault(entity["documentId"], []).append(entity)
        for doc in docs:
            yield doc, gold.get(doc["_id"], [])


@dataclass
class _Errors:
    """One type's false positives and misses, as lines to list."""

    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    # false positives in a sentence holding no gold span of any type: re3d's annotators left
    # some sentences of long documents unmarked (the lists of coalition nations closing the
    # CENTCOM strike reports), so these are as likely gaps in the gold as errors
    unannotated: int = 0


# A sentence, for telling which ones the annotators marked: a line, or text up to ". ".
SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s)|$)", re.MULTILINE)


def _unannotated(text: str, gold: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The sentences of `text` no gold span touches."""
    return [(m.start(), m.end()) for m in SENTENCE.finditer(text)
            if not _overlapping(m.start(), m.end(), gold)]


def _overlapping(start: int, end: int, spans) -> list:
    return [span for span in spans if span[0] < end and start < span[1]]


def _describe(text: str, start: int, end: int, doc_id: str) -> str:
    return f'"{text[start:end]}" [{doc_id[:8]}:{start}]'


def evaluate_re3d(path: Path, options: Options, limit: int | None = None) -> Report:
    coder = Coder(options)
    counts: dict[str, Counter[str]] = {t: Counter() for t in RE3D_TYPES}
    errors = {t: _Errors() for t in RE3D_TYPES}
    pairs = list(_re3d_folder(path))
    if limit:
        pairs = pairs[:limit]
    for record, gold in pairs:
        doc = coder.entities(Document(id=record["_id"], text=record["text"]))
        predicted = [(e.start, e.end, re3d_type(e), e.label) for e in doc.entities]
        all_gold = [(g["begin"], g["end"], g["type"]) for g in gold]
        unmarked = _unannotated(record["text"], all_gold)
        for kind in RE3D_TYPES:
            mine = [(s, e, label) for s, e, t, label in predicted if t == kind]
            theirs = [(g["begin"], g["end"], g["value"]) for g in gold if g["type"] == kind]
            wanted = [g for g in theirs if kind not in NAMED_ONLY or is_named(g[2])]
            counts[kind]["predicted"] += len(mine)
            counts[kind]["gold"] += len(wanted)
            for s, e, label in mine:
                if _overlapping(s, e, theirs):
                    counts[kind]["correct"] += 1
                    continue
                there = sorted({t for _, _, t in _overlapping(s, e, all_gold)})
                if _overlapping(s, e, unmarked):
                    errors[kind].unannotated += 1
                    there = ["nothing in the sentence"]
                errors[kind].false_positives.append(
                    f"{_describe(record['text'], s, e, record['_id'])} sitrep {label}, gold "
                    f"{'/'.join(there) or 'nothing'}")
            for gs, ge, _ in wanted:
                if _overlapping(gs, ge, mine):
                    counts[kind]["found"] += 1
                    continue
                said = sorted({label for _, _, _, label in _overlapping(gs, ge, predicted)})
                errors[kind].misses.append(
                    f"{_describe(record['text'], gs, ge, record['_id'])} sitrep "
                    f"{'/'.join(said) or 'nothing'}")
    report = Report(file=str(path), kind="re3d entity spans (overlap match)", cases=len(pairs))
    for kind in RE3D_TYPES:
        c = counts[kind]
        precision = c["correct"] / c["predicted"] if c["predicted"] else 0.0
        recall = c["found"] / c["gold"] if c["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report.figures[f"{kind}_F1"] = f1
        report.details.append(f"  {kind:16} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
                              f"(gold {c['gold']}, predicted {c['predicted']})")
    for kind in RE3D_TYPES:
        unannotated = errors[kind].unannotated
        for heading, lines in (("false positives (predicted, not gold)",
                                errors[kind].false_positives),
                               ("misses (named gold, not predicted)", errors[kind].misses)):
            if lines:
                shown = f", the first {LISTED}" if len(lines) > LISTED else ""
                note = f" ({unannotated} in sentences with no gold span of any type)" \
                    if unannotated and lines is errors[kind].false_positives else ""
                report.details.append(f"  {kind} {heading}: {len(lines)}{note}{shown}")
                report.details.extend(f"    {line}" for line in lines[:LISTED])
    return report
