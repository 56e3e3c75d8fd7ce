"""The REST API on the hand-written fixture database (tests/web/fixture_db.py)."""

from __future__ import annotations

import csv
import io
import json

import pytest


def test_events_list_paginates_newest_first(client):
    body = client.get("/api/events", params={"limit": 2}).json()
    assert body["total"] == 5
    assert [e["id"] for e in body["items"]] == ["a3:e0", "a2:e0"]
    assert "offset=2" in body["next"]
    last = client.get("/api/events", params={"limit": 2, "offset": 4}).json()
    assert last["next"] is None and [e["id"] for e in last["items"]] == ["a2:e1"]


@pytest.mark.parametrize(("params", "expected"), [
    ({"event": "ASSAULT"}, {"a1:e0", "a2:e1"}),
    ({"actor": "red banner front"}, {"a1:e0", "a2:e1"}),
    ({"actor": "XPA"}, {"a2:e0"}),
    ({"recipient": "Red Banner Front"}, {"a2:e0"}),
    ({"outlet": "Palmeria Times"}, {"a2:e0", "a2:e1"}),
    ({"q": "POLICE POST"}, {"a1:e0", "a2:e0", "a2:e1"}),
    ({"requested": "PROTEST"}, {"a1:e1"}),
    ({"calls_to_action": "true"}, {"a1:e1"}),
    ({"date_from": "2025-06-03", "date_to": "2025-06-04"}, {"a2:e0"}),
    ({"cluster": "c1"}, {"a1:e0", "a2:e1"}),
    ({"article": "a3"}, {"a3:e0"}),
])
def test_events_filters_select_matching_records(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert {e["id"] for e in body["items"]} == expected
    assert body["total"] == len(expected)


def test_events_records_keep_provenance(client):
    event = client.get("/api/events/a1:e0").json()["event"]
    text = client.get("/api/articles/a1").json()["article"]["text"]
    span = event["text_info"]
    assert text[span["start"]:span["end"]] == event["event_text"]
    assert event["article_id"] == "a1" and event["outlet"] == "Orval Daily"


def test_quotes_filter_by_speaker_or_organisation(client):
    by_name = client.get("/api/quotes", params={"actor": "Tessa Lund"}).json()
    by_org = client.get("/api/quotes", params={"actor": "red banner front"}).json()
    assert [q["id"] for q in by_name["items"]] == ["a1:q0"] == [q["id"] for q in by_org["items"]]


def test_labels_filter_by_kind(client):
    body = client.get("/api/labels", params={"kind": "scare_quote"}).json()
    assert [lab["text"] for lab in body["items"]] == ["liberation army"]


def test_articles_list_omits_text_and_counts_records(client):
    items = client.get("/api/articles").json()["items"]
    a1 = next(a for a in items if a["id"] == "a1")
    assert "text" not in a1 and "raw_text" not in a1
    assert (a1["events"], a1["quotes"], a1["labels"]) == (2, 1, 1)
    assert [a["id"] for a in client.get("/api/articles", params={"actor": "Tessa Lund"}).json()["items"]] == ["a1"]


def test_clusters_list_names_covering_outlets(client):
    (cluster,) = client.get("/api/clusters").json()["items"]
    assert cluster["id"] == "c1" and cluster["articles"] == 2
    assert cluster["outlets"] == ["Orval Daily", "Palmeria Times"]


def test_actors_count_actions_targets_and_statements(client):
    items = {a["name"]: a for a in client.get("/api/actors").json()["items"]}
    front = items["Red Banner Front"]
    assert (front["actions"], front["targeted"], front["statements"]) == (2, 1, 1)  # Lund speaks for the Front
    assert items["Tessa Lund"]["statements"] == 1
    assert [a["name"] for a in client.get("/api/actors", params={"q": "palm"}).json()["items"]] == \
        ["Kingdom of Palmeria"]


def test_actor_detail_lists_targets_and_sources(client):
    body = client.get("/api/actors/red banner front").json()
    assert body["targets"] == {"Orval police": 1}
    assert body["targeted_by"] == {"Kingdom of Palmeria": 1}
    roles = {(r["day"], r["role"]) for r in body["timeline"]}
    assert ("2025-06-02", "action") in roles and ("2025-06-03", "target") in roles


def test_outlets_show_the_outlet_reports_figures(client):
    items = {o["name"]: o for o in client.get("/api/outlets").json()["items"]}
    times = items["Palmeria Times"]
    assert (times["loaded"], times["scare_quotes"], times["quotes"]) == (0, 1, 1)  # scare quotes apart
    assert items["Orval Daily"]["loaded"] == 0 and items["Orval Daily"]["events"] == 2
    detail = client.get("/api/outlets/Palmeria Times").json()
    assert [sq["text"] for sq in detail["scare_quotes"]] == ["liberation army"]
    assert detail["event_types"] == [{"event": "ACCUSE", "n": 1}, {"event": "ASSAULT", "n": 1}]
    detail = client.get("/api/outlets/Orval Daily").json()
    assert detail["labels"] == [{"actor": "Red Banner Front", "label": "militant group", "n": 1}]


def test_event_detail_has_cluster_outlets(client):
    body = client.get("/api/events/a2:e1").json()
    assert body["outlets"] == ["Orval Daily", "Palmeria Times"]
    assert {e["id"] for e in body["cluster"]} == {"a1:e0", "a2:e1"}


def test_download_csv_holds_whole_filtered_list(client):
    r = client.get("/api/events", params={"event": "ASSAULT", "format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["id"] for row in rows} == {"a1:e0", "a2:e1"}
    assert json.loads(rows[0]["actor"])[0]["name"] == "Red Banner Front"


def test_download_jsonl_respects_explicit_limit(client):
    r = client.get("/api/quotes", params={"format": "jsonl", "limit": 1})
    lines = r.text.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "a2:q0"


def test_download_of_empty_list_is_empty(client):
    r = client.get("/api/events", params={"q": "no such words anywhere", "format": "csv"})
    assert r.status_code == 200 and r.text == ""


def test_quotes_show_speech_by_default_and_other_acts_on_request(client):
    default = [q["id"] for q in client.get("/api/quotes").json()["items"]]
    assert default and default == [q["id"] for q in client.get("/api/quotes", params={"act": "all"}).json()["items"]]
    assert client.get("/api/quotes", params={"act": "belief"}).json()["items"] == []
    assert client.get("/api/quotes", params={"act": "gossip"}).status_code == 422
