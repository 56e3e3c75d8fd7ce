"""One `eventwire run`: ingested items -> pipeline -> store, with a summary.

Articles already stored with the same `raw_sha256` are counted "unchanged"
and never parsed again, so re-running on the same input is cheap and adds
nothing. Failures (unreadable inputs, stage errors) are stored in the
`failures` table under the run id and returned in the summary; the run goes on.
The caller supplies the processing (`eventwire.pipeline.run_into_store` passes
the pipeline and the cross-article clustering of the framing stage).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Failure, is_counted
from ..settings import Settings
from .base import CHANGED, FAILED, NEW, Store

log = logging.getLogger(__name__)


@dataclass
class RunSummary:
    """What a run did. `read` = articles ingested; new + changed + unchanged == read."""

    run_id: str
    read: int = 0
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    quotes: int = 0
    events: int = 0
    labels: int = 0
    entities: int = 0
    places: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    clusters: dict[str, Any] | None = None
    min_confidence: float | None = None  # events below it are stored but not counted
    events_below: int = 0

    def counts(self) -> dict[str, Any]:
        """The summary as stored in `runs.counts` and shown by the CLI."""
        counts = {"read": self.read, "new": self.new, "changed": self.changed, "unchanged": self.unchanged,
                  "quotes": self.quotes, "events": self.events, "labels": self.labels, "entities": self.entities,
                  "places": self.places, "failures": len(self.failures), "seconds": round(self.seconds, 3)}
        if self.events_below:  # stored and kept, not counted (config.toml [events] min_confidence)
            counts["events below min_confidence"] = self.events_below
        if self.clusters:  # from the `cluster` step, when the run has one
            counts["clusters"] = self.clusters.get("clusters")
            counts["duplicates"] = len(self.clusters.get("duplicates") or {})
        return counts


def run(items: Iterable[Article | Failure], store: Store, settings: Settings | None = None, *,
        process: Callable[[Iterable[Article | Failure]], Iterator[Article | Failure]],
        cluster: Callable[[Store], dict[str, Any] | None] | None = None,
        args: Mapping[str, Any] | None = None, on_article: Callable[[Article], None] | None = None) -> RunSummary:
    """Process `items` (from `eventwire.ingest.read_paths`) into `store`.

    `process` turns items into processed articles (e.g. `Pipeline.process`,
    or a multi-process equivalent; it must yield every item it is given).
    `on_article` is called once per article read (for a progress bar).
    `cluster(store)` (cross-article clustering) runs at the end when the run
    stored something new or changed.
    """
    settings = settings or Settings()
    batch_size = max(1, settings.batch_size)
    started = time.perf_counter()
    summary = RunSummary(run_id=store.start_run(args), min_confidence=settings.min_confidence)
    batch: list[Article] = []
    try:
        for item in process(_skip_unchanged(items, store, summary, on_article)):
            if isinstance(item, Failure):
                _fail(store, summary, item)
                continue
            batch.append(item)
            if len(batch) >= batch_size:
                _save(store, summary, batch)
                batch = []
    except BaseException as exc:  # setup error mid-run or Ctrl-C: keep what was processed, log the run as aborted
        _save(store, summary, batch)
        summary.seconds = time.perf_counter() - started
        store.finish_run(summary.run_id, {**summary.counts(), "aborted": f"{type(exc).__name__}: {exc}"},
                         summary.seconds)
        raise
    _save(store, summary, batch)
    if cluster is not None and (summary.new or summary.changed):  # unchanged store, same clusters
        summary.clusters = _assign_clusters(cluster, store, summary)
    summary.seconds = time.perf_counter() - started
    store.finish_run(summary.run_id, summary.counts(), summary.seconds)
    return summary


def _save(store: Store, summary: RunSummary, batch: list[Article]) -> None:
    """Store a batch of processed articles (one transaction when all goes well) and count the outcome."""
    for article, result in zip(batch, store.save_many(batch), strict=True):
        if result.status == FAILED:
            _fail(store, summary, Failure(source=article.source, stage="store", article_id=article.id,
                                          reason=f"{type(result.error).__name__}: {result.error}"))
            continue
        setattr(summary, result.status, getattr(summary, result.status) + 1)  # the same id twice: unchanged
        for table in ("quotes", "events", "labels", "entities", "places"):
            setattr(summary, table, getattr(summary, table) + result.counts.get(table, 0))
        if result.status in (NEW, CHANGED):
            summary.events_below += sum(not is_counted(e.confidence, summary.min_confidence) for e in article.events)
        for failure in article.failures:
            _fail(store, summary, failure)


def _skip_unchanged(items: Iterable[Article | Failure], store: Store, summary: RunSummary,
                    on_article: Callable[[Article], None] | None) -> Iterator[Article | Failure]:
    for item in items:
        if isinstance(item, Article):
            summary.read += 1
            if on_article is not None:
                on_article(item)
            if store.is_unchanged(item.id, item.raw_sha256):
                summary.unchanged += 1
                continue
        yield item


def _fail(store: Store, summary: RunSummary, failure: Failure) -> None:
    summary.failures.append(failure)
    store.record_failure(failure, summary.run_id)


def _assign_clusters(cluster: Callable[[Store], dict[str, Any] | None], store: Store,
                     summary: RunSummary) -> dict[str, Any] | None:
    """Cluster events across articles; a failure there is recorded, the stored articles stay."""
    try:
        with store.exclusive("clusters"):  # two runs at once: the later one clusters everything, after the other
            result = cluster(store)
    except Exception as exc:  # clustering must not lose the run's stored articles
        log.warning("clustering failed: %s", exc)
        _fail(store, summary, Failure(source="<run>", stage="cluster", reason=f"{type(exc).__name__}: {exc}"))
        return None
    return result if isinstance(result, dict) else None
