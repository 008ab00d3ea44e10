"""PETRARCH2's unit suite: CAMEO-coded sentences about fictional actors, mapped to PLOVER
through the crosswalk; a coding counts when an event of its type links its source and target.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from sitrep.coding.lexicon import crosswalk, longest_prefix
from sitrep.evaluation.report import Report
from sitrep.evaluation.sentences import TRANSNATIONAL
from sitrep.model import Event
from sitrep.options import Options
from sitrep.pipeline import Coder


def plover_for_cameo(code: str, table: dict[str, str]) -> str | None:
    return longest_prefix(code, table)


def suite_dictionaries(folder: Path) -> tuple[str, ...]:
    """The suite's fictional actors and agents (`PETR.Validate.*`), imported as any CAMEO
    dictionary is (`--dictionaries`)."""
    files = [folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"]
    return tuple(str(f) for f in files if f.exists())


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


def evaluate_petrarch(path: Path, options: Options, limit: int | None = None) -> Report:
    """The suite with its own actor dictionaries, coded with the shipped lexicon, then again with
    the suite's verb dictionary layered in (`--verbs PETR.Validate.verbs.txt`)."""
    options = options.replace(dictionaries=options.dictionaries + suite_dictionaries(path.parent))
    report = _evaluate_petrarch(path, Coder(options), limit)
    verbs = path.parent / "PETR.Validate.verbs.txt"
    with_verbs = _evaluate_petrarch(
        path, Coder(options.replace(verbs=options.verbs + ((str(verbs),) if verbs.exists() else ()))),
        limit)
    report.figures["source_target_type_match_with_suite_verbs"] = \
        with_verbs.figures["source_target_type_match"]
    report.figures["type_found_with_suite_verbs"] = with_verbs.figures["type_found"]
    return report


def _evaluate_petrarch(path: Path, coder: Coder, limit: int | None) -> Report:
    table = {code: row[0] for code, row in crosswalk().items()}
    sentences = list(_petrarch_records(path))
    if limit:
        sentences = sentences[:limit]
    codings = matched = typed = 0
    for sentence_id, text, when, expected in sentences:
        events = coder.code_text(text, when, sentence_id or "petr")
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


