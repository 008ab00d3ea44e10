"""The re3d scorer (evaluation/re3d.py): overlap match per re3d type, the mapping from sitrep's
labels, and the listing of false positives and misses that --details prints."""

from __future__ import annotations

import json

import pytest

from sitrep.evaluation import re3d
from sitrep.evaluation.evaluate import evaluate
from sitrep.model import Entity


def write_re3d(folder, text: str, gold: list[tuple[str, str]]) -> None:
    """A one-document re3d folder: `gold` holds (type, value) at the value's first place."""
    folder.mkdir()
    (folder / "documents.json").write_text(json.dumps({"_id": "D1", "text": text}) + "\n")
    lines = []
    for kind, value in gold:
        begin = text.index(value)
        lines.append(json.dumps({"_id": f"D1-{begin}-{kind}", "documentId": "D1", "begin": begin,
                                 "end": begin + len(value), "type": kind, "value": value}))
    (folder / "entities.json").write_text("\n".join(lines) + "\n")


def test_details_list_false_positives_and_misses_with_sitrep_labels(tmp_path, nlp):
    text = "Officials met in Paris on Monday. Later Smith visited Oslo.\nBerlin was quiet."
    # Smith is no place (a miss sitrep calls a person); Oslo is not marked although its
    # sentence is; the last sentence holds no gold span at all
    write_re3d(tmp_path / "docs", text, [("Location", "Paris"), ("Location", "Smith")])
    report = evaluate(tmp_path / "docs")
    assert report.cases == 1
    details = "\n".join(report.details)
    assert "Location false positives (predicted, not gold): 2 (1 in sentences with no gold " \
           "span of any type)" in details
    assert '"Oslo" [D1:' in details and "sitrep GPE, gold nothing\n" in details + "\n"
    assert '"Berlin" [D1:' in details and "gold nothing in the sentence" in details
    assert "Location misses (named gold, not predicted): 1" in details
    assert '"Smith" [D1:' in details and "sitrep PERSON" in details
    assert report.figures["Location_F1"] == pytest.approx(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2))


def test_listing_is_capped(tmp_path, nlp, monkeypatch):
    monkeypatch.setattr(re3d, "LISTED", 1)
    write_re3d(tmp_path / "docs", "Talks opened in Paris. Envoys flew to Oslo and Rome.",
               [("Person", "Talks")])
    details = evaluate(tmp_path / "docs").details
    heading = next(line for line in details if "Location false positives" in line)
    assert heading.endswith(": 3 (2 in sentences with no gold span of any type), the first 1")
    after = details[details.index(heading) + 1:] + ["  (end)"]
    listed = after[:next(i for i, line in enumerate(after) if not line.startswith("    "))]
    assert len(listed) == 1 and listed[0].startswith('    "Paris"')


@pytest.mark.parametrize("text, kind", [("Syrians", "Organisation"), ("the Iraqis", "Organisation"),
                                        ("Syrian", "Nationality"), ("Swiss", "Nationality")])
def test_a_nationality_written_as_people_is_a_group(text, kind):
    assert re3d.re3d_type(Entity(start=0, end=len(text), text=text, label="NORP")) == kind


def test_a_plain_vehicle_is_no_military_platform():
    truck = Entity(start=0, end=5, text="truck", label="EQUIPMENT", kb_id="equipment:vehicles",
                   kind="armoured vehicle", category="land")
    tank = Entity(start=0, end=4, text="tank", label="EQUIPMENT", kb_id="equipment:tanks",
                  kind="tank", category="land")
    assert re3d.re3d_type(truck) is None and re3d.re3d_type(tank) == "MilitaryPlatform"
