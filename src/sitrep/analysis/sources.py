"""Source independence: which reports of one happening rest on the same original source.

Four outlets rewriting one newspaper's scoop are one source, not four confirmations. Each report
(one document's account of a cluster's happening) rests on an origin:

- the source its account is attributed to, when that is another outlet or a cited URL ("leaked
  documents obtained by The Washington Post", "according to The Washington Post", a link);
- else its own reporting (a letter it saw, officials it spoke to): its publisher's, so that an
  outlet's own story and the rewrites citing that outlet are one origin.

Reports whose origins are the same cited URL, or the same outlet with the same kind of basis
(documents, officials; a report naming no basis goes with the outlet's first), are grouped. A
report whose publisher is unknown and which cites nobody is an origin of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Report:
    """One document's account of a happening."""

    doc_id: str
    publisher: str | None  # who published the document (documents.outlet)
    published: str | None
    attribution: dict[str, Any] | None  # the event's attribution: outlet, basis, url, date


@dataclass
class Origin:
    """The original source a group of reports rests on."""

    outlet: str | None
    basis: str | None
    url: str | None
    date: str | None
    cited: bool  # True when the reports cite it; False for a publisher's own reporting
    documents: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "basis": self.basis, "url": self.url, "date": self.date,
                "cited": self.cited, "documents": self.documents, "publishers": self.publishers}


def _head(basis: str | None) -> str | None:
    """The kind of basis: "leaked U.S. government documents" -> "document"."""
    if not basis:
        return None
    words = re.findall(r"[a-z]+", basis.lower())
    return re.sub(r"s$", "", words[-1]) if words else None


def _cites(report: Report) -> dict[str, Any] | None:
    """What the report's account is attributed to, if that is another outlet or a cited URL."""
    found = report.attribution or {}
    outlet, url = found.get("outlet"), found.get("url")
    if outlet and outlet != report.publisher:
        return found
    if url and not outlet:
        return found
    return None


def origins(reports: list[Report]) -> list[Origin]:
    """The reports grouped by the original source they rest on, in order of each group's first
    report; each group with its outlet, basis, URL and date, documents and publishers."""
    keys: list[tuple[str | None, str | None, str | None]] = []  # (outlet, basis head, url)
    for report in reports:
        source = _cites(report)
        if source:
            keys.append((source.get("outlet"), _head(source.get("basis")), source.get("url")))
        elif report.publisher:
            keys.append((report.publisher, None, None))
        else:
            keys.append((None, None, f"doc:{report.doc_id}"))
    parent = list(range(len(reports)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        parent[find(j)] = find(i)

    for i, (outlet, head, url) in enumerate(keys):
        for j in range(i):
            other_outlet, other_head, other_url = keys[j]
            same_url = url is not None and url == other_url
            same_outlet = outlet is not None and outlet == other_outlet and (
                head is None or other_head is None or head == other_head)
            if same_url or same_outlet:
                join(j, i)
                break
    groups: dict[int, list[int]] = {}
    for i in range(len(reports)):
        groups.setdefault(find(i), []).append(i)
    found = []
    for members in groups.values():
        attributed = [_cites(reports[i]) for i in members]
        named = [c for c in attributed if c]
        first = named[0] if named else {}
        own = [reports[i] for i, c in zip(members, attributed, strict=True) if not c]
        dates: list[str] = [c["date"] for c in named if c.get("date")] + [
            r.published for r in own if r.published and (
                not named or r.publisher == first.get("outlet"))]
        outlet = first.get("outlet") or (own[0].publisher if own else None)
        found.append(Origin(
            outlet=outlet,
            basis=next((c.get("basis") for c in named if c.get("basis")), None),
            url=next((c.get("url") for c in named if c.get("url")), None),
            date=min(dates) if dates else None,
            cited=bool(named),
            documents=sorted({reports[i].doc_id for i in members}),
            publishers=sorted({p for i in members if (p := reports[i].publisher)})))
    return found
