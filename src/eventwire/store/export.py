"""Dump a store: PLOVER JSONL of events, or every table as CSV or Parquet files.

- `plover`: one event per line (PLOVER field names, see docs/records.md) with
  the reporting article's url, outlet and title; to a file or stdout.
- `csv` / `parquet`: one file per table (`articles.csv`, `quotes.csv`,
  `events.csv`, `entities.csv`, `labels.csv`, `places.csv`, `runs.csv`, `failures.csv`)
  into a folder, created if missing; existing files of those names are
  replaced. JSON columns (actor, recipient, event_loc, mentions...) hold JSON text.

Events are counted once per occurrence (`mentions` lists every mention in
the article). With `min_confidence`, events below it (kept in the store) are
left out of the `plover` lines and of the events file; events without a
confidence are always written.

Files are written with pyarrow, so no output path ever enters a SQL string.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from ..errors import StoreError
from ..model import is_counted
from .base import Store
from .rows import TABLES

FORMATS = ("plover", "csv", "parquet")
PLOVER_FIELDS = ("id", "article_id", "event", "mode", "context", "actor", "recipient", "date", "event_loc",
                 "event_text", "text_info", "quote_id", "requested", "negated", "hypothetical", "future", "rule",
                 "trigger", "cluster_id", "mentions", "confidence", "url", "outlet", "title")


def plover_records(store: Store, min_confidence: float | None = None) -> Iterator[dict[str, Any]]:
    """Every stored event counted at `min_confidence` as a PLOVER dict, in article id then event order."""
    for row in store.iter_events():
        if is_counted(row["confidence"], min_confidence):
            yield {name: row[name] for name in PLOVER_FIELDS}


def export(store: Store, fmt: str, out: str | Path | None = None,
           min_confidence: float | None = None) -> dict[str, int]:
    """Write the store in `fmt` to `out`; returns {file written: rows}.

    `out` is a file for `plover` (None or "-" = stdout) and a folder for
    `csv`/`parquet` (required). Raises StoreError for an unknown format or
    an unusable output path. `min_confidence` leaves out events below it (None: every event).
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "plover":
        if out is None or str(out) == "-":
            return {"<stdout>": _write_plover(store, sys.stdout, min_confidence)}
        path = Path(out)
        _check_parent(path)
        with path.open("w", encoding="utf-8") as fh:
            return {str(path): _write_plover(store, fh, min_confidence)}
    if out is None or str(out) == "-":
        raise StoreError(f"--format {fmt} writes one file per table: give a folder with -o/--output")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder}: --format {fmt} needs a folder, and this is a file")
    _check_parent(folder)
    folder.mkdir(exist_ok=True)
    written = {}
    for table in TABLES:
        data = table_arrow(store, table)
        if table == "events" and min_confidence is not None:
            data = data.filter(pc.or_kleene(pc.is_null(data["confidence"]),
                                            pc.greater_equal(data["confidence"], min_confidence)))
        path = folder / f"{table}.{fmt}"
        if fmt == "csv":
            pa_csv.write_csv(data, path)
        else:
            pq.write_table(data, path)
        written[str(path)] = data.num_rows
    return written


def table_arrow(store: Store, table: str) -> pa.Table:
    """A table as pyarrow: the backend's own columnar path when it has one."""
    native = getattr(store, "arrow", None)
    if native is not None:
        data = native(table)
    else:
        data = pa.Table.from_pylist(list(store.rows(table)))
    # JSON columns arrive as an arrow extension type from some backends; plain strings write everywhere.
    fields = [pa.field(f.name, pa.string()) if _is_json(f.type) else f for f in data.schema]
    return data.cast(pa.schema(fields))


def _is_json(arrow_type: pa.DataType) -> bool:
    return isinstance(arrow_type, pa.ExtensionType) and "json" in str(arrow_type).lower()


def _write_plover(store: Store, fh: IO[str], min_confidence: float | None) -> int:
    n = 0
    for record in plover_records(store, min_confidence):
        fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _check_parent(path: Path) -> None:
    if not path.resolve().parent.is_dir():
        raise StoreError(f"{path}: folder {path.resolve().parent} does not exist")
