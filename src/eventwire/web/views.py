"""The data behind each page, as plain JSON-ready dicts.

A page route builds one of these, renders it with its template, and serves
it unchanged as the page's JSON twin (`.json`) and through the API, so what
an analyst sees and what a script downloads are the same records.
Functions return None when the record does not exist (the route answers 404).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from . import queries as q
from .db import Database

TOP = 10  # rows in overview tables
RECENT = 200  # rows of statement/event tables on actor and outlet pages


def overview(db: Database) -> dict[str, Any]:
    """Counts, events per day by type, top actors, latest calls to action, mapped places (cached)."""
    return db.cached("overview", lambda: _overview(db))


def _overview(db: Database) -> dict[str, Any]:
    counts = q.table_counts(db, ("articles", "quotes", "labels"))
    counts.update(q.event_counts(db))  # events once per occurrence, at or above the confidence threshold
    counts["outlets"] = len(q.all_outlets(db))
    counts["actors"] = len(q.all_actors(db))
    return {
        "counts": counts,
        "per_day": q.events_per_day(db),
        "top_actors": q.all_actors(db)[:TOP],
        "calls_to_action": q.events(q.Filters(calls_to_action=True)).page(db, TOP, 0)["items"],
        "places": places(db, q.Filters()),
    }


def per_day(db: Database, f: q.Filters) -> list[dict[str, Any]]:
    """Events per day and type among those matching `f` (the chart above the events table)."""
    return q.events_per_day(db, q.events(f))


def places(db: Database, f: q.Filters) -> list[dict[str, Any]]:
    """Event counts per located place (events with coordinates), for the map."""
    rows = q.event_places(db, q.events(f))
    return [{"label": r["name"] or r["text"], "lat": r["lat"], "lon": r["lon"], "count": r["count"]}
            for r in rows if r["lat"] is not None and r["lon"] is not None]


def article(db: Database, article_id: str, min_confidence: float | None = q.MIN_CONFIDENCE,
            act: str | None = "speech") -> dict[str, Any] | None:
    """An article with its quotes (speech unless `act` names another act, or is None for all), events
    (those counted at `min_confidence`), labels and entities; `events_below_threshold` says how many
    events are left out."""
    row = q.article_row(db, article_id)
    if row is None:
        return None
    f = q.Filters(article=article_id, min_confidence=min_confidence, act=act)
    records = {name: getattr(q, name)(f).page(db, 100_000, 0)["items"] for name in ("quotes", "events", "labels")}
    for records_ in records.values():
        records_.sort(key=lambda r: r["idx"])
    every = q.events(q.Filters(article=article_id, min_confidence=None))
    records["events_below_threshold"] = db.count(f"SELECT count(*) FROM ({every.keys})", every.params) - len(
        records["events"])
    places = q.places(f).page(db, 100_000, 0)["items"]
    return {"article": row, **records, "entities": q.article_entities(db, article_id), "places": places}


def event(db: Database, event_id: str) -> dict[str, Any] | None:
    """An event (whatever its confidence), its article (with every record, for highlighting), its cluster and the
    outlets covering it."""
    rows = q.events(q.Filters(id=event_id, min_confidence=None)).page(db, 1, 0)["items"]
    if not rows:
        return None
    ev = rows[0]
    cluster = q.events(q.Filters(cluster=ev["cluster_id"])).page(db, 1000, 0)["items"] if ev["cluster_id"] else [ev]
    outlets = sorted({r["outlet"] for r in cluster if r["outlet"]})
    return {"event": ev, "cluster": cluster, "outlets": outlets, "article": article(db, ev["article_id"], None)}


def actor(db: Database, name: str) -> dict[str, Any] | None:
    """What an actor said and did, who it targets and who targets it, over time."""
    summary = next((a for a in q.all_actors(db) if a["name"].lower() == name.lower()), None)
    if summary is None:
        return None
    name = summary["name"]
    said = q.quotes(q.Filters(actor=name))
    did = q.events(q.Filters(actor=name))
    suffered = q.events(q.Filters(recipient=name))
    timeline = [*q.per_day(db, said, q.QUOTE_DAYS, "statement"), *q.per_day(db, did, q.EVENT_DAYS, "action"),
                *q.per_day(db, suffered, q.EVENT_DAYS, "target")]
    return {
        "actor": summary,
        "statements": said.page(db, RECENT, 0),
        "actions": did.page(db, RECENT, 0),
        "targeted_by_others": suffered.page(db, RECENT, 0),
        "timeline": timeline,
        "targets": q.partners(db, did, "recipient", name),
        "targeted_by": q.partners(db, suffered, "actor", name),
    }


def outlet(db: Database, name: str) -> dict[str, Any] | None:
    """An outlet's coverage from the outlet report (`eventwire outlets`): its figures, the descriptors it
    attaches to each actor, its loaded words ranked by strength, scare quotes, statement shares, event
    types, clusters covered and missed, and its latest articles."""
    summary = next((o for o in q.all_outlets(db) if o["name"] == name), None)
    if summary is None:
        return None
    block = q.outlet_report(db)["outlets"][name]
    labels = Counter((actor, r["text"]) for actor, rows in block["labels"].items() for r in rows
                     if r["voice"] == "writer")
    return {"outlet": summary,
            "labels": [{"actor": a, "label": t, "n": n} for (a, t), n in sorted(labels.items())],
            "loaded_terms": [{"term": t, **v} for t, v in block["loaded"]["terms"].items()],
            "scare_quotes": block["scare_quotes"],
            "statement_share": block["statement_share"],
            "event_types": [{"event": e, "n": n} for e, n in block["event_types"].items()],
            "clusters": db.rows(q.OUTLET_CLUSTERS, [name, RECENT]),
            "clusters_missed": block["clusters_missed"],
            "articles": q.articles(q.Filters(outlet=name)).page(db, RECENT, 0)}


def cluster(db: Database, cluster_id: str) -> dict[str, Any] | None:
    """The events of one cluster and the outlets that covered it."""
    events = q.events(q.Filters(cluster=cluster_id)).page(db, 1000, 0)["items"]
    if not events:
        return None
    return {"id": cluster_id, "events": events, "outlets": sorted({e["outlet"] for e in events if e["outlet"]})}
