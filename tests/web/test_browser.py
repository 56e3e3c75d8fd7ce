"""Web UI acceptance: Debian's chromium, driven by Playwright, on a database built from examples/.

Each test writes screenshots to tests/_artifacts/screenshots/. Skipped (with the reason) when
/usr/bin/chromium is absent; .ci/run installs it.
"""

from __future__ import annotations

import csv
import io
import re

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.slow


def no_console_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    return errors


def event_types_shown(page) -> list[str]:
    cells = page.locator("table.events-table td:nth-child(2) .etype").all_inner_texts()
    return [t.strip().split("/")[0] for t in cells]


def test_browser_every_page_loads_offline(page, live_examples):
    errors = no_console_errors(page)
    outside: list[str] = []
    page.on("request", lambda req: outside.append(req.url) if not req.url.startswith(live_examples.url) else None)
    page.goto("/")
    event_url = page.locator("a.event-link").first.get_attribute("href")
    actor_url = page.locator("a[href^='/actors/']").first.get_attribute("href")
    page.goto("/outlets")
    outlet_url = page.locator("a[href^='/outlets/']").first.get_attribute("href")
    page.goto("/articles")
    article_url = page.locator("a[href^='/articles/']").first.get_attribute("href")
    for name, url in [("overview", "/"), ("events", "/events"), ("event", event_url), ("article", article_url),
                      ("actor", actor_url), ("outlet", outlet_url), ("map", "/map"), ("actors", "/actors"),
                      ("outlets", "/outlets"), ("articles", "/articles"), ("api-docs", "/docs")]:
        response = page.goto(url)
        assert response.status == 200, f"{name} page {url}: HTTP {response.status}"
        page.wait_for_load_state("networkidle")
        assert screenshot(page, name).stat().st_size > 0
    assert not outside, f"pages fetched from other hosts: {outside}"
    assert not errors, f"console errors: {errors}"


def test_browser_overview_to_event_to_highlighted_evidence(page):
    page.goto("/")
    assert page.locator("svg.chart rect").count() > 0, "the events-per-day chart has no bars"
    link = page.locator("a.event-link").first
    link.click()
    page.wait_for_url(re.compile(r"/events/[^/]+$"))
    evidence = page.locator("dd.evidence").inner_text().strip()
    screenshot(page, "flow-1-event")
    page.locator("#to-article").click()
    page.wait_for_url(re.compile(r"/articles/"))
    focused = page.locator("article.article-text .hl.focus")
    assert focused.count() > 0, "the event's evidence is not highlighted in the article"
    highlighted = " ".join(focused.all_inner_texts())
    assert highlighted.split()[0] in evidence and highlighted.split()[-1] in evidence
    assert focused.first.is_visible()
    assert focused.first.evaluate("el => getComputedStyle(el).backgroundColor") != "rgba(0, 0, 0, 0)"
    screenshot(page, "flow-2-article-evidence")


def test_browser_events_table_filters(page):
    page.goto("/events")
    total = int(page.locator(".downloads").inner_text().split()[0])
    types = event_types_shown(page)
    assert types, "the events table is empty"
    chosen = types[-1]
    with page.expect_navigation():
        page.select_option("select[name=event]", chosen)  # the form submits itself on change
    assert f"event={chosen}" in page.url
    shown = event_types_shown(page)
    assert shown and set(shown) == {chosen}
    filtered = int(page.locator(".downloads").inner_text().split()[0])
    assert filtered <= total
    screenshot(page, "events-filtered")
    page.fill("#table-filter", "zzzz no row has this")
    assert page.locator("table.events-table tbody tr:visible").count() == 0


def test_browser_downloads_filtered_csv(page, tmp_path):
    page.goto("/events")
    page.select_option("select[name=event]", index=0)
    total = int(page.locator(".downloads").inner_text().split()[0])
    with page.expect_download() as info:
        page.locator("#download-csv").click()
    download = info.value
    assert download.suggested_filename == "events.csv"
    path = tmp_path / "events.csv"
    download.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == total
    assert {"id", "article_id", "event", "actor", "event_text"} <= set(rows[0])
