"""Evaluation: score the coder against gold files and say which file and how many cases.

Kinds recognised from the file: the seed annotation (`gold.json` with `required` events), the
PLOVER gold records (a JSON array with `event` labels, PLOVER 0.5b1 mapped to v0.8), PETRARCH2's
unit suite (`PETR.UnitTest.records.xml`, CAMEO codes mapped through the crosswalk, its fictional
actors imported from the `PETR.Validate.*` dictionaries beside it), and sentence CSVs with columns
`id,text,label[,source,target]`.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .actors import KnowledgeBase, shipped_kb, with_entries
from .errors import EvalError, ReadError
from .events import code_document, main_event
from .lexicon import crosswalk, load_lexicon, longest_prefix
from .model import Document, Event
from .reading import read_path


@dataclass
class Report:
    file: str
    kind: str
    cases: int
    figures: dict[str, float] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)
    confusion: dict[tuple[str, str], int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        out = [f"file: {self.file}", f"kind: {self.kind}", f"cases: {self.cases}"]
        out += [f"{name}: {value:.3f}" if isinstance(value, float) else f"{name}: {value}"
                for name, value in self.figures.items()]
        return out + self.details


def detect_kind(path: Path) -> str:
    if path.is_dir() and any(path.rglob("entities.json")):
        return "re3d"
    name = path.name.lower()
    if name.endswith(".xml"):
        return "petrarch"
    if name.endswith(".csv"):
        return "sentences"
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


def evaluate(path: str | Path, nlp, limit: int | None = None) -> Report:
    path = Path(path)
    if not path.exists():
        raise EvalError(f"{path}: no such file; check the path")
    kind = detect_kind(path)
    return {"seed": evaluate_seed, "plover": evaluate_plover, "petrarch": evaluate_petrarch,
            "sentences": evaluate_sentences, "re3d": evaluate_re3d}[kind](path, nlp, limit)


# -- sentence-level scoring -------------------------------------------------------------------


def _code(text: str, nlp, kb: KnowledgeBase, published: str | None, doc_id: str,
          lexicon=None) -> list[Event]:
    doc = Document(id=doc_id, text=text, published=published)
    return code_document(doc, nlp, kb, require_participant=False, lexicon=lexicon).events


def _codes(actors) -> set[str]:
    return {a.code for a in actors if a.code}


def _score_types(rows, nlp, kb, path: Path, kind: str) -> Report:
    gold_labels, predicted, actor_hits, actor_cases, target_hits, target_cases = [], [], 0, 0, 0, 0
    confusion: Counter = Counter()
    for row in rows:
        events = _code(row["text"], nlp, kb, row.get("date"), row["id"])
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


def evaluate_plover(path: Path, nlp, limit: int | None = None) -> Report:
    label_map = load_lexicon().plover["label_map_0_5"]
    rows = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record.get("event") == "DOCUMENT" or "text" not in record:
            continue
        rows.append({
            "id": record["id"], "text": record["text"], "date": record.get("date"),
            "label": label_map.get(record["event"], record["event"]),
            "source": _record_codes(record.get("source")),
            "target": _record_codes(record.get("target")),
        })
    return _score_types(rows[:limit] if limit else rows, nlp, shipped_kb(), path,
                        "PLOVER gold records (0.5b1 labels mapped to v0.8)")


def evaluate_sentences(path: Path, nlp, limit: int | None = None) -> Report:
    rows = []
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
    return _score_types(rows[:limit] if limit else rows, nlp, shipped_kb(), path, "sentence CSV")


# -- PETRARCH2 unit suite ----------------------------------------------------------------------


def plover_for_cameo(code: str, table: dict[str, str]) -> str | None:
    return longest_prefix(code, table)


def petrarch_kb(folder: Path) -> KnowledgeBase:
    from .dictionaries import entries_from_files

    files = [folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"]
    return with_entries(shipped_kb(), entries_from_files([f for f in files if f.exists()]))


def _petrarch_records(path: Path):
    text = path.read_text(encoding="utf-8", errors="replace")
    start = text.index("<Sentences>")
    end = text.index("</Sentences>") + len("</Sentences>")
    root = ET.fromstring(text[start:end])
    for sentence in root.iter("Sentence"):
        body = sentence.findtext("Text")
        codings = [c.attrib for c in sentence.iter("EventCoding")]
        if not body or not codings:
            continue
        raw = sentence.get("date", "")
        when = f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if len(raw) == 8 else None
        yield sentence.get("id"), " ".join(body.split()), when, codings


def _actor_matches(expected: str, actors) -> bool:
    """PETRARCH codes match on their country part; "---" is PETRARCH's unidentified country
    ("a senior official said": ---GOV), which an actor with no country (and the same sector, when
    the code gives one) matches, as no actor at all matches an unidentified target. An IGO or NGO
    code matches a transnational body whatever its own code."""
    if expected.startswith("---"):
        sector = expected[3:6]
        return not actors or any(a.code is None and (not sector or a.sector == sector)
                                 for a in actors)
    if expected[:3] in TRANSNATIONAL and any(a.sector in TRANSNATIONAL for a in actors):
        return True  # IGOAFR, the African Union: the same convention as _codes_match
    for actor in actors:
        if not actor.code:
            continue
        if expected[:3] == actor.code[:3]:
            return True
    return False


def _dyad_matches(source: str, target: str, event: Event) -> bool:
    """A PETRARCH coding is one directed dyad. PLOVER writes a joint act of several parties with
    no host or target ("Spain and Morocco agreed ...") as one event with all of them as actors,
    where PETRARCH writes each ordered pair, so such an event matches each of those pairs."""
    if not _actor_matches(source, event.actor):
        return False
    if _actor_matches(target, event.recipient):
        return True
    return not event.recipient and target[:3] != source[:3] and _actor_matches(target, event.actor)


def petrarch_lexicon(folder: Path, use_verbs: bool):
    """The shipped lexicon, plus the suite's own verb dictionary when asked for: its verb rows
    (`lexicon.read_verb_dictionary`) and its word patterns (`verbpatterns.py`)."""
    from .lexicon import load_lexicon, read_verb_dictionary, with_verbs
    from .verbpatterns import read_verb_patterns, with_patterns

    verbs = folder / "PETR.Validate.verbs.txt"
    if not use_verbs or not verbs.exists():
        return load_lexicon()
    return with_patterns(with_verbs(load_lexicon(), read_verb_dictionary(verbs)),
                         *read_verb_patterns(verbs))


def evaluate_petrarch(path: Path, nlp, limit: int | None = None) -> Report:
    report = _evaluate_petrarch(path, nlp, limit, use_verbs=False)
    with_verbs = _evaluate_petrarch(path, nlp, limit, use_verbs=True)
    report.figures["source_target_type_match_with_suite_verbs"] = \
        with_verbs.figures["source_target_type_match"]
    report.figures["type_found_with_suite_verbs"] = with_verbs.figures["type_found"]
    return report


def _evaluate_petrarch(path: Path, nlp, limit: int | None, use_verbs: bool) -> Report:
    kb = petrarch_kb(path.parent)
    lexicon = petrarch_lexicon(path.parent, use_verbs)
    table = {code: row[0] for code, row in crosswalk().items()}
    sentences = list(_petrarch_records(path))
    if limit:
        sentences = sentences[:limit]
    codings = matched = typed = 0
    for sentence_id, text, when, expected in sentences:
        events = _code(text, nlp, kb, when, sentence_id or "petr", lexicon)
        for coding in expected:
            if coding.get("noevents") or "eventcode" not in coding:
                continue
            wanted = plover_for_cameo(coding["eventcode"], table)
            if wanted is None:
                continue
            codings += 1
            same_type = [e for e in events if e.event == wanted]
            typed += bool(same_type)
            matched += any(_dyad_matches(coding.get("sourcecode", ""),
                                         coding.get("targetcode", ""), e) for e in same_type)
    report = Report(file=str(path), kind="PETRARCH2 unit suite (CAMEO via crosswalk)",
                    cases=codings)
    report.figures["sentences"] = len(sentences)
    report.figures["type_found"] = typed / max(codings, 1)
    report.figures["source_target_type_match"] = matched / max(codings, 1)
    return report


# -- the seed annotation --------------------------------------------------------------------


def evaluate_seed(path: Path, nlp, limit: int | None = None) -> Report:
    from .seedcheck import check_seed

    gold = json.loads(path.read_text(encoding="utf-8"))
    article = path.parent / gold["document"]
    if not article.exists():
        raise EvalError(f"{article}: the article the gold describes is not beside it")
    (doc,) = read_path(str(article))
    if isinstance(doc, ReadError):
        raise EvalError(str(doc))
    doc.id = article.stem
    code_document(doc, nlp)
    results = check_seed(gold, doc)
    passed = sum(ok for _, ok, _ in results)
    report = Report(file=str(path), kind="seed annotation", cases=len(results))
    report.figures["checks_passed"] = passed / max(len(results), 1)
    report.details += [f"  {'ok ' if ok else 'MISS'} {name}: {why}" for name, ok, why in results]
    return report


# -- re3d entity spans ------------------------------------------------------------------------

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


def evaluate_re3d(path: Path, nlp, limit: int | None = None) -> Report:
    counts = {t: Counter() for t in RE3D_TYPES}
    pairs = list(_re3d_folder(path))
    if limit:
        pairs = pairs[:limit]
    for record, gold in pairs:
        doc = code_document(Document(id=record["_id"], text=record["text"]), nlp)
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
