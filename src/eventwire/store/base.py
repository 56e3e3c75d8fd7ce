"""The backend-neutral store interface.

`DuckDBStore` (a file) and `PostgresStore` (`postgresql://...`) implement
the same methods, so the CLI, the web app and the framing stage only ever
see `Store`. Both build on `SQLStore`, which holds the logic they share.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from uuid import uuid4

from .. import __version__
from ..errors import StoreError
from ..model import Article, Failure
from . import queries as q
from .migrations import Migration
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
    place_from_row,
    quote_from_row,
    record_rows,
)

NEW, CHANGED, UNCHANGED, FAILED = "new", "changed", "unchanged", "failed"
MIGRATION_LOCK = "eventwire:migrations"


@dataclass
class SaveResult:
    """What `Store.save` did with one article.

    `status` is "new" (first time seen), "changed" (same id, different
    raw_sha256: old records replaced), "unchanged" (same id and hash:
    nothing written) or, from `save_many` only, "failed" (nothing written;
    `error` says why). `counts` gives the records written per table.
    """

    article_id: str
    status: str
    counts: dict[str, int] = field(default_factory=dict)
    error: Exception | None = None


class Store(ABC):
    """A database of articles and their quotes, events, labels and entities."""

    url: str

    # ---- writing -------------------------------------------------------------------------------------------
    @abstractmethod
    def save(self, article: Article) -> SaveResult:
        """Store an article and all its records atomically (all or nothing)."""

    @abstractmethod
    def save_many(self, articles: Iterable[Article]) -> list[SaveResult]:
        """Save several articles (faster); each stays atomic, a failed one is reported, not raised."""

    @abstractmethod
    def is_unchanged(self, article_id: str, raw_sha256: str) -> bool:
        """True when this article id is stored with this hash (re-processing would add nothing)."""

    @abstractmethod
    def record_failure(self, failure: Failure, run_id: str | None = None) -> None:
        """Log a failure (unreadable input, stage error) for a run."""

    @abstractmethod
    def start_run(self, args: Mapping[str, Any] | None = None) -> str:
        """Open a run record; returns its id."""

    @abstractmethod
    def finish_run(self, run_id: str, counts: Mapping[str, Any], seconds: float) -> None:
        """Close a run record with its summary counts and duration."""

    @abstractmethod
    def update_clusters(self, mapping: Mapping[str, str | None], clear: bool = False) -> int:
        """Set `cluster_id` of events by event id (clear=True first resets all); returns rows updated."""

    @abstractmethod
    def set_duplicate(self, article_id: str, duplicate_of: str | None) -> None:
        """Mark an article as a near-duplicate of another (None unmarks it)."""

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold the database-wide lock `name` while a read-then-write step runs (e.g. clustering).

        A single-writer backend (DuckDB) needs nothing; PostgreSQL takes an advisory lock, so a
        second writer's step waits and then sees the first one's result.
        """
        yield

    # ---- reading -------------------------------------------------------------------------------------------
    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Row counts of every table."""

    @abstractmethod
    def schema_version(self) -> int:
        """The highest migration applied."""

    @abstractmethod
    def articles(self, outlet: str | None = None, limit: int | None = None) -> Iterator[dict[str, Any]]:
        """Article rows (dicts, JSON columns decoded) in id order."""

    @abstractmethod
    def load_article(self, article_id: str) -> Article | None:
        """The stored article with all its records, or None."""

    @abstractmethod
    def iter_records(self, table: str, **filters: Any) -> Iterator[dict[str, Any]]:
        """Rows of quotes/events/entities/labels joined with their article's url, outlet, title,
        article_date and duplicate_of. Filters are equality tests on columns (`article_id=`, `event=`,
        `cluster_id=`, `outlet=`...)."""

    def iter_events(self, **filters: Any) -> Iterator[dict[str, Any]]:
        """Event rows with article header fields; see `iter_records`."""
        return self.iter_records("events", **filters)

    @abstractmethod
    def rows(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of a table as dicts (JSON columns left as JSON text), for export."""

    @abstractmethod
    def query(self, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
        """A read query in the backend's SQL with `?` parameters; rows as dicts. Prefer the typed methods."""

    @abstractmethod
    def failures(self, run_id: str) -> list[dict[str, Any]]:
        """The failures logged for a run."""

    @abstractmethod
    def has_article(self, article_id: str) -> bool:
        """Whether an article with this id is stored."""

    @abstractmethod
    def text_derived_people(self) -> list[dict[str, Any]]:
        """Person mentions whose affiliation came from the text (apposition, coreference), by name."""

    @abstractmethod
    def close(self) -> None:
        """Release the database (and its lock)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def now() -> datetime:
    """UTC time without tzinfo (TIMESTAMP columns hold UTC)."""
    return datetime.now(UTC).replace(tzinfo=None)


class SQLStore(Store):
    """What the SQL backends share: the save/replace sequence, runs, failures and every read.

    A backend supplies only what truly differs: the connection and its errors (`_one`, `_run`,
    `_dicts`, `_transaction`), migration DDL in its dialect, how a batch reads the stored hashes
    (`_write`), bulk loading (`_insert_rows`) and deleting (`_delete_articles`). Every SQL string
    passed to the hooks uses `?` placeholders; a backend translates them if it must.
    """

    name: str  # the database as messages name it (no password)
    read_only: bool

    # ---- backend hooks -------------------------------------------------------------------------------------
    @abstractmethod
    def _one(self, sql: str, params: list[Any] | None = None) -> tuple | None:
        """The first row of a small query, fully fetched."""

    @abstractmethod
    def _run(self, sql: str, params: list[Any] | None = None) -> None:
        """Execute one statement."""

    @abstractmethod
    def _dicts(self, sql: str, params: list[Any] | tuple = ()) -> Iterator[dict[str, Any]]:
        """Rows of a query as dicts, on a cursor of their own (callers may nest other queries)."""

    @abstractmethod
    def _transaction(self, what: str) -> AbstractContextManager[None]:
        """One transaction; a database error rolls it back and comes out as StoreError saying `what` failed."""

    @abstractmethod
    def _apply_migration(self, sql: str) -> None:
        """Run a migration script (written in DuckDB's SQL) in this backend's dialect."""

    @abstractmethod
    def _write(self, batch: list[Article]) -> list[SaveResult]:
        """Save a batch in one transaction (see `_plan` and `_replace`); raises on any error."""

    @abstractmethod
    def _insert_rows(self, table: str, rows: list[tuple]) -> None:
        """Bulk insert rows (values travel as data, never as SQL)."""

    @abstractmethod
    def _delete_articles(self, article_ids: list[str]) -> None:
        """Delete these articles and all their records."""

    def _clean_text(self, value: Any, json_column: bool = False) -> Any:
        """A value as the database can hold it (PostgreSQL refuses NUL characters)."""
        return value

    # ---- schema --------------------------------------------------------------------------------------------
    def _migrate(self, migrations: list[Migration]) -> None:
        """Apply the migrations the database lacks, each in its own transaction, under the migration lock."""
        latest = migrations[-1].version if migrations else 0
        current = self.schema_version()
        if current > latest:
            raise StoreError(f"{self.name}: schema version {current} is newer than this eventwire "
                             f"({__version__}, version {latest}); upgrade eventwire")
        if current == latest:
            return
        if self.read_only:
            raise StoreError(f"{self.name}: schema version {current} needs upgrading to {latest}; "
                             f"open it once for writing (e.g. `eventwire run`)")
        with self.exclusive(MIGRATION_LOCK):  # a second first run waits here, then finds the work done
            self._run(q.CREATE_SCHEMA_VERSION)
            for migration in migrations[self.schema_version():]:
                with self._transaction(f"migration {migration.version:03d}_{migration.name}"):
                    self._apply_migration(migration.sql)
                    self._run(q.RECORD_MIGRATION, [migration.version, migration.name, now()])

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

    @staticmethod
    def _plan(batch: list[Article], stored: Mapping[str, tuple]) -> tuple[list[SaveResult], list[tuple]]:
        """Each article's result, and the (article, record rows) pairs to write.

        `stored` maps a stored article id to (raw_sha256, first_seen).
        """
        results, todo = [], []
        for article in batch:
            if article.id in stored and stored[article.id][0] == article.raw_sha256:
                results.append(SaveResult(article.id, UNCHANGED))
                continue
            records = record_rows(article)
            results.append(SaveResult(article.id, CHANGED if article.id in stored else NEW,
                                      {t: len(r) for t, r in records.items()}))
            todo.append((article, records))
        return results, todo

    def _replace(self, todo: list[tuple], stored: Mapping[str, tuple], stamp: datetime) -> None:
        """Write the planned articles and records, inside the caller's transaction."""
        changed = [a.id for a, _ in todo if a.id in stored]
        if changed:  # replace: drop the old version's rows, keep its first_seen
            self._delete_articles(changed)
        self._insert_rows("articles", [(*article_row(a), stored.get(a.id, (None, stamp))[1], stamp) for a, _ in todo])
        for table in RECORD_TABLES:
            self._insert_records(table, [row for _, records in todo for row in records[table]])

    def _insert_records(self, table: str, rows: list[tuple]) -> None:
        self._insert_rows(table, rows)

    def record_failure(self, failure: Failure, run_id: str | None = None) -> None:
        row = (run_id, failure.source, failure.stage, failure.article_id, failure.reason, now())
        self._run(q.INSERT_FAILURE, [self._clean_text(value) for value in row])

    def start_run(self, args: Mapping[str, Any] | None = None) -> str:
        started = now()
        run_id = f"{started:%Y%m%dT%H%M%S}-{uuid4().hex[:8]}"
        self._run(q.INSERT_RUN, [run_id, started, self._clean_text(dumps(dict(args or {})), True), __version__])
        return run_id

    def finish_run(self, run_id: str, counts: Mapping[str, Any], seconds: float) -> None:
        self._run(q.FINISH_RUN, [now(), dumps(dict(counts)), float(seconds), run_id])

    def set_duplicate(self, article_id: str, duplicate_of: str | None) -> None:
        if not self.has_article(article_id):
            raise StoreError(f"{self.name}: cannot mark unknown article {article_id!r} as a duplicate")
        self._run(q.SET_DUPLICATE, [duplicate_of, article_id])

    # ---- reading -------------------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {table: int(self._one(sql)[0]) for table, sql in q.COUNT.items()}

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
        article.places = [place_from_row(r) for r in records.get("places", [])]
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
        return self._dicts(q.SELECT_TABLE[self._table(table)])

    @staticmethod
    def _table(table: str) -> str:
        """`table` if the store has it, else StoreError listing the tables."""
        if table not in TABLES:
            raise StoreError(f"no table {table!r}; choose from {sorted(TABLES)}")
        return table

    def failures(self, run_id: str) -> list[dict[str, Any]]:
        return list(self._dicts(q.SELECT_FAILURES, [run_id]))

    def text_derived_people(self) -> list[dict[str, Any]]:
        return list(self._dicts(q.TEXT_DERIVED_PEOPLE))

    def has_article(self, article_id: str) -> bool:
        return bool(self._one(q.ARTICLE_EXISTS, [article_id])[0])
