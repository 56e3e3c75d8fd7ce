"""Copy a whole store into a DuckDB file: how `eventwire serve` shows a PostgreSQL database.

The web app reads DuckDB (in-memory indexes, DuckDB SQL), so for a
`postgresql://` address the server first copies every table into a fresh
DuckDB file and serves that: a consistent snapshot as of the server's
start (restart it to show newer runs). Rows travel through pyarrow in
chunks, so memory stays bounded and no value enters SQL.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from .base import Store
from .duckdb_backend import DuckDBStore
from .rows import TABLES

CHUNK = 10_000


def copy_store(source: Store, target: DuckDBStore) -> dict[str, int]:
    """Copy every row of every table from `source` into the empty `target`, in one transaction; rows per table."""
    copied: dict[str, int] = {}
    with target._transaction(f"copying {source!r}"):
        for table, columns in TABLES.items():
            rows = (tuple(row[c] for c in columns) for row in source.rows(table))
            copied[table] = 0
            while chunk := list(islice(rows, CHUNK)):
                target._insert_rows(table, chunk)
                copied[table] += len(chunk)
    return copied


def snapshot(url: str, path: str) -> dict[str, int]:
    """Copy the store at `url` (read-only) into a new DuckDB file at `path`; rows per table."""
    from . import open_store

    with open_store(url, read_only=True) as source, DuckDBStore(path) as target:
        return copy_store(source, target)


@contextmanager
def duckdb_copy(db: str, note: Callable[[str], None] = lambda message: None) -> Iterator[str]:
    """A DuckDB path to serve `db` from: `db` itself, or for a PostgreSQL address a snapshot
    in a temporary folder (removed on exit); `note` hears what was copied."""
    if not db.startswith(("postgresql://", "postgres://")):
        yield db
        return
    from .postgres_backend import redact

    with tempfile.TemporaryDirectory(prefix="eventwire-serve-") as work:
        path = str(Path(work) / "snapshot.duckdb")
        copied = snapshot(db, path)
        note(f"serving a snapshot of {redact(db)} ({copied['articles']} articles, {copied['events']} events); "
             f"restart the server to show later runs")
        yield path
