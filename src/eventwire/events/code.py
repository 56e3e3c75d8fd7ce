"""`eventwire code`: sentence/story event coding, JSONL in, PLOVER JSONL out.

Each input line is a JSON object `{"id", "text", "date"?, "publication"?}`.
Each coded event comes out as one PLOVER dict (the `Event` fields of
PRODUCT.md) plus `text_id` (the input `id`) and `publication`. A line that
cannot be read (bad JSON, no `text`, a malformed `date`) or an article whose
stages failed yields one error record `{"text_id": ..., "line": n, "error":
reason}` instead and the run goes on; nothing is raised out of the iterator
for one bad line.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Iterable, Iterator
from typing import Any

from ..model import Article, Event, Failure, to_dict

log = logging.getLogger(__name__)


def _article(line: str, n: int) -> Article | Failure:
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(source=f"line {n}", stage="code", reason=f"not valid JSON: {exc}")
    if not isinstance(rec, dict):
        return Failure(source=f"line {n}", stage="code", reason="expected a JSON object")
    text_id = rec.get("id")
    text_id = str(text_id) if text_id is not None else f"line{n}"
    text = rec.get("text")
    if not isinstance(text, str) or not text.strip():
        return Failure(source=f"line {n}", stage="code", reason="no 'text' string", article_id=text_id)
    date = rec.get("date")
    if date is not None:
        try:
            date = dt.date.fromisoformat(str(date)[:10]).isoformat()
        except ValueError:
            return Failure(source=f"line {n}", stage="code", article_id=text_id,
                           reason=f"'date' must be an ISO date (YYYY-MM-DD), found {date!r}")
    publication = rec.get("publication")
    return Article(id=text_id, source=f"line {n}", raw_text=text, text=text, date=date,
                   outlet=str(publication) if publication is not None else None,
                   meta={"line": n})


def plover_record(event: Event, article: Article) -> dict[str, Any]:
    """One PLOVER dict for an event, with `text_id` naming the input."""
    rec = to_dict(event)
    rec["text_id"] = article.id
    rec["publication"] = article.outlet
    return rec


def code_articles(lines: Iterable[str]) -> Iterator[Article | Failure]:
    for n, line in enumerate(lines, 1):
        if line.strip():
            yield _article(line, n)


def code_jsonl(lines: Iterable[str], pipeline: Any) -> Iterator[dict[str, Any]]:
    """Code each JSONL line through `pipeline` (an `eventwire.pipeline.Pipeline`); yield PLOVER event dicts
    and error records (see module doc)."""
    for item in pipeline.process(code_articles(lines)):
        if isinstance(item, Failure):
            log.warning("%s: %s", item.source, item.reason)
            yield {"text_id": item.article_id, "line": item.source, "error": item.reason}
            continue
        for failure in item.failures:
            yield {"text_id": item.id, "line": item.source, "error": f"stage {failure.stage}: {failure.reason}"}
        for event in item.events:
            yield plover_record(event, item)
