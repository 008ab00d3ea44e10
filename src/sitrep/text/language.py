"""Language: which language a document is written in, and whether sitrep can code it.

Detection uses py3langid (a maintained fork of langid.py by trafilatura's author; trafilatura
itself uses it for its language filter): a naive Bayes model over byte n-grams for 97 languages,
shipped inside the wheel, so nothing is downloaded at run time and detection is deterministic.

sitrep codes English (its spaCy pipeline, lexicon and patterns are English). A document in another
language is stored, with its language, and not coded; the ingest summary, `sitrep show` and the
brief say so. A text counts as English whenever the model gives English a real chance
(`ENGLISH_FLOOR`): short English news sentences are sometimes ranked under an English-based
creole (Nigerian Pidgin), and coding an English text is never worse than skipping it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.metadata import version

import numpy as np
import pycountry

from sitrep.cache import content_key, pickled
from sitrep.model import Document

# Languages the coder reads (ISO 639-1 codes).
CODED_LANGUAGES = {"en"}

# English wins when the model gives it at least this probability, whatever ranks first.
ENGLISH_FLOOR = 0.01

# Letters a text needs before a detection is trusted; shorter ones keep the stated language
# (or English).
MIN_LETTERS = 12

# English function words that are no common word of another language written in Latin script
# ("was" and "will" are German words, "of" and "is" Dutch, "for" Danish, "to" Polish, "in"
# half of Europe's). A text in which they are frequent is English without asking the model:
# detection costs as much as coding a short sentence, and almost every text fed to sitrep is
# English (`plainly_english`).
ENGLISH_MARKERS = frozenset(
    ["the", "and", "that", "with", "said", "which", "from", "this", "have", "were", "their", "would", "been", "after", "they", "has", "its", "who", "but", "had", "his", "into", "about", "against", "while", "than", "because", "could", "should", "when", "what", "where"])
MARKER_SHARE = 1 / 8  # of the words; ordinary English prose has about a quarter
MARKER_COUNT = 2
WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier
    from py3langid.modelio import load_model

    # Decompressing the shipped model (LZMA) takes about half a second, longer than coding a
    # hundred short documents; its arrays unpickle from the disk cache in a fifth of that.
    path = MODEL_DIR / MODEL_FILE
    ptc, pc, classes, nextmove, row, output = pickled(
        "langid", content_key([path], version("py3langid")), lambda: load_model(path))
    # what LanguageIdentifier.from_model_file does with the arrays it loads
    return LanguageIdentifier(np.asarray(ptc), np.asarray(pc), classes, nextmove, output,
                              norm_probs=True, tk_row=row)


def detect(text: str, stated: str | None = None) -> str:
    """The ISO 639 code of the language `text` is written in (two letters where there is one)."""
    if sum(map(str.isalpha, text[:2000])) < MIN_LETTERS:
        return _normal(stated) or "en"
    if plainly_english(text):
        return "en"
    ranked = dict(_identifier().rank(text[:20000]))
    if ranked.get("en", 0.0) >= ENGLISH_FLOOR:
        return "en"
    return max(ranked, key=ranked.__getitem__)


def plainly_english(text: str) -> bool:
    """Whether the text's first 2,000 characters are English by their function words alone
    (at least MARKER_COUNT of them, and MARKER_SHARE of the words)."""
    words = WORD.findall(text[:2000].lower())
    marked = sum(word in ENGLISH_MARKERS for word in words)
    return marked >= MARKER_COUNT and marked >= MARKER_SHARE * len(words)


def _normal(code: str | None) -> str | None:
    """A stated language ("en-GB", "EN", "eng") as its ISO 639 code, None if unreadable."""
    if not code:
        return None
    base = code.strip().lower().replace("_", "-").split("-")[0]
    if len(base) == 2:
        return base
    found = pycountry.languages.get(alpha_3=base) if len(base) == 3 else None
    return getattr(found, "alpha_2", None) or (base if found else None)


def language_name(code: str | None) -> str:
    """"ru" -> "Russian"; an unknown code is shown as it is."""
    if not code:
        return "an unknown language"
    key = "alpha_2" if len(code) == 2 else "alpha_3"
    found = pycountry.languages.get(**{key: code})
    return found.name if found else code


def is_coded(language: str | None) -> bool:
    """Whether sitrep codes events in this language."""
    return (language or "en") in CODED_LANGUAGES


def not_coded_note(language: str | None) -> str:
    """What a reader is told about a document sitrep stored but could not read."""
    coded = ", ".join(sorted(language_name(code) for code in CODED_LANGUAGES))
    return f"stored, not coded: {language_name(language)}; sitrep codes {coded}"


def detect_language(doc: Document) -> Document:
    """The text stage: the document's language, detected from its text (in place)."""
    doc.language = detect(doc.text, doc.language)
    return doc
