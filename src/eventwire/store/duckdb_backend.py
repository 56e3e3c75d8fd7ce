"""The embedded DuckDB backend (the default store).

DuckDB lets one process write a database file at a time; a second process
gets a lock error, which we turn into a `StoreError` naming the file and the
process holding it. Every article is written in one transaction, so a crash
or error mid-save leaves the previous version intact.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import uuid4

import duckdb
import pyarrow as pa

from .. import __version__
from ..errors import StoreError
from ..model import Article, Failure
from . import queries as q
from .base import CHANGED, FAILED, NEW, UNCHANGED, SaveResult, Store
from .migrations import Migration, load_migrations
from .rows import (
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

_PID = re.compile(r"PID (\d+)")


def now() -> datetime:
    """UTC time without tzinfo (TIMESTAMP columns hold UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


def connect(path: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open a DuckDB file, turning lock and corruption errors into StoreError."""
    if path != ":memory:":
        parent = Path(path).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"{path}: cannot create the database, folder {parent} does not exist")
        if read_only and not Path(path).exists():
            raise StoreError(f"{path}: no such database (run `eventwire run ... --db {path}` first)")
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            pid = _PID.search(message)
            holder = f" (PID {pid.group(1)})" if pid else ""
            raise StoreError(
                f"{path}: the database is locked by another process{holder}, probably another eventwire "
                f"run or server; DuckDB allows one writer at a time. Wait for it to finish or use another --db."
            ) from exc
        raise StoreError(f"{path}: cannot open the database: {message}") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{path}: not a usable DuckDB database: {exc}") from exc


class DuckDBStore(Store):
    """A `Store` in one DuckDB file (or `:memory:`)."""

    def __init__(self, path: str, read_only: bool = False, migrations: list[Migration] | None = None):
        self.url = path
        self.path = path
        self.read_only = read_only
        self.con = connect(path, read_only=read_only)
        try:
            self._migrate(load_migrations() if migrations is None else migrations)
        except BaseException:
            self.con.close()
            raise

    # ---- schema --------------------------------------------------------------------------------------------
    def _migrate(self, migrations: list[Migration]) -> None:
        """Apply the migrations this file lacks, each in its own transaction."""
        current = self.schema_version()
        latest = migrations[-1].version if migrations else 0
        if current > latest:
            raise StoreError(f"{self.path}: schema version {current} is newer than this eventwire "
                             f"({__version__}, version {latest}); upgrade eventwire")
        if current == latest:
            return
        if self.read_only:
            raise StoreError(f"{self.path}: schema version {current} needs upgrading to {latest}; "
                             f"open it once for writing (e.g. `eventwire run`)")
        self.con.execute(q.CREATE_SCHEMA_VERSION)
        for migration in migrations[current:]:
            with self._transaction(f"migration {migration.version:03d}_{migration.name}"):
                self.con.execute(migration.sql)
                self.con.execute(q.RECORD_MIGRATION, [migration.version, migration.name, now()])

    def schema_version(self) -> int:
        exists = self._one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")[0]
        return int(self._one(q.SCHEMA_VERSION)[0]) if exists else 0

    def _one(self, sql: str, params: list[Any] | None = None) -> tuple | None:
        """The first row of a small query, fully fetched (DuckDB refuses new work while a result is open)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0] if rows else None

    def _transaction(self, what: str):
        return _Transaction(self.con, self.path, what)

    # ---- writing -------------------------------------------------------------------------------------------
    def is_unchanged(self, article_id: str, raw_sha256: str) -> bool:
        row = self._one(q.ARTICLE_HASH, [article_id])
        return row is not None and row[0] == raw_sha256

    def save(self, article: Article) -> SaveResult:
        (result,) = self.save_many([article])
        if result.error is not None:
            raise result.error
        return result

    def save_many(self, articles: Iterable[Article]) -> list[SaveResult]:
        """Save articles in as few transactions as possible; one bad article does not sink the others.

        A batch is written in one transaction (bulk inserts are ~10x faster
        than one per article). If it fails, each article is retried alone, so
        a failure leaves exactly that article's previous version and comes
        back as a result with status "failed" and the `error`.
        """
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
        stored = {row[0]: row[1:] for row in self.con.execute(q.ARTICLE_HASHES, [[a.id for a in batch]]).fetchall()}
        results, todo = [], []
        for article in batch:
            if article.id in stored and stored[article.id][0] == article.raw_sha256:
                results.append(SaveResult(article.id, UNCHANGED))
                continue
            records = record_rows(article)
            results.append(SaveResult(article.id, CHANGED if article.id in stored else NEW,
                                      {t: len(r) for t, r in records.items()}))
            todo.append((article, records))
        if not todo:
            return results
        what = f"saving article {batch[0].id!r}" if len(batch) == 1 else f"saving {len(todo)} articles"
        stamp = now()
        with self._transaction(what):
            changed = [a.id for a, _ in todo if a.id in stored]
            if changed:  # replace: drop the old version's rows, keep its first_seen
                for table in RECORD_TABLES:
                    self.con.execute(q.DELETE_RECORDS[table], [changed])
                self.con.execute(q.DELETE_ARTICLES, [changed])
            self._insert_rows("articles", [(*article_row(a), stored.get(a.id, (None, stamp))[1], stamp)
                                           for a, _ in todo])
            for table in RECORD_TABLES:
                self._insert_records(table, [row for _, records in todo for row in records[table]])
        return results

    def _insert_records(self, table: str, rows: list[tuple]) -> None:
        self._insert_rows(table, rows)

    def _insert_rows(self, table: str, rows: list[tuple]) -> None:
        """Bulk insert through an Arrow table registered under a fixed name (data never enters the SQL)."""
        if not rows:
            return
        columns = TABLES[table]
        data = pa.Table.from_arrays([pa.array([row[i] for row in rows]) for i in range(len(columns))],
                                    names=list(columns))
        self.con.register(q.STAGING, data)
        try:
            self.con.execute(q.INSERT_STAGED[table])
        finally:
            self.con.unregister(q.STAGING)

    def record_failure(self, failure: Failure, run_id: str | None = None) -> None:
        self.con.execute(q.INSERT_FAILURE, [run_id, failure.source, failure.stage, failure.article_id,
                                            failure.reason, now()])

    def start_run(self, args: Mapping[str, Any] | None = None) -> str:
        started = now()
        run_id = f"{started:%Y%m%dT%H%M%S}-{uuid4().hex[:8]}"
        self.con.execute(q.INSERT_RUN, [run_id, started, dumps(dict(args or {})), __version__])
        return run_id

    def finish_run(self, run_id: str, counts: Mapping[str, Any], seconds: float) -> None:
        self.con.execute(q.FINISH_RUN, [now(), dumps(dict(counts)), float(seconds), run_id])

    def update_clusters(self, mapping: Mapping[str, str | None], clear: bool = False) -> int:
        with self._transaction("updating event clusters"):
            if clear:
                self.con.execute(q.CLEAR_CLUSTERS)
            pairs = list(mapping.items())
            for start in range(0, len(pairs), q.CHUNK):
                chunk = pairs[start:start + q.CHUNK]
                self.con.execute(q.update_clusters(len(chunk)), [value for pair in chunk for value in pair])
        return len(mapping)

    def set_duplicate(self, article_id: str, duplicate_of: str | None) -> None:
        if not self._one(q.ARTICLE_EXISTS, [article_id])[0]:
            raise StoreError(f"{self.path}: cannot mark unknown article {article_id!r} as a duplicate")
        self.con.execute(q.SET_DUPLICATE, [duplicate_of, article_id])

    # ---- reading -------------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {table: int(self._one(sql)[0]) for table, sql in q.COUNT.items()}

    def _dicts(self, sql: str, params: list[Any] | tuple = ()) -> Iterator[dict[str, Any]]:
        # A cursor of its own, so callers may run other queries (or nested iterations) mid-way.
        cursor = self.con.cursor()
        try:
            cursor.execute(sql, list(params))
            names = [d[0] for d in cursor.description]
            while batch := cursor.fetchmany(1000):
                for values in batch:
                    yield dict(zip(names, values, strict=True))
        finally:
            cursor.close()

    def query(self, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
        """Run a read query with `?` parameters (never format user input into `sql`); rows as dicts.

        This is backend-specific SQL: prefer the typed methods where they exist.
        """
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

    def arrow(self, table: str):
        """A whole table as a pyarrow Table (columnar exports)."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; choose from {sorted(TABLES)}")
        cursor = self.con.cursor()
        try:
            return cursor.sql(q.SELECT_TABLE[table]).to_arrow_table()
        finally:
            cursor.close()

    def failures(self, run_id: str) -> list[dict[str, Any]]:
        return list(self._dicts(q.SELECT_FAILURES, [run_id]))

    def close(self) -> None:
        self.con.close()

    def __repr__(self) -> str:
        return f"DuckDBStore({self.path!r}, read_only={self.read_only})"


class _Transaction:
    """BEGIN ... COMMIT, or ROLLBACK on any error (re-raised as StoreError for database errors)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, what: str):
        self.con, self.path, self.what = con, path, what

    def __enter__(self) -> None:
        self.con.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            self.con.execute("COMMIT")
            return False
        self.con.execute("ROLLBACK")
        if isinstance(exc, duckdb.Error):
            raise StoreError(f"{self.path}: {self.what} failed and was rolled back: {exc}") from exc
        return False

