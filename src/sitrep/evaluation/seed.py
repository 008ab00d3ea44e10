"""Check a coded document against a hand-made annotation in the seed's format (`gold.json`).

A general mechanism: every field the annotation states is compared with what sitrep coded, and each
comparison is one named check. Nothing here knows the words of any particular article.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sitrep.actors.knowledge import fold
from sitrep.errors import EvalError, ReadError
from sitrep.evaluation.report import Report
from sitrep.model import Document, Event
from sitrep.options import Options
from sitrep.pipeline import Coder
from sitrep.text.reading import read_path

Check = tuple[str, bool, str]


def _overlaps(a_start: str | None, a_end: str | None, b_start: str | None, b_end: str | None) -> bool:
    lo = max(date.fromisoformat(a_start) if a_start else date.min,
             date.fromisoformat(b_start) if b_start else date.min)
    hi = min(date.fromisoformat(a_end) if a_end else date.max,
             date.fromisoformat(b_end) if b_end else date.max)
    return lo <= hi


def _actor_ok(gold_actors: list[dict], actors) -> tuple[bool, str]:
    for wanted in gold_actors:
        hit = [a for a in actors if a.code == wanted.get("country")
               and (not wanted.get("sector") or a.sector == wanted["sector"])]
        if not hit:
            return False, f"wanted {wanted}, got {[(a.code, a.sector, a.name) for a in actors]}"
    return True, ""


def find_event(gold_event: dict, events: list[Event]) -> Event | None:
    evidence = fold(gold_event.get("evidence_must_include", ""))
    for event in events:
        if event.event == gold_event["event_type"] and event.text_info and \
                evidence in fold(event.text_info.sentence):
            return event
    return None


def check_event(gold_event: dict, event: Event, doc: Document) -> list[Check]:
    name = gold_event["id"]
    checks: list[Check] = []

    def add(field: str, ok: bool, why: str = "") -> None:
        checks.append((f"{name}.{field}", ok, why))

    if gold_event.get("mode"):
        add("mode", event.mode == gold_event["mode"], f"got {event.mode}")
    for context in gold_event.get("context", []):
        add(f"context[{context}]", context in event.context, f"got {event.context}")
    ok, why = _actor_ok(gold_event.get("actor", []), event.actor)
    add("actor", ok, why)
    ok, why = _actor_ok(gold_event.get("recipient", []), event.recipient)
    add("recipient", ok, why)
    if gold_event.get("intermediary"):
        ok, why = _actor_ok([gold_event["intermediary"]], event.intermediary)
        add("intermediary", ok, why)
    gold_date = gold_event.get("date")
    if gold_date and (gold_date.get("start") or gold_date.get("end")):
        ok = bool(event.date or event.enddate) and _overlaps(
            event.date, event.enddate, gold_date.get("start"), gold_date.get("end"))
        add("date", ok, f"got {event.date}..{event.enddate} ({event.date_text!r})")
    location = gold_event.get("location")
    if location:
        place = event.event_loc
        ok = fold(location["name"]) in fold(place.extracted_place or "") and (
            not location.get("country") or place.country_code == location["country"])
        add("location", ok, f"got {place}")
    for index, item in enumerate(gold_event.get("items", [])):
        add(f"items[{index}]", _item_found(item, event), f"wanted {item}")
    if gold_event.get("modality"):
        add("modality", event.modality == gold_event["modality"], f"got {event.modality}")
    attribution = gold_event.get("attribution")
    if attribution:
        got = event.attribution
        ok = got is not None and all(
            (getattr(got, key) or "") == value if key != "basis"
            else fold(value) in fold(got.basis or "")
            for key, value in attribution.items())
        add("attribution", ok, f"got {got}")
    if event.text_info:
        span = doc.text[event.text_info.start:event.text_info.end]
        add("evidence_span", fold(gold_event["evidence_must_include"]) in fold(span),
            "span in the original text does not hold the evidence")
    return checks


def _item_found(gold_item: dict, event: Event) -> bool:
    for item in event.items:
        if "quantity" in gold_item and item.quantity != gold_item["quantity"]:
            continue
        wanted = fold(gold_item.get("item", ""))
        if wanted and not (wanted in fold(item.item or "") or fold(item.item or "") in wanted
                           and item.item):
            continue
        if gold_item.get("category") and item.kind != gold_item["category"]:
            continue
        if "term_years" in gold_item and item.term_years != gold_item["term_years"]:
            continue
        if gold_item.get("provider") and gold_item["provider"] != item.provider:
            continue
        if "amount" in gold_item and item.amount != gold_item["amount"]:
            continue
        if gold_item.get("action") and (item.action or "") not in gold_item["action"].split("/"):
            continue
        return True
    return False


def check_seed(gold: dict, doc: Document) -> list[Check]:
    checks: list[Check] = []
    meta = gold.get("metadata", {})
    if "title" in meta:
        checks.append(("metadata.title", doc.title == meta["title"], f"got {doc.title!r}"))
    published = meta.get("published", {})
    if published.get("inferred_not_before"):
        checks.append(("metadata.published_not_before",
                       doc.published_not_before == published["inferred_not_before"],
                       f"got {doc.published_not_before}"))
    if "truncated" in meta:
        checks.append(("metadata.truncated", doc.truncated == meta["truncated"], ""))
    cited = {(c.outlet, c.url, c.date) for c in doc.cited_sources}
    for source in meta.get("cited_sources", []):
        checks.append((f"metadata.cited[{source['outlet']}]",
                       (source["outlet"], source["url"], source["date"]) in cited, f"got {cited}"))
    for entity in gold.get("entities", []):
        checks.append(_entity_check(entity, doc))
    for gold_event in gold.get("required", []):
        event = find_event(gold_event, doc.events)
        if event is None:
            checks.append((f"{gold_event['id']}", False, "no event of that type with that evidence"))
            continue
        checks.append((f"{gold_event['id']}", True, ""))
        checks.extend(check_event(gold_event, event, doc))
    for statement in gold.get("not_factual", []):
        text = fold(statement["statement"])
        asserted = [e for e in doc.events if e.modality == "asserted" and e.text_info
                    and _shares_clause(text, fold(e.text_info.sentence), fold(e.event_text))]
        checks.append((f"not_factual.{statement['id']}", not asserted,
                       f"coded as asserted: {[e.event for e in asserted]}"))
    return checks


def _shares_clause(statement: str, sentence: str, trigger: str) -> bool:
    return statement[:40] in sentence and trigger in statement


def _entity_check(entity: dict, doc: Document) -> Check:
    label = entity["type"]
    labels = {"LOC": {"LOC", "GPE", "FAC"}, "ORG": {"ORG"}, "PERSON": {"PERSON"},
              "EQUIPMENT": {"EQUIPMENT"}}.get(label, {label})
    wanted = fold(entity["text"])
    def names(entity) -> list[str]:  # the text, and the name a URL mention stands for
        return [fold(entity.text), fold((entity.kb_id or "").partition(":")[2])]

    found = [e for e in doc.entities if wanted in names(e) and e.label in labels] or [
        e for e in doc.entities if wanted in fold(e.text) and e.label in labels]
    name = f"entity[{entity['text']}]"
    if not found:
        return name, False, f"not found as {label}"
    hit = found[0]
    if label == "EQUIPMENT":
        ok = (not entity.get("category") or hit.category == entity["category"]) and (
            not entity.get("origin") or hit.origin == entity["origin"])
        return name, ok, f"got {hit.category}/{hit.origin}"
    ok = ("country" not in entity or hit.code == entity["country"]) and (
        not entity.get("sector") or hit.sector == entity["sector"])
    return name, ok, f"got {hit.code}/{hit.sector}"


def evaluate_seed(path: Path, options: Options, limit: int | None = None) -> Report:
    """Every check the seed annotation states, on the article beside it."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = path.parent / gold["document"]
    if not article.exists():
        raise EvalError(f"{article}: the article the gold describes is not beside it")
    (doc,) = read_path(str(article))
    if isinstance(doc, ReadError):
        raise EvalError(str(doc))
    doc.id = article.stem
    Coder(options).code(doc)
    results = check_seed(gold, doc)
    passed = sum(ok for _, ok, _ in results)
    report = Report(file=str(path), kind="seed annotation", cases=len(results))
    report.figures["checks_passed"] = passed / max(len(results), 1)
    report.details += [f"  {'ok ' if ok else 'MISS'} {name}: {why}" for name, ok, why in results]
    return report


