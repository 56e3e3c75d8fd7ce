"""Downloads of any filtered list: CSV (nested values as JSON text) or JSONL, streamed row by row."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from fastapi.responses import StreamingResponse

FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}


def _json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value)


def _cell(value: Any) -> Any:
    """A CSV cell: lists and objects as compact JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV text in chunks: a header from the first row's keys, then one line per row."""
    buffer = io.StringIO()
    writer = None
    for i, row in enumerate(rows):
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in row.items()})
        if i % 500 == 499:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, default=_json_default) + "\n"


def download(rows: Iterable[dict[str, Any]], name: str, fmt: str) -> StreamingResponse:
    """A streamed attachment `<name>.<fmt>` of `rows`."""
    body = csv_lines(rows) if fmt == "csv" else jsonl_lines(rows)
    return StreamingResponse(body, media_type=FORMATS[fmt],
                             headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
