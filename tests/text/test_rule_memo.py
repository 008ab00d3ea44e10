"""The memoised attribute ruler and lemmatizer give every token exactly what the real components give."""

from __future__ import annotations

import numpy
import pytest
import spacy

from sitrep.text.parsing import load_nlp, model_name
from sitrep.text.rule_memo import RuleMemo, supported

ATTRS = ["ORTH", "LOWER", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE",
         "SENT_START", "IS_SPACE"]

# Sentences we wrote: ordinary news, and the shapes the ruler's multi-token patterns and its
# space rules are about (expletive "there", contractions, "gonna", "let's", "y'all", line breaks).
TEXTS = [
    "The defence minister said on Monday that the army had withdrawn two brigades.",
    "Protesters were arrested outside the parliament in Nairobi.",
    "There are three warships in the strait, the navy said.",
    "There's no deal yet, and there were no talks on Friday.",
    "We ain't gonna sign it, he said; let's wait and see, y'all.",
    "I gotta go. C'mon, they're leaving.",
    "Headline of the day\n\n  Officials met   in Geneva to discuss the ceasefire.\n",
    "The ministers met. The ministers met again. The ministers are meeting.",
    "Russia's Pacific Fleet held drills, and Japan lodged a protest with Moscow.",
    "Running, ran, runs: the leaders' better and best offers were rejected.",
] * 3


@pytest.fixture(scope="module")
def pipelines():
    plain = spacy.load(model_name())
    plain.add_pipe("sitrep_line_breaks", before="parser")
    return load_nlp(), plain


def test_memoised_rules_replace_the_real_ones_in_sitreps_pipeline(pipelines):
    nlp, plain = pipelines
    assert "sitrep_rule_memo" in nlp.pipe_names
    assert "attribute_ruler" not in nlp.pipe_names and "lemmatizer" not in nlp.pipe_names
    assert "attribute_ruler" in plain.pipe_names


def test_every_token_gets_what_the_real_components_give(pipelines):
    nlp, plain = pipelines
    memo = nlp.get_pipe("sitrep_rule_memo")
    replayed = memo.replayed
    for fast, real in zip(nlp.pipe(TEXTS), plain.pipe(TEXTS), strict=True):
        assert numpy.array_equal(fast.to_array(ATTRS), real.to_array(ATTRS)), fast.text
        assert [str(t.morph) for t in fast] == [str(t.morph) for t in real]
        assert [t.lemma_ for t in fast] == [t.lemma_ for t in real]
    assert memo.enabled
    assert memo.replayed > replayed  # the repeated sentences were replayed, not re-run


def test_a_ruler_with_patterns_it_cannot_model_keeps_the_real_components():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "rule"})
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})  # LENGTH: not one of the features it keys on
    assert not supported(ruler, lemmatizer)
    assert not RuleMemo(nlp, ruler, lemmatizer).enabled


def test_what_one_process_learned_the_next_starts_with(tmp_path, monkeypatch, pipelines):
    from sitrep.text.rule_memo import memoise_rules

    monkeypatch.setenv("SITREP_CACHE", str(tmp_path))
    _, plain = pipelines

    def fresh():
        nlp = spacy.load(model_name())
        nlp.add_pipe("sitrep_line_breaks", before="parser")
        assert memoise_rules(nlp)
        return nlp

    first = fresh()
    list(first.pipe(TEXTS))
    first.get_pipe("sitrep_rule_memo").save()
    assert list(tmp_path.glob("rule-memo-*.pickle"))
    second = fresh()
    memo = second.get_pipe("sitrep_rule_memo")
    assert memo.lemmas and memo.outcomes  # loaded, before any document
    learned = len(memo.lemmas)
    for fast, real in zip(second.pipe(TEXTS), plain.pipe(TEXTS), strict=True):
        assert [t.lemma_ for t in fast] == [t.lemma_ for t in real]
        assert numpy.array_equal(fast.to_array(ATTRS), real.to_array(ATTRS))
    assert len(memo.lemmas) == learned  # nothing left to learn
    # every document, those a multi-token rule matches in ("there are", "gonna", "let's") too
    assert memo.replayed == len(TEXTS)
