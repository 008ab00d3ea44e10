"""Bootstrap intervals of a sentence set's strict figures (evaluation/intervals.py)."""

from __future__ import annotations

from sitrep.evaluation.intervals import bootstrap_intervals
from sitrep.evaluation.report import Report
from sitrep.evaluation.sentences import per_type


def _set(right: int, wrong: int) -> tuple[list[str], list[str]]:
    labels = ["ACCUSE", "AGREE", "ASSAULT", "REJECT"]
    gold = [labels[i % 4] for i in range(right + wrong)]
    predicted = gold[:right] + [labels[(i + 1) % 4] for i in range(right, right + wrong)]
    return gold, predicted


def test_the_interval_holds_the_point_figure_and_narrows_with_more_sentences():
    small = bootstrap_intervals(*_set(40, 10), [True] * 40 + [False] * 10, "NONE")
    large = bootstrap_intervals(*_set(400, 100), [True] * 400 + [False] * 100, "NONE")
    for name in ("event_type_accuracy", "macro_f1", "type_source_target"):
        for intervals in (small, large):
            low, high = intervals[name]
            assert low <= 0.8 <= high or name == "macro_f1"
        assert (large[name][1] - large[name][0]) < (small[name][1] - small[name][0]) / 2


def test_macro_f1_draws_agree_with_the_point_formula_on_the_whole_set():
    gold, predicted = _set(30, 20)
    gold[:5] = ["NONE"] * 5  # NONE is no type: its F1 is not averaged
    types = per_type(gold, predicted)
    point = sum(f for _, _, f, _ in types.values()) / len(types)
    low, high = bootstrap_intervals(gold, predicted, [None] * 5 + [True] * 45, "NONE")["macro_f1"]
    assert low < point < high


def test_a_set_of_none_sentences_has_only_an_accuracy_interval_and_draws_are_seeded():
    gold = ["NONE"] * 20
    predicted = ["NONE"] * 18 + ["ACCUSE"] * 2
    intervals = bootstrap_intervals(gold, predicted, [None] * 20, "NONE")
    assert set(intervals) == {"event_type_accuracy"}
    assert intervals == bootstrap_intervals(gold, predicted, [None] * 20, "NONE")


def test_the_summary_prints_intervals_beside_the_figures():
    report = Report(file="f.csv", kind="sentence CSV", cases=3, figures={"macro_f1": 0.5},
                    intervals={"macro_f1": (0.25, 0.75)}, details=["per type"])
    assert report.summary()[-2:] == ["macro_f1: 0.500", "macro_f1_95ci: 0.250 0.750"]
    assert report.lines()[-1] == "per type"
