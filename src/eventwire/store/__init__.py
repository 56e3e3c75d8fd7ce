"""The database: articles and every record found in them, plus runs and failures.

    from eventwire.store import open_store
    with open_store("eventwire.duckdb") as store:
        result = store.save(article)        # SaveResult: new | changed | unchanged
        for event in store.iter_events(outlet="Example Times"):
            ...

`open_store` picks the backend from the address: a file path (or
`duckdb:///path`, or `:memory:`) gives the embedded DuckDB store; a
`postgresql://` address is reserved for the PostgreSQL backend of a later
issue and is refused with a clear message until then.
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

    `read_only=True` never creates or upgrades a file; use it for readers
    such as `export` and the web server. Raises StoreError when the file is
    locked by another process, has a newer schema, or cannot be opened.
    """
    target = str(url_or_path)
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError(f"{target.split('@')[-1]}: the PostgreSQL backend is not available in this version; "
                         f"use a DuckDB file path for --db")
    target = target.removeprefix("duckdb://")  # duckdb:///abs/path, duckdb://rel/path, duckdb://:memory:
    if "://" in target:
        raise StoreError(f"{target}: unknown database address; give a file path (DuckDB)")
    return DuckDBStore(target, read_only=read_only)
