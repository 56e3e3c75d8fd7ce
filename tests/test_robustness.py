"""Lose nothing, duplicate nothing: `eventwire run` killed mid-way, and two runs writing at once.

Every test runs the real CLI in subprocesses on a corpus made of several
copies of examples/articles (new file names, so new article ids) and compares
every record table with a clean single run into a fresh DuckDB file: ids and
full contents, timestamps aside. PostgreSQL tests skip without a test server
(see tests/pgserver.py).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from eventwire.store import open_store
from eventwire.store.rows import decode
from pgserver import fresh_schema

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
COPIES = 3
RECORD_TABLES = ("articles", "quotes", "events", "entities", "labels")
TIMESTAMPS = {"first_seen", "updated"}
CLI_OK = (0, 1)  # 1 = the run finished but some article had a (recorded) stage failure


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """COPIES renamed copies of each example file (the JSONL feed once: its records carry their own ids)."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in sorted(EXAMPLES.iterdir()):
        copies = 1 if path.suffix == ".jsonl" else COPIES
        for n in range(copies):
            shutil.copy(path, folder / f"copy{n}_{path.name}")
    return folder


def start_run(corpus: Path, db: str) -> subprocess.Popen:
    """`eventwire run` in a new process; small batches, so it commits often."""
    return subprocess.Popen([sys.executable, "-m", "eventwire.cli", "run", str(corpus), "--db", db, "-q",
                             "--batch-size", "4"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, timeout: float = 600) -> tuple[int, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out + err


def run_to_end(corpus: Path, db: str) -> None:
    code, output = finish(start_run(corpus, db))
    assert code in CLI_OK, output


def snapshot(db: str) -> dict[str, list[str]]:
    """Every record table as sorted canonical JSON rows (JSON columns decoded, timestamps dropped)."""
    with open_store(db, read_only=True) as store:
        return {table: sorted(json.dumps({k: v for k, v in decode(row, table).items() if k not in TIMESTAMPS},
                                         sort_keys=True, default=str) for row in store.rows(table))
                for table in RECORD_TABLES}


def ids(snap: dict[str, list[str]]) -> dict[str, list[str]]:
    """Just the ids of each table (readable diffs when whole rows differ)."""
    return {t: sorted(f"{r.get('id') or r['article_id']}#{r.get('idx', '')}" for r in map(json.loads, rows))
            for t, rows in snap.items()}


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> dict[str, list[str]]:
    """The records one uninterrupted run stores."""
    db = str(tmp_path_factory.mktemp("clean") / "clean.duckdb")
    run_to_end(corpus, db)
    snap = snapshot(db)
    assert len(snap["articles"]) > 20 and snap["events"], "the corpus is too small to kill a run mid-way"
    return snap


def assert_same(snap: dict[str, list[str]], clean: dict[str, list[str]]) -> None:
    assert ids(snap) == ids(clean)
    assert snap == clean


def wait_for(condition: Callable[[], bool], proc: subprocess.Popen, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert proc.poll() is None, "the run ended before it could be killed: " + finish(proc)[1]
        assert time.monotonic() < deadline, "the run stored nothing in time"
        time.sleep(0.05)


def pg_articles(url: str) -> int:
    import psycopg

    with psycopg.connect(url) as con:
        if con.execute("SELECT to_regclass('articles')").fetchone()[0] is None:
            return 0
        return con.execute("SELECT count(*) FROM articles").fetchone()[0]


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL


def stored_articles(db: str) -> int:
    with open_store(db, read_only=True) as store:
        return store.counts()["articles"]


# ---- SIGKILL mid-way, then run again ---------------------------------------------------------------------------

def test_kill_and_rerun_duckdb_matches_clean_run(corpus, clean, tmp_path):
    db = str(tmp_path / "killed.duckdb")
    open_store(db).close()  # migrated and checkpointed: from here on the write-ahead log only grows with the run
    wal = Path(db + ".wal")
    proc = start_run(corpus, db)
    wait_for(lambda: wal.exists() and wal.stat().st_size > 0, proc)  # the run record is written
    first = wal.stat().st_size
    wait_for(lambda: wal.exists() and wal.stat().st_size > first, proc)  # ...and a batch of articles committed
    kill(proc)
    partial = stored_articles(db)
    assert 0 < partial < len(clean["articles"]), "the kill did not land mid-way"
    run_to_end(corpus, db)
    assert_same(snapshot(db), clean)


def test_kill_and_rerun_postgres_matches_clean_run(corpus, clean):
    with fresh_schema() as url:
        proc = start_run(corpus, url)
        wait_for(lambda: pg_articles(url) > 0, proc)
        kill(proc)
        assert 0 < pg_articles(url) < len(clean["articles"]), "the kill did not land mid-way"
        run_to_end(corpus, url)
        assert_same(snapshot(url), clean)


# ---- two writers at once ---------------------------------------------------------------------------------------

def test_concurrent_runs_postgres_store_each_article_once(corpus, clean):
    with fresh_schema() as url:
        first, second = start_run(corpus, url), start_run(corpus, url)
        for proc in (first, second):
            code, output = finish(proc)
            assert code in CLI_OK, output
        assert_same(snapshot(url), clean)
        with open_store(url, read_only=True) as store:
            runs = [decode(r, "runs")["counts"] for r in store.rows("runs")]
            store_failures = [f for f in store.rows("failures") if f["stage"] in ("store", "cluster")]
        assert len(runs) == 2 and sum(c["new"] for c in runs) == len(clean["articles"])
        assert store_failures == []


def test_concurrent_runs_duckdb_refuse_clearly_and_keep_file_intact(corpus, clean, tmp_path):
    db = str(tmp_path / "shared.duckdb")
    procs = [start_run(corpus, db), start_run(corpus, db)]
    results = [finish(p) for p in procs]
    refused = [out for code, out in results if code == 2]
    assert all(code in (*CLI_OK, 2) for code, _ in results), results
    for output in refused:  # the one that lost the race names the file and the reason
        assert "locked by another process" in output and "shared.duckdb" in output
    assert_same(snapshot(db), clean)
    code, output = finish(start_run(corpus, db))  # once alone, a re-run finds everything stored
    assert code in CLI_OK and os.path.exists(db), output
    assert_same(snapshot(db), clean)
