"""The local runner: read paths, code on this machine, store each document in its own
transaction, then rebuild the event clusters.

    ingest(db, ["examples/"], Options())

Documents already in the store are skipped before they are coded; a bad input becomes a failure
in the summary and the rest go on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from sitrep.errors import ReadError, SitrepError
from sitrep.model import Document
from sitrep.options import Options
from sitrep.pipeline import prepare
from sitrep.store.database import Database
from sitrep.text.language import is_coded, not_coded_note
from sitrep.text.reading import from_record, read_paths


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    already_stored: int = 0
    events: int = 0
    clusters: int = 0
    failures: list[str] = field(default_factory=list)
    # documents stored but not coded (their language): "source: stored, not coded: Russian; ..."
    not_coded: list[str] = field(default_factory=list)


def ingest(db: Database, paths: str | Iterable[str], options: Options | None = None,
           code_events: bool = True,
           on_document: Callable[[], None] | None = None) -> IngestSummary:
    """Read, code and store; a bad input is recorded in the summary and the rest go on.
    `code_events=False` only reads, repairs and describes (no model needed)."""
    options = options or Options()
    paths = [paths] if isinstance(paths, str) else list(paths)
    return ingest_documents(db, read_paths(paths, max_bytes=options.max_bytes), options,
                            code_events, on_document)


def ingest_records(db: Database, records: Iterable[object], options: Options | None = None,
                   source: str = "request") -> IngestSummary:
    """JSON Lines records (`{id, text, title?, url?, date?, outlet?}`, as dicts) instead of
    paths: read, coded and stored as `ingest` does; a bad record is a failure naming its number."""
    results: list[Document | ReadError] = []
    for number, record in enumerate(records, start=1):
        try:
            results.append(from_record(record, source, number))
        except ReadError as error:
            results.append(error)
    return ingest_documents(db, results, options or Options())


def ingest_documents(db: Database, results: Iterable[Document | ReadError], options: Options,
                     code_events: bool = True,
                     on_document: Callable[[], None] | None = None) -> IngestSummary:
    """Store what was read (documents, or the errors reading them gave), coding the new ones."""
    summary = IngestSummary()
    fresh = _fresh_documents(db, results, summary, on_document)
    if code_events:
        from sitrep.pipeline import Coder

        fresh = Coder(options, imported=db.imported_entries()).pipe(fresh)
    for doc in fresh:
        if db.save_document(doc):
            summary.new += 1
            summary.events += len(doc.events)
            if code_events and not is_coded(doc.language):
                summary.not_coded.append(f"{doc.source_path or doc.id}: "
                                         f"{not_coded_note(doc.language)}")
        else:
            summary.already_stored += 1
    if code_events and summary.new:
        from sitrep.analysis.clusters import build_clusters

        summary.clusters = build_clusters(db)
    return summary


def _fresh_documents(db: Database, results: Iterable[Document | ReadError],
                     summary: IngestSummary,
                     on_document: Callable[[], None] | None) -> Iterator[Document]:
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
