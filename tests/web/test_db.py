"""Read-only database access for the web app."""

from __future__ import annotations

import duckdb
import pytest

from eventwire.web.db import Database, event_types


def test_event_types_come_from_the_events_ontology():
    types = event_types()
    assert {"ASSAULT", "REQUEST", "PROTEST", "AGREE"} <= set(types) and "DEMAND" not in types


def test_database_refuses_writes(fixture_db):
    db = Database(fixture_db)
    try:
        with pytest.raises(duckdb.Error, match="read-only"):
            db.cursor().execute("UPDATE events SET event = 'AID'")
        assert db.value("SELECT count(*) FROM events WHERE event = 'AID'") == 0
    finally:
        db.close()


def test_database_remembers_counts(fixture_db):
    db = Database(fixture_db)
    try:
        sql = "SELECT count(*) FROM events WHERE event = ?"
        assert db.count(sql, ["ASSAULT"]) == 2
        db._counts[(sql, ("ASSAULT",))] = 99  # a cached total is served without asking DuckDB again
        assert db.count(sql, ["ASSAULT"]) == 99 and db.count(sql, ["AGREE"]) == 1
    finally:
        db.close()


def test_database_streams_rows_with_json_decoded(fixture_db):
    db = Database(fixture_db)
    try:
        rows = list(db.stream("SELECT id, actor FROM events ORDER BY id", table="events", batch=2))
        assert len(rows) == 5 and isinstance(rows[0]["actor"], list)
    finally:
        db.close()
