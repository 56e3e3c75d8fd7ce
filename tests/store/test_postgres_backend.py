"""The PostgreSQL store: what differs from DuckDB (types, NULs, migrations, concurrent writers).

The behaviour both backends share is tested once for each through the
parametrised `store` fixture (test_duckdb_backend.py, test_run.py...).
"""

from __future__ import annotations

import threading

import psycopg
import pytest

from eventwire.errors import StoreError
from eventwire.store import NEW, UNCHANGED, open_store
from eventwire.store.migrations import Migration, load_migrations
from eventwire.store.postgres_backend import PostgresStore, postgres_sql, redact
from pgserver import fresh_schema


@pytest.fixture
def pg_url():
    with fresh_schema() as url:
        yield url


def test_postgres_sql_translates_types():
    sql = postgres_sql("CREATE TABLE t (a JSON, b DOUBLE, c DOUBLE PRECISION, json_note VARCHAR)")
    assert sql == 'CREATE TABLE t (a JSONB, b DOUBLE PRECISION, c DOUBLE PRECISION, json_note VARCHAR COLLATE "C")'


def test_redact_hides_password():
    assert redact("postgresql://ann:s3cret@db.example:5432/ew") == "postgresql://ann:***@db.example:5432/ew"
    assert redact("postgresql://db.example/ew") == "postgresql://db.example/ew"


def test_open_store_picks_postgres(pg_url):
    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore) and store.schema_version() == len(load_migrations())


def test_connect_failure_names_server_not_password():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://ann:s3cret@127.0.0.1:1/ew")
    assert "cannot connect" in str(info.value) and "s3cret" not in str(info.value)


def test_migrations_create_same_tables_as_duckdb(pg_url, tmp_path):
    from eventwire.store import DuckDBStore

    def columns(store, sql):
        return sorted((r["table_name"], r["column_name"]) for r in store.query(sql))

    info = ("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = {}")
    with PostgresStore(pg_url) as pg, DuckDBStore(str(tmp_path / "d.duckdb")) as duck:
        assert pg.schema_version() == duck.schema_version() == len(load_migrations())
        assert columns(pg, info.format("current_schema()")) == columns(duck, info.format("'main'"))
        types = {r["column_name"]: r["data_type"] for r in pg.query(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'runs'")}
        assert types["args"] == "jsonb" and types["seconds"] == "double precision"


def test_text_sorts_by_code_point_as_in_duckdb(pg_url, build):
    with PostgresStore(pg_url) as store:
        for article_id in ("b-2", "B-1", "a_3", "a-3", "Ä-4"):
            store.save(build(id=article_id, text=f"Talks in Arn, part {article_id}."))
        assert [r["id"] for r in store.articles()] == sorted(["b-2", "B-1", "a_3", "a-3", "Ä-4"])


def test_migrate_upgrades_version_1_schema(pg_url, build):
    v1 = PostgresStore(pg_url, migrations=load_migrations()[:1])
    v1.con.execute("INSERT INTO events (id, article_id, idx, event, negated, hypothetical, future) "
                   "VALUES ('old-1:e0', 'old-1', 0, 'PROTEST', false, false, false)")
    v1.close()
    with PostgresStore(pg_url) as store:
        assert store.schema_version() == len(load_migrations())
        store.update_clusters({"old-1:e0": "c-old"})
        assert [r["cluster_id"] for r in store.rows("events")] == ["c-old"]


def test_migrate_failure_rolls_back(pg_url):
    PostgresStore(pg_url).close()
    broken = [*load_migrations()]
    broken.append(Migration(len(broken) + 1, "broken", "ALTER TABLE events ADD COLUMN x INTEGER; "
                                                       "ALTER TABLE no_such_table ADD COLUMN y INTEGER;"))
    with pytest.raises(StoreError, match="broken failed and was rolled back"):
        PostgresStore(pg_url, migrations=broken)
    with PostgresStore(pg_url) as store:
        assert store.schema_version() == len(load_migrations())
        assert not store.query("SELECT column_name FROM information_schema.columns "
                               "WHERE table_schema = current_schema() AND table_name = 'events' AND column_name = 'x'")


def test_newer_schema_and_read_only_are_enforced(pg_url, build):
    PostgresStore(pg_url).close()
    with pytest.raises(StoreError, match="newer than this eventwire"):
        PostgresStore(pg_url, migrations=load_migrations()[:1])
    with PostgresStore(pg_url, read_only=True) as reader:
        assert reader.save_many([build()])[0].status == "failed"  # the server refuses the write
        assert reader.counts()["articles"] == 0


def test_nul_characters_are_stored_as_replacement(pg_url, build):
    article = build(id="nul-1", text="Vostra\x00 said nothing.")
    article.meta = {"note": "a\x00b"}
    with PostgresStore(pg_url) as store:
        assert store.save(article).status == NEW
        loaded = store.load_article("nul-1")
    assert loaded.text == "Vostra\ufffd said nothing." and len(loaded.text) == len(article.text)
    assert loaded.meta == {"note": "a\ufffdb"}


def test_first_opens_at_once_migrate_once(pg_url):
    errors: list[BaseException] = []

    def open_close():
        try:
            PostgresStore(pg_url).close()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=open_close) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with psycopg.connect(pg_url) as con:
        assert con.execute("SELECT version FROM schema_version ORDER BY version").fetchall() == \
            [(m.version,) for m in load_migrations()]


def test_concurrent_saves_of_same_articles_store_one_copy(pg_url, build):
    texts = [f"Vostran patrol {i} crossed the Kelmish border." for i in range(40)]
    results: dict[int, list] = {}

    def writer(n: int):
        with PostgresStore(pg_url) as store:
            order = texts if n % 2 == 0 else texts[::-1]  # opposite orders: the locks must not deadlock
            results[n] = store.save_many([build(id=f"a{texts.index(t)}", text=t) for t in order])

    PostgresStore(pg_url).close()
    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = [r.status for rs in results.values() for r in rs]
    assert statuses.count(NEW) == len(texts) and statuses.count(UNCHANGED) == 3 * len(texts)
    with PostgresStore(pg_url) as store:
        assert store.counts()["articles"] == len(texts)


def test_exclusive_makes_second_holder_wait(pg_url):
    order: list[str] = []
    with PostgresStore(pg_url) as first, PostgresStore(pg_url) as second:
        with first.exclusive("clusters"):
            waiter = threading.Thread(target=lambda: (second.exclusive("clusters").__enter__(), order.append("b")))
            waiter.start()
            waiter.join(timeout=1.0)
            assert waiter.is_alive()  # still waiting for the lock
            order.append("a")
        waiter.join(timeout=30)
    assert order == ["a", "b"]


def test_arrow_keeps_columns_of_empty_tables(pg_url, build):
    from eventwire.store.rows import TABLES

    with PostgresStore(pg_url) as store:
        assert store.arrow("quotes").column_names == list(TABLES["quotes"])
        store.save(build())
        events = store.arrow("events")
        assert events.num_rows == 2 and events.column("id").to_pylist() == ["vostra-1:e0", "vostra-1:e1"]
