"""Place resolution cost: gazetteer load time from its cache, and the share of a whole run spent
finding and resolving place mentions (actors/places.find_places) and locating events
(events/location.locate_events).

Prints figures; no assertions. Documents: the seed articles in ../shared (when present) and the
examples/ articles, repeated to N docs (default 60), run through the full pipeline once.

    .venv/bin/python benchmarks/places.py [N_DOCS]
"""

from __future__ import annotations

import subprocess
import sys
import time

from _common import EXAMPLES, SEEDS, corpus

from eventwire.actors import stage as actors_stage
from eventwire.events import location
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

LOAD = ("import time; from eventwire.actors.gazetteer import load_gazetteer; t = time.perf_counter(); "
        "g = load_gazetteer(); print(f'{time.perf_counter() - t:.3f} {len(g.records)} {len(g.index)}')")


def gazetteer_load() -> None:
    subprocess.run([sys.executable, "-c", LOAD], check=True, capture_output=True)  # builds the cache if missing
    best = None
    for _ in range(3):  # a fresh process each time: nothing memoised
        out = subprocess.run([sys.executable, "-c", LOAD], check=True, capture_output=True, text=True).stdout
        seconds, records, names = out.split()
        best = min(best or float(seconds), float(seconds))
    print(f"gazetteer: {records} entries, {names} names; load from its cache (best of 3 fresh processes): "
          f"{best:.3f} s")


def run_share(n: int) -> None:
    texts = corpus(n, [SEEDS, EXAMPLES / "articles"])
    spent = {"find_places": 0.0, "locate_events": 0.0}

    def timed(name, func):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
        return wrapper

    actors_stage.find_places = timed("find_places", actors_stage.find_places)
    import eventwire.events as events_pkg

    events_pkg.locate_events = timed("locate_events", location.locate_events)
    pipeline = Pipeline(Settings())
    list(pipeline.process([Article(id="warm", source="warm", raw_text=texts[0])]))  # models, dictionary, gazetteer
    spent.update(find_places=0.0, locate_events=0.0)
    arts = [Article(id=f"b{i}", source=f"bench:{i}", raw_text=t) for i, t in enumerate(texts)]
    start = time.perf_counter()
    done = list(pipeline.process(arts))
    total = time.perf_counter() - start
    places = sum(len(a.places) for a in done)
    ours = spent["find_places"] + spent["locate_events"]
    print(f"run: {len(done)} docs in {total:.2f} s, {places} place mentions; find_places {spent['find_places']:.3f} s, "
          f"locate_events {spent['locate_events']:.3f} s: {100 * ours / total:.2f}% of the run")


if __name__ == "__main__":
    gazetteer_load()
    run_share(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
