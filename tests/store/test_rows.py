"""store/rows.py: model objects <-> table rows, on the hand-built article of conftest.py (no database)."""

from __future__ import annotations

import pytest

from eventwire.model import Article, Event
from eventwire.store import rows as r


def as_dict(row: tuple, columns: tuple[str, ...], table: str) -> dict:
    """A row as a backend returns it (JSON columns still text), decoded as the store does."""
    assert len(row) == len(columns), f"{table}: {len(row)} values for {len(columns)} columns"
    return r.decode(dict(zip(columns, row, strict=True)), table)


def test_every_record_survives_a_row_round_trip(article):
    tables = r.record_rows(article)
    assert {t: len(rows) for t, rows in tables.items()} == {"quotes": 1, "events": 2, "entities": 3, "labels": 1,
                                                            "places": 2}
    quotes = [r.quote_from_row(as_dict(row, r.QUOTE_COLUMNS, "quotes")) for row in tables["quotes"]]
    events = [r.event_from_row(as_dict(row, r.EVENT_COLUMNS, "events")) for row in tables["events"]]
    entities = [r.entity_from_row(as_dict(row, r.ENTITY_COLUMNS, "entities")) for row in tables["entities"]]
    labels = [r.label_from_row(as_dict(row, r.LABEL_COLUMNS, "labels")) for row in tables["labels"]]
    assert (quotes, entities, labels) == (article.quotes, article.entities, article.labels)
    for got, want in zip(events, article.events, strict=True):
        assert got.event_loc == want.event_loc and got.trigger == want.trigger and got.actor == want.actor
        assert (got.requested, got.future, got.text_info, got.rule) == (want.requested, want.future,
                                                                        want.text_info, want.rule)


def test_article_row_round_trip_keeps_removed_lines_and_meta(article):
    row = as_dict((*r.article_row(article),), tuple(c for c in r.ARTICLE_COLUMNS
                                                    if c not in ("first_seen", "updated")), "articles")
    back = r.article_from_row(row)
    assert back.header() == article.header() and back.removed == article.removed and back.meta == article.meta
    assert back.raw_text == article.raw_text and back.text == article.text


def test_record_rows_number_records_in_article_order(build):
    article = build()
    article.events.reverse()
    idx = r.EVENT_COLUMNS.index("idx")
    assert [row[0] for row in r.record_rows(article)["events"]] == [e.id for e in article.events]
    assert [row[idx] for row in r.record_rows(article)["events"]] == [0, 1]


def test_meta_keeps_only_what_json_can_hold():
    article = Article(id="m", source="t", meta={"words": 3, "doc": object(), "tags": ["a"]})
    meta = r.loads(r.article_row(article)[r.ARTICLE_COLUMNS.index("meta")])
    assert meta == {"words": 3, "tags": ["a"]}


@pytest.mark.parametrize(("value", "text"), [(None, None), ({"b": 1, "a": "é"}, '{"a": "é", "b": 1}'),
                                             ([1, 2], "[1, 2]")])
def test_dumps_is_sorted_unescaped_json_and_null_stays_null(value, text):
    assert r.dumps(value) == text
    assert r.loads(text) == value


def test_loads_passes_decoded_values_through():
    assert r.loads({"a": 1}) == {"a": 1} and r.loads(None) is None


def test_decode_touches_only_json_columns():
    row = {"id": "e1", "actor": '[{"entity_text": "Arn"}]', "event_text": '["not json, a sentence"]'}
    assert r.decode(row, "events") == {"id": "e1", "actor": [{"entity_text": "Arn"}],
                                       "event_text": '["not json, a sentence"]'}


def test_minimal_event_decodes_with_defaults():
    event = Event(id="e", article_id="a", event="AGREE")
    back = r.event_from_row(as_dict(r.event_row(event, 0), r.EVENT_COLUMNS, "events"))
    assert (back.actor, back.context, back.event_loc, back.trigger, back.event_text) == ([], [], None, None, "")
