"""Filtered, paginated lists of the records in the database, as plain data.

Every SQL statement the web UI and API run lives here, and all of them only
read; the statements that write the database are the store's
(`eventwire/store/queries.py`). Each is built from constant fragments and `?` placeholders; user
input only ever travels as a parameter. A `Listing` is one filtered list:
`page()` gives a page of it plus the total, `stream()` every row (downloads).
Lists that need a costly aggregate over the whole file (actors, outlets) are
computed once per app and filtered in Python.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..framing.report import UNKNOWN_OUTLET, build_report
from ..model import Article
from ..settings import Settings
from ..store.rows import (
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    LABEL_COLUMNS,
    QUOTE_COLUMNS,
    article_from_row,
    event_from_row,
    label_from_row,
    quote_from_row,
)
from .db import Database

# Events below this confidence are kept but not counted or listed unless asked for (config.toml
# [events] min_confidence; the API's `min_confidence` and `all` change it per request).
MIN_CONFIDENCE = Settings().min_confidence

# The day an event happened: its own resolved date, else the article's.
EVENT_DAY = "left(coalesce(e.date, a.date), 10)"
# Shape of one entity in the actor/recipient JSON columns (only the fields we match on).
ENTITY_TYPE = '[{"name":"VARCHAR","entity_text":"VARCHAR","code":"VARCHAR","sector":"VARCHAR"}]'
# In-memory tables built once per app by `Database.prepare()` (see db.py): a narrow, pre-sorted index of
# events to filter and page on, and one row per actor/recipient of each event.
EVENT_INDEX = "memory.main.event_index"
EVENT_ENTITIES = "memory.main.event_entities"
CLUSTER_INDEX = "memory.main.cluster_index"
QUOTE_INDEX = "memory.main.quote_index"
LABEL_INDEX = "memory.main.label_index"
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
    min_confidence: float | None = MIN_CONFIDENCE  # events below are not counted (None: every event)
    act: str | None = "speech"  # quotes: speech | belief | intention | perception; None for every act


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


INDEX_SQL = (
    f"CREATE OR REPLACE TABLE {EVENT_INDEX} AS SELECT row_number() OVER (ORDER BY day DESC NULLS LAST, "
    f"article_id, idx) AS pos, * EXCLUDE (idx) FROM (SELECT e.id, e.article_id, e.idx, e.event, e.cluster_id, "
    f"{EVENT_DAY} AS day, a.outlet, json_extract_string(e.requested, '$.event') AS requested, "
    f"lower(e.event_text) AS text, e.confidence "
    f"FROM events e JOIN articles a ON a.id = e.article_id)",
    f"CREATE OR REPLACE TABLE {CLUSTER_INDEX} AS SELECT row_number() OVER (ORDER BY last_day DESC NULLS LAST, id) "
    f"AS pos, * FROM (SELECT cluster_id AS id, count(*) AS events, count(DISTINCT article_id) AS articles, "
    f"list(DISTINCT outlet ORDER BY outlet) FILTER (WHERE outlet IS NOT NULL) AS outlets, "
    f"list(DISTINCT event ORDER BY event) AS event_types, min(day) AS first_day, max(day) AS last_day, "
    f"min(id) AS first_event FROM {EVENT_INDEX} WHERE cluster_id IS NOT NULL AND "
    f"{{counted}} GROUP BY cluster_id)",
    f"CREATE OR REPLACE TABLE {QUOTE_INDEX} AS SELECT row_number() OVER (ORDER BY day DESC NULLS LAST, article_id, "
    f"idx) AS pos, * EXCLUDE (idx) FROM (SELECT q.id, q.article_id, q.idx, left(a.date, 10) AS day, a.outlet, "
    f"lower(coalesce(q.speaker_name, q.speaker_text)) AS speaker, lower(q.speaker_org) AS org, "
    f"q.speaker_code AS code, q.kind, coalesce(q.act, 'speech') AS act, lower(q.text) AS text "
    f"FROM quotes q JOIN articles a ON a.id = q.article_id)",
    f"CREATE OR REPLACE TABLE {LABEL_INDEX} AS SELECT row_number() OVER (ORDER BY day DESC NULLS LAST, article_id, "
    f"idx) AS pos, * EXCLUDE (idx) FROM (SELECT l.id, l.article_id, l.idx, left(a.date, 10) AS day, a.outlet, "
    f"lower(l.actor) AS actor, l.kind, lower(l.text) AS text FROM labels l JOIN articles a ON a.id = l.article_id)",
    f"CREATE OR REPLACE TABLE {EVENT_ENTITIES} AS "
    f"SELECT id AS event_id, 'actor' AS role, lower(coalesce(x.name, x.entity_text)) AS name, x.code AS code "
    f"FROM (SELECT id, unnest(from_json(actor, '{ENTITY_TYPE}')) AS x FROM events) "
    f"UNION ALL SELECT id, 'recipient', lower(coalesce(x.name, x.entity_text)), x.code "
    f"FROM (SELECT id, unnest(from_json(recipient, '{ENTITY_TYPE}')) AS x FROM events)",
)


def counted(column: str, min_confidence: float | None) -> str:
    """SQL true for an event counted at `min_confidence` (not scored = counted), for the statements built
    once per threshold (indexes, cached aggregates); the threshold is a float, never text."""
    if min_confidence is None:
        return "TRUE"
    return f"({column} IS NULL OR {column} >= {float(min_confidence)!r})"


def index_sql(min_confidence: float | None = MIN_CONFIDENCE) -> tuple[str, ...]:
    """The index statements; clusters are made of the events counted at `min_confidence`."""
    return tuple(sql.replace("{counted}", counted("confidence", min_confidence)) for sql in INDEX_SQL)


def _date_range(where: Where, day: str, f: Filters) -> None:
    if f.date_from:
        where.add(f"{day} >= ?", f.date_from.isoformat())
    if f.date_to:
        where.add(f"{day} <= ?", f.date_to.isoformat())


def _contains(column: str) -> str:
    return f"contains(lower({column}), lower(?))"


@dataclass
class Listing:
    """One filtered list.

    `keys` selects the key column of the matching rows in display order (cheap: narrow columns);
    `fetch` is a statement with a `{keys}` slot that returns the full rows for a batch of keys, so
    wide columns are read only for the rows shown. Without `fetch`, `keys` returns the full rows.
    `rows` is a list already in memory (cached aggregates). `table` names the JSON columns to decode.
    """

    keys: str
    params: list[Any]
    table: str | None = None
    fetch: str | None = None
    rows: list[dict[str, Any]] | None = None
    decorate: Callable[[Database, list[dict[str, Any]]], None] | None = None  # adds joined fields to fetched rows

    def page(self, db: Database, limit: int, offset: int) -> dict[str, Any]:
        if self.rows is not None:
            return {"total": len(self.rows), "items": self.rows[offset:offset + limit]}
        total = db.count(f"SELECT count(*) FROM ({self.keys})", self.params)
        return {"total": int(total or 0), "items": self._rows(db, f"{self.keys} LIMIT ? OFFSET ?",
                                                               [*self.params, limit, offset])}

    def _rows(self, db: Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        if self.fetch is None:
            return db.rows(sql, params, self.table)
        keys = [r[0] for r in db.cursor().execute(sql, params).fetchall()]
        return self.fetch_rows(db, keys)

    def fetch_rows(self, db: Database, keys: list[Any]) -> list[dict[str, Any]]:
        if not keys:
            return []
        rows = db.rows(self.fetch.format(keys=_marks(keys)), keys, self.table)
        by_key = {r["id"]: r for r in rows}
        ordered = [by_key[k] for k in keys if k in by_key]
        if self.decorate:
            self.decorate(db, ordered)
        return ordered

    def stream(self, db: Database, limit: int | None = None, batch: int = 1000) -> Iterator[dict[str, Any]]:
        if self.rows is not None:
            yield from self.rows[:limit]
            return
        sql, params = (f"{self.keys} LIMIT ?", [*self.params, limit]) if limit else (self.keys, self.params)
        if self.fetch is None:
            yield from db.stream(sql, params, self.table)
            return
        keys = [r["id"] for r in db.stream(sql, params)]
        for i in range(0, len(keys), batch):
            yield from self.fetch_rows(db, keys[i:i + batch])


def _marks(values: list[Any]) -> str:
    return ", ".join("?" for _ in values)


def _fetch(table: str, columns: tuple[str, ...]) -> str:
    """Full rows of `table` by id. Looked up without joins: DuckDB answers `id IN (...)` from the
    primary-key index, while a join would scan the other table; headers are added by `add_header`."""
    return f"SELECT {_cols(columns, 'r')} FROM {table} r WHERE r.id IN ({{keys}})"


def add_header(db: Database, rows: list[dict[str, Any]]) -> None:
    """Add each record's article url, outlet, title and article_date (and an event's `day`)."""
    ids = sorted({r["article_id"] for r in rows})
    if not ids:
        return
    headers = {h.pop("id"): h for h in db.rows(f"SELECT id, url, outlet, title, date AS article_date FROM articles "
                                               f"WHERE id IN ({_marks(ids)})", ids)}
    empty = {"url": None, "outlet": None, "title": None, "article_date": None}
    for r in rows:
        r.update(headers.get(r["article_id"], empty))
        if "event" in r:
            day = r.get("date") or r.get("article_date")
            r["day"] = day[:10] if day else None


def add_counts(db: Database, rows: list[dict[str, Any]]) -> None:
    """Add an article's numbers of events, quotes and labels."""
    ids = [r["id"] for r in rows]
    for table, index in (("events", EVENT_INDEX), ("quotes", QUOTE_INDEX), ("labels", LABEL_INDEX)):
        only = f" AND {counted('confidence', MIN_CONFIDENCE)}" if table == "events" else ""
        counts = dict(db.cursor().execute(f"SELECT article_id, count(*) FROM {index} WHERE article_id IN "
                                          f"({_marks(ids)}){only} GROUP BY article_id", ids).fetchall())
        for r in rows:
            r[table] = counts.get(r["id"], 0)


EVENT_FETCH = _fetch("events", EVENT_COLUMNS)


def _entity_in(role: str) -> str:
    return (f"x.id IN (SELECT event_id FROM {EVENT_ENTITIES} WHERE role = '{role}' "
            f"AND (name = lower(?) OR code = ?))")


def events(f: Filters) -> Listing:
    """Events with their article header and `day`, newest first (filtered on the in-memory index)."""
    w = Where()
    _date_range(w, "x.day", f)
    if f.actor:
        w.add(_entity_in("actor"), f.actor, f.actor)
    if f.recipient:
        w.add(_entity_in("recipient"), f.recipient, f.recipient)
    for column, value in (("event", f.event), ("requested", f.requested), ("outlet", f.outlet),
                          ("cluster_id", f.cluster), ("article_id", f.article), ("id", f.id)):
        if value:
            w.add(f"x.{column} = ?", value)
    if f.calls_to_action:
        w.add("x.requested IS NOT NULL")
    if f.min_confidence is not None:
        w.add("(x.confidence IS NULL OR x.confidence >= ?)", f.min_confidence)
    if f.q:
        w.add("contains(x.text, lower(?))", f.q)
    return Listing(f"SELECT x.id FROM {EVENT_INDEX} x{w.sql()} ORDER BY x.pos", w.params, "events", EVENT_FETCH,
                   decorate=add_header)


def quotes(f: Filters) -> Listing:
    """Quotes with their article header, newest first."""
    w = Where()
    _date_range(w, "x.day", f)
    if f.actor:
        w.add("(x.speaker = lower(?) OR x.org = lower(?) OR x.code = ?)", f.actor, f.actor, f.actor)
    if f.act:
        w.add("x.act = ?", f.act)
    _common(w, f)
    keys = f"SELECT x.id FROM {QUOTE_INDEX} x{w.sql()} ORDER BY x.pos"
    return Listing(keys, w.params, "quotes", _fetch("quotes", QUOTE_COLUMNS), decorate=add_header)


def labels(f: Filters) -> Listing:
    """Framing labels with their article header."""
    w = Where()
    _date_range(w, "x.day", f)
    if f.actor:
        w.add("x.actor = lower(?)", f.actor)
    _common(w, f)
    keys = f"SELECT x.id FROM {LABEL_INDEX} x{w.sql()} ORDER BY x.pos"
    return Listing(keys, w.params, "labels", _fetch("labels", LABEL_COLUMNS), decorate=add_header)


def places(f: Filters, country: str | None = None, resolved: bool | None = None) -> Listing:
    """Place mentions (`places` table) with their article's url, outlet and title, in article order.
    `q` matches the mention or the resolved name (case-insensitive), `country` the ISO-3 code."""
    w = Where()
    if f.article:
        w.add("p.article_id = ?", f.article)
    if f.outlet:
        w.add("a.outlet = ?", f.outlet)
    if f.q:
        w.add("(lower(p.text) LIKE ? OR lower(p.name) LIKE ?)", f"%{f.q.lower()}%", f"%{f.q.lower()}%")
    if country:
        w.add("p.country = upper(?)", country)
    if resolved is not None:
        w.add("p.lat IS NOT NULL" if resolved else "p.lat IS NULL")
    keys = (f'SELECT p.article_id, p.idx, p.text, p."start", p."end", p.name, p.geonames_id, p.lat, p.lon, '
            f"p.feature, p.country, p.admin1, p.level, p.via, p.reason, a.url, a.outlet, a.title "
            f"FROM places p JOIN articles a ON a.id = p.article_id{w.sql()} ORDER BY p.article_id, p.idx")
    return Listing(keys, w.params, "places")


def _common(w: Where, f: Filters) -> None:
    """Outlet, text, kind and article filters on a quote or label index."""
    for column, value in (("outlet", f.outlet), ("kind", f.kind), ("article_id", f.article)):
        if value:
            w.add(f"x.{column} = ?", value)
    if f.q:
        w.add("contains(x.text, lower(?))", f.q)


def articles(f: Filters) -> Listing:
    """Article headers (no text) with record counts, newest first."""
    w = Where()
    _date_range(w, "left(a.date, 10)", f)
    if f.outlet:
        w.add("a.outlet = ?", f.outlet)
    if f.q:
        w.add(f"({_contains('a.title')} OR {_contains('a.text')})", f.q, f.q)
    if f.actor:
        w.add("a.id IN (SELECT n.article_id FROM entities n WHERE lower(coalesce(n.name, n.entity_text)) = lower(?) "
              "OR n.code = ?)", f.actor, f.actor)
    if f.event and f.min_confidence is None:
        w.add(f"a.id IN (SELECT x.article_id FROM {EVENT_INDEX} x WHERE x.event = ?)", f.event)
    elif f.event:
        w.add(f"a.id IN (SELECT x.article_id FROM {EVENT_INDEX} x WHERE x.event = ? AND "
              f"(x.confidence IS NULL OR x.confidence >= ?))", f.event, f.min_confidence)
    keys = f"SELECT a.id FROM articles a{w.sql()} ORDER BY a.date DESC NULLS LAST, a.id"
    return Listing(keys, w.params, "articles", _fetch("articles", ARTICLE_LIST_COLUMNS), decorate=add_counts)


def clusters(f: Filters) -> Listing:
    """Groups of events reporting the same real-world event, with the outlets that covered them.

    Filters select clusters having at least one matching event; each row describes the whole cluster.
    """
    w = Where()
    _date_range(w, "x.day", f)
    if f.event:
        w.add("x.event = ?", f.event)
    if f.outlet:
        w.add("x.outlet = ?", f.outlet)
    if f.actor:
        w.add(_entity_in("actor"), f.actor, f.actor)
    where = f" WHERE c.id IN (SELECT x.cluster_id FROM {EVENT_INDEX} x{w.sql()})" if w.clauses else ""
    return Listing(f"SELECT c.* EXCLUDE (pos) FROM {CLUSTER_INDEX} c{where} ORDER BY c.pos", w.params)


ACTORS_SQL = f"""
WITH parts AS (
    SELECT 'actor' AS role, article_id, unnest(from_json(actor, '{ENTITY_TYPE}')) AS x FROM events
    WHERE {{counted}}
    UNION ALL
    SELECT 'recipient' AS role, article_id, unnest(from_json(recipient, '{ENTITY_TYPE}')) AS x FROM events
    WHERE {{counted}}
), mentions AS (
    SELECT coalesce(x.name, x.entity_text) AS name, x.code AS code, x.sector AS sector, role, article_id FROM parts
    UNION ALL
    SELECT coalesce(speaker_name, speaker_org), speaker_code, speaker_sector, 'statement', article_id FROM quotes
    WHERE coalesce(act, 'speech') = 'speech'
    UNION ALL  -- a named speaker's words also count for the organisation they speak for
    SELECT speaker_org, NULL, NULL, 'statement', article_id FROM quotes
    WHERE coalesce(act, 'speech') = 'speech' AND speaker_name IS NOT NULL AND speaker_org IS NOT NULL
      AND lower(speaker_org) <> lower(speaker_name)
)
SELECT name, mode(code) AS code, mode(sector) AS sector,
       count(*) FILTER (WHERE role = 'actor') AS actions,
       count(*) FILTER (WHERE role = 'recipient') AS targeted,
       count(*) FILTER (WHERE role = 'statement') AS statements,
       count(DISTINCT article_id) AS articles
FROM mentions WHERE name IS NOT NULL AND trim(name) <> ''
GROUP BY name ORDER BY actions + targeted + statements DESC, name
"""

def all_actors(db: Database, min_confidence: float | None = MIN_CONFIDENCE) -> list[dict[str, Any]]:
    """Every actor named as actor, recipient or speaker, with counts of the events counted at
    `min_confidence` (cached per app and threshold)."""
    sql = ACTORS_SQL.replace("{counted}", counted("confidence", min_confidence))
    return _cached(db, "actors", min_confidence, lambda: db.rows(sql))


def stored_articles(db: Database, min_confidence: float | None = MIN_CONFIDENCE) -> list[Article]:
    """Every stored article with its quotes, labels and the events counted at `min_confidence`: what
    the framing stage's outlet report reads."""
    rows = db.rows(f"SELECT {_ARTICLE_PAGE_COLUMNS} FROM articles ORDER BY id", [], "articles")
    articles = {r["id"]: article_from_row({**r, "raw_text": None}) for r in rows}
    for r in db.rows("SELECT * FROM quotes ORDER BY article_id, idx", [], "quotes"):
        articles[r["article_id"]].quotes.append(quote_from_row(r))
    for r in db.rows(f"SELECT * FROM events WHERE {counted('confidence', min_confidence)} "
                     "ORDER BY article_id, idx", [], "events"):
        articles[r["article_id"]].events.append(event_from_row(r))
    for r in db.rows("SELECT * FROM labels ORDER BY article_id, idx", [], "labels"):
        articles[r["article_id"]].labels.append(label_from_row(r))
    return list(articles.values())


def outlet_report(db: Database, min_confidence: float | None = MIN_CONFIDENCE) -> dict[str, Any]:
    """`eventwire.framing.report.build_report` over the stored articles (cached per app and threshold):
    the web shows the same figures as `eventwire outlets`."""
    return _cached(db, "outlet_report", min_confidence, lambda: build_report(stored_articles(db, min_confidence)))


def all_outlets(db: Database, min_confidence: float | None = MIN_CONFIDENCE) -> list[dict[str, Any]]:
    """Every named outlet with its coverage figures from the outlet report, most articles first."""
    rows = [{"name": name, "articles": len(b["articles"]), "first_day": b["first_day"], "last_day": b["last_day"],
             "events": b["events"], "clusters": b["clusters"], "quotes": b["quotes"], "labels": b["writer_labels"],
             "loaded": b["loaded"]["count"], "scare_quotes": len(b["scare_quotes"]),
             "loaded_per_1000_words": b["loaded"]["per_1000_words"] if b["words"] else None}
            for name, b in outlet_report(db, min_confidence)["outlets"].items() if name != UNKNOWN_OUTLET]
    return sorted(rows, key=lambda r: (-r["articles"], r["name"]))


def _cached(db: Database, name: str, min_confidence: float | None, factory: Callable[[], Any]) -> Any:
    """An aggregate cached for the default threshold and for every event; other thresholds are computed
    per request (a client cannot fill the cache with thresholds)."""
    if min_confidence in (MIN_CONFIDENCE, None):
        return db.cached(f"{name}:{min_confidence}", factory)
    return factory()


def actors(db: Database, f: Filters) -> Listing:
    rows = all_actors(db, f.min_confidence)
    if f.q:
        needle = f.q.lower()
        rows = [r for r in rows if needle in r["name"].lower() or (r["code"] or "").lower() == needle]
    return Listing("", [], rows=rows)


def outlets(db: Database, f: Filters) -> Listing:
    rows = all_outlets(db, f.min_confidence)
    if f.q:
        rows = [r for r in rows if f.q.lower() in r["name"].lower()]
    return Listing("", [], rows=rows)


# ---- the pages' aggregates -------------------------------------------------------------------------------

def table_counts(db: Database, tables: tuple[str, ...]) -> dict[str, int]:
    """Rows per table; `tables` are constants of the callers, never user input."""
    return {t: int(db.value(f"SELECT count(*) FROM {t}")) for t in tables}


def event_counts(db: Database) -> dict[str, int]:
    """Events counted once per occurrence and only at or above the confidence threshold, those below it,
    and the clusters the counted events form."""
    yes = counted("confidence", MIN_CONFIDENCE)
    return {"events": int(db.value(f"SELECT count(*) FROM {EVENT_INDEX} WHERE {yes}")),
            "events_below_threshold": int(db.value(f"SELECT count(*) FROM {EVENT_INDEX} WHERE NOT {yes}")),
            "clusters": int(db.value(f"SELECT count(DISTINCT cluster_id) FROM {EVENT_INDEX} WHERE {yes}"))}


def events_per_day(db: Database, listing: Listing | None = None) -> list[dict[str, Any]]:
    """Events per day and type: of `listing`, or of every counted event with a full date."""
    if listing is None:
        return db.rows(f"SELECT day, event, count(*) AS n FROM {EVENT_INDEX} "
                       f"WHERE day SIMILAR TO '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}' "
                       f"AND {counted('confidence', MIN_CONFIDENCE)} GROUP BY ALL ORDER BY day")
    return db.rows(f"SELECT day, event, count(*) AS n FROM {EVENT_INDEX} WHERE id IN ({listing.keys}) "
                   f"AND day IS NOT NULL GROUP BY ALL ORDER BY day", listing.params)


def event_places(db: Database, listing: Listing) -> list[dict[str, Any]]:
    """Event counts per located place (name, text, lat, lon, count) among `listing`'s events."""
    return db.rows(
        "SELECT json_extract_string(event_loc, '$.name') AS name, json_extract_string(event_loc, '$.text') AS text, "
        "CAST(json_extract(event_loc, '$.lat') AS DOUBLE) AS lat, CAST(json_extract(event_loc, '$.lon') AS DOUBLE) "
        f"AS lon, count(*) AS count FROM events WHERE id IN ({listing.keys}) AND json_extract(event_loc, '$.lat') "
        "IS NOT NULL "
        "GROUP BY ALL ORDER BY count DESC LIMIT 500", listing.params)


_ARTICLE_PAGE_COLUMNS = ", ".join(f'"{c}"' for c in ARTICLE_COLUMNS if c != "raw_text")


def article_row(db: Database, article_id: str) -> dict[str, Any] | None:
    """One article without its raw text, or None."""
    rows = db.rows(f"SELECT {_ARTICLE_PAGE_COLUMNS} FROM articles WHERE id = ?", [article_id], "articles")
    return rows[0] if rows else None


def article_entities(db: Database, article_id: str) -> list[dict[str, Any]]:
    return db.rows("SELECT * EXCLUDE (article_id) FROM entities WHERE article_id = ? ORDER BY idx", [article_id])


# (id, day) of each record, for `per_day`.
QUOTE_DAYS = "SELECT q.id, left(a.date, 10) AS day FROM quotes q JOIN articles a ON a.id = q.article_id"
EVENT_DAYS = f"SELECT id, day FROM {EVENT_INDEX}"


def per_day(db: Database, listing: Listing, days: str, role: str) -> list[dict[str, Any]]:
    """Records of `listing` per day; `days` (QUOTE_DAYS or EVENT_DAYS) selects (id, day) for its table."""
    return db.rows(f"SELECT day, ? AS role, count(*) AS n FROM ({days}) d WHERE d.id IN ({listing.keys}) "
                   f"AND day IS NOT NULL GROUP BY ALL ORDER BY day", [role, *listing.params])


def partners(db: Database, listing: Listing, column: str, name: str) -> dict[str, int]:
    """How often each other entity stands in `column` ("actor" or "recipient") of `listing`'s events."""
    if column not in ("actor", "recipient"):
        raise ValueError(f"no entity column {column!r}")
    rows = db.rows(f"SELECT coalesce(x.name, x.entity_text) AS partner, count(*) AS n FROM "
                   f"(SELECT unnest(from_json({column}, '{ENTITY_TYPE}')) AS x FROM events "
                   f"WHERE id IN ({listing.keys})) "
                   f"WHERE partner IS NOT NULL AND lower(partner) <> lower(?) GROUP BY partner ORDER BY n DESC, "
                   f"partner LIMIT 30", [*listing.params, name])
    return {r["partner"]: int(r["n"]) for r in rows}


# The clusters an outlet's counted events belong to, with every outlet that covered them (parameters:
# the outlet, and the row limit).
OUTLET_CLUSTERS = ("SELECT e.cluster_id AS id, list(DISTINCT a.outlet ORDER BY a.outlet) FILTER "
                   "(WHERE a.outlet IS NOT NULL) AS outlets, min(e.event_text) AS sample_text FROM events e "
                   f"JOIN articles a ON a.id = e.article_id WHERE {counted('e.confidence', MIN_CONFIDENCE)} AND "
                   "e.cluster_id IN (SELECT e2.cluster_id FROM events e2 JOIN articles a2 ON a2.id = e2.article_id "
                   f"WHERE a2.outlet = ? AND {counted('e2.confidence', MIN_CONFIDENCE)}) GROUP BY e.cluster_id "
                   "ORDER BY e.cluster_id LIMIT ?")
