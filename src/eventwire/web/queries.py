"""Filtered, paginated lists of the records in the database, as plain data.

Every statement is built from constant fragments and `?` placeholders; user
input only ever travels as a parameter. A `Listing` is one filtered list:
`page()` gives a page of it plus the total, `stream()` every row (downloads).
Lists that need a costly aggregate over the whole file (actors, outlets) are
computed once per app and filtered in Python.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..store.rows import ARTICLE_COLUMNS, EVENT_COLUMNS, LABEL_COLUMNS, QUOTE_COLUMNS
from .db import Database

# The day an event happened: its own resolved date, else the article's.
EVENT_DAY = "left(coalesce(e.date, a.date), 10)"
HEADER = "a.url, a.outlet, a.title, a.date AS article_date"
# Shape of one entity in the actor/recipient JSON columns (only the fields we match on).
ENTITY_TYPE = '[{"name":"VARCHAR","entity_text":"VARCHAR","code":"VARCHAR","sector":"VARCHAR"}]'
ARTICLE_LIST_COLUMNS = tuple(c for c in ARTICLE_COLUMNS if c not in ("text", "raw_text", "removed", "meta"))


def _cols(columns: tuple[str, ...], alias: str) -> str:
    return ", ".join(f'{alias}."{c}"' for c in columns)


@dataclass
class Filters:
    """What a list may be filtered by; each resource uses the fields that apply to it.

    `actor` matches a canonical name or entity text (case-insensitive) or a code; for quotes it
    matches the speaker or the speaker's organisation, for articles any actor mentioned.
    `requested` is the event type of the action a REQUEST/THREATEN calls for (ASSAULT, PROTEST...).
    """

    date_from: date | None = None
    date_to: date | None = None
    actor: str | None = None
    recipient: str | None = None
    event: str | None = None
    requested: str | None = None
    outlet: str | None = None
    q: str | None = None
    kind: str | None = None
    cluster: str | None = None
    article: str | None = None
    calls_to_action: bool = False  # only REQUEST/THREATEN events whose requested action is typed
    id: str | None = None


@dataclass
class Where:
    """A conjunction of SQL conditions and their parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def _date_range(where: Where, day: str, f: Filters) -> None:
    if f.date_from:
        where.add(f"{day} >= ?", f.date_from.isoformat())
    if f.date_to:
        where.add(f"{day} <= ?", f.date_to.isoformat())


def entity_match(column: str) -> str:
    """A condition true when the JSON entity list in `column` holds the actor given by two parameters
    (name or entity text, case-insensitive; then code)."""
    entities = f"from_json({column}, '{ENTITY_TYPE}')"
    return (f"(list_contains(list_transform({entities}, lambda x: lower(coalesce(x.name, x.entity_text))), lower(?))"
            f" OR list_contains(list_transform({entities}, lambda x: x.code), ?))")


def _contains(column: str) -> str:
    return f"contains(lower({column}), lower(?))"


@dataclass
class Listing:
    """One filtered list: SQL without LIMIT, its parameters, and the table whose JSON columns to decode."""

    sql: str
    params: list[Any]
    table: str | None = None
    rows: list[dict[str, Any]] | None = None  # a list already in memory (cached aggregates)

    def page(self, db: Database, limit: int, offset: int) -> dict[str, Any]:
        if self.rows is not None:
            return {"total": len(self.rows), "items": self.rows[offset:offset + limit]}
        total = db.value(f"SELECT count(*) FROM ({self.sql})", self.params)
        items = db.rows(f"{self.sql} LIMIT ? OFFSET ?", [*self.params, limit, offset], self.table)
        return {"total": int(total or 0), "items": items}

    def stream(self, db: Database, limit: int | None = None) -> Iterator[dict[str, Any]]:
        if self.rows is not None:
            yield from self.rows[:limit]
            return
        sql, params = (f"{self.sql} LIMIT ?", [*self.params, limit]) if limit else (self.sql, self.params)
        yield from db.stream(sql, params, self.table)


def events(f: Filters) -> Listing:
    """Events with their article header and `day`, newest first."""
    w = Where()
    _date_range(w, EVENT_DAY, f)
    if f.actor:
        w.add(entity_match("e.actor"), f.actor, f.actor)
    if f.recipient:
        w.add(entity_match("e.recipient"), f.recipient, f.recipient)
    if f.event:
        w.add("e.event = ?", f.event)
    if f.requested:
        w.add("json_extract_string(e.requested, '$.event') = ?", f.requested)
    if f.calls_to_action:
        w.add("json_extract_string(e.requested, '$.event') IS NOT NULL")
    if f.id:
        w.add("e.id = ?", f.id)
    if f.outlet:
        w.add("a.outlet = ?", f.outlet)
    if f.q:
        w.add(_contains("e.event_text"), f.q)
    if f.cluster:
        w.add("e.cluster_id = ?", f.cluster)
    if f.article:
        w.add("e.article_id = ?", f.article)
    sql = (f"SELECT {_cols(EVENT_COLUMNS, 'e')}, {HEADER}, {EVENT_DAY} AS day "
           f"FROM events e JOIN articles a ON a.id = e.article_id{w.sql()} "
           f"ORDER BY day DESC NULLS LAST, e.article_id, e.idx")
    return Listing(sql, w.params, "events")


def quotes(f: Filters) -> Listing:
    """Quotes with their article header, newest first."""
    w = Where()
    _date_range(w, "left(a.date, 10)", f)
    if f.actor:
        w.add("(lower(coalesce(q.speaker_name, q.speaker_text)) = lower(?) OR lower(q.speaker_org) = lower(?) "
              "OR q.speaker_code = ?)", f.actor, f.actor, f.actor)
    if f.outlet:
        w.add("a.outlet = ?", f.outlet)
    if f.q:
        w.add(_contains("q.text"), f.q)
    if f.kind:
        w.add("q.kind = ?", f.kind)
    if f.article:
        w.add("q.article_id = ?", f.article)
    sql = (f"SELECT {_cols(QUOTE_COLUMNS, 'q')}, {HEADER} FROM quotes q JOIN articles a ON a.id = q.article_id"
           f"{w.sql()} ORDER BY a.date DESC NULLS LAST, q.article_id, q.idx")
    return Listing(sql, w.params, "quotes")


def labels(f: Filters) -> Listing:
    """Framing labels with their article header."""
    w = Where()
    _date_range(w, "left(a.date, 10)", f)
    if f.actor:
        w.add("lower(l.actor) = lower(?)", f.actor)
    if f.outlet:
        w.add("a.outlet = ?", f.outlet)
    if f.q:
        w.add(_contains("l.text"), f.q)
    if f.kind:
        w.add("l.kind = ?", f.kind)
    if f.article:
        w.add("l.article_id = ?", f.article)
    sql = (f"SELECT {_cols(LABEL_COLUMNS, 'l')}, {HEADER} FROM labels l JOIN articles a ON a.id = l.article_id"
           f"{w.sql()} ORDER BY a.date DESC NULLS LAST, l.article_id, l.idx")
    return Listing(sql, w.params, "labels")


def articles(f: Filters) -> Listing:
    """Article headers (no text) with record counts, newest first."""
    w = Where()
    _date_range(w, "left(a.date, 10)", f)
    if f.outlet:
        w.add("a.outlet = ?", f.outlet)
    if f.q:
        w.add(f"({_contains('a.title')} OR {_contains('a.text')})", f.q, f.q)
    if f.actor:
        w.add("EXISTS (SELECT 1 FROM entities n WHERE n.article_id = a.id AND "
              "(lower(coalesce(n.name, n.entity_text)) = lower(?) OR n.code = ?))", f.actor, f.actor)
    if f.event:
        w.add("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.event = ?)", f.event)
    counts = ", ".join(f"(SELECT count(*) FROM {t} r WHERE r.article_id = a.id) AS {t}"
                       for t in ("events", "quotes", "labels"))
    sql = (f"SELECT {_cols(ARTICLE_LIST_COLUMNS, 'a')}, {counts} FROM articles a{w.sql()} "
           f"ORDER BY a.date DESC NULLS LAST, a.id")
    return Listing(sql, w.params, "articles")


def clusters(f: Filters) -> Listing:
    """Groups of events reporting the same real-world event, with the outlets that covered them."""
    w = Where()
    w.add("e.cluster_id IS NOT NULL")
    _date_range(w, EVENT_DAY, f)
    if f.event:
        w.add("e.event = ?", f.event)
    if f.outlet:
        w.add("e.cluster_id IN (SELECT e2.cluster_id FROM events e2 JOIN articles a2 ON a2.id = e2.article_id "
              "WHERE a2.outlet = ?)", f.outlet)
    if f.actor:
        w.add(entity_match("e.actor"), f.actor, f.actor)
    sql = (f"SELECT e.cluster_id AS id, count(*) AS events, count(DISTINCT e.article_id) AS articles, "
           f"list(DISTINCT a.outlet ORDER BY a.outlet) FILTER (WHERE a.outlet IS NOT NULL) AS outlets, "
           f"list(DISTINCT e.event ORDER BY e.event) AS event_types, min({EVENT_DAY}) AS first_day, "
           f"max({EVENT_DAY}) AS last_day, min(e.event_text) AS sample_text "
           f"FROM events e JOIN articles a ON a.id = e.article_id{w.sql()} "
           f"GROUP BY e.cluster_id ORDER BY last_day DESC NULLS LAST, id")
    return Listing(sql, w.params)


ACTORS_SQL = f"""
WITH parts AS (
    SELECT 'actor' AS role, article_id, unnest(from_json(actor, '{ENTITY_TYPE}')) AS x FROM events
    UNION ALL
    SELECT 'recipient' AS role, article_id, unnest(from_json(recipient, '{ENTITY_TYPE}')) AS x FROM events
), mentions AS (
    SELECT coalesce(x.name, x.entity_text) AS name, x.code AS code, x.sector AS sector, role, article_id FROM parts
    UNION ALL
    SELECT coalesce(speaker_name, speaker_org), speaker_code, speaker_sector, 'statement', article_id FROM quotes
)
SELECT name, mode(code) AS code, mode(sector) AS sector,
       count(*) FILTER (WHERE role = 'actor') AS actions,
       count(*) FILTER (WHERE role = 'recipient') AS targeted,
       count(*) FILTER (WHERE role = 'statement') AS statements,
       count(DISTINCT article_id) AS articles
FROM mentions WHERE name IS NOT NULL AND trim(name) <> ''
GROUP BY name ORDER BY actions + targeted + statements DESC, name
"""

OUTLETS_SQL = """
WITH art AS (
    SELECT outlet, count(*) AS articles, min(left(date, 10)) AS first_day, max(left(date, 10)) AS last_day,
           sum(len(string_split(text, ' '))) AS words
    FROM articles WHERE outlet IS NOT NULL GROUP BY outlet
), ev AS (
    SELECT a.outlet, count(*) AS events, count(DISTINCT e.cluster_id) AS clusters
    FROM events e JOIN articles a ON a.id = e.article_id GROUP BY a.outlet
), qu AS (
    SELECT a.outlet, count(*) AS quotes FROM quotes q JOIN articles a ON a.id = q.article_id GROUP BY a.outlet
), lb AS (
    SELECT a.outlet, count(*) AS labels, count(*) FILTER (WHERE l.kind IN ('loaded', 'scare_quote')) AS loaded
    FROM labels l JOIN articles a ON a.id = l.article_id WHERE l.voice = 'writer' GROUP BY a.outlet
)
SELECT art.outlet AS name, art.articles, art.first_day, art.last_day, coalesce(ev.events, 0) AS events,
       coalesce(ev.clusters, 0) AS clusters, coalesce(qu.quotes, 0) AS quotes, coalesce(lb.labels, 0) AS labels,
       coalesce(lb.loaded, 0) AS loaded,
       round(1000.0 * coalesce(lb.loaded, 0) / nullif(art.words, 0), 2) AS loaded_per_1000_words
FROM art LEFT JOIN ev ON ev.outlet = art.outlet LEFT JOIN qu ON qu.outlet = art.outlet
LEFT JOIN lb ON lb.outlet = art.outlet
ORDER BY art.articles DESC, name
"""


def all_actors(db: Database) -> list[dict[str, Any]]:
    """Every actor named as actor, recipient or speaker, with counts (cached per app)."""
    return db.cached("actors", lambda: db.rows(ACTORS_SQL))


def all_outlets(db: Database) -> list[dict[str, Any]]:
    """Every outlet with its coverage counts and loaded-language rate (cached per app)."""
    return db.cached("outlets", lambda: db.rows(OUTLETS_SQL))


def actors(db: Database, f: Filters) -> Listing:
    rows = all_actors(db)
    if f.q:
        needle = f.q.lower()
        rows = [r for r in rows if needle in r["name"].lower() or (r["code"] or "").lower() == needle]
    return Listing("", [], rows=rows)


def outlets(db: Database, f: Filters) -> Listing:
    rows = all_outlets(db)
    if f.q:
        rows = [r for r in rows if f.q.lower() in r["name"].lower()]
    return Listing("", [], rows=rows)
