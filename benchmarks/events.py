"""Events stage cost against the spaCy parse it runs on.

Parses the seed articles (../shared/corpus/seeds, when present) plus a few
invented paragraphs, repeated to about N docs, with the full nlp pipeline
(`nlp.pipe`, timed); runs the actors and quotes stages on them (untimed, they
provide the entities and quotes the coder reads); then times the events stage
alone on the pre-parsed docs. Prints both figures and the ratio; the target is
an events stage costing at most 15% of the parse. No assertions.

    .venv/bin/python benchmarks/events.py [N_DOCS]
"""

from __future__ import annotations

import sys

from _common import SEEDS, bench_articles, corpus, run_stage, timed, timed_parse

from eventwire.pipeline import Pipeline, stage_module
from eventwire.settings import Settings

INVENTED = [
    "Vostran forces shelled the border town of Tarn on Tuesday, killing four civilians, the Kelmish "
    "defence ministry said. Kelmland recalled its ambassador and threatened to impose sanctions on Vostra. "
    "\"We will not stop until every soldier has left our soil,\" said Kelmish President Arno Tesk.",
    "Thousands of students demonstrated in Dorvat against the Vostran government on Saturday. Police "
    "arrested twelve activists and the interior minister called for calm. The Kelmish Front rejected the "
    "offer of talks and urged its supporters to block the main roads into the capital.",
]


def main(n: int = 200) -> None:
    pipeline = Pipeline(Settings())
    texts = corpus(n, [SEEDS], INVENTED)
    docs, parse = timed_parse(pipeline, texts)
    articles = bench_articles(texts)
    stages = {s.name: s for s in pipeline.doc_stages}
    for name in ("actors", "quotes"):
        if name in stages:
            run_stage(stages[name], articles, docs)
    events_stage = stage_module("events").make_stage(pipeline.ctx)
    events_stage(articles[0], docs[0])  # build the lexicon outside the timing
    coding = timed(lambda: run_stage(events_stage, articles, docs))
    n_events = sum(len(a.events) for a in articles)
    words = sum(len(d) for d in docs)
    print(f"documents: {len(docs)}   tokens: {words}   events: {n_events}")
    print(f"spaCy parse (nlp.pipe):   {parse:8.3f} s   {words / parse:9.0f} tokens/s")
    print(f"events stage alone:       {coding:8.3f} s   {words / coding:9.0f} tokens/s")
    print(f"events / parse:           {100 * coding / parse:7.1f} %   (target <= 15 %)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
