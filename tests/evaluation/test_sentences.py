"""Sentence sets scored as published coders are: the strict figures (the main event only) first,
then the lenient ones; labels in PLOVER 0.5 or v0.8 terms; sources and targets as codes or text;
NONE for sentences without an event. Every sentence here was written for these tests."""

from __future__ import annotations

import pytest

from sitrep.evaluation.evaluate import evaluate
from sitrep.evaluation.sentences import (
    Party,
    gold_label,
    gold_party,
    in_gold_terms,
    party_matches,
    read_cases,
    sides,
    text_matches,
    written_as_codes,
)
from sitrep.model import Actor, Event

from ..conftest import FIXTURES, needs_shared


def write(tmp_path, rows: str):
    path = tmp_path / "sentences.csv"
    path.write_text("id,text,label,source,target\n" + rows, encoding="utf-8")
    return path


def test_yield_is_concede_or_retreat_and_old_names_are_read_as_v08():
    assert gold_label("yield") == "YIELD" and gold_label("DEMAND") == "REQUEST"
    assert gold_label("FIGHT") == "ASSAULT" and gold_label("DISAPPROVE") == "ACCUSE"
    labels = {"YIELD", "AGREE"}
    assert in_gold_terms("RETREAT", labels) == "YIELD" == in_gold_terms("CONCEDE", labels)
    assert in_gold_terms("CONCEDE", {"CONCEDE"}) == "CONCEDE"  # a v0.8 file keeps them apart
    assert in_gold_terms(None, labels) == "NONE"


def test_a_file_gives_codes_only_if_every_party_is_one():
    assert written_as_codes(["IRN", "ARM;AZE", "", "recipient"])
    assert not written_as_codes(["ELN", "Colombian army", "FBI"])  # names that look like codes
    assert gold_party("ELN", as_codes=False).is_text
    assert gold_party("recipient", as_codes=False) == Party()  # a placeholder states nothing
    assert not gold_party("", as_codes=True).stated


@pytest.mark.parametrize("gold, mention, code, matches", [
    ("Chilean Foreign Minister Ana Ruiz", "Ana Ruiz", None, True),  # the mention inside the gold
    ("police", "Peruvian police", None, True),  # the gold inside a short mention
    ("the Supreme Court ruling", "Supreme Court", None, True),
    ("a clinic in northern Ghana", "the clinic staff and patients of the region", None, False),
    ("Ghana", "a nurse working for a charity in rural Ghana", None, False),  # a long phrase
    ("Ghanaian officials", "Accra", "GHA", True),  # the gold text names the actor's country
])
def test_text_matches_words_or_the_country_the_text_names(gold, mention, code, matches):
    party = Party(text=gold, is_text=True, codes={"GHA"} if "Ghana" in gold else set())
    assert text_matches(party, Actor(entity_text=mention, code=code)) is matches


def test_codes_match_codes_and_transnational_sectors():
    union = [Actor(entity_text="the African Union", code=None, sector="IGO")]
    assert party_matches(Party(codes={"IGO"}), union)
    assert party_matches(Party(codes={"NGO"}), union)  # used loosely in CAMEO-coded gold
    assert not party_matches(Party(codes={"KEN"}), union)


def test_a_reciprocal_act_reads_first_party_towards_the_second():
    chile, peru = Actor(entity_text="Chile", code="CHL"), Actor(entity_text="Peru", code="PER")
    joint = Event(id="e", doc_id="d", event="SUPPORT", actor=[chile, peru], reciprocal=True)
    assert sides(joint)[0] == ([chile], [peru])
    assert sides(joint)[1] == ([peru], [chile])
    assert joint.dyads() == [(chile, peru), (peru, chile)]
    together = Event(id="e", doc_id="d", event="ACCUSE", actor=[chile, peru])  # co-actors
    assert sides(together) == [([chile, peru], [])] and together.dyads() == []


def test_strict_figures_come_first_then_lenient_ones(tmp_path, nlp):
    report = evaluate(write(tmp_path,
        '1,"The Chilean navy seized a Peruvian trawler, fishing officials said.",COERCE,'
        'Chilean navy,Peruvian trawler\n'
        '2,Bolivia and Paraguay signed a border accord in Asuncion on Monday.,SUPPORT,'
        'Bolivia,Paraguay\n'
        '3,Ghana said it would free 12 Togolese fishermen held since March.,YIELD,Ghana,'
        'Togolese fishermen\n'))
    names = list(report.figures)
    assert names.index("event_type_accuracy") < names.index("lenient_accuracy")
    assert names.index("type_source_target") < names.index("lenient_type_source_target")
    assert report.cases == 3
    # the promise to free is AGREE (docs/codebook-boundaries.md): not YIELD
    assert report.confusion[("YIELD", "AGREE")] == 1
    assert report.figures["event_type_accuracy"] == pytest.approx(2 / 3)
    outcomes = {o["id"]: o for o in report.outcomes}
    assert outcomes["2"]["source_hit"] and outcomes["2"]["target_hit"]  # Bolivia -> Paraguay
    assert outcomes["1"]["source_hit"]
    assert report.figures["type_source_target"] <= report.figures["lenient_type_source_target"]
    assert any(line.startswith("  COERCE ") for line in report.details)  # per-type P/R/F1


def test_none_sentences_count_as_false_positives():
    from sitrep.evaluation.report import Report
    from sitrep.evaluation.sentences import Case, Outcome, score

    def outcome(label, coded):
        events = [Event(id="e", doc_id="d", event=coded)] if coded else []
        return Outcome(case=Case(id=label, text="", label=label, source=Party(), target=Party()),
                       main=events[0] if events else None, events=events,
                       predicted=coded or "NONE", source_hit=None, target_hit=None)

    report = score([outcome("NONE", None), outcome("NONE", "ASSAULT"),
                    outcome("ASSAULT", "ASSAULT"), outcome("COERCE", "COERCE")],
                   Report(file="f", kind="k", cases=4))
    figures = report.figures
    assert figures["event_type_accuracy"] == 0.75
    assert figures["none_sentences_with_event"] == 0.5
    assert figures["false_events_per_none_sentence"] == 0.5
    assert figures["precision"] == pytest.approx(2 / 3)  # 2 of the 3 coded sentences are right
    # the false ASSAULT halves ASSAULT's precision; NONE itself is no type of the macro-F1
    assert figures["macro_f1"] == pytest.approx((2 / 3 + 1.0) / 2)
    assert report.confusion[("NONE", "ASSAULT")] == 1


def test_a_csv_without_text_or_label_is_refused(tmp_path):
    from sitrep.errors import EvalError

    path = tmp_path / "bad.csv"
    path.write_text("id,sentence\n1,Kenya met Uganda.\n", encoding="utf-8")
    with pytest.raises(EvalError, match="bad.csv"):
        read_cases(path)


# Floors on the real-news development set (its full 1,050 sentences; the held-back fifth is only
# ever measured): just under the figures measured with the shipped coder, strict ones first.
@pytest.mark.slow
def test_real_news_development_set_floor(nlp):
    report = evaluate(needs_shared("plv", "plv-train.csv"))
    assert report.cases == 1050
    figures = report.figures
    # 2026-12-07 night: 0.842 / 0.830; morning, after exercises, states of siege, ordered acts,
    # take-overs, receiving verbs, control verbs, the classifier kept to one-sentence documents:
    # 0.848 / 0.841; afternoon, after requests pressed on a party, revoked sanctions, groups of
    # listed bodies, local councils, a government's critics: 0.863 / 0.858; after imposed
    # sanctions COERCE, blockades and cyber attacks ASSAULT (the coders' reading): 0.880 / 0.875;
    # late evening, after ceasefires, defiance, visits to help, trade under deals: 0.893 / 0.891
    assert figures["event_type_accuracy"] >= 0.885
    assert figures["macro_f1"] >= 0.88
    # actor / recipient where the type is right, type+source+target, lenient: 0.968 / 0.874 /
    # 0.768 / 0.773 (2026-12-07 late evening, after listed owners, pronouns, asked-for grants);
    # 0.968 / 0.886 / 0.778 / 0.785 (2026-12-07 night, after places, facilities and promised acts' targets)
    assert figures["actor_where_type_right"] >= 0.96
    assert figures["recipient_where_type_right"] >= 0.875
    assert figures["type_source_target"] >= 0.77
    assert figures["lenient_type_source_target"] >= 0.775


@pytest.mark.slow
def test_real_news_development_set_floor_with_the_learned_type(nlp):
    from sitrep.options import Options

    report = evaluate(needs_shared("plv", "plv-train.csv"), Options(type_model=True))
    # in-sample on the 853 sentences it learned from: 0.846 / 0.716 (2026-12-07, learned gate)
    assert report.figures["macro_f1"] >= 0.84
    assert report.figures["type_source_target"] >= 0.71


@pytest.mark.slow
def test_the_learned_type_lowers_no_set_written_from_the_manual(nlp):
    """Its gate opens only boundaries the sentences written from the manual do not contradict
    (scripts/train_sentence_type.py); the held-out written set, kept out of that choice, checks
    it."""
    from sitrep.options import Options

    path = FIXTURES / "heldout_sentences.csv"
    off, on = evaluate(path).figures, evaluate(path, Options(type_model=True)).figures
    for figure in ("event_type_accuracy", "macro_f1", "type_source_target"):
        assert on[figure] >= off[figure], figure


def test_older_cameo_country_codes_of_the_gold_records_read_as_iso():
    from sitrep.evaluation.sentences import _record_codes

    assert _record_codes([{"code": "JAPGOV"}, {"code": "ITL"}, {"code": "VTNMIL"}]) == {
        "JPN", "ITA", "VNM"}
    assert _record_codes([{"code": "USAGOV"}, {"code": "IGO"}]) == {"USA", "IGO"}
