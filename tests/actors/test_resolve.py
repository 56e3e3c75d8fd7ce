"""Tests for eventwire/actors/resolve.py through the public `resolve_text`."""

from __future__ import annotations

import pytest

from eventwire.actors import resolve_text
from eventwire.pipeline import Context
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def ctx():
    return Context(Settings())


@pytest.mark.parametrize("phrase, code, sector", [
    ("Iranian authorities", "IRN", "GOV"),
    ("Pakistani troops", "PAK", "MIL"),
    ("the Israeli army", "ISR", "MIL"),
    ("Israeli forces", "ISR", "MIL"),
    ("the IDF", "ISR", "MIL"),
    ("senior Egyptian intelligence officials", "EGY", "SPY"),
    ("the Egyptian foreign ministry", "EGY", "GOV"),
    ("Hamas", "PSE", "REB"),
    ("a Hamas spokesman", "PSE", "REB"),
    ("the Hamas-run health ministry", "PSE", "GOV"),
    ("Tehran", "IRN", "GOV"),
    ("Turkish police", "TUR", "COP"),
    ("Poland's parliament", "POL", "LEG"),
    ("Sudanese rebels", "SDN", "REB"),
    ("the Israeli prime minister's office", "ISR", "GOV"),
    ("Netanyahu", "ISR", "GOV"),
    ("Saudi-led coalition forces", "SAU", "MIL"),
    ("Iranian-backed Houthis", "YEM", "REB"),
    ("pro-Iranian militias", None, "PRM"),
    ("Gaza-based militants", "PSE", "REB"),
])
def test_resolve_text_codes_phrase(ctx, phrase, code, sector):
    ent = resolve_text(phrase, ctx)
    assert (ent.code, ent.sector) == (code, sector)


def test_resolve_text_same_actor_for_idf_aliases(ctx):
    names = {resolve_text(p, ctx).name for p in ("the IDF", "Israeli forces", "the Israel Defense Forces")}
    assert names == {"Israel Defense Forces"}


def test_resolve_text_unknown_has_no_code(ctx):
    ent = resolve_text("the local football club", ctx)
    assert ent.code is None and ent.entity_text == "the local football club"


def test_resolve_text_ethnic_group_is_not_a_nationality(ctx):
    assert resolve_text("ethnic Albanians", ctx).code is None


def test_resolve_text_group_with_and_without_home_country(ctx):
    kurds = resolve_text("Kurdish rebels", ctx)
    assert (kurds.code, kurds.sector, kurds.type) == (None, "REB", "NORP")
    assert resolve_text("Yoruba leaders", ctx).code == "NGA"


def test_resolve_text_lower_case_common_noun_is_not_a_capital(ctx):
    # "The Valley" is a capital (Anguilla); "the valley" in running text is a common noun
    assert resolve_text("the valley", ctx).code is None
    assert resolve_text("Tehran", ctx).code == "IRN"


@pytest.mark.parametrize("phrase", ["North Korea's only ally", "allies of Russia", "Iran's proxies"])
def test_related_party_takes_no_code_from_the_one_named(ctx, phrase):
    """"X's ally" is another party; coding it X is a wrong record."""
    ent = resolve_text(phrase, ctx)
    assert ent is None or ent.code is None


def test_the_people_of_a_region_of_many_countries_take_no_country(ctx):
    # "Central American" is no adjective of the United States (groups.yaml, `region: true`)
    migrants = resolve_text("Central American migrants", ctx)
    assert migrants.code is None and migrants.source == "region"
    assert resolve_text("American troops", ctx).code == "USA"
    assert resolve_text("South African police", ctx).code == "ZAF"
