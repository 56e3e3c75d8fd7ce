"""The embedded DuckDB backend (the default store).

DuckDB lets one process write a database file at a time; a second process
gets a lock error, which we turn into a `StoreError` naming the file and the
process holding it. Every article is written in one transaction, so a crash
or error mid-save leaves the previous version intact.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import StoreError
from ..model import Article
from . import queries as q
from .base import SaveResult, SQLStore, now
from .migrations import Migration, load_migrations
from .rows import RECORD_TABLES, TABLES

_PID = re.compile(r"PID (\d+)")


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


class DuckDBStore(SQLStore):
    """A `Store` in one DuckDB file (or `:memory:`)."""

    def __init__(self, path: str, read_only: bool = False, migrations: list[Migration] | None = None):
        self.url = path
        self.path = self.name = path
        self.read_only = read_only
        self.con = connect(path, read_only=read_only)
        try:
            self._migrate(load_migrations() if migrations is None else migrations)
        except BaseException:
            self.con.close()
            raise

    # ---- schema --------------------------------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self._one("SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'")[0]
        return int(self._one(q.SCHEMA_VERSION)[0]) if exists else 0

    def _one(self, sql: str, params: list[Any] | None = None) -> tuple | None:
        """The first row of a small query, fully fetched (DuckDB refuses new work while a result is open)."""
        rows = self.con.execute(sql, params or []).fetchall()
        return rows[0] if rows else None

    def _run(self, sql: str, params: list[Any] | None = None) -> None:
        self.con.execute(sql, params or [])

    def _transaction(self, what: str) -> _Transaction:
        return _Transaction(self.con, self.path, what)

    def _apply_migration(self, sql: str) -> None:
        self.con.execute(sql)

    # ---- writing -------------------------------------------------------------------------------------------
    def _write(self, batch: list[Article]) -> list[SaveResult]:
        stored = {row[0]: row[1:] for row in self.con.execute(q.ARTICLE_HASHES, [[a.id for a in batch]]).fetchall()}
        results, todo = self._plan(batch, stored)
        if not todo:
            return results
        what = f"saving article {batch[0].id!r}" if len(batch) == 1 else f"saving {len(todo)} articles"
        stamp = now()
        with self._transaction(what):
            self._replace(todo, stored, stamp)
        return results

    def _delete_articles(self, article_ids: list[str]) -> None:
        for table in RECORD_TABLES:
            self.con.execute(q.DELETE_RECORDS[table], [article_ids])
        self.con.execute(q.DELETE_ARTICLES, [article_ids])

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

    def update_clusters(self, mapping: Mapping[str, str | None], clear: bool = False) -> int:
        with self._transaction("updating event clusters"):
            if clear:
                self.con.execute(q.CLEAR_CLUSTERS)
            pairs = list(mapping.items())
            for start in range(0, len(pairs), q.CHUNK):
                chunk = pairs[start:start + q.CHUNK]
                self.con.execute(q.update_clusters(len(chunk)), [value for pair in chunk for value in pair])
        return len(mapping)

    # ---- reading -------------------------------------------------------------------------------------------
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

    def arrow(self, table: str):
        """A whole table as a pyarrow Table (columnar exports)."""
        sql = q.SELECT_TABLE[self._table(table)]
        cursor = self.con.cursor()
        try:
            return cursor.sql(sql).to_arrow_table()
        finally:
            cursor.close()

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

