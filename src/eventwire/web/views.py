"""The data behind each page, as plain JSON-ready dicts.

A page route builds one of these, renders it with its template, and serves
it unchanged as the page's JSON twin (`.json`) and through the API, so what
an analyst sees and what a script downloads are the same records.
Functions return None when the record does not exist (the route answers 404).
"""

from __future__ import annotations

from typing import Any

from ..store.rows import ARTICLE_COLUMNS
from . import queries as q
from .db import Database

TOP = 10  # rows in overview tables
RECENT = 200  # rows of statement/event tables on actor and outlet pages


def overview(db: Database) -> dict[str, Any]:
    """Counts, events per day by type, top actors, latest calls to action, mapped places (cached)."""
    return db.cached("overview", lambda: _overview(db))


def _overview(db: Database) -> dict[str, Any]:
    counts = {t: int(db.value(f"SELECT count(*) FROM {t}")) for t in ("articles", "events", "quotes", "labels")}
    counts["outlets"] = len(q.all_outlets(db))
    counts["actors"] = len(q.all_actors(db))
    counts["clusters"] = int(db.value("SELECT count(DISTINCT cluster_id) FROM events"))
    per_day = db.rows(f"SELECT day, event, count(*) AS n FROM {q.EVENT_INDEX} "
                      f"WHERE day SIMILAR TO '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}' GROUP BY ALL ORDER BY day")
    return {
        "counts": counts,
        "per_day": per_day,
        "top_actors": q.all_actors(db)[:TOP],
        "calls_to_action": q.events(q.Filters(calls_to_action=True)).page(db, TOP, 0)["items"],
        "places": places(db, q.Filters()),
    }


def per_day(db: Database, f: q.Filters) -> list[dict[str, Any]]:
    """Events per day and type among those matching `f` (the chart above the events table)."""
    listing = q.events(f)
    return db.rows(f"SELECT day, event, count(*) AS n FROM {q.EVENT_INDEX} WHERE id IN ({listing.keys}) "
                   f"AND day IS NOT NULL GROUP BY ALL ORDER BY day", listing.params)


def places(db: Database, f: q.Filters) -> list[dict[str, Any]]:
    """Event counts per located place (events with coordinates), for the map."""
    listing = q.events(f)
    rows = db.rows(
        "SELECT json_extract_string(event_loc, '$.name') AS name, json_extract_string(event_loc, '$.text') AS text, "
        "CAST(json_extract(event_loc, '$.lat') AS DOUBLE) AS lat, CAST(json_extract(event_loc, '$.lon') AS DOUBLE) "
        f"AS lon, count(*) AS count FROM events WHERE id IN ({listing.keys}) AND json_extract(event_loc, '$.lat') "
        "IS NOT NULL "
        "GROUP BY ALL ORDER BY count DESC LIMIT 500", listing.params)
    return [{"label": r["name"] or r["text"], "lat": r["lat"], "lon": r["lon"], "count": r["count"]}
            for r in rows if r["lat"] is not None and r["lon"] is not None]


def article(db: Database, article_id: str) -> dict[str, Any] | None:
    """An article with its quotes, events, labels, entities and places."""
    cols = ", ".join(f'"{c}"' for c in ARTICLE_COLUMNS if c != "raw_text")
    rows = db.rows(f"SELECT {cols} FROM articles WHERE id = ?", [article_id], "articles")
    if not rows:
        return None
    f = q.Filters(article=article_id)
    records = {name: getattr(q, name)(f).page(db, 100_000, 0)["items"] for name in ("quotes", "events", "labels")}
    for records_ in records.values():
        records_.sort(key=lambda r: r["idx"])
    entities = db.rows('SELECT * EXCLUDE (article_id) FROM entities WHERE article_id = ? ORDER BY idx', [article_id])
    places = q.places(f).page(db, 100_000, 0)["items"]
    return {"article": rows[0], **records, "entities": entities, "places": places}


def event(db: Database, event_id: str) -> dict[str, Any] | None:
    """An event, its article (with every record, for highlighting), its cluster and the outlets covering it."""
    rows = q.events(q.Filters(id=event_id)).page(db, 1, 0)["items"]
    if not rows:
        return None
    ev = rows[0]
    cluster = q.events(q.Filters(cluster=ev["cluster_id"])).page(db, 1000, 0)["items"] if ev["cluster_id"] else [ev]
    outlets = sorted({r["outlet"] for r in cluster if r["outlet"]})
    return {"event": ev, "cluster": cluster, "outlets": outlets, "article": article(db, ev["article_id"])}


def actor(db: Database, name: str) -> dict[str, Any] | None:
    """What an actor said and did, who it targets and who targets it, over time."""
    summary = next((a for a in q.all_actors(db) if a["name"].lower() == name.lower()), None)
    if summary is None:
        return None
    name = summary["name"]
    said = q.quotes(q.Filters(actor=name))
    did = q.events(q.Filters(actor=name))
    suffered = q.events(q.Filters(recipient=name))
    quote_days = "SELECT q.id, left(a.date, 10) AS day FROM quotes q JOIN articles a ON a.id = q.article_id"
    event_days = f"SELECT id, day FROM {q.EVENT_INDEX}"
    timeline = [*_per_day(db, said, quote_days, "statement"), *_per_day(db, did, event_days, "action"),
                *_per_day(db, suffered, event_days, "target")]
    return {
        "actor": summary,
        "statements": said.page(db, RECENT, 0),
        "actions": did.page(db, RECENT, 0),
        "targeted_by_others": suffered.page(db, RECENT, 0),
        "timeline": timeline,
        "targets": _partners(db, did, "recipient", name),
        "targeted_by": _partners(db, suffered, "actor", name),
    }


def _per_day(db: Database, listing: q.Listing, days: str, role: str) -> list[dict[str, Any]]:
    """Records of `listing` per day; `days` selects (id, day) for the listing's table."""
    return db.rows(f"SELECT day, ? AS role, count(*) AS n FROM ({days}) d WHERE d.id IN ({listing.keys}) "
                   f"AND day IS NOT NULL GROUP BY ALL ORDER BY day", [role, *listing.params])


def _partners(db: Database, listing: q.Listing, column: str, name: str) -> dict[str, int]:
    rows = db.rows(f"SELECT coalesce(x.name, x.entity_text) AS partner, count(*) AS n FROM "
                   f"(SELECT unnest(from_json({column}, '{q.ENTITY_TYPE}')) AS x FROM events "
                   f"WHERE id IN ({listing.keys})) "
                   f"WHERE partner IS NOT NULL AND lower(partner) <> lower(?) GROUP BY partner ORDER BY n DESC, "
                   f"partner LIMIT 30", [*listing.params, name])
    return {r["partner"]: int(r["n"]) for r in rows}


def outlet(db: Database, name: str) -> dict[str, Any] | None:
    """An outlet's coverage: labels it attaches to each actor, loaded-language rate, events and clusters."""
    summary = next((o for o in q.all_outlets(db) if o["name"] == name), None)
    if summary is None:
        return None
    labels = db.rows("SELECT coalesce(l.actor, '(no actor)') AS actor, l.text AS label, l.kind, count(*) AS n "
                     "FROM labels l JOIN articles a ON a.id = l.article_id WHERE a.outlet = ? AND l.voice = 'writer' "
                     "GROUP BY ALL ORDER BY min(l.actor) IS NULL, actor, n DESC, label", [name])
    event_types = db.rows("SELECT e.event, count(*) AS n FROM events e JOIN articles a ON a.id = e.article_id "
                          "WHERE a.outlet = ? GROUP BY ALL ORDER BY n DESC, e.event", [name])
    shared = db.rows("SELECT e.cluster_id AS id, list(DISTINCT a.outlet ORDER BY a.outlet) FILTER "
                     "(WHERE a.outlet IS NOT NULL) AS outlets, min(e.event_text) AS sample_text FROM events e "
                     "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IN (SELECT e2.cluster_id FROM events "
                     "e2 JOIN articles a2 ON a2.id = e2.article_id WHERE a2.outlet = ?) GROUP BY e.cluster_id "
                     "ORDER BY e.cluster_id LIMIT ?", [name, RECENT])
    return {"outlet": summary, "labels": labels, "event_types": event_types, "clusters": shared,
            "articles": q.articles(q.Filters(outlet=name)).page(db, RECENT, 0)}


def cluster(db: Database, cluster_id: str) -> dict[str, Any] | None:
    """The events of one cluster and the outlets that covered it."""
    events = q.events(q.Filters(cluster=cluster_id)).page(db, 1000, 0)["items"]
    if not events:
        return None
    return {"id": cluster_id, "events": events, "outlets": sorted({e["outlet"] for e in events if e["outlet"]})}
