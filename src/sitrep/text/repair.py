"""Repair scraped news text while keeping a map from every repaired character to the original.

Scrapers lose spaces after punctuation ("request,and", "threat.The", "The U.S.has") and
sentences arrive starting lower-case. Parsers do badly on both, so they are repaired here; every
repair is recorded with its span in the ORIGINAL text, and `RepairedText.offsets` maps each
repaired character back, so spans found later still point at what the reporter wrote.

Nothing else is normalised: quotes, dashes and newlines are kept as they are.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import chain

from sitrep.errors import SitrepError
from sitrep.model import Repair, RepairedText

MISSING_SPACE = "missing-space"
LOWERCASE_SENTENCE_START = "lowercase-sentence-start"
LOWERCASE_PROPER_NOUN = "lowercase-proper-noun"

_LETTER = r"[^\W\d_]"
_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
_TRAILING_PUNCT = r"[^\s<>\"“”.,;:!?)\]'’]"  # a URL does not end in punctuation that follows it

# Tokens no repair may touch: their punctuation is not prose punctuation. Only tokens holding
# one of _PROTECTED_PIVOT are searched, which keeps the scan fast on long texts.
_PROTECTED = re.compile(
    rf"(?i:\b(?:[a-z][a-z0-9+.-]{{0,15}}://|www\.|mailto:)[^\s<>\"“”]*{_TRAILING_PUNCT})"  # URLs
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    # bare domains; the TLD must be lower-case so "threat.In" stays a sentence boundary
    r"|(?<![\w@.-])(?:[\w-]+\.)*[\w-]{2,}\.(?:com|org|net|gov|edu|mil|int|info|io|news|[a-z]{2})"
    rf"\b(?:/[^\s]*{_TRAILING_PUNCT})?"
    r"|&#?\w+;"  # HTML entities: "AT&amp;T" is not "AT&amp; T"
)
_PROTECTED_PIVOT = re.compile(r"[:@&.](?=[\w/#])")
_NON_SPACE = re.compile(r"\S*")

# Each match is a punctuation mark after which a space is missing. Every alternative starts with
# the mark and looks back at it, so the regex engine can skip quickly to candidate marks.
_MISSING_SPACE = re.compile(
    r"[,;:?!.](?:"
    # "request,and", "2025,the", "said;the", but never "1,000"
    rf"(?<=[^\W_”’\")\]][,;])(?={_LETTER}|[“‘\"(])"
    rf"|(?<={_LETTER}:)(?=[{_LOWER}]|[{_UPPER}][{_LOWER}])"  # "Note:the", not "10:30", "NYSE:IBM"
    rf"|(?<=[^\W\d_”’\")\]][?!])(?=[{_UPPER}][{_LOWER}])"  # "now?But"
    rf"|(?<=[{_LOWER}”’\")\]]\.)(?=[{_UPPER}][{_LOWER}])"  # "threat.The", "Mr.Smith"
    rf"|(?<=(?<!\w){_LETTER}\.{_LETTER}\.)(?={_LETTER}{{2}})"  # "The U.S.has", "J.K.Rowling"
    r")"
)

# A lower-case word may start a sentence at the start of the text, after a blank line, or after
# . ? ! and white space (newlines included). The word is read in a lookahead so that its own
# final stop can open the next match. Possessive quantifiers and matching only the last blank
# line of a run keep long runs of white space linear.
_OPENING = r"[\"'“‘(\[]?"
_SENTENCE_START = re.compile(
    rf"(?:[.?!]\s++|\n[ \t\r]*+\n[ \t\r]*+){_OPENING}(?=(?P<word>{_LETTER}\S*))"
)
_TEXT_START = re.compile(rf"\s*+{_OPENING}(?=(?P<word>{_LETTER}\S*))")
# "W.", "U.S.", "e.g.", "a.m.", "Ph.D."
_DOTTED_ABBREVIATION = re.compile(rf"{_LETTER}\.|(?:{_LETTER}{{1,3}}\.){{2,}}")
_NOT_A_PLAIN_WORD = re.compile(r"[/@]|\.\w")  # URLs, e-mails, "report.pdf", "e.g."

# Words that end with a stop but rarely end a sentence; case matters ("No." vs "no.").
_ABBREVIATION_WORDS = (
    "Mr Mrs Ms Dr Prof St Jr Sr Gen Col Lt Maj Capt Sgt Cmdr Adm Gov Sen Rep Rev Hon No Nos Vol "
    "Fig Inc Corp Ltd Co Dept Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mt Ft Ave "
    "vs etc approx cf al pp viz ca est govt"
)
KNOWN_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())

_WORD_SEPARATORS = re.compile(r"[^\w-]+")  # hyphens stay inside a word: "su-30mk2"


def repair_text(text: str) -> RepairedText:
    """Repair `text`, recording each repair and the original offset of each repaired character."""
    protected = _protected_spans(text)
    repairs = _missing_spaces(text, protected) + _lowercase_sentence_starts(text, protected)
    repairs.sort(key=lambda repair: (repair.start, repair.end))
    return _apply(text, repairs)


def capitalise_known_words(repaired: RepairedText, words: dict[str, str]) -> RepairedText:
    """Give lower-case occurrences of known words their proper form ("caribbean" -> "Caribbean").

    `words` maps lower-case words, hyphenated ones included ("su-30mk2"), to a proper form of the
    same length, so the offset map stays one-to-one. Occurrences that start upper-case are left
    alone, as are URLs. The text's words are looked up in `words`, not the other way round, so
    a large `words` costs nothing extra.
    """
    text = repaired.text
    # only words written in lower case and not already in their proper form are changed below:
    # a text with none (most texts) costs no pattern
    present = sorted({token.lower() for token in set(_WORD_SEPARATORS.split(text))
                      if token[:1].islower() and words.get(token.lower(), token) != token})
    if not present:
        return repaired
    alternatives = "|".join(re.escape(word) for word in present)
    pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)
    protected = _protected_spans(text)
    pieces, new_repairs, position = [], [], 0
    for match in pattern.finditer(text):
        (start, end), found = match.span(), match.group()
        proper = words[found.lower()]
        if not found[0].islower() or found == proper or _inside(protected, start):
            continue
        if len(proper) != len(found):
            raise SitrepError(f"proper form {proper!r} does not keep the length of {found!r}")
        original_start, original_end = repaired.to_original(start, end)
        original = repaired.original[original_start:original_end]
        new_repairs.append(
            Repair(LOWERCASE_PROPER_NOUN, original_start, original_end, original, proper)
        )
        pieces += [text[position:start], proper]
        position = end
    if not new_repairs:
        return repaired
    pieces.append(text[position:])
    all_repairs = sorted(repaired.repairs + new_repairs, key=lambda r: (r.start, r.end))
    return RepairedText(repaired.original, "".join(pieces), list(repaired.offsets), all_repairs)


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of URLs, e-mail addresses, domains and HTML entities."""
    spans: list[tuple[int, int]] = []
    token_end = 0
    for pivot in _PROTECTED_PIVOT.finditer(text):
        if pivot.start() < token_end:  # the token holding this pivot was searched already
            continue
        token_start = pivot.start()
        while token_start > 0 and not text[token_start - 1].isspace():
            token_start -= 1
        rest = _NON_SPACE.match(text, pivot.start())  # \S* always matches, maybe empty
        token_end = rest.end() if rest else pivot.start()
        spans += (match.span() for match in _PROTECTED.finditer(text, token_start, token_end))
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    """Whether `position` falls in one of the sorted, non-overlapping `spans`."""
    index = bisect_right(spans, (position, float("inf"))) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def _missing_spaces(text: str, protected: list[tuple[int, int]]) -> list[Repair]:
    insert_at = {
        match.end()
        for match in _MISSING_SPACE.finditer(text)
        if not _inside(protected, match.start())  # "at:https://..." still gets its space
    }
    return [Repair(MISSING_SPACE, at, at, "", " ") for at in sorted(insert_at)]


def _lowercase_sentence_starts(text: str, protected: list[tuple[int, int]]) -> list[Repair]:
    repairs = []
    text_start = _TEXT_START.match(text)
    for match in chain([text_start] if text_start else [], _SENTENCE_START.finditer(text)):
        word, start = match.group("word"), match.start("word")
        first = word[0]
        if not first.islower() or len(first.upper()) != 1:
            continue
        # "iPhone", "su-30MK2", "e.g.", URLs: not words to capitalise
        if any(char.isupper() for char in word) or _NOT_A_PLAIN_WORD.search(word):
            continue
        if _inside(protected, start):
            continue
        if match.group()[:1] == "." and _ends_abbreviation(text, match.start()):
            continue
        repairs.append(Repair(LOWERCASE_SENTENCE_START, start, start + 1, first, first.upper()))
    return repairs


def _ends_abbreviation(text: str, stop: int) -> bool:
    """Whether the stop at `stop` belongs to an abbreviation rather than ending a sentence."""
    token_start = stop
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:stop].lstrip("\"'“‘([")
    if token.endswith(".") or token.endswith("…"):  # an ellipsis trails off mid-sentence
        return True
    if token in KNOWN_ABBREVIATIONS or _DOTTED_ABBREVIATION.fullmatch(token + "."):
        return True
    # "1. item", "a. item": a list marker at the start of a line
    line_start = text.rfind("\n", 0, token_start) + 1
    at_line_start = not text[line_start:token_start].strip()
    return at_line_start and len(token) <= 3 and (token.isdigit() or token.isalpha())


def _apply(text: str, repairs: list[Repair]) -> RepairedText:
    """Build the repaired text and its offset map in one pass over the sorted repairs."""
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for repair in repairs:
        pieces.append(text[position : repair.start])
        offsets.extend(range(position, repair.start))
        pieces.append(repair.replacement)
        # A replacement maps onto the characters it replaces; an insertion (start == end) maps
        # onto the original character that follows it.
        last = max(repair.end - 1, repair.start)
        offsets.extend(min(repair.start + i, last) for i in range(len(repair.replacement)))
        position = repair.end
    pieces.append(text[position:])
    offsets.extend(range(position, len(text) + 1))
    return RepairedText(text, "".join(pieces), offsets, repairs)
