"""The event lexicon, loaded once from data files: PLOVER types and scores (`plover.json`),
trigger words (`triggers.tsv`), context keywords (`contexts.tsv`), modality cues (`cues.tsv`)
and the closed word lists the coding rules key on (`word_classes.tsv`).

To add a trigger, add a row to `src/sitrep/data/triggers.tsv`; nothing in code names a word.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import TypeVar

from sitrep.resources import read_tsv

T = TypeVar("T")


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
    priority: int = 0  # rows of an imported verb dictionary (1) win over shipped rows (0)
    # the other side's act a dictionary codes with it ("MEET [031:031]"), as a PLOVER type
    reverse: str | None = None


@dataclass
class Lexicon:
    plover: dict
    triggers: dict[tuple[str, str], list[Trigger]] = field(default_factory=lambda: defaultdict(list))
    contexts: dict[str, str] = field(default_factory=dict)
    cues: dict[str, list[tuple[str, str]]] = field(default_factory=lambda: defaultdict(list))
    # an imported verb dictionary's word patterns by verb lemma, and its synsets
    # (see verbpatterns.py; empty for the shipped lexicon)
    patterns: dict[str, list] = field(default_factory=dict)
    synsets: dict[str, frozenset[str]] = field(default_factory=dict)

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


def is_saying(lemma: str, lexicon: Lexicon | None = None) -> bool:
    """A verb of saying ("say", "tell", "announce": cues.tsv's reporting verbs). Coded as an
    event (as an imported dictionary may code "said"), what it says is a report, not whom or
    where it is aimed at."""
    return ("reported", "gov") in (lexicon or load_lexicon()).cues.get(lemma, ())


def verb_forms(token) -> set[str]:
    """The verb's lemma, and what a regular past form strips to: the small model lemmatises
    "staged" as "stag"."""
    forms = {token.lemma_.lower()}
    lower = token.lower_
    if token.tag_ in {"VBD", "VBN"} and lower.endswith("ed"):
        forms.update({lower[:-1], lower[:-2]})
    return forms


# -- CAMEO verb dictionaries ------------------------------------------------------------------

# "--- MEET  [031:031]  ---"; the first bracket is the block's code ("--- DELAY [120] [031:031] ---")
VERB_BLOCK = re.compile(r"^---\s+(?P<verb>[A-Z_' ]+?)\s+\[(?P<code>[^\]]*)\]")
PATTERN = re.compile(r"^-\s+(?P<before>.*?)\*(?P<after>[^\[]*)\[(?P<code>[^\]]+)\]")
# The object hint a verb row carries when it applies to a subject of several parties.
COMPOUND_SUBJECT = "@compound"
# The object hint of a verb that has an object and a to-infinitive for it to carry out
# ("pressed Pakistan to crack down", "pushed the council to vote"): the urging sense of a verb
# whose other senses are physical ("pressed the button").
OBJECT_AND_ACT = "@object+act"


VerbRow = tuple[str, str, str | None, str | None]  # verb lemma, CAMEO code, object word, preposition


def read_verb_dictionary(path) -> list[VerbRow]:
    """(verb lemma, CAMEO code, object word or None, preposition or None) from a CAMEO/PETRARCH
    verb dictionary: each `--- VERB [code] ---` block gives the verb's code, a pattern
    `- * OBJECT [code]` the code it takes with that object, `- * PREP [OBJECT] [code]` the code
    it takes with that preposition ("- * WITH % [031]": agrees with), and `- % * [code]` the code
    it takes when its subject is several parties. Patterns with words before the verb or several
    words after it are word sequences, matched by `verbpatterns.py`, and not read here."""
    from pathlib import Path

    rows: list[VerbRow] = []
    verb = code = None
    for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if line.startswith("---"):
            # a new block; one whose header is not readable ("--- NOCODE ---") has no rows
            block = VERB_BLOCK.match(line)
            verb = block.group("verb").strip().lower().replace("_", " ") if block else None
            code = dictionary_code(block.group("code"), both=True) if block else None
            if verb and code:
                rows.append((verb, code, None, None))
            continue
        if verb and line.strip() and not line.lstrip().startswith(("-", "<")):
            # another verb of the block: "SEIZE", "+CORDON_OFF" (cordon, then "off"); one with
            # a word before it ("WIRE_+TAP") is a sequence, for verbpatterns.py
            member = block_member(line)
            own = member_code(line) or code
            if own and member and member[0] != verb.split()[0] and not member[1]:
                rows.append((member[0], own, None, member[2][0] if member[2] else None))
            continue
        pattern = PATTERN.match(line.strip())
        if verb and pattern and pattern.group("before").strip() == "%" and \
                not pattern.group("after").strip():
            # "- % * [030]": the code when the subject is several parties ("X and Y agree")
            target = dictionary_code(pattern.group("code"), both=True)
            if target:
                rows.append((verb, target, COMPOUND_SUBJECT, None))
            continue
        if verb and pattern and not pattern.group("before").strip():
            words = [w.lower() for w in re.split(r"[\s_]+", pattern.group("after"))
                     if w and w[0].isalpha()]
            target = dictionary_code(pattern.group("code"), both=True)
            if not words or not target:
                continue
            preposition = words.pop(0) if words[0] in PATTERN_PREPOSITIONS else None
            if len(words) > 1:
                continue  # "* LAY DOWN ARMS": a word sequence, for verbpatterns.py to match
            word = words[0] if words else None
            if word and word.endswith("s") and not word.endswith("ss"):
                word = word[:-1]
            rows.append((verb, target, word, preposition))
    return rows


# A CAMEO code as a verb dictionary writes it: "071", "174K" (its own sub-code), "031:032" (the
# code of the act, then of the other side's: the first is the act's).
DICTIONARY_CODE = re.compile(r"^\s*(\d{2,4}[A-Z]?)(?::(\d{2,4}[A-Z]?)?)?\s*$")


def dictionary_code(text: str, both: bool = False) -> str | None:
    """The act's code ("031:032" -> "031"), or with `both` the code as written ("031:032")."""
    found = DICTIONARY_CODE.match(text)
    if not found:
        return None
    return f"{found.group(1)}:{found.group(2)}" if both and found.group(2) else found.group(1)


def plover_codes(code: str, table: dict[str, CrosswalkRow]):
    """A dictionary code's PLOVER (type, mode, contexts), and the other side's type or None."""
    act, _, other = code.partition(":")
    mapped = longest_prefix(act, table)
    reverse = longest_prefix(other, table) if other else None
    return mapped, reverse[0] if reverse else None


def member_code(line: str) -> str | None:
    """The code a block's verb line gives that verb itself ("KLM_NOP_+RST [002]"), if any."""
    found = re.search(r"\[([^\]]*)\]", line.split("{", 1)[0])
    return dictionary_code(found.group(1), both=True) if found else None


# A verb a dictionary block lists: its lemma, and the words joined before and after it.
BlockMember = tuple[str, tuple[str, ...], tuple[str, ...]]


def block_member(line: str) -> BlockMember | None:
    """"WIRE_+TAP {WIRE_+TAPPED ...}" ("tap" right after "wire"), "+CORDON_OFF", "SEIZE"."""
    entry = line.split("{", 1)[0].strip().split()
    if not entry:
        return None
    words = [w for w in entry[0].split("_") if w]
    if not words or not all(re.fullmatch(r"\+?[A-Za-z'\-]+", w) for w in words):
        return None
    index = next((i for i, w in enumerate(words) if w.startswith("+")), 0)
    clean = [w.lstrip("+").lower() for w in words]
    return clean[index], tuple(clean[:index]), tuple(clean[index + 1:])


# Prepositions a verb pattern may name right after the verb ("- * WITH % [031]").
PATTERN_PREPOSITIONS = {"about", "against", "at", "for", "from", "in", "into", "of", "on",
                        "over", "to", "toward", "towards", "with"}


CrosswalkRow = tuple[str, str | None, tuple[str, ...]]  # PLOVER type, mode, contexts


@lru_cache(maxsize=1)
def crosswalk() -> dict[str, CrosswalkRow]:
    """CAMEO code -> PLOVER (type, mode, contexts), from data/cameo2plover.tsv."""
    return {row["cameo"]: (row["event"], row.get("mode") or None,
                           tuple(c for c in (row.get("context") or "").split(";") if c))
            for row in read_tsv("cameo2plover.tsv") if row["event"]}


def longest_prefix(code: str, table: Mapping[str, T]) -> T | None:
    """The table's value for the longest listed prefix of a CAMEO code (codes are
    hierarchical: "0234" falls back to "023", then "02")."""
    for length in range(len(code), 1, -1):
        if code[:length] in table:
            return table[code[:length]]
    return None


def with_verbs(base: Lexicon, rows: list[VerbRow],
               table: dict[str, CrosswalkRow] | None = None) -> Lexicon:
    """A copy of `base` with a verb dictionary's rows added ahead of the shipped ones; codes go
    to PLOVER types through the CAMEO crosswalk."""
    table = table if table is not None else crosswalk()
    lexicon = Lexicon(plover=base.plover, contexts=base.contexts, cues=base.cues,
                      patterns=base.patterns, synsets=base.synsets)
    for key, triggers in base.triggers.items():
        lexicon.triggers[key] = list(triggers)
    for verb, code, word, preposition in rows:
        mapped, reverse = plover_codes(code, table)
        if mapped is None:
            continue
        event, mode, context = mapped
        lemma = verb.split()[0]
        lexicon.triggers[(lemma, "VERB")].insert(0, Trigger(
            lemma=lemma, words=(lemma,), pos="VERB", event=event, mode=mode, context=context,
            particle=preposition, object_hint=frozenset({word}) if word else frozenset(),
            priority=1, reverse=reverse))
    return lexicon
