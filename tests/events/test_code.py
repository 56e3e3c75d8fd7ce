"""`code_jsonl`: JSONL sentences in, PLOVER JSONL out, bad lines reported."""

from __future__ import annotations

import json

import pytest

from eventwire.events.code import code_jsonl

pytestmark = pytest.mark.slow


def test_code_jsonl_round_trip(pipeline):
    lines = [
        json.dumps({"id": "s1", "text": "Vostra imposed sanctions on Kelmland.", "date": "2024-05-02",
                    "publication": "Dorvat Daily"}),
        json.dumps({"id": "s2", "text": "The Kelmish Front is a terrorist organization."}),
    ]
    out = list(code_jsonl(lines, pipeline=pipeline))
    assert [r["text_id"] for r in out] == ["s1"]
    rec = json.loads(json.dumps(out[0]))  # JSON-serialisable as is
    assert rec["event"] == "SANCTION" and rec["id"] == "s1:e0" and rec["date"] == "2024-05-02"
    assert rec["publication"] == "Dorvat Daily" and rec["rule"]
    assert {"actor", "recipient", "event_text", "text_info", "requested", "negated", "hypothetical"} <= set(rec)
    assert rec["actor"][0]["entity_text"] == "Vostra"


def test_code_jsonl_bad_lines_yield_errors_and_go_on(pipeline):
    lines = ["{not json", json.dumps({"id": "s2"}), json.dumps({"id": "s3", "text": "Vostra shelled Tarn.",
                                                                   "date": "yesterday"}),
             "", json.dumps({"id": "s4", "text": "Vostra shelled Tarn."})]
    out = list(code_jsonl(lines, pipeline=pipeline))
    errors = [r for r in out if "error" in r]
    assert [e["text_id"] for e in errors] == [None, "s2", "s3"]
    assert "not valid JSON" in errors[0]["error"] and "'text'" in errors[1]["error"] and "ISO" in errors[2]["error"]
    assert [r["text_id"] for r in out if "event" in r] == ["s4"]
