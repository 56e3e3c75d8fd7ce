"""Schema migrations: numbered, applied in order, each in a transaction."""

from __future__ import annotations

import pytest

from eventwire.errors import StoreError
from eventwire.store import DuckDBStore, open_store
from eventwire.store.migrations import Migration, load_migrations


def test_load_migrations_numbered_from_one():
    migrations = load_migrations()
    assert [m.version for m in migrations] == list(range(1, len(migrations) + 1))
    assert migrations[0].name == "initial"


def test_load_migrations_gap_is_error(tmp_path):
    (tmp_path / "001_a.sql").write_text("SELECT 1;")
    (tmp_path / "003_c.sql").write_text("SELECT 1;")
    with pytest.raises(StoreError, match="migration 002 is missing"):
        load_migrations(tmp_path)


def test_load_migrations_bad_name_is_error(tmp_path):
    (tmp_path / "first.sql").write_text("SELECT 1;")
    with pytest.raises(StoreError, match="first.sql: migration files must be named"):
        load_migrations(tmp_path)


def test_migrate_upgrades_version_1_database(tmp_path, build):
    path = str(tmp_path / "old.duckdb")
    v1 = DuckDBStore(path, migrations=load_migrations()[:1])
    assert v1.schema_version() == 1
    # A version-1 file has no duplicate_of/cluster_id columns: write its rows the way version 1 did.
    v1.con.execute("INSERT INTO articles (id, source, text, raw_sha256, raw_text, first_seen, updated) "
                   "VALUES ('old-1', 'old.txt', 'Old text.', 'abc', 'Old text.', now(), now())")
    v1.con.execute("INSERT INTO events (id, article_id, idx, event, negated, hypothetical, future) "
                   "VALUES ('old-1:e0', 'old-1', 0, 'PROTEST', false, false, false)")
    v1.close()
    with open_store(path) as store:
        assert store.schema_version() == len(load_migrations())
        assert store.load_article("old-1").duplicate_of is None
        store.update_clusters({"old-1:e0": "c-old"})
        assert [e["cluster_id"] for e in store.iter_events()] == ["c-old"]
        store.save(build())
        assert store.counts()["articles"] == 2


def test_migrate_version_2_events_get_mentions_and_confidence(tmp_path, build):
    path = str(tmp_path / "v2.duckdb")
    v2 = DuckDBStore(path, migrations=load_migrations()[:2])
    v2.con.execute("INSERT INTO articles (id, source, text, raw_sha256, raw_text, first_seen, updated) "
                   "VALUES ('old-2', 'old.txt', 'Old text.', 'abc', 'Old text.', now(), now())")
    v2.con.execute("INSERT INTO events (id, article_id, idx, event, negated, hypothetical, future) "
                   "VALUES ('old-2:e0', 'old-2', 0, 'PROTEST', false, false, false)")
    v2.close()
    with open_store(path) as store:
        assert store.schema_version() >= 3
        (old,) = store.load_article("old-2").events
        assert old.mentions == [] and old.confidence is None  # not scored: counted
        store.save(build())
        assert store.load_article("vostra-1").events[0].confidence == 0.9


def test_migrate_failure_rolls_back(tmp_path):
    migrations = [*load_migrations(), Migration(99, "broken", "ALTER TABLE events ADD COLUMN x INTEGER; "
                                                              "ALTER TABLE no_such_table ADD COLUMN y INTEGER;")]
    migrations[-1] = Migration(len(migrations), "broken", migrations[-1].sql)
    path = str(tmp_path / "db.duckdb")
    open_store(path).close()
    with pytest.raises(StoreError, match="broken failed and was rolled back"):
        DuckDBStore(path, migrations=migrations)
    with open_store(path) as store:
        assert store.schema_version() == len(load_migrations())
        columns = [r["column_name"] for r in store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ?", ["events"])]
        assert "x" not in columns


def test_newer_schema_is_refused(tmp_path):
    path = str(tmp_path / "new.duckdb")
    open_store(path).close()
    with pytest.raises(StoreError, match="newer than this eventwire"):
        DuckDBStore(path, migrations=load_migrations()[:1])


def test_read_only_old_schema_is_refused(tmp_path):
    path = str(tmp_path / "old.duckdb")
    DuckDBStore(path, migrations=load_migrations()[:1]).close()
    with pytest.raises(StoreError, match="needs upgrading"):
        open_store(path, read_only=True)
