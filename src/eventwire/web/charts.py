"""Charts drawn server-side as inline SVG, so pages need no JavaScript library.

Each function takes plain data and returns `Markup` ready for a template;
every mark carries a `<title>` so hovering shows the exact figure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from markupsafe import Markup, escape

# One colour per PLOVER type (cooperative types cool, conflictual warm); anything else grey.
TYPE_COLOURS = {
    "AGREE": "#1b9e77", "CONSULT": "#66c2a5", "SUPPORT": "#4daf4a", "CONCEDE": "#a6d854", "COOPERATE": "#8dd3c7",
    "AID": "#80b1d3", "RETREAT": "#377eb8", "REQUEST": "#984ea3", "ACCUSE": "#f781bf", "REJECT": "#bc80bd",
    "THREATEN": "#ff7f00", "PROTEST": "#fdb462", "SANCTION": "#a65628", "MOBILIZE": "#e6ab02",
    "COERCE": "#d95f02", "ASSAULT": "#e41a1c",
}
OTHER = "#999999"


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER)


def _svg(width: int, height: int, label: str, body: str, css: str = "chart") -> Markup:
    return Markup(f'<svg class="{css}" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}" '
                  f'xmlns="http://www.w3.org/2000/svg"><title>{escape(label)}</title>{body}</svg>')


def full_date(day: object) -> date | None:
    """The date of a YYYY-MM-DD text; None for partial or odd dates ("2026-01", "unknown")."""
    try:
        return date.fromisoformat(str(day)[:10]) if day and len(str(day)) >= 10 else None
    except ValueError:
        return None


def bucket_of(day: str, unit: str) -> str:
    """The bucket a YYYY-MM-DD day falls in: itself, its ISO week's Monday, or its month."""
    if unit == "day":
        return day
    if unit == "month":
        return day[:7]
    d = date.fromisoformat(day)
    return (d - timedelta(days=d.weekday())).isoformat()


def bucket_unit(first: str, last: str) -> str:
    """Days for up to four months of data, weeks up to three years, months beyond."""
    span = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return "day" if span <= 120 else "week" if span <= 3 * 366 else "month"


def _buckets(first: str, last: str, unit: str) -> list[str]:
    out, d, end = [], date.fromisoformat(first), date.fromisoformat(last)
    while d <= end:
        key = bucket_of(d.isoformat(), unit)
        if not out or out[-1] != key:
            out.append(key)
        d += timedelta(days=1 if unit == "day" else 7 if unit == "week" else 28)
    if bucket_of(end.isoformat(), unit) != out[-1]:
        out.append(bucket_of(end.isoformat(), unit))
    return out


def stacked_bars(counts: Sequence[Mapping[str, object]], href: str | None = None) -> Markup:
    """Events per day (or week/month on long spans) stacked by type; `counts` rows have day, event, n.

    `href`, when given, is a URL prefix to which `date_from=..&date_to=..&event=..` is appended per bar segment.
    """
    rows = [r for r in counts if full_date(r.get("day"))]
    if not rows:
        return Markup('<p class="empty">No dated events.</p>')
    days = sorted(str(r["day"])[:10] for r in rows)
    unit = bucket_unit(days[0], days[-1])
    buckets = _buckets(bucket_of(days[0], unit), days[-1], unit)
    table: dict[str, dict[str, int]] = {b: {} for b in buckets}
    for r in rows:
        cell = table.setdefault(bucket_of(str(r["day"])[:10], unit), {})
        cell[str(r["event"])] = cell.get(str(r["event"]), 0) + int(r["n"])
    types = sorted({t for cell in table.values() for t in cell}, key=lambda t: list(TYPE_COLOURS).index(t)
                   if t in TYPE_COLOURS else 99)
    legend, rows = _legend(types, 36, 760 - 10)
    width, height, left, bottom, top = 760, 230 + 16 * rows, 36, 24 + 16 * rows, 10
    plot_h = height - bottom - top
    peak = max(sum(c.values()) for c in table.values()) or 1
    step = (width - left - 10) / len(buckets)
    parts = [_axis(left, top, plot_h, width, peak)]
    for i, b in enumerate(buckets):
        x, y = left + i * step, top + plot_h
        for t in types:
            n = table[b].get(t, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            rect = (f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(step - 2, 1):.1f}" height="{h:.1f}" '
                    f'fill="{colour(t)}"><title>{escape(b)} {escape(t)}: {n}</title></rect>')
            parts.append(_link(rect, href, b, unit, t))
        if len(buckets) <= 16 or i % math.ceil(len(buckets) / 16) == 0:
            parts.append(f'<text x="{x + step / 2:.1f}" y="{top + plot_h + 14}" class="tick" '
                         f'text-anchor="middle">{escape(b[5:] if unit != "month" else b)}</text>')
    parts.append(f'<g transform="translate(0 {top + plot_h + 32})">{legend}</g>')
    return _svg(width, height, f"Events per {unit} by type", "".join(parts))


def _link(mark: str, href: str | None, bucket: str, unit: str, event_type: str) -> str:
    if not href:
        return mark
    first = date.fromisoformat(bucket + ("-01" if unit == "month" else ""))
    last = first + timedelta(days={"day": 0, "week": 6, "month": 27}[unit])
    url = f"{href}date_from={first.isoformat()}&date_to={last.isoformat()}&event={event_type}"
    return f'<a href="{escape(url)}">{mark}</a>'


def _axis(left: int, top: int, plot_h: int, width: int, peak: int) -> str:
    parts = [f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 10}" y2="{top + plot_h}" class="axis"/>']
    for v in sorted({0, peak, peak // 2}):
        y = top + plot_h - plot_h * v / peak
        parts.append(f'<text x="{left - 4}" y="{y + 3:.1f}" class="tick" text-anchor="end">{v}</text>'
                     f'<line x1="{left}" y1="{y:.1f}" x2="{width - 10}" y2="{y:.1f}" class="grid"/>')
    return "".join(parts)


def _legend(types: Sequence[str], left: float, right: float) -> tuple[str, int]:
    """Legend entries wrapped into rows 16 px apart; returns the SVG and the number of rows."""
    parts, x, y = [], left, 0
    for t in types:
        step = 22 + 7.5 * len(t)  # 10 px labels: about 7 px per capital letter
        if x + step > right and x > left:
            x, y = left, y + 16
        parts.append(f'<rect x="{x:.0f}" y="{y - 8:.0f}" width="9" height="9" fill="{colour(t)}"/>'
                     f'<text x="{x + 12:.0f}" y="{y:.0f}" class="tick">{escape(t)}</text>')
        x += step
    return "".join(parts), y // 16 + 1


ROLES = (("statement", "said", "#3b6fb6"), ("action", "did", "#e41a1c"), ("target", "targeted by others", "#ff7f00"))


def timeline(rows: Sequence[Mapping[str, object]]) -> Markup:
    """An actor's timeline: one row per role (said / did / targeted), a dot per day sized by count.

    `rows` have day (YYYY-MM-DD), role (statement|action|target) and n.
    """
    rows = [r for r in rows if full_date(r.get("day"))]
    if not rows:
        return Markup('<p class="empty">No dated statements or events.</p>')
    days = sorted({str(r["day"])[:10] for r in rows})
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    span = max((last - first).days, 1)
    width, left, row_h, top = 760, 130, 34, 16
    height = top + row_h * len(ROLES) + 24
    peak = max(int(r["n"]) for r in rows)
    parts = []
    for i, (role, label, fill) in enumerate(ROLES):
        y = top + i * row_h + row_h / 2
        parts.append(f'<text x="4" y="{y + 4:.0f}" class="tick">{escape(label)}</text>'
                     f'<line x1="{left}" y1="{y:.0f}" x2="{width - 12}" y2="{y:.0f}" class="grid"/>')
        for r in (r for r in rows if r["role"] == role):
            d = date.fromisoformat(str(r["day"])[:10])
            x = left + (width - left - 24) * (d - first).days / span + 6
            radius = 3 + 9 * (int(r["n"]) / peak) ** 0.5
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.0f}" r="{radius:.1f}" fill="{fill}" fill-opacity="0.75">'
                         f'<title>{escape(str(r["day"]))}: {r["n"]} {escape(label)}</title></circle>')
    base = top + row_h * len(ROLES) + 14
    parts.append(f'<text x="{left}" y="{base}" class="tick">{first.isoformat()}</text>'
                 f'<text x="{width - 12}" y="{base}" class="tick" text-anchor="end">{last.isoformat()}</text>')
    return _svg(width, height, "Timeline of statements and actions", "".join(parts))


def network(center: str, targets: Mapping[str, int], sources: Mapping[str, int], href: str = "",
            limit: int = 12) -> Markup:
    """A small ego network: `center` in the middle, arrows to the actors it targets and from those targeting it.

    Edge width grows with the number of events; at most `limit` partners (the most frequent) are drawn.
    `href` is a URL prefix to which a partner's (escaped) name is appended to link its node.
    """
    partners = sorted(set(targets) | set(sources), key=lambda n: -(targets.get(n, 0) + sources.get(n, 0)))[:limit]
    if not partners:
        return Markup('<p class="empty">No targets or sources recorded.</p>')
    width, height = 560, 360
    cx, cy, radius = width / 2, height / 2, 140
    peak = max([*targets.values(), *sources.values()])
    defs = ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
            'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>')
    edges, nodes = [], []
    for i, name in enumerate(partners):
        angle = 2 * math.pi * i / len(partners) - math.pi / 2
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        for n, colour_, (x1, y1, x2, y2), verb in (
                (targets.get(name, 0), "#e41a1c", _shorten(cx, cy, x, y), "targets"),
                (sources.get(name, 0), "#ff7f00", _shorten(x, y, cx, cy), "targeted by")):
            if n:
                off = 3 if verb == "targets" else -3
                edges.append(f'<line x1="{x1 + off:.1f}" y1="{y1 + off:.1f}" x2="{x2 + off:.1f}" y2="{y2 + off:.1f}" '
                             f'stroke="{colour_}" stroke-width="{1 + 4 * n / peak:.1f}" marker-end="url(#arrow)">'
                             f'<title>{escape(center)} {verb} {escape(name)}: {n}</title></line>')
        node = (f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" class="node"/><text x="{x:.1f}" y="{y + 20:.1f}" '
                f'class="node-label" text-anchor="middle">{escape(name)}</text>')
        nodes.append(f'<a href="{escape(href + _quote(name))}">{node}</a>' if href else node)
    nodes.append(f'<circle cx="{cx}" cy="{cy}" r="11" class="node center"/><text x="{cx}" y="{cy + 26}" '
                 f'class="node-label center" text-anchor="middle">{escape(center)}</text>')
    return _svg(width, height, f"Who {center} targets and who targets it", defs + "".join(edges + nodes), "network")


def _shorten(x1: float, y1: float, x2: float, y2: float, gap: float = 13) -> tuple[float, float, float, float]:
    """The segment between two node centres, trimmed so arrows stop at the circles."""
    length = math.hypot(x2 - x1, y2 - y1) or 1
    dx, dy = (x2 - x1) / length * gap, (y2 - y1) / length * gap
    return x1 + dx, y1 + dy, x2 - dx, y2 - dy


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name, safe="")
