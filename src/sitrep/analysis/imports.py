"""Imports: a PLOVER JSONL export (`analysis/exports.py`) back into a store.

    event_from_dict  an Event, with its nested dataclasses, from an exported JSON object
    import_events    a PLOVER JSONL export, or a directory of Parquet partitions written by
                     `ingest --output` (`exports.write_partitions`), into a store, all-or-nothing
                     per file
    partition_files  the event files of such a directory, in month order

Every field is checked against the data model's types at this boundary: `"confidence": "high"`,
a list where a string belongs, a date that is not ISO, a quote that does not fit its span are a
ReadError naming the file, the line and the field, and nothing of that file is stored.

An event's document comes from the export's `document` object: when the store does not hold
that text, a stand-in is stored under the document's own content hash, with its metadata and the
quotes laid at their offsets (the rest blank), marked `imported`; ingesting the article itself
later replaces the stand-in and its events (`Database.save_document`), so each document is stored
once. Lines of older exports, without `document`, get a stand-in keyed "import:" + doc_id.
"""

from __future__ import annotations

import dataclasses
import json
import math
import re
import sqlite3
import types
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any, Union

from sitrep.errors import ReadError
from sitrep.model import Event
from sitrep.store.database import Database
from sitrep.text.reading import json_type

IMPORT_FIX = "each line must be one event object as written by `export_events(..., 'plover-jsonl')`"
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CONTENT_HASH = re.compile(r"[0-9a-f]{64}")
DOCUMENT_FIELDS = ("id", "content_hash", "title", "url", "outlet", "published",
                   "published_not_before")
DATE_FIELDS = {"date", "enddate"}
EVENTS_FOLDER = "events"  # DIR/events/month=YYYY-MM/NAME.parquet (hive-style partitions)
PARQUET_BATCH = 10_000


def _bad(problem: str) -> ReadError:
    return ReadError("event", problem, IMPORT_FIX)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _value(hint: Any, value: Any, where: str) -> Any:
    """`value` checked against the type `hint` (str, int, float, bool, X | None, list[X], a
    dataclass), nested dataclasses built; a ReadError naming `where` when it does not fit."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        (inner,) = [option for option in options if option is not type(None)]
        return _value(inner, value, where)
    if origin is list:
        if not isinstance(value, list):
            raise _bad(f"{where} is {json_type(value)}, not a list")
        (inner,) = typing.get_args(hint)
        return [_value(inner, item, f"{where}[{i}]") for i, item in enumerate(value)]
    if dataclasses.is_dataclass(hint):
        return _build(hint, value, where)  # type: ignore[arg-type]
    if hint is bool:
        fits = isinstance(value, bool)
    elif hint is int:
        fits = isinstance(value, int) and not isinstance(value, bool)
    elif hint is float:
        fits = (isinstance(value, int | float) and not isinstance(value, bool)
                and math.isfinite(value))
    elif hint is str:
        fits = isinstance(value, str)
        if fits:
            _unicode(value, where)
    else:  # pragma: no cover - a model field of a type this checker does not know
        raise TypeError(f"no check for {hint!r} ({where})")
    if not fits:
        wanted = {bool: "true or false", int: "a whole number", float: "a finite number",
                  str: "a string"}[hint]
        raise _bad(f"{where} is {json_type(value)} {json.dumps(value)[:40]}, not {wanted}")
    return value


def _unicode(value: str, where: str) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise _bad(f"{where} holds a lone surrogate at character {error.start}") from None


def _build(cls: type, value: Any, where: str) -> Any:
    """A dataclass from a JSON object, every field checked; keys it does not know are ignored
    (newer exports add some)."""
    if not isinstance(value, dict):
        raise _bad(f"{where} is {json_type(value)}, not an object")
    fields = dataclasses.fields(cls)
    missing = [f.name for f in fields if f.name not in value
               and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise _bad(f"{where} lacks {', '.join(missing)}")
    hints = _hints(cls)
    return cls(**{f.name: _value(hints[f.name], value[f.name], f"{where}.{f.name}"
                                 if where != "event" else f"field {f.name!r}")
                  for f in fields if f.name in value})


def event_from_dict(d: dict[str, Any]) -> Event:
    """The Event a JSON object describes, nested dataclasses included, every field's type
    checked; unknown keys are ignored. Raises ReadError (source "event") naming the bad field;
    import_events adds file and line."""
    if not isinstance(d, dict):
        raise _bad(f"the line is a JSON {json_type(d)}, not an object")
    for name in ("id", "doc_id", "event"):
        if not isinstance(d.get(name), str) or not d[name]:
            raise _bad(f"field {name!r} is missing or not a non-empty string")
    if d.get("event_loc") is None:
        d = {**d, "event_loc": {}}
    event: Event = _build(Event, d, "event")
    for name in DATE_FIELDS:
        value = getattr(event, name)
        if value is not None and not _iso_date(value):
            raise _bad(f"field {name!r} is {value!r}, not an ISO date (YYYY-MM-DD)")
    info = event.text_info
    if info is not None and not 0 <= info.start <= info.end:
        raise _bad(f"text_info has start {info.start} and end {info.end}, not a span")
    return event


def _iso_date(value: str) -> bool:
    if not ISO_DATE.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@dataclass
class _Line:
    event: Event
    document: dict[str, str | None] | None
    quote: str | None


def _document(value: Any) -> dict[str, str | None] | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _bad(f"field 'document' is {json_type(value)}, not an object")
    found = {}
    for name in DOCUMENT_FIELDS:
        item = value.get(name)
        if item is not None and not isinstance(item, str):
            raise _bad(f"document.{name} is {json_type(item)}, not a string")
        if item is not None:
            _unicode(item, f"document.{name}")
        found[name] = item
    if not found["id"]:
        raise _bad("document.id is missing")
    if not CONTENT_HASH.fullmatch(found["content_hash"] or ""):
        raise _bad("document.content_hash is not a SHA-256 (64 lower-case hex digits)")
    return found


def _parse_line(raw: bytes, source: str, number: int) -> _Line:
    try:
        data = json.loads(raw.decode("utf-8"))
        line = _Line(event_from_dict(data), _document(data.get("document")), data.get("quote"))
        if line.quote is not None:
            info = line.event.text_info
            if not isinstance(line.quote, str):
                raise _bad(f"field 'quote' is {json_type(line.quote)}, not a string")
            _unicode(line.quote, "field 'quote'")
            if info is None or len(line.quote) != info.end - info.start:
                raise _bad("field 'quote' does not fit the evidence span (text_info.start-end)")
        return line
    except UnicodeDecodeError:
        raise ReadError(source, "the line is not UTF-8", "re-export the file", number) from None
    except json.JSONDecodeError as error:
        raise ReadError(source, f"not JSON ({error.msg})", IMPORT_FIX, number) from None
    except RecursionError:
        raise ReadError(source, "JSON nested too deeply", IMPORT_FIX, number) from None
    except ReadError as error:
        raise ReadError(source, error.problem, error.fix, number) from None


# -- storing -------------------------------------------------------------------------------------


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _document_hash(db: Database, line: _Line, source: str,
                   known: dict[str, tuple[str, bool]]) -> tuple[str, bool]:
    """The content hash of the line's document and whether it is a stand-in; a stand-in is
    stored when the store does not hold the document."""
    document = line.document
    key = str(document["content_hash"]) if document else f"id:{line.event.doc_id}"
    if key in known:
        return known[key]
    if document:
        content_hash = document["content_hash"] or ""
        row = db.conn.execute("SELECT imported FROM documents WHERE content_hash = ?",
                              (content_hash,)).fetchone()
        if row is None:
            db.conn.execute(
                "INSERT INTO documents (content_hash, id, title, url, outlet, published, "
                "published_not_before, text, source_path, imported, ingested_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, 1, ?)",
                (content_hash, db._free_id(document["id"] or line.event.doc_id, content_hash),
                 document["title"], document["url"], document["outlet"], document["published"],
                 document["published_not_before"], source, _now()))
        found = (content_hash, row is None or bool(row[0]))
    else:  # an older export: the document by id, else a stand-in keyed by it
        doc_id = line.event.doc_id
        row = db.conn.execute("SELECT content_hash, imported FROM documents WHERE id = ?",
                              (doc_id,)).fetchone()
        if row is None:
            db.conn.execute(
                "INSERT INTO documents (content_hash, id, text, source_path, imported, "
                "ingested_at) VALUES (?, ?, '', ?, 1, ?)",
                (f"import:{doc_id}", doc_id, source, _now()))
        found = (f"import:{doc_id}", True) if row is None else (row[0], bool(row[1]))
    known[key] = found
    return found


def _lay_quote(db: Database, content_hash: str, start: int, quote: str) -> None:
    """Lay a quote at its offsets in a stand-in's text, so briefs quote it as from the original."""
    (text,) = db.conn.execute("SELECT text FROM documents WHERE content_hash = ?",
                              (content_hash,)).fetchone()
    end = start + len(quote)
    if text[start:end] == quote:
        return
    text = text.ljust(end)
    db.conn.execute("UPDATE documents SET text = ? WHERE content_hash = ?",
                    (text[:start] + quote + text[end:], content_hash))


def _unchanged(db: Database, event: Event, doc_hash: str) -> bool:
    """Whether the store already holds exactly this event, so re-storing it can be skipped
    (which also keeps its cluster membership and the clusters current)."""
    row = db.conn.execute("SELECT doc_hash, data FROM events WHERE id = ?", (event.id,)).fetchone()
    return row is not None and tuple(row) == (
        doc_hash,
        json.dumps(event.to_dict(), ensure_ascii=False),
    )


def partition_files(directory: str | Path) -> list[Path]:
    """The event files of a directory written by `exports.write_partitions`, in month order."""
    return sorted(Path(directory).glob(f"{EVENTS_FOLDER}/month=*/*.parquet"))


def _store_lines(db: Database, lines: Iterable[tuple[int, bytes]], source: str) -> int:
    """Store each (line number, raw JSON line) in the current transaction; the events read."""
    count, changed, known = 0, False, dict[str, tuple[str, bool]]()
    for number, raw in lines:
        if not raw.strip():
            continue
        line = _parse_line(raw, source, number)
        event = line.event
        try:
            doc_hash, stand_in = _document_hash(db, line, source, known)
            if stand_in and line.quote and event.text_info:
                _lay_quote(db, doc_hash, event.text_info.start, line.quote)
            if not _unchanged(db, event, doc_hash):
                db.insert_event(event, doc_hash)
                changed = True
        except sqlite3.Error as error:
            raise ReadError(
                source, f"event {event.id} cannot be stored ({error})", IMPORT_FIX, number
            ) from None
        count += 1
    if changed:
        db.mark_clusters_stale()
    return count


def import_events(db: Database, path: str | Path) -> int:
    """Store every event of a PLOVER JSONL export, with its document's metadata and quote, or of
    a directory of Parquet partitions written by `ingest --output`; the number of events read.

    One transaction per file: a bad line raises ReadError naming the file, line and field, and
    nothing from the file is kept. Events are keyed by id, so importing a file again replaces
    changed events, leaves identical ones alone, and never duplicates. `cluster_id` keys are
    ignored: clusters are marked stale and recomputed from events (`clusters.ensure_clusters`).
    """
    if Path(path).is_dir():
        return _import_partitions(db, Path(path))
    source = str(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below, after the transaction
    except OSError as error:
        raise ReadError(source, f"cannot open ({error.strerror})", "check the path") from None
    with handle, db.transaction():
        return _store_lines(db, enumerate(handle, start=1), source)


def _partition_lines(parquet: Any) -> Iterator[tuple[int, bytes]]:
    row = 0
    for batch in parquet.iter_batches(columns=["data"], batch_size=PARQUET_BATCH):
        for data in batch.column(0).to_pylist():
            row += 1
            yield row, (data or "").encode()


def _import_partitions(db: Database, directory: Path) -> int:
    """Every event file under `directory/events/`, one transaction per file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = partition_files(directory)
    if not files:
        raise ReadError(str(directory), f"no {EVENTS_FOLDER}/month=*/*.parquet files in it",
                        "give a directory written by `sitrep ingest --output`, or a JSONL export")
    count = 0
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
            count += _store_lines(db, _partition_lines(parquet), source)
    return count
