"""Publication dates -> ISO `YYYY-MM-DD`, with dateparser.

English month-first order for ambiguous numbers (03/04/2024 is 4 March),
day, month and year all required (a bare "March 20" is not a publication
date), and nothing after today: a future publication date is a parse error.
"""

from __future__ import annotations

import datetime as dt

import dateparser

_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "DATE_ORDER": "MDY",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
}


def parse_date(value: str | None, today: dt.date | None = None) -> str | None:
    """ISO date of a date string (any common English format), or None."""
    if not value or not str(value).strip():
        return None
    value = str(value).strip()
    today = today or dt.date.today()
    parsed: dt.date | None
    try:  # ISO 8601, the common case in metadata, without dateparser's cost
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        found = dateparser.parse(value[:100], languages=["en"], settings=_SETTINGS)
        parsed = found.date() if found else None
    if parsed is None or parsed > today:
        return None
    return parsed.isoformat()
