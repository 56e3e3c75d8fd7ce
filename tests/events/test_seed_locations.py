"""The seed articles (../shared/corpus/seeds): the fighting, strikes, conference and talks they report
carry their location. Skips when ../shared is absent."""

from __future__ import annotations

import pytest

from eventwire.model import Article

pytestmark = [pytest.mark.slow, pytest.mark.gold]


def _located(article: Article, trigger: str, words: tuple[str, ...] = ()) -> set[str]:
    """Location names of the events triggered by `trigger` whose sentence contains `words`."""
    return {e.event_loc.name for e in article.events
            if e.trigger and e.trigger.text.lower() == trigger and e.event_loc is not None
            and all(w in e.event_text for w in words)}


def test_fighting_and_battles_at_khan_younis(seeds):
    assert "Khan Younis" in _located(seeds["004"], "fighting")
    assert "Khan Younis" in _located(seeds["004"], "battles")


def test_strikes_in_gaza(seeds):
    assert "Gaza Strip" in _located(seeds["001"], "strikes", ("extensive",))


def test_istanbul_conference(seeds):
    assert "Istanbul" in _located(seeds["000"], "conference")
    assert "Istanbul" in _located(seeds["003"], "conference")


def test_talks_in_doha_and_cairo(seeds):
    assert "Doha" in _located(seeds["004"], "talks", ("Doha",))
    assert "Cairo" in _located(seeds["002"], "met")
