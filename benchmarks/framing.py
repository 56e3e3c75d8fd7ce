"""Framing stage cost next to the parse it follows.

Prints figures; no assertions. Documents: the seed articles in ../shared (when
present) plus examples/articles, run once through the full pipeline (so each
article has its entities and quotes), then repeated to N docs (default 200).
Times, best of 3 rounds: `nlp.pipe` over the N texts alone, and the framing
stage alone over the N (article, doc) pairs. The target is framing <= 10% of
the parse time.

    .venv/bin/python benchmarks/framing.py [N_DOCS]
"""

from __future__ import annotations

import copy
import sys

from _common import EXAMPLES, SEEDS, best_of, run_stage

from eventwire.ingest import read_paths
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


def articles(pipeline: Pipeline) -> list[Article]:
    paths = [str(EXAMPLES / "articles")] + ([str(SEEDS)] if SEEDS.is_dir() else [])
    items = pipeline.process(read_paths(paths, pipeline.settings))
    return [a for a in items if isinstance(a, Article) and a.text]


def main(n: int = 200) -> None:
    pipeline = Pipeline(Settings(actor_files=[EXAMPLES / "actors.yaml"]))
    base = articles(pipeline)
    docs_base = list(pipeline.nlp.pipe(a.text for a in base))
    framing = next(s for s in pipeline.doc_stages if s.name == "framing")
    batch = [copy.deepcopy(base[i % len(base)]) for i in range(n)]
    docs = [docs_base[i % len(base)] for i in range(n)]
    words = sum(len(a.text.split()) for a in batch)

    parse = best_of(3, lambda: list(pipeline.nlp.pipe(a.text for a in batch)))
    frame = best_of(3, lambda: run_stage(framing, batch, docs))
    print(f"documents: {n} ({len(base)} distinct, {words} words)")
    print(f"nlp.pipe (full model + actor ruler): {parse:.2f} s  ({n / parse:.1f} docs/s)")
    print(f"framing stage alone:                 {frame:.3f} s  ({n / frame:.1f} docs/s)")
    print(f"framing / parse: {100 * frame / parse:.1f}%  (target <= 10%)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
