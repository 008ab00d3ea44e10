"""The pipeline: an ordered list of named stages, each `Document -> Document`.

    read (reading) -> repair -> describe (metadata) -> parse + entities + actors -> events

`prepare` runs the text stages, which need no model; `process` runs everything and needs a
loaded spaCy pipeline. A stage that returns something other than a Document is named in the error.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .errors import SitrepError
from .metadata import describe
from .model import Document
from .repair import repair_text

Stage = Callable[[Document], Document]


def repair(doc: Document) -> Document:
    doc.repaired = repair_text(doc.text)
    return doc


TEXT_STAGES: list[tuple[str, Stage]] = [("repair", repair), ("describe", describe)]


def run_stages(doc: Document, stages: Iterable[tuple[str, Stage]]) -> Document:
    for name, stage in stages:
        result = stage(doc)
        if not isinstance(result, Document):
            raise SitrepError(f"stage {name!r} returned {type(result).__name__}, not a Document")
        doc = result
    return doc


def prepare(doc: Document) -> Document:
    """The text stages: repair and metadata."""
    return run_stages(doc, TEXT_STAGES)
