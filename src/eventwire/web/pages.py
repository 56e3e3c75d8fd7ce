"""Server-rendered pages, each with a JSON twin at the same path plus `.json`.

A route builds its data with `views`/`queries` (the JSON twin returns exactly
that), then renders it with a Jinja2 template; charts, the map and the
highlighted article are derived from the same data while rendering.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from . import charts, markup, views
from . import queries as q
from .api import Limit, Offset, Search, SearchQ, event_filters, threshold
from .db import Database, event_types
from .worldmap import map_svg, outline_svg

router = APIRouter(include_in_schema=False)
HERE = Path(__file__).resolve().parent
PAGE_SIZE = 50


def _db(request: Request) -> Database:
    return request.app.state.db


def _found(data: dict[str, Any] | None, what: str, key: str) -> dict[str, Any]:
    if data is None:
        raise HTTPException(404, f"no {what} {key!r} in this database")
    return data


def render(request: Request, template: str, data: dict[str, Any], as_json: bool, **extra: Any) -> Response:
    """The page, or its JSON twin (the same `data`, without the rendered extras)."""
    if as_json:
        return JSONResponse(jsonable_encoder(data))
    context = {**data, **extra, "plover_types": event_types(), "colour": charts.colour}
    return request.app.state.templates.TemplateResponse(request, template, context)


def _query_string(request: Request, **changes: Any) -> str:
    params = {k: v for k, v in request.query_params.items() if k not in changes}
    params.update({k: v for k, v in changes.items() if v is not None})
    return urlencode(params)


def _nav(request: Request, offset: int, limit: int, total: int) -> dict[str, str | None]:
    """Query strings of the previous and next pages (None at either end)."""
    return {"prev": _query_string(request, offset=max(offset - limit, 0)) if offset else None,
            "next": _query_string(request, offset=offset + limit) if offset + limit < total else None}


def _map(request: Request, places: list[dict[str, Any]]) -> Any:
    return map_svg(places, request.url_for("world_outline").path)


@router.get("/assets/world.svg", name="world_outline")
def world_outline() -> Response:
    return Response(outline_svg(), media_type="image/svg+xml", headers={"Cache-Control": "max-age=86400"})


@router.get("/favicon.ico")
def favicon() -> Response:
    return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml",
                    headers={"Cache-Control": "max-age=86400"})


@router.get("/")
@router.get("/index.json")
def index(request: Request) -> Response:
    data = views.overview(_db(request))
    as_json = request.url.path.endswith(".json")
    return render(request, "index.html", data, as_json, bars=charts.stacked_bars(data["per_day"], href="/events?"),
                  worldmap=_map(request, data["places"]))


@router.get("/events")
@router.get("/events.json")
def events_page(request: Request, f: q.Filters = Depends(event_filters), limit: Limit = None,
                offset: Offset = 0) -> Response:
    db = _db(request)
    limit = limit or PAGE_SIZE
    page = q.events(f).page(db, limit, offset)
    data = {"filters": jsonable_encoder(f), "total": page["total"], "limit": limit, "offset": offset,
            "items": page["items"], "per_day": views.per_day(db, f)}
    nav = {**_nav(request, offset, limit, page["total"]),
           "download": _query_string(request, offset=None, limit=None)}
    outlets = [o["name"] for o in q.all_outlets(db)]
    rest = _query_string(request, date_from=None, date_to=None, event=None, offset=None)
    bars = charts.stacked_bars(data["per_day"], href=f"/events?{rest}{'&' if rest else ''}")
    return render(request, "events.html", data, request.url.path.endswith(".json"), nav=nav, outlets=outlets,
                  bars=bars)


@router.get("/map")
@router.get("/map.json")
def map_page(request: Request, f: q.Filters = Depends(event_filters)) -> Response:
    places = views.places(_db(request), f)
    data = {"filters": jsonable_encoder(f), "places": places}
    return render(request, "map.html", data, request.url.path.endswith(".json"), worldmap=_map(request, places),
                  outlets=[o["name"] for o in q.all_outlets(_db(request))])


@router.get("/events/{event_id}")
@router.get("/events/{event_id}.json")
def event_page(request: Request, event_id: str) -> Response:
    data = _found(views.event(_db(request), event_id), "event", event_id)
    art = data["article"]
    spans = markup.record_spans(art["article"], art["quotes"], art["events"], art["labels"])
    text = markup.highlight(art["article"]["text"], spans, focus=event_id)
    return render(request, "event.html", data, request.url.path.endswith(".json"), text=text, kinds=markup.KINDS)


@router.get("/articles")
@router.get("/articles.json")
def articles_page(request: Request, outlet: Search = None, q_: SearchQ = None, limit: Limit = None,
                  offset: Offset = 0) -> Response:
    limit = limit or PAGE_SIZE
    page = q.articles(q.Filters(outlet=outlet, q=q_)).page(_db(request), limit, offset)
    data = {"total": page["total"], "limit": limit, "offset": offset, "items": page["items"]}
    nav = _nav(request, offset, limit, page["total"])
    return render(request, "articles.html", data, request.url.path.endswith(".json"), nav=nav, search=q_ or "")


@router.get("/articles/{article_id}")
@router.get("/articles/{article_id}.json")
def article_page(request: Request, article_id: str, focus: Search = None, act: str = "speech",
                 min_confidence: float | None = Depends(threshold)) -> Response:
    """`act`: which statements to mark (speech by default; belief, intention, perception or all)."""
    data = _found(views.article(_db(request), article_id, min_confidence, None if act == "all" else act),
                  "article", article_id)
    spans = markup.record_spans(data["article"], data["quotes"], data["events"], data["labels"])
    text = markup.highlight(data["article"]["text"], spans, focus=focus)
    return render(request, "article.html", data, request.url.path.endswith(".json"), text=text, kinds=markup.KINDS,
                  focus=focus, worldmap=_article_map(request, data["places"]))


def _article_map(request: Request, places: list[dict[str, Any]]) -> Any:
    """The article's resolved places, one dot per place, sized by its mentions."""
    dots: dict[tuple[float, float], dict[str, Any]] = {}
    for p in places:
        if p["lat"] is not None and p["lon"] is not None:
            dot = dots.setdefault((p["lat"], p["lon"]), {"label": p["name"], "lat": p["lat"], "lon": p["lon"],
                                                         "count": 0})
            dot["count"] += 1
    return map_svg(list(dots.values()), request.url_for("world_outline").path, "Places named",
                   "mention(s)") if dots else None


@router.get("/actors")
@router.get("/actors.json")
def actors_page(request: Request, q_: SearchQ = None, limit: Limit = None,
                offset: Offset = 0) -> Response:
    limit = limit or 100
    page = q.actors(_db(request), q.Filters(q=q_)).page(_db(request), limit, offset)
    data = {"total": page["total"], "limit": limit, "offset": offset, "items": page["items"]}
    nav = _nav(request, offset, limit, page["total"])
    return render(request, "actors.html", data, request.url.path.endswith(".json"), nav=nav, search=q_ or "")


@router.get("/actors/{name:path}")
@router.get("/actors/{name:path}.json")
def actor_page(request: Request, name: str) -> Response:
    data = _found(views.actor(_db(request), name), "actor", name)
    return render(request, "actor.html", data, request.url.path.endswith(".json"),
                  timeline=charts.timeline(data["timeline"]),
                  network=charts.network(data["actor"]["name"], data["targets"], data["targeted_by"], "/actors/"))


@router.get("/outlets")
@router.get("/outlets.json")
def outlets_page(request: Request) -> Response:
    data = {"items": q.all_outlets(_db(request))}
    return render(request, "outlets.html", data, request.url.path.endswith(".json"))


@router.get("/outlets/{name:path}")
@router.get("/outlets/{name:path}.json")
def outlet_page(request: Request, name: str) -> Response:
    data = _found(views.outlet(_db(request), name), "outlet", name)
    return render(request, "outlet.html", data, request.url.path.endswith(".json"))
