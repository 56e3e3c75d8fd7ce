"""Read-only access to the store's DuckDB file for the web app.

One read-only connection per app, opened through `eventwire.store` (which
checks the schema version); each worker thread gets its own cursor, because
a DuckDB connection must not be used by two threads at once (a cursor is a
duplicate connection that may). While we hold the file read-only no other
process can write it, so aggregates are computed once and cached.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import yaml

from ..errors import DataFileError
from ..store import open_store
from ..store.rows import decode

ONTOLOGY = Path(__file__).resolve().parents[1] / "events" / "data" / "ontology.yaml"


@cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types, from the events stage's ontology file (the one list we validate against)."""
    try:
        data = yaml.safe_load(ONTOLOGY.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(str(ONTOLOGY), f"cannot read the PLOVER ontology: {exc}") from exc
    events = data.get("events") if isinstance(data, dict) else None
    if not isinstance(events, dict) or not events:
        raise DataFileError(str(ONTOLOGY), "expected a mapping of event types", key="events")
    return tuple(events)


class Database:
    """A read-only view of one eventwire database, shared by all requests."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self._store = open_store(self.path, read_only=True)  # StoreError names the file and the reason
        self._local = threading.local()
        self._cache: dict[str, Any] = {}
        self._lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """This thread's cursor on the shared read-only connection."""
        cur = getattr(self._local, "cursor", None)
        if cur is None:
            cur = self._local.cursor = self._store.con.cursor()
        return cur

    def rows(self, sql: str, params: list[Any] | tuple = (), table: str | None = None) -> list[dict[str, Any]]:
        """Run a parameterised read query; rows as dicts (JSON columns of `table` decoded)."""
        cur = self.cursor().execute(sql, list(params))
        names = [d[0] for d in cur.description]
        out = [dict(zip(names, values, strict=True)) for values in cur.fetchall()]
        return [decode(r, table) for r in out] if table else out

    def value(self, sql: str, params: list[Any] | tuple = ()) -> Any:
        row = self.cursor().execute(sql, list(params)).fetchone()
        return row[0] if row else None

    def stream(self, sql: str, params: list[Any] | tuple = (), table: str | None = None,
               batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Rows one by one from a cursor of their own (downloads are iterated from several threads in turn)."""
        cur = self._store.con.cursor()
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
        self._store.close()
