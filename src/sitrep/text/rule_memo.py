"""Memoised tagging rules: spaCy's attribute ruler and rule lemmatizer, same output, fewer Python calls.

Why: on short documents the two rule components of en_core_web_sm cost almost as much as the
parser (`bench/throughput.py --components`, 1,050 news sentences: attribute ruler 0.91 s and
lemmatizer 0.17 s against the parser's 1.5 s), almost all of it per-token Python (a `Matcher`
run and a `Span` per match, a `Token` per word). Their output for a token depends on a handful
of its own attributes: the ruler's single-token patterns read only LOWER, TAG, DEP and IS_SPACE;
the lemmatizer reads ORTH, POS and MORPH. So what they did to a token is learned from the real
components the first time that combination is seen and replayed from arrays afterwards
(`Doc.to_array` / `Doc.from_array`).

Exactness, not an approximation: a token's key is what the ruler's single-token patterns can
tell apart (a LOWER or DEP value a pattern names, else only the patterns' regular-expression
results on it; its TAG; IS_SPACE), and the memo holds which of those rules apply to it, in the
ruler's order; the few multi-token rules ("there" + "is" as an expletive, "gon" + "na", "let" +
"'s") depend on neighbours, so a matcher of their own runs on every document and adds them in
their place. A document with a key not seen yet goes through the real components, which teach
the memo (and are checked against what the rules say they set). A pipeline whose ruler uses
pattern features this module does not model keeps its real components (`supported`); a rule
that does not set what it says, or a key seen with two outcomes, would mean the model above is
wrong: memoisation then switches itself off for the process and the real components run from
there on. `tests/text/test_rule_memo.py` checks every attribute of every token against the real
components.

Hands on: the same `Doc` the two components would have produced, to the entity recogniser.
"""

from __future__ import annotations

import atexit
import re
from pathlib import Path
from typing import Any

import numpy
import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from sitrep.cache import content_key, read_cached, write_cached

# What the ruler's single-token patterns may read, and what its rules may set.
READ = ("LOWER", "TAG", "DEP", "IS_SPACE")
WRITTEN = [POS, TAG, MORPH, LEMMA, DEP]
COLUMN = {attr: index for index, attr in enumerate(WRITTEN)}
KEY_COLUMNS = [LOWER, TAG, DEP, IS_SPACE, ORTH]
OPERATORS = {"IN", "NOT_IN", "REGEX"}
# The memo is bounded (a long-running server or worker meets ever more words; past this many
# lemmas new words are lemmatised as the real component does, and not kept), and kept in the
# disk cache (sitrep/cache.py) after every SAVE_EVERY new entries and at exit, so that a new
# process starts with what earlier ones learned (a cold lemmatizer costs ~0.1 ms a new word).
MAX_LEMMAS = 200_000
SAVE_EVERY = 2_000


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


class _Values:
    """One attribute's values as the patterns tell them apart: a value a pattern names is
    itself; any other is only the results of the patterns' regular expressions on it."""

    def __init__(self, ruler: Any, name: str):
        self.named: set[str] = set()
        self.regexes: list[re.Pattern] = []
        for entry in ruler.patterns:
            for pattern in entry["patterns"]:
                for spec in pattern:
                    value = spec.get(name)
                    if isinstance(value, str):
                        self.named.add(value)
                    elif isinstance(value, dict):
                        self.named.update(value.get("IN", ()), value.get("NOT_IN", ()))
                        if "REGEX" in value:
                            self.regexes.append(re.compile(value["REGEX"]))
        self._keys: dict[int, Any] = {}

    def key(self, strings: Any, value: int) -> Any:
        found = self._keys.get(value)
        if found is None:
            text = strings[value]
            found = text if text in self.named else tuple(bool(r.search(text))
                                                          for r in self.regexes)
            if len(self._keys) < MAX_LEMMAS:  # bounded, as the lemmas are
                self._keys[value] = found
        return found


class RuleMemo:
    """The attribute ruler and the lemmatizer of a pipeline, replayed from what they did before."""

    def __init__(self, nlp: Language, ruler: Any, lemmatizer: Any):
        self.vocab = nlp.vocab
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.enabled = supported(ruler, lemmatizer)
        # the ruler's single-token rules that apply to a token, by what they read of it, in the
        # order the ruler applies them
        self.outcomes: dict[tuple, tuple[int, ...]] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}  # (ORTH, POS, MORPH) -> LEMMA
        self.replayed = 0  # documents annotated from the memo alone
        self._lower = _Values(ruler, "LOWER")
        self._dep = _Values(ruler, "DEP")
        # the multi-token rules, matched on every document by a matcher of their own (a token's
        # single-token rules are a function of its key; these depend on its neighbours)
        self._multi = Matcher(nlp.vocab)
        for attr_id, entry in enumerate(ruler.patterns):
            multi = [pattern for pattern in entry["patterns"] if len(pattern) > 1]
            if multi:
                self._multi.add(str(attr_id), multi)
        self._merged: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        # keyed by the model, spaCy and this module: the memo is a function of all three
        meta = nlp.meta
        self._cache_key = content_key([Path(__file__)], spacy.__version__, meta.get("lang", ""),
                                      meta.get("name", ""), meta.get("version", ""))
        self._unsaved = 0
        if self.enabled:
            self._load()
            atexit.register(self.save)

    def _load(self) -> None:
        cached = read_cached("rule-memo", self._cache_key)
        if not isinstance(cached, tuple) or len(cached) != 2:
            return
        outcomes, lemmas = cached
        self.outcomes.update(outcomes)
        add = self.vocab.strings.add  # a lemma's hash means nothing until its text is known
        self.lemmas.update((key, add(text)) for key, text in lemmas.items())

    def save(self) -> None:
        """Keep what was learned in the disk cache (nothing when nothing new was learned)."""
        if not self._unsaved or not self.enabled:
            return
        strings = self.vocab.strings
        write_cached("rule-memo", self._cache_key,
                     (self.outcomes, {key: strings[lemma] for key, lemma in self.lemmas.items()}))
        self._unsaved = 0

    def _remember(self) -> None:
        self._unsaved += 1
        if self._unsaved >= SAVE_EVERY:
            self.save()

    def __call__(self, doc: Doc) -> Doc:
        if not self.enabled or not len(doc):
            return self._real(doc)
        strings = self.vocab.strings
        rows = doc.to_array(KEY_COLUMNS).tolist()
        keys = [(self._lower.key(strings, lower), tag, self._dep.key(strings, dep), space)
                for lower, tag, dep, space, _ in rows]
        outcomes = self.outcomes
        if not all(key in outcomes for key in keys):
            self._learn(doc, keys, rows)
            return doc
        rules = [outcomes[key] for key in keys]
        if len(self._multi):
            for match_id, start, end in self._multi(doc, allow_missing=True, as_spans=False):
                attr_id = int(strings[match_id])
                index = self.ruler.indices[attr_id]
                at = (start if index >= 0 else end) + index
                rules[at] = tuple(sorted(rules[at] + (attr_id,)))
        after = doc.to_array(WRITTEN).tolist()
        for row, applied in zip(after, rules, strict=True):
            for column, value in self._columns(applied):
                row[column] = value
        replayed: Any = numpy.array(after, dtype="uint64")
        doc.from_array(WRITTEN, replayed)
        self._lemmatize(doc, after, rows)
        self.replayed += 1
        return doc

    def _columns(self, applied: tuple[int, ...]) -> tuple[tuple[int, int], ...]:
        """What rules applied in this order leave on a token: (column, value), the last rule
        winning an attribute, as `set_token_attrs` sets them one after the other."""
        found = self._merged.get(applied)
        if found is None:
            merged: dict[int, int] = {}
            for attr_id in applied:
                for attr, value in self.ruler.attrs[attr_id].items():
                    merged[COLUMN[attr]] = value
            found = tuple(sorted(merged.items()))
            self._merged[applied] = found
        return found

    def _real(self, doc: Doc) -> Doc:
        return self.lemmatizer(self.ruler(doc))

    def _learn(self, doc: Doc, keys: list[tuple], rows: list[list[int]]) -> None:
        """Run the real components, remembering what each did to each token: the ruler's
        matches say which of its rules set what on which token."""
        matches = self.ruler.match(doc)
        self.ruler.set_annotations(doc, matches)  # what AttributeRuler.__call__ does
        single: dict[int, list[int]] = {}
        multi: set[int] = set()  # tokens a multi-token rule set: their values are no key's
        for attr_id, _, start, end in matches:  # in the order the ruler applied them
            if end - start == 1:
                single.setdefault(start, []).append(attr_id)
            else:
                index = self.ruler.indices[attr_id]
                multi.add((start if index >= 0 else end) + index)
        ruled = doc.to_array(WRITTEN).tolist()
        self.lemmatizer(doc)
        lemmas = doc.to_array(LEMMA).tolist()
        for i, key in enumerate(keys):
            applied = tuple(single.get(i, ()))
            if i not in multi and any(ruled[i][column] != value
                                      for column, value in self._columns(applied)):
                self.enabled = False  # the rules did not set what they say: stop replaying
            known = self.outcomes.get(key)
            if known is None:
                self.outcomes[key] = applied
                self._remember()
            elif known != applied:
                self.enabled = False  # rules this module cannot predict: stop replaying
            if not ruled[i][3]:  # a lemma the lemmatizer gave, not a rule
                self._keep_lemma((rows[i][4], ruled[i][0], ruled[i][2]), lemmas[i])

    def _keep_lemma(self, key: tuple[int, int, int], lemma: int) -> None:
        known = self.lemmas.get(key)
        if known is None:
            if len(self.lemmas) < MAX_LEMMAS:  # bounded: past it, new words are not kept
                self.lemmas[key] = lemma
                self._remember()
        elif known != lemma:
            self.enabled = False  # one word, two lemmas: stop replaying

    def _lemmatize(self, doc: Doc, after: list[list[int]], rows: list[list[int]]) -> None:
        """The lemmatizer's part: a lemma for every token the rules gave none."""
        memo = self.lemmas
        lemmas = [row[3] for row in after]
        missing = False
        for i, (pos, _, morph, lemma, _) in enumerate(after):
            if lemma:
                continue
            missing = True
            key = (rows[i][4], pos, morph)
            found = memo.get(key)
            if found is None:
                found = self.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                self._keep_lemma(key, found)
            lemmas[i] = found
        if missing:
            column: Any = numpy.array(lemmas, dtype="uint64")
            doc.from_array([LEMMA], column)


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
