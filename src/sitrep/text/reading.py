"""Reading: files, folders and standard input into `Document`s.

Every input yields either a Document or a ReadError; one bad file (or one bad JSON Lines line)
never stops the others, and nothing here raises for an input's sake. Supported: .txt,
.html/.htm (trafilatura), .jsonl, .json, folders (recursive, symbolic links to folders not
followed), and "-" for standard input (JSONL when it starts with "{", else plain text).

What is refused, and why (docs/reliability.md):
- anything but a regular file (a FIFO would block, /dev/zero never ends): only regular files
  are opened, and at most `max_bytes` + 1 bytes are read whatever the file claims to be;
- bytes that cannot be decoded with confidence: UTF-8 (or a byte-order mark's encoding) first,
  then the encoding the caller gives (`--encoding`), then an HTML page's declared charset, then
  detection (charset-normalizer) only when every likely encoding reads the bytes the same; else
  the error names the encoding to give. Nothing is decoded with replacement characters;
- JSON records whose fields have the wrong type (a list for "url", a number for "title"), text
  with lone surrogate escapes ("\\ud800"), JSON nested too deeply: one error for that record.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
import traceback
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from charset_normalizer import from_bytes

from sitrep.errors import ReadError
from sitrep.model import Document, content_hash

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}  # not .md: folders carry READMEs
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

Result = Document | ReadError
PathArgument = str | os.PathLike[str]

BUG_FIX = "this is a bug in sitrep: please report it with the input"


# -- which files -------------------------------------------------------------------------------


def _as_list(paths: PathArgument | Iterable[PathArgument]) -> list[str]:
    """One path or many: a lone string or Path is one path, never a sequence of characters."""
    if isinstance(paths, str | os.PathLike):
        return [os.fspath(paths)]
    return [os.fspath(p) for p in paths]


def iter_input_files(paths: PathArgument | Iterable[PathArgument]) -> Iterator[str | ReadError]:
    """Expand the paths: folders recursively (readable suffixes, regular files only), in order."""
    for raw in _as_list(paths):
        if raw == "-":
            yield raw
            continue
        if os.path.isdir(raw):
            yield from _walk(raw)
        elif os.path.lexists(raw):
            yield raw  # what it is (FIFO, device, broken link) is checked when it is read
        else:
            yield ReadError(raw, "no such file or folder", "check the path")


def _walk(folder: str) -> Iterator[str]:
    """Files with a readable suffix under `folder`, sorted; links to folders are not followed
    (no loops). What is not a regular file (a FIFO, a device, a broken link) is still named,
    so that reading it reports it rather than passing it over."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        found += [os.path.join(root, name) for name in files
                  if Path(name).suffix.lower() in READABLE_SUFFIXES]
    yield from sorted(found)


def read_paths(paths: PathArgument | Iterable[PathArgument], max_bytes: int = DEFAULT_MAX_BYTES,
               encoding: str | None = None) -> Iterator[Result]:
    for item in iter_input_files(paths):
        if isinstance(item, ReadError):
            yield item
        else:
            yield from read_path(item, max_bytes=max_bytes, encoding=encoding)


def read_path(path: PathArgument, max_bytes: int = DEFAULT_MAX_BYTES,
              encoding: str | None = None) -> Iterator[Result]:
    """Read one file (or "-") into documents; problems come back as ReadError values, never
    raised: an error nobody foresaw becomes a ReadError naming the file too."""
    path = os.fspath(path)
    try:
        yield from _read(path, max_bytes, encoding)
    except ReadError as error:
        yield error
    except Exception as error:  # noqa: BLE001 - one file's surprise must not end the run
        yield _unexpected(path, error)


def _unexpected(source: str, error: BaseException, line: int | None = None) -> ReadError:
    found = ReadError(source, f"could not be read ({type(error).__name__}: {error})", BUG_FIX, line)
    found.detail = "".join(traceback.format_exception(error))
    return found


def _read(path: str, max_bytes: int, encoding: str | None) -> Iterator[Result]:
    data = _read_bytes(path, max_bytes)
    suffix = "" if path == "-" else Path(path).suffix.lower()
    if suffix in {".jsonl", ".ndjson"} or (path == "-" and data.lstrip()[:1] == b"{"):
        yield from _read_jsonl(data, path, encoding)
        return
    if suffix in HTML_SUFFIXES:
        text = decode(data, path, encoding, declared=_declared_charset(data))
        yield read_html(text, path)
        return
    text = decode(data, path, encoding)
    if suffix == ".json":
        yield from _read_json(text, path)
    else:
        yield read_text(text, path)


# -- bytes -------------------------------------------------------------------------------------


def _read_bytes(path: str, max_bytes: int) -> bytes:
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        data = _read_regular_file(path, max_bytes)
    if len(data) > max_bytes:
        raise ReadError(path, f"input over the {max_bytes:,}-byte limit",
                        "split it, or raise the limit with --max-bytes")
    if not data.strip():
        raise ReadError(path, "file is empty", "remove it or give it text")
    return data


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _read_regular_file(path: str, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes of a regular file. The file is opened without blocking (a FIFO
    swapped in after the check cannot hang us) and checked again once open."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise ReadError(path, f"is {_kind(info.st_mode)}, not a regular file",
                            "give sitrep files, or folders of files")
        if info.st_size > max_bytes:
            raise ReadError(path, f"file is {info.st_size:,} bytes, over the {max_bytes:,}-byte "
                            "limit", "split it, or raise the limit with --max-bytes")
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise ReadError(path, "no such file (or a broken link)", "check the path") from None
    except OSError as error:
        raise ReadError(path, f"cannot open: {error.strerror}", "check permissions") from None
    with os.fdopen(descriptor, "rb") as handle:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ReadError(path, "is not a regular file", "give sitrep files, or folders of files")
        return handle.read(max_bytes + 1)


# -- decoding ----------------------------------------------------------------------------------

BOMS = [(codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16")]  # UTF-32 first: its LE mark starts like UTF-16's
# Detected encodings whose mess ratio is this much above the best one's are not candidates.
CHAOS_MARGIN = 0.05
MAX_CHAOS = 0.2
# The encoding to suggest among those that fit: the most widely used first.
PREFERRED = ["cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "koi8_r",
             "cp1253", "iso8859_7", "cp1254", "cp1255", "cp1256", "cp1257", "gb18030", "big5",
             "cp932", "shift_jis", "euc_jp", "euc_kr", "cp949", "mac_roman"]
# WHATWG: pages declaring these are read as windows-1252.
DECLARED_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252",
                    "ascii": "cp1252", "iso8859-1": "cp1252", "l1": "cp1252"}
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
                          re.IGNORECASE)


def check_encoding(name: str) -> str:
    """A Python codec name, or ValueError saying it is none (the CLI's --encoding check)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise ValueError(f"unknown encoding {name!r}; give a name Python knows, such as cp1252, "
                         "latin-1, cp1251 or shift_jis") from None


def _declared_charset(data: bytes) -> str | None:
    match = META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    name = DECLARED_ALIASES.get(name, name)
    try:
        return check_encoding(name)
    except ValueError:
        return None


def _strict(data: bytes, encoding: str, source: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(source, f"bytes {error.start}-{error.end} are not {encoding} ({why})",
                        "give the right encoding with --encoding, or convert the file to "
                        "UTF-8") from None
    except LookupError:
        raise ReadError(source, f"unknown encoding {encoding!r}", "give a Python codec name, "
                        "such as cp1252") from None


def decode(data: bytes, source: str, encoding: str | None = None,
           declared: str | None = None) -> str:
    """The text of `data`, decoded strictly: a byte-order mark's encoding; else UTF-8; else
    `declared` (an HTML page's charset) when it decodes; else `encoding` (what the user gave
    for inputs that are not UTF-8); else a detected encoding, only when every likely one reads
    the bytes the same. Otherwise a ReadError naming the encoding to give. Text with NULs or
    many control characters is refused as binary, however it decoded."""
    return _not_binary(_decode(data, source, encoding, declared), source)


def _decode(data: bytes, source: str, encoding: str | None, declared: str | None) -> str:
    for mark, codec in BOMS:
        if data.startswith(mark):
            return _strict(data, codec, source, "as its byte-order mark says")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        not_utf8 = error.start
    if declared:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass
    if encoding:
        return _strict(data, encoding, source, "as --encoding says")
    if b"\x00" in data:
        raise ReadError(source, "looks like a binary file (NUL bytes)", BINARY_FIX)
    return _detect(data, source, not_utf8)


BINARY_FIX = ("give sitrep text, HTML or JSON; for UTF-16 or UTF-32 text without a byte-order "
              "mark, give --encoding utf-16-le (or utf-16-be, utf-32-le, ...)")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _not_binary(text: str, source: str) -> str:
    if "\x00" in text or len(CONTROL.findall(text)) > 0.05 * len(text):
        raise ReadError(source, "looks like a binary file (NUL or control characters)",
                        BINARY_FIX)
    return text


def _detect(data: bytes, source: str, not_utf8: int) -> str:
    matches = [m for m in from_bytes(data) if m.chaos <= MAX_CHAOS]
    if not matches:
        raise ReadError(source, "bytes are not text in any encoding sitrep could detect",
                        "convert the file to UTF-8 (e.g. iconv -f LEGACY -t UTF-8), or give its "
                        "encoding with --encoding")
    best = min(m.chaos for m in matches)
    near = [m for m in matches if m.chaos <= best + CHAOS_MARGIN]
    readings = {str(m) for m in near}
    if len(readings) == 1:
        return readings.pop()
    names = _candidates(near)
    raise ReadError(
        source,
        f"not UTF-8 (byte {not_utf8}), and its encoding cannot be told with confidence "
        f"({', '.join(names[:4])}{' and others' if len(names) > 4 else ''} read it differently)",
        f"give the right one with --encoding (most likely --encoding {names[0]}), or convert "
        "the file to UTF-8",
    )


def _rank(name: str) -> int:
    return PREFERRED.index(name) if name in PREFERRED else len(PREFERRED)


def _candidates(matches: list[Any]) -> list[str]:
    """One encoding for each different reading of the bytes (the most used of those that read
    it so), the most used first."""
    readings: dict[str, str] = {}
    for match in matches:
        best = min(match.could_be_from_charset or [match.encoding], key=_rank)
        text = str(match)
        if text not in readings or _rank(best) < _rank(readings[text]):
            readings[text] = best
    return sorted(readings.values(), key=_rank)


# -- plain text and HTML -------------------------------------------------------------------------


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
        title=_text_or_none(getattr(extracted, "title", None)),
        url=_url_or_none(getattr(extracted, "url", None)),
        published=_text_or_none(getattr(extracted, "date", None)),
        outlet=_text_or_none(getattr(extracted, "sitename", None)),
        source=source,
    )


def _text_or_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _url_or_none(value: object) -> str | None:
    """A URL urllib can take apart (an unclosed "[" is not), else None."""
    url = _text_or_none(value)
    if url is None:
        return None
    try:
        urlsplit(url).hostname  # noqa: B018 - raises ValueError on a malformed host
    except ValueError:
        return None
    return url


# -- JSON ----------------------------------------------------------------------------------------


def _json_loads(text: str, source: str, line: int | None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = "" if line is not None else f", line {error.lineno}"
        raise ReadError(source, f"malformed JSON ({error.msg}{where})",
                        "fix or remove that line" if line is not None else "fix the JSON",
                        line) from None
    except RecursionError:
        raise ReadError(source, "JSON nested too deeply to read",
                        "give each record as one flat object", line) from None


def _read_jsonl(data: bytes, source: str, encoding: str | None) -> Iterator[Result]:
    """One record a line; each line is decoded and read alone, so a bad line (not UTF-8, NUL
    bytes, malformed, a bad record) costs that line only. Lines end at "\\n" only: JSON strings
    may hold U+2028 and friends."""
    if data.startswith(tuple(mark for mark, _ in BOMS if mark != codecs.BOM_UTF8)):
        lines: Iterable[tuple[int, bytes | str]] = enumerate(
            decode(data, source).split("\n"), start=1)
    else:
        lines = enumerate(data.removeprefix(codecs.BOM_UTF8).split(b"\n"), start=1)
    for number, raw in lines:
        if not raw.strip():
            continue
        try:
            text = raw if isinstance(raw, str) else _decode_line(raw, source, number, encoding)
            yield from_record(_json_loads(text, source, number), source, number)
        except ReadError as error:
            yield error
        except Exception as error:  # noqa: BLE001 - one line's surprise must not end the file
            yield _unexpected(source, error, number)


def _decode_line(raw: bytes, source: str, number: int, encoding: str | None) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        if encoding:
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                pass
        raise ReadError(source, f"the line is not UTF-8 (byte {error.start})",
                        "JSON Lines are UTF-8: convert the file (iconv -t UTF-8), or give "
                        "--encoding", number) from None


def _read_json(text: str, source: str) -> Iterator[Result]:
    data = _json_loads(text, source, None)
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        try:
            yield from_record(record, source, number if isinstance(data, list) else None)
        except ReadError as error:
            yield error


def json_type(value: object) -> str:
    """What a JSON value is, in an error message's words ("a list", "a number", "null")."""
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def _string_field(record: dict[str, Any], name: str, source: str,
                  line: int | None) -> str | None:
    value = record.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ReadError(source, f'"{name}" is {json_type(value)}, not a string',
                        f'give "{name}" as a string, or leave it out', line)
    check_text(value, name, source, line)
    return value


def check_text(value: str, name: str, source: str, line: int | None = None) -> None:
    """A ReadError when `value` holds a lone surrogate (JSON allows "\\ud800"; Unicode text
    cannot hold it, so it could be neither hashed nor stored)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ReadError(source, f'"{name}" holds a lone surrogate '
                        f"(\\u{ord(value[error.start]):04x}) at character {error.start}",
                        "a \\ud800-\\udfff escape must be half of a pair: fix or drop it", line
                        ) from None


RECORD_FIELDS = {"id", "text", "title", "url", "date", "published", "outlet"}


def from_record(record: object, source: str, line: int | None = None) -> Document:
    """One JSON object `{id, text, title?, url?, date? (or published), outlet?}` into a Document
    (the outlet may also be given as `publisher`, `site_name` or `source`). Every field is checked
    here: a wrong type is a ReadError for this record only."""
    if not isinstance(record, dict):
        raise ReadError(source, f"expected a JSON object, found {json_type(record)}",
                        'write {"id": ..., "text": ...}', line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        problem = ('no "text" field (or it is empty)' if text is None or isinstance(text, str)
                   else f'"text" is {json_type(text)}, not a string')
        raise ReadError(source, problem, 'add a "text" string', line)
    check_text(text, "text", source, line)
    doc_id = record.get("id")
    if isinstance(doc_id, bool) or not isinstance(doc_id, str | int | None):
        raise ReadError(source, f'"id" is {json_type(doc_id)}, not a string or a number',
                        'give "id" as a string, or leave it out', line)
    if isinstance(doc_id, str):
        check_text(doc_id, "id", source, line)
    strings = {name: _string_field(record, name, source, line)
               for name in ("title", "url", "date", "published", "outlet")}
    url = strings["url"]
    if url is not None and _url_or_none(url) is None:
        raise ReadError(source, f'"url" {url[:80]!r} is not a URL', 'fix "url", or leave it out',
                        line)
    return _document(
        text=text,
        doc_id=str(doc_id) if doc_id not in (None, "") else None,
        title=strings["title"],
        url=url,
        published=strings["date"] or strings["published"],
        outlet=strings["outlet"] or _outlet_field(record, source, line),
        source=source if line is None else f"{source}:{line}",
    )


def _outlet_field(record: dict, source: str, line: int | None) -> str | None:
    """Who published a record, under the other names feeds use: `publisher`, `site_name`, or
    `source` (a name, or an object with a `name`, as news APIs give it); values of other types
    are passed over (these names mean other things in other feeds)."""
    for key in ("publisher", "site_name", "sitename", "source"):
        value = record.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        if isinstance(value, str) and value.strip():
            check_text(value, key, source, line)
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

