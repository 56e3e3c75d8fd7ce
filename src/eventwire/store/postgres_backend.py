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
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import psycopg
import pyarrow as pa
from psycopg.conninfo import conninfo_to_dict
from psycopg.types.string import TextLoader

from ..errors import StoreError
from ..model import Article
from . import queries as q
from .base import SaveResult, SQLStore, now
from .migrations import Migration, load_migrations
from .rows import JSON_COLUMNS, RECORD_TABLES, TABLES

# DuckDB type names PostgreSQL spells differently (JSONB: indexable, and decoded the same by rows.decode).
# Text sorts by code point as in DuckDB (COLLATE "C"), whatever the server's locale: the same ORDER BY
# gives the same order on both backends, and cross-article steps (clustering) see articles in one order.
_TYPES = ((re.compile(r"\bJSON\b"), "JSONB"), (re.compile(r"\bDOUBLE\b(?!\s+PRECISION)"), "DOUBLE PRECISION"),
          (re.compile(r"\bVARCHAR\b(?!\s+COLLATE)"), 'VARCHAR COLLATE "C"'))
_NUL_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u0000")  # a JSON-escaped NUL, not an escaped backslash + u0000
CLUSTER_LOCK = "eventwire:clusters"


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


class PostgresStore(SQLStore):
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
        return self._execute(pg_params(sql), params).fetchone()

    def _run(self, sql: str, params: list[Any] | None = None) -> None:
        self._execute(pg_params(sql), params)

    def _apply_migration(self, sql: str) -> None:
        self._execute(postgres_sql(sql))

    def _clean_text(self, value: Any, json_column: bool = False) -> Any:
        return _no_nul(value, json_column)

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
            results, todo = self._plan(batch, stored)
            self._replace(todo, stored, stamp)
        return results

    def _delete_articles(self, article_ids: list[str]) -> None:
        for table in RECORD_TABLES:
            self._execute(f"DELETE FROM {table} WHERE article_id = ANY(%s)", [article_ids])
        self._execute("DELETE FROM articles WHERE id = ANY(%s)", [article_ids])

    def _insert_rows(self, table: str, rows: list[tuple]) -> None:
        """Bulk load with COPY ... FROM STDIN (values travel as data, never as SQL)."""
        if not rows:
            return
        columns = ", ".join(f'"{c}"' for c in TABLES[table])
        with self.con.cursor() as cur, cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(pg_row(table, row))

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

    # ---- reading -------------------------------------------------------------------------------------------
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

    def arrow(self, table: str) -> pa.Table:
        """A whole table as a pyarrow Table with every column, even when empty (columnar exports)."""
        columns = TABLES[self._table(table)]
        with self.con.cursor() as cursor:
            rows = cursor.execute(pg_params(q.SELECT_TABLE[table])).fetchall()
        return pa.table({c: pa.array([row[i] for row in rows]) for i, c in enumerate(columns)})

    def close(self) -> None:
        self.con.close()

    def __repr__(self) -> str:
        return f"PostgresStore({self.name!r}, read_only={self.read_only})"
