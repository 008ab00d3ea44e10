"""Exports: stored events out as PLOVER JSONL, CSV or Parquet (imports: `analysis/imports.py`).

    export_events     events (filtered like analysis.find_events) to a file or stream
    write_partitions  coded documents' events as Parquet files partitioned by month
                      (`ingest --output DIR`), each row carrying its JSONL line

JSONL is the lossless format: each line is the event exactly as stored (`events.data`, see
docs/event-schema.md), plus what a brief needs of it that lives elsewhere: `cluster_id`, its
`document` (id, content hash, title, URL, outlet, dates) and the `quote` its evidence span covers
in the original text. Import restores all of it, so export -> import -> export gives the same
lines and a brief over imported events cites the same outlets and quotes. CSV and Parquet are
flat tables for spreadsheets and dataframes; they drop what does not fit in a column. The
partitions of `ingest --output` are the flat Parquet table plus a `data` column holding the
event's JSONL line (with its document and quote), so a dataframe reads them like an export and
`import_events` restores them as losslessly as a JSONL export.

A file is written beside its target and renamed into place once complete: a failed export never
leaves an empty or half-written file behind.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

from sitrep.analysis.clusters import ensure_clusters
from sitrep.analysis.imports import EVENTS_FOLDER, event_from_dict, import_events, partition_files
from sitrep.analysis.queries import _date_filters
from sitrep.errors import ExportError, StoreError
from sitrep.model import Document, Event
from sitrep.store.database import Database

__all__ = ["FLAT_COLUMNS", "FORMATS", "event_from_dict", "export_events", "flat_row",
           "import_events", "partition_files", "write_partitions"]

FORMATS = ("plover-jsonl", "csv", "parquet")

FLAT_COLUMNS = (
    "id", "doc_id", "event", "mode", "context", "quad_code", "event_scale",
    "actor_codes", "actor_sectors", "recipient_codes", "recipient_sectors",
    "date", "enddate", "date_basis", "modality", "likelihood", "country_code", "outlet",
    "evidence_start", "evidence_end", "sentence", "confidence", "main", "depth",
)  # fmt: skip
LIST_COLUMNS = ("context", "actor_codes", "actor_sectors", "recipient_codes", "recipient_sectors")
PARQUET_BATCH = 10_000
NO_MONTH = "unknown"  # the partition of events without a date
# What an exported line says of its document (the keys of its `document` object).
DOCUMENT_COLUMNS = {"id": "d.id", "content_hash": "d.content_hash", "title": "d.title",
                    "url": "d.url", "outlet": "d.outlet", "published": "d.published",
                    "published_not_before": "d.published_not_before"}


# -- selecting events ------------------------------------------------------------------------


def _cluster_column(db: Database) -> str:
    """SQL for an event's cluster id, or "" when the store has no clusters.

    Clustering is an optional stage (store migration 4: clusters + cluster_members); a store
    without it exports plain PLOVER. Members of another shape are an error rather than a silently
    missing key.
    """
    found = {
        row[0]
        for row in db.conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name IN ('clusters', 'cluster_members')"
        )
    }
    if found != {"clusters", "cluster_members"}:
        return ""
    columns = {row[1] for row in db.conn.execute("PRAGMA table_info(cluster_members)")}
    if not {"event_id", "cluster_id"} <= columns:
        raise StoreError(
            f"{db.path}: table cluster_members has columns {sorted(columns)}, not event_id and "
            "cluster_id; update sitrep.exports._cluster_column to the clusters schema"
        )
    return "(SELECT min(m.cluster_id) FROM cluster_members m WHERE m.event_id = e.id)"


def _select_events(
    db: Database, since: str | None, until: str | None, actor: str | None,
    main_only: bool = False,
) -> Iterator[Any]:
    """Rows of (data JSON, cluster id, the document's columns, quote) per event, in
    analysis.find_events' order and filter semantics; clusters brought up to date first.

    It streams rows rather than calling find_events, which builds a list (too much memory for a
    million-event export); the date semantics come from analysis itself so they cannot drift.
    """
    where, params = [], []
    if actor:
        where.append(
            "e.id IN (SELECT event_id FROM event_actors WHERE code = ? AND role = 'actor')"
        )
        params.append(actor)
    dates, date_params = _date_filters(since, until)
    if dates:
        where.append(dates)
        params += date_params
    if main_only:
        where.append("e.main = 1")
    cluster = _cluster_column(db)
    if cluster:
        ensure_clusters(db)
    document = ", ".join(f"{column} AS document_{key}" for key, column in DOCUMENT_COLUMNS.items())
    sql = (f"SELECT e.data, {cluster or 'NULL'} AS cluster_id, {document}, "
           "CASE WHEN e.evidence_start IS NULL OR e.evidence_end IS NULL THEN NULL ELSE "
           "substr(d.text, e.evidence_start + 1, e.evidence_end - e.evidence_start) END AS quote "
           "FROM events e JOIN documents d ON d.content_hash = e.doc_hash")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY e.date, e.id"
    return db.conn.execute(sql, params)


# -- flat rows -------------------------------------------------------------------------------


def _field(actors: list[dict[str, Any]], name: str) -> list[str | None]:
    return [a.get(name) for a in actors]


def flat_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as the flat columns of CSV and Parquet; list columns stay lists here.

    Codes and sectors are parallel lists (one entry per actor, None where unknown) so that a
    reader can pair them up again.
    """
    info = event.get("text_info") or {}
    attribution = event.get("attribution") or {}
    actors, recipients = event.get("actor") or [], event.get("recipient") or []
    return {
        "id": event["id"],
        "doc_id": event.get("doc_id"),
        "event": event.get("event"),
        "mode": event.get("mode"),
        "context": list(event.get("context") or []),
        "quad_code": event.get("quad_code"),
        "event_scale": event.get("event_scale"),
        "actor_codes": _field(actors, "code"),
        "actor_sectors": _field(actors, "sector"),
        "recipient_codes": _field(recipients, "code"),
        "recipient_sectors": _field(recipients, "sector"),
        "date": event.get("date"),
        "enddate": event.get("enddate"),
        "date_basis": event.get("date_basis"),
        "modality": event.get("modality"),
        "likelihood": event.get("likelihood"),
        "country_code": (event.get("event_loc") or {}).get("country_code"),
        "outlet": attribution.get("outlet"),
        "evidence_start": info.get("start"),
        "evidence_end": info.get("end"),
        "sentence": info.get("sentence"),
        "confidence": event.get("confidence"),
        "main": event.get("main", True),
        "depth": event.get("depth", 0),
    }


# -- writers ---------------------------------------------------------------------------------


class _Target:
    """Where an export goes: an open stream (used as is), or a path written through a temporary
    file in the same folder that replaces it only when the export is complete."""

    def __init__(self, target: Any, binary: bool, fmt: str):
        self.stream: IO | None = target if hasattr(target, "write") else None
        self.path = None if self.stream else Path(os.fspath(target))
        self.binary, self.fmt = binary, fmt
        self.temporary: str | None = None

    def __enter__(self) -> IO:
        if self.stream is not None:
            return self.stream
        assert self.path is not None
        try:
            descriptor, self.temporary = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".partial", dir=self.path.parent or ".")
        except OSError as error:
            raise ExportError(
                f"{self.path}: cannot write the {self.fmt} export ({error.strerror}); "
                "check the directory exists and is writable"
            ) from None
        self.stream = (os.fdopen(descriptor, "wb") if self.binary else
                       os.fdopen(descriptor, "w", encoding="utf-8", newline=""))
        return self.stream

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if self.temporary is None or self.stream is None:
            return
        self.stream.close()
        if kind is None:
            os.replace(self.temporary, self.path)  # type: ignore[arg-type]
        else:
            os.unlink(self.temporary)


def _line(row: Any) -> str:
    """One exported JSONL line: the stored event, its cluster, its document and its quote."""
    event = json.loads(row["data"])
    if row["cluster_id"] is not None:
        event["cluster_id"] = row["cluster_id"]
    event["document"] = {key: row[f"document_{key}"] for key in DOCUMENT_COLUMNS}
    info = event.get("text_info") or {}
    quote = row["quote"]
    if quote is not None and len(quote) == info.get("end", 0) - info.get("start", 0):
        event["quote"] = quote  # a span past the stored text's end has no quote to give
    return json.dumps(event, ensure_ascii=False)


def _write_jsonl(rows: Iterator[Any], out: IO) -> int:
    count = 0
    for row in rows:
        out.write(_line(row) + "\n")
        count += 1
    return count


def _write_csv(rows: Iterator[Any], out: IO) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    count = 0
    for stored in rows:
        row = flat_row(json.loads(stored["data"]))
        for name in LIST_COLUMNS:
            row[name] = ";".join(value or "" for value in row[name])
        writer.writerow(row)
        count += 1
    return count


def _parquet_schema():
    import pyarrow as pa

    types = {
        "quad_code": pa.int64(), "event_scale": pa.float64(), "date": pa.date32(),
        "enddate": pa.date32(), "evidence_start": pa.int64(), "evidence_end": pa.int64(),
        "confidence": pa.float64(), "main": pa.bool_(), "depth": pa.int64(),
    }  # fmt: skip
    return pa.schema([(name, types.get(name, pa.string())) for name in FLAT_COLUMNS])


def _parquet_row(event: dict[str, Any]) -> dict[str, Any]:
    """A flat row with lists as JSON strings and dates as dates, as the Parquet schema wants."""
    row = flat_row(event)
    for name in LIST_COLUMNS:
        row[name] = json.dumps(row[name], ensure_ascii=False)
    for name in ("date", "enddate"):
        if row[name] is not None:
            try:
                row[name] = date.fromisoformat(row[name])
            except (TypeError, ValueError):
                raise ExportError(
                    f"event {row['id']}: {name} {row[name]!r} is not an ISO date; fix the stored "
                    "event (re-ingest it) or export as plover-jsonl or csv"
                ) from None
    return row


def _table(batch: list[dict[str, Any]], schema: Any) -> Any:
    """A Parquet table of flat rows; a value the schema cannot take is an ExportError naming
    its event (found by converting the rows one at a time)."""
    import pyarrow as pa

    failures = (pa.ArrowException, TypeError, ValueError, OverflowError)
    try:
        return pa.Table.from_pylist(batch, schema=schema)
    except failures as error:
        problem = str(error)
    for row in batch:
        try:
            pa.Table.from_pylist([row], schema=schema)
        except failures as error:
            raise ExportError(
                f"event {row['id']}: a value Parquet cannot hold ({error}); fix the stored event "
                "(re-import or re-ingest it) or export as plover-jsonl or csv"
            ) from None
    raise ExportError(f"the Parquet export failed ({problem}); export as plover-jsonl or csv, "
                      "and report it")


def _write_parquet(rows: Iterator[Any], out: Any) -> int:
    """Row groups of PARQUET_BATCH events, so memory stays flat however many events there are."""
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    count, batch = 0, []
    with pq.ParquetWriter(out, schema) as writer:
        for stored in rows:
            batch.append(_parquet_row(json.loads(stored["data"])))
            count += 1
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(_table(batch, schema))
                batch = []
        if batch:
            writer.write_table(_table(batch, schema))
    return count


def export_events(
    db: Database,
    path_or_stream: Any,
    fmt: str = "plover-jsonl",
    since: str | None = None,
    until: str | None = None,
    actor: str | None = None,
    main_only: bool = False,
) -> int:
    """Write the stored events (filtered like analysis.find_events) in `fmt`; the count written.
    `main_only` keeps each evidence sentence's main event (one label per sentence).

    `path_or_stream` is a path, or an open stream: text for plover-jsonl and csv (open CSV
    streams with newline=""), binary for parquet.
    """
    if fmt not in FORMATS:
        raise ExportError(f"{path_or_stream}: unknown export format {fmt!r}; use one of {FORMATS}")
    rows = _select_events(db, since, until, actor, main_only)
    with _Target(path_or_stream, fmt == "parquet", fmt) as out:
        if fmt == "plover-jsonl":
            return _write_jsonl(rows, out)
        if fmt == "csv":
            return _write_csv(rows, out)
        return _write_parquet(rows, out)


def partition_schema():
    """The flat Parquet schema plus `data`: the event's JSONL line (lossless, re-importable)."""
    import pyarrow as pa

    return _parquet_schema().append(pa.field("data", pa.string()))


def _partition_line(doc: Document, event: Event) -> dict[str, Any]:
    """The event as an exported JSONL object: with its document and the quote of its evidence."""
    data = event.to_dict()
    data["document"] = {key: getattr(doc, key) for key in DOCUMENT_COLUMNS}
    info = event.text_info
    if info is not None and 0 <= info.start <= info.end <= len(doc.text):
        data["quote"] = doc.text[info.start:info.end]
    return data


def write_partitions(docs: Iterable[Document], directory: str | Path, name: str) -> dict[str, int]:
    """Write the coded documents' events as `directory/events/month=YYYY-MM/NAME.parquet`, one
    file per month of their date (`month=unknown` without one); the events written per month.

    Each file is written under a temporary name and renamed, so a reader (or a worker that dies
    half way) never sees a partial file; writing the same NAME again replaces it whole.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    by_month: dict[str, list[dict[str, Any]]] = {}
    for doc in docs:
        for event in doc.events:
            data = _partition_line(doc, event)
            row = _parquet_row(event.to_dict())
            row["data"] = json.dumps(data, ensure_ascii=False)
            month = event.date[:7] if event.date else NO_MONTH
            by_month.setdefault(month, []).append(row)
    schema = partition_schema()
    for month, rows in sorted(by_month.items()):
        folder = Path(directory) / EVENTS_FOLDER / f"month={month}"
        target = folder / f"{name}.parquet"
        partial = folder / f".{name}.{os.getpid()}.partial"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), partial)
            os.replace(partial, target)
        except OSError as error:
            raise ExportError(
                f"{target}: cannot write the partition ({error.strerror}); check that {directory} "
                "is writable from every worker (a shared folder on a cluster)"
            ) from None
    return {month: len(rows) for month, rows in by_month.items()}

