"""Shared resources every stage reads: the shipped data files, the closed word classes the coding
rules key on, and the PLOVER schema (event types, modes, quad classes and scores).

Stages import from here, never from one another, for what is data rather than a stage's work.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any


def data_path(name: str) -> Path:
    """A shipped data file's path (`src/sitrep/data/NAME`)."""
    return Path(str(resources.files("sitrep").joinpath(f"data/{name}")))


def data_text(name: str) -> str:
    """A shipped data file's text (`src/sitrep/data/NAME`)."""
    return resources.files("sitrep").joinpath(f"data/{name}").read_text(encoding="utf-8")


def data_json(name: str) -> Any:
    """A shipped JSON file's value, through the disk cache (`cache.py`): the learned models'
    weights are megabytes of numbers, which unpickle four times faster than they parse."""
    from sitrep.cache import content_key, pickled

    path = data_path(name)
    return pickled(f"json-{path.stem}", content_key([path]), lambda: json.loads(data_text(name)))


def read_tsv(name: str) -> list[dict[str, str]]:
    """A shipped data file (tab-separated, header line, `#` comment lines) as dicts."""
    path = resources.files("sitrep").joinpath(f"data/{name}")
    with path.open(encoding="utf-8") as handle:
        lines = (line for line in handle if not line.startswith("#") and line.strip())
        return [
            {k: (v or "").strip() for k, v in row.items() if k is not None}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


@lru_cache(maxsize=1)
def _word_classes() -> dict[str, frozenset[str]]:
    return {row["class"]: frozenset(w for w in row["words"].split("|") if w)
            for row in read_tsv("word_classes.tsv")}


def word_class(name: str) -> frozenset[str]:
    """A closed list of words a coding rule keys on (`data/word_classes.tsv`)."""
    return _word_classes()[name]


@lru_cache(maxsize=4)
def place_nouns(kinds: tuple[str, ...] = ("place", "happening")) -> frozenset[str]:
    """Nouns for a place ("border", "province") or for what happens in one ("war"), by kind
    (`data/place_nouns.tsv`); read once per kind list."""
    return frozenset(row["noun"] for row in read_tsv("place_nouns.tsv") if row["kind"] in kinds)


def words_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of `words` literally, shaped as a trie: Python's
    regular expressions try every alternative of "a|b|c" at every position of a text, which for
    hundreds of names costs more than the rest of a sentence's coding; a trie tries only the
    branches that share the letters read so far. A word's longer continuations are tried before
    it ends, so a match is the longest word there, as longest-first alternatives would give."""
    trie: dict = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}  # a word ends here

    def branch(node: dict) -> str:
        continuations = [re.escape(letter) + branch(child)
                         for letter, child in sorted(node.items()) if letter]
        if not continuations:
            return ""
        body = continuations[0] if len(continuations) == 1 else \
            "(?:" + "|".join(continuations) + ")"
        if "" not in node:
            return body
        return f"(?:{body})?" if len(continuations) == 1 else f"{body}?"

    return branch(trie)


@lru_cache(maxsize=1)
def plover_schema() -> dict[str, Any]:
    """PLOVER v0.8 as sitrep uses it (`data/plover.json`): event types with their quad class,
    score, modes and coding rules, and the map from PLOVER 0.5 labels."""
    schema: dict[str, Any] = json.loads(data_text("plover.json"))
    return schema
