"""Exports and imports: stored events out as PLOVER JSONL, CSV or Parquet, and back in.

    export_events     events (filtered like analysis.find_events) to a file or stream
    write_partitions  coded events as Parquet files partitioned by month (`ingest --output DIR`)
    event_from_dict   an Event, with its nested dataclasses, from an exported JSON object
    import_events     a PLOVER JSONL export, or a partitioned directory, into a store

JSONL is the lossless format: each line is the event exactly as stored (`events.data`, see
docs/event-schema.md), so export -> import -> export gives the same lines. CSV and Parquet are
flat tables for spreadsheets and dataframes; they drop what does not fit in a column. The
partitions of `ingest --output` are the flat Parquet table plus a `data` column holding the JSONL
line, so a dataframe reads them like an export and `import_events` restores them losslessly.
"""

from __future__ import annotations

import csv
import dataclasses
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from sitrep.analysis.queries import _date_filters
from sitrep.errors import ExportError, ReadError, StoreError
from sitrep.model import Actor, Attribution, Event, Item, Place, TextInfo
from sitrep.store.database import Database

FORMATS = ("plover-jsonl", "csv", "parquet")

FLAT_COLUMNS = (
    "id", "doc_id", "event", "mode", "context", "quad_code", "event_scale",
    "actor_codes", "actor_sectors", "recipient_codes", "recipient_sectors",
    "date", "enddate", "date_basis", "modality", "likelihood", "country_code", "outlet",
    "evidence_start", "evidence_end", "sentence", "confidence", "main", "depth",
)  # fmt: skip
LIST_COLUMNS = ("context", "actor_codes", "actor_sectors", "recipient_codes", "recipient_sectors")
PARQUET_BATCH = 10_000
EVENTS_FOLDER = "events"  # DIR/events/month=YYYY-MM/NAME.parquet (hive-style partitions)
NO_MONTH = "unknown"  # the partition of events without a date
IMPORT_FIX = "each line must be one event object as written by `export_events(..., 'plover-jsonl')`"


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
) -> Iterator[tuple[str, Any]]:
    """(data JSON, cluster id) per event, in analysis.find_events' order and filter semantics.

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
    cluster = _cluster_column(db) or "NULL"
    sql = f"SELECT e.data, {cluster} FROM events e"
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


def _open(target: Any, mode: str, fmt: str) -> tuple[IO, bool]:
    """A writable file for `target` (a path, or an open stream used as is) and whether we own it."""
    if hasattr(target, "write"):
        return target, False
    try:
        if "b" in mode:
            return open(target, mode), True  # noqa: SIM115 - closed by the caller
        return open(target, mode, encoding="utf-8", newline=""), True  # noqa: SIM115
    except OSError as error:
        raise ExportError(
            f"{target}: cannot write the {fmt} export ({error.strerror}); "
            "check the directory exists and is writable"
        ) from None


def _write_jsonl(rows: Iterator[tuple[str, Any]], out: IO) -> int:
    count = 0
    for data, cluster_id in rows:
        if cluster_id is not None:
            event = json.loads(data)
            event["cluster_id"] = cluster_id
            data = json.dumps(event, ensure_ascii=False)
        out.write(data + "\n")
        count += 1
    return count


def _write_csv(rows: Iterator[tuple[str, Any]], out: IO) -> int:
    writer = csv.DictWriter(out, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    count = 0
    for data, _cluster in rows:
        row = flat_row(json.loads(data))
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


def _write_parquet(rows: Iterator[tuple[str, Any]], out: Any) -> int:
    """Row groups of PARQUET_BATCH events, so memory stays flat however many events there are."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    count, batch = 0, []
    with pq.ParquetWriter(out, schema) as writer:
        for data, _cluster in rows:
            batch.append(_parquet_row(json.loads(data)))
            count += 1
            if len(batch) >= PARQUET_BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
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
    out, owned = _open(path_or_stream, "wb" if fmt == "parquet" else "w", fmt)
    try:
        if fmt == "plover-jsonl":
            return _write_jsonl(rows, out)
        if fmt == "csv":
            return _write_csv(rows, out)
        return _write_parquet(rows, out)
    finally:
        if owned:
            out.close()


def partition_schema():
    """The flat Parquet schema plus `data`: the event's JSONL line (lossless, re-importable)."""
    import pyarrow as pa

    return _parquet_schema().append(pa.field("data", pa.string()))


def write_partitions(events: Iterable[Event], directory: str | Path, name: str) -> dict[str, int]:
    """Write events as `directory/events/month=YYYY-MM/NAME.parquet`, one file per month of their
    date (`month=unknown` without one); the events written per month.

    Each file is written under a temporary name and renamed, so a reader (or a worker that dies
    half way) never leaves a partial file; writing the same NAME again replaces it whole.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    by_month: dict[str, list[dict[str, Any]]] = {}
    for event in events:
        data = event.to_dict()
        row = _parquet_row(data)
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


def partition_files(directory: str | Path) -> list[Path]:
    """The event files of a directory written by `write_partitions`, in month order."""
    return sorted(Path(directory).glob(f"{EVENTS_FOLDER}/month=*/*.parquet"))


# -- reading events back ---------------------------------------------------------------------


def _bad(problem: str) -> ReadError:
    return ReadError("event", problem, IMPORT_FIX)


def _build(cls: type, value: Any, where: str) -> Any:
    """A dataclass from a JSON object, ignoring keys it does not know (newer exports add some)."""
    if not isinstance(value, dict):
        raise _bad(f"{where} is {type(value).__name__}, not an object")
    fields = dataclasses.fields(cls)
    required = [
        f.name
        for f in fields
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    missing = [name for name in required if name not in value]
    if missing:
        raise _bad(f"{where} lacks {', '.join(missing)}")
    return cls(**{f.name: value[f.name] for f in fields if f.name in value})


def _build_list(cls: type, value: Any, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise _bad(f"{where} is {type(value).__name__}, not a list")
    return [_build(cls, item, f"{where}[{i}]") for i, item in enumerate(value)]


NESTED_LISTS = {"actor": Actor, "recipient": Actor, "intermediary": Actor, "items": Item}
NESTED_OBJECTS = {"attribution": Attribution, "text_info": TextInfo}


def event_from_dict(d: dict[str, Any]) -> Event:
    """The Event a JSON object describes, nested dataclasses included; unknown keys are ignored.

    Raises ReadError (source "event") naming the bad field; import_events adds file and line.
    """
    if not isinstance(d, dict):
        raise _bad(f"the line is a JSON {type(d).__name__}, not an object")
    for name in ("id", "doc_id", "event"):
        if not isinstance(d.get(name), str) or not d[name]:
            raise _bad(f"field {name!r} is missing or not a non-empty string")
    if not isinstance(d.get("context", []), list):
        raise _bad("field 'context' is not a list")
    known = {f.name for f in dataclasses.fields(Event)}
    values = {name: value for name, value in d.items() if name in known}
    for name, cls in NESTED_LISTS.items():
        values[name] = _build_list(cls, d.get(name), name)
    for name, cls in NESTED_OBJECTS.items():
        values[name] = None if d.get(name) is None else _build(cls, d[name], name)
    values["event_loc"] = (
        Place() if d.get("event_loc") is None else _build(Place, d["event_loc"], "event_loc")
    )
    return Event(**values)


def _placeholder_hash(db: Database, doc_id: str, source: str, known: dict[str, str]) -> str:
    """The content hash of the document `doc_id`, storing an empty placeholder if it is absent.

    Events need a document row (events.doc_hash is a foreign key); an export carries no texts,
    so an imported event whose document is not here gets a stand-in keyed "import:" + doc_id.
    """
    if doc_id in known:
        return known[doc_id]
    row = db.conn.execute("SELECT content_hash FROM documents WHERE id = ?", (doc_id,)).fetchone()
    if row is None:
        content_hash = "import:" + doc_id
        db.conn.execute(
            "INSERT INTO documents (content_hash, id, text, source_path, ingested_at) "
            "VALUES (?, ?, '', ?, ?)",
            (content_hash, doc_id, source, datetime.now(UTC).isoformat(timespec="seconds")),
        )
    else:
        content_hash = row[0]
    known[doc_id] = content_hash
    return content_hash


def _unchanged(db: Database, event: Event, doc_hash: str) -> bool:
    """Whether the store already holds exactly this event, so re-storing it can be skipped.

    Skipping matters beyond speed: insert_event's INSERT OR REPLACE deletes the old row first,
    and that delete cascades to cluster_members, so re-importing would drop cluster membership.
    """
    row = db.conn.execute("SELECT doc_hash, data FROM events WHERE id = ?", (event.id,)).fetchone()
    return row is not None and tuple(row) == (
        doc_hash,
        json.dumps(event.to_dict(), ensure_ascii=False),
    )


def _parse_line(raw: bytes, source: str, number: int) -> Event:
    try:
        return event_from_dict(json.loads(raw.decode("utf-8")))
    except UnicodeDecodeError:
        raise ReadError(source, "the line is not UTF-8", "re-export the file", number) from None
    except json.JSONDecodeError as error:
        raise ReadError(source, f"not JSON ({error.msg})", IMPORT_FIX, number) from None
    except ReadError as error:
        raise ReadError(source, error.problem, error.fix, number) from None


def _store(db: Database, event: Event, source: str, known: dict[str, str],
           line: int | None) -> None:
    try:
        doc_hash = _placeholder_hash(db, event.doc_id, source, known)
        if not _unchanged(db, event, doc_hash):
            db.insert_event(event, doc_hash)
    except sqlite3.Error as error:
        raise ReadError(
            source, f"event {event.id} cannot be stored ({error})", IMPORT_FIX, line
        ) from None


def import_events(db: Database, path: str | Path) -> int:
    """Store every event of a PLOVER JSONL export, or of a directory of Parquet partitions written
    by `ingest --output` (`write_partitions`); the number of events read.

    One transaction per file: a bad line raises ReadError naming the file and line, and nothing
    from the file is kept. Events are keyed by id, so importing a file again replaces changed
    events, leaves identical ones alone, and never duplicates. `cluster_id` keys are ignored:
    clusters are recomputed from events (clusters.build_clusters), not imported.
    """
    if Path(path).is_dir():
        return _import_partitions(db, Path(path))
    source = str(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the transaction
    except OSError as error:
        raise ReadError(source, f"cannot open ({error.strerror})", "check the path") from None
    count, known = 0, dict[str, str]()
    with handle, db.transaction():
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            _store(db, _parse_line(raw, source, number), source, known, number)
            count += 1
    return count


def _import_partitions(db: Database, directory: Path) -> int:
    """Every event file under `directory/events/`, one transaction per file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = partition_files(directory)
    if not files:
        raise ReadError(str(directory), f"no {EVENTS_FOLDER}/month=*/*.parquet files in it",
                        "give a directory written by `sitrep ingest --output`, or a JSONL export")
    count, known = 0, dict[str, str]()
    for file in files:
        source = str(file)
        try:
            parquet = pq.ParquetFile(file)
        except (OSError, pa.ArrowException) as error:
            raise ReadError(source, f"not a readable Parquet file ({error})",
                            "write it again with `sitrep ingest --output`") from None
        if "data" not in parquet.schema_arrow.names:
            raise ReadError(source, "has no `data` column", "import partitions written by "
                            "`sitrep ingest --output`; a flat export cannot be imported")
        with db.transaction():
            row = 0
            for batch in parquet.iter_batches(columns=["data"], batch_size=PARQUET_BATCH):
                for data in batch.column(0).to_pylist():
                    row += 1
                    _store(db, _parse_line((data or "").encode(), source, row), source, known,
                           row)
                    count += 1
    return count
