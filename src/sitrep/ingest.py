"""Ingest: read paths, run the pipeline, store each document in its own transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
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
    clusters: int = 0
    failures: list[str] = field(default_factory=list)


def ingest(
    db: Database,
    paths: Iterable[str],
    max_bytes: int = DEFAULT_MAX_BYTES,
    code_events: bool = False,
    model: str | None = None,
    on_document: Callable[[], None] | None = None,
    n_process: int = 1,
) -> IngestSummary:
    """Read, process and store; a bad input is recorded in the summary and the rest go on."""
    summary = IngestSummary()
    fresh = _fresh_documents(db, read_paths(paths, max_bytes=max_bytes), summary, on_document)
    if code_events:
        from .dictionaries import kb_for
        from .events import code_documents
        from .parsing import load_nlp

        fresh = code_documents(fresh, load_nlp(model), kb_for(db), n_process=n_process)
    for doc in fresh:
        if db.save_document(doc):
            summary.new += 1
            summary.events += len(doc.events)
        else:
            summary.already_stored += 1
    if code_events and summary.new:
        from .clusters import build_clusters

        summary.clusters = build_clusters(db)
    return summary


def _fresh_documents(db: Database, results: Iterable[Document | ReadError],
                     summary: IngestSummary, on_document) -> Iterator[Document]:
    """Documents not yet stored, with the text stages run; failures go into the summary."""
    for result in results:
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
            yield prepare(result)
        except SitrepError as error:
            summary.failures.append(f"{result.source_path}: {error}")
