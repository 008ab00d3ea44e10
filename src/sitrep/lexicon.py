"""The event lexicon, loaded once from data files: PLOVER types and scores (`plover.json`),
trigger words (`triggers.tsv`), context keywords (`contexts.tsv`) and modality cues (`cues.tsv`).

To add a trigger, add a row to `src/sitrep/data/triggers.tsv`; nothing in code names a word.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from .entities import read_tsv


@dataclass(frozen=True)
class Trigger:
    lemma: str  # head lemma (the last word of a multiword trigger for nouns, the first for verbs)
    words: tuple[str, ...]  # every lemma of a multiword trigger
    pos: str  # VERB | NOUN
    event: str
    mode: str | None
    context: tuple[str, ...]
    particle: str | None
    object_hint: frozenset[str]


@dataclass
class Lexicon:
    plover: dict
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    contexts: dict[str, str] = field(default_factory=dict)
    cues: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))

    def quad(self, event: str) -> int | None:
        entry = self.plover["event_types"].get(event)
        return entry["quad"] if entry else None

    def score(self, event: str, mode: str | None) -> float | None:
        entry = self.plover["event_types"].get(event)
        if not entry:
            return None
        mode_entry = entry.get("modes", {}).get(mode or "", {})
        value = mode_entry.get("score") if isinstance(mode_entry, dict) else None
        return value if value is not None else entry.get("score")

    def modes(self, event: str) -> set[str]:
        return set(self.plover["event_types"].get(event, {}).get("modes", {}))


def _split(value: str) -> tuple[str, ...]:
    for separator in ("|", ";", ","):
        value = value.replace(separator, " ")
    return tuple(part for part in value.split() if part)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    text = resources.files("sitrep").joinpath("data/plover.json").read_text(encoding="utf-8")
    lexicon = Lexicon(plover=json.loads(text))
    for row in read_tsv("triggers.tsv"):
        words = tuple(row["lemma"].lower().replace("-", " - ").split())
        words = tuple(w for w in words if w != "-") or (row["lemma"].lower(),)
        pos = row["pos"].upper()
        head = words[-1] if pos == "NOUN" else words[0]
        trigger = Trigger(
            lemma=head, words=words, pos=pos, event=row["event"].upper(),
            mode=row.get("mode") or None, context=_split(row.get("context", "")),
            particle=(row.get("particle") or "").lower() or None,
            object_hint=frozenset(h.lower() for h in (row.get("object_hint") or "").split("|") if h),
        )
        lexicon.triggers[(head, pos)].append(trigger)
    for row in read_tsv("contexts.tsv"):
        lexicon.contexts[row["keyword"].lower()] = row["context"]
    for row in read_tsv("cues.tsv"):
        lexicon.cues[row["lemma"].lower()].append((row["modality"], row["relation"]))
    return lexicon
