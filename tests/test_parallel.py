"""Multi-process runs give the same records, in the same order, as one process."""

from __future__ import annotations

import hashlib
import os
import signal
import time
from pathlib import Path

import pytest

from eventwire.errors import PipelineError
from eventwire.model import Article, Failure
from eventwire.parallel import WorkerPool, batched, input_files, partition_files, process_parallel
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings
from eventwire.store.rows import article_row

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"


def make_article(text: str, id: str) -> Article:
    """An article as ingest hands it over (text already clean), from a text we wrote."""
    return Article(id=id, source=f"test:{id}", raw_text=text, text=text, date="2026-03-20",
                   raw_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())

TEXTS = [
    "The Maren Liberation Front said on Tuesday it would attack army convoys in the valley.",
    "Protesters gathered outside the parliament in Tolsk to demand the release of detained students.",
    "Vostra recalled its ambassador from Tolsk after the border incident, the foreign ministry said.",
]


def _items(n: int) -> list[Article | Failure]:
    items: list[Article | Failure] = []
    for i in range(n):
        if i == 5:
            items.append(Failure(source="broken.jsonl#line=6", stage="ingest", reason="malformed JSON"))
        items.append(make_article(f"{TEXTS[i % len(TEXTS)]} Report number {i}.", id=f"p{i}"))
    return items


def _record(item: Article | Failure) -> object:
    if isinstance(item, Failure):
        return item
    return item.to_json(), article_row(item), item.failures


def test_batched_keeps_order_and_remainder():
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


def test_partition_files_keeps_same_stem_together():
    files = ["a/x.txt", "a/y.txt", "b/x.txt", "b/z.txt", "c/w.txt"]
    parts = partition_files(files, 2)
    assert sorted(f for part in parts for f in part) == sorted(files)
    assert any({"a/x.txt", "b/x.txt"} <= set(part) for part in parts)
    assert len(parts) == 2


def test_input_files_sorted_and_skips_hidden(tmp_path):
    for name in ("b.txt", "a.txt", ".hidden.txt", "a/c.txt", "a-z.txt", ".git/d.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    # Each folder's entries by name, depth first: "a/" before "a-z.txt", as ingest walks.
    assert input_files([tmp_path]) == [str(tmp_path / n) for n in ("a/c.txt", "a-z.txt", "a.txt", "b.txt")]
    from eventwire.ingest import read_paths

    (tmp_path / "a.txt").write_text("Talks resumed in Port Anza on Monday.")
    sources = [item.source.split(":")[0] for item in read_paths([tmp_path], Settings())]
    assert sources == input_files([tmp_path])


def test_process_parallel_rejects_zero_workers():
    with pytest.raises(PipelineError, match="at least 1"):
        list(process_parallel([], Settings(), workers=0))


def test_process_parallel_parse_only_same_order_and_failures():
    settings = Settings(text_stages=[], doc_stages=[])
    items = _items(11)
    expected = [_record(x) for x in Pipeline(settings).process(_items(11))]
    got = [_record(x) for x in process_parallel(items, settings, workers=2, batch_size=3)]
    assert got == expected
    assert isinstance(got[5], Failure)


def _example_items(settings: Settings) -> list[Article | Failure]:
    if not EXAMPLES.is_dir():
        pytest.skip("examples/articles is absent")
    try:
        from eventwire.ingest import read_paths
    except ImportError:
        return [make_article(p.read_text(encoding="utf-8"), id=p.stem) for p in sorted(EXAMPLES.glob("*.txt"))]
    return list(read_paths([EXAMPLES], settings))


@pytest.mark.slow
def test_process_parallel_full_pipeline_identical_to_one_process():
    settings = Settings(batch_size=4)  # several batches per worker
    one = [_record(x) for x in Pipeline(settings).process(_example_items(settings))]
    two = [_record(x) for x in process_parallel(_example_items(settings), settings, workers=2)]
    assert len(one) >= 10
    assert two == one
    assert any(rec[0]["events"] or rec[0]["quotes"] for rec in one if isinstance(rec, tuple))


def test_process_parallel_one_worker_is_plain_pipeline():
    settings = Settings(text_stages=[], doc_stages=[])
    got = [_record(x) for x in process_parallel(_items(4), settings, workers=1)]
    assert got == [_record(x) for x in Pipeline(settings).process(_items(4))]




def _table_rows(db: str) -> dict[str, list[tuple]]:
    """Every record table of a store, without the timestamps a run sets."""
    from eventwire.store import open_store

    skip = {"first_seen", "updated"}
    with open_store(db, read_only=True) as store:
        return {table: sorted(tuple(v for k, v in row.items() if k not in skip) for row in store.rows(table))
                for table in ("articles", "quotes", "events", "entities", "labels")}


@pytest.mark.slow
def test_run_dask_local_cluster_matches_one_process(tmp_path):
    """Two Dask worker processes write Parquet; `load_parquet` gives the database a one-process run gives."""
    from dask.distributed import Client, LocalCluster

    from eventwire.framing.cluster import assign_clusters
    from eventwire.parallel import run_dask
    from eventwire.pipeline import run_into_store
    from eventwire.store import open_store
    from eventwire.store.parquet import load_parquet

    if not EXAMPLES.is_dir():
        pytest.skip("examples/articles is absent")
    from eventwire.ingest import read_paths

    settings = Settings()
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, memory_limit="1.5GiB",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        totals = run_dask([EXAMPLES], settings, "unused", str(tmp_path / "parts"), files_per_task=4, client=client)
    assert totals["tasks"] >= 2 and totals["files"] == len(input_files([EXAMPLES]))
    assert list((tmp_path / "parts" / "events").glob("article_date=*/part-*.parquet"))

    with open_store(str(tmp_path / "dask.duckdb")) as store:
        loaded = load_parquet(store, str(tmp_path / "parts"), cluster=assign_clusters)
    with open_store(str(tmp_path / "one.duckdb")) as store:
        direct = run_into_store(read_paths([EXAMPLES], settings), store, settings)
    assert loaded["new"] == direct.new and loaded["events"] == direct.events and direct.events > 0
    assert _table_rows(str(tmp_path / "dask.duckdb")) == _table_rows(str(tmp_path / "one.duckdb"))


def test_worker_pool_warm_up_starts_every_worker():
    with WorkerPool(Settings(text_stages=[], doc_stages=[]), 2) as pool:
        pids = pool.warm_up()
    assert len(pids) == 2 and os.getpid() not in pids


def test_worker_pool_survives_a_killed_worker():
    settings = Settings(text_stages=[], doc_stages=[])
    with WorkerPool(settings, 2, batch_size=2) as pool:
        os.kill(pool.warm_up()[0], signal.SIGKILL)
        time.sleep(0.5)
        out = list(pool.process(_items(8)))
        again = list(pool.process(_items(4)))  # the rebuilt pool works
    assert [getattr(x, "id", None) for x in out] == [getattr(x, "id", None) for x in _items(8)]
    died = [x for x in out if isinstance(x, Article) and any(f.stage == "parallel" for f in x.failures)]
    assert died and len(died) < 8
    assert all(isinstance(x, Article) and not x.failures for x in again)


def test_dask_client_rejects_bad_local_address():
    from eventwire.parallel import dask_client

    with pytest.raises(PipelineError, match="local:N"):
        dask_client("local:many")
