"""Split a sentence CSV into a development part and a held-back part, deterministically.

A sentence goes to the held-back part when the SHA-1 of its id falls in the chosen fifth, so the
split never changes and needs no stored list. The held-back part is for one thing only: a final
estimate of held-out performance. Never read its failures (run `sitrep eval` on it without
`--details`); tune rules and learned components on the development part, cross-validated.

    python scripts/split_sentences.py ../shared/plv/plv-train.csv OUTDIR
    # -> OUTDIR/plv-train.dev.csv, OUTDIR/plv-train.heldback.csv
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

HELD_BACK_FIFTH = 0  # which fifth of the id hash space is held back


def held_back(sentence_id: str) -> bool:
    return int(hashlib.sha1(sentence_id.encode()).hexdigest(), 16) % 5 == HELD_BACK_FIFTH


def main(source: str, outdir: str) -> None:
    path, out = Path(source), Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows, fields = list(reader), reader.fieldnames or []
    for part, keep in (("dev", False), ("heldback", True)):
        chosen = [row for row in rows if held_back(row["id"]) is keep]
        target = out / f"{path.stem}.{part}.csv"
        with target.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(chosen)
        print(f"{target}: {len(chosen)} sentences")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python scripts/split_sentences.py SENTENCES.csv OUTDIR")
    main(sys.argv[1], sys.argv[2])
