"""Store throughput: save, re-save (unchanged), replace (changed), cluster update, export.

Prints figures; no assertions. Synthetic articles (invented text) carry a
realistic number of records: 6 quotes, 8 events, 20 entities, 5 labels.

    .venv/bin/python benchmarks/store.py [N_ARTICLES] [DB]

DB defaults to a temporary DuckDB file; give `postgresql://...` (an empty
database or schema) to measure the PostgreSQL backend.
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from pathlib import Path

from eventwire.model import Article, Cue, Entity, Event, Label, Place, Quote, Speaker
from eventwire.store import export, open_store

SENTENCE = "Officials of the Vostran border guard said the Kelmish patrol crossed the river near Arn on Monday. "


def synthetic(i: int, variant: str = "") -> Article:
    text = SENTENCE * 30 + variant
    aid = f"bench-{i:06d}"
    ent = Entity("Vostran border guard", name="Vostra", code="VST", sector="MIL", type="ORG", start=17, end=37)
    article = Article(id=aid, source=f"bench/{aid}.txt", text=text, raw_text=text, outlet=f"Outlet {i % 7}",
                      raw_sha256=hashlib.sha256((text + aid).encode()).hexdigest(), date="2024-03-18", language="en")
    article.entities = [ent] * 20
    article.quotes = [Quote(f"{aid}:q{n}", aid, "the patrol crossed", 40, 58, "indirect", cue=Cue("said", 38, 42),
                            speaker=Speaker("Officials", 0, 9, name="Vostra", code="VST")) for n in range(6)]
    article.events = [Event(f"{aid}:e{n}", aid, "ASSAULT", actor=[ent], recipient=[ent], date="2024-03-18",
                            event_loc=Place("Arn", code="VST"), event_text=SENTENCE, text_info={"start": 0, "end": 99},
                            rule="bench") for n in range(8)]
    article.labels = [Label(f"{aid}:l{n}", aid, "patrol", 60, 66, "descriptor", actor="Kelmia") for n in range(5)]
    return article


BATCH = 32  # Settings.batch_size, as `eventwire run` uses


def save_batches(store, articles: list[Article]) -> None:
    for start in range(0, len(articles), BATCH):
        store.save_many(articles[start:start + BATCH])


def timed(label: str, n: int, unit: str, func):
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"{label:<36} {n:>7} {unit:<9} {seconds:8.2f} s  {n / seconds:10.1f} {unit}/s")
    return result


def main(n: int, db: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = db or str(Path(tmp) / "bench.duckdb")
        articles = [synthetic(i) for i in range(n)]
        with open_store(path) as store:
            half = n // 2
            timed("save, one article at a time (new)", half, "articles",
                  lambda: [store.save(a) for a in articles[:half]])
            timed(f"save_many, batches of {BATCH} (new)", n - half, "articles",
                  lambda: save_batches(store, articles[half:]))
            timed("save_many (unchanged, skipped)", n, "articles", lambda: save_batches(store, articles))
            changed = [synthetic(i, "Later update.") for i in range(n)]
            timed("save_many (changed, replaced)", n, "articles", lambda: save_batches(store, changed))
            mapping = {f"bench-{i:06d}:e{k}": f"c-{i % 50}" for i in range(n) for k in range(8)}
            timed("update_clusters", len(mapping), "events", lambda: store.update_clusters(mapping, clear=True))
            events = sum(1 for _ in store.iter_events())
            timed("export plover", events, "events", lambda: export(store, "plover", Path(tmp) / "e.jsonl"))
            timed("export parquet (all tables)", n, "articles", lambda: export(store, "parquet", Path(tmp) / "pq"))
            timed("export csv (all tables)", n, "articles", lambda: export(store, "csv", Path(tmp) / "csv"))
        if db is None:
            print(f"database size: {Path(path).stat().st_size / 1e6:.1f} MB for {n} articles")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500, sys.argv[2] if len(sys.argv) > 2 else None)
