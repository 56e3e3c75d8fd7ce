"""Exports: PLOVER JSONL, CSV and Parquet folders."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest

from eventwire.errors import StoreError
from eventwire.store import export
from eventwire.store.export import PLOVER_FIELDS
from eventwire.store.rows import TABLES


@pytest.fixture
def filled(store, article, build):
    store.save(article)
    store.save(build(id="vostra-2", text="Vostra and Kelmia held talks.", outlet="Other Paper"))
    store.update_clusters({"vostra-1:e0": "c-1"})
    return store


def test_export_plover_one_event_per_line(filled, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(filled, "plover", out) == {str(out): 2}
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert [e["id"] for e in lines] == ["vostra-1:e0", "vostra-1:e1"]
    first = lines[0]
    assert tuple(first) == PLOVER_FIELDS
    assert first["actor"][0]["code"] == "VST" and first["event_loc"]["name"] == "Arn"
    assert first["cluster_id"] == "c-1" and first["outlet"] == "The Northern Ledger"
    assert first["title"] == "Shelling in Arn" and first["url"] == "https://ledger.example/vostra-1"
    assert lines[1]["requested"] == {"event": "ASSAULT", "mode": None} and lines[1]["quote_id"] == "vostra-1:q0"


def test_export_plover_carries_mentions_and_confidence(filled, tmp_path):
    out = tmp_path / "events.jsonl"
    export(filled, "plover", out)
    first = json.loads(out.read_text().splitlines()[0])
    assert [m["text"] for m in first["mentions"]] == ["shelled", "attack"] and first["confidence"] == 0.9


def test_export_leaves_out_events_below_min_confidence(filled, tmp_path):
    out = tmp_path / "events.jsonl"
    assert export(filled, "plover", out, min_confidence=0.5) == {str(out): 1}
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["vostra-1:e0"]
    written = export(filled, "csv", tmp_path / "csv", min_confidence=0.5)
    assert written[str(tmp_path / "csv" / "events.csv")] == 1
    with (tmp_path / "csv" / "events.csv").open() as fh:
        (row,) = list(csv.DictReader(fh))
    assert json.loads(row["mentions"])[1]["text"] == "attack" and float(row["confidence"]) == 0.9
    written = export(filled, "parquet", tmp_path / "pq", min_confidence=0.95)
    assert written[str(tmp_path / "pq" / "events.parquet")] == 0
    assert export(filled, "parquet", tmp_path / "all")[str(tmp_path / "all" / "events.parquet")] == 2


def test_export_plover_to_stdout(filled, capsys):
    assert export(filled, "plover", "-") == {"<stdout>": 2}
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_export_csv_one_file_per_table(filled, tmp_path):
    written = export(filled, "csv", tmp_path / "csv")
    assert sorted(written) == sorted(str(tmp_path / "csv" / f"{t}.csv") for t in TABLES)
    with (tmp_path / "csv" / "events.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(TABLES["events"])
    assert json.loads(rows[0]["actor"])[0]["name"] == "Vostra"
    with (tmp_path / "csv" / "articles.csv").open() as fh:
        assert [r["id"] for r in csv.DictReader(fh)] == ["vostra-1", "vostra-2"]


def test_export_parquet_one_file_per_table(filled, tmp_path):
    written = export(filled, "parquet", tmp_path / "pq")
    assert written[str(tmp_path / "pq" / "quotes.parquet")] == 1
    quotes = pq.read_table(tmp_path / "pq" / "quotes.parquet").to_pylist()
    assert quotes[0]["speaker_name"] == "Ivo Drask" and quotes[0]["start"] < quotes[0]["end"]
    events = pq.read_table(tmp_path / "pq" / "events.parquet")
    assert events.column_names == list(TABLES["events"]) and events.num_rows == 2


def test_export_folder_formats_need_a_folder(filled, tmp_path):
    with pytest.raises(StoreError, match="give a folder"):
        export(filled, "csv", None)
    (tmp_path / "file.txt").write_text("x")
    with pytest.raises(StoreError, match="needs a folder"):
        export(filled, "parquet", tmp_path / "file.txt")


def test_export_unknown_format(filled, tmp_path):
    with pytest.raises(StoreError, match="unknown export format 'xml'"):
        export(filled, "xml", tmp_path / "x")
