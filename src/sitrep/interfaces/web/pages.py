"""The web pages: server-rendered HTML, each with a JSON twin from the same data function.

Every page `/x` has `/x.json` (and `/` has `/index.json`): the twin answers with exactly the
dict the page was rendered from (datasette's `/db/table` and `/db/table.json`). Pages work
without JavaScript: filters are a GET form, pages of results are links, charts are SVG.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse, JSONResponse, Response

import sitrep.interfaces.web.charts as charts
from sitrep.analysis import queries
from sitrep.analysis.evidence import brief_view, cluster_view, document_view, event_view
from sitrep.analysis.search import (
    MAX_LIMIT,
    MODALITIES,
    EventFilter,
    actor_code,
    check_date,
    events_page,
)
from sitrep.interfaces.web.render import environment
from sitrep.interfaces.web.store import ApiError, Store
from sitrep.resources import plover_schema

router = APIRouter(include_in_schema=False)
ENV = environment()
ENV.globals.update(types=list(plover_schema()["event_types"]), modalities=MODALITIES,
                   bars_svg=charts.bars_svg)

DataFunction = Callable[..., dict[str, Any] | None]
Decorate = Callable[[dict[str, Any]], dict[str, Any]]


def render(request: Request, template: str, context: dict[str, Any],
           status: int = 200, headers: dict[str, str] | None = None) -> HTMLResponse:
    html = ENV.get_template(template).render(request=request, path=request.url.path,
                                             **context)
    return HTMLResponse(html, status, headers=headers)


def render_error(request: Request, status: int, message: str,
                 headers: dict[str, str] | None = None) -> Response:
    return render(request, "error.html", {"status": status, "message": message,
                                          "json_url": None}, status, headers)


def twin(path: str, template: str, missing: str = "", decorate: Decorate | None = None):
    """Register a data function as the page `path` (rendered with `template`, plus what
    `decorate` adds for the eye: chart geometry) and as its JSON twin `path.json`."""
    json_path = "/index.json" if path == "/" else f"{path}.json"

    def register(data: DataFunction) -> DataFunction:
        def fetch(request: Request, kwargs: dict[str, Any]) -> dict[str, Any]:
            found = data(request, **kwargs)
            if found is None:
                raise ApiError(404, missing.format(**kwargs))
            return found

        @functools.wraps(data)
        def as_json(request: Request, **kwargs: Any) -> Response:
            return JSONResponse(fetch(request, kwargs))

        @functools.wraps(data)
        def as_html(request: Request, **kwargs: Any) -> Response:
            context = fetch(request, kwargs)
            extra = decorate(context) if decorate else {}
            query = f"?{request.url.query}" if request.url.query else ""
            here = "/index" if request.url.path == "/" else request.url.path
            return render(request, template, {"data": context, **extra,
                                              "json_url": f"{here}.json{query}"})

        router.add_api_route(json_path, as_json, methods=["GET"])
        router.add_api_route(path, as_html, methods=["GET"], response_class=HTMLResponse)
        return data

    return register


def _store(request: Request) -> Store:
    found: Store = request.app.state.store
    return found


@twin("/", "index.html")
def index(request: Request, actor: str | None = None, recipient: str | None = None,
          type: str | None = None, modality: str | None = None, since: str | None = None,
          until: str | None = None, q: str | None = None, main_only: bool = False,
          limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
          cursor: str | None = None) -> dict[str, Any]:
    filters = EventFilter(actor=actor, recipient=recipient, type=type, modality=modality,
                          since=since, until=until, q=q, main_only=main_only)
    with _store(request).read() as db:
        return events_page(db, filters, limit, cursor)


@twin("/events/{event_id}", "event.html", "no event {event_id!r}; search events at /")
def event(request: Request, event_id: str) -> dict[str, Any] | None:
    with _store(request).read() as db:
        return event_view(db, event_id)


def _segments(data: dict[str, Any]) -> dict[str, Any]:
    """The text cut at each evidence span (a sentence with its events), in order; a span that
    overlaps one already cut stays unmarked."""
    text = data["text"]
    spans: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for event in data["events"]:
        if event["start"] is not None and event["end"] is not None:
            spans.setdefault((event["start"], event["end"]), []).append(event)
    segments, at = [], 0
    for (start, end), events in sorted(spans.items()):
        if start < at:
            continue
        # a span may take in the blank lines after its sentence: the events' labels belong
        # at the sentence's end, not at the start of the next paragraph
        words = end - (len(text[start:end]) - len(text[start:end].rstrip()))
        segments.append({"text": text[at:start], "events": None})
        segments.append({"text": text[start:words], "events": events, "start": start})
        at = words
    segments.append({"text": text[at:], "events": None})
    return {"segments": segments}


@twin("/documents/{doc_id}", "document.html", "no document {doc_id!r}; search events at /",
      decorate=_segments)
def document(request: Request, doc_id: str) -> dict[str, Any] | None:
    with _store(request).read() as db:
        return document_view(db, doc_id)


@twin("/clusters/{cluster_id}", "cluster.html",
      "no cluster {cluster_id!r}; an event's page links to its cluster")
def cluster(request: Request, cluster_id: str) -> dict[str, Any] | None:
    with _store(request).read() as db:
        return cluster_view(db, cluster_id)


def _actor_charts(data: dict[str, Any]) -> dict[str, Any]:
    return {"chart": charts.month_bars(data["months"], charts.COOPERATION, charts.CONFLICT,
                                       max_months=_window(data))}


def _window(data: dict[str, Any]) -> int:
    """Months a chart shows: the last five years, or all of a period the reader chose."""
    return 1200 if data.get("since") else 60


@twin("/actors/{code}", "actor.html", decorate=_actor_charts)
def actor(request: Request, code: str, since: str | None = None,
          until: str | None = None) -> dict[str, Any]:
    resolved = actor_code(code, "actor")
    with _store(request).read() as db:
        return queries.actor_profile(db, resolved, check_date(since, "since"),
                                     check_date(until, "until"))


def _dyad_charts(data: dict[str, Any]) -> dict[str, Any]:
    directions = [f"{data['a']}->{data['b']}", f"{data['b']}->{data['a']}"]
    rows = [[r for r in data["series"] if r["direction"] == d] for d in directions]
    there, back = charts.paired_month_bars(rows[0], rows[1], charts.COOPERATION,
                                           charts.CONFLICT, height=200,
                                           max_months=_window(data))
    first = (there or back or {}).get("first", "")
    shown = [row for row in reversed(data["series"]) if row["month"] >= first]
    return {"charts": {"a->b": there, "b->a": back}, "table": shown,
            "earlier": len(data["series"]) - len(shown)}


@twin("/dyads/{a}/{b}", "dyad.html", decorate=_dyad_charts)
def dyad(request: Request, a: str, b: str, since: str | None = None,
         until: str | None = None) -> dict[str, Any]:
    a, b = actor_code(a, "a"), actor_code(b, "b")
    with _store(request).read() as db:
        return queries.dyad_view(db, a, b, check_date(since, "since"),
                                 check_date(until, "until"))


def _network_layout(data: dict[str, Any]) -> dict[str, Any]:
    return {"graph": charts.circle_layout(data["nodes"], data["edges"])}


@twin("/network", "network.html", decorate=_network_layout)
def network(request: Request, since: str | None = None, until: str | None = None,
            min_weight: Annotated[int, Query(ge=1)] = 1,
            nodes: Annotated[int, Query(ge=2, le=100)] = 30) -> dict[str, Any]:
    with _store(request).read() as db:
        return queries.network_view(db, check_date(since, "since"), check_date(until, "until"),
                                    min_weight, nodes)


@twin("/brief", "brief.html")
def brief(request: Request, focus: str | None = None,
          with_: Annotated[str | None, Query(alias="with")] = None,
          since: str | None = None) -> dict[str, Any]:
    asked = {"focus": focus or "", "with": with_ or "", "since": since or ""}
    if not focus:
        return {"asked": asked, "brief": None}
    with _store(request).read() as db:
        return {"asked": asked,
                "brief": brief_view(db, focus, with_ or None, check_date(since, "since"))}
