"""The JSON API (`/api/...`): each route checks its input, calls one library function, answers.

Lists are paged by an opaque cursor (`next` -> `cursor`); filters are query parameters; errors
are `{"error": {"status", "message"}}` with a message that says the fix (app.py).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Query, Request
from starlette.responses import JSONResponse

import sitrep.interfaces.web.schemas as schemas
from sitrep.analysis import queries
from sitrep.analysis.evidence import (
    brief_view,
    cluster_view,
    document_view,
    event_evidence,
    resolve_text,
)
from sitrep.analysis.search import (
    MAX_LIMIT,
    EventFilter,
    actor_code,
    check_date,
    cluster_page,
    search_events,
    timeline_page,
)
from sitrep.interfaces.web.store import ApiError, Store
from sitrep.runners.local import ingest_records
from sitrep.text.reading import from_record

router = APIRouter(prefix="/api", responses={400: {"model": schemas.ErrorOut},
                                             404: {"model": schemas.ErrorOut}})

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows a page")]
Cursor = Annotated[str | None, Query(description="the `next` value of the previous page")]
Since = Annotated[str | None, Query(description="events on or after this date (YYYY-MM-DD)")]
Until = Annotated[str | None, Query(description="events on or before this date (YYYY-MM-DD)")]


def store(request: Request) -> Store:
    found: Store = request.app.state.store
    return found


def found(value: Any, what: str) -> JSONResponse:
    if value is None:
        raise ApiError(404, f"no {what}; list what there is with {_LISTS[what.split()[0]]}")
    return JSONResponse(value)


_LISTS = {"event": "/api/events", "document": "/api/events (each event's `doc_id`)",
          "cluster": "/api/clusters"}


@router.get("/events", response_model=schemas.EventsPage)
def events(request: Request, actor: str | None = None, recipient: str | None = None,
           type: str | None = None, modality: str | None = None, since: Since = None,
           until: Until = None,
           q: Annotated[str | None, Query(description="words of the evidence sentence")] = None,
           main_only: bool = False, limit: Limit = 50, cursor: Cursor = None) -> JSONResponse:
    """Stored events, newest first, filtered by actor and recipient (codes or names), PLOVER
    type, modality, dates and full text over the evidence sentence (`q`)."""
    filters = EventFilter(actor=actor, recipient=recipient, type=type, modality=modality,
                          since=since, until=until, q=q, main_only=main_only)
    with store(request).read() as db:
        return JSONResponse(search_events(db, filters, limit, cursor))


@router.get("/events/{event_id}", response_model=schemas.EventWithEvidence)
def event(request: Request, event_id: str) -> JSONResponse:
    """One event with its `evidence`: the document, the offsets and the quoted original text."""
    with store(request).read() as db:
        return found(event_evidence(db, event_id), f"event {event_id!r}")


@router.get("/documents/{doc_id}")
def document(request: Request, doc_id: str) -> JSONResponse:
    """A stored document: metadata, cited sources, repairs, its original `text` and events."""
    with store(request).read() as db:
        return found(document_view(db, doc_id), f"document {doc_id!r}")


@router.get("/clusters", response_model=schemas.ClustersPage)
def clusters(request: Request, actor: str | None = None, since: Since = None,
             until: Until = None, limit: Limit = 50, cursor: Cursor = None) -> JSONResponse:
    """Event clusters (one happening, every report of it), newest first."""
    with store(request).read() as db:
        return JSONResponse(cluster_page(db, actor, since, until, limit, cursor))


@router.get("/clusters/{cluster_id}")
def cluster(request: Request, cluster_id: str) -> JSONResponse:
    """One cluster: members with their quotes, sources, outlets and disagreements."""
    with store(request).read() as db:
        return found(cluster_view(db, cluster_id), f"cluster {cluster_id!r}")


@router.get("/timeline", response_model=schemas.TimelinePage)
def timeline(request: Request, actor: str, partner: str | None = None, since: Since = None,
             until: Until = None, limit: Limit = 100, cursor: Cursor = None) -> JSONResponse:
    """Events involving `actor` (or only those between it and `partner`), newest first."""
    with store(request).read() as db:
        return JSONResponse(timeline_page(db, actor, partner, since, until, limit, cursor))


@router.get("/dyad")
def dyad(request: Request, a: str, b: str, since: Since = None,
         until: Until = None) -> JSONResponse:
    """Monthly A->B and B->A series: counts by PLOVER quad class, mean score, and cooperation
    and conflict per month."""
    a, b = actor_code(a, "a"), actor_code(b, "b")
    with store(request).read() as db:
        return JSONResponse(queries.dyad_view(db, a, b, check_date(since, "since"),
                                              check_date(until, "until")))


@router.get("/network")
def network(request: Request, since: Since = None, until: Until = None,
            min_weight: Annotated[int, Query(ge=1)] = 1) -> JSONResponse:
    """The actor network: nodes with event counts, edges weighted and typed by event type."""
    with store(request).read() as db:
        return JSONResponse(queries.network(db, check_date(since, "since"),
                                            check_date(until, "until"), min_weight))


@router.get("/actors/top")
def actors_top(request: Request, limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10,
               pairs: bool = False, since: Since = None, until: Until = None) -> JSONResponse:
    """The most active actors (or actor -> recipient pairs with `pairs=true`), and `total`: how
    many there are."""
    rank = queries.pair_ranking if pairs else queries.actor_ranking
    with store(request).read() as db:
        ranked = rank(db, check_date(since, "since"), check_date(until, "until"))
    return JSONResponse({"pairs" if pairs else "actors": ranked[:limit], "total": len(ranked)})


@router.get("/actors/resolve")
def actors_resolve(request: Request, text: str,
                   date: Annotated[str | None, Query(description="as of (YYYY-MM-DD)")] = None,
                   ) -> JSONResponse:
    """A mention ("Caracas", "former President Hugo Chávez") to country and sector as of a
    date, with the knowledge-base entry that decided it and why."""
    with store(request).read() as db:
        return JSONResponse(resolve_text(db, text, date))


@router.get("/brief", response_model=schemas.BriefOut)
def brief(request: Request, focus: str, with_: Annotated[str | None, Query(alias="with")] = None,
          since: Since = None) -> JSONResponse:
    """A sourced brief on `focus` (and `with` a partner): Markdown, every sentence footnoted,
    and the citations, each with the event whose evidence it quotes."""
    with store(request).read() as db:
        return JSONResponse(brief_view(db, focus, with_, check_date(since, "since")))


@router.post("/extract", response_model=schemas.ExtractOut)
def extract(request: Request, body: schemas.ExtractIn) -> JSONResponse:
    """Code a text with the server's options; nothing is stored."""
    doc = from_record({"text": body.text, "title": body.title, "url": body.url,
                       "date": check_date(body.published, "published")}, "request")
    with store(request).coding() as coder:
        coded = coder.code(doc)
    return JSONResponse({"document_id": coded.id, "published": coded.published,
                         "events": [event.to_dict() for event in coded.events]})


def writer(request: Request) -> None:
    """Writes need the token (checked before the body is looked at)."""
    store(request).check_writer(request)


@router.post("/documents", response_model=schemas.IngestOut, dependencies=[Depends(writer)],
             responses={401: {"model": schemas.ErrorOut}, 403: {"model": schemas.ErrorOut},
                        413: {"model": schemas.ErrorOut}})
def add_documents(request: Request, body: Annotated[
        dict[str, Any] | list[dict[str, Any]],
        Body(description="one JSON Lines record {id, text, title?, url?, date?, outlet?} "
                         "or a list of them")]) -> JSONResponse:
    """Ingest documents (needs `Authorization: Bearer <SITREP_TOKEN>`): read, code, store and
    recluster, as `sitrep ingest` does; a bad record is a failure and the others go in."""
    server = store(request)
    records = body if isinstance(body, list) else [body]
    with server.writer() as db:
        summary = ingest_records(db, records, server.options, source="request body")
    return JSONResponse(summary.to_dict())
