"""Reading: files, folders and standard input into `Document`s.

Every input yields either a Document or a ReadError; one bad file (or one bad JSONL line)
never stops the others. Supported: .txt, .html/.htm (trafilatura), .jsonl, .json, folders
(recursive), and "-" for standard input (JSONL when it starts with "{", else plain text).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from charset_normalizer import from_bytes

from sitrep.errors import ReadError
from sitrep.model import Document, content_hash

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}  # not .md: folders carry READMEs
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

Result = Document | ReadError


def iter_input_files(paths: Iterable[str]) -> Iterator[str | ReadError]:
    """Expand the command-line paths: folders recursively (readable suffixes only), in order."""
    for raw in paths:
        if raw == "-":
            yield raw
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in READABLE_SUFFIXES:
                    yield str(child)
        elif path.exists():
            yield str(path)
        else:
            yield ReadError(raw, "no such file or folder", "check the path")


def read_paths(paths: Iterable[str], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    for item in iter_input_files(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_path(item, max_bytes=max_bytes)


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Result]:
    """Read one file (or "-") into documents; problems come back as ReadError values."""
    try:
        data = _read_bytes(path, max_bytes)
        text = decode(data, path)
    except ReadError as error:
        yield error
        return
    suffix = "" if path == "-" else Path(path).suffix.lower()
    if suffix in {".jsonl", ".ndjson"} or (path == "-" and text.lstrip().startswith("{")):
        yield from _read_jsonl(text, path)
    elif suffix == ".json":
        yield from _read_json(text, path)
    elif suffix in HTML_SUFFIXES:
        yield from _guard(path, lambda: read_html(text, path))
    else:
        yield from _guard(path, lambda: read_text(text, path))


def _guard(path: str, make) -> Iterator[Result]:
    try:
        yield make()
    except ReadError as error:
        yield error


def _read_bytes(path: str, max_bytes: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        try:
            size = Path(path).stat().st_size
            if size > max_bytes:
                raise ReadError(
                    path,
                    f"file is {size:,} bytes, over the {max_bytes:,}-byte limit",
                    "split it, or raise the limit with --max-bytes",
                )
            data = Path(path).read_bytes()
        except OSError as error:
            raise ReadError(path, f"cannot open: {error.strerror}", "check permissions") from None
    if len(data) > max_bytes:
        raise ReadError(path, f"input over the {max_bytes:,}-byte limit", "raise --max-bytes")
    if not data.strip():
        raise ReadError(path, "file is empty", "remove it or give it text")
    return data


def decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM) first, then UTF-16 by BOM, then a detected legacy encoding."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise ReadError(source, "looks like a binary file (NUL bytes)", "give sitrep text, HTML or JSON")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or _control_ratio(str(best)) > 0.05:
        raise ReadError(
            source,
            "bytes are not text in any encoding sitrep could detect",
            "convert the file to UTF-8 (e.g. iconv -f LEGACY -t UTF-8)",
        )
    return str(best)


def _control_ratio(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def _looks_like_headline(line: str) -> bool:
    line = line.strip()
    words = line.split()
    return 2 <= len(words) <= 30 and len(line) <= 250 and line[-1] not in ".,;!\"”'’"


def read_text(text: str, source: str) -> Document:
    """Plain text: a first line that reads as a headline becomes the title; the text stays whole."""
    text = text.replace("\r\n", "\n")
    if not text.strip():
        raise ReadError(source, "no text after decoding", "remove the file or give it text")
    first, _, rest = text.lstrip().partition("\n")
    title = first.strip() if rest.strip() and _looks_like_headline(first) else None
    return _document(text=text, title=title, source=source)


def read_html(html: str, source: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    body = getattr(extracted, "text", None) if extracted is not None else None
    if not body or not body.strip():
        raise ReadError(source, "no main text found in the HTML", "check it is an article page")
    return _document(
        text=body,
        title=getattr(extracted, "title", None),
        url=getattr(extracted, "url", None),
        published=getattr(extracted, "date", None),
        outlet=getattr(extracted, "sitename", None),
        source=source,
    )


def _read_jsonl(text: str, source: str) -> Iterator[Result]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield ReadError(source, f"malformed JSON ({error.msg})", "fix or remove that line", number)
            continue
        try:
            yield from_record(record, source, number)
        except ReadError as error:
            yield error


def _read_json(text: str, source: str) -> Iterator[Result]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield ReadError(source, f"malformed JSON ({error.msg}, line {error.lineno})", "fix the JSON")
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        try:
            yield from_record(record, source, number if isinstance(data, list) else None)
        except ReadError as error:
            yield error


def from_record(record: object, source: str, line: int | None = None) -> Document:
    """One JSON object `{id, text, title?, url?, date?, outlet?}` into a Document (the outlet
    may also be given as `publisher`, `site_name` or `source`)."""
    if not isinstance(record, dict):
        raise ReadError(source, "expected a JSON object", 'write {"id": ..., "text": ...}', line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ReadError(source, 'no "text" field (or it is empty)', 'add a "text" string', line)
    doc_id = record.get("id")
    return _document(
        text=text,
        doc_id=str(doc_id) if doc_id is not None else None,
        title=record.get("title"),
        url=record.get("url"),
        published=record.get("date") or record.get("published"),
        outlet=_outlet_field(record),
        source=source if line is None else f"{source}:{line}",
    )


def _outlet_field(record: dict) -> str | None:
    """Who published a record, under the names feeds use: `outlet`, `publisher`, `site_name`,
    or `source` (a name, or an object with a `name`, as news APIs give it)."""
    for key in ("outlet", "publisher", "site_name", "sitename", "source"):
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            return value
    return None


def _document(
    text: str,
    source: str,
    doc_id: str | None = None,
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
    outlet: str | None = None,
) -> Document:
    digest = content_hash(text)
    return Document(
        id=doc_id or digest[:16],
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        source_path=source,
        content_hash=digest,
    )
