"""Watch mode against a local web site: new items only, failing feeds, restarts, alerts."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from eventwire.model import Article, Entity, Event, is_counted
from eventwire.settings import Settings
from eventwire.store import open_store
from eventwire.watch import (
    Alert,
    SeenItems,
    WatchError,
    fire_alerts,
    make_alerts,
    parse_interval,
    read_feed_list,
    watch,
)
from localsite import Site

STORIES = [
    ("Students march in Selvik", "Hundreds of students marched through the centre of Selvik on Monday to protest "
     "against higher tuition fees, and police arrested twelve of them outside the education ministry."),
    ("Callis and Vostra sign trade pact", "The foreign ministers of Callis and Vostra signed a trade agreement in "
     "Port Anza on Tuesday, ending two years of negotiations over fishing rights."),
    ("Dockers strike in Selvik", "Dock workers in Selvik went on strike on Wednesday and blocked the gates of the "
     "container terminal to demand higher wages, the harbour authority said."),
    ("Army shells border villages", "Arvenian artillery shelled three villages near the Vostran border on Thursday, "
     "killing four civilians, local officials said."),
    ("Minister resigns over bridge collapse", "The transport minister of Callis, Ivo Sarn, resigned on Friday after "
     "a bridge collapsed near Port Anza, the prime minister's office said."),
    ("Farmers block highway", "Farmers blocked the main highway into Port Anza with tractors on Saturday to protest "
     "against a new tax on diesel, the regional police said."),
]


def page(title: str, body: str, n: int) -> str:
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta property="og:site_name" content="Selvik Daily"></head><body><nav><a href="/">Home</a></nav>'
            f"<article><h1>{title}</h1><p>{body}</p><p>The report was filed by the Selvik Daily news desk, "
            f"story number {n}, with reporting from correspondents in the region.</p></article></body></html>")


def rss(base: str, numbers: list[int]) -> str:
    items = "".join(f"<item><title>{STORIES[n][0]}</title><link>{base}/story/{n}</link>"
                    f"<pubDate>Mon, 0{n + 1} Mar 2026 08:00:00 GMT</pubDate></item>" for n in numbers)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Selvik Daily</title>{items}</channel></rss>'


def _story_hits(site: Site) -> int:
    return sum(1 for h in site.hits if h.startswith("/story/"))


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    for n, (title, body) in enumerate(STORIES):
        s.add(f"/story/{n}", page(title, body, n))
    s.add("/rss", rss(s.base, list(range(len(STORIES)))), "application/rss+xml")
    yield s
    s.close()


def _feeds(tmp_path, *urls: str):
    path = tmp_path / "feeds.txt"
    path.write_text("# test feeds\n" + "\n".join(urls) + "\n\n", encoding="utf-8")
    return path


def _snapshot(db: str) -> dict[str, object]:
    with open_store(db, read_only=True) as store:
        return {
            "articles": sorted((r["id"], r["raw_sha256"], r["text"]) for r in store.rows("articles")),
            "events": sorted(r["id"] for r in store.rows("events")),
            "quotes": sorted(r["id"] for r in store.rows("quotes")),
            "labels": sorted(r["id"] for r in store.rows("labels")),
            "entities": store.counts()["entities"],
        }


# ---- units -----------------------------------------------------------------------------------------------------

def test_parse_interval_units():
    assert parse_interval("10m") == 600 and parse_interval("90") == 90 and parse_interval("1.5h") == 5400
    with pytest.raises(WatchError, match="--every"):
        parse_interval("ten minutes")


def test_read_feed_list_skips_comments(tmp_path):
    assert read_feed_list(_feeds(tmp_path, "http://a/rss  # main", "b.atom")) == ["http://a/rss", "b.atom"]
    (tmp_path / "empty.txt").write_text("# nothing\n")
    with pytest.raises(WatchError, match="names no feeds"):
        read_feed_list(tmp_path / "empty.txt")


def test_alert_rules_match_nested_fields():
    event = {"event": "REQUEST", "requested": {"event": "ASSAULT", "mode": None},
             "actor": [{"name": "Maren Liberation Front", "code": "XAR"}], "negated": False}
    assert Alert("requested=ASSAULT", "x.jsonl").matches(event)
    assert Alert("actor.code=XAR", "x.jsonl").matches(event)
    assert Alert("event=request", "x.jsonl").matches(event)
    assert not Alert("event=PROTEST", "x.jsonl").matches(event)
    assert not Alert("recipient.code=XAR", "x.jsonl").matches(event)
    assert Alert("negated=false", "x.jsonl").matches(event)


def test_make_alerts_rejects_bad_rules_and_sinks(tmp_path):
    with pytest.raises(WatchError, match="FIELD=VALUE"):
        make_alerts(["ASSAULT"], [str(tmp_path / "a.jsonl")])
    with pytest.raises(WatchError, match="--alert-to"):
        make_alerts(["event=ASSAULT"], [])
    with pytest.raises(WatchError, match="does not exist"):
        make_alerts(["event=ASSAULT"], [str(tmp_path / "no" / "a.jsonl")])
    assert len(make_alerts(["event=A", "event=B"], [str(tmp_path / "a.jsonl"), "https://hooks.example/x"])) == 4


def _article_with_events() -> Article:
    mlf = Entity(entity_text="the Front", name="Maren Liberation Front", code="XAR", sector="REB")
    article = Article(id="w1", source="test:w1", url="https://selvik.example/w1", title="Call to arms")
    article.events = [
        Event(id="w1:e0", article_id="w1", event="REQUEST", actor=[mlf], requested={"event": "ASSAULT", "mode": None}),
        Event(id="w1:e1", article_id="w1", event="PROTEST", actor=[mlf]),
    ]
    return article


def test_fire_alerts_to_jsonl_and_webhook(tmp_path, site):
    sink = tmp_path / "alerts.jsonl"
    alerts = make_alerts(["requested=ASSAULT"], [str(sink), site.base + "/hook"])
    sent, failures = fire_alerts(_article_with_events(), alerts)
    assert sent == 2 and failures == []
    (line,) = sink.read_text().splitlines()
    record = json.loads(line)
    assert record["event"]["id"] == "w1:e0" and record["rule"] == "requested=ASSAULT"
    assert record["article"]["url"] == "https://selvik.example/w1"
    assert [p["event"]["id"] for p in site.posts] == ["w1:e0"]


def test_fire_alerts_dead_webhook_is_failure(tmp_path, site):
    site.server.shutdown()
    site.server.server_close()
    sent, failures = fire_alerts(_article_with_events(), [Alert("event=PROTEST", site.base + "/hook")], timeout=1)
    assert sent == 0 and failures[0].stage == "alert" and "webhook failed" in failures[0].reason


def test_seen_items_state_file_ignores_cut_line(tmp_path):
    path = tmp_path / "seen.txt"
    path.write_text("a1\na2\na3-cut-sho")
    seen = SeenItems(None, path)
    assert "a1" in seen and "a2" in seen and "a3-cut-sho" not in seen
    seen.add("a4")
    assert "a4" in SeenItems(None, path)


def test_seen_items_file_mode_still_sees_stored_articles(tmp_path):
    """Killed after the save but before the id reached the state file: the database still says seen."""
    with open_store(":memory:") as store:
        store.save(Article(id="saved-1", source="test", text="Talks resumed.", raw_text="Talks resumed.",
                           raw_sha256="0" * 64))
        seen = SeenItems(store, tmp_path / "seen.txt")
        assert "saved-1" in seen and "other" not in seen


# ---- polling with the real pipeline ----------------------------------------------------------------------------

@pytest.mark.slow
def test_watch_once_twice_adds_nothing_new(tmp_path, site):
    db = str(tmp_path / "w.duckdb")
    feeds = _feeds(tmp_path, site.base + "/rss")
    (first,) = watch(feeds, Settings(), db, 60, once=True)
    assert first.new == len(STORIES) and first.stored == len(STORIES)
    before, hits = _snapshot(db), _story_hits(site)
    (second,) = watch(feeds, Settings(), db, 60, once=True)
    assert second.items == len(STORIES) and second.new == 0 and second.stored == 0
    assert _story_hits(site) == hits  # seen items are not fetched again
    assert _snapshot(db) == before


@pytest.mark.slow
def test_watch_failing_feeds_do_not_stop_others(tmp_path, site):
    site.add("/broken", "server error", status=500)
    site.add("/slow", rss(site.base, [0]), "application/rss+xml", delay=3.0)
    db = str(tmp_path / "w.duckdb")
    feeds = _feeds(tmp_path, site.base + "/broken", site.base + "/slow", site.base + "/rss")
    (result,) = watch(feeds, Settings(), db, 60, once=True, timeout=0.5)
    assert result.feeds == 1 and result.stored == len(STORIES)
    with open_store(db, read_only=True) as store:
        reasons = {r["source"]: r["reason"] for r in store.rows("failures")}
    assert "HTTP 500" in reasons[site.base + "/broken"]
    assert "timed out" in reasons[site.base + "/slow"].lower()


@pytest.mark.slow
def test_watch_new_items_appear_in_next_poll(tmp_path, site):
    db = str(tmp_path / "w.duckdb")
    site.add("/rss", rss(site.base, [0, 1]), "application/rss+xml")
    feeds = _feeds(tmp_path, site.base + "/rss")
    watch(feeds, Settings(), db, 60, once=True)
    site.add("/rss", rss(site.base, [0, 1, 2]), "application/rss+xml")
    (result,) = watch(feeds, Settings(), db, 60, once=True)
    assert result.new == 1 and result.stored == 1
    assert site.hits.count("/story/0") == 1


@pytest.mark.slow
def test_watch_alerts_match_stored_events(tmp_path, site):
    db, sink = str(tmp_path / "w.duckdb"), tmp_path / "alerts.jsonl"
    alerts = make_alerts(["event=PROTEST"], [str(sink), site.base + "/hook"])
    (result,) = watch(_feeds(tmp_path, site.base + "/rss"), Settings(), db, 60, alerts=alerts, once=True)
    with open_store(db, read_only=True) as store:
        protests = sorted(r["id"] for r in store.rows("events")
                          if r["event"] == "PROTEST" and is_counted(r["confidence"], Settings().min_confidence))
    assert protests, "the stories describe marches, strikes and blockades"  # alerts fire for counted events
    assert sorted(json.loads(line)["event"]["id"] for line in sink.read_text().splitlines()) == protests
    assert sorted(p["event"]["id"] for p in site.posts) == protests
    assert result.alerts == 2 * len(protests)


WATCH_SCRIPT = """
import sys
from eventwire.settings import Settings
from eventwire.watch import watch
watch(sys.argv[1], Settings(batch_size=1), sys.argv[2], 0.2, state_path=sys.argv[3] if len(sys.argv) > 3 else None)
"""


@pytest.mark.slow
@pytest.mark.parametrize("state_file", [False, True])
def test_watch_killed_and_restarted_equals_clean_run(tmp_path, site, state_file):
    for n, (title, body) in enumerate(STORIES):  # slow pages so the kill lands mid-poll
        site.add(f"/story/{n}", page(title, body, n), delay=0.4)
    feeds = _feeds(tmp_path, site.base + "/rss")
    db, state = str(tmp_path / "killed.duckdb"), str(tmp_path / "seen.txt")
    args = [sys.executable, "-c", WATCH_SCRIPT, str(feeds), db] + ([state] if state_file else [])
    proc = subprocess.Popen(args, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        deadline = time.monotonic() + 120
        while _story_hits(site) < 3 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
        assert proc.poll() is None, "watch exited before it was killed"
        assert _story_hits(site) >= 3, "watch made no progress"
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
    with open_store(db, read_only=True) as store:
        # batch_size=1: page 3 is fetched only after articles 1 and 2 are saved; the kill lands mid-poll.
        assert 2 <= store.counts()["articles"] < len(STORIES)
    watch(feeds, Settings(batch_size=1), db, 60, once=True, state_path=state if state_file else None)
    clean = str(tmp_path / "clean.duckdb")
    watch(feeds, Settings(batch_size=1), clean, 60, once=True)
    assert _snapshot(db) == _snapshot(clean)
    assert len(_snapshot(db)["articles"]) == len(STORIES)
