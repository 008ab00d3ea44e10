"""Metadata: the document's outlet, cited sources, publication dates and truncation, from the
input's metadata, the text and its URLs.

The outlet of a document is who published it, never whom it cites: the input's own metadata (a
JSONL `outlet`, the HTML's site name), else its URL's host, else a wire dateline's credit
("CARACAS, Nov 1 (Reuters) -"). A host or site name is shown by the readable name
`data/outlets.tsv` gives it where known ("washingtonpost.com" -> "The Washington Post"), else as
the host itself ("caribbean-wire.example.net").
"""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

from sitrep.model import CitedSource, Document

URL_PATTERN = re.compile(r"""\bhttps?://[^\s<>"'“”‘’)\]]+|\bwww\.[^\s<>"'“”‘’)\]]+""", re.IGNORECASE)
# Dates as news sites write them in paths: /2025/10/31/, /2025-10-31, /20251031/, /2025/oct/31/.
URL_DATE_PATTERNS = [
    re.compile(r"(?<!\d)((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?!\d)"),
    re.compile(r"(?<![\d])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d])"),
    re.compile(
        r"(?<!\d)((?:19|20)\d{2})/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*/"
        r"(0?[1-9]|[12]\d|3[01])(?!\d)",
        re.IGNORECASE,
    ),
]
MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
SENTENCE_END = set(".!?…\"”’'»)]")


@lru_cache(maxsize=1)
def _outlet_rows() -> list[dict[str, str]]:
    with resources.files("sitrep").joinpath("data/outlets.tsv").open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return [{k: (v or "").strip() for k, v in row.items()} for row in rows]


@lru_cache(maxsize=1)
def outlet_table() -> dict[str, str]:
    """Web host → outlet name, from the shipped data/outlets.tsv."""
    return {row["domain"].lower(): row["name"] for row in _outlet_rows()}


def outlet_country(name: str) -> str | None:
    """The home country (ISO alpha-3) of an outlet named in data/outlets.tsv."""
    for row in _outlet_rows():
        if row["name"] == name:
            return row.get("country") or None
    return None


@lru_cache(maxsize=1)
def outlet_names() -> dict[str, str]:
    """Lower-cased outlet names (and each without a leading "The") -> the name as listed."""
    names: dict[str, str] = {}
    for row in _outlet_rows():
        names[row["name"].lower()] = row["name"]
        if row["name"].lower().startswith("the "):
            names[row["name"][4:].lower()] = row["name"]
    return names


HOST_SHAPE = re.compile(r"^(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+/?$", re.IGNORECASE)
# A wire story's dateline credit in its first line: "CARACAS, Nov 1 (Reuters) -",
# "MOSCOW (AP) —".
DATELINE = re.compile(
    r"\A\s*(?:[^\n]{0,250}\n\s*)?[A-Z][A-Z .'’-]{2,40}(?:/[A-Z][A-Z .'’-]{2,40})?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*"
    r"\((?P<credit>[A-Za-z][\w.&' -]{1,40}?)\)\s*[-–—]")


def outlet_name(value: str | None) -> str | None:
    """An outlet as stated (a site name or a host) by its readable name: a host or a listed
    name's spelling becomes the name `data/outlets.tsv` gives; an unlisted name stays as it is."""
    if not value or not value.strip():
        return None
    value = " ".join(value.split())
    if HOST_SHAPE.match(value):
        return outlet_for(value) or host_of(value)
    return outlet_names().get(value.lower(), value)


def dateline_credit(text: str) -> str | None:
    """The agency a wire story's dateline credits: a listed outlet, or an agency's initials."""
    match = DATELINE.match(text)
    if not match:
        return None
    credit = match.group("credit").strip()
    known = outlet_names().get(credit.lower())
    if known:
        return known
    return credit if re.fullmatch(r"[A-Z]{2,6}", credit) else None


def publisher(doc: Document) -> str | None:
    """Who published the document: its stated outlet or site name, its URL's host, or its
    dateline's credit, by readable name."""
    return (outlet_name(doc.outlet) or (outlet_name(host_of(doc.url)) if doc.url else None)
            or dateline_credit(doc.text))


def host_of(url: str) -> str:
    if not re.match(r"^[a-z]+://", url, re.IGNORECASE):
        url = "http://" + url
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def outlet_for(url: str) -> str | None:
    """The outlet of a URL: its host, then each parent domain, looked up in the outlet table."""
    host = host_of(url)
    table = outlet_table()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return None


def date_from_url(url: str) -> str | None:
    path = urlsplit(url if "://" in url else "http://" + url).path
    for pattern in URL_DATE_PATTERNS:
        match = pattern.search(path)
        if not match:
            continue
        year, month, day = match.groups()
        month_number = MONTHS.get(month[:3].lower()) if month.isalpha() else int(month)
        try:
            return date(int(year), int(month_number or 0), int(day)).isoformat()
        except ValueError:
            continue
    return None


def find_urls(text: str) -> list[tuple[int, int, str]]:
    """Every URL in the text with its span; trailing sentence punctuation is not part of it."""
    found = []
    for match in URL_PATTERN.finditer(text):
        url = match.group(0).rstrip(".,;:!?")
        found.append((match.start(), match.start() + len(url), url))
    return found


def cited_sources(text: str) -> list[CitedSource]:
    seen: dict[str, CitedSource] = {}
    for _, _, url in find_urls(text):
        if url not in seen:
            try:
                seen[url] = CitedSource(url=url, outlet=outlet_for(url), date=date_from_url(url))
            except ValueError:  # "http://[::1" and friends: urllib cannot take it apart
                continue
    return list(seen.values())


def normalise_published(value: str | None) -> str | None:
    """A stated publication date in any common form, as an ISO date (None if unreadable)."""
    if not value:
        return None
    value = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    import dateparser  # here, not at import: most inputs state ISO dates or none (~0.1 s)

    parsed = dateparser.parse(value, languages=["en"], settings={"RETURN_AS_TIMEZONE_AWARE": False})
    return parsed.date().isoformat() if parsed else None


def is_truncated(text: str) -> bool:
    """True when the last line of text stops mid-sentence (no closing punctuation)."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if not lines:
        return False
    last = lines[-1]
    if len(last.split()) < 4:  # a short trailing line is a byline or heading, not a cut sentence
        return False
    return last[-1] not in SENTENCE_END


def describe(doc: Document) -> Document:
    """Fill the document's outlet, dates, cited sources and truncation flag (in place)."""
    doc.cited_sources = cited_sources(doc.text)
    doc.outlet = publisher(doc)
    doc.published = normalise_published(doc.published) or (date_from_url(doc.url) if doc.url else None)
    dates = [source.date for source in doc.cited_sources if source.date]
    doc.published_not_before = max(dates) if dates and not doc.published else None
    doc.truncated = is_truncated(doc.text)
    return doc
