"""Actors stage cost: dictionary load time, and parse time with vs without ruler + stage.

Prints figures; no assertions. Documents: the seed articles in ../shared
(when present) plus a few invented paragraphs, repeated to about N docs.

    /tmp/ewvenv/bin/python benchmarks/actors.py [N_DOCS]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import spacy

from eventwire.actors import configure_nlp, extract_entities
from eventwire.actors import dictionary as dictionary_module
from eventwire.pipeline import Context
from eventwire.settings import Settings

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
INVENTED = [
    "A Vostran army spokesman, Ilya Dorn, said on Monday that troops had crossed the river near Arn. "
    "Arvenian Defense Minister Pavel Ostrov called the move a provocation and said Arvenian forces "
    "would respond. Dorn later told reporters that talks in Tolsk would resume.",
    "Senior Kelmish intelligence officials met the Vostran foreign ministry in Karsk. The Kelmish "
    "government said its police had arrested two protesters outside the parliament on Tuesday.",
]


def documents(n: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    base += INVENTED
    return [base[i % len(base)] for i in range(n)]


def time_load() -> None:
    files = [dictionary_module.DATA_DIR / f for f in dictionary_module.SHIPPED_FILES]
    t = time.perf_counter()
    dictionary_module.build_dictionary(files)
    print(f"dictionary build (no cache):       {time.perf_counter() - t:6.3f} s")
    with tempfile.TemporaryDirectory() as tmp:
        import os

        os.environ["EVENTWIRE_CACHE_DIR"] = tmp
        dictionary_module._MEMO.clear()
        dictionary_module.load_dictionary()  # writes the cache
        dictionary_module._MEMO.clear()
        t = time.perf_counter()
        d = dictionary_module.load_dictionary()
        print(f"dictionary load (warm cache):      {time.perf_counter() - t:6.3f} s "
              f"({len(d.actors)} aliases, {len(d.countries)} countries, {len(d.places)} place names)")
        del os.environ["EVENTWIRE_CACHE_DIR"]


def time_parse(texts: list[str], settings: Settings) -> None:
    plain = spacy.load(settings.model)
    ctx = Context(settings)
    ruled = spacy.load(settings.model)
    t = time.perf_counter()
    configure_nlp(ruled, ctx)
    print(f"entity ruler build:                {time.perf_counter() - t:6.3f} s")
    d = dictionary_module.load_dictionary()
    chars = sum(len(t) for t in texts)
    for nlp in (plain, ruled):  # warm-up
        list(nlp.pipe(texts[:8]))
    t = time.perf_counter()
    list(plain.pipe(texts, batch_size=settings.batch_size))
    base = time.perf_counter() - t
    t = time.perf_counter()
    for doc in ruled.pipe(texts, batch_size=settings.batch_size):
        extract_entities(doc, d, "2024-09-01")
    with_actors = time.perf_counter() - t
    print(f"parse {len(texts)} docs ({chars / 1e6:.2f} M chars), spaCy only:     {base:6.2f} s")
    print(f"parse {len(texts)} docs, spaCy + ruler + actors stage:  {with_actors:6.2f} s")
    print(f"overhead: {100 * (with_actors / base - 1):+.1f} % (target: at most +5 %)")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    time_load()
    time_parse(documents(n), Settings())


if __name__ == "__main__":
    main()
