"""Case restoration for scraped, lower-cased text ("tommy robredo beat nicolas kiefer of
germany"): the parser finds names by their capitals, so a text that lost them loses its names.

Only a text that reads as lower-cased is touched (almost no capitalised word inside its
sentences). Then a word takes the form cased news writes it in (`data/casing.tsv`: "monday" ->
"Monday", "nato" -> "NATO"), and a run of words that starts with a given name or a title
("tommy robredo", "mr pitylak", "president george w bush") is a name: its words that cased news
does not write in lower case are capitalised too. A given name that is also a common lower-case
word ("song", "may") opens a name only when a word of the name follows it ("the song was" stays).
Every change keeps the word's length, so the offset map to the original stays one-to-one; each is
recorded as a repair.

`restore_case(repaired, names)` takes the given names and titles to start runs with (the
pipeline passes the knowledge base's given names, so this stage needs no actor data of its own).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitrep.cache import content_key, pickled
from sitrep.model import Repair, RepairedText
from sitrep.resources import data_path, read_tsv, word_class

LOWERCASE_NAME = "lowercase-name"

# A word's capitalised share in cased news above which it is written capitalised on its own
# ("Monday", "German"), and below which it is a lower-case word that ends a name ("said").
ALWAYS_CAPITALISED = 0.9
LOWER_CASE = 0.5
# A text reads as lower-cased when fewer than this share of its words (not first in their
# sentence) start with a capital letter; cased news has about one in eight.
LOWERCASED_TEXT = 0.02
MIN_WORDS = 8

# What a scraper leaves of "'s", "n't": never part of a name.
LOST_APOSTROPHE = {"s", "t"}
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SENTENCE_END = re.compile(r"[.!?]\s*$|\n\s*$")


@dataclass(frozen=True)
class CaseForms:
    forms: dict[str, str]  # lower-case word -> its written form in cased news
    share: dict[str, float]  # lower-case word -> share of capitalised occurrences


@lru_cache(maxsize=1)
def case_forms() -> CaseForms:
    # Reading the 18,000 rows takes longer than coding a hundred sentences; a run that meets a
    # lower-cased text loads them from the disk cache instead (keyed by the file and this module).
    return pickled("casing", content_key([data_path("casing.tsv"), Path(__file__)]),
                   _read_case_forms)


def _read_case_forms() -> CaseForms:
    rows = read_tsv("casing.tsv")
    return CaseForms(forms={r["word"]: r["form"] for r in rows},
                     share={r["word"]: float(r["share"]) for r in rows})


def is_lowercased(text: str) -> bool:
    """Whether a text lost its capitals: of its words that do not start a sentence, almost none
    starts with a capital letter."""
    # Cheap bound first: each word that starts a sentence (but the first) follows its own
    # sentence end, so at most 1 + (ends) words start sentences; if the capitalised words left
    # over are already too many, the text has its capitals (the count below would say so too).
    words = _WORD.findall(text)
    ends = 1 + sum(text.count(mark) for mark in ".!?\n")
    if sum(word[0].isupper() for word in words) - ends >= LOWERCASED_TEXT * len(words):
        return False
    inside = capitalised = 0
    previous_end = 0
    for match in _WORD.finditer(text):
        starts_sentence = previous_end == 0 or bool(
            _SENTENCE_END.search(text[max(0, previous_end - 3):match.start()]))
        previous_end = match.end()
        if starts_sentence:
            continue
        inside += 1
        capitalised += match.group()[0].isupper()
    return inside >= MIN_WORDS and capitalised / inside < LOWERCASED_TEXT


def _proper(word: str, form: str | None) -> str:
    """The word written as a name, keeping its length ("o'neill" stays as long)."""
    if form and len(form) == len(word) and form.lower() == word:
        if form.islower():
            return word[0].upper() + word[1:]
        return form
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def restore_case(repaired: RepairedText, names: frozenset[str]) -> RepairedText:
    """Capitalise the names of a lower-cased text (see the module docstring); `names` are the
    lower-case given names that start a name ("tommy", "nicolas"). Other texts are returned as
    they are."""
    text = repaired.text
    if not is_lowercased(text):
        return repaired
    forms = case_forms()
    titles = word_class("name_titles")
    changes: list[tuple[int, int, str]] = []
    in_name = False
    # a given name cased news also writes in lower case ("song", "may") opening a run: a name
    # only if a word of the name follows ("the song was" keeps its noun, "may depend" its verb)
    pending: tuple[int, int, str] | None = None
    previous_end = -1
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if previous_end >= 0 and text[previous_end:match.start()].strip(" "):
            in_name = False  # a comma, a stop or a line break ends a name
        previous_end = match.end()
        if lower in LOST_APOSTROPHE:
            in_name = False  # "mr trotter s companies": what is left of "'s"
            continue
        share = forms.share.get(lower)
        continues = in_name and (share is None or share >= LOWER_CASE)
        if pending is not None and continues:
            changes.append(pending)
        pending = None
        starts = lower in names and (share is None or share >= LOWER_CASE) or lower in titles
        if continues or starts:
            if lower in titles:  # "Mr", but "president" stays as written
                proper = _proper(lower, forms.forms.get(lower)) if (
                    share or 0.0) >= ALWAYS_CAPITALISED else word
            else:
                proper = _proper(lower, forms.forms.get(lower))
            if proper != word and word.islower():
                change = (match.start(), match.end(), proper)
                if in_name or lower in titles or share is None or share >= ALWAYS_CAPITALISED:
                    changes.append(change)
                else:
                    pending = change
            in_name = True
            continue
        in_name = False
        if share is not None and share >= ALWAYS_CAPITALISED and word.islower():
            proper = _proper(lower, forms.forms[lower])
            if proper != word:
                changes.append((match.start(), match.end(), proper))
    return _apply(repaired, changes)


def _apply(repaired: RepairedText, changes: list[tuple[int, int, str]]) -> RepairedText:
    if not changes:
        return repaired
    pieces, repairs, position = [], [], 0
    text = repaired.text
    for start, end, proper in changes:
        original_start, original_end = repaired.to_original(start, end)
        repairs.append(Repair(LOWERCASE_NAME, original_start, original_end,
                              repaired.original[original_start:original_end], proper))
        pieces += [text[position:start], proper]
        position = end
    pieces.append(text[position:])
    all_repairs = sorted(repaired.repairs + repairs, key=lambda r: (r.start, r.end))
    return RepairedText(repaired.original, "".join(pieces), list(repaired.offsets), all_repairs)
