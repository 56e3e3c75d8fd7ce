"""Memory stays flat while a large WARC file streams through the reader.

    python benchmarks/warc_memory.py [--gb 1.0] [--gzip] [--clean] [--keep PATH]

Writes a WARC of about `--gb` gigabytes to /tmp (the example HTML pages, each
with a large inline script as real news pages carry, under unique URLs; plus
image records the reader must skip), then streams it through
`eventwire.ingest.warc.read_warc` (trafilatura on every page; `--clean` also
runs the clean stage) and prints resident memory (current and peak) at
intervals. The file is deleted at the end unless `--keep` names it.
"""

from __future__ import annotations

import argparse
import base64
import os
import re
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from eventwire.ingest.warc import read_warc, write_html_warc
from eventwire.model import Article
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SCRIPT_BYTES = 400_000  # inline script per page: 1 GB is a few thousand pages


def memory_mb() -> tuple[float, float]:
    """(current, peak) resident memory of this process in MB, from /proc/self/status."""
    status = Path("/proc/self/status").read_text()
    rss, hwm = (int(re.search(rf"{key}:\s+(\d+)", status).group(1)) / 1024 for key in ("VmRSS", "VmHWM"))
    return rss, hwm


def pages(target_bytes: int, written: Callable[[], int]) -> Iterator[tuple[str, bytes]]:
    """Example pages under unique URLs until `written()` (bytes on disk) reaches the target.

    Each page carries an inline script of random base64 (as ad and tracking code
    does), so the file is as large on disk with or without gzip.
    """
    examples = sorted((ROOT / "examples" / "articles").glob("*.html"))
    if not examples:
        raise SystemExit("examples/articles holds no HTML pages")
    bodies = [p.read_bytes() for p in examples]
    n = 0
    while written() < target_bytes:
        filler = b"<script>var slots = '" + base64.b64encode(os.urandom(SCRIPT_BYTES * 3 // 4)) + b"';</script>"
        yield f"https://news.example/{n // 1000}/{n}.html", bodies[n % len(bodies)].replace(b"</body>",
                                                                                             filler + b"</body>")
        n += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--gzip", action="store_true", help="write .warc.gz (slower to write)")
    parser.add_argument("--clean", action="store_true", help="also run the clean stage on every article")
    parser.add_argument("--keep", help="keep the generated file at this path")
    args = parser.parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # so the generated file is deleted when killed

    suffix = ".warc.gz" if args.gzip else ".warc"
    path = Path(args.keep) if args.keep else Path(tempfile.gettempdir()) / f"eventwire-bench-{os.getpid()}{suffix}"
    started = time.perf_counter()
    records = write_html_warc(path, pages(int(args.gb * 1e9), lambda: path.stat().st_size if path.exists() else 0),
                              gzip=args.gzip)
    size = path.stat().st_size
    print(f"wrote {path}: {size / 1e9:.2f} GB, {records} records in {time.perf_counter() - started:.0f}s", flush=True)

    settings = Settings()
    clean = None
    if args.clean:
        from eventwire.pipeline import Pipeline

        clean = Pipeline(settings.replace(doc_stages=[])).text_stages
    try:
        started = time.perf_counter()
        seen = articles = 0
        every = max(1, records // 20)
        print(f"{'records':>8}{'articles':>9}{'seconds':>9}{'RSS MB':>8}{'peak MB':>9}")
        for item in read_warc(path, settings):
            seen += 1
            if isinstance(item, Article):
                articles += 1
                for stage in clean or ():
                    stage(item)
            if seen % every == 0:
                rss, hwm = memory_mb()
                print(f"{seen:>8}{articles:>9}{time.perf_counter() - started:>9.0f}{rss:>8.0f}{hwm:>9.0f}",
                      flush=True)
        rss, hwm = memory_mb()
        seconds = time.perf_counter() - started
        print(f"done: {seen} items ({articles} articles) in {seconds:.0f}s, {size / 1e6 / seconds:.1f} MB/s; "
              f"RSS {rss:.0f} MB, peak {hwm:.0f} MB")
    finally:
        if not args.keep:
            path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
