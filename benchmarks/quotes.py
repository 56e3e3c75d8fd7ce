"""Quote stage cost against the spaCy parse it runs on.

Parses the seed articles (../shared/corpus/seeds, when present) and the
example articles (examples/articles), repeated to about N docs, with the full
nlp pipeline (`nlp.pipe`, timed); runs the actors stage on them (untimed, it
provides the entities speakers resolve against); then times the quotes stage
alone on the pre-parsed docs. Prints both figures and the ratio; the target
is a quote stage adding at most 10% to the parse. No assertions.

    /tmp/ewvenv/bin/python benchmarks/quotes.py [N_DOCS]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from eventwire.model import Article
from eventwire.pipeline import Pipeline, stage_module
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT.parent / "shared" / "corpus" / "seeds", ROOT / "examples" / "articles"]


def documents(n: int) -> list[str]:
    base = [p.read_text(encoding="utf-8") for d in SOURCES if d.is_dir() for p in sorted(d.glob("*.txt"))]
    if not base:
        raise SystemExit("no articles found in " + ", ".join(str(d) for d in SOURCES))
    return [base[i % len(base)] for i in range(n)]


def main(n: int = 200) -> None:
    pipeline = Pipeline(Settings())
    nlp = pipeline.nlp
    texts = documents(n)
    nlp("warm up")
    t = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=pipeline.settings.batch_size))
    parse = time.perf_counter() - t
    articles = [Article(id=f"b{i}", source="bench", raw_text=x, text=x, date="2024-03-20")
                for i, x in enumerate(texts)]
    actors = stage_module("actors").make_stage(pipeline.ctx)
    for article, doc in zip(articles, docs, strict=True):
        actors(article, doc)
    quotes = stage_module("quotes").make_stage(pipeline.ctx)
    t = time.perf_counter()
    for article, doc in zip(articles, docs, strict=True):
        quotes(article, doc)
    stage = time.perf_counter() - t
    n_quotes = sum(len(a.quotes) for a in articles)
    words = sum(len(d) for d in docs)
    print(f"docs: {len(docs)}  tokens: {words}  quotes found: {n_quotes}")
    print(f"spaCy parse (nlp.pipe): {parse:.2f} s  ({words / parse:,.0f} tokens/s)")
    print(f"quotes stage alone:     {stage:.2f} s  ({words / stage:,.0f} tokens/s)")
    print(f"ratio quotes / parse:   {stage / parse:.1%}  (target <= 10%)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
