"""RSS and Atom feeds (feedparser), from a file or a URL.

Each feed item becomes an Article: when the item carries the full story
(`content:encoded`, Atom `<content>` of at least `FULL_CONTENT_CHARS`
characters of text) that HTML is used; otherwise the linked page is fetched
(timeout and size cap) and read through the same HTML path as `.html` files.
Title, link and published date from the feed fill whatever the page lacks.

Ids come from the item link (`url_id`), or its guid when there is no link, so
the same story keeps one id across polls, restarts, feeds and WARC crawls.
Network problems never raise out of `read_feed`: each is a Failure naming
the feed or page URL and the reason, and the other items go on.
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import feedparser

from ..errors import InputError
from ..model import Article, Failure
from ..settings import Settings, tuning
from .warc import html_article, url_id

log = logging.getLogger(__name__)

_T = tuning("ingest.feeds")  # each threshold is explained in config.toml
# Item content shorter than this (characters of text, tags stripped) is a teaser: fetch the page instead.
FULL_CONTENT_CHARS = int(_T["full_content_chars"])
# Seconds to wait for a feed or a page; a slow server must not stall the other feeds.
TIMEOUT = float(_T["timeout_seconds"])
USER_AGENT = "eventwire (+https://github.com/eventwire; news event coding)"

Fetch = Callable[[str], bytes]


@dataclass
class FeedItem:
    """One entry of a feed, before its page is fetched."""

    key: str  # stable identity: the link, else the guid
    link: str | None
    title: str | None
    date: str | None  # ISO date of publication, when the feed gives one
    content: str | None  # full-story HTML, when the feed carries it
    feed: str  # the feed's URL or path
    feed_title: str | None

    @property
    def id(self) -> str:
        if self.link:
            return url_id(self.link)
        return "feed-" + hashlib.sha1(self.key.encode("utf-8")).hexdigest()[:16]


def fetch_url(url: str, timeout: float = TIMEOUT, max_bytes: int = Settings().max_bytes) -> bytes:
    """The body of an http(s) URL or a local file, at most `max_bytes`; raises InputError naming the URL."""
    if not re.match(r"^https?://", url, re.I):
        path = Path(url.removeprefix("file://"))
        try:
            if path.stat().st_size > max_bytes:
                raise InputError(url, f"file over the limit of {max_bytes} bytes (ingest.max_bytes)")
            return path.read_bytes()
        except OSError as exc:
            raise InputError(url, f"cannot read: {exc.strerror or exc}") from exc
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(max_bytes + 1)
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP {exc.code} {exc.reason}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(url, f"cannot fetch ({type(exc).__name__}: {reason})") from exc
    if len(data) > max_bytes:
        raise InputError(url, f"response over the limit of {max_bytes} bytes (ingest.max_bytes)")
    return data


def _fetcher(settings: Settings, timeout: float) -> Fetch:
    return lambda url: fetch_url(url, timeout=timeout, max_bytes=settings.max_bytes)


def feed_items(source: str, settings: Settings | None = None, fetch: Fetch | None = None,
               timeout: float = TIMEOUT) -> list[FeedItem]:
    """The items of the feed at `source` (URL or path), in feed order; raises InputError when unreadable."""
    settings = settings or Settings()
    return parse_feed((fetch or _fetcher(settings, timeout))(source), source)


def parse_feed(data: bytes, source: str) -> list[FeedItem]:
    """The items of a feed document; raises InputError naming `source` when it is not RSS or Atom."""
    parsed = feedparser.parse(data)
    if not parsed.entries and (parsed.bozo or not parsed.get("version")):
        reason = getattr(parsed, "bozo_exception", None) or "no RSS or Atom entries"
        raise InputError(source, f"not a readable RSS/Atom feed: {reason}")
    feed_title = parsed.feed.get("title")
    items = []
    for entry in parsed.entries:
        link = entry.get("link") or None
        key = link or entry.get("id") or entry.get("title")
        if not key:
            log.warning("%s: feed item without link, id or title skipped", source)
            continue
        items.append(FeedItem(key=key, link=link, title=entry.get("title"), date=_entry_date(entry),
                              content=_full_content(entry), feed=source, feed_title=feed_title))
    return items


def _entry_date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*parsed[:3]).isoformat() if parsed else None


def _full_content(entry) -> str | None:
    """The item's full-story HTML, or None when it only carries a teaser."""
    best = max((c.get("value") or "" for c in entry.get("content") or []), key=len, default="")
    text = re.sub(r"<[^>]+>", " ", best)
    return best if len(" ".join(text.split())) >= FULL_CONTENT_CHARS else None


def item_article(item: FeedItem, settings: Settings | None = None, fetch: Fetch | None = None,
                 timeout: float = TIMEOUT) -> Article | Failure:
    """The Article of one feed item (its page fetched when needed), or a Failure naming the page."""
    settings = settings or Settings()
    source = item.link or f"{item.feed}#{item.key}"
    if item.content is not None:
        # Feed content is a fragment: give trafilatura a page around it.
        title = html.escape(item.title or "")
        data = (f'<html><head><meta charset="utf-8"><title>{title}</title></head><body><article><h1>{title}</h1>'
                f"{item.content}</article></body></html>").encode()
    elif item.link:
        try:
            data = (fetch or _fetcher(settings, timeout))(item.link)
        except InputError as exc:
            return Failure(source=exc.source, stage="ingest", reason=exc.reason, article_id=item.id)
    else:
        return Failure(source=source, stage="ingest", article_id=item.id,
                       reason="feed item has neither full content nor a link to fetch")
    article = html_article(data, source, item.link, settings)
    if isinstance(article, Failure):
        article.article_id = item.id
        return article
    article.id = item.id  # the guid-based id when the item has no link
    article.title = article.title or item.title
    article.date = article.date or item.date
    article.outlet = article.outlet or item.feed_title
    return article


def read_feed(url_or_path: str, settings: Settings | None = None, fetch: Fetch | None = None,
              timeout: float = TIMEOUT) -> Iterator[Article | Failure]:
    """Articles of every item of an RSS/Atom feed; Failures for an unreadable feed or page."""
    settings = settings or Settings()
    try:
        items = feed_items(url_or_path, settings, fetch, timeout)
    except InputError as exc:
        yield Failure(source=exc.source, stage="ingest", reason=exc.reason)
        return
    for item in items:
        yield item_article(item, settings, fetch, timeout)


def read_feed_bytes(data: bytes, source, settings: Settings) -> Iterator[Article | Failure]:
    """The ingest registry's reader signature (`data`, `Source`, settings) for `.rss`/`.atom` files."""
    name = getattr(source, "name", str(source))
    try:
        items = parse_feed(data, name)
    except InputError as exc:
        yield Failure(source=exc.source, stage="ingest", reason=exc.reason)
        return
    for item in items:
        yield item_article(item, settings)


_FEED_START = re.compile(r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.I | re.S)


def sniff_feed(head: str) -> bool:
    """True when a document starts like RSS, Atom or RSS 1.0 (RDF)."""
    return bool(_FEED_START.match(head))


FEED_SUFFIXES = (".rss", ".atom")


def is_feed_file(path: str | Path) -> bool:
    """True for names the feed reader handles (`.rss`, `.atom`)."""
    return str(path).lower().endswith(FEED_SUFFIXES)
