"""The REST API under /api/: filtered, paginated lists and single records, as JSON, CSV or JSONL.

Every list takes `limit` (1..1000) and `offset`; `format=csv|jsonl` downloads
the whole filtered list (or the first `limit` rows when `limit` is given) as
a file. Inputs are validated by FastAPI from the annotations below, so the
OpenAPI schema at /openapi.json documents exactly what is accepted.
"""

from __future__ import annotations

from datetime import date
from enum import Enum, StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel

from . import queries as q
from . import views
from .db import Database, event_types
from .download import FORMATS, download

EventType = Enum("EventType", {t: t for t in event_types()}, type=str)  # PLOVER types, from the events stage


class QuoteKind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"


class QuoteAct(StrEnum):
    speech = "speech"
    belief = "belief"
    intention = "intention"
    perception = "perception"
    all = "all"


class LabelKind(StrEnum):
    descriptor = "descriptor"
    loaded = "loaded"
    scare_quote = "scare_quote"
    category = "category"


class Format(StrEnum):
    json = "json"
    csv = "csv"
    jsonl = "jsonl"


class ErrorDetail(BaseModel):
    status: int
    message: str


class ErrorBody(BaseModel):
    """The one error shape of every 4xx/5xx answer."""

    error: ErrorDetail


class Page(BaseModel):
    """One page of a filtered list; `next` is the URL of the following page, if any."""

    total: int
    limit: int
    offset: int
    next: str | None
    items: list[dict[str, Any]]


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "Invalid combination of parameters"},
    404: {"model": ErrorBody, "description": "No such record"},
    422: {"model": ErrorBody, "description": "A parameter is malformed or out of range"},
}
LIST_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}},
                      "application/x-ndjson": {"schema": {"type": "string"}}},
          "description": "A page of the list (JSON), or the whole filtered list as a CSV/JSONL download"},
    **ERRORS,
}

Text = Annotated[str | None, Query(min_length=1, max_length=200)]
DateFrom = Annotated[date | None, Query(description="First day included (YYYY-MM-DD)")]
DateTo = Annotated[date | None, Query(description="Last day included (YYYY-MM-DD)")]
Actor = Annotated[str | None, Query(min_length=1, max_length=200,
                                    description="Actor name (canonical or as written, case-insensitive) or code")]
Outlet = Annotated[str | None, Query(min_length=1, max_length=200, description="Outlet name, exactly")]
Search = Annotated[str | None, Query(min_length=1, max_length=200, description="Text to search for")]
SearchQ = Annotated[str | None, Query(alias="q", min_length=1, max_length=200, description="Text to search for")]
Limit = Annotated[int | None, Query(ge=1, le=1000, description="Page size (default 50; downloads: all rows)")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Fmt = Annotated[Format, Query(description="json (a page), csv or jsonl (a download)")]
MinConfidence = Annotated[float | None, Query(ge=0.0, le=1.0, description=(
    "Count and list only events with confidence >= this (default: the server's [events] min_confidence); "
    "events without a confidence always count"))]
AllEvents = Annotated[bool, Query(alias="all", description="Every event, whatever its confidence "
                                                            "(min_confidence is then ignored)")]

router = APIRouter(prefix="/api", tags=["api"], responses=ERRORS)


def db_of(request: Request) -> Database:
    return request.app.state.db


def _check_dates(date_from: date | None, date_to: date | None) -> None:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, f"date_from ({date_from}) is after date_to ({date_to})")


def threshold(min_confidence: MinConfidence = None, all_: AllEvents = False) -> float | None:
    """The confidence events must reach to be counted and listed (None = every event; `all` wins)."""
    if all_:
        return None
    return q.MIN_CONFIDENCE if min_confidence is None else min_confidence


def listing_response(request: Request, name: str, listing: q.Listing, limit: int | None, offset: int,
                     fmt: Format) -> Page | Response:
    """A JSON page of `listing`, or the download of it in `fmt`."""
    db = db_of(request)
    if fmt != Format.json:
        return download(listing.stream(db, limit), name, fmt.value)
    limit = limit or 50
    page = listing.page(db, limit, offset)
    more = offset + limit < page["total"]
    nxt = str(request.url.include_query_params(offset=offset + limit, limit=limit)) if more else None
    return Page(total=page["total"], limit=limit, offset=offset, next=nxt, items=page["items"])


def event_filters(date_from: DateFrom = None, date_to: DateTo = None, actor: Actor = None, recipient: Actor = None,
                  event: EventType | None = None, requested: EventType | None = None, calls_to_action: bool = False,
                  outlet: Outlet = None, q_: SearchQ = None, cluster: Text = None,
                  article: Text = None, min_confidence: float | None = Depends(threshold)) -> q.Filters:
    """The event filters (shared by /api/events, the events page and the map)."""
    _check_dates(date_from, date_to)
    return q.Filters(date_from=date_from, date_to=date_to, actor=actor, recipient=recipient, outlet=outlet, q=q_,
                     event=event.value if event else None, requested=requested.value if requested else None,
                     calls_to_action=calls_to_action, cluster=cluster, article=article,
                     min_confidence=min_confidence)


def quote_filters(date_from: DateFrom = None, date_to: DateTo = None, actor: Actor = None, outlet: Outlet = None,
                  q_: SearchQ = None, kind: QuoteKind | None = None, act: QuoteAct = QuoteAct.speech,
                  article: Text = None) -> q.Filters:
    """The quote filters of /api/quotes."""
    _check_dates(date_from, date_to)
    return q.Filters(date_from=date_from, date_to=date_to, actor=actor, outlet=outlet, q=q_,
                     kind=kind.value if kind else None, article=article,
                     act=None if act == QuoteAct.all else act.value)


def label_filters(date_from: DateFrom = None, date_to: DateTo = None, actor: Actor = None, outlet: Outlet = None,
                  q_: SearchQ = None, kind: LabelKind | None = None, article: Text = None) -> q.Filters:
    """The label filters of /api/labels."""
    _check_dates(date_from, date_to)
    return q.Filters(date_from=date_from, date_to=date_to, actor=actor, outlet=outlet, q=q_,
                     kind=kind.value if kind else None, article=article)


def article_filters(date_from: DateFrom = None, date_to: DateTo = None, actor: Actor = None, outlet: Outlet = None,
                    q_: SearchQ = None, event: EventType | None = None,
                    min_confidence: float | None = Depends(threshold)) -> q.Filters:
    """The article filters of /api/articles (`event` matches counted events only)."""
    _check_dates(date_from, date_to)
    return q.Filters(date_from=date_from, date_to=date_to, actor=actor, outlet=outlet, q=q_,
                     event=event.value if event else None, min_confidence=min_confidence)


def cluster_filters(date_from: DateFrom = None, date_to: DateTo = None, actor: Actor = None, outlet: Outlet = None,
                    event: EventType | None = None) -> q.Filters:
    """The cluster filters of /api/clusters."""
    _check_dates(date_from, date_to)
    return q.Filters(date_from=date_from, date_to=date_to, actor=actor, outlet=outlet,
                     event=event.value if event else None)


@router.get("/events", response_model=Page, responses=LIST_RESPONSES, summary="Events (PLOVER), filtered")
def list_events(request: Request, f: q.Filters = Depends(event_filters), limit: Limit = None, offset: Offset = 0,
                format: Fmt = Format.json) -> Any:
    """Events newest first, one per occurrence (`mentions` lists each mention in the article). `actor`/`recipient`
    match either side by name or code; `requested` keeps calls to action by the action they call for (e.g.
    ASSAULT); `calls_to_action=true` keeps every typed call. Events below `min_confidence` are left out
    unless `all=true`."""
    return listing_response(request, "events", q.events(f), limit, offset, format)


@router.get("/quotes", response_model=Page, responses=LIST_RESPONSES, summary="Quotes with speakers, filtered")
def list_quotes(request: Request, f: q.Filters = Depends(quote_filters), limit: Limit = None, offset: Offset = 0,
                format: Fmt = Format.json) -> Any:
    """Quotes newest first; `actor` matches the speaker, the speaker's organisation or code; `act`
    keeps speech (the default), beliefs, intentions, perceptions, or `all`."""
    return listing_response(request, "quotes", q.quotes(f), limit, offset, format)


@router.get("/labels", response_model=Page, responses=LIST_RESPONSES, summary="Framing labels, filtered")
def list_labels(request: Request, f: q.Filters = Depends(label_filters), limit: Limit = None, offset: Offset = 0,
                format: Fmt = Format.json) -> Any:
    """Labels (descriptors, loaded words, scare quotes) with the actor they describe."""
    return listing_response(request, "labels", q.labels(f), limit, offset, format)


@router.get("/places", response_model=Page, responses=LIST_RESPONSES, summary="Place mentions, filtered")
def list_places(request: Request, article: Text = None, outlet: Outlet = None, q_: SearchQ = None,
                country: Text = None, resolved: bool | None = None, limit: Limit = None, offset: Offset = 0,
                format: Fmt = Format.json) -> Any:
    """Every place mention with its GeoNames id, coordinates, country (ISO-3), first-level division and
    `via`; `resolved=false` lists the names the gazetteer does not know (with their `reason`)."""
    f = q.Filters(article=article, outlet=outlet, q=q_)
    return listing_response(request, "places", q.places(f, country, resolved), limit, offset, format)


@router.get("/articles", response_model=Page, responses=LIST_RESPONSES, summary="Articles (without text), filtered")
def list_articles(request: Request, f: q.Filters = Depends(article_filters), limit: Limit = None,
                  offset: Offset = 0, format: Fmt = Format.json) -> Any:
    """Article headers newest first, with counts of (counted) events, quotes and labels."""
    return listing_response(request, "articles", q.articles(f), limit, offset, format)


@router.get("/clusters", response_model=Page, responses=LIST_RESPONSES, summary="Event clusters across articles")
def list_clusters(request: Request, f: q.Filters = Depends(cluster_filters), limit: Limit = None,
                  offset: Offset = 0, format: Fmt = Format.json) -> Any:
    """Clusters (the same real-world event in several articles) with their outlets and event types."""
    return listing_response(request, "clusters", q.clusters(f), limit, offset, format)


@router.get("/actors", response_model=Page, responses=LIST_RESPONSES, summary="Actors with counts")
def list_actors(request: Request, q_: SearchQ = None, limit: Limit = None, offset: Offset = 0,
                format: Fmt = Format.json, min_confidence: float | None = Depends(threshold)) -> Any:
    """Every actor named as actor, recipient or speaker, most active first; `q` searches names, or matches a code.
    Event counts count each occurrence once, among events at or above `min_confidence`."""
    f = q.Filters(q=q_, min_confidence=min_confidence)
    return listing_response(request, "actors", q.actors(db_of(request), f), limit, offset, format)


@router.get("/outlets", response_model=Page, responses=LIST_RESPONSES, summary="Outlets with coverage figures")
def list_outlets(request: Request, q_: SearchQ = None, limit: Limit = None, offset: Offset = 0,
                 format: Fmt = Format.json, min_confidence: float | None = Depends(threshold)) -> Any:
    """Outlets with article/event/quote/label counts and loaded-language rate (per 1,000 words); events are
    counted once per occurrence, among those at or above `min_confidence`."""
    f = q.Filters(q=q_, min_confidence=min_confidence)
    return listing_response(request, "outlets", q.outlets(db_of(request), f), limit, offset, format)


def _found(record: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
    if record is None:
        raise HTTPException(404, f"no {what} {key!r} in this database")
    return record


@router.get("/articles/{article_id}", summary="One article with its records")
def get_article(request: Request, article_id: str,
                min_confidence: float | None = Depends(threshold)) -> dict[str, Any]:
    """The article, its quotes, labels, entities and events (one per occurrence, at or above `min_confidence`)."""
    return _found(views.article(db_of(request), article_id, min_confidence), "article", article_id)


@router.get("/events/{event_id}", summary="One event with its article, cluster and covering outlets")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    return _found(views.event(db_of(request), event_id), "event", event_id)


@router.get("/actors/{name:path}", summary="What an actor said and did, its targets and who targets it")
def get_actor(request: Request, name: str) -> dict[str, Any]:
    return _found(views.actor(db_of(request), name), "actor", name)


@router.get("/outlets/{name:path}", summary="An outlet's labels per actor, loaded-language rate and coverage")
def get_outlet(request: Request, name: str) -> dict[str, Any]:
    return _found(views.outlet(db_of(request), name), "outlet", name)


@router.get("/clusters/{cluster_id}", summary="The events of one cluster and the outlets that covered it")
def get_cluster(request: Request, cluster_id: str) -> dict[str, Any]:
    return _found(views.cluster(db_of(request), cluster_id), "cluster", cluster_id)


__all__ = ["FORMATS", "router"]
