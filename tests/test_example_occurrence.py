"""examples/articles/13_rask_market_attack.txt names one attack many times: one event, counted once.

Runs the real command line (extract, run, export) and the web app on the example article.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.cli import app
from eventwire.web import create_app

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = EXAMPLES / "articles" / "13_rask_market_attack.txt"
ACTORS = EXAMPLES / "actors.yaml"
ARTICLE_ID = "13_rask_market_attack"
runner = CliRunner()


def invoke(*args: str) -> str:
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exit_code == 0, result.output
    return result.stdout


def rask_attacks(events: list[dict]) -> list[dict]:
    """ASSAULT events whose mentions include the attack in the lead ("attacked a crowded market")."""
    return [e for e in events if e["event"] == "ASSAULT" and any(m["text"] == "attacked" for m in e["mentions"])]


@pytest.fixture(scope="module")
def extracted() -> dict:
    (line,) = invoke("extract", ARTICLE, "--actors", ACTORS, "--all").splitlines()
    return json.loads(line)


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("rask") / "rask.duckdb"
    invoke("run", ARTICLE, "--actors", ACTORS, "--db", path, "--quiet")
    return path


def test_extract_gives_one_event_with_every_mention(extracted):
    text = extracted["article"]["text"]
    (attack,) = rask_attacks(extracted["events"])
    words = [m["text"] for m in attack["mentions"]]
    assert len(words) >= 8, words
    assert {"attacked", "killing", "attack", "shooting", "assault"} <= set(words)
    assert all(text[m["start"]:m["end"]] == m["text"] for m in attack["mentions"])
    assert words.count("attack") >= 4  # "the attack" restated, not counted again
    assert "Maren Liberation Front" in {a["name"] for a in attack["actor"]}
    # no other event of the article holds a mention of the Rask attack
    others = [m["start"] for e in extracted["events"] if e is not attack for m in e["mentions"]]
    assert not set(others) & {m["start"] for m in attack["mentions"]}


def test_separate_indefinite_attack_stays_its_own_event(extracted):
    text = extracted["article"]["text"]
    kelm = text.index("In a separate incident")
    separate = [e for e in extracted["events"] if e["event"] == "ASSAULT"
                and all(m["start"] >= kelm for m in e["mentions"])]
    assert len(separate) == 1


def test_export_counts_the_attack_once(db, tmp_path):
    lines = [json.loads(line) for line in invoke("export", "--format", "plover", "--db", db, "--all").splitlines()]
    (attack,) = rask_attacks(lines)
    assert len(attack["mentions"]) >= 8
    invoke("export", "--format", "csv", "-o", tmp_path / "csv", "--db", db, "--all")
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(lines)
    assert len(rask_attacks([{**r, "mentions": json.loads(r["mentions"])} for r in rows])) == 1


def test_attack_is_counted_at_the_default_threshold(db):
    lines = [json.loads(line) for line in invoke("export", "--format", "plover", "--db", db).splitlines()]
    (attack,) = rask_attacks(lines)
    assert attack["confidence"] >= 0.5


def test_web_counts_the_attack_once(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as client:
        body = client.get("/api/events", params={"all": "true", "event": "ASSAULT"}).json()
        (attack,) = rask_attacks(body["items"])
        every = client.get("/api/events", params={"all": "true"}).json()["total"]
        counted = client.get("/api/events").json()["total"]
        (shown,) = rask_attacks(client.get("/api/events", params={"event": "ASSAULT"}).json()["items"])
        assert shown["id"] == attack["id"]
        assert client.get("/index.json").json()["counts"]["events"] == counted <= every
        (article,) = client.get("/api/articles").json()["items"]
        assert article["events"] == counted
        page = client.get(f"/events/{attack['id']}").text
        assert f"{len(attack['mentions'])} in the article" in page
        assert client.get(f"/articles/{ARTICLE_ID}").status_code == 200
