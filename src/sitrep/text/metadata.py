"""Metadata: outlets, cited sources, publication dates and truncation, from the text and its URLs."""

from __future__ import annotations

import csv
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from urllib.parse import urlsplit

import dateparser

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
            seen[url] = CitedSource(url=url, outlet=outlet_for(url), date=date_from_url(url))
    return list(seen.values())


def normalise_published(value: str | None) -> str | None:
    """A stated publication date in any common form, as an ISO date (None if unreadable)."""
    if not value:
        return None
    value = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
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
    if doc.url and not doc.outlet:
        doc.outlet = outlet_for(doc.url)
    doc.published = normalise_published(doc.published) or (date_from_url(doc.url) if doc.url else None)
    dates = [source.date for source in doc.cited_sources if source.date]
    doc.published_not_before = max(dates) if dates and not doc.published else None
    doc.truncated = is_truncated(doc.text)
    return doc
