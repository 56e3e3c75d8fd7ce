"""Parquet partitions: what Dask workers write, and `eventwire load` merges into the database.

Layout under the target folder or object-store URI (`s3://bucket/run1`, `gs://...`
through pyarrow's file systems)::

    articles/article_date=2026-03-05/part-00003.parquet
    quotes/article_date=2026-03-05/part-00003.parquet
    events/... entities/... labels/... failures/...

Each table has the store's columns (`rows.py`; JSON columns hold JSON text) plus
`article_date`, the partition key (`unknown` for undated articles), also kept as a
directory name (Hive style) so DuckDB, Spark or pandas can prune by date. Every
task writes its own `part-*` file names, so workers never write the same file.
The `failures` table holds ingest and stage failures (`attached` tells whether a
failure belongs to an article's record or stands alone).

`load_parquet(store, in_dir)` rebuilds each article with its records and saves it
through the store's normal `run` path: unchanged articles are skipped, so loading
the same folder twice adds nothing.
"""

from __future__ import annotations

import logging
import posixpath
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from ..errors import StoreError
from ..model import Article, Failure
from .base import Store
from .rows import (
    ARTICLE_COLUMNS,
    RECORD_TABLES,
    article_from_row,
    article_row,
    decode,
    entity_from_row,
    event_from_row,
    label_from_row,
    place_from_row,
    quote_from_row,
    record_rows,
)

log = logging.getLogger(__name__)

PARTITION = "article_date"
UNDATED = "unknown"
_INT_COLUMNS = {"idx", "start", "end", "cue_start", "cue_end", "speaker_start", "speaker_end"}
_BOOL_COLUMNS = {"floating", "negated", "hypothetical", "future", "attached"}
_FLOAT_COLUMNS = {"confidence", "lat", "lon"}  # events' confidence, places' coordinates
_ID_COLUMNS = {"geonames_id"}
_ARTICLE_COLUMNS = tuple(c for c in ARTICLE_COLUMNS if c not in ("first_seen", "updated"))
FAILURE_COLUMNS = ("source", "stage", "article_id", "reason", "attached")
COLUMNS = {"articles": _ARTICLE_COLUMNS, **RECORD_TABLES, "failures": FAILURE_COLUMNS}


def _arrow_type(column: str) -> pa.DataType:
    if column in _INT_COLUMNS or column in _ID_COLUMNS:
        return pa.int64()
    if column in _FLOAT_COLUMNS:
        return pa.float64()
    if column in _BOOL_COLUMNS:
        return pa.bool_()
    if column == "strength":
        return pa.float64()
    return pa.string()


SCHEMAS = {table: pa.schema([(c, _arrow_type(c)) for c in cols] + [(PARTITION, pa.string())])
           for table, cols in COLUMNS.items()}


def filesystem(uri: str) -> tuple[pafs.FileSystem, str]:
    """(file system, root path) for a local folder or an object-store URI."""
    if "://" in uri and not uri.startswith("file://"):
        try:
            return pafs.FileSystem.from_uri(uri)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError, OSError) as exc:
            raise StoreError(f"{uri}: cannot open this location with pyarrow: {exc}") from exc
    return pafs.LocalFileSystem(), str(Path(uri.removeprefix("file://")).expanduser().resolve())


# ---- writing ---------------------------------------------------------------------------------------------------

def _rows_of(items: Iterable[Article | Failure]) -> dict[str, dict[str, list[tuple]]]:
    """Rows per table per date partition."""
    rows: dict[str, dict[str, list[tuple]]] = {table: defaultdict(list) for table in COLUMNS}
    for item in items:
        if isinstance(item, Failure):
            rows["failures"][UNDATED].append((item.source, item.stage, item.article_id, item.reason, False))
            continue
        day = item.date or UNDATED
        rows["articles"][day].append(article_row(item))
        for table, table_rows in record_rows(item).items():
            if table_rows:
                rows[table][day].extend(table_rows)
        for failure in item.failures:
            rows["failures"][day].append((failure.source, failure.stage, failure.article_id, failure.reason, True))
    return rows


def write_partitions(items: Iterable[Article | Failure], out_dir: str, part: str) -> dict[str, int]:
    """Write processed items as `<table>/article_date=<date>/<part>.parquet` under `out_dir`; rows per table."""
    fs, root = filesystem(out_dir)
    counts = {}
    for table, by_day in _rows_of(items).items():
        counts[table] = 0
        for day, rows in sorted(by_day.items()):
            folder = posixpath.join(root, table, f"{PARTITION}={day}")
            fs.create_dir(folder, recursive=True)
            columns = list(zip(*rows, strict=True)) + [[day] * len(rows)]
            data = pa.Table.from_arrays([pa.array(col, type=f.type) for col, f in zip(columns, SCHEMAS[table],
                                                                                      strict=True)],
                                        schema=SCHEMAS[table])
            pq.write_table(data, posixpath.join(folder, f"{part}.parquet"), filesystem=fs)
            counts[table] += len(rows)
    return counts


# ---- reading ---------------------------------------------------------------------------------------------------

def _part_files(fs: pafs.FileSystem, root: str, table: str) -> list[str]:
    """Relative paths (`article_date=.../part.parquet`) of a table's files, sorted."""
    base = posixpath.join(root, table)
    info = fs.get_file_info(base)
    if info.type != pafs.FileType.Directory:
        return []
    found = fs.get_file_info(pafs.FileSelector(base, recursive=True))
    return sorted(posixpath.relpath(f.path, base) for f in found
                  if f.type == pafs.FileType.File and f.path.endswith(".parquet"))


def _read(fs: pafs.FileSystem, root: str, table: str, rel: str) -> list[dict[str, Any]]:
    path = posixpath.join(root, table, rel)
    if fs.get_file_info(path).type != pafs.FileType.File:
        return []
    try:
        data = pq.read_table(path, filesystem=fs, columns=list(COLUMNS[table]))
    except (pa.ArrowException, OSError) as exc:
        raise StoreError(f"{path}: not a readable {table} Parquet file: {exc}") from exc
    return data.to_pylist()


def read_partitions(in_dir: str) -> Iterator[Article | Failure]:
    """Articles (with all their records) and failures from a Parquet folder, one part file at a time.

    Raises StoreError at once (not while iterating) when the folder holds no partitions.
    """
    fs, root = filesystem(in_dir)
    if fs.get_file_info(root).type != pafs.FileType.Directory:
        raise StoreError(f"{in_dir}: no such folder of Parquet partitions")
    parts = sorted(set(_part_files(fs, root, "articles")) | set(_part_files(fs, root, "failures")))
    if not parts:
        raise StoreError(f"{in_dir}: no Parquet partitions found (expected articles/{PARTITION}=.../*.parquet)")
    return (item for rel in parts for item in _articles_of_part(fs, root, rel))


def _articles_of_part(fs: pafs.FileSystem, root: str, rel: str) -> Iterator[Article | Failure]:
    records = {table: defaultdict(list) for table in RECORD_TABLES}
    for table in RECORD_TABLES:
        for row in _read(fs, root, table, rel):
            records[table][row["article_id"]].append(decode(row, table))
    attached: dict[str, list[Failure]] = defaultdict(list)
    for row in _read(fs, root, "failures", rel):
        failure = Failure(source=row["source"], stage=row["stage"], reason=row["reason"],
                          article_id=row["article_id"])
        if row["attached"]:
            attached[failure.article_id or ""].append(failure)
        else:
            yield failure
    for row in _read(fs, root, "articles", rel):
        article = article_from_row(decode(row, "articles"))
        by_idx = {t: sorted(records[t].get(article.id, []), key=lambda r: r["idx"]) for t in RECORD_TABLES}
        article.quotes = [quote_from_row(r) for r in by_idx["quotes"]]
        article.events = [event_from_row(r) for r in by_idx["events"]]
        article.entities = [entity_from_row(r) for r in by_idx["entities"]]
        article.labels = [label_from_row(r) for r in by_idx["labels"]]
        article.places = [place_from_row(r) for r in by_idx.get("places", [])]
        article.failures = attached.get(article.id, [])
        yield article


def load_parquet(store: Store, in_dir: str, args: dict[str, Any] | None = None,
                 cluster: Callable[[Store], dict[str, Any] | None] | None = None) -> dict[str, Any]:
    """Merge the Parquet partitions under `in_dir` into `store`; returns the run summary counts.

    Goes through `eventwire.store.run.run` with no processing, so it is idempotent
    (articles stored with the same hash are skipped) and logged as a run;
    `cluster` as for `run`.
    """
    from .run import run

    summary = run(read_partitions(in_dir), store, args=args or {"command": "load", "in_dir": in_dir},
                  process=lambda items: items, cluster=cluster)
    return {"run_id": summary.run_id, **summary.counts()}
