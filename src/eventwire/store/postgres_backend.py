"""The PostgreSQL backend: one shared database for a team (`--db postgresql://user:pw@host/db`).

Same tables and the same numbered migrations as DuckDB; the few type names
PostgreSQL spells differently are translated (`postgres_sql`). Child records
of a batch are bulk-loaded with COPY. Several `eventwire run` processes may
write at once: each batch takes a transaction-scoped advisory lock per
article id (in sorted order, so two writers cannot deadlock) before it reads
the stored hashes, so the same article saved twice at once is stored exactly
once and the second writer sees it as unchanged. Migrations run under one
advisory lock per schema, so two first runs do not both create the tables.

Pick a schema with libpq's `options`:
`postgresql://u:pw@host/db?options=-csearch_path%3Dteam_a` (it must exist).
PostgreSQL text cannot hold NUL characters: they are stored as U+FFFD (same
length, so offsets stay valid).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

import psycopg
import pyarrow as pa
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.string import TextLoader

from .. import __version__
from ..errors import StoreError
from ..model import Article, Failure
from . import queries as q
from .base import CHANGED, FAILED, NEW, UNCHANGED, SaveResult, Store
from .migrations import Migration, load_migrations
from .rows import (
    JSON_COLUMNS,
    RECORD_TABLES,
    TABLES,
    article_from_row,
    article_row,
    decode,
    dumps,
    entity_from_row,
    event_from_row,
    label_from_row,
    quote_from_row,
    record_rows,
)

# DuckDB type names PostgreSQL spells differently (JSONB: indexable, and decoded the same by rows.decode).
# Text sorts by code point as in DuckDB (COLLATE "C"), whatever the server's locale: the same ORDER BY
# gives the same order on both backends, and cross-article steps (clustering) see articles in one order.
_TYPES = ((re.compile(r"\bJSON\b"), "JSONB"), (re.compile(r"\bDOUBLE\b(?!\s+PRECISION)"), "DOUBLE PRECISION"),
          (re.compile(r"\bVARCHAR\b(?!\s+COLLATE)"), 'VARCHAR COLLATE "C"'))
_NUL_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")  # a JSON-escaped NUL, not an escaped backslash + u0000
MIGRATION_LOCK = "eventwire:migrations"
CLUSTER_LOCK = "eventwire:clusters"


def now() -> datetime:
    """UTC time without tzinfo (TIMESTAMP columns hold UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def postgres_sql(sql: str) -> str:
    """A migration written for DuckDB in PostgreSQL's type names."""
    for pattern, replacement in _TYPES:
        sql = pattern.sub(replacement, sql)
    return sql


def pg_params(sql: str) -> str:
    """`?` placeholders as psycopg's `%s` (a literal `%`, as in LIKE patterns, is escaped first)."""
    return sql.replace("%", "%%").replace("?", "%s")


def redact(url: str) -> str:
    """The address without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for a name (the same in every process)."""
    return int.from_bytes(hashlib.blake2b(name.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


def _no_nul(value: Any, json_column: bool) -> Any:
    if not isinstance(value, str) or ("\x00" not in value and "\\u0000" not in value):
        return value
    return _NUL_ESCAPE.sub(r"\1\\ufffd", value) if json_column else value.replace("\x00", "\ufffd")


def pg_row(table: str, row: tuple) -> tuple:
    """A row with the NULs PostgreSQL refuses (in text and in JSONB) replaced by U+FFFD."""
    json_columns = JSON_COLUMNS[table]
    return tuple(_no_nul(v, c in json_columns) for c, v in zip(TABLES[table], row, strict=False))


def connect(url: str) -> psycopg.Connection:
    """Open a connection (autocommit: every write is an explicit transaction); errors become StoreError."""
    try:
        conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        raise StoreError(f"{redact(url)}: not a valid PostgreSQL address: {exc}") from exc
    try:
        con = psycopg.connect(url, autocommit=True, connect_timeout=10, application_name="eventwire")
    except psycopg.Error as exc:
        raise StoreError(f"{redact(url)}: cannot connect to PostgreSQL: {str(exc).strip()}") from exc
    # JSON columns come back as JSON text, as from DuckDB; rows.decode parses them where wanted.
    con.adapters.register_loader("jsonb", TextLoader)
    con.adapters.register_loader("json", TextLoader)
    return con


class PostgresStore(Store):
    """A `Store` in a PostgreSQL database (the schema chosen by the connection's search_path)."""

    def __init__(self, url: str, read_only: bool = False, migrations: list[Migration] | None = None):
        self.url = url
        self.name = redact(url)
        self.read_only = read_only
        self.con = connect(url)
        try:
            self._migrate(load_migrations() if migrations is None else migrations)
            if read_only:  # the server refuses writes from this connection, whatever the caller does
                self._execute("SET default_transaction_read_only = on")
        except BaseException:
            self.con.close()
            raise

    # ---- schema --------------------------------------------------------------------------------------------
    def _migrate(self, migrations: list[Migration]) -> None:
        """Apply missing migrations, each in its own transaction, under a per-schema advisory lock."""
        latest = migrations[-1].version if migrations else 0
        current = self.schema_version()
        if current > latest:
            raise StoreError(f"{self.name}: schema version {current} is newer than this eventwire "
                             f"({__version__}, version {latest}); upgrade eventwire")
        if current == latest:
            return
        if self.read_only:
            raise StoreError(f"{self.name}: schema version {current} needs upgrading to {latest}; "
                             f"open it once for writing (e.g. `eventwire run`)")
        key = lock_key(f"{MIGRATION_LOCK}:{self._schema()}")
        self._execute("SELECT pg_advisory_lock(%s)", [key])  # a second first run waits here, then finds it done
        try:
            self._execute(q.CREATE_SCHEMA_VERSION)
            for migration in migrations[self.schema_version():]:
                with self._transaction(f"migration {migration.version:03d}_{migration.name}"):
                    self._execute(postgres_sql(migration.sql))
                    self._execute(pg_params(q.RECORD_MIGRATION), [migration.version, migration.name, now()])
        finally:
            self._execute("SELECT pg_advisory_unlock(%s)", [key])

    def _schema(self) -> str:
        return self._one("SELECT current_schema()")[0] or ""

    def schema_version(self) -> int:
        if self._one("SELECT to_regclass('schema_version')")[0] is None:
            return 0
        return int(self._one(q.SCHEMA_VERSION)[0])

    def _execute(self, sql: str, params: list[Any] | tuple | None = None) -> psycopg.Cursor:
        try:
            return self.con.execute(sql, params)
        except psycopg.OperationalError as exc:
            raise StoreError(f"{self.name}: lost the database connection: {str(exc).strip()}") from exc

    def _one(self, sql: str, params: list[Any] | None = None) -> tuple | None:
        return self._execute(sql, params).fetchone()

    @contextmanager
    def _transaction(self, what: str) -> Iterator[None]:
        """One transaction; a database error rolls it back and comes out as StoreError saying what failed."""
        try:
            with self.con.transaction():
                yield
        except psycopg.Error as exc:
            raise StoreError(f"{self.name}: {what} failed and was rolled back: {str(exc).strip()}") from exc

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold a database-wide lock named `name` (other eventwire processes wait for it)."""
        key = lock_key(f"{name}:{self._schema()}")
        self._execute("SELECT pg_advisory_lock(%s)", [key])
        try:
            yield
        finally:
            self._execute("SELECT pg_advisory_unlock(%s)", [key])

    # ---- writing -------------------------------------------------------------------------------------------
    def is_unchanged(self, article_id: str, raw_sha256: str) -> bool:
        row = self._one(pg_params(q.ARTICLE_HASH), [article_id])
        return row is not None and row[0] == raw_sha256

    def save(self, article: Article) -> SaveResult:
        (result,) = self.save_many([article])
        if result.error is not None:
            raise result.error
        return result

    def save_many(self, articles: Iterable[Article]) -> list[SaveResult]:
        """Save articles a batch per transaction; a failing batch is retried one article at a time."""
        results: list[SaveResult] = []
        batch: list[Article] = []
        for article in articles:
            if any(a.id == article.id for a in batch):  # a later copy must see the earlier one stored
                results += self._save_batch(batch)
                batch = []
            batch.append(article)
        return results + self._save_batch(batch)

    def _save_batch(self, batch: list[Article]) -> list[SaveResult]:
        if not batch:
            return []
        try:
            return self._write(batch)
        except Exception as exc:  # isolate the article at fault
            if len(batch) == 1:
                return [SaveResult(batch[0].id, FAILED, error=exc)]
            return [r for article in batch for r in self._save_batch([article])]

    def _write(self, batch: list[Article]) -> list[SaveResult]:
        what = f"saving article {batch[0].id!r}" if len(batch) == 1 else f"saving {len(batch)} articles"
        stamp = now()
        with self._transaction(what):
            # Lock the ids before reading their hashes: a concurrent writer of the same id waits here until
            # we commit, then finds our version (sorted keys: two writers never wait on each other in a cycle).
            keys = sorted({lock_key(a.id) for a in batch})
            self._execute("SELECT pg_advisory_xact_lock(k) FROM unnest(%s::bigint[]) AS k", [keys])
            stored = {row[0]: row[1:] for row in self._execute(
                "SELECT id, raw_sha256, first_seen FROM articles WHERE id = ANY(%s)", [[a.id for a in batch]])}
            results, todo = [], []
            for article in batch:
                if article.id in stored and stored[article.id][0] == article.raw_sha256:
                    results.append(SaveResult(article.id, UNCHANGED))
                    continue
                records = record_rows(article)
                results.append(SaveResult(article.id, CHANGED if article.id in stored else NEW,
                                          {t: len(r) for t, r in records.items()}))
                todo.append((article, records))
            changed = [a.id for a, _ in todo if a.id in stored]
            if changed:  # replace: drop the old version's rows, keep its first_seen
                for table in RECORD_TABLES:
                    self._execute(f"DELETE FROM {table} WHERE article_id = ANY(%s)", [changed])
                self._execute("DELETE FROM articles WHERE id = ANY(%s)", [changed])
            self._copy("articles", [(*article_row(a), stored.get(a.id, (None, stamp))[1], stamp) for a, _ in todo])
            for table in RECORD_TABLES:
                self._insert_records(table, [row for _, records in todo for row in records[table]])
        return results

    def _insert_records(self, table: str, rows: list[tuple]) -> None:
        self._copy(table, rows)

    def _copy(self, table: str, rows: list[tuple]) -> None:
        """Bulk load with COPY ... FROM STDIN (values travel as data, never as SQL)."""
        if not rows:
            return
        columns = ", ".join(f'"{c}"' for c in TABLES[table])
        with self.con.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(pg_row(table, row))

    def record_failure(self, failure: Failure, run_id: str | None = None) -> None:
        row = pg_row("failures", (run_id, failure.source, failure.stage, failure.article_id, failure.reason, now()))
        self._execute(pg_params(q.INSERT_FAILURE), row)

    def start_run(self, args: Mapping[str, Any] | None = None) -> str:
        started = now()
        run_id = f"{started:%Y%m%dT%H%M%S}-{uuid4().hex[:8]}"
        self._execute(pg_params(q.INSERT_RUN), [run_id, started, _no_nul(dumps(dict(args or {})), True),
                                                __version__])
        return run_id

    def finish_run(self, run_id: str, counts: Mapping[str, Any], seconds: float) -> None:
        self._execute(pg_params(q.FINISH_RUN), [now(), dumps(dict(counts)), float(seconds), run_id])

    def update_clusters(self, mapping: Mapping[str, str | None], clear: bool = False) -> int:
        with self._transaction("updating event clusters"):
            # One writer of cluster ids at a time: two runs clustering at once would otherwise deadlock.
            self._execute("SELECT pg_advisory_xact_lock(%s)", [lock_key(f"{CLUSTER_LOCK}:{self._schema()}")])
            if clear:
                self._execute(q.CLEAR_CLUSTERS)
            pairs = list(mapping.items())
            for start in range(0, len(pairs), q.CHUNK):
                chunk = pairs[start:start + q.CHUNK]
                self._execute("UPDATE events SET cluster_id = m.cluster_id "
                              "FROM unnest(%s::text[], %s::text[]) AS m(event_id, cluster_id) "
                              "WHERE events.id = m.event_id", [[k for k, _ in chunk], [v for _, v in chunk]])
        return len(mapping)

    def set_duplicate(self, article_id: str, duplicate_of: str | None) -> None:
        if not self._one(pg_params(q.ARTICLE_EXISTS), [article_id])[0]:
            raise StoreError(f"{self.name}: cannot mark unknown article {article_id!r} as a duplicate")
        self._execute(pg_params(q.SET_DUPLICATE), [duplicate_of, article_id])

    # ---- reading -------------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {table: int(self._one(sql)[0]) for table, sql in q.COUNT.items()}

    def _dicts(self, sql: str, params: list[Any] | tuple = ()) -> Iterator[dict[str, Any]]:
        # A client-side cursor of its own: the rows are fetched at once, so callers may nest other queries.
        with self.con.cursor() as cursor:
            try:
                cursor.execute(pg_params(sql), list(params))
            except psycopg.Error as exc:
                raise StoreError(f"{self.name}: query failed: {str(exc).strip()}") from exc
            names = [d.name for d in cursor.description]
            while batch := cursor.fetchmany(1000):
                for values in batch:
                    yield dict(zip(names, values, strict=True))

    def query(self, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
        """Run a read query with `?` parameters (never format user input into `sql`); rows as dicts."""
        return list(self._dicts(sql, params))

    def articles(self, outlet: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        params = [p for p in (outlet, limit) if p is not None]
        for row in self._dicts(q.select_articles(outlet is not None, limit is not None), params):
            yield decode(row, "articles")

    def load_article(self, article_id: str) -> Article | None:
        rows = list(self._dicts(q.SELECT_ARTICLE, [article_id]))
        if not rows:
            return None
        article = article_from_row(decode(rows[0], "articles"))
        records = {t: [decode(r, t) for r in self._dicts(q.SELECT_RECORDS[t], [article_id])] for t in RECORD_TABLES}
        article.quotes = [quote_from_row(r) for r in records["quotes"]]
        article.events = [event_from_row(r) for r in records["events"]]
        article.entities = [entity_from_row(r) for r in records["entities"]]
        article.labels = [label_from_row(r) for r in records["labels"]]
        return article

    def iter_records(self, table: str, **filters: Any) -> Iterator[dict[str, Any]]:
        if table not in RECORD_TABLES:
            raise StoreError(f"no record table {table!r}; choose from {sorted(RECORD_TABLES)}")
        try:
            sql = q.select_joined(table, tuple(filters))
        except ValueError as exc:
            raise StoreError(str(exc)) from exc
        for row in self._dicts(sql, list(filters.values())):
            yield decode(row, table)

    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; choose from {sorted(TABLES)}")
        return self._dicts(q.SELECT_TABLE[table])

    def arrow(self, table: str) -> pa.Table:
        """A whole table as a pyarrow Table with every column, even when empty (columnar exports)."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; choose from {sorted(TABLES)}")
        columns = TABLES[table]
        with self.con.cursor() as cursor:
            rows = cursor.execute(pg_params(q.SELECT_TABLE[table])).fetchall()
        return pa.table({c: pa.array([row[i] for row in rows]) for i, c in enumerate(columns)})

    def failures(self, run_id: str) -> list[dict[str, Any]]:
        return list(self._dicts(q.SELECT_FAILURES, [run_id]))

    def close(self) -> None:
        self.con.close()

    def __repr__(self) -> str:
        return f"PostgresStore({self.name!r}, read_only={self.read_only})"
