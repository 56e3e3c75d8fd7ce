"""The DuckDB store: round trip, idempotency, atomic replacement, locking."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap

import pytest

from eventwire.errors import StoreError
from eventwire.model import Failure
from eventwire.store import CHANGED, NEW, UNCHANGED, open_store


def test_save_load_round_trip(store, article):
    result = store.save(article)
    assert result.status == NEW
    assert result.counts == {"quotes": 1, "events": 2, "entities": 3, "labels": 1, "places": 2}
    loaded = store.load_article(article.id)
    for f in dataclasses.fields(article):
        assert getattr(loaded, f.name) == getattr(article, f.name), f.name


def test_load_article_unknown_is_none(store):
    assert store.load_article("nope") is None


def test_save_twice_is_unchanged(store, article, build):
    store.save(article)
    before = store.counts()
    assert store.save(build()).status == UNCHANGED
    assert store.counts() == before
    assert store.is_unchanged(article.id, article.raw_sha256)
    assert not store.is_unchanged(article.id, "other-hash")


def test_save_changed_article_replaces_records(store, article, build):
    store.save(article)
    changed = build(text="Vostran police detained two reporters in Arn.")
    assert store.save(changed).status == CHANGED
    loaded = store.load_article(article.id)
    assert loaded.text == changed.text
    assert (loaded.quotes, loaded.events, loaded.labels, loaded.entities) == ([], [], [], [])
    counts = store.counts()
    assert (counts["articles"], counts["quotes"], counts["events"], counts["entities"]) == (1, 0, 0, 0)
    first_seen, updated = store.query("SELECT first_seen, updated FROM articles WHERE id = ?", [article.id])[0].values()
    assert updated >= first_seen


def test_save_failure_midway_leaves_old_version(store, article, monkeypatch, build):
    store.save(article)
    backend = type(store)
    real_insert = backend._insert_records

    def insert_then_crash(self, table, rows):
        real_insert(self, table, rows)
        if table == "entities":  # quotes and events of the new version are already written
            raise RuntimeError("simulated crash mid-save")

    monkeypatch.setattr(backend, "_insert_records", insert_then_crash)
    changed = build()
    changed.raw_sha256 = "changed-hash"
    changed.quotes[0].text = "a different quote"
    with pytest.raises(RuntimeError, match="simulated"):
        store.save(changed)
    monkeypatch.undo()
    loaded = store.load_article(article.id)
    assert loaded.raw_sha256 == article.raw_sha256
    assert loaded.quotes == article.quotes and loaded.events == article.events
    assert store.counts()["quotes"] == 1


def test_save_database_error_rolls_back_new_article(store, article):
    article.labels[0].text = None  # violates NOT NULL when the labels are inserted, after the article row
    with pytest.raises(StoreError, match="saving article 'vostra-1' failed and was rolled back"):
        store.save(article)
    assert store.counts()["articles"] == 0
    assert store.counts()["quotes"] == 0


def test_iter_events_joins_article_and_filters(store, article, build):
    store.save(article)
    store.save(build(id="vostra-2", text="Vostra and Kelmia held talks.", outlet="Other Paper"))
    events = list(store.iter_events(outlet="The Northern Ledger"))
    assert [e["id"] for e in events] == ["vostra-1:e0", "vostra-1:e1"]
    assert events[0]["actor"][0]["code"] == "VST" and events[0]["url"] == article.url
    assert events[0]["article_date"] == "2024-03-18"
    assert [e["id"] for e in store.iter_events(event="THREATEN")] == ["vostra-1:e1"]
    assert list(store.iter_records("labels", article_id="vostra-2")) == []
    with pytest.raises(StoreError):
        list(store.iter_records("events", nonsense="x"))


def test_update_clusters_and_duplicates(store, article, build):
    store.save(article)
    store.save(build(id="vostra-2", text="A copy.", outlet="Other Paper"))
    assert store.update_clusters({"vostra-1:e0": "c-1"}) == 1
    assert [e["cluster_id"] for e in store.iter_events()] == ["c-1", None]
    store.update_clusters({"vostra-1:e1": "c-2"}, clear=True)
    assert [e["cluster_id"] for e in store.iter_events()] == [None, "c-2"]
    store.set_duplicate("vostra-2", "vostra-1")
    assert store.load_article("vostra-2").duplicate_of == "vostra-1"
    with pytest.raises(StoreError, match="unknown article 'ghost'"):
        store.set_duplicate("ghost", "vostra-1")


def test_runs_and_failures_are_logged(store):
    run_id = store.start_run({"paths": ["a"]})
    store.record_failure(Failure(source="bad.bin", stage="ingest", reason="binary file"), run_id)
    store.finish_run(run_id, {"read": 0}, 1.5)
    assert [f["reason"] for f in store.failures(run_id)] == ["binary file"]
    (run,) = store.rows("runs")
    assert run["id"] == run_id and run["seconds"] == 1.5 and run["finished"] is not None


def test_open_store_read_only_missing_file(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        open_store(str(tmp_path / "missing.duckdb"), read_only=True)


def test_open_store_missing_folder(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "where.duckdb"))


def test_open_store_refuses_unknown_urls():
    with pytest.raises(StoreError, match="unknown database address"):
        open_store("mysql://db.example/events")


def test_open_store_not_a_database(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("these are not database pages\n" * 100)
    with pytest.raises(StoreError, match=str(path)):
        open_store(str(path))


def test_open_store_locked_by_other_process(tmp_path, article):
    path = str(tmp_path / "locked.duckdb")
    with open_store(path) as store:
        store.save(article)
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys
            from eventwire.store import open_store
            store = open_store({path!r})
            print("ready", flush=True)
            sys.stdin.read()
            store.close()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError) as info:
            open_store(path)
        assert path in str(info.value) and "locked by another process" in str(info.value)
        assert f"PID {holder.pid}" in str(info.value)
    finally:
        holder.communicate("", timeout=30)
    with open_store(path, read_only=True) as store:  # the file is intact once the holder is gone
        assert store.load_article(article.id) == article


def test_reads_can_nest_and_stop_early(store, article, build, tmp_path):
    from eventwire.store import export

    store.save(article)
    store.save(build(id="vostra-2", text="Vostra and Kelmia held talks."))
    for event in store.iter_events():  # the framing stage reads articles while walking events
        assert store.load_article(event["article_id"]).id == event["article_id"]
        store.update_clusters({event["id"]: "c-" + event["id"]})
    next(store.articles())  # abandoned mid-way
    assert export(store, "csv", tmp_path / "csv")[str(tmp_path / "csv" / "events.csv")] == 2
    assert [e["cluster_id"] for e in store.iter_events()] == ["c-vostra-1:e0", "c-vostra-1:e1"]


def test_save_many_isolates_a_bad_article(store, build):
    bad = build(id="vostra-bad", text="Kelmish ships left port.")
    bad.labels = [dataclasses.replace(build().labels[0], id="vostra-bad:l0", article_id="vostra-bad", kind=None)]
    results = store.save_many([build(), bad, build(id="vostra-2", text="Vostra and Kelmia held talks.")])
    assert [r.status for r in results] == ["new", "failed", "new"]
    assert isinstance(results[1].error, StoreError) and "vostra-bad" in str(results[1].error)
    assert store.load_article("vostra-bad") is None
    assert store.counts()["articles"] == 2 and store.counts()["labels"] == 1


def test_save_many_same_id_twice_in_batch(store, build):
    edited = build(text="Vostran police detained two reporters in Arn.")
    results = store.save_many([build(), build(), edited])
    assert [r.status for r in results] == ["new", "unchanged", "changed"]
    assert store.load_article("vostra-1").text == edited.text and store.counts()["quotes"] == 0
