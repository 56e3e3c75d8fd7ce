"""Speaker resolution on the seed articles (../shared/corpus/seeds; skipped when absent).

Only short phrases of the articles appear here, to find the quotes."""

from __future__ import annotations

import pytest

from eventwire.model import Article

pytestmark = [pytest.mark.slow, pytest.mark.gold]


def _quote(article: Article, phrase: str):
    found = [q for q in article.quotes if phrase in q.text]
    assert found, f"no quote containing {phrase!r} in {article.id}"
    return found[0]


def test_seed_articles_all_yield_statements(seeds):
    assert len(seeds) == 5
    for article in seeds.values():
        assert len(article.quotes) >= 3, article.id


def test_seed_direct_quotes_all_have_named_speakers(seeds):
    assert sum(q.kind == "direct" for a in seeds.values() for q in a.quotes) >= 10
    for article in seeds.values():
        for q in article.quotes:
            if q.kind == "direct":
                assert q.speaker is not None and q.speaker.name, (article.id, q.text[:40])


def test_seed_mashal_split_and_pronoun_quotes(seeds):
    article = seeds["000"]
    for phrase in ("full of praise for their heroism", "Pride and appreciation are required",
                   "escalation of this conflict", "unleash all forms of resistance"):
        q = _quote(article, phrase)
        assert q.kind == "direct" and q.speaker.name == "Khaled Mashal", phrase
    continued = _quote(article, "1948 borders, and in the diaspora")
    assert continued.speaker.text == "he" and continued.cue.text == "continued"
    assert any("MEMRI" in name for name in continued.relay)


def test_seed_anadolu_relays_mashal(seeds):
    q = _quote(seeds["000"], "first anniversary of the")
    assert q.speaker.name == "Khaled Mashal" and any("Anadolu" in name for name in q.relay)


def test_seed_spokesman_apposition(seeds):
    q = _quote(seeds["000"], "retreated from issues included")
    assert q.speaker.name == "Osama Hamdan" and q.speaker.org == "Hamas"


def test_seed_surname_resolves_with_organisation(seeds):
    article = seeds["004"]
    for phrase in ("the Israelis are rejecting these", "superpower Americans and Europeans to exercise"):
        q = _quote(article, phrase)
        assert q.speaker.name == "Bassem Naim" and q.speaker.org == "Hamas", phrase
    relayed = _quote(article, "latest Israeli proposals")
    assert relayed.speaker.name == "Bassem Naim" and relayed.relay


def test_seed_judean_descriptors_resolve_to_hamas(seeds):
    article = seeds["002"]
    for phrase in ("the movement has determined", "will not lead to peace"):
        q = _quote(article, phrase)
        assert q.speaker.name == "Hamas" and q.speaker.via in ("descriptor", "document"), phrase


def test_seed_message_conveyed_by_egyptians_goes_to_egypt_with_reports_as_relay(seeds):
    q = _quote(seeds["002"], "international desire for calm")
    assert q.speaker.name == "Egypt" and q.act == "speech"
    assert any("reports" in r for r in q.relay)


def test_seed_defence_minister_warning_goes_to_katz(seeds):
    q = _quote(seeds["001"], "rules of the game have changed")
    assert q.speaker.name == "Israel Katz"


def test_seed_no_speaker_is_an_abstract_noun(seeds):
    for article in seeds.values():
        for q in article.quotes:
            for speaker in q.speakers:
                assert speaker.name is None or speaker.name.lower() not in ("details", "talks", "reports",
                                                                             "agreements"), (article.id, q.text[:40])
