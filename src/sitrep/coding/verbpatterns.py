"""Verb patterns of an imported CAMEO/PETRARCH verb dictionary, matched on the parse.

A pattern such as ``- + * FROM $ [066]`` under ``--- FREE [066] ---`` says: the verb, with the
target (``+``) before it and the source (``$``) after "from", is CAMEO 066. Words must come in
order, with others between them unless joined by ``_`` ("FOR_ASYLUM"); ``^`` skips a noun phrase,
``%`` is a list of parties, ``&NAME`` any word of the dictionary's synset NAME. The words after
the verb are looked for in the verb's phrase (its subtree), those before it in its phrase and the
clauses above it. Where several patterns match, the one with the most words wins, as in
PETRARCH. The simple rows of `lexicon.read_verb_dictionary` stay: they match by the object's
head, which survives phrasings a word sequence does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sitrep.coding.lexicon import (
    VERB_BLOCK,
    BlockMember,
    CrosswalkRow,
    Lexicon,
    Trigger,
    block_member,
    crosswalk,
    dictionary_code,
    member_code,
    plover_codes,
    verb_forms,
)

# kind: word | synset | skip (^) | target (+) | source ($) | compound (%); value; joined: no
# words between this element and the next (PETRARCH's "_")
Element = tuple[str, str, bool]

MARKERS = {"^": "skip", "+": "target", "$": "source", "%": "compound"}
LINE = re.compile(r"^-\s+(?P<pattern>[^\[]*)\[(?P<code>[^\]]+)\]")


@dataclass(frozen=True)
class VerbPattern:
    verb: str  # lower-case lemma
    code: str  # CAMEO
    before: tuple[Element, ...]  # in text order, ending next to the verb
    after: tuple[Element, ...]
    joined_to_verb: tuple[bool, bool] = (False, False)  # "WAS_ *", "* FOR_ASYLUM"

    @property
    def words(self) -> int:
        return sum(kind in {"word", "synset"} for kind, _, _ in self.before + self.after)


def _elements(text: str) -> tuple[tuple[Element, ...], bool]:
    """Elements of one side of a pattern, and whether its last one is joined to what follows."""
    elements: list[Element] = []
    joined_last = False
    for chunk in text.split():
        parts = chunk.split("_")
        for index, part in enumerate(parts):
            joined = index < len(parts) - 1
            if not part:
                if elements and index == len(parts) - 1:
                    kind, value, _ = elements[-1]
                    elements[-1] = (kind, value, True)
                continue
            if part in MARKERS:
                elements.append((MARKERS[part], part, joined))
            elif part.startswith("&"):
                elements.append(("synset", part[1:].lower(), joined))
            elif re.fullmatch(r"[A-Za-z][A-Za-z'\-]*", part):
                elements.append(("word", part.lower(), joined))
    if elements:
        joined_last = elements[-1][2]
    return tuple(elements), joined_last


def read_verb_patterns(path) -> tuple[list[VerbPattern], dict[str, frozenset[str]]]:
    """The patterns of a CAMEO/PETRARCH verb dictionary, and its synsets (``&CURRENCY`` with a
    ``+WORD`` a line). A multiword synset entry is matched on its last word.

    A block's patterns hold for every verb it lists: ``WIRE_+TAP`` (the verb "tap" right after
    "wire") and ``+CORDON_OFF`` ("cordon" right before "off") take the block's code and
    patterns, their other words joined to the verb."""
    patterns: list[VerbPattern] = []
    synsets: dict[str, set[str]] = {}
    members: list[BlockMember] = []
    synset = None
    for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if line.startswith("<!--") or not line:
            synset = None if not line else synset
            continue
        if line.startswith("&"):
            synset = line.split()[0][1:].rstrip("_").lower()
            synsets.setdefault(synset, set())
            continue
        if synset is not None and line.startswith("+"):
            words = [w for w in re.split(r"[\s_]+", line[1:].strip()) if w]
            # a multiword entry is matched on its last word, unless that is a clitic ("DID N'T")
            if words and (len(words) == 1 or "'" not in words[-1]):
                synsets[synset].add(words[-1].lower())
            continue
        synset = None
        if line.startswith("---"):
            # a new block; one whose header is not readable ("--- NOCODE ---") has no patterns
            block = VERB_BLOCK.match(line)
            members = [(block.group("verb").strip().lower().replace("_", " ").split()[0], (), ())
                       ] if block else []
            block_code = dictionary_code(block.group("code"), both=True) if block else None
            continue
        if not members:
            continue
        if not line.startswith("-"):
            member = block_member(line)
            extra_words = member is not None and bool(member[1] or member[2])
            if member is not None and (member[0] != members[0][0] or extra_words):
                members.append(member)
                code = member_code(line) or block_code
                if code and extra_words:
                    patterns.append(_with_member(member, (), (), (False, False), code))
            continue
        found = LINE.match(line)
        if found is None or "*" not in found.group("pattern"):
            continue
        code = dictionary_code(found.group("code"), both=True)
        if code is None:
            continue
        left, _, right = found.group("pattern").partition("*")
        before, joined_before = _elements(left)
        right = right.strip()
        joined_after = right.startswith("_")
        after, _ = _elements(right.lstrip("_"))
        if left.rstrip().endswith("_"):
            joined_before = True
        if not before and not after:
            continue
        for member in members:
            patterns.append(_with_member(member, before, after, (joined_before, joined_after),
                                         code))
    return patterns, _expand_synsets(synsets)


def _expand_synsets(synsets: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Synsets with the synsets they list (``&ACCORDSYN`` lists ``+&TIETYPES``) read in; a name
    no synset has matches nothing."""
    expanded: dict[str, frozenset[str]] = {}

    def words_of(name: str, seen: frozenset[str]) -> set[str]:
        found: set[str] = set()
        for word in synsets.get(name, ()):
            if word.startswith("&"):
                inner = word[1:].rstrip("_")
                if inner not in seen:
                    found |= words_of(inner, seen | {inner})
            else:
                found.add(word)
        return found

    for name in synsets:
        expanded[name] = frozenset(words_of(name, frozenset({name})))
    return expanded


def _with_member(member: BlockMember, before: tuple[Element, ...], after: tuple[Element, ...],
                 joined: tuple[bool, bool], code: str) -> VerbPattern:
    verb, words_before, words_after = member
    if words_before:
        before = before + tuple(("word", w, True) for w in words_before)
        joined = (True, joined[1])
    if words_after:
        after = tuple(("word", w, True) for w in words_after[:-1]) + (
            ("word", words_after[-1], joined[1]),) + after
        joined = (joined[0], True)
    return VerbPattern(verb, code, before, after, joined)


def with_patterns(base: Lexicon, patterns: list[VerbPattern],
                  synsets: dict[str, frozenset[str]]) -> Lexicon:
    """`base` (its rows shared, not copied) that also matches these patterns."""
    by_verb: dict[str, list[VerbPattern]] = {}
    for pattern in patterns:
        by_verb.setdefault(pattern.verb, []).append(pattern)
    return Lexicon(plover=base.plover, triggers=base.triggers, contexts=base.contexts,
                   cues=base.cues, patterns=by_verb, synsets=dict(synsets))


# -- matching -----------------------------------------------------------------------------


def _word_matches(token, kind: str, value: str, synsets) -> bool:
    forms = {token.lower_, token.lemma_.lower()}
    if kind == "word":
        return value in forms
    return bool(forms & synsets.get(value, frozenset()))


def _phrases(sentence) -> list:
    """Noun phrases of the sentence, as spans in order; found once per sentence (each verb of
    the sentence that has patterns asks again)."""
    memo = sentence.doc.user_data.setdefault("sitrep.noun_phrases", {})
    key = (sentence.start, sentence.end)
    if key not in memo:
        memo[key] = sorted(sentence.noun_chunks, key=lambda span: span.start)
    return memo[key]


def _walk(tokens: list, elements: tuple[Element, ...], phrases: list, synsets, first_joined: bool
          ) -> dict[str, object] | None:
    """Match elements left to right over tokens (in text order); None when they do not match.
    Returns the bound phrases' roots by kind."""
    bound: dict[str, object] = {}
    position = 0  # index into tokens
    joined = first_joined
    for kind, value, next_joined in elements:
        if kind in {"word", "synset"}:
            if joined:
                if position >= len(tokens) or not _word_matches(tokens[position], kind, value,
                                                                 synsets):
                    return None
                position += 1
            else:
                hit = next((i for i in range(position, len(tokens))
                            if _word_matches(tokens[i], kind, value, synsets)), None)
                if hit is None:
                    return None
                position = hit + 1
        else:
            start = tokens[position].i if position < len(tokens) else None
            if start is None:
                return None
            # the phrase the walk is in ("* THEIR ^ ABOUT +": "their Ent populations"), or the next
            phrase = next((p for p in phrases if p.end > start and (
                kind != "compound" or any(t.dep_ == "conj" for t in p.root.children))), None)
            if phrase is None:
                return None
            if kind in {"target", "source", "compound"}:
                bound.setdefault(kind, phrase.root)
            while position < len(tokens) and tokens[position].i < phrase.end:
                position += 1
        joined = next_joined
    return bound


def match_patterns(token, lexicon: Lexicon) -> tuple[VerbPattern, dict[str, object]] | None:
    """The longest pattern of the token's verb that matches around it, with what it binds."""
    if not lexicon.patterns or token.pos_ not in {"VERB", "AUX"}:
        return None
    # a dictionary may list a form as its own verb ("--- SAID [023] ---")
    forms = [token.lemma_.lower(), *sorted(verb_forms(token)), token.lower_]
    candidates = next((lexicon.patterns[form] for form in forms if form in lexicon.patterns),
                      None)
    if not candidates:
        return None
    synsets = lexicon.synsets
    sentence = token.sent
    phrases = _phrases(sentence)
    subtree = list(token.subtree)
    right = [t for t in subtree if t.i > token.i]
    above = {a.i for a in token.ancestors}
    left = [t for t in sentence if t.i < token.i and (t.i in above or t in subtree or
                                                       t.head.i in above)]
    best = None
    for pattern in candidates:
        after = _walk(right, pattern.after, phrases, synsets, pattern.joined_to_verb[1])
        if after is None:
            continue
        before = _walk_left(left, pattern.before, phrases, synsets, pattern.joined_to_verb[0])
        if before is None:
            continue
        bound = {**before, **after}
        if best is None or pattern.words > best[0].words:
            best = (pattern, bound)
    return best


def _walk_left(tokens: list, elements: tuple[Element, ...], phrases: list, synsets,
               joined_to_verb: bool) -> dict[str, object] | None:
    """Match the elements before the verb right to left, from the verb outwards."""
    bound: dict[str, object] = {}
    position = len(tokens) - 1
    for index in range(len(elements) - 1, -1, -1):
        kind, value, joined = elements[index]
        # a word joined to what follows it ("FOR_ASYLUM *") must stand right before it
        joined = joined or (joined_to_verb and index == len(elements) - 1)
        if kind in {"word", "synset"}:
            if joined:
                if position < 0 or not _word_matches(tokens[position], kind, value, synsets):
                    return None
                position -= 1
            else:
                hit = next((i for i in range(position, -1, -1)
                            if _word_matches(tokens[i], kind, value, synsets)), None)
                if hit is None:
                    return None
                position = hit - 1
        else:
            end = tokens[position].i if position >= 0 else None
            if end is None:
                return None
            phrase = next((p for p in reversed(phrases) if p.start <= end), None)
            if phrase is None:
                return None
            if kind in {"target", "source", "compound"}:
                bound.setdefault(kind, phrase.root)
            while position >= 0 and tokens[position].i >= phrase.start:
                position -= 1
    return bound


def pattern_trigger(token, lexicon: Lexicon, table: dict[str, CrosswalkRow] | None = None):
    """A trigger row for the longest matching pattern, and its bound phrases; None if none
    matches or its code has no PLOVER type."""
    found = match_patterns(token, lexicon)
    if found is None:
        return None
    pattern, bound = found
    mapped, reverse = plover_codes(pattern.code, table if table is not None else crosswalk())
    if mapped is None:
        return None
    event, mode, context = mapped
    lemma = token.lemma_.lower()
    row = Trigger(lemma=lemma, words=(lemma,), pos="VERB", event=event, mode=mode,
                  context=context, particle=None, object_hint=frozenset(), priority=2,
                  reverse=reverse)
    return row, bound, pattern
