"""The evaluation harness. Fast tests score small files written here; the slow suite scores the
reference sets in ../shared (when they are beside the project) against floors that may only rise."""

from __future__ import annotations

import json

import pytest

from sitrep.errors import EvalError
from sitrep.evaluation.evaluate import detect_kind, evaluate
from sitrep.evaluation.petrarch import plover_for_cameo
from sitrep.evaluation.re3d import is_named

from ..conftest import FIXTURES, SEED_GOLD, needs_shared


def test_kinds_are_recognised(tmp_path):
    assert detect_kind(SEED_GOLD) == "seed"
    records = tmp_path / "records.json"
    records.write_text(json.dumps([{"id": "x", "event": "AGREE", "text": "A agreed."}]))
    assert detect_kind(records) == "plover"
    (tmp_path / "s.csv").write_text("id,text,label\n")
    assert detect_kind(tmp_path / "s.csv") == "sentences"
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(EvalError, match="bad.json"):
        detect_kind(bad)


def test_sentence_csv_scores_type_and_actors(tmp_path, nlp):
    path = tmp_path / "sentences.csv"
    path.write_text(
        "id,text,label,source,target\n"
        "1,Iran asked China for air defence systems.,REQUEST,IRN,CHN\n"
        "2,The United States imposed an embargo on Cuba.,SANCTION,USA,CUB\n"
        "3,Germany praised France for its support.,ACCUSE,DEU,FRA\n", encoding="utf-8")
    report = evaluate(path)
    assert report.cases == 3 and report.file == str(path)
    assert report.figures["event_type_accuracy"] == pytest.approx(2 / 3)
    assert report.figures["actor_match"] == 1.0 and report.figures["recipient_match"] == 1.0
    assert report.confusion[("ACCUSE", "SUPPORT")] == 1


def test_transnational_gold_codes_match_either_sector(tmp_path, nlp):
    path = tmp_path / "sentences.csv"
    path.write_text(
        "id,text,label,source,target\n"
        "1,Amnesty International accused Egypt of torturing detainees.,ACCUSE,IGO,EGY\n"
        "2,NATO condemned the missile test by North Korea.,ACCUSE,NGO,PRK\n"
        "3,Amnesty International accused Egypt of torturing detainees.,ACCUSE,EGY,EGY\n",
        encoding="utf-8")
    report = evaluate(path)
    assert report.figures["actor_match"] == pytest.approx(2 / 3)


def test_petrarch_dyads_match_a_joint_event_of_both_parties():
    from sitrep.evaluation.petrarch import _dyad_matches
    from sitrep.model import Actor, Event

    joint = Event(id="e", doc_id="d", event="AGREE", actor=[Actor(entity_text="a", code="PHL"),
                                                            Actor(entity_text="b", code="FRA")])
    assert _dyad_matches("PHL", "FRA", joint) and _dyad_matches("FRAGOV", "PHL", joint)
    assert not _dyad_matches("PHL", "PHL", joint) and not _dyad_matches("PHL", "ESP", joint)
    directed = Event(id="e", doc_id="d", event="AGREE", actor=joint.actor,
                     recipient=[Actor(entity_text="c", code="ESP")])
    assert _dyad_matches("PHL", "ESP", directed) and not _dyad_matches("PHL", "FRA", directed)


def test_seed_report_names_file_and_cases(nlp):
    report = evaluate(SEED_GOLD)
    assert report.cases > 50 and report.figures["checks_passed"] == 1.0


@pytest.mark.parametrize("value, named", [("Votel", True), ("the Pentagon", True), ("he", False),
                                          ("the city", False), ("They", False)])
def test_named_mentions(value, named):
    assert is_named(value) is named


def test_cameo_codes_map_by_longest_prefix():
    table = {"02": "REQUEST", "0233": "REQUEST", "19": "ASSAULT"}
    assert plover_for_cameo("0234", table) == "REQUEST"
    assert plover_for_cameo("190", table) == "ASSAULT"
    assert plover_for_cameo("99", table) is None


# Floors: figures measured on the reference sets; they may only go up.
@pytest.mark.slow
def test_plover_gold_records_floor(nlp):
    report = evaluate(needs_shared("plover", "PLOVER_GSR_CAMEO.txt"))
    assert report.cases == 322
    # strict (the main event); 0.870 measured on 2026-12-07 (0.829 after issues 11, 12); 0.863
    # since imposed sanctions are COERCE and blockades ASSAULT, as the real-news coders code them,
    # where two gold records follow the manual (docs/codebook-boundaries.md): lowered on purpose
    assert report.figures["event_type_accuracy"] >= 0.86  # 0.863
    assert report.figures["actor_match"] >= 0.83  # 0.838
    assert report.figures["recipient_match"] >= 0.80  # 0.806


@pytest.mark.slow
def test_petrarch_unit_suite_runs_with_imported_actors(nlp):
    report = evaluate(needs_shared("petrarch", "PETR.UnitTest.records.xml"))
    assert report.cases > 250 and report.figures["source_target_type_match"] >= 0.085
    # issue 4's bar: 80% of the suite's codings, its own PETR.Validate.* dictionaries imported
    assert report.figures["source_target_type_match_with_suite_verbs"] >= 0.80


# The sentence sets written for sitrep (tests/fixtures/README.md): floors just under the figures
# measured, per set: (file, event type, actor, recipient). They go up with the coder, with one
# exception written down: the dev sets follow the manual's text
# where the PLOVER gold records and real-news coders differ from it (a promised concession is
# CONCEDE there, AGREE in the coder: docs/codebook-boundaries.md), so they sit lower by those rows.
SENTENCE_SET_FLOORS = [
    ("heldout_sentences.csv", 0.88, 0.92, 0.79),
    # 0.912: its imposed-sanctions sentence keeps the manual's SANCTION and its expelled aid
    # agencies (dev-104) the manual's COERCE note, the coder follows the real-news coders
    # (COERCE, SANCTION; docs/codebook-boundaries.md): lowered on purpose from 0.92
    ("dev_sentences.csv", 0.91, 0.94, 0.82),
    ("dev2_sentences.csv", 0.92, 0.94, 0.89),  # 0.931 / 0.956 / 0.906 (2026-12-07 late evening)
    ("dev3_sentences.csv", 0.89, 0.90, 0.85),  # 0.900 / 0.919 / 0.863
]


@pytest.mark.slow
@pytest.mark.parametrize("name, event_type, actor, recipient", SENTENCE_SET_FLOORS)
def test_sentence_set_floors(nlp, name, event_type, actor, recipient):
    report = evaluate(FIXTURES / name)
    assert report.cases == 160
    assert report.figures["event_type_accuracy"] >= event_type
    assert report.figures["actor_match"] >= actor
    assert report.figures["recipient_match"] >= recipient


# Written wire-style sets (tests/fixtures/README.md), 20 NONE sentences each, scored blind and
# then read while tuning; floors just under the figures after the fixes their failures led to.
# dev4, blind 2026-12-07: type 0.866, actor 0.929, recipient 0.770, type+source+target 0.699,
# NONE with an event 0.25; after 0.944 / 0.954 / 0.813 / 0.781 / 0.15.
# dev5 (weighted to the real-news coders' weakest roots), blind 2026-12-07: type 0.794, macro-F1
# 0.804, actor 0.913, recipient 0.635, type+source+target 0.548, NONE with an event 0.30; after
# 0.829 / 0.923 / 0.649 / 0.577 / 0.25.
# dev6 (the real-news development set's mix of roots, no NONE), blind 2026-12-08: type 0.932,
# macro-F1 0.936, actor 0.936, recipient 0.800, type+source+target 0.772; after
# 0.932 / 0.940 / 0.844 / 0.820 (h53's fixes of who did it to whom).
WIRE_SET_FLOORS = [
    ("dev4_sentences.csv", 216, 0.93, 0.94, 0.80, 0.77, 0.16),
    ("dev5_sentences.csv", 228, 0.81, 0.91, 0.63, 0.56, 0.26),
    ("dev6_sentences.csv", 250, 0.92, 0.93, 0.83, 0.80, None),
]


@pytest.mark.slow
@pytest.mark.parametrize("name, cases, event_type, actor, recipient, joint, none_with_event",
                         WIRE_SET_FLOORS)
def test_wire_sentence_floors(nlp, name, cases, event_type, actor, recipient, joint,
                              none_with_event):
    report = evaluate(FIXTURES / name)
    assert report.cases == cases
    assert report.figures["event_type_accuracy"] >= event_type
    assert report.figures["actor_match"] >= actor
    assert report.figures["recipient_match"] >= recipient
    assert report.figures["type_source_target"] >= joint
    if none_with_event is not None:  # a set with NONE sentences
        assert report.figures["none_sentences_with_event"] <= none_with_event


@pytest.mark.slow
def test_re3d_entity_floor(nlp):
    report = evaluate(needs_shared("re3d"))
    assert report.cases == 45
    # just under the figures measured on 2026-12-05 after issue 13 (both folders): Person 0.848,
    # Organisation 0.858, Location 0.868, Nationality 0.861, Weapon 0.678, MilitaryPlatform 0.720
    floors = {"Person": 0.83, "Organisation": 0.84, "Location": 0.85, "Nationality": 0.84,
              "Weapon": 0.66, "MilitaryPlatform": 0.70}
    for kind, floor in floors.items():
        assert report.figures[f"{kind}_F1"] >= floor, kind


def test_petrarch_unidentified_country_matches_an_actor_without_one():
    from sitrep.evaluation.petrarch import _actor_matches
    from sitrep.model import Actor

    official = [Actor(entity_text="a senior official", sector="GOV")]
    assert _actor_matches("---GOV", official) and _actor_matches("---", [])
    assert not _actor_matches("---GOV", [Actor(entity_text="Arnor", code="ARN", sector="GOV")])
    assert not _actor_matches("---MIL", official)


def test_petrarch_igo_code_matches_a_transnational_body():
    from sitrep.evaluation.petrarch import _actor_matches
    from sitrep.model import Actor

    union = [Actor(entity_text="the AU", sector="IGO")]
    assert _actor_matches("IGOAFR", union) and _actor_matches("NGO", union)
    assert not _actor_matches("IGOAFR", [Actor(entity_text="Libya", code="LBY", sector="GOV")])
    assert not _actor_matches("LBY", union)


def test_a_file_beside_gold_files_is_skipped_but_alone_is_an_error(tmp_path, nlp):
    from sitrep.evaluation.evaluate import evaluate_paths

    readme = tmp_path / "README.md"
    readme.write_text("# notes\n")
    missing = tmp_path / "gone.csv"
    reports = list(evaluate_paths([readme, SEED_GOLD.parent / "gold.json"], limit=1))
    assert reports[0].kind.startswith("skipped, not a gold file") and reports[0].cases == 0
    assert reports[1].file.endswith("gold.json") and reports[1].figures
    with pytest.raises(EvalError, match="README.md"):
        list(evaluate_paths([readme]))
    with pytest.raises(EvalError, match="no such file"):
        list(evaluate_paths([readme, missing]))
