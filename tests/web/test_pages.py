"""HTML pages and their JSON twins, on the fixture database."""

from __future__ import annotations

import pytest

HTML = {"accept": "text/html"}


@pytest.mark.parametrize("path", ["/", "/events", "/events/a1:e0", "/articles", "/articles/a1", "/actors",
                                  "/actors/Red%20Banner%20Front", "/outlets", "/outlets/Orval%20Daily", "/map"])
def test_pages_render_and_have_json_twins(client, path):
    page = client.get(path, headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "Content-Security-Policy" in page.headers
    twin = client.get(("/index" if path == "/" else path) + ".json")
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"


def test_event_page_highlights_its_evidence(client):
    import re

    html = client.get("/events/a1:e0", headers=HTML).text
    focused = re.findall(r'class="hl [^"]*\bfocus" data-records="([^"]*)"[^>]*>([^<]*)<', html)
    assert focused and all("a1:e0" in records.split() for records, _ in focused)
    assert "".join(text for _, text in focused) == "The Red Banner Front attacked a police post in Sallow Harbour " \
                                                   "on Monday, officials said."
    assert 'href="/articles/a1?focus=a1%3Ae0#a1%3Ae0"' in html
    assert "Palmeria Times" in html  # the other outlet covering the cluster


def test_article_page_marks_each_kind(client):
    html = client.get("/articles/a1?focus=a1:q0", headers=HTML).text
    for kind in ("hl-quote", "hl-speaker", "hl-cue", "hl-event", "hl-trigger", "hl-label"):
        assert kind in html
    assert 'data-focus="a1:q0"' in html


def test_events_page_filters_and_links_downloads(client):
    html = client.get("/events", params={"event": "ASSAULT", "actor": "", "date_from": ""}, headers=HTML).text
    assert html.count('class="event-link"') == 2
    assert "/api/events?event=ASSAULT&amp;format=csv" in html


def test_map_page_plots_located_events(client):
    data = client.get("/map.json").json()
    assert data["places"] == [{"label": "Sallow Harbour", "lat": 12.5, "lon": 41.0, "count": 2}]
    assert client.get("/assets/world.svg").headers["content-type"].startswith("image/svg+xml")


def test_api_docs_are_served_locally(client):
    html = client.get("/docs").text
    assert "/static-offline-docs/swagger-ui-bundle.js" in html and "cdn" not in html.lower()
