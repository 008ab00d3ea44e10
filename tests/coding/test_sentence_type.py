"""The learned sentence type (coding/sentence_type.py): it ships no sentence, moves a type only
across the codebook's contested boundaries and only when clearly surer than the rules, and
keeps the event's parties."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from sitrep.coding.sentence_type import MODEL_FILE, TypeModel, load_type_model

from ..conftest import codes, one


def test_the_shipped_model_holds_features_not_sentences():
    data = json.loads(resources.files("sitrep").joinpath(MODEL_FILE).read_text("utf-8"))
    assert set(data) >= {"classes", "intercept", "weights", "neighbours", "margin"}
    for name in data["weights"]:
        kind, _, value = name.partition("=")
        assert (kind and value) or name == "reciprocal", name
        assert len(value.split()) <= 3, name  # a lemma, a pair or a short hint, never a sentence
    assert len(data["weights"]) < 5000


def test_the_gate_keeps_the_rules_type_unless_a_neighbour_is_clearly_likelier():
    model = TypeModel(classes=["AGREE", "SUPPORT", "ASSAULT"], intercept=[0.0, 0.0, 0.0],
                      weights={"trigger=sign": [0.0, 2.0, 0.0], "trigger=bomb": [0.0, 0.0, 3.0],
                               "word=maybe": [0.0, 0.2, 0.0]},
                      neighbours={"AGREE": ["SUPPORT"], "SUPPORT": ["AGREE"]}, margin=0.2)
    assert model.judge(["trigger=sign"], "AGREE") == "SUPPORT"
    assert model.judge(["word=maybe"], "AGREE") is None  # not sure enough
    assert model.judge(["trigger=bomb"], "AGREE") is None  # ASSAULT is no neighbour of AGREE
    assert model.judge(["trigger=bomb"], "MOBILIZE") is None  # no boundary declared at all
    assert sum(model.probabilities(["trigger=sign"]).values()) == pytest.approx(1.0)


def test_the_model_is_shipped_off_and_can_be_turned_on():
    from sitrep.options import Options
    from sitrep.pipeline import Coder

    assert Options().type_model is False
    assert load_type_model() is not None
    assert Coder(Options(type_model=True)).type_judge is not None
    assert Coder(Options()).type_judge is None


def test_no_model_over_an_imported_verb_dictionary():
    """An imported verb dictionary is its user's codebook; the model learned the shipped one."""
    from sitrep.options import Options
    from sitrep.pipeline import Coder

    from ..conftest import needs_shared

    verbs = needs_shared("petrarch", "PETR.Validate.verbs.txt")
    assert Coder(Options(type_model=True, verbs=(str(verbs),))).type_judge is None


def test_a_retyped_event_keeps_its_parties(coder):
    from sitrep.coding.sentence_type import TypeJudge  # noqa: F401  (the protocol)
    from sitrep.options import Options
    from sitrep.pipeline import Coder

    class Always:
        def judge(self, features, rule):
            assert f"rule={rule}" in features or rule == "YIELD"
            return "ACCUSE"

    text = "Kenyan police arrested three Ugandan activists in Nairobi."
    plain = one(coder, text)
    judged = Coder(Options())
    judged.type_judge = Always()
    event = one(judged, text)
    assert plain.event == "COERCE" and event.event == "ACCUSE"
    assert codes(event.actor) == codes(plain.actor) and codes(event.recipient) == codes(
        plain.recipient)
    assert event.quad_code == 3 and event.mode in {None, "disapprove", "allege", "investigate"}
