"""Read-only access to the store's DuckDB file for the web app.

The file is first opened through `eventwire.store` (which checks the schema
version and turns lock errors into messages naming the file), then attached
READ_ONLY to an in-memory DuckDB database that holds the app's own index
tables (see `queries.index_sql`), built once at start. Unqualified table
names resolve in the attached file. Each worker thread gets its own cursor,
because a DuckDB connection must not be used by two threads at once (a
cursor is a duplicate connection that may). While we hold the file
read-only no other process can write it, so indexes and aggregates stay valid.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import duckdb

from ..datafiles import read_yaml
from ..errors import DataFileError
from ..store import open_store
from ..store.rows import decode

COUNT_CACHE = 1024  # list totals remembered (oldest dropped first)
CATALOG = "ew"  # the attached database file
ONTOLOGY = Path(__file__).resolve().parents[1] / "events" / "data" / "ontology.yaml"


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types, from the events stage's ontology file (the one list we validate against)."""
    events = read_yaml(ONTOLOGY).get("events")
    if not isinstance(events, dict) or not events:
        raise DataFileError(str(ONTOLOGY), "expected a mapping of event types", key="events")
    return tuple(events)


class Database:
    """A read-only view of one eventwire database, shared by all requests."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        open_store(self.path, read_only=True).close()  # StoreError names the file and the reason
        self._con = duckdb.connect(":memory:")
        quoted = str(Path(self.path).resolve()).replace("'", "''")  # a path from the server's own config
        self._con.execute(f"ATTACH '{quoted}' AS {CATALOG} (READ_ONLY)")
        self._con.execute(f"USE {CATALOG}")
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._cache: dict[str, Any] = {}
        self._counts: dict[tuple, int] = {}
        self._lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the shared read-only connection."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self._local.cursor = self._new_cursor()
        return cur

    def _new_cursor(self) -> duckdb.DuckDBPyConnection:
        cur = self._con.cursor()
        cur.execute(f"USE {CATALOG}")
        with self._lock:
            self._cursors.append(cur)
        return cur

    def prepare(self, statements: tuple[str, ...]) -> None:
        """Build the in-memory index tables (once, before serving)."""
        for sql in statements:
            self._con.execute(sql)

    def rows(self, sql: str, params: list[Any] | tuple = (), table: str | None = None) -> list[dict[str, Any]]:
        """Run a parameterised read query; rows as dicts (JSON columns of `table` decoded)."""
        cur = self.cursor().execute(sql, list(params))
        names = [d[0] for d in cur.description]
        out = [dict(zip(names, values, strict=True)) for values in cur.fetchall()]
        return [decode(r, table) for r in out] if table else out

    def value(self, sql: str, params: list[Any] | tuple = ()) -> Any:
        row = self.cursor().execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def count(self, sql: str, params: list[Any] | tuple = ()) -> int:
        """A `SELECT count(*)` remembered per statement and parameters (paging repeats it; the file is fixed)."""
        key = (sql, tuple(str(p) for p in params))
        value = self._counts.get(key)
        if value is None:
            value = int(self.value(sql, params) or 0)
            with self._lock:
                if len(self._counts) >= COUNT_CACHE:
                    self._counts.pop(next(iter(self._counts)))
                self._counts[key] = value
        return value

    def stream(self, sql: str, params: list[Any] | tuple = (), table: str | None = None,
               batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Rows one by one from a cursor of their own (downloads are iterated from several threads in turn)."""
        cur = self._new_cursor()
        try:
            cur.execute(sql, list(params))
            names = [d[0] for d in cur.description]
            while chunk := cur.fetchmany(batch):
                for values in chunk:
                    row = dict(zip(names, values, strict=True))
                    yield decode(row, table) if table else row
        finally:
            cur.close()

    def cached(self, key: str, factory: Callable[[], Any]) -> Any:
        """Compute an aggregate once (the file cannot change while we hold it read-only)."""
        if key not in self._cache:
            value = factory()
            with self._lock:
                self._cache.setdefault(key, value)
        return self._cache[key]

    def close(self) -> None:
        with self._lock:
            for cur in self._cursors:
                cur.close()
            self._cursors.clear()
        self._con.close()
