"""Train sitrep's relevance gate: is a document (or one of its sentences) about politics,
conflict, diplomacy, security or economy as policy? (docs/relevance-gate.md)

Data, all of it material the project may train on (issue 11):
- political: NGEC's 4,500 synthetic stories (../shared/ngec, MIT; fiction written to train event
  classifiers), the 1,050 sentences of the real-news development set (../shared/plv/plv-train.csv),
  the 322 PLOVER gold records' sentences (../shared/plover, CC BY-SA 4.0), and the political
  paragraphs of scripts/relevance/texts.tsv (written for sitrep);
- not political: the 534 BBC entertainment and technology articles of ../shared/negatives (for
  research use) and the sport, business, culture, science, crime and weather paragraphs of
  scripts/relevance/texts.tsv (written for sitrep).
Each document counts whole and sentence by sentence (the coder asks about both). Every text is
lower-cased with its apostrophes dropped (scraped feeds arrive so), and the names of countries,
nationalities and capitals are not features: the gate reads the topic, not the place.

Model: TF-IDF word uni- and bigrams (min_df 3) + logistic regression (scikit-learn), exported as
plain JSON (vocabulary, idf, weights; no text) so sitrep scores it without scikit-learn. Prints
5-fold cross-validated figures, folds grouped by source document, per source.

    pip install scikit-learn==1.9.1
    python scripts/train_relevance.py [--shared ../shared] [--out-of-fold FILE] [--check-negatives]

`--check-negatives` also codes the 534 development negatives with sitrep, each with the gate of
the fold that did not train on it, and prints the events per article: the honest figure for a
set the shipped gate has seen.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sitrep" / "data" / "relevance_gate.json"
TEXTS = ROOT / "scripts" / "relevance" / "texts.tsv"
TOKEN_PATTERN = r"[a-z]{2,}"  # mirrored by sitrep.coding.relevance
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
APOSTROPHES = re.compile(r"['’‘`]")
C = 0.5
# The written texts are the only sport, business, crime and weather examples: each counts five
# times (cross-validated on them and on tests/fixtures/none_sentences.csv, which is not trained on).
WRITTEN_WEIGHT = 5.0


SCORELINE = re.compile(r"\b\d+\s?[-–]\s?\d+\b")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def normalise(text: str) -> str:
    """Lower case, no apostrophes, numbers as their shape ("2-1" -> "numdash", "1,050" -> "num"):
    what sitrep.coding.relevance.normalise does."""
    text = APOSTROPHES.sub("", text.lower())
    return NUMBER.sub(" num ", SCORELINE.sub(" numdash ", text))


def place_words() -> list[str]:
    """Country names, nationality adjectives and capitals (data/countries.tsv, places.tsv), and
    scikit-learn's English stop words ("could", "next"): the gate reads topic words, not the place
    or the style a source writes in."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words: set[str] = set(ENGLISH_STOP_WORDS)
    for name in ("countries.tsv", "places.tsv"):
        path = ROOT / "src" / "sitrep" / "data" / name
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if line and not line.startswith("#")]
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            for field in ("name", "variants", "adjectives", "capital", "text"):
                for value in (row.get(field) or "").split("|"):
                    words.update(re.findall(TOKEN_PATTERN, normalise(value)))
    return sorted(words)


def sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(text.strip()) if len(s.split()) >= 5]


def load(shared: Path) -> list[tuple[str, int, str, str]]:
    """(text, label, source, group) for every unit: whole documents and their sentences."""
    docs: list[tuple[str, int, str]] = []  # text, label, source
    with gzip.open(shared / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.gz", "rt") as handle:
        docs += [(re.sub(r"^\([^)]*\)\s*--\s*", "", r["text"].strip()), 1, "ngec")
                 for r in csv.DictReader(handle)]
    with (shared / "plv" / "plv-train.csv").open(encoding="utf-8", newline="") as handle:
        docs += [(r["text"], 1, "plv-train") for r in csv.DictReader(handle)]
    records = json.loads((shared / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    docs += [(r["text"], 1, "plover") for r in records
             if r.get("event") != "DOCUMENT" and r.get("text")]
    negatives = shared / "negatives" / "bbc-entertainment-tech.jsonl"
    docs += [(json.loads(line)["text"], 0, "negatives")
             for line in negatives.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = [line for line in TEXTS.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        docs.append((row["text"], int(row["label"] == "political"), "written"))
    units = []
    for number, (text, label, source) in enumerate(docs):
        group = f"{source}:{number}"
        units.append((normalise(text), label, source, group))
        parts = sentences(text)
        if len(parts) > 1:
            units += [(normalise(part), label, f"{source} sentences", group) for part in parts]
    return units


def make_model(stop_words: list[str]) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(token_pattern=TOKEN_PATTERN, ngram_range=(1, 2), min_df=3,
                                 max_features=40000, sublinear_tf=True, stop_words=stop_words,
                                 lowercase=False)
    return vectorizer, LogisticRegression(C=C, max_iter=3000, class_weight="balanced")


def weights(sources) -> np.ndarray:
    return np.array([WRITTEN_WEIGHT if s.startswith("written") else 1.0 for s in sources])


def gate_model(vectorizer: TfidfVectorizer, model: LogisticRegression):
    """The fitted gate as sitrep scores it."""
    from sitrep.coding.relevance import GateModel

    vocabulary = vectorizer.vocabulary_
    return GateModel(token=re.compile(TOKEN_PATTERN), intercept=float(model.intercept_[0]),
                     index=dict(vocabulary), idf=[float(v) for v in vectorizer.idf_],
                     weights=[float(v) for v in model.coef_[0]])


def check_negatives(shared: Path, folds: list) -> None:
    """Code the development negatives, each article with the gate that did not see it."""
    import sitrep.coding.relevance as relevance
    from sitrep.pipeline import Coder
    from sitrep.text.reading import read_path

    negatives = shared / "negatives" / "bbc-entertainment-tech.jsonl"
    docs = [d for d in read_path(str(negatives)) if not isinstance(d, Exception)]
    # load() numbered every document: the negatives' groups run on from the first of them
    first = min(int(g.split(":")[1]) for held, _ in folds for g in held)
    coder = Coder()
    events = words = 0
    for held, gate in folds:
        relevance.load_gate = lambda gate=gate: gate  # type: ignore[assignment]
        chosen = [d for i, d in enumerate(docs) if f"negatives:{first + i}" in held]
        for doc in coder.pipe(chosen):
            events += len(doc.events)
            words += len(doc.text.split())
            for event in doc.events:
                parties = [f"{a.entity_text} ({a.code or '-'} {a.sector or '-'})"
                           for a in event.actor + event.recipient]
                sentence = event.text_info.sentence if event.text_info else ""
                print(f"  {doc.id}: {event.event} {event.event_text!r} {'; '.join(parties)} | "
                      f"{sentence[:110]}")
    print(f"development negatives coded with out-of-fold gates: {len(docs)} articles, "
          f"{events} events, {events / len(docs):.3f} per article, "
          f"{1000 * events / max(words, 1):.3f} per 1,000 words")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--out-of-fold", help="write each unit's out-of-fold probability here")
    parser.add_argument("--check-negatives", action="store_true",
                        help="code the negatives with out-of-fold gates and print the rate")
    args = parser.parse_args()
    units = load(Path(args.shared))
    texts = [u[0] for u in units]
    labels = np.array([u[1] for u in units])
    sources = np.array([u[2] for u in units])
    groups = [u[3] for u in units]
    weight = weights(sources)
    stop = place_words()
    out_of_fold = np.zeros(len(units))
    held_out_negatives: list[tuple[set[str], object]] = []
    for train, test in GroupKFold(n_splits=5).split(texts, labels, groups):
        vectorizer, model = make_model(stop)
        features = vectorizer.fit_transform([texts[i] for i in train])
        model.fit(features, labels[train], sample_weight=weight[train])
        out_of_fold[test] = model.predict_proba(
            vectorizer.transform([texts[i] for i in test]))[:, 1]
        if args.check_negatives:
            held_out_negatives.append(({groups[i] for i in test if sources[i] == "negatives"},
                                       gate_model(vectorizer, model)))
    print(f"{len(units)} units; 5-fold cross-validated (grouped by document), threshold 0.5:")
    print(f"  ROC AUC {roc_auc_score(labels, out_of_fold):.3f}, "
          f"accuracy {np.mean((out_of_fold >= 0.5) == labels):.3f}")
    figures = {}
    for source in sorted(set(sources)):
        for label, kind in ((1, "political"), (0, "not political")):
            chosen = (sources == source) & (labels == label)
            if not chosen.any():
                continue
            share = float(np.mean((out_of_fold[chosen] >= 0.5) == labels[chosen]))
            figures[f"{source} ({kind})"] = round(share, 4)
            print(f"  {source:22} {int(chosen.sum()):6} units ({kind}): "
                  f"{share:.3f} on the right side")
    if args.out_of_fold:
        with open(args.out_of_fold, "w", encoding="utf-8") as handle:
            for (_, label, source, group), p in zip(units, out_of_fold, strict=True):
                handle.write(json.dumps({"group": group, "source": source, "label": label,
                                         "p": round(float(p), 4)}) + "\n")
    if args.check_negatives:
        check_negatives(Path(args.shared), held_out_negatives)
    vectorizer, model = make_model(stop)
    model.fit(vectorizer.fit_transform(texts), labels, sample_weight=weight)
    vocabulary = vectorizer.vocabulary_
    keep = sorted(vocabulary, key=vocabulary.get)
    exported = {
        "about": "sitrep relevance gate (politics, conflict, diplomacy, security, economy as "
                 "policy); see docs/relevance-gate.md",
        "token_pattern": TOKEN_PATTERN, "ngram_range": [1, 2], "sublinear_tf": True,
        "intercept": round(float(model.intercept_[0]), 4),
        "vocabulary": keep,
        "idf": [round(float(vectorizer.idf_[vocabulary[t]]), 4) for t in keep],
        "weights": [round(float(model.coef_[0, vocabulary[t]]), 4) for t in keep],
        "cross_validated": {"roc_auc": round(float(roc_auc_score(labels, out_of_fold)), 4),
                            "right_side_by_source": figures},
    }
    OUT.write_text(json.dumps(exported, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUT} ({OUT.stat().st_size / 1e6:.1f} MB, {len(keep)} features)")


if __name__ == "__main__":
    main()
