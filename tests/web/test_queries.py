"""web/queries.py on the hand-built database (tests/web/fixture_db.py): each filter, paging and the aggregates."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.web import queries as q
from eventwire.web.db import Database


@pytest.fixture(scope="module")
def db(fixture_db):
    database = Database(fixture_db)
    database.prepare(q.index_sql())
    return database


def ids(listing: q.Listing, db: Database) -> list[str]:
    return [r["id"] for r in listing.page(db, 100, 0)["items"]]


def test_events_newest_day_first_then_article_order_with_header(db):
    page = q.events(q.Filters()).page(db, 2, 0)
    assert page["total"] == 5
    assert [r["id"] for r in page["items"]] == ["a3:e0", "a2:e0"]
    assert page["items"][0]["outlet"] is None and page["items"][1]["outlet"] == "Palmeria Times"


@pytest.mark.parametrize(("filters", "expected"), [
    (q.Filters(actor="red banner front"), ["a1:e0", "a2:e1"]),  # canonical name, any case
    (q.Filters(actor="XPA"), ["a2:e0"]),  # a code
    (q.Filters(recipient="Kingdom of Palmeria"), ["a3:e0"]),
    (q.Filters(event="ASSAULT"), ["a1:e0", "a2:e1"]),
    (q.Filters(requested="PROTEST"), ["a1:e1"]),
    (q.Filters(calls_to_action=True), ["a1:e1"]),
    (q.Filters(outlet="Orval Daily"), ["a1:e0", "a1:e1"]),
    (q.Filters(cluster="c1"), ["a1:e0", "a2:e1"]),
    (q.Filters(date_from=date(2025, 6, 3), date_to=date(2025, 6, 4)), ["a2:e0"]),
    (q.Filters(q="blockade"), ["a1:e1"]),
    (q.Filters(actor="nobody at all"), []),
])
def test_event_filters(db, filters, expected):
    assert ids(q.events(filters), db) == expected


def test_quote_filters_match_speaker_org_and_code(db):
    assert ids(q.quotes(q.Filters(actor="Red Banner Front")), db) == ["a1:q0"]  # the speaker's organisation
    assert ids(q.quotes(q.Filters(actor="XPA")), db) == ["a2:q0"]
    assert ids(q.quotes(q.Filters(q="violence")), db) == ["a2:q0"]


def test_label_filters_by_kind_and_actor(db):
    assert ids(q.labels(q.Filters(kind="scare_quote")), db) == ["a2:l0"]
    assert ids(q.labels(q.Filters(actor="red banner front")), db) == ["a2:l0", "a1:l0"]


def test_articles_count_their_records(db):
    rows = {r["id"]: r for r in q.articles(q.Filters()).page(db, 10, 0)["items"]}
    assert list(rows) == ["a3", "a2", "a1"]
    assert (rows["a1"]["events"], rows["a1"]["quotes"], rows["a1"]["labels"]) == (2, 1, 1)
    assert ids(q.articles(q.Filters(event="AGREE")), db) == ["a3"]


def test_paging_and_streaming_agree(db):
    listing = q.events(q.Filters())
    pages = [r["id"] for offset in (0, 2, 4) for r in listing.page(db, 2, offset)["items"]]
    assert pages == [r["id"] for r in listing.stream(db)] and len(pages) == 5
    assert [r["id"] for r in listing.stream(db, limit=3)] == pages[:3]


def test_clusters_and_outlets(db):
    (cluster,) = q.clusters(q.Filters()).page(db, 10, 0)["items"]
    assert (cluster["id"], cluster["events"], cluster["outlets"]) == ("c1", 2, ["Orval Daily", "Palmeria Times"])
    outlets = {o["name"]: o for o in q.all_outlets(db)}
    assert set(outlets) == {"Orval Daily", "Palmeria Times"}  # an article without outlet is in no row
    assert (outlets["Orval Daily"]["events"], outlets["Orval Daily"]["quotes"]) == (2, 1)


def test_actor_summary_counts_roles(db):
    actors = {a["name"]: a for a in q.all_actors(db)}
    front = actors["Red Banner Front"]
    assert (front["actions"], front["targeted"], front["statements"]) == (2, 1, 1)  # as org of Tessa Lund's quote


def test_page_aggregates(db):
    assert q.table_counts(db, ("articles", "events")) == {"articles": 3, "events": 5}
    assert q.event_counts(db) == {"events": 5, "events_below_threshold": 0, "clusters": 1}
    (place,) = q.event_places(db, q.events(q.Filters()))
    assert (place["name"], place["count"]) == ("Sallow Harbour", 2)
    assert q.partners(db, q.events(q.Filters(actor="Red Banner Front")), "recipient", "Red Banner Front") == {
        "Orval police": 1}
    with pytest.raises(ValueError, match="no entity column"):
        q.partners(db, q.events(q.Filters()), "text; DROP TABLE events", "x")
    assert q.article_row(db, "nope") is None and "raw_text" not in q.article_row(db, "a1")
