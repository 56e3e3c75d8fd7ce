"""Events counted once per occurrence, and only at or above the confidence threshold, in the API and the UI."""

from __future__ import annotations

import hashlib

import pytest
from fastapi.testclient import TestClient

from eventwire.model import Article, Cue, Entity, Event
from eventwire.store import open_store
from eventwire.web import create_app
from eventwire.web.queries import MIN_CONFIDENCE

TEXT = ("Doran rebels shelled the port of Vell on Friday. The shelling lasted two hours. "
        "Harbour workers said the attack destroyed three cranes. Doran rebels also threatened the capital.")
DORAN = Entity("Doran rebels", name="Doran Rebel Army", code="XDR", sector="REB", type="ORG", source="dictionary")
VELL = Entity("Vell", name="Vell", code="XDR", type="GPE", source="dictionary")


def cue(word: str, after: int = 0) -> Cue:
    start = TEXT.index(word, after)
    return Cue(word, start, start + len(word))


def article() -> Article:
    a = Article(id="d1", source="fixture:d1", text=TEXT, raw_text=TEXT, outlet="Vell Gazette", date="2025-07-05",
                title="Rebels shell Vell", raw_sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    first = TEXT.index(".") + 1
    last = TEXT.index("Doran rebels also")
    a.events = [
        Event("d1:e0", "d1", "ASSAULT", actor=[DORAN], recipient=[VELL], event_text=TEXT[:first],
              text_info={"start": 0, "end": first}, rule="verb:shell", trigger=cue("shelled"), confidence=0.9,
              mentions=[cue("shelled"), cue("shelling"), cue("attack")]),
        Event("d1:e3", "d1", "THREATEN", actor=[DORAN], recipient=[VELL], event_text=TEXT[last:],
              text_info={"start": last, "end": len(TEXT)}, rule="verb:threaten", trigger=cue("threatened"),
              confidence=0.2, mentions=[cue("threatened")]),
    ]
    return a


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    path = tmp_path_factory.mktemp("occurrences") / "occ.duckdb"
    with open_store(str(path)) as store:
        store.save(article())
    with TestClient(create_app(path), raise_server_exceptions=False) as c:
        yield c


def test_threshold_default_sits_between_the_two_events():
    assert 0.2 < MIN_CONFIDENCE <= 0.9


def test_api_lists_counted_events_once_with_their_mentions(client):
    body = client.get("/api/events").json()
    assert body["total"] == 1
    (event,) = body["items"]
    assert [m["text"] for m in event["mentions"]] == ["shelled", "shelling", "attack"]
    assert event["confidence"] == 0.9


@pytest.mark.parametrize(("params", "ids"), [
    ({}, ["d1:e0"]),
    ({"min_confidence": 0.1}, ["d1:e0", "d1:e3"]),
    ({"min_confidence": 0.95}, []),
    ({"all": "true"}, ["d1:e0", "d1:e3"]),
    ({"all": "true", "min_confidence": 0.95}, ["d1:e0", "d1:e3"]),
])
def test_api_min_confidence_and_all(client, params, ids):
    body = client.get("/api/events", params=params).json()
    assert sorted(e["id"] for e in body["items"]) == ids


def test_api_rejects_a_threshold_out_of_range(client):
    assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422


def test_counts_count_each_occurrence_once(client):
    counts = client.get("/index.json").json()["counts"]
    assert counts["events"] == 1 and counts["events_below_threshold"] == 1
    (outlet,) = client.get("/api/outlets").json()["items"]
    assert outlet["events"] == 1
    assert client.get("/api/outlets", params={"all": "true"}).json()["items"][0]["events"] == 2
    actor = next(a for a in client.get("/api/actors").json()["items"] if a["name"] == "Doran Rebel Army")
    assert actor["actions"] == 1
    (art,) = client.get("/api/articles").json()["items"]
    assert art["events"] == 1


def test_article_page_hides_events_below_the_threshold_unless_all(client):
    data = client.get("/api/articles/d1").json()
    assert [e["id"] for e in data["events"]] == ["d1:e0"] and data["events_below_threshold"] == 1
    page = client.get("/articles/d1").text
    assert "below the confidence threshold" in page and "×3" in page
    assert [e["id"] for e in client.get("/api/articles/d1", params={"all": "true"}).json()["events"]] == [
        "d1:e0", "d1:e3"]


def test_event_page_shows_every_mention_and_the_confidence(client):
    page = client.get("/events/d1:e0").text
    assert "3 in the article" in page and "“shelling”" in page and "0.90" in page
    # every mention is highlighted in the article text
    assert page.count("ASSAULT mention") >= 2
    # an event below the threshold still has its page
    assert client.get("/events/d1:e3").status_code == 200
