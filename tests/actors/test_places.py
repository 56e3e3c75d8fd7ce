"""Tests for eventwire/actors/places.py."""

from __future__ import annotations

import pytest

from eventwire.actors.places import resolve_place
from eventwire.pipeline import Context
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def ctx():
    return Context(Settings())


def test_resolve_place_gazetteer_city(ctx):
    place = resolve_place("Istanbul", ctx)
    assert (place.code, place.level) == ("TUR", "city") and place.geonames_id and place.lat is not None


def test_resolve_place_our_addition(ctx):
    place = resolve_place("the southern Gaza city of Khan Younis", ctx)
    assert (place.name, place.code, place.level) == ("Khan Younis", "PSE", "city")
    assert resolve_place("al-Shifa hospital", ctx).level == "site"


def test_resolve_place_alias_for_region(ctx):
    place = resolve_place("Judea and Samaria", ctx)
    assert (place.name, place.code, place.level) == ("West Bank", "PSE", "region")


def test_resolve_place_country(ctx):
    place = resolve_place("Armenia", ctx)  # the country, not the Colombian city of the same name
    assert (place.code, place.level) == ("ARM", "country")


def test_resolve_place_comma_country_picks_homonym(ctx):
    assert resolve_place("Tripoli, Lebanon", ctx).code == "LBN"


def test_resolve_place_unknown(ctx):
    assert resolve_place("nowhere in particular", ctx) is None
