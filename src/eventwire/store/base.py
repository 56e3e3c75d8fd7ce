"""The backend-neutral store interface.

`DuckDBStore` (a file) and `PostgresStore` (`postgresql://...`) implement
the same methods, so the CLI, the web app and the framing stage only ever
see `Store`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Failure

NEW, CHANGED, UNCHANGED, FAILED = "new", "changed", "unchanged", "failed"


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
    def close(self) -> None:
        """Release the database (and its lock)."""

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
