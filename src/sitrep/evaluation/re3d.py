"""re3d: public-domain defence documents with entity spans; sitrep's entities (offsets into the
original text) scored by overlap, per re3d type.
"""

from __future__ import annotations

import json
from collections import Counter
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


def re3d_type(entity) -> str | None:
    """The re3d type a sitrep entity counts as."""
    if entity.label == "EQUIPMENT":
        if entity.kind in PLATFORM_KINDS or entity.category in {"aircraft", "naval", "drones"}:
            return "MilitaryPlatform"
        return "Weapon" if entity.kind != "components" else None
    return {"PERSON": "Person", "ORG": "Organisation", "GPE": "Location", "LOC": "Location",
            "FAC": "Location", "NORP": "Nationality"}.get(entity.label)


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


def evaluate_re3d(path: Path, options: Options, limit: int | None = None) -> Report:
    coder = Coder(options)
    counts: dict[str, Counter[str]] = {t: Counter() for t in RE3D_TYPES}
    pairs = list(_re3d_folder(path))
    if limit:
        pairs = pairs[:limit]
    for record, gold in pairs:
        doc = coder.entities(Document(id=record["_id"], text=record["text"]))
        predicted = [(e.start, e.end, re3d_type(e)) for e in doc.entities]
        for kind in RE3D_TYPES:
            mine = [(s, e) for s, e, t in predicted if t == kind]
            theirs = [(g["begin"], g["end"], g["value"]) for g in gold if g["type"] == kind]
            wanted = [g for g in theirs if kind not in NAMED_ONLY or is_named(g[2])]
            counts[kind]["predicted"] += len(mine)
            counts[kind]["gold"] += len(wanted)
            counts[kind]["correct"] += sum(
                any(s < ge and gs < e for gs, ge, _ in theirs) for s, e in mine)
            counts[kind]["found"] += sum(any(s < ge and gs < e for s, e in mine) for gs, ge, _ in wanted)
    report = Report(file=str(path), kind="re3d entity spans (overlap match)", cases=len(pairs))
    for kind in RE3D_TYPES:
        c = counts[kind]
        precision = c["correct"] / c["predicted"] if c["predicted"] else 0.0
        recall = c["found"] / c["gold"] if c["gold"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        report.figures[f"{kind}_F1"] = f1
        report.details.append(f"  {kind:16} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
                              f"(gold {c['gold']}, predicted {c['predicted']})")
    return report
