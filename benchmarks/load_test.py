"""Load test of `eventwire serve`: many concurrent clients on 127.0.0.1, errors, latency and server memory.

    python benchmarks/load_test.py                         # 50 clients, 30 s, database built from examples/
    python benchmarks/load_test.py --clients 20 --seconds 10 --db my.duckdb
    python benchmarks/load_test.py --token                 # the same with token authentication on

Starts the real server (`python -m eventwire serve`) in a second process on
a free loopback port, then runs `--clients` asyncio clients (httpx), each
requesting list endpoints and pages in turn (random filters and offsets,
some page sizes at the cap) until `--seconds` have passed. Prints
requests/s, the error count (any status >= 400 other than the deliberate
over-cap requests, or a transport error), latency percentiles, and the
server's resident memory (RSS, from /proc): idle, then at the start, middle
and end of the measured window, which follows `--warmup` seconds of the
same load (errors count there too). Exits
1 when there were errors. Only loopback traffic; work files go to
benchmarks/_work/ (gitignored).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import secrets
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "_work"
EVENT_TYPES = ("ASSAULT", "COERCE", "PROTEST", "REQUEST", "THREATEN", "AGREE", "CONSULT", "ACCUSE")
# (path, whether it takes event filters). Over-cap page sizes must be refused (422) and count as handled.
ENDPOINTS = (("/api/events", True), ("/api/quotes", False), ("/api/labels", False), ("/api/articles", False),
             ("/api/clusters", True), ("/api/actors", False), ("/api/outlets", False), ("/events", True),
             ("/articles", False), ("/actors", False), ("/", False))


def build_db(path: Path) -> Path:
    """Run examples/articles through the real CLI into `path` (kept for later runs)."""
    if not path.exists():
        cmd = [sys.executable, "-m", "eventwire", "run", str(ROOT / "examples" / "articles"), "--actors",
               str(ROOT / "examples" / "actors.yaml"), "--db", str(path), "--quiet"]
        print("building:", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=False)  # exit 1 = some article had a recorded failure; the db is usable
    if not path.exists():
        sys.exit(f"{path}: the database could not be built")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MiB (Linux /proc)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(db: Path, port: int, token: str | None) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "eventwire", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    if token:
        cmd += ["--token", token]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


async def wait_ready(base: str, server: subprocess.Popen, headers: dict[str, str], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    async with httpx.AsyncClient(base_url=base, headers=headers) as client:
        while time.monotonic() < deadline:
            if server.poll() is not None:
                sys.exit(f"the server exited: {server.stderr.read() if server.stderr else ''}")
            try:
                if (await client.get("/api/events?limit=1")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.25)
    sys.exit("the server did not answer in time")


def request_for(rng: random.Random) -> tuple[str, dict[str, str | int], int]:
    """A random list request and the status it must get."""
    path, filtered = rng.choice(ENDPOINTS)
    params: dict[str, str | int] = {}
    if path != "/":
        params["offset"] = rng.choice((0, 0, 0, 10, 50, 500))
        params["limit"] = rng.choice((10, 50, 100, 1000))
    if filtered and rng.random() < 0.5:
        params["event"] = rng.choice(EVENT_TYPES)
    if rng.random() < 0.03 and path.startswith("/api/"):
        params["limit"] = 1_000_000  # over the page-size cap: must be refused, cheaply
        return path, params, 422
    return path, params, 200


async def client_loop(n: int, base: str, headers: dict[str, str], measure_from: float, stop_at: float,
                      stats: dict) -> None:
    rng = random.Random(n)
    async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
        while time.monotonic() < stop_at:
            path, params, expected = request_for(rng)
            started = time.perf_counter()
            try:
                response = await client.get(path, params=params)
                status = response.status_code
            except httpx.HTTPError as exc:
                status = f"{type(exc).__name__}"
            if time.monotonic() >= measure_from:  # warm-up requests count for errors only
                stats["latencies"].append(time.perf_counter() - started)
            if status != expected:
                stats["errors"].append((path, params, status))


async def sample_memory(pid: int, measure_from: float, stop_at: float, stats: dict) -> None:
    """RSS before any load, then every second of the measured window, and at its end."""
    stats["rss_idle"] = rss_mb(pid)
    await asyncio.sleep(max(0.0, measure_from - time.monotonic()))
    while time.monotonic() < stop_at:
        stats["rss"].append(rss_mb(pid))
        await asyncio.sleep(1)
    stats["rss"].append(rss_mb(pid))


async def load(base: str, pid: int, clients: int, seconds: float, warmup: float, headers: dict[str, str]) -> dict:
    stats: dict = {"latencies": [], "errors": [], "rss": []}
    measure_from = time.monotonic() + warmup
    stop_at = measure_from + seconds
    await asyncio.gather(sample_memory(pid, measure_from, stop_at, stats),
                         *(client_loop(n, base, headers, measure_from, stop_at, stats) for n in range(clients)))
    return stats


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def report(stats: dict, seconds: float, clients: int) -> None:
    lat = [v * 1000 for v in stats["latencies"]]
    rss = stats["rss"]
    print(f"clients {clients}, {seconds:.0f} s: {len(lat)} requests, {len(lat) / seconds:.1f} requests/s, "
          f"errors {len(stats['errors'])}")
    if lat:
        print(f"latency ms: median {statistics.median(lat):.1f}, p90 {percentile(lat, 90):.1f}, "
              f"p99 {percentile(lat, 99):.1f}, max {max(lat):.1f}")
    print(f"server RSS MiB: idle {stats['rss_idle']:.1f}; after warm-up: start {rss[0]:.1f}, "
          f"middle {rss[len(rss) // 2]:.1f}, end {rss[-1]:.1f}, max {max(rss):.1f}")
    for path, params, status in stats["errors"][:10]:
        print(f"  error: {path} {params} -> {status}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=WORK / "load_examples.duckdb", help="database to serve")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0, help="measured window")
    parser.add_argument("--warmup", type=float, default=10.0,
                        help="seconds of the same load before measuring (caches and per-thread cursors fill up)")
    parser.add_argument("--token", action="store_true", help="serve with a random token and send it")
    args = parser.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    db = build_db(args.db)
    token = secrets.token_urlsafe(24) if args.token else None
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port, token)
    try:
        asyncio.run(wait_ready(base, server, headers))
        stats = asyncio.run(load(base, server.pid, args.clients, args.seconds, args.warmup, headers))
    finally:
        server.terminate()
        server.wait(timeout=30)
    report(stats, args.seconds, args.clients)
    sys.exit(1 if stats["errors"] else 0)


if __name__ == "__main__":
    main()
