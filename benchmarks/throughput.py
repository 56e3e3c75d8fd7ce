"""Throughput: spaCy alone vs the full eventwire pipeline, at 1 and N processes, in one run.

    python benchmarks/throughput.py [--articles 500] [--workers 2] [--model NAME]

The corpus repeats the example articles (examples/articles) with small
variations (every number shifted, so no two copies are identical) until it
holds `--articles` articles. Both contenders see the same cleaned texts:

- spaCy alone: `spacy.load(model)` and `nlp.pipe(texts)`; with N processes, a
  pool of N workers each holding the model, fed batches of texts.
- eventwire: `Pipeline.process` (clean, parse, actors, quotes, events,
  framing); with N processes, `eventwire.parallel.WorkerPool`.

Worker start-up (loading models) is done before the clock starts for both, so
the figures compare steady-state throughput. Peak memory is the high-water
mark of resident memory (VmHWM) of each process. Prints one table and the
ratios the acceptance criteria name (full/spaCy at 1 and N processes, N/1).
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import resource
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from eventwire.ingest import read_paths
from eventwire.model import Article
from eventwire.parallel import WorkerPool, _mp_context, batched
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

_NUMBER = re.compile(r"\d+")


def corpus(n: int, settings: Settings) -> list[Article]:
    """`n` articles: the examples, then copies with every number shifted by the copy number."""
    base = [a for a in read_paths([ROOT / "examples" / "articles"], settings) if isinstance(a, Article)]
    if not base:
        raise SystemExit("examples/articles holds no readable articles")
    articles = []
    for i in range(n):
        copy_no, original = divmod(i, len(base))
        article = copy.deepcopy(base[original])
        if copy_no:
            article.raw_text = _NUMBER.sub(lambda m, k=copy_no: str(int(m.group()) + k), article.raw_text)
            article.id = f"{article.id}-v{copy_no}"
        articles.append(article)
    return articles


def cleaned_texts(articles: list[Article], settings: Settings) -> list[str]:
    """The texts spaCy sees inside the pipeline: run the text stages once (not timed)."""
    pipeline = Pipeline(settings.replace(doc_stages=[]))
    out = []
    for article in copy.deepcopy(articles):
        for stage in pipeline.text_stages:
            stage(article)
        out.append(article.text)
    return out


def peak_rss_mb(pid: int | None = None) -> float:
    """High-water mark of resident memory of a process, in MB (Linux /proc; else getrusage for self)."""
    try:
        status = Path(f"/proc/{pid or 'self'}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
    except (OSError, AttributeError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- spaCy alone in worker processes -----------------------------------------------------------------------------

_NLP = None
_BARRIER = None


def _load_spacy(model: str, barrier) -> None:
    global _NLP, _BARRIER
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # as eventwire's workers do
        os.environ.setdefault(var, "1")
    import spacy

    _NLP = spacy.load(model)
    _BARRIER = barrier


def _spacy_batch(texts: list[str], batch_size: int) -> int:
    return sum(len(doc) for doc in _NLP.pipe(texts, batch_size=batch_size))


def _meet() -> int:
    _BARRIER.wait(600)  # one warm-up task per worker: all have loaded the model before the clock starts
    return os.getpid()


def time_spacy_pool(texts: list[str], model: str, workers: int, batch_size: int) -> tuple[float, list[float]]:
    context = _mp_context()
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_load_spacy,
                             initargs=(model, context.Barrier(workers))) as pool:
        pids = {f.result() for f in [pool.submit(_meet) for _ in range(workers)]}
        started = time.perf_counter()
        futures = [pool.submit(_spacy_batch, batch, batch_size) for batch in batched(texts, batch_size)]
        for f in futures:
            f.result()
        seconds = time.perf_counter() - started
        return seconds, [peak_rss_mb(p) for p in sorted(pids)]


def time_full_pool(articles: list[Article], settings: Settings, workers: int) -> tuple[float, list[float]]:
    with WorkerPool(settings, workers) as pool:
        pids = pool.warm_up()
        started = time.perf_counter()
        n = sum(1 for _ in pool.process(articles))
        seconds = time.perf_counter() - started
        assert n == len(articles)
        return seconds, [peak_rss_mb(p) for p in pids]


class Timed:
    """A stage wrapper adding up the seconds spent in the stage (for the breakdown line)."""

    def __init__(self, stage):
        self.stage, self.name, self.reads, self.writes = stage, stage.name, stage.reads, stage.writes
        self.seconds = 0.0

    def __call__(self, *args) -> None:
        started = time.perf_counter()
        try:
            self.stage(*args)
        finally:
            self.seconds += time.perf_counter() - started


def time_in_process(run: Callable[[], object]) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--model", default=None)
    args = parser.parse_args()
    settings = Settings() if args.model is None else Settings(model=args.model)

    articles = corpus(args.articles, settings)
    texts = cleaned_texts(articles, settings)
    words = sum(len(t.split()) for t in texts)
    print(f"corpus: {len(articles)} articles, {words} words, model {settings.model}, "
          f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}", flush=True)

    import spacy

    nlp = spacy.load(settings.model)
    list(nlp.pipe(texts[:8]))
    pipeline = Pipeline(settings)
    list(pipeline.process(copy.deepcopy(articles[:8])))  # warm-up: build resources, first parse
    pipeline.text_stages = [Timed(s) for s in pipeline.text_stages]
    pipeline.doc_stages = [Timed(s) for s in pipeline.doc_stages]
    rows = {}
    rows["spacy 1"] = (time_in_process(lambda: list(nlp.pipe(texts, batch_size=settings.batch_size))),
                       [peak_rss_mb()])
    print(f"  spacy 1 process done in {rows['spacy 1'][0]:.1f}s", flush=True)
    rows["full 1"] = (time_in_process(lambda: list(pipeline.process(copy.deepcopy(articles)))), [peak_rss_mb()])
    print(f"  full 1 process done in {rows['full 1'][0]:.1f}s", flush=True)
    stages = pipeline.text_stages + pipeline.doc_stages
    parse = rows["full 1"][0] - sum(s.seconds for s in stages)
    print("  where the full 1-process time goes (s): parse and the rest "
          f"{parse:.1f}, " + ", ".join(f"{s.name} {s.seconds:.1f}" for s in stages), flush=True)
    n = args.workers
    rows[f"spacy {n}"] = time_spacy_pool(texts, settings.model, n, settings.batch_size)
    print(f"  spacy {n} processes done in {rows[f'spacy {n}'][0]:.1f}s", flush=True)
    rows[f"full {n}"] = time_full_pool(copy.deepcopy(articles), settings, n)
    print(f"  full {n} processes done in {rows[f'full {n}'][0]:.1f}s", flush=True)

    print(f"\n{'run':<10}{'seconds':>9}{'articles/s':>12}{'words/s':>10}  peak RSS per process (MB)")
    for name, (seconds, peaks) in rows.items():
        print(f"{name:<10}{seconds:>9.2f}{len(articles) / seconds:>12.1f}{words / seconds:>10.0f}  "
              + ", ".join(f"{p:.0f}" for p in peaks))
    rate = {name: len(articles) / seconds for name, (seconds, _) in rows.items()}
    print(f"\nfull/spaCy at 1 process:   {rate['full 1'] / rate['spacy 1']:.2f}  (target >= 0.75)")
    print(f"full/spaCy at {n} processes: {rate[f'full {n}'] / rate[f'spacy {n}']:.2f}  (target >= 0.75)")
    print(f"full {n} proc / full 1 proc: {rate[f'full {n}'] / rate['full 1']:.2f}  (target >= 1.7 at 2)")
    print(f"spaCy {n} proc / 1 proc:     {rate[f'spacy {n}'] / rate['spacy 1']:.2f}")
    print(f"max peak RSS: {max(p for _, peaks in rows.values() for p in peaks):.0f} MB (target <= 800)")


if __name__ == "__main__":
    main()
