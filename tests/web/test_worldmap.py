"""The offline world map."""

from __future__ import annotations

from eventwire.web import worldmap


def test_outline_paths_come_from_the_installed_package():
    paths = worldmap.outline_paths()
    assert len(paths["land"]) > 10_000 and paths["borders"]


def test_project_is_equirectangular():
    assert worldmap.project(0, 0) == (180.0, worldmap.NORTH)
    assert worldmap.project(-180, worldmap.NORTH) == (0.0, 0.0)


def test_map_svg_draws_a_dot_per_place_over_the_outline():
    svg = worldmap.map_svg([{"lat": 12.5, "lon": 41.0, "label": "Sallow <Harbour>", "count": 3},
                            {"lat": -33.9, "lon": 18.4, "label": "Cape", "count": 1, "href": "/x"}], "/assets/w.svg")
    assert svg.count("<circle") == 2 and 'href="/assets/w.svg"' in svg
    assert "Sallow &lt;Harbour&gt;: 3 event(s)" in svg
    assert 'cx="221.0" cy="71.5"' in svg
