"""The harness the stage benchmarks share: a corpus of N texts, the timed parse, the timed stage.

Each stage benchmark parses N documents with the full pipeline (`nlp.pipe`, timed),
then times its stage alone on the pre-parsed docs and prints the ratio. Scripts
import this module by name (`python benchmarks/<stage>.py` puts benchmarks/ on sys.path).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from spacy.tokens import Doc

from eventwire.model import Article
from eventwire.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"  # the reference seed articles, when present
EXAMPLES = ROOT / "examples"


def corpus(n: int, folders: Iterable[Path], extra: Sequence[str] = ()) -> list[str]:
    """The `*.txt` articles of the existing `folders`, then `extra`, repeated to `n` texts."""
    folders = list(folders)
    base = [p.read_text(encoding="utf-8") for d in folders if d.is_dir() for p in sorted(d.glob("*.txt"))]
    base += list(extra)
    if not base:
        raise SystemExit("no articles found in " + ", ".join(str(d) for d in folders))
    return [base[i % len(base)] for i in range(n)]


def timed_parse(pipeline: Pipeline, texts: list[str]) -> tuple[list[Doc], float]:
    """The docs of `texts` from the full pipeline (after a warm-up) and the seconds `nlp.pipe` took."""
    pipeline.nlp("warm up")
    start = time.perf_counter()
    docs = list(pipeline.nlp.pipe(texts, batch_size=pipeline.settings.batch_size))
    return docs, time.perf_counter() - start


def bench_articles(texts: list[str]) -> list[Article]:
    """One Article per text (raw_text == text), ids b0, b1, ..."""
    return [Article(id=f"b{i}", source="bench", raw_text=x, text=x, date="2024-03-20") for i, x in enumerate(texts)]


def timed(fn: Callable[[], object]) -> float:
    """Seconds one call of `fn` takes."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best_of(rounds: int, fn: Callable[[], object]) -> float:
    """The fastest of `rounds` calls of `fn`, in seconds (less noise from other processes)."""
    return min(timed(fn) for _ in range(rounds))


def run_stage(stage: Callable[[Article, Doc], object], articles: list[Article], docs: list[Doc]) -> None:
    """Call a doc stage on every (article, doc) pair."""
    for article, doc in zip(articles, docs, strict=True):
        stage(article, doc)
