"""The database: articles and every record found in them, plus runs and failures.

    from eventwire.store import open_store
    with open_store("eventwire.duckdb") as store:
        result = store.save(article)        # SaveResult: new | changed | unchanged
        for event in store.iter_events(outlet="Example Times"):
            ...

`open_store` picks the backend from the address: a file path (or
`duckdb:///path`, or `:memory:`) gives the embedded DuckDB store; a
`postgresql://user:password@host/db` address gives the PostgreSQL store
(`postgres_backend.py`), which several processes may write at once.
"""

from __future__ import annotations

from ..errors import StoreError
from .base import CHANGED, FAILED, NEW, UNCHANGED, SaveResult, Store
from .duckdb_backend import DuckDBStore
from .export import FORMATS, export

__all__ = ["CHANGED", "FAILED", "FORMATS", "NEW", "UNCHANGED", "DuckDBStore", "SaveResult", "Store", "StoreError",
           "export", "open_store"]


def open_store(url_or_path: str = "eventwire.duckdb", read_only: bool = False) -> Store:
    """Open (creating and migrating as needed) the store at a path or URL.

    `read_only=True` never creates or upgrades a file or schema; use it for
    readers such as `export` and the web server. Raises StoreError when the
    file is locked by another process, the server cannot be reached, the
    schema is newer, or the database cannot be opened.
    """
    target = str(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        from .postgres_backend import PostgresStore  # psycopg is only imported when asked for

        return PostgresStore(target, read_only=read_only)
    target = target.removeprefix("duckdb://")  # duckdb:///abs/path, duckdb://rel/path, duckdb://:memory:
    if "://" in target:
        raise StoreError(f"{target}: unknown database address; give a file path (DuckDB) or a "
                         f"postgresql:// URL")
    return DuckDBStore(target, read_only=read_only)
