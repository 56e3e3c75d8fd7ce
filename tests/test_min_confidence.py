"""The confidence threshold on the command line and in alerts: events below it are kept, not counted."""

from __future__ import annotations

import hashlib
import json

import pytest
from typer.testing import CliRunner

from eventwire.cli import app, threshold
from eventwire.model import Article, Cue, Entity, Event, is_counted
from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.watch import fire_alerts, make_alerts

TEXT = "Doran rebels shelled Vell on Friday. Doran rebels threatened the capital."
DORAN = Entity("Doran rebels", name="Doran Rebel Army", code="XDR", sector="REB")
runner = CliRunner()


def article() -> Article:
    a = Article(id="d1", source="fixture:d1", text=TEXT, raw_text=TEXT, date="2025-07-05",
                raw_sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    a.events = [Event("d1:e0", "d1", "ASSAULT", actor=[DORAN], trigger=Cue("shelled", 13, 20), confidence=0.9,
                      mentions=[Cue("shelled", 13, 20)]),
                Event("d1:e1", "d1", "ASSAULT", actor=[DORAN], trigger=Cue("threatened", 50, 60), confidence=0.1),
                Event("d1:e2", "d1", "ASSAULT", actor=[DORAN], trigger=Cue("capital", 65, 72))]
    return a


@pytest.mark.parametrize(("confidence", "min_confidence", "counted"), [
    (0.9, 0.5, True), (0.1, 0.5, False), (None, 0.5, True), (0.1, None, True), (0.5, 0.5, True)])
def test_is_counted(confidence, min_confidence, counted):
    assert is_counted(confidence, min_confidence) is counted


def test_threshold_from_config_option_or_all():
    assert threshold(None, False) == Settings().min_confidence
    assert threshold(0.3, False) == 0.3
    assert threshold(None, True) is None


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "d.duckdb"
    with open_store(str(path)) as store:
        store.save(article())
    return path


@pytest.mark.parametrize(("args", "ids"), [
    ([], ["d1:e0", "d1:e2"]),
    (["--min-confidence", "0.05"], ["d1:e0", "d1:e1", "d1:e2"]),
    (["--min-confidence", "0.95"], ["d1:e2"]),
    (["--all"], ["d1:e0", "d1:e1", "d1:e2"]),
])
def test_export_min_confidence_and_all(db, args, ids):
    result = runner.invoke(app, ["export", "--format", "plover", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ids


def test_all_and_min_confidence_together_is_a_usage_error(db):
    result = runner.invoke(app, ["export", "--format", "plover", "--db", str(db), "--all", "--min-confidence", "0.2"])
    assert result.exit_code == 2 and "either --all or --min-confidence" in result.output


def test_min_confidence_out_of_range_is_a_usage_error(db):
    result = runner.invoke(app, ["export", "--format", "plover", "--db", str(db), "--min-confidence", "2"])
    assert result.exit_code == 2


def test_alerts_fire_only_on_counted_events(tmp_path):
    sink = tmp_path / "alerts.jsonl"
    sent, failures = fire_alerts(article(), make_alerts(["event=ASSAULT"], [str(sink)]), min_confidence=0.5)
    assert (sent, failures) == (2, [])
    assert [json.loads(line)["event"]["id"] for line in sink.read_text().splitlines()] == ["d1:e0", "d1:e2"]
    sent, _ = fire_alerts(article(), make_alerts(["event=ASSAULT"], [str(tmp_path / "all.jsonl")]))
    assert sent == 3


def test_run_stores_every_event_and_counts_those_below(tmp_path):
    from eventwire.store.run import run

    with open_store(str(tmp_path / "r.duckdb")) as store:
        summary = run([article()], store, Settings(min_confidence=0.5), process=lambda items: iter(items))
        assert store.counts()["events"] == 3
    counts = summary.counts()
    assert counts["events"] == 3 and counts["events below min_confidence"] == 1
