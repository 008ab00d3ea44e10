"""The learned sentence type: where the codebook's boundaries are drawn by coders rather than by
a trigger word, a small model re-decides the type of each sentence's main event.

The rules (`triggers.tsv`, `retyping.py`) name candidate events; the model reads what they found
(the main event's type, mode, modality, trigger, its object and prepositions, the other
candidates' types, the parties' sectors) and the sentence's own words (lemmas of nouns, verbs and
adjectives; no names), and gives the type the coders of real news would give the sentence. It is
a multinomial logistic regression over sparse binary features, trained by
`scripts/train_sentence_type.py` (data card: docs/sentence-type-model.md) and shipped as JSON
(feature weights, no sentence); it is scored here in plain Python, in microseconds.

It never adds or removes an event: it retypes a main event, keeping its parties, and only across
the codebook's contested boundaries, when it is clearly surer than the rules (its gate). The
real-news gold writes CONCEDE and RETREAT as one class, YIELD; where the model says YIELD, a
retreat's verbs say RETREAT and others CONCEDE.

It is off by default (`type_model = false` in data/defaults.toml; `--type-model` turns it on).
Its gate is learned per direction: it opens only the moves that win on real news and lose
nothing on the sentences written from the manual (it was learned when "imposed sanctions" was
SANCTION; the rules now code it COERCE, as the real-news coders do: docs/codebook-boundaries.md);
what it adds over the current rules is small, and it must be retrained whenever they change
(docs/sentence-type-model.md has the figures).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Protocol

from sitrep.coding.candidate import Candidate
from sitrep.coding.lexicon import Lexicon
from sitrep.coding.roles import direct_object
from sitrep.resources import word_class

# Parts of speech whose lemmas describe what happened (names are left out: the model learns the
# codebook, not who was in the news).
CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV"}


def features(main: Candidate, sentence_candidates: list[Candidate]) -> list[str]:
    """The features of a sentence whose main event is `main`."""
    event, trigger = main.event, main.trigger
    lemma = trigger.lemma_.lower()
    found = [f"rule={event.event}", f"rule+mode={event.event}:{event.mode}",
             f"modality={event.modality}", f"trigger={lemma}",
             f"trigger+rule={lemma}:{event.event}", f"pos={main.row.pos}",
             f"depth={min(main.depth, 3)}", f"row={main.row.event}"]
    obj = direct_object(trigger) if trigger.pos_ in {"VERB", "AUX"} else None
    if obj is not None:
        found += [f"object={obj.lemma_.lower()}", f"trigger+object={lemma}:{obj.lemma_.lower()}"]
    for child in trigger.children:
        if child.dep_ in {"prep", "agent", "dative", "prt"}:
            found.append(f"prep={child.lower_}")
        elif child.dep_ in {"xcomp", "ccomp", "advcl"}:
            found.append(f"clause={child.lemma_.lower()}")
    found += [f"other={c.event.event}" for c in sentence_candidates if c is not main]
    found.append(f"actor={_sector(event.actor)}")
    found.append(f"recipient={_sector(event.recipient)}")
    if event.reciprocal:
        found.append("reciprocal")
    found += [f"word={t.lemma_.lower()}" for t in trigger.sent
              if t.pos_ in CONTENT_POS and t.is_alpha and not t.ent_type_]
    return sorted(set(found))


def _sector(parties) -> str:
    if not parties:
        return "none"
    party = parties[0]
    if party.sector:
        return party.sector
    return "country" if party.code else "unresolved"


class TypeJudge(Protocol):
    def judge(self, features: list[str], rule: str) -> str | None: ...


@dataclass(frozen=True)
class TypeModel:
    """Weights of the shipped model (one row of class weights per feature), and its gate: it may
    move a type only across a boundary of `neighbours` (the codebook's contested boundaries,
    docs/codebook-boundaries.md), and only when it prefers the new type over the rules' by at
    least `margin` in probability."""

    classes: list[str]
    intercept: list[float]
    weights: dict[str, list[float]]
    neighbours: dict[str, list[str]]
    margin: float

    def scores(self, features: list[str]) -> list[float]:
        scores = list(self.intercept)
        for name in features:
            row = self.weights.get(name)
            if row is not None:
                for c, weight in enumerate(row):
                    scores[c] += weight
        return scores

    def probabilities(self, features: list[str]) -> dict[str, float]:
        scores = self.scores(features)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def judge(self, features: list[str], rule: str) -> str | None:
        """The type the model gives (in the gold's terms: YIELD for CONCEDE and RETREAT), or None
        where the rules' type stands."""
        probabilities = self.probabilities(features)
        allowed = [c for c in self.neighbours.get(rule, []) if c in probabilities]
        if not allowed:
            return None
        best = max(allowed, key=probabilities.__getitem__)
        if probabilities[best] - probabilities.get(rule, 0.0) < self.margin:
            return None
        return best


MODEL_FILE = "data/sentence_type.json"


@lru_cache(maxsize=1)
def load_type_model() -> TypeModel | None:
    """The shipped model, or None where none is shipped."""
    path = resources.files("sitrep").joinpath(MODEL_FILE)
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return TypeModel(classes=data["classes"], intercept=data["intercept"],
                     weights=data["weights"], neighbours=data["neighbours"],
                     margin=data["margin"])


# Verbs of a material retreat (PLOVER RETREAT: release, withdraw, return, disarm, allow access);
# other yielding is a concession (CONCEDE).
RETREAT_WORDS = word_class("retreat_verbs")


def retype_mains(mains: list[Candidate], sentences: dict[int, list[Candidate]],
                 judge: TypeJudge, lexicon: Lexicon) -> None:
    """Re-decide the type of each sentence's main event (in place)."""
    for main in mains:
        found = features(main, sentences.get(main.sentence_start, [main]))
        event = main.event
        rule = "YIELD" if event.event in YIELD_TYPES else event.event
        wanted = judge.judge(found, rule)
        if wanted is None or wanted == rule:
            continue
        if wanted == "YIELD":
            wanted = "RETREAT" if main.trigger.lemma_.lower() in RETREAT_WORDS else "CONCEDE"
        if wanted not in lexicon.plover["event_types"]:
            continue
        event.event = wanted
        if event.mode not in lexicon.modes(wanted):
            event.mode = None
        event.quad_code = lexicon.quad(wanted)
        event.event_scale = lexicon.score(wanted, event.mode)


YIELD_TYPES = {"CONCEDE", "RETREAT"}
