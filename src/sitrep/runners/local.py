"""The local runner: read paths, code on this machine, store each document in its own
transaction, then bring the event clusters up to date.

    ingest(db, "examples/", Options())          # one path, or many
    ingest(db, ["a.jsonl", "b/"], Options())

Documents already in the store are skipped before they are coded. Whatever goes wrong with one
document (reading, repair, parsing, coding, storing) becomes a `DocumentError` in the summary,
naming it and the fix, and every other document is coded and stored. What goes wrong with the
store itself (locked past the busy timeout, read-only, not a database) is a `StoreError` that
ends the run: what was stored stays, and running the same ingest again finishes the job.
Clusters are marked stale in the transaction that stores events, so a run killed before it
rebuilt them has them rebuilt by the next ingest (or by any read that needs them).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from sitrep.errors import DocumentError, ReadError, StoreError
from sitrep.model import Document
from sitrep.options import Options
from sitrep.pipeline import failure, prepared
from sitrep.store.database import Database
from sitrep.text.language import is_coded, not_coded_note
from sitrep.text.reading import PathArgument, from_record, read_paths


@dataclass
class IngestSummary:
    read: int = 0
    new: int = 0
    already_stored: int = 0
    events: int = 0
    clusters: int = 0
    failures: list[DocumentError] = field(default_factory=list)
    # documents stored but not coded (their language): "source: stored, not coded: Russian; ..."
    not_coded: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Everything given went in (the CLI exits 0)."""
        return not self.failures

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON can hold it: each failure as its one-line message."""
        found = {f.name: getattr(self, f.name) for f in fields(self)}
        found["failures"] = [str(failure) for failure in self.failures]
        return found


def ingest(db: Database, paths: PathArgument | Iterable[PathArgument],
           options: Options | None = None, code_events: bool = True,
           on_document: Callable[[], None] | None = None) -> IngestSummary:
    """Read, code and store; a document that fails is recorded in the summary and the rest go
    on. `paths` is one path (a string or a Path) or many. `code_events=False` only reads,
    repairs and describes (no model needed)."""
    options = options or Options()
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    return ingest_documents(
        db, read_paths(paths, max_bytes=options.max_bytes, encoding=options.encoding), options,
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
    """Store what was read (documents, or the errors reading them gave), coding the new ones;
    a document that fails at any stage is recorded and the rest go on."""
    if not isinstance(db, Database):
        raise TypeError(f"ingest needs a Database, not {type(db).__name__}: "
                        "ingest(Database('sitrep.db'), paths)")
    summary = IngestSummary()
    fresh = _fresh_documents(db, results, summary, on_document)
    coded: Iterable[Document | DocumentError]
    if code_events:
        from sitrep.pipeline import Coder

        coded = Coder(options, imported=db.imported_entries()).pipe(fresh)
    else:
        coded = (prepared(doc) for doc in fresh)
    for result in coded:
        stored = _store(db, result, summary)
        if stored and isinstance(result, Document) and code_events and \
                not is_coded(result.language):
            summary.not_coded.append(f"{result.source_path or result.id}: "
                                     f"{not_coded_note(result.language)}")
    if code_events:
        from sitrep.analysis.clusters import ensure_clusters

        summary.clusters = ensure_clusters(db)
    return summary


def _store(db: Database, result: Document | DocumentError, summary: IngestSummary) -> bool:
    """Store one result; whether it was a new document (a failure is recorded)."""
    if isinstance(result, DocumentError):
        summary.failures.append(result)
        return False
    try:
        stored = db.save_document(result)
    except StoreError:
        raise  # the store itself: no later document could be stored either
    except Exception as error:  # noqa: BLE001 - this document's values: it fails alone
        summary.failures.append(failure(result, "store", error))
        return False
    if stored:
        summary.new += 1
        summary.events += len(result.events)
    else:
        summary.already_stored += 1
    return stored


def _fresh_documents(db: Database, results: Iterable[Document | ReadError],
                     summary: IngestSummary,
                     on_document: Callable[[], None] | None) -> Iterator[Document]:
    """Documents read and not yet stored; read failures go into the summary."""
    for result in results:
        if on_document:
            on_document()
        if isinstance(result, ReadError):
            summary.failures.append(result)
            continue
        summary.read += 1
        if db.has_document(result.content_hash):
            summary.already_stored += 1
            continue
        yield result
