"""Tests for eventwire/actors/dates.py."""

from __future__ import annotations

import pytest

from eventwire.actors.dates import resolve_date

THURSDAY = "2024-03-21"


@pytest.mark.parametrize("expression, expected", [
    ("on Wednesday", "2024-03-20"),
    ("Thursday", "2024-03-21"),  # the publication day itself
    ("last Thursday", "2024-03-14"),
    ("Jan. 19", "2024-01-19"),
    ("March 25", "2023-03-25"),  # not four days in the future
    ("Dec. 3", "2023-12-03"),
    ("yesterday", "2024-03-20"),
    ("two days ago", "2024-03-19"),
    ("last March", "2023-03"),
    ("October 7, 2023", "2023-10-07"),
])
def test_resolve_date_relative_to_article(expression, expected):
    assert resolve_date(expression, THURSDAY) == expected


@pytest.mark.parametrize("expression", ["tomorrow", "next week", "in 2030", "no date here", ""])
def test_resolve_date_never_future_or_garbage(expression):
    assert resolve_date(expression, THURSDAY) is None


def test_resolve_date_without_article_date_needs_a_year():
    assert resolve_date("Jan. 19", None) is None
    assert resolve_date("Jan. 19, 2020", None) == "2020-01-19"
