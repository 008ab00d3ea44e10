"""Train sitrep's fallback event-type classifier (used when no trigger pattern fires).

Data: the 4,500 labelled synthetic stories of NGEC (../shared/ngec, MIT; fiction written to
train event classifiers): the headline and the first two sentences of each story, labelled with
its PLOVER event type. Model: TF-IDF word uni- and bigrams + multinomial logistic regression
(scikit-learn), exported as plain JSON (vocabulary, idf, weights) so that sitrep needs no
scikit-learn at run time. Prints 5-fold cross-validated accuracy on NGEC and, as an out-of-domain
check it is never tuned on, accuracy on the PLOVER gold records' sentences.

    pip install scikit-learn==1.9.1
    python scripts/train_event_classifier.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

OUT = Path(__file__).resolve().parents[1] / "src" / "sitrep" / "data" / "event_classifier.json"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
TOKEN_PATTERN = r"(?u)\b\w\w+\b"  # scikit-learn's default, mirrored by sitrep.classifier


def lead(title: str, text: str) -> str:
    title = re.sub(r"\{[a-z_]+\d*\}", "Country", title or "")
    text = re.sub(r"^\([^)]*\)\s*--\s*", "", text.strip())
    return SENTENCE_END.split(text)[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = parser.parse_args()
    shared = Path(args.shared)
    with gzip.open(shared / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.gz", "rt") as handle:
        rows = list(csv.DictReader(handle))
    texts = [lead(r["title"], r["text"]) for r in rows]
    labels = [r["label"] for r in rows]
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, max_features=20000,
                                 sublinear_tf=True, token_pattern=TOKEN_PATTERN)
    model = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced")
    pipeline = make_pipeline(vectorizer, model)
    scores = cross_val_score(pipeline, texts, labels, cv=5)
    print(f"NGEC synthetic stories: {len(texts)} cases, 5-fold accuracy {scores.mean():.3f}")
    pipeline.fit(texts, labels)
    gold = json.loads((shared / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    mapping = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
               "FIGHT": "ASSAULT", "YIELD": "CONCEDE"}
    gold = [g for g in gold if g.get("event") != "DOCUMENT" and g.get("text")]
    predicted = pipeline.predict([g["text"] for g in gold])
    correct = sum(p == mapping.get(g["event"], g["event"]) for p, g in zip(predicted, gold,
                                                                             strict=True))
    print(f"PLOVER gold records (out of domain): {len(gold)} cases, "
          f"accuracy {correct / len(gold):.3f}")
    vocabulary = vectorizer.vocabulary_
    weights = model.coef_
    keep = sorted(vocabulary, key=vocabulary.get)
    exported = {
        "about": "sitrep fallback event-type classifier; see docs/event-classifier.md",
        "token_pattern": TOKEN_PATTERN, "ngram_range": [1, 2], "sublinear_tf": True,
        "classes": list(model.classes_),
        "intercept": [round(float(v), 4) for v in model.intercept_],
        "vocabulary": keep,
        "idf": [round(float(vectorizer.idf_[vocabulary[t]]), 4) for t in keep],
        "weights": [[round(float(weights[c, vocabulary[t]]), 3) for c in range(len(model.classes_))]
                    for t in keep],
        "cross_validated_accuracy": round(float(scores.mean()), 4),
    }
    OUT.write_text(json.dumps(exported, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB, {len(keep)} features)")


if __name__ == "__main__":
    main()
