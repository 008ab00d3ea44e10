"""The API's shapes, for the OpenAPI document: the event is the library's own `Event` (the
`sitrep extract` schema, docs/event-schema.md), so the document and the data cannot disagree.

Routes answer with JSON they build from the library's dicts; these models describe it.
"""

from __future__ import annotations

from typing import Any

import pydantic
from pydantic import BaseModel, ConfigDict, Field

from sitrep.model import Event


@pydantic.dataclasses.dataclass
class Evidence:
    """Where an event's evidence is: `quote` is the document's original text[start:end]."""

    document_id: str
    start: int | None
    end: int | None
    quote: str | None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_not_before: str | None = None
    title: str | None = None


@pydantic.dataclasses.dataclass
class EventWithEvidence(Event):
    evidence: Evidence | None = None


class ErrorBody(BaseModel):
    status: int
    message: str = Field(description="what went wrong and how to fix it")


class ErrorOut(BaseModel):
    error: ErrorBody


class EventsPage(BaseModel):
    events: list[Event]
    next: str | None = Field(description="pass as `cursor` for the next page; null on the last")


class TimelineRow(BaseModel):
    id: str
    date: str | None
    enddate: str | None
    event: str
    mode: str | None
    modality: str
    quad_code: int | None
    event_scale: float | None
    doc_id: str
    role: str = Field(description="the actor's side of the event: actor or recipient")
    sentence: str | None


class TimelinePage(BaseModel):
    actor: str
    partner: str | None
    events: list[TimelineRow]
    next: str | None


class ClustersPage(BaseModel):
    model_config = ConfigDict(extra="allow")
    clusters: list[dict[str, Any]] = Field(
        description="id, event, events, documents, sources, outlets, first_report, "
                    "latest_report, date, enddate, modalities, actors, recipients, "
                    "disagreements")
    next: str | None


class Citation(BaseModel):
    number: int
    outlet: str
    date: str | None
    url: str | None
    quote: str
    doc_id: str
    start: int
    end: int
    citing: str | None = Field(None, description="whom the document attributes the event to")
    event_id: str | None = Field(description="the event whose evidence this quotes")


class BriefOut(BaseModel):
    title: str
    markdown: str
    citations: list[Citation]


class ExtractIn(BaseModel):
    text: str = Field(min_length=1, description="the article or sentence to code")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="publication date, YYYY-MM-DD")


class ExtractOut(BaseModel):
    document_id: str
    published: str | None
    events: list[Event]


class DocumentIn(BaseModel):
    """One record of a JSON Lines file (what `sitrep ingest` reads)."""

    model_config = ConfigDict(extra="allow")
    id: str | None = None
    text: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    outlet: str | None = None


class IngestOut(BaseModel):
    read: int
    new: int
    already_stored: int
    events: int
    clusters: int
    failures: list[str]
