"""Server-side SVG charts."""

from __future__ import annotations

from eventwire.web import charts


def test_stacked_bars_stack_types_per_day():
    svg = charts.stacked_bars([{"day": "2025-06-02", "event": "ASSAULT", "n": 2},
                               {"day": "2025-06-02", "event": "AGREE", "n": 1},
                               {"day": "2025-06-04", "event": "AGREE", "n": 3}], href="/events?")
    assert svg.count("<rect") >= 3 + 2  # three bar segments, plus a legend swatch per type
    assert "2025-06-02 ASSAULT: 2" in svg
    assert "date_from=2025-06-04&amp;date_to=2025-06-04&amp;event=AGREE" in svg


def test_stacked_bars_bucket_long_spans_by_week():
    rows = [{"day": f"2025-{m:02d}-01", "event": "PROTEST", "n": 1} for m in range(1, 13)]
    assert "Events per week by type" in charts.stacked_bars(rows)


def test_stacked_bars_ignore_partial_dates():
    assert "No dated events" in charts.stacked_bars([{"day": "2025-06", "event": "AID", "n": 4}])


def test_timeline_places_roles_on_rows():
    svg = charts.timeline([{"day": "2025-06-02", "role": "statement", "n": 2},
                           {"day": "2025-06-05", "role": "target", "n": 1}])
    assert "2025-06-02: 2 said" in svg and "2025-06-05: 1 targeted by others" in svg


def test_network_draws_arrows_both_ways_and_escapes_names():
    svg = charts.network("Front <A>", {"Police": 3}, {"Palmeria": 1}, href="/actors/")
    assert "Front &lt;A&gt; targets Police: 3" in svg
    assert "Front &lt;A&gt; targeted by Palmeria: 1" in svg
    assert 'href="/actors/Police"' in svg
    assert "<A>" not in svg


def test_network_without_partners_says_so():
    assert "No targets" in charts.network("Lone", {}, {})
