"""Quote stage cost against the spaCy parse it runs on.

Parses the seed articles (../shared/corpus/seeds, when present) and the
example articles (examples/articles), repeated to about N docs, with the full
nlp pipeline (`nlp.pipe`, timed); runs the actors stage on them (untimed, it
provides the entities speakers resolve against); then times the quotes stage
alone on the pre-parsed docs. Prints both figures and the ratio; the target
is a quote stage adding at most 10% to the parse. No assertions.

    .venv/bin/python benchmarks/quotes.py [N_DOCS]
"""

from __future__ import annotations

import sys

from _common import EXAMPLES, SEEDS, bench_articles, corpus, run_stage, timed, timed_parse

from eventwire.pipeline import Pipeline, stage_module
from eventwire.settings import Settings


def main(n: int = 200) -> None:
    pipeline = Pipeline(Settings())
    texts = corpus(n, [SEEDS, EXAMPLES / "articles"])
    docs, parse = timed_parse(pipeline, texts)
    articles = bench_articles(texts)
    run_stage(stage_module("actors").make_stage(pipeline.ctx), articles, docs)
    quotes = stage_module("quotes").make_stage(pipeline.ctx)
    stage = timed(lambda: run_stage(quotes, articles, docs))
    n_quotes = sum(len(a.quotes) for a in articles)
    words = sum(len(d) for d in docs)
    print(f"docs: {len(docs)}  tokens: {words}  quotes found: {n_quotes}")
    print(f"spaCy parse (nlp.pipe): {parse:.2f} s  ({words / parse:,.0f} tokens/s)")
    print(f"quotes stage alone:     {stage:.2f} s  ({words / stage:,.0f} tokens/s)")
    print(f"ratio quotes / parse:   {stage / parse:.1%}  (target <= 10%)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
