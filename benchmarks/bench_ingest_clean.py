"""Throughput of ingest (`read_paths`) and the clean stage (cleaning, header metadata, language).

Reads ../shared/corpus/seeds and ../shared/gold/polnear-dev/text (or the
folders given as arguments), then prints articles/s and MB/s for each step.

    .venv/bin/python benchmarks/bench_ingest_clean.py [FOLDER...] [--repeat N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventwire.clean import CleanStage, clean_text, detect_language
from eventwire.ingest import read_paths
from eventwire.model import Article
from eventwire.settings import Settings

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEFAULT = [SHARED / "corpus" / "seeds", SHARED / "gold" / "polnear-dev" / "text"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = Settings()
    paths = [str(p) for p in args.folders if p.exists()]
    if not paths:
        raise SystemExit(f"no input folder found among {[str(p) for p in args.folders]}")
    articles = [a for a in read_paths(paths, settings) if isinstance(a, Article)]  # warm-up (imports, data files)
    clean_text(articles[0].raw_text)
    detect_language(articles[0].raw_text)
    megabytes = sum(len(a.raw_text.encode("utf-8")) for a in articles) / 1e6
    n = len(articles)

    start = time.perf_counter()
    for _ in range(args.repeat):
        list(read_paths(paths, settings))
    ingest_s = (time.perf_counter() - start) / args.repeat

    start = time.perf_counter()
    for _ in range(args.repeat):
        for a in articles:
            clean_text(a.raw_text, settings.max_token_chars)
    clean_s = (time.perf_counter() - start) / args.repeat

    start = time.perf_counter()
    stage = CleanStage(settings)
    for _ in range(args.repeat):  # as the pipeline runs them: ingest, then the stage on each article
        for a in read_paths(paths, settings):
            if isinstance(a, Article):
                stage(a)
    both_s = (time.perf_counter() - start) / args.repeat

    start = time.perf_counter()
    for _ in range(args.repeat):
        for a in articles:
            detect_language(a.raw_text)
    lang_s = (time.perf_counter() - start) / args.repeat

    print(f"{n} articles, {megabytes:.2f} MB of raw text, {args.repeat} repeats")
    for step, seconds in (("ingest (read_paths)", ingest_s),
                          ("clean_text", clean_s), ("ingest + clean stage (incl. language)", both_s),
                          ("detect_language", lang_s)):
        print(f"{step:44s} {n / seconds:8.0f} articles/s {megabytes / seconds:7.2f} MB/s "
              f"{1000 * seconds / n:6.2f} ms/article")


if __name__ == "__main__":
    main()
