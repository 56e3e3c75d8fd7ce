"""Publication dates (eventwire/ingest/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.ingest.dates import parse_date

TODAY = dt.date(2024, 6, 1)


@pytest.mark.parametrize(("value", "iso"), [
    ("2024-03-20", "2024-03-20"),
    ("2024-03-20T10:00:00Z", "2024-03-20"),
    ("March 20, 2024", "2024-03-20"),
    ("20 March 2024", "2024-03-20"),
    ("Wednesday, March 20, 2024 10:31 am EST", "2024-03-20"),
    ("Tue, 19 Mar 2024 08:00:00 GMT", "2024-03-19"),
    ("03/04/2024", "2024-03-04"),  # English month-first order
])
def test_parse_date_formats(value: str, iso: str):
    assert parse_date(value, today=TODAY) == iso


@pytest.mark.parametrize("value", ["", None, "March 20", "soon", "2024-07-01"])
def test_parse_date_refuses_partial_unparseable_and_future(value):
    assert parse_date(value, today=TODAY) is None
