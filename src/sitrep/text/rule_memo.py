"""Memoised tagging rules: spaCy's attribute ruler and rule lemmatizer, same output, fewer Python calls.

Why: on short documents the two rule components of en_core_web_sm cost almost as much as the
parser (`bench/throughput.py --components`, 1,050 news sentences: attribute ruler 0.91 s and
lemmatizer 0.17 s against the parser's 1.5 s), almost all of it per-token Python (a `Matcher`
run and a `Span` per match, a `Token` per word). Their output for a token depends on a handful
of its own attributes: the ruler's single-token patterns read only LOWER, TAG, DEP and IS_SPACE;
the lemmatizer reads ORTH, POS and MORPH. So what they did to a token is learned from the real
components the first time that combination is seen and replayed from arrays afterwards
(`Doc.to_array` / `Doc.from_array`).

Exactness, not an approximation: a document goes through the real components (and teaches the
memo) when any of its tokens shows a combination not seen yet, and when a multi-token pattern
could match in it (any token satisfies that pattern's first token: "there" as an expletive,
"gon", "let", ...). A pipeline whose ruler uses pattern features this module does not model
keeps its real components (`supported`). A combination seen with two different outcomes would
mean the model above is wrong: memoisation then switches itself off for the process and the
real components run from there on. `tests/text/test_rule_memo.py` checks every attribute of
every token against the real components.

Hands on: the same `Doc` the two components would have produced, to the entity recogniser.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

# What the ruler's single-token patterns may read, and what its rules may set.
READ = ("LOWER", "TAG", "DEP", "IS_SPACE")
WRITTEN = [POS, TAG, MORPH, LEMMA, DEP]
KEY_COLUMNS = [LOWER, TAG, DEP, IS_SPACE, POS, MORPH, LEMMA, ORTH]
OPERATORS = {"IN", "NOT_IN", "REGEX"}


def supported(ruler: Any, lemmatizer: Any) -> bool:
    """Whether the two components are of the kind whose output this module can replay exactly."""
    if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
        return False
    for entry in ruler.patterns:
        for pattern in entry["patterns"]:
            for spec in pattern:
                for name, value in spec.items():
                    if name not in READ:
                        return False
                    if isinstance(value, dict) and not set(value) <= OPERATORS:
                        return False
    written = {key for attrs in ruler.attrs for key in attrs}
    return written <= set(WRITTEN)


class RuleMemo:
    """The attribute ruler and the lemmatizer of a pipeline, replayed from what they did before."""

    def __init__(self, nlp: Language, ruler: Any, lemmatizer: Any):
        self.vocab = nlp.vocab
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.enabled = supported(ruler, lemmatizer)
        self.outcomes: dict[tuple, tuple[int, ...]] = {}
        self.replayed = 0  # documents annotated from the memo alone
        self.lemmas: dict[tuple[int, int, int], int] = {}
        self._lower_keys: dict[int, Any] = {}
        # The LOWER values the patterns name, and their regular expressions: any other value
        # satisfies exactly the same patterns as every other such value with the same
        # regular-expression results.
        named: set[str] = set()
        regexes: list[re.Pattern] = []
        self._openers: list[dict] = []
        for entry in ruler.patterns:
            for pattern in entry["patterns"]:
                for spec in pattern:
                    value = spec.get("LOWER")
                    if isinstance(value, str):
                        named.add(value)
                    elif isinstance(value, dict):
                        named.update(value.get("IN", ()), value.get("NOT_IN", ()))
                        if "REGEX" in value:
                            regexes.append(re.compile(value["REGEX"]))
                if len(pattern) > 1:
                    self._openers.append(pattern[0])
        self._named = named
        self._regexes = regexes
        self._opener_keys: dict[tuple, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled or not len(doc):
            return self._real(doc)
        rows = doc.to_array(KEY_COLUMNS).tolist()
        keys = [(self._lower_key(row[0]),) + tuple(row[1:7]) for row in rows]
        if any(self._may_open(key, row) for key, row in zip(keys, rows, strict=True)):
            return self._real(doc)
        outcomes = self.outcomes
        if not all(key in outcomes for key in keys):
            self._learn(doc, keys, rows)
            return doc
        after: Any = numpy.array([outcomes[key] for key in keys], dtype="uint64")
        doc.from_array(WRITTEN, after)
        self._lemmatize(doc, after, rows)
        self.replayed += 1
        return doc

    def _real(self, doc: Doc) -> Doc:
        return self.lemmatizer(self.ruler(doc))

    def _learn(self, doc: Doc, keys: list[tuple], rows: list[list[int]]) -> None:
        """Run the real components, remembering what each did to each token."""
        self.ruler(doc)
        ruled = doc.to_array(WRITTEN).tolist()
        self.lemmatizer(doc)
        lemmas = doc.to_array(LEMMA).tolist()
        for key, row, outcome, lemma in zip(keys, rows, ruled, lemmas, strict=True):
            if self.outcomes.setdefault(key, tuple(outcome)) != tuple(outcome):
                self.enabled = False  # an outcome this module cannot predict: stop replaying
            if not outcome[3]:  # the lemmatizer's, not a rule's
                lemma_key = (row[7], outcome[0], outcome[2])
                if self.lemmas.setdefault(lemma_key, lemma) != lemma:
                    self.enabled = False

    def _lemmatize(self, doc: Doc, after: numpy.ndarray, rows: list[list[int]]) -> None:
        lemmas = after[:, 3]
        if lemmas.all():
            return
        memo = self.lemmas
        new = lemmas.tolist()
        for i, lemma in enumerate(new):
            if lemma:
                continue
            pos, morph = int(after[i, 0]), int(after[i, 2])
            key = (rows[i][7], pos, morph)
            found = memo.get(key)
            if found is None:
                found = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                memo[key] = found
            new[i] = found
        replayed: Any = numpy.array(new, dtype="uint64")
        doc.from_array([LEMMA], replayed)

    def _lower_key(self, lower: int) -> Any:
        key = self._lower_keys.get(lower)
        if key is None:
            text = self.vocab.strings[lower]
            key = text if text in self._named else tuple(bool(r.search(text)) for r in self._regexes)
            self._lower_keys[lower] = key
        return key

    def _may_open(self, key: tuple, row: list[int]) -> bool:
        """Whether the token could be the first of a multi-token pattern (conservative: yes when
        unsure)."""
        found = self._opener_keys.get(key)
        if found is None:
            found = any(self._satisfies(spec, row) for spec in self._openers)
            self._opener_keys[key] = found
        return found

    def _satisfies(self, spec: dict, row: list[int]) -> bool:
        strings = self.vocab.strings
        values = {"LOWER": strings[row[0]], "TAG": strings[row[1]], "DEP": strings[row[2]],
                  "IS_SPACE": bool(row[3])}
        for name, wanted in spec.items():
            value = values[name]
            if isinstance(wanted, dict):
                if "IN" in wanted and value not in wanted["IN"]:
                    return False
                if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
                    return False
                if "REGEX" in wanted and not re.search(wanted["REGEX"], str(value)):
                    return False
            elif value != wanted:
                return False
        return True


@Language.factory("sitrep_rule_memo")
def make_rule_memo(nlp: Language, name: str) -> RuleMemo:
    return RuleMemo(nlp, nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))


def memoise_rules(nlp: Language) -> bool:
    """Put `RuleMemo` in place of the pipeline's attribute ruler and lemmatizer when they run one
    after the other and are of the kind it replays exactly; say whether it did."""
    names = nlp.pipe_names
    if "attribute_ruler" not in names or "lemmatizer" not in names:
        return False
    if names.index("lemmatizer") != names.index("attribute_ruler") + 1:
        return False
    if not supported(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")):
        return False
    nlp.add_pipe("sitrep_rule_memo", before="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    nlp.disable_pipe("lemmatizer")
    return True
