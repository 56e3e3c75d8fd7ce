"""Every SQL statement the store runs, in one place.

Statements use `?` placeholders and are built only from the column tuples
in `rows.py` (constants), never from user strings. The PostgreSQL backend
swaps `?` for `%s` (`postgres_backend.pg_params`) and reuses the rest: the
SQL here sticks to what both DuckDB and PostgreSQL accept.
"""

from __future__ import annotations

from functools import lru_cache

from .rows import ARTICLE_COLUMNS, FAILURE_COLUMNS, RECORD_TABLES, TABLES


def _cols(columns: tuple[str, ...], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{c}"' for c in columns)


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({_cols(columns)}) VALUES ({', '.join('?' for _ in columns)})"


def placeholders(sql: str, style: str = "?") -> str:
    """The statement with `?` replaced by another driver's placeholder (e.g. `%s`)."""
    return sql if style == "?" else sql.replace("?", style)


CREATE_SCHEMA_VERSION = ("CREATE TABLE IF NOT EXISTS schema_version "
                         "(version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied TIMESTAMP NOT NULL)")
SCHEMA_VERSION = "SELECT coalesce(max(version), 0) FROM schema_version"
RECORD_MIGRATION = "INSERT INTO schema_version (version, name, applied) VALUES (?, ?, ?)"

ARTICLE_HASH = "SELECT raw_sha256 FROM articles WHERE id = ?"
# Bulk inserts read a pyarrow table the backend registers under this fixed name.
STAGING = "_eventwire_rows"
INSERT_STAGED = {table: f"INSERT INTO {table} ({_cols(cols)}) SELECT {_cols(cols)} FROM {STAGING}"
                 for table, cols in TABLES.items()}
# `IN (SELECT unnest(?))` takes a list parameter (PostgreSQL: `= ANY(%s)`).
ARTICLE_HASHES = "SELECT id, raw_sha256, first_seen FROM articles WHERE id IN (SELECT unnest(?))"
DELETE_ARTICLES = "DELETE FROM articles WHERE id IN (SELECT unnest(?))"
DELETE_RECORDS = {table: f"DELETE FROM {table} WHERE article_id IN (SELECT unnest(?))" for table in RECORD_TABLES}
# Pairs per multi-row UPDATE: one statement per chunk is far faster than executemany in DuckDB.
CHUNK = 250


@lru_cache(maxsize=16)
def update_clusters(n: int) -> str:
    """Set cluster_id of `n` events from (event id, cluster id) parameter pairs."""
    pairs = ", ".join("(?, ?)" for _ in range(n))
    return (f"UPDATE events SET cluster_id = m.cluster_id FROM (VALUES {pairs}) AS m(event_id, cluster_id) "
            f"WHERE events.id = m.event_id")

INSERT_FAILURE = _insert("failures", FAILURE_COLUMNS)
INSERT_RUN = "INSERT INTO runs (id, started, args, version) VALUES (?, ?, ?, ?)"
FINISH_RUN = "UPDATE runs SET finished = ?, counts = ?, seconds = ? WHERE id = ?"

COUNT = {table: f"SELECT count(*) FROM {table}" for table in TABLES}
_ORDER = {"articles": "id", "runs": "started, id", "failures": "time, source"}
SELECT_TABLE = {table: f"SELECT {_cols(cols)} FROM {table} ORDER BY {_ORDER.get(table, 'article_id, idx')}"
                for table, cols in TABLES.items()}
SELECT_ARTICLE = f"SELECT {_cols(ARTICLE_COLUMNS)} FROM articles WHERE id = ?"
SELECT_RECORDS = {table: f"SELECT {_cols(cols)} FROM {table} WHERE article_id = ? ORDER BY idx"
                  for table, cols in RECORD_TABLES.items()}

# Article header fields joined onto records, for exports and reports.
ARTICLE_HEADER = ("url", "outlet", "title", "article_date", "duplicate_of")
_HEADER_SQL = "a.url, a.outlet, a.title, a.date AS article_date, a.duplicate_of"


def select_articles(outlet: bool, limit: bool) -> str:
    """Article rows in id order, optionally for one outlet and/or limited."""
    sql = f"SELECT {_cols(ARTICLE_COLUMNS)} FROM articles"
    if outlet:
        sql += " WHERE outlet = ?"
    sql += " ORDER BY id"
    if limit:
        sql += " LIMIT ?"
    return sql


def select_joined(table: str, filters: tuple[str, ...]) -> str:
    """Records of `table` with their article header, filtered by equality on the given columns.

    `filters` names columns of `table` (checked against the constants) or `outlet`.
    """
    columns = TABLES[table]
    where = []
    for name in filters:
        if name == "outlet":
            where.append("a.outlet = ?")
        elif name in columns:
            where.append(f'r."{name}" = ?')
        else:
            raise ValueError(f"cannot filter {table} by {name!r}")
    sql = (f"SELECT {_cols(columns, 'r.')}, {_HEADER_SQL} "
           f"FROM {table} r JOIN articles a ON a.id = r.article_id")
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY r.article_id, r.idx"


CLEAR_CLUSTERS = "UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL"
SET_DUPLICATE = "UPDATE articles SET duplicate_of = ? WHERE id = ?"
ARTICLE_EXISTS = "SELECT count(*) FROM articles WHERE id = ?"

SELECT_FAILURES = f"SELECT {_cols(FAILURE_COLUMNS)} FROM failures WHERE run_id = ? ORDER BY time"

# Persons whose affiliation came from the text (not the dictionary), for `eventwire actors suggest`.
TEXT_DERIVED_PEOPLE = ("SELECT name, entity_text, org, code, sector, article_id FROM entities "
                       "WHERE type = 'PERSON' AND source IN ('apposition', 'coref') AND name IS NOT NULL "
                       "ORDER BY name, article_id")
