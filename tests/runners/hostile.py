"""A bad-input corpus, written by the tests themselves: every case issue 10 lists (and more),
mixed with good documents. `write(folder)` returns what a run over it must store and refuse."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

GOOD_RECORDS = [
    {"id": "g-request", "date": "2025-03-02",
     "text": "Iran asked China for drones in February 2025, officials said."},
    {"id": "g-accuse", "date": "2025-03-03", "url": "https://www.reuters.com/world/2025/03/03/x",
     "text": "Russia accused Ukraine of shelling the plant on Monday."},
    {"id": "g-host", "text": "Egypt hosted talks between Israel and Hamas in Cairo."},
    # oddities that are not errors: stored, whatever they code to
    {"id": "g-emoji", "text": "😡😡😡 👊👊"},  # emoji only (the precision issue owns its events)
    {"id": "g-bad-date", "date": "9999-99-99", "text": "France criticised Germany over its budget."},
    {"id": "g-odd-date", "date": "2025-13-45", "text": "Spain praised Portugal for its help."},
    {"id": "g-url-in-text", "text": "Japan thanked India (see http://[::1 for more)."},
    {"id": "g-controls", "text": "Chile \u0001\u0002 signed a trade deal with Peru."},
    {"id": "g-nul", "text": "Chile \u0000 signed a water deal with Bolivia."},
    {"id": "g-punctuation", "text": "!!! ??? ... --- ;;; ((( )))"},
    {"id": "g-zero-width", "text": "\u200b\u200b\u200b"},
    {"id": "g-number-id", "text": "Kenya met Somalia."},
    # between 1 MB and the 10 MB limit (spaCy's max_length is 1,000,000 characters)
    {"id": "g-big", "text": "A big record. " + " " * 1_100_000 + "Norway met Sweden."},
    {"id": "g-long-token", "text": "'" * 1_000 + "A-" * 500 + " Qatar thanked Oman."},
]

BAD_LINES = [  # (line as written, what the failure says)
    (json.dumps({"id": "b-url-list", "text": "x y z.", "url": ["http://a.example"]}),
     '"url" is a list'),
    (json.dumps({"id": "b-url-number", "text": "x y z.", "url": 5}), '"url" is a number'),
    (json.dumps({"id": "b-title-number", "text": "x y z.", "title": 7}), '"title" is a number'),
    ('{"id": "b-surrogate", "text": "Bad \\ud800 surrogate in Kenya."}', "lone surrogate"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ("\u0000\u0000\u0000", "malformed JSON"),
    ("{not json", "malformed JSON"),
    (json.dumps({"id": "b-date-number", "text": "x y z.", "date": 20250101}), '"date" is a number'),
    (json.dumps({"id": {"x": 1}, "text": "x y z."}), '"id" is an object'),
    (json.dumps({"id": "b-bad-url", "text": "x y z.", "url": "http://[::1"}), "is not a URL"),
    (json.dumps({"id": "b-text-number", "text": 123}), '"text" is a number'),
    (json.dumps({"id": "b-no-text"}), 'no "text" field'),
    (json.dumps(["a", "list"]), "expected a JSON object"),
]


@dataclass
class Corpus:
    paths: list[str]
    good_ids: set[str]
    good_files: set[str]  # good inputs whose id is their content hash: named by file
    bad: dict[str, str] = field(default_factory=dict)  # where (file or file:line) -> problem


def write(folder: Path) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus(paths=[str(folder)], good_ids=set(), good_files=set())

    records = folder / "records.jsonl"
    lines: list[str] = []
    good = iter(GOOD_RECORDS)
    for bad_line, problem in BAD_LINES:  # a good record between bad ones, and the rest after
        record = next(good, None)
        if record:
            lines.append(json.dumps(record if record["id"] != "g-number-id" else
                                    {**record, "id": 42}, ensure_ascii=False))
        lines.append(bad_line)
        corpus.bad[f"{records}:{len(lines)}"] = problem
    lines += [json.dumps(r, ensure_ascii=False) for r in good]
    records.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus.good_ids |= {str(r["id"]) if r["id"] != "g-number-id" else "42"
                        for r in GOOD_RECORDS}

    def good_file(name: str, content: str | bytes) -> None:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        corpus.good_files.add(str(path))

    def bad_file(name: str, content: bytes, problem: str) -> None:
        path = folder / name
        path.write_bytes(content)
        corpus.bad[str(path)] = problem

    good_file("story.txt", "Talks in Geneva\nSerbia asked Russia for 14 missile units in "
              "October 2025, according to a letter.\n")
    good_file("page.html", "<html><head><title>Talks resume</title></head><body><article><p>"
              + "Negotiators from Sudan and Chad met in Doha on Tuesday, officials said. " * 3
              + "</p></article></body></html>")
    good_file("big.txt", "A big file. " + " " * 1_200_000 + "Norway thanked Denmark.\n")
    good_file("utf16.txt", "Bogotá hosted talks on Monday.".encode("utf-16"))
    good_file("cyrillic.txt", ("Президент России встретился во вторник в Москве с министром "
                               "иностранных дел Китая.").encode("cp1251"))
    bad_file("latin1.txt", "Le président français".encode("latin-1"), "--encoding cp1252")
    bad_file("binary.txt", b"\x00\x01\x02binary\x00", "binary")
    bad_file("empty.txt", b"", "empty")
    bad_file("garbage.html", b"<html><<<>>>" + bytes(range(128, 256)) * 10, "not text")
    bad_file("nested.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply")
    os.mkfifo(folder / "pipe.txt")
    corpus.bad[str(folder / "pipe.txt")] = "FIFO"
    os.symlink("/dev/zero", folder / "zero.txt")
    corpus.bad[str(folder / "zero.txt")] = "character device"
    os.symlink(folder / "nowhere.txt", folder / "broken.txt")
    corpus.bad[str(folder / "broken.txt")] = "broken link"
    (folder / "loop").mkdir()
    os.symlink(folder, folder / "loop" / "back")  # a folder link loop: not followed
    corpus.paths += ["/dev/zero", str(folder / "missing.txt")]
    corpus.bad["/dev/zero"] = "character device"
    corpus.bad[str(folder / "missing.txt")] = "no such file"
    return corpus
