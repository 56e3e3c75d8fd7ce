"""API latency on a database of ~100,000 events built from repeated records of an examples run.

    python benchmarks/api.py                       # seed from examples/articles (runs the pipeline once)
    python benchmarks/api.py --seed my.duckdb      # seed from any eventwire database
    python benchmarks/api.py --events 20000 --runs 10

The seed database's articles and records are copied N times with new ids
(`<id>~<k>`), dates shifted by k days and clusters renamed per copy, until
there are at least `--events` events. Then every list endpoint is called
`--runs` times in-process (FastAPI TestClient, so the figures exclude the
network) and the median and 90th percentile are printed; the first call of
each endpoint (cold: caches empty) is shown apart. Target: median < 200 ms.
Work files go to benchmarks/_work/ (gitignored).
"""

from __future__ import annotations

import argparse
import math
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work"
TABLES = ("articles", "events", "quotes", "labels", "entities")


def seed_from_examples(path: Path) -> Path:
    """Run examples/articles through the real CLI into `path` (kept for later runs)."""
    if not path.exists():
        cmd = [sys.executable, "-m", "eventwire", "run", str(ROOT / "examples" / "articles"), "--actors",
               str(ROOT / "examples" / "actors.yaml"), "--db", str(path), "--quiet"]
        print("seeding:", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True)
    return path


def _shift(column: str) -> str:
    """A YYYY-MM-DD text column moved k days later (left as is when it is not a date)."""
    return (f"coalesce(strftime(try_cast(left({column}, 10) AS DATE) + CAST(k AS INTEGER), '%Y-%m-%d'), "
            f"{column})")


def replicate(seed: Path, target: Path, events: int) -> dict[str, int]:
    """Copy `seed` to `target` and repeat its records until it holds at least `events` events."""
    import duckdb

    shutil.copyfile(seed, target)
    con = duckdb.connect(str(target))
    base = con.execute("SELECT count(*) FROM events").fetchone()[0]
    if not base:
        raise SystemExit(f"{seed}: the seed database has no events to repeat")
    copies = math.ceil(events / base)
    suffix = "'~' || k"
    replace = {
        "articles": f"id || {suffix} AS id, {_shift('date')} AS date, raw_sha256 || {suffix} AS raw_sha256",
        "events": f"id || {suffix} AS id, article_id || {suffix} AS article_id, cluster_id || {suffix} AS cluster_id, "
                  f"{_shift('date')} AS date, quote_id || {suffix} AS quote_id",
        "quotes": f"id || {suffix} AS id, article_id || {suffix} AS article_id",
        "labels": f"id || {suffix} AS id, article_id || {suffix} AS article_id",
        "entities": f"article_id || {suffix} AS article_id",
    }
    con.execute("BEGIN TRANSACTION")
    for table in TABLES:
        con.execute(f"INSERT INTO {table} SELECT * EXCLUDE (k) REPLACE ({replace[table]}) "
                    f"FROM {table}, range(1, {copies}) AS r(k)")
    con.execute("COMMIT")
    con.execute("CHECKPOINT")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    con.close()
    return counts


def endpoints(client) -> list[str]:
    """Every list endpoint, plain and with the filters analysts use most."""
    some = client.get("/api/events", params={"limit": 1}).json()["items"][0]
    actor = (some["actor"] or some["recipient"] or [{"name": None}])[0]
    actor_name = actor.get("name") or actor.get("entity_text") or "x"
    outlet = some.get("outlet") or "x"
    day = some.get("day") or "2026-03-01"
    word = (some.get("event_text") or "the").split()[0]
    return ["/api/events", "/api/events?offset=50000", f"/api/events?event={some['event']}",
            f"/api/events?actor={actor_name}", f"/api/events?outlet={outlet}", f"/api/events?q={word}",
            f"/api/events?date_from={day}&date_to={day}", "/api/events?calls_to_action=true", "/api/quotes",
            f"/api/quotes?actor={actor_name}", "/api/labels", "/api/articles", f"/api/articles?q={word}",
            "/api/clusters", "/api/actors", "/api/actors?q=a", "/api/outlets"]


def time_endpoints(db: Path, runs: int) -> list[tuple[str, float, float, float]]:
    from fastapi.testclient import TestClient

    from eventwire.web import create_app

    results = []
    with TestClient(create_app(db)) as client:
        for url in endpoints(client):
            times = []
            for _ in range(runs + 1):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:200]}")
            cold, warm = times[0], times[1:]
            results.append((url, cold, statistics.median(warm), statistics.quantiles(warm, n=10)[-1]))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=Path, help="an eventwire database to repeat (default: examples run)")
    parser.add_argument("--events", type=int, default=100_000, help="events in the benchmark database")
    parser.add_argument("--runs", type=int, default=30, help="timed calls per endpoint")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    seed = args.seed or seed_from_examples(WORK / "examples-seed.duckdb")
    target = WORK / f"api-{args.events}.duckdb"
    started = time.perf_counter()
    counts = replicate(seed, target, args.events)
    print(f"database {target}: " + ", ".join(f"{n:,} {t}" for t, n in counts.items())
          + f" (built in {time.perf_counter() - started:.1f} s)")
    results = time_endpoints(target, args.runs)
    print(f"\n{'endpoint':60} {'cold ms':>9} {'median ms':>10} {'p90 ms':>8}")
    for url, cold, median, p90 in results:
        print(f"{url[:60]:60} {cold:9.1f} {median:10.1f} {p90:8.1f}")
    worst = max(r[2] for r in results)
    print(f"\nslowest median: {worst:.1f} ms ({'under' if worst < 200 else 'OVER'} the 200 ms target)")


if __name__ == "__main__":
    main()
