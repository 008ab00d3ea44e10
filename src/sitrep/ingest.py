"""Ingest: read paths, run the pipeline, store each document in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .errors import ReadError, SitrepError
from .model import Document
from .pipeline import prepare
from .reading import DEFAULT_MAX_BYTES, read_paths
from .store import Database


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    already_stored: int = 0
    events: int = 0
    failures: list[str] = field(default_factory=list)


def ingest(
    db: Database,
    paths: Iterable[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    code_events: bool = False,
    model: str | None = None,
    on_document: Callable[[], None] | None = None,
) -> IngestSummary:
    """Read, process and store; a bad input is recorded in the summary and the rest go on."""
    summary = IngestSummary()
    coder = _event_coder(model) if code_events else None
    for result in read_paths(paths, max_bytes=max_bytes):
        if on_document:
            on_document()
        if isinstance(result, ReadError):
            summary.failures.append(str(result))
            continue
        summary.read += 1
        if db.has_document(result.content_hash):
            summary.already_stored += 1
            continue
        try:
            doc = prepare(result)
            if coder is not None:
                doc = coder(doc)
        except SitrepError as error:
            summary.failures.append(f"{result.source_path}: {error}")
            continue
        if db.save_document(doc):
            summary.new += 1
            summary.events += len(doc.events)
        else:
            summary.already_stored += 1
    return summary


def _event_coder(model: str | None) -> Callable[[Document], Document]:
    from .events import code_document
    from .parsing import load_nlp

    nlp = load_nlp(model)
    return lambda doc: code_document(doc, nlp)
