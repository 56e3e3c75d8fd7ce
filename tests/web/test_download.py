"""CSV and JSONL downloads."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime

from eventwire.web.download import csv_lines, jsonl_lines


def test_csv_lines_write_nested_values_as_json():
    rows = [{"id": "e1", "actor": [{"name": "Ana"}], "negated": False, "date": None},
            {"id": "e2", "actor": [], "negated": True, "date": "2025-06-02"}]
    parsed = list(csv.DictReader(io.StringIO("".join(csv_lines(rows)))))
    assert json.loads(parsed[0]["actor"]) == [{"name": "Ana"}]
    assert parsed[0]["date"] == "" and parsed[1]["negated"] == "True"


def test_csv_lines_stream_in_chunks():
    chunks = list(csv_lines({"n": i} for i in range(1200)))
    assert len(chunks) == 3 and "".join(chunks).count("\n") == 1201


def test_jsonl_lines_serialise_timestamps():
    (line,) = jsonl_lines([{"seen": datetime(2025, 6, 2, 10, 30)}])
    assert json.loads(line) == {"seen": "2025-06-02T10:30:00"}
