"""Format readers and the registry that dispatches to them.

A reader takes the bytes of one input and yields Articles or Failures. To add
a format (WARC, feeds), write a reader and call `register_reader` with its
extensions and, optionally, a content sniffer: nothing else changes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, Failure
from ..settings import Settings, tuning
from .dates import parse_date
from .decode import NotText, decode_bytes
from .outlets import default_outlets


@dataclass(frozen=True)
class Source:
    """Where a record comes from: `name` (path, URL or "<stdin>") and `stem` (default id)."""

    name: str
    stem: str


Reader = Callable[[bytes, Source, Settings], Iterator[Article | Failure]]
# A reader that streams a file itself (WARC can be far larger than ingest.max_bytes).
PathReader = Callable[[Path, Settings], Iterator[Article | Failure]]


@dataclass(frozen=True)
class ReaderSpec:
    name: str
    read: Reader | PathReader
    extensions: tuple[str, ...]
    sniff: Callable[[str], bool] | None = None
    reads_path: bool = False  # `read(path, settings)` instead of `read(bytes, source, settings)`


READERS: dict[str, ReaderSpec] = {}
# Sniffers run in this order on content whose extension says nothing.
SNIFF_ORDER: list[str] = []


def register_reader(name: str, read: Reader | PathReader, extensions: tuple[str, ...] = (),
                    sniff: Callable[[str], bool] | None = None, reads_path: bool = False) -> None:
    """Make a format known.

    `extensions` are file-name endings (".jsonl", ".warc.gz"); `sniff(head_text) -> bool`
    guesses the format from content; `reads_path` readers get the path and do their own reading
    (no size limit is applied for them: they must stream).
    """
    READERS[name] = ReaderSpec(name, read, tuple(e.lower() for e in extensions), sniff, reads_path)
    if sniff is not None and name not in SNIFF_ORDER:
        SNIFF_ORDER.append(name)


def guess_reader(head: str) -> ReaderSpec:
    """The reader for content alone: the first sniffer that accepts it, else plain text."""
    for name in SNIFF_ORDER:
        if READERS[name].sniff(head):
            return READERS[name]
    return READERS["text"]


def reader_for(filename: str, head: str | None = None) -> ReaderSpec | None:
    """The reader of a file: by its name's ending (longest first), HTML when a text-ish file looks like
    a page (a saved page is often named .txt), else by content. None when `head` is needed but not given."""
    lowered = filename.lower()
    matches = [(len(ext), spec) for spec in READERS.values() for ext in spec.extensions if lowered.endswith(ext)]
    spec = max(matches, key=lambda m: m[0])[1] if matches else None
    if spec is not None and (spec.reads_path or spec.name in ("jsonl", "csv")):
        return spec
    if head is None:
        return None
    if READERS["html"].sniff(head):
        return READERS["html"]
    return spec or guess_reader(head)


# --- building articles -------------------------------------------------------------------------

FIELD_ALIASES = {
    "id": ("id",),
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "byline": ("byline", "author", "authors"),
    "outlet": ("outlet", "publication", "sitename", "site_name"),
    "date": ("date", "published", "publication_date", "pubdate"),
    "url": ("url", "link"),
}


def pick(record: dict[str, Any], field: str) -> Any:
    """The first non-empty value among a field's accepted names (case-insensitive)."""
    lowered = {str(k).strip().lower(): v for k, v in record.items()}
    for alias in FIELD_ALIASES[field]:
        value = lowered.get(alias)
        if isinstance(value, list):  # e.g. several authors; nested objects inside are not metadata
            value = ", ".join(str(v) for v in value if isinstance(v, str | int | float) and str(v).strip())
        elif isinstance(value, int | float):  # numeric ids; bool is an int too
            value = str(value)
        if isinstance(value, str) and value.strip():  # objects (dicts) and empty values are skipped
            return value
    return None


def ingest_failure(where: str, reason: str, article_id: str | None = None) -> Failure:
    """An ingest Failure whose reason starts with `where` (the file, or file#line=N), so logs name the input."""
    return Failure(source=where, stage="ingest", article_id=article_id, reason=f"{where}: {reason}")


def build_article(id: str, source: str, raw_text: str, raw: bytes, settings: Settings,
                  meta: dict[str, Any] | None = None, **given: Any) -> Article:
    """An Article from raw text and the metadata its container gives (JSON fields, HTML meta, feed items).

    What the text's own top and bottom lines say (headline, byline, date line,
    outlet names) is read by the clean stage, which fills the fields left empty
    here. Outlet: a given name, else a known URL domain; clean goes on with
    the byline, boilerplate mentions, the signature line and the URL host.
    """
    url = given.get("url") or None
    outlets = default_outlets()
    return Article(
        id=id, source=source, raw_text=raw_text, raw_sha256=hashlib.sha256(raw).hexdigest(),
        title=_tidy(given.get("title")), url=url,
        outlet=outlets.canonical(given.get("outlet")) or outlets.from_url(url, prettify=False),
        byline=_tidy(given.get("byline")), date=parse_date(given.get("date")), meta=dict(meta or {}),
    )


def _tidy(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


# --- readers -----------------------------------------------------------------------------------

def read_text(data: bytes, source: Source, settings: Settings) -> Iterator[Article | Failure]:
    """A plain-text file: one article; title, byline, date and outlet from its lines."""
    try:
        text, encoding = decode_bytes(data)
    except NotText as exc:
        yield ingest_failure(source.name, str(exc))
        return
    yield build_article(source.stem, source.name, text, data, settings, meta={"format": "text", "encoding": encoding})


_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<\?xml[^>]*>\s*<html)",
                         re.IGNORECASE | re.DOTALL)
_HTML_TAGS = re.compile(r"</?(p|div|span|a|br|article|h[1-6]|section|meta|script|li)\b[^>]*>", re.IGNORECASE)


_SNIFF = tuning("ingest.sniff")


def sniff_html(head: str) -> bool:
    """A page: starts like one, or is dense with common tags."""
    tags = _HTML_TAGS.findall(head[:_SNIFF["sniff_chars"]])
    return bool(_HTML_START.match(head)) or len(tags) >= _SNIFF["html_min_tags"]


def read_html(data: bytes, source: Source, settings: Settings) -> Iterator[Article | Failure]:
    """A web page: main text and metadata (title, author, date, site name, URL) via trafilatura."""
    import trafilatura  # heavy import, only when a page is read

    try:
        html, encoding = decode_bytes(data)
    except NotText as exc:
        yield ingest_failure(source.name, str(exc))
        return
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False)
    except Exception as exc:  # trafilatura/lxml raise many types on broken markup
        yield ingest_failure(source.name, f"HTML could not be parsed: {exc}")
        return
    if doc is None or not (doc.text or "").strip():
        yield ingest_failure(source.name, "no article text found in the HTML")
        return
    yield build_article(source.stem, source.name, doc.text, data, settings,
                        meta={"format": "html", "encoding": encoding}, title=doc.title, url=doc.url,
                        byline=doc.author, date=doc.date, outlet=doc.sitename)


def _record_article(record: Any, line_no: int, raw: bytes, source: Source, settings: Settings,
                    fmt: str) -> Article | Failure:
    where = f"{source.name}#line={line_no}"
    if not isinstance(record, dict):
        return ingest_failure(where, f"expected a JSON object, found {type(record).__name__}")
    text = pick(record, "text")
    if not isinstance(text, str) or not text.strip():
        return ingest_failure(where, "no `text` field (or it is empty)")
    given_id = pick(record, "id")
    article_id = str(given_id).strip() if given_id is not None and str(given_id).strip() else f"{source.stem}-{line_no}"
    given = {field: pick(record, field) for field in ("title", "byline", "outlet", "date", "url")}
    return build_article(article_id, where, text, raw, settings, meta={"format": fmt}, **given)


def read_jsonl(data: bytes, source: Source, settings: Settings) -> Iterator[Article | Failure]:
    """One JSON object per line; a bad line is a Failure and the others go on."""
    try:
        text, _ = decode_bytes(data)
    except NotText as exc:
        yield ingest_failure(source.name, str(exc))
        return
    for line_no, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            where = f"{source.name}#line={line_no}"
            yield ingest_failure(where, f"malformed JSON: {exc}")
            continue
        yield _record_article(record, line_no, line.encode("utf-8"), source, settings, "jsonl")


def sniff_jsonl(head: str) -> bool:
    first = next((ln for ln in head.split("\n") if ln.strip()), "")
    if not first.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def read_csv(data: bytes, source: Source, settings: Settings) -> Iterator[Article | Failure]:
    """A table with a header row (tab-separated for .tsv); each row one article."""
    try:
        text, _ = decode_bytes(data)
    except NotText as exc:
        yield ingest_failure(source.name, str(exc))
        return
    consumed: list[str] = []

    def lines() -> Iterator[str]:  # keeps the physical lines of each row, for its raw bytes
        for line in text.splitlines(keepends=True):
            consumed.append(line)
            yield line

    delimiter = "\t" if source.name.lower().endswith(".tsv") or "\t" in text.split("\n", 1)[0] else ","
    csv.field_size_limit(max(settings.max_bytes, 1 << 20))
    reader = csv.DictReader(lines(), delimiter=delimiter)
    try:
        fields = reader.fieldnames or []
        if not any(str(f).strip().lower() in FIELD_ALIASES["text"] for f in fields):
            yield ingest_failure(source.name, f"header row has no `text` column (found {fields})")
            return
        consumed.clear()
        line_no = reader.line_num + 1
        for row in reader:
            raw = "".join(consumed).encode("utf-8")
            consumed.clear()
            record = {k: v for k, v in row.items() if k is not None}
            yield _record_article(record, line_no, raw, source, settings, "csv")
            line_no = reader.line_num + 1
    except csv.Error as exc:
        yield ingest_failure(source.name, f"malformed CSV: {exc}")


register_reader("text", read_text, (".txt", ".text"))  # also the fallback for unknown content
register_reader("html", read_html, (".html", ".htm", ".xhtml"), sniff=sniff_html)
register_reader("jsonl", read_jsonl, (".jsonl", ".ndjson"), sniff=sniff_jsonl)
register_reader("csv", read_csv, (".csv", ".tsv"))


def read_warc_path(path: Path, settings: Settings) -> Iterator[Article | Failure]:
    from .warc import read_warc  # warcio is only needed for WARC input

    return read_warc(path, settings)


def read_feed_path(path: Path, settings: Settings) -> Iterator[Article | Failure]:
    from .feeds import read_feed  # feedparser is only needed for feeds

    return read_feed(str(path), settings)


register_reader("warc", read_warc_path, (".warc", ".warc.gz", ".arc", ".arc.gz"), reads_path=True)
register_reader("feed", read_feed_path, (".rss", ".atom"), reads_path=True)
