"""Hand-built articles with every kind of record, for the store tests.

The texts are invented (the Republic of Vostra, the Kelmish Front) so no
real person is quoted.
"""

from __future__ import annotations

import hashlib

import pytest

from eventwire.model import Article, Cue, Entity, Event, Label, Place, Quote, RemovedLine, Speaker

TEXT = ('Vostran troops shelled the town of Arn on Monday, the Kelmish Front said. '
        '"We will answer every attack," spokesman Ivo Drask told reporters.')


def span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def build_article(id: str = "vostra-1", text: str = TEXT, outlet: str = "The Northern Ledger") -> Article:
    """An article as the full pipeline would leave it, with offsets into `text`."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article = Article(id=id, source=f"fixtures/{id}.txt", text=text, raw_text="Photo: smoke\n" + text,
                      raw_sha256=sha, url=f"https://ledger.example/{id}", outlet=outlet, title="Shelling in Arn",
                      byline="Mira Ost", date="2024-03-18", language="en",
                      removed=[RemovedLine(text="Photo: smoke", reason="caption", line_no=0)],
                      meta={"words": len(text.split())})
    if text != TEXT:
        return article
    sentence_end = text.index(".") + 1
    quote = span(text, "We will answer every attack")
    front = Entity("Kelmish Front", name="Kelmish Front", code="KLM", sector="REB", type="ORG",
                   start=span(text, "Kelmish Front")[0], end=span(text, "Kelmish Front")[1], source="dictionary")
    drask = Entity("Ivo Drask", name="Ivo Drask", code="KLM", sector="REB", type="PERSON", org="Kelmish Front",
                   start=span(text, "Ivo Drask")[0], end=span(text, "Ivo Drask")[1], source="apposition")
    troops = Entity("Vostran troops", name="Vostra", code="VST", sector="MIL", type="NORP", start=0, end=14)
    article.entities = [troops, front, drask]
    article.quotes = [Quote(id=f"{id}:q0", article_id=id, text=text[quote[0]:quote[1]], start=quote[0], end=quote[1],
                            kind="direct", cue=Cue("told", *span(text, "told")),
                            speaker=Speaker("Ivo Drask", drask.start, drask.end, name="Ivo Drask",
                                            org="Kelmish Front", code="KLM", sector="REB"),
                            relay=["Ledger wire"])]
    article.events = [
        Event(id=f"{id}:e0", article_id=id, event="ASSAULT", mode="shelling", context=["military"],
              actor=[troops], recipient=[Entity("Arn", code="VST", type="GPE")], date="2024-03-18",
              event_loc=Place("Arn", name="Arn", code="VST", level="city", start=span(text, "Arn")[0],
                              end=span(text, "Arn")[1]),
              event_text=text[:sentence_end], text_info={"start": 0, "end": sentence_end}, rule="assault/shell-verb",
              trigger=Cue("shelled", *span(text, "shelled")), confidence=0.9,
              mentions=[Cue("shelled", *span(text, "shelled")), Cue("attack", *span(text, "attack"))]),
        Event(id=f"{id}:e1", article_id=id, event="THREATEN", mode="military", actor=[front],
              event_text=text[sentence_end + 1:], text_info={"start": sentence_end + 1, "end": len(text)},
              quote_id=f"{id}:q0", requested={"event": "ASSAULT", "mode": None}, future=True,
              rule="threaten/quote", confidence=0.3),
    ]
    article.labels = [Label(id=f"{id}:l0", article_id=id, text="spokesman", start=span(text, "spokesman")[0],
                            end=span(text, "spokesman")[1], kind="descriptor", actor="Ivo Drask", voice="writer")]
    article.places = [Place("Arn", name="Arn", code="VST", geonames_id=None, lat=45.1, lon=28.2, level="city",
                            start=span(text, "Arn")[0], end=span(text, "Arn")[1], article_id=id, feature="P.PPL",
                            country="VST", admin1=None, via="own"),
                      Place("Zorv", start=None, end=None, article_id=id, reason="not in the gazetteer")]
    return article


@pytest.fixture
def build():
    """The `build_article` factory (test modules take it as a fixture, not an import)."""
    return build_article


@pytest.fixture
def article() -> Article:
    return build_article()


@pytest.fixture(params=["duckdb", "postgres"])
def db_url(request, tmp_path):
    """The address of an empty database of each backend: a DuckDB file, or a fresh PostgreSQL schema."""
    if request.param == "duckdb":
        yield str(tmp_path / "test.duckdb")
        return
    from pgserver import fresh_schema

    with fresh_schema() as url:
        yield url


@pytest.fixture
def store(db_url):
    from eventwire.store import open_store

    with open_store(db_url) as opened:
        yield opened
