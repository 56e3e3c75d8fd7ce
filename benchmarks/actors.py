"""Actors stage cost: dictionary load time, and parse time with vs without ruler + stage.

Prints figures; no assertions. Documents: the seed articles in ../shared
(when present) plus a few invented paragraphs, repeated to N docs (default 100; each
chunk of 20 docs is parsed twice with and twice without, best time kept).

    .venv/bin/python benchmarks/actors.py [N_DOCS]
"""

from __future__ import annotations

import sys
import tempfile
import time

import spacy
from _common import SEEDS, corpus

from eventwire.actors import RULER_NAME, configure_nlp, extract_entities
from eventwire.actors import dictionary as dictionary_module
from eventwire.pipeline import Context
from eventwire.settings import Settings

INVENTED = [
    "A Vostran army spokesman, Ilya Dorn, said on Monday that troops had crossed the river near Arn. "
    "Arvenian Defense Minister Pavel Ostrov called the move a provocation and said Arvenian forces "
    "would respond. Dorn later told reporters that talks in Tolsk would resume.",
    "Senior Kelmish intelligence officials met the Vostran foreign ministry in Karsk. The Kelmish "
    "government said its police had arrested two protesters outside the parliament on Tuesday.",
]


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


def time_parse(texts: list[str], settings: Settings, chunk: int = 20, repeats: int = 2) -> None:
    """Alternate plain and ruled runs chunk by chunk and keep each chunk's best time,
    so that load from other processes on a shared machine hits both sides alike."""
    plain = spacy.load(settings.model)
    ctx = Context(settings)
    ruled = spacy.load(settings.model)
    t = time.perf_counter()
    configure_nlp(ruled, ctx)
    print(f"entity ruler build:                {time.perf_counter() - t:6.3f} s")
    d = dictionary_module.load_dictionary()
    for nlp in (plain, ruled):  # warm-up
        list(nlp.pipe(texts[:8]))
    rule = ruled.get_pipe(RULER_NAME)
    base = ruler = stage = rule_alone = 0.0
    for i in range(0, len(texts), chunk):
        part = texts[i:i + chunk]
        best = {"plain": 1e9, "ruled": 1e9, "stage": 1e9}
        for r in range(repeats):
            for name in (("plain", "ruled") if r % 2 == 0 else ("ruled", "plain")):
                t = time.perf_counter()
                docs = list((plain if name == "plain" else ruled).pipe(part, batch_size=settings.batch_size))
                best[name] = min(best[name], time.perf_counter() - t)
                if name == "ruled":
                    t = time.perf_counter()
                    for doc in docs:
                        extract_entities(doc, d, "2024-09-01")
                    best["stage"] = min(best["stage"], time.perf_counter() - t)
                    t = time.perf_counter()
                    for doc in docs:  # the ruler component alone, on parsed docs
                        rule(doc)
                    best["rule"] = min(best.get("rule", 1e9), time.perf_counter() - t)
        base, ruler, stage = base + best["plain"], ruler + best["ruled"], stage + best["stage"]
        rule_alone += best["rule"]
    chars = sum(len(t) for t in texts)
    print(f"parse {len(texts)} docs ({chars / 1e6:.2f} M chars), spaCy only:  {base:6.2f} s")
    print(f"  with entity ruler:                     {ruler:6.2f} s ({100 * (ruler / base - 1):+.1f} %)")
    print(f"  actors stage (extract_entities) alone: {stage:6.2f} s ({100 * stage / base:+.1f} %)")
    print(f"  entity ruler component alone:          {rule_alone:6.2f} s ({100 * rule_alone / base:+.1f} %)")
    print(f"overhead, ruler + stage (whole runs): {100 * ((ruler + stage) / base - 1):+.1f} %; "
          f"component times: {100 * (rule_alone + stage) / base:+.1f} % (target: at most +5 %)")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    time_load()
    time_parse(corpus(n, [SEEDS], INVENTED), Settings())


if __name__ == "__main__":
    main()
