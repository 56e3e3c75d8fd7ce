"""Watch mode: poll feeds, process only what is new, send alerts.

    eventwire watch FEEDS.txt --every 10m --alert 'requested=ASSAULT' --alert-to alerts.jsonl

`FEEDS.txt` lists one feed URL or path per line (`#` starts a comment). Each
poll reads every feed (with a timeout), skips items already seen, fetches the
pages of the new ones, runs the pipeline and saves each article in its own
transaction. A feed that errors or times out is logged and recorded as a
failure of that poll; the other feeds go on.

Restarts neither lose nor duplicate anything: an item counts as seen once its
article is stored (ids come from item links, see `ingest.feeds`), so an item
whose processing was interrupted is simply fetched again, and saving the same
article twice is a no-op (`Store.save` compares hashes). With `state_path` the
seen ids are also appended to that file after each save, so items stay seen
when old articles are pruned from the database.

Alerts are rules `field=VALUE` over each new event's PLOVER record
(`event=PROTEST`, `requested=ASSAULT`, `actor.code=XAR`, `mode=...`). A dotted
path walks nested records; a list matches when any element does; a nested
record such as `requested` is compared by its `event` field. Matching events go
to every sink: a `.jsonl` file (one JSON object per line, appended) or an
http(s) webhook URL (JSON POST). Alerts are sent before the article is saved,
so an interrupted run may alert twice for one event (at least once, never
lost); each alert carries the event `id` for de-duplication.
"""

from __future__ import annotations

import json
import logging
import os
import re
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import EventwireError, InputError
from .ingest.feeds import TIMEOUT, FeedItem, feed_items, item_article
from .model import Article, Event, Failure, is_counted, to_dict
from .settings import Settings

log = logging.getLogger(__name__)

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr|d)?\s*$", re.I)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600, "d": 86400}


class WatchError(EventwireError):
    """A watch option is unusable (feed list, interval, alert rule or sink)."""


def parse_interval(text: str) -> float:
    """Seconds in "90", "30s", "10m", "2h" or "1d"."""
    match = _INTERVAL.match(text)
    if not match:
        raise WatchError(f"--every {text!r}: expected a number with an optional unit s, m, h or d (e.g. 10m)")
    return float(match.group(1)) * _UNITS[(match.group(2) or "s").lower()]


def read_feed_list(path: str | Path) -> list[str]:
    """Feed URLs/paths from a file, one per line; blank lines and `#` comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise WatchError(f"{path}: cannot read the feed list: {exc.strerror or exc}") from exc
    feeds = [line.split("#", 1)[0].strip() for line in lines]
    feeds = [f for f in feeds if f]
    if not feeds:
        raise WatchError(f"{path}: the feed list names no feeds (one URL or path per line)")
    return feeds


# ---- alerts ----------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Alert:
    """Send events whose `path` field equals `value` to `sink` (a .jsonl path or an http(s) URL)."""

    rule: str
    sink: str

    @property
    def path(self) -> list[str]:
        return self.rule.split("=", 1)[0].strip().split(".")

    @property
    def value(self) -> str:
        return self.rule.split("=", 1)[1].strip()

    def matches(self, record: dict[str, Any]) -> bool:
        return any(_equals(found, self.value) for found in _walk(record, self.path))


def _walk(value: Any, path: list[str]) -> Iterator[Any]:
    """Every value at `path` under `value`, fanning out over lists."""
    if isinstance(value, list):
        for element in value:
            yield from _walk(element, path)
        return
    if not path:
        yield value
        return
    if isinstance(value, dict) and path[0] in value:
        yield from _walk(value[path[0]], path[1:])


def _equals(found: Any, wanted: str) -> bool:
    if isinstance(found, dict):  # e.g. requested {"event": "ASSAULT", "mode": ...}
        found = found.get("event")
    if isinstance(found, bool):
        return str(found).lower() == wanted.lower()
    return found is not None and str(found).casefold() == wanted.casefold()


def make_alerts(rules: Iterable[str], sinks: Iterable[str]) -> list[Alert]:
    """Every rule paired with every sink; raises WatchError for a malformed rule or sink."""
    rules, sinks = list(rules), list(sinks)
    for rule in rules:
        if "=" not in rule or not rule.split("=", 1)[0].strip() or not rule.split("=", 1)[1].strip():
            raise WatchError(f"--alert {rule!r}: expected FIELD=VALUE, e.g. requested=ASSAULT or actor.code=XAR")
    if rules and not sinks:
        raise WatchError("--alert needs somewhere to send alerts: --alert-to FILE.jsonl or --alert-to https://...")
    for sink in sinks:
        if not re.match(r"^https?://", sink) and not Path(sink).expanduser().resolve().parent.is_dir():
            raise WatchError(f"--alert-to {sink!r}: folder {Path(sink).resolve().parent} does not exist")
    return [Alert(rule, sink) for rule in rules for sink in sinks]


def alert_record(alert: Alert, event: Event, article: Article) -> dict[str, Any]:
    """What a sink receives: the rule, the event (PLOVER fields) and where it was reported."""
    return {"rule": alert.rule, "event": to_dict(event),
            "article": {k: getattr(article, k) for k in ("id", "url", "title", "outlet", "date", "source")}}


def send(record: dict[str, Any], sink: str, timeout: float = TIMEOUT) -> None:
    """Append the alert to a JSONL file or POST it to a webhook; raises InputError naming the sink."""
    body = json.dumps(record, ensure_ascii=False)
    if re.match(r"^https?://", sink):
        request = urllib.request.Request(sink, data=body.encode("utf-8"), method="POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read(65536)
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise InputError(sink, f"webhook failed ({type(exc).__name__}: {getattr(exc, 'reason', exc)})") from exc
        return
    try:
        with open(sink, "a", encoding="utf-8") as fh:
            fh.write(body + "\n")
    except OSError as exc:
        raise InputError(sink, f"cannot append alert: {exc.strerror or exc}") from exc


def fire_alerts(article: Article, alerts: list[Alert], timeout: float = TIMEOUT,
                min_confidence: float | None = None) -> tuple[int, list[Failure]]:
    """Send every matching event of `article` counted at `min_confidence` (one per occurrence: events
    below the threshold are stored, never alerted); returns (alerts sent, failures of sinks)."""
    sent, failures = 0, []
    for event in article.events:
        if not is_counted(event.confidence, min_confidence):
            continue
        record = to_dict(event)
        for alert in alerts:
            if not alert.matches(record):
                continue
            try:
                send(alert_record(alert, event, article), alert.sink, timeout)
                sent += 1
            except InputError as exc:
                log.warning("%s", exc)
                failures.append(Failure(source=exc.source, stage="alert", reason=exc.reason, article_id=article.id))
    return sent, failures


# ---- seen items ------------------------------------------------------------------------------------------------

class SeenItems:
    """Which item ids are done: stored in the database, or listed in the state file (if any).

    The file keeps items seen even after the database is pruned; the database
    covers an item saved just before a kill, before its id reached the file.
    """

    def __init__(self, store, state_path: str | Path | None = None):
        self.store = store
        self.path = Path(state_path) if state_path else None
        self.ids: set[str] = set()
        if self.path is not None and self.path.exists():
            text = self.path.read_text(encoding="utf-8")
            complete = text[: text.rfind("\n") + 1]
            if complete != text:  # a line cut short by a kill: drop it, that item is simply redone
                self.path.write_text(complete, encoding="utf-8")
            self.ids = {line.strip() for line in complete.splitlines() if line.strip()}

    def __contains__(self, article_id: str) -> bool:
        if article_id in self.ids:
            return True
        return self.store is not None and self.store.has_article(article_id)

    def add(self, article_id: str) -> None:
        if self.path is None or article_id in self.ids:
            return
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(article_id + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.ids.add(article_id)


# ---- polling ---------------------------------------------------------------------------------------------------

@dataclass
class PollResult:
    feeds: int = 0
    items: int = 0
    new: int = 0
    stored: int = 0
    alerts: int = 0
    failures: int = 0

    def counts(self) -> dict[str, int]:
        return dict(vars(self))


def new_items(feeds: list[str], seen: SeenItems, settings: Settings, timeout: float,
              result: PollResult, failures: list[Failure]) -> list[FeedItem]:
    """Unseen items of every feed, in feed order, each id once; an unreadable feed becomes a failure."""
    fresh: dict[str, FeedItem] = {}
    for feed in feeds:
        try:
            items = feed_items(feed, settings, timeout=timeout)
        except InputError as exc:
            log.warning("feed skipped this poll: %s", exc)
            failures.append(Failure(source=exc.source, stage="watch", reason=exc.reason))
            continue
        result.feeds += 1
        result.items += len(items)
        for item in items:
            if item.id not in fresh and item.id not in seen:
                fresh[item.id] = item
    result.new = len(fresh)
    return list(fresh.values())


def poll(feeds: list[str], pipeline, store, seen: SeenItems, alerts: list[Alert],
         timeout: float = TIMEOUT) -> PollResult:
    """One pass over the feeds: fetch, process and store what is new; returns its counts."""
    from .pipeline import run_into_store

    result = PollResult()
    failures: list[Failure] = []
    items = new_items(feeds, seen, pipeline.settings, timeout, result, failures)
    articles = (item_article(item, pipeline.settings, timeout=timeout) for item in items)

    def process(stream: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
        yield from failures  # unreadable feeds, recorded under this poll's run
        for item in pipeline.process(stream):
            if isinstance(item, Article):
                sent, alert_failures = fire_alerts(item, alerts, timeout, pipeline.settings.min_confidence)
                result.alerts += sent
                item.failures.extend(alert_failures)
            yield item
            if isinstance(item, Article):
                seen.add(item.id)  # runs when the store asks for the next item, i.e. after this one is saved

    summary = run_into_store(articles, store, pipeline.settings, args={"command": "watch", "feeds": feeds},
                             process=process)
    result.stored = summary.new + summary.changed
    result.failures = len(summary.failures)
    return result


def watch(feeds_file: str | Path, settings: Settings | None, db, every_seconds: float,
          alerts: list[Alert] | None = None, once: bool = False, state_path: str | Path | None = None,
          timeout: float = TIMEOUT, polls: int | None = None) -> list[PollResult]:
    """Poll the feeds in `feeds_file` every `every_seconds` until interrupted (or once, or `polls` times).

    `db` is a database path or an open Store. The feed list is re-read before each
    poll, so feeds can be added without a restart. Returns the counts of each poll.
    """
    from .pipeline import Pipeline
    from .store import Store, open_store

    settings = settings or Settings()
    pipeline = Pipeline(settings)
    store = db if isinstance(db, Store) else open_store(str(db))
    seen = SeenItems(store, state_path)
    results: list[PollResult] = []  # kept only when the number of polls is bounded
    try:
        while True:
            started = time.monotonic()
            result = poll(read_feed_list(feeds_file), pipeline, store, seen, alerts or [], timeout)
            log.info("poll: %s", result.counts())
            if once or polls is not None:
                results.append(result)
            if once or (polls is not None and len(results) >= polls):
                return results
            time.sleep(max(0.0, every_seconds - (time.monotonic() - started)))
    finally:
        if store is not db:
            store.close()
