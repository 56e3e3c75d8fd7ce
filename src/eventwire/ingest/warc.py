"""WARC files (CC-NEWS style): each HTML response record becomes an Article.

The file is streamed record by record with warcio (plain `.warc` or per-record
gzip `.warc.gz`); memory stays flat whatever the file size, because only one
record's payload (at most `settings.max_bytes`) is held at a time. HTML goes
through the same HTML -> Article path as `.html` files (`html_article`).

- `source` is `"{path}#offset={byte offset of the record}"`, so a record can be
  found again; `url` is the record's `WARC-Target-URI`; the id comes from the URL
  (`url_id`), so a page crawled again in a later crawl keeps its id and a changed
  version replaces the stored one (within one run `read_paths` disambiguates repeats).
- Request, metadata and warcinfo records, and responses that are not HTML
  (images, PDFs, robots.txt), are skipped: they are not articles.
- A record that cannot be parsed (truncated file, garbage) is a Failure naming
  the file and offset; nothing after it can be located reliably, so reading
  that file stops there and the run goes on with the next input.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from ..model import Article, Failure
from ..settings import Settings

HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def url_id(url: str) -> str:
    """A stable article id for a URL: host plus 12 hex chars of the URL's sha1 (readable and unique)."""
    host = re.sub(r"[^A-Za-z0-9.-]", "", urlsplit(url).hostname or "") or "url"
    return f"{host}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}"


def html_article(data: bytes, source: str, url: str | None, settings: Settings) -> Article | Failure:
    """One HTML page -> Article through ingest's HTML reader (trafilatura); id from `url`, which it keeps."""
    from .readers import Source, read_html

    article_id = url_id(url) if url else hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]
    item = next(iter(read_html(data, Source(source, article_id), settings)), None)
    if item is None:
        return Failure(source=source, stage="ingest", reason=f"{source}: no article in the HTML")
    if isinstance(item, Article):
        item.url = url or item.url
    else:
        item.article_id = article_id
    return item


def is_warc(path: str | Path) -> bool:
    """True for names the WARC reader handles (`.warc`, `.warc.gz`, `.arc`, `.arc.gz`)."""
    return str(path).lower().endswith(WARC_SUFFIXES)


def read_warc(path: str | Path, settings: Settings | None = None) -> Iterator[Article | Failure]:
    """Articles from the HTML response records of a WARC file, streamed; Failures for bad records."""
    settings = settings or Settings()
    name = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed in the finally below, after the generator is done
    except OSError as exc:
        yield Failure(source=name, stage="ingest", reason=f"cannot open WARC file: {exc.strerror or exc}")
        return
    try:
        yield from _records(fh, name, settings)
    finally:
        fh.close()


def _records(fh, name: str, settings: Settings) -> Iterator[Article | Failure]:
    records = ArchiveIterator(fh)
    offset = 0
    try:
        for record in records:
            payload = _html_payload(record, settings)
            if payload is None:
                continue
            # warcio knows a record's offset once its payload is consumed (it reads to the record's end).
            offset = records.get_record_offset()
            source = f"{name}#offset={offset}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            if len(payload) > settings.max_bytes:
                yield Failure(source=source, stage="ingest", article_id=url_id(url) if url else None,
                              reason=f"{source}: HTML payload over the limit of {settings.max_bytes} bytes "
                                     f"(ingest.max_bytes)")
                continue
            yield html_article(payload, source, url, settings)
    except Exception as exc:  # warcio raises several types for truncated or garbage input
        source = f"{name}#offset={offset}"
        yield Failure(source=source, stage="ingest",
                      reason=f"{source}: unreadable WARC record after this offset ({type(exc).__name__}: {exc}); "
                             f"rest of the file skipped")


def _html_payload(record, settings: Settings) -> bytes | None:
    """The HTML body of a 2xx response record (at most max_bytes + 1 bytes), or None for any other record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if content_type not in HTML_TYPES:
        return None
    status = record.http_headers.get_statuscode()
    if status and not status.startswith("2"):
        return None  # redirects and error pages are not articles
    return record.content_stream().read(settings.max_bytes + 1)


def write_html_warc(path: str | Path, pages: Iterable[tuple[str, bytes]], gzip: bool = True,
                    content_type: str = "text/html; charset=utf-8") -> int:
    """Write `(url, body)` pairs as WARC response records (for tests, benchmarks and demos); returns records."""
    n = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        for url, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type),
                                                  ("Content-Length", str(len(body)))], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body),
                                                          http_headers=headers))
            n += 1
    return n
