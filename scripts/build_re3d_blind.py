"""Build tests/fixtures/re3d_blind/{documents,entities}.json, a re3d-format folder, from the
hand-marked documents beside them (`marked_*.txt`), written blind for sitrep (MIT).

A marked file holds documents, each opened by a line `=== TITLE | SOURCE`; an entity is written
`{T:text}` with T one of P (Person), O (Organisation), L (Location), N (Nationality),
W (Weapon), M (MilitaryPlatform), and may nest (`{P:Defence Secretary {P:Ben Wallace}}`). The
output mirrors re3d's `mongoexport` lines (one JSON object a line; begin/end character offsets
into the document's text), so `sitrep eval` reads the folder as it reads a re3d one.

    python scripts/build_re3d_blind.py
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "re3d_blind"
TYPES = {"P": "Person", "O": "Organisation", "L": "Location", "N": "Nationality",
         "W": "Weapon", "M": "MilitaryPlatform"}


def parse(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """The plain text of a marked document and its entity spans (begin, end, type)."""
    out: list[str] = []
    length = 0
    open_spans: list[tuple[str, int]] = []
    spans: list[tuple[int, int, str]] = []
    i = 0
    while i < len(marked):
        char = marked[i]
        if char == "{" and marked[i + 2:i + 3] == ":" and marked[i + 1] in TYPES:
            open_spans.append((TYPES[marked[i + 1]], length))
            i += 3
            continue
        if char == "}":
            kind, begin = open_spans.pop()
            spans.append((begin, length, kind))
            i += 1
            continue
        out.append(char)
        length += 1
        i += 1
    if open_spans:
        raise ValueError(f"unclosed entity in {marked[:60]!r}")
    return "".join(out), sorted(spans)


def documents(path: Path):
    title, source, lines = "", "", []
    for line in path.read_text(encoding="utf-8").splitlines() + ["=== end | end"]:
        if line.startswith("=== "):
            if lines:
                yield title, source, "\n".join(lines).strip()
            title, _, source = line[4:].partition(" | ")
            lines = []
        else:
            lines.append(line)


def main() -> None:
    docs, entities = [], []
    for path in sorted(FOLDER.glob("marked_*.txt")):
        for title, source, marked in documents(path):
            text, spans = parse(marked)
            doc_id = hashlib.md5(title.encode("utf-8")).hexdigest().upper()
            docs.append({"_id": doc_id, "sourceName": source.strip(), "title": title.strip(),
                         "text": text, "wordCount": len(text.split())})
            for begin, end, kind in spans:
                entities.append({"_id": f"{doc_id}-{begin}-{end}-{kind}", "begin": begin,
                                 "end": end, "type": kind, "value": text[begin:end],
                                 "documentId": doc_id, "confidence": 1})
    for name, rows in (("documents.json", docs), ("entities.json", entities)):
        (FOLDER / name).write_text("".join(json.dumps(row, ensure_ascii=False) + "\n"
                                           for row in rows), encoding="utf-8")
    print(f"{len(docs)} documents, {len(entities)} entities")


if __name__ == "__main__":
    main()
