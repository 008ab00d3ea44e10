"""Sentence sets: one label per sentence, scored as the published coders are scored.

Reads a CSV `id,text,label[,source,target][,date]` or the PLOVER gold records. Every sentence is
coded by the coder ingest ships, and the **strict** figures come first: the sentence's main event
only (`coding/document.py` `main_event`, the one rule), its type against the label (accuracy,
macro-F1, per-type precision and recall), its actor and recipient against the gold source and
target where the type is right, and type + source + target all right. The **lenient** figures
follow: any event of the sentence.

Labels: PLOVER v0.8 types; PLOVER 0.5 names are read as v0.8 (DEMAND is REQUEST, DISAPPROVE and
INVESTIGATE ACCUSE, FIGHT ASSAULT), and `YIELD`, which v0.8 split, is matched by CONCEDE or
RETREAT. `NONE` says the sentence holds no event: any event coded there is a false positive.

Source and target are country codes (`IRN`, `ARM;AZE`) or text ("Iranian Foreign Minister
Mohammad Javad Zarif"). Text matches an actor when one holds the other's words (the gold
"U.S. Supreme Court decision" and the mention "U.S. Supreme Court"), or when the text, resolved
by the same knowledge base, names the actor's country. A gold part written as a placeholder
("recipient") or left empty says none was stated: it is not scored. The PLOVER gold records write
a few countries in older CAMEO codes (Japan JAP, Italy ITL, Vietnam VTN); they are read as their
ISO codes (`data/cameo_country_codes.tsv`), which the coder gives.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sitrep.coding.document import main_event
from sitrep.errors import DocumentError, EvalError
from sitrep.evaluation.intervals import bootstrap_intervals
from sitrep.evaluation.report import Report
from sitrep.model import Actor, Document, Event
from sitrep.options import Options
from sitrep.pipeline import Coder
from sitrep.resources import plover_schema, read_tsv

NONE = "NONE"

# PLOVER 0.5 names a sentence set may use, read as v0.8; YIELD stays a class of its own.
OLD_NAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
             "FIGHT": "ASSAULT"}
YIELD_TYPES = {"CONCEDE", "RETREAT"}

# What annotators write where a sentence names no source or target.
PLACEHOLDERS = {"", "actor", "recipient", "source", "target", "none", "n/a", "-", "---"}

CODE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")
WORD = re.compile(r"[^\W_]+", re.UNICODE)
FUNCTION_WORDS = {"the", "a", "an", "of", "and", "s", "its", "his", "her", "their", "in", "for",
                  "to", "on", "at", "by", "with", "from", "other", "another", "more", "some",
                  "all"}

TRANSNATIONAL = {"IGO", "NGO"}


@dataclass
class Party:
    """A gold source or target: codes, or text with the countries it names."""

    text: str = ""
    codes: set[str] = field(default_factory=set)
    is_text: bool = False

    @property
    def stated(self) -> bool:
        return bool(self.codes) or (self.is_text and bool(self.text))


@dataclass
class Case:
    id: str
    text: str
    label: str
    source: Party
    target: Party
    date: str | None = None


@dataclass
class Outcome:
    """How one sentence was coded: its main event and every event."""

    case: Case
    main: Event | None
    events: list[Event]
    predicted: str
    source_hit: bool | None  # None: no gold source stated
    target_hit: bool | None

    @property
    def all_right(self) -> bool:
        return self.predicted == self.case.label and self.source_hit is not False and \
            self.target_hit is not False


def gold_party(value: str, as_codes: bool) -> Party:
    if value.strip().lower() in PLACEHOLDERS:
        return Party()
    if as_codes:
        return Party(codes={p.strip() for p in value.split(";") if p.strip()})
    return Party(text=value.strip(), is_text=True)


def written_as_codes(values: list[str]) -> bool:
    """Whether a file gives its sources and targets as codes ("IRN", "ARM;AZE"): only if every
    one it states is (a text file may hold "ELN" or "FBI" among its names)."""
    stated = [v for v in values if v.strip().lower() not in PLACEHOLDERS]
    return bool(stated) and all(CODE.match(p.strip()) for v in stated for p in v.split(";")
                                if p.strip())


def gold_label(value: str) -> str:
    label = value.strip().upper()
    return OLD_NAMES.get(label, label)


def in_gold_terms(event_type: str | None, labels: set[str]) -> str:
    """A coded type in the gold file's vocabulary (CONCEDE and RETREAT are YIELD where the gold
    says YIELD)."""
    if event_type is None:
        return NONE
    if event_type in YIELD_TYPES and "YIELD" in labels:
        return "YIELD"
    return event_type


def words(text: str) -> set[str]:
    return {w for w in WORD.findall(text.lower().replace("’", "'")) if w not in FUNCTION_WORDS}


def text_matches(gold: Party, actor: Actor) -> bool:
    """The mention's words are all in the gold ("U.S. Supreme Court" in "U.S. Supreme Court
    decision"), or the gold's in a mention at most a few words longer ("police" in "Israeli
    police", not "Somalia" in "a driver for a bus company in Kenya"); or the gold text
    names the actor's country."""
    mention = words(actor.entity_text or "")
    named = words(gold.text)
    if mention and named and (mention <= named or (
            named <= mention and len(mention) <= len(named) + LONGER_BY)):
        return True
    return bool(actor.code) and actor.code in gold.codes


LONGER_BY = 3


def party_matches(gold: Party, actors: list[Actor]) -> bool:
    if gold.is_text:
        return any(text_matches(gold, a) for a in actors)
    codes = {a.code for a in actors if a.code}
    if gold.codes & codes:
        return True
    # CAMEO-coded gold writes transnational bodies as "IGO" or "NGO" (and uses the two loosely:
    # Amnesty International is "IGO" in the PLOVER records); sitrep gives a body its own code
    # (UNO, EUR, or none) and the sector IGO or NGO, so either sector matches either gold code.
    return bool(gold.codes & TRANSNATIONAL) and any(a.sector in TRANSNATIONAL for a in actors)


def resolve_gold_text(cases: list[Case], coder: Coder) -> None:
    """The countries each text source and target names, by the coder's own knowledge base."""
    parties = [p for c in cases for p in (c.source, c.target) if p.is_text]
    texts = list(dict.fromkeys(p.text for p in parties))
    docs = [coder.entities(Document(id=f"party-{i}", text=t)) for i, t in enumerate(texts)]
    found = {t: {e.code for e in d.entities if e.code} for t, d in zip(texts, docs, strict=True)}
    for party in parties:
        party.codes = found[party.text]


def sides(event: Event) -> list[tuple[list[Actor], list[Actor]]]:
    """The ways an event reads as one source and one target, the one published gold writes
    first: its actors and recipients; a reciprocal act ("X and Y agreed"), each party towards
    the others, the first named first (`Event.dyads`)."""
    if not event.reciprocal:
        return [(event.actor, event.recipient)]
    readings: dict[int, tuple[list[Actor], list[Actor]]] = {}
    for actor, other in event.dyads():
        readings.setdefault(id(actor), ([actor], []))[1].append(other)
    return list(readings.values()) or [(event.actor, event.recipient)]


def hits(case: Case, event: Event | None, reading: int = 0) -> tuple[bool | None, bool | None]:
    """Whether the event's source and target match the gold (None: the gold states none)."""
    if event is None:
        return (False if case.source.stated else None), (False if case.target.stated else None)
    source, target = sides(event)[reading]
    return (party_matches(case.source, source) if case.source.stated else None,
            party_matches(case.target, target) if case.target.stated else None)


def code_cases(cases: list[Case], coder: Coder) -> list[Outcome]:
    labels = {c.label for c in cases}
    docs = coder.pipe(Document(id=c.id, text=c.text, published=c.date) for c in cases)
    outcomes = []
    for case, doc in zip(cases, docs, strict=True):
        if isinstance(doc, DocumentError):  # a sentence the coder cannot code is a bug: say so
            raise doc
        main = main_event(doc.events)
        source_hit, target_hit = hits(case, main)
        outcomes.append(Outcome(
            case=case, main=main, events=doc.events,
            predicted=in_gold_terms(main.event if main else None, labels),
            source_hit=source_hit, target_hit=target_hit))
    return outcomes


def per_type(gold: list[str], predicted: list[str]) -> dict[str, tuple[float, float, float, int]]:
    """Precision, recall, F1 and support of each gold type (NONE is no type: a sentence labelled
    NONE and coded with an event is a false positive of that event's type)."""
    scores = {}
    for label in sorted(set(gold) - {NONE}):
        tp = sum(g == p == label for g, p in zip(gold, predicted, strict=True))
        fp = sum(p == label != g for g, p in zip(gold, predicted, strict=True))
        fn = sum(g == label != p for g, p in zip(gold, predicted, strict=True))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[label] = (precision, recall, f1, tp + fn)
    return scores


def score(outcomes: list[Outcome], report: Report) -> Report:
    gold = [o.case.label for o in outcomes]
    predicted = [o.predicted for o in outcomes]
    labels = set(gold)
    right = [o for o in outcomes if o.predicted == o.case.label and o.case.label != NONE]
    figures = report.figures
    # strict: the main event only
    figures["event_type_accuracy"] = sum(g == p for g, p in zip(gold, predicted, strict=True)) \
        / max(len(gold), 1)
    types = per_type(gold, predicted)
    events = [o for o in outcomes if o.case.label != NONE]
    if events:  # a set of NONE sentences only has no types to average, no parties to match
        figures["macro_f1"] = sum(f for _, _, f, _ in types.values()) / max(len(types), 1)
    with_source = [o for o in right if o.source_hit is not None]
    with_target = [o for o in right if o.target_hit is not None]
    if with_source:
        figures["actor_where_type_right"] = sum(bool(o.source_hit) for o in with_source) \
            / len(with_source)
    if with_target:
        figures["recipient_where_type_right"] = sum(bool(o.target_hit) for o in with_target) \
            / len(with_target)
    if events:
        figures["type_source_target"] = sum(o.all_right for o in events) / len(events)
    sourced = [o for o in events if o.source_hit is not None]
    targeted = [o for o in events if o.target_hit is not None]
    if sourced:
        figures["actor_match"] = sum(bool(o.source_hit) for o in sourced) / len(sourced)
    if targeted:
        figures["recipient_match"] = sum(bool(o.target_hit) for o in targeted) / len(targeted)
    coded = [o for o in outcomes if o.main is not None]
    if events:
        figures["precision"] = sum(o.predicted == o.case.label for o in coded) / max(len(coded), 1)
    nones = [o for o in outcomes if o.case.label == NONE]
    if nones:
        figures["none_sentences_with_event"] = sum(bool(o.events) for o in nones) / len(nones)
        figures["false_events_per_none_sentence"] = sum(len(o.events) for o in nones) / len(nones)
    # lenient: any event of the sentence
    figures["lenient_accuracy"] = sum(_any_of_type(o, labels) is not None or (
        o.case.label == NONE and not o.events) for o in outcomes) / max(len(outcomes), 1)
    if events:
        figures["lenient_type_source_target"] = sum(
            any(_event_right(o, e, labels) for e in o.events) for o in events) / len(events)
    report.intervals = bootstrap_intervals(
        gold, predicted, [o.all_right if o.case.label != NONE else None for o in outcomes], NONE)
    report.confusion = dict(Counter(zip(gold, predicted, strict=True)))
    report.details.append("per type (strict): precision recall F1 support")
    for label, (precision, recall, f1, support) in types.items():
        report.details.append(f"  {label:10} {precision:.3f} {recall:.3f} {f1:.3f} {support:4}")
    report.details.append("confusion (gold -> predicted, count):")
    for (g, p), count in sorted(report.confusion.items(), key=lambda x: -x[1]):
        if g != p:
            report.details.append(f"  {g:10} -> {p:10} {count}")
    report.outcomes = [outcome_row(o) for o in outcomes]
    return report


def _any_of_type(outcome: Outcome, labels: set[str]) -> Event | None:
    return next((e for e in outcome.events
                 if in_gold_terms(e.event, labels) == outcome.case.label), None)


def _event_right(outcome: Outcome, event: Event, labels: set[str]) -> bool:
    if in_gold_terms(event.event, labels) != outcome.case.label:
        return False
    return any(all(hit is not False for hit in hits(outcome.case, event, reading))
               for reading in range(len(sides(event))))


def outcome_row(outcome: Outcome) -> dict:
    """One sentence's result, for `--details` listings and analysis scripts."""
    main = outcome.main
    return {
        "id": outcome.case.id, "label": outcome.case.label, "predicted": outcome.predicted,
        "source": outcome.case.source.text or ";".join(sorted(outcome.case.source.codes)),
        "target": outcome.case.target.text or ";".join(sorted(outcome.case.target.codes)),
        "actor": [a.entity_text for a in sides(main)[0][0]] if main else [],
        "recipient": [a.entity_text for a in sides(main)[0][1]] if main else [],
        "source_hit": outcome.source_hit, "target_hit": outcome.target_hit,
        "trigger": main.event_text if main else None,
        "events": [(e.event, e.event_text) for e in outcome.events],
    }


def score_cases(cases: list[Case], coder: Coder, path: Path, kind: str) -> Report:
    resolve_gold_text(cases, coder)
    report = Report(file=str(path), kind=kind, cases=len(cases))
    return score(code_cases(cases, coder), report)


def _record_codes(value) -> set[str]:
    """Country parts of a gold record's actor codes (some records leave the field a string), an
    older CAMEO country code read as its ISO code ("JAP": JPN)."""
    if not isinstance(value, list):
        return set()
    iso = cameo_countries()
    return {iso.get(a["code"][:3], a["code"][:3]) for a in value
            if isinstance(a, dict) and a.get("code")}


@lru_cache(maxsize=1)
def cameo_countries() -> dict[str, str]:
    """Older CAMEO country codes that are not ISO codes -> the ISO code of the same country."""
    return {row["cameo"]: row["iso"] for row in read_tsv("cameo_country_codes.tsv")}


def evaluate_plover(path: Path, options: Options, limit: int | None = None) -> Report:
    label_map = plover_schema()["label_map_0_5"]
    cases: list[Case] = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        if record.get("event") == "DOCUMENT" or "text" not in record:
            continue
        cases.append(Case(
            id=record["id"], text=record["text"], date=record.get("date"),
            label=label_map.get(record["event"], record["event"]),
            source=Party(codes=_record_codes(record.get("source"))),
            target=Party(codes=_record_codes(record.get("target")))))
    return score_cases(cases[:limit] if limit else cases, Coder(options), path,
                       "PLOVER gold records (0.5b1 labels mapped to v0.8)")


def read_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"text", "label"} <= set(reader.fieldnames):
            raise EvalError(f"{path}: a sentence CSV needs the columns text and label "
                            "(and optionally id, source, target, date)")
        records = [r for r in reader if r.get("text") and r.get("label")]
    as_codes = written_as_codes([r.get(k) or "" for r in records for k in ("source", "target")])
    return [Case(id=r.get("id") or str(i), text=r["text"], label=gold_label(r["label"]),
                 date=r.get("date") or None,
                 source=gold_party(r.get("source") or "", as_codes),
                 target=gold_party(r.get("target") or "", as_codes))
            for i, r in enumerate(records)]


def evaluate_sentences(path: Path, options: Options, limit: int | None = None) -> Report:
    cases = read_cases(path)
    return score_cases(cases[:limit] if limit else cases, Coder(options), path, "sentence CSV")
