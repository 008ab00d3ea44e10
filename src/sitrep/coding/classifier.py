"""The fallback event-type classifier: used for a sentence in which no trigger pattern fires.

A TF-IDF + logistic-regression model trained by `scripts/train_event_classifier.py` on NGEC's
synthetic stories (see docs/event-classifier.md) and shipped as JSON; this module scores it in
plain Python, so no machine-learning library is needed at run time.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from sitrep.resources import data_json


@dataclass(frozen=True)
class Model:
    token: re.Pattern[str]
    classes: list[str]
    intercept: list[float]
    index: dict[str, int]
    idf: list[float]
    weights: list[list[float]]


@lru_cache(maxsize=1)
def load_model() -> Model:
    data = data_json("event_classifier.json")
    return Model(token=re.compile(data["token_pattern"]), classes=data["classes"],
                 intercept=data["intercept"],
                 index={term: i for i, term in enumerate(data["vocabulary"])},
                 idf=data["idf"], weights=data["weights"])


def predict(text: str) -> tuple[str, float]:
    """The most likely PLOVER event type of a sentence, with its probability."""
    model = load_model()
    tokens = model.token.findall(text.lower())
    terms = Counter(tokens + [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)])
    features = {}
    for term, count in terms.items():
        index = model.index.get(term)
        if index is not None:
            features[index] = (1.0 + math.log(count)) * model.idf[index]
    norm = math.sqrt(sum(v * v for v in features.values())) or 1.0
    scores = list(model.intercept)
    for index, value in features.items():
        for c, weight in enumerate(model.weights[index]):
            scores[c] += weight * value / norm
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    best = max(range(len(scores)), key=scores.__getitem__)
    return model.classes[best], exps[best] / sum(exps)
