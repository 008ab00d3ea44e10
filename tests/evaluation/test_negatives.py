"""`sitrep eval NEGATIVES.jsonl`: articles known to hold no political event, coded as ingest codes
them; every event is a false positive. Fast tests on articles written here; the slow suite holds
the rate on ../shared/negatives and on tests/fixtures/none_sentences.csv to floors."""

from __future__ import annotations

import json

import pytest

from sitrep.errors import EvalError
from sitrep.evaluation.evaluate import detect_kind, evaluate

from ..conftest import FIXTURES, needs_shared

ARTICLES = [
    {"id": "match", "text": "rovers beat united 3-1 on saturday. the striker scored twice and "
                            "the manager praised the defence after a difficult month."},
    {"id": "results", "text": "The bakery chain reported higher profits and said it would open "
                              "40 shops next year. Its shares rose 4%."},
    {"id": "politics", "text": "Chilean troops attacked a rebel camp near the border on Monday. "
                               "The defence ministry said six fighters were killed."},
]


def write(path, records, extra=""):
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n" + extra, encoding="utf-8")
    return path


def test_json_lines_of_articles_are_negatives(tmp_path):
    assert detect_kind(write(tmp_path / "n.jsonl", ARTICLES)) == "negatives"
    events = write(tmp_path / "events.jsonl", [{"id": "e", "event": "AGREE", "text": "x"}])
    with pytest.raises(EvalError, match="events.jsonl"):
        detect_kind(events)


def test_negatives_report_rates_triggers_and_worst_articles(tmp_path, nlp):
    report = evaluate(write(tmp_path / "n.jsonl", ARTICLES, extra="{not json\n"))
    assert report.cases == 3 and report.kind.startswith("negatives")
    figures = report.figures
    # the article that is political after all gives the only false positives
    assert figures["articles_with_events"] == 1
    assert figures["events"] >= 1
    assert figures["events_per_article"] == pytest.approx(figures["events"] / 3)
    words = sum(len(a["text"].split()) for a in ARTICLES)
    assert figures["events_per_1000_words"] == pytest.approx(1000 * figures["events"] / words)
    assert any(line.startswith("triggers: ") and "'attacked'" in line for line in report.details)
    worst = report.details.index(next(line for line in report.details if line.startswith("worst")))
    assert "politics:" in report.details[worst + 1]
    assert any(line.startswith("unreadable: ") and ":4:" in line for line in report.details)


def test_a_file_with_no_readable_article_is_an_error(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": "a", "text": ""}\n', encoding="utf-8")
    with pytest.raises(EvalError, match="no article"):
        evaluate(path)


# Floors: the rates may only go down (issue 11's bar is 0.05 events per article).
@pytest.mark.slow
def test_negatives_rate_ceiling(nlp):
    report = evaluate(needs_shared("negatives", "bbc-entertainment-tech.jsonl"))
    assert report.cases == 534
    assert report.figures["events_per_article"] <= 0.05


@pytest.mark.slow
def test_none_sentences_floor(nlp):
    report = evaluate(FIXTURES / "none_sentences.csv")
    assert report.cases == 300
    assert report.figures["event_type_accuracy"] >= 0.94  # sentences with no event coded


def test_a_mixed_article_s_one_political_event_is_a_hit_not_a_false_positive(tmp_path, nlp):
    mixed = [{"id": "market", "plover": "ASSAULT",
              "text": "The bakery chain reported higher profits and its shares rose 4%. "
                      "Separately, Chilean troops attacked a rebel camp near the border on "
                      "Monday. The chain said it would open 40 shops next year."},
             {"id": "rates", "plover": "AGREE",
              "text": "The bakery chain reported higher profits and said it would open 40 shops "
                      "next year. Its shares rose 4%."}]
    report = evaluate(write(tmp_path / "n.jsonl", mixed))
    assert report.figures["mixed_articles"] == 2
    assert report.figures["mixed_events_found"] == 1
    assert report.figures["events"] == 0
    assert "mixed articles whose political event was missed: rates AGREE" in report.details
