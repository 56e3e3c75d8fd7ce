"""Statements built from the column constants: chunked multi-row updates, no user strings in SQL."""

from __future__ import annotations

import pytest

from eventwire.model import Event
from eventwire.store import queries as q


def test_update_clusters_spans_several_chunks(store, build):
    article = build()
    n = q.CHUNK * 2 + 7  # three statements
    article.events = [Event(id=f"{article.id}:e{i}", article_id=article.id, event="PROTEST") for i in range(n)]
    store.save(article)
    mapping = {f"{article.id}:e{i}": f"c-{i % 3}" for i in range(n)}
    assert store.update_clusters(mapping) == n
    stored = {e["id"]: e["cluster_id"] for e in store.iter_events()}
    assert stored == mapping


def test_select_joined_refuses_unknown_filter_columns():
    with pytest.raises(ValueError, match="cannot filter events by 'id; DROP TABLE events'"):
        q.select_joined("events", ("id; DROP TABLE events",))
    assert 'r."event" = ?' in q.select_joined("events", ("event",))
