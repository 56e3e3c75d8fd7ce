"""store.snapshot: a whole store copied into a DuckDB file (how `serve` shows a PostgreSQL database)."""

from __future__ import annotations

from eventwire.model import Failure
from eventwire.store import open_store
from eventwire.store.rows import TABLES, decode
from eventwire.store.snapshot import snapshot


def _tables(store) -> dict[str, list[dict]]:
    return {t: [decode(r, t) for r in store.rows(t)] for t in TABLES}


def test_snapshot_copies_every_table(db_url, build, tmp_path):
    with open_store(db_url) as store:
        run_id = store.start_run({"paths": ["in"]})
        store.save_many([build(), build(id="vostra-2", text="Vostra and Kelmia held talks.", outlet="Other Paper")])
        store.update_clusters({"vostra-1:e0": "c-1"})
        store.record_failure(Failure(source="in/bad.bin", stage="ingest", reason="binary file"), run_id)
        store.finish_run(run_id, {"read": 2}, 0.5)
        expected, article = _tables(store), store.load_article("vostra-1")
    copied = snapshot(db_url, str(tmp_path / "copy.duckdb"))
    assert copied == {t: len(rows) for t, rows in expected.items()}
    with open_store(str(tmp_path / "copy.duckdb"), read_only=True) as copy:
        assert _tables(copy) == expected
        assert copy.load_article("vostra-1") == article
