"""Running the pipeline on many cores: worker processes on one machine, or a Dask cluster.

- `process_parallel(items, settings, workers)` is `Pipeline(settings).process(items)`
  spread over `workers` processes. Each worker builds the pipeline (spaCy model,
  dictionaries) once; the parent sends batches of articles and yields results in
  input order, so output records and ids are identical to a one-process run.
  The parent is the only process that touches the database (DuckDB has one writer).
- `run_dask(paths, settings, address, out_dir)` runs the same pipeline on a Dask
  cluster: each task ingests a partition of the input files, processes it and
  writes Parquet partitions by article date under `out_dir` (a folder or an
  object-store URI); `eventwire load` (`eventwire.store.parquet.load_parquet`)
  merges them into the database afterwards.

See docs/scale.md for figures and deployment notes.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from .errors import PipelineError
from .model import Article, Failure
from .settings import Settings

log = logging.getLogger(__name__)

# Batches in flight per worker: enough to keep every worker busy while the parent
# pickles the next batch, few enough that a streamed corpus never sits in memory.
BATCHES_PER_WORKER = 2

# One pipeline per worker process (and per distinct settings), built on first use.
_PIPELINES: dict[bytes, Any] = {}


def worker_pipeline(settings: Settings):
    """The pipeline of this process for `settings`, built once and then reused."""
    from .pipeline import Pipeline

    key = hashlib.sha1(pickle.dumps(settings)).digest()
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(settings)
    return _PIPELINES[key]


# Set in each worker by `_init_worker`: lets `WorkerPool.warm_up` hand exactly one task to every worker.
_BARRIER = None


def _init_worker(settings: Settings, barrier=None) -> None:
    global _BARRIER
    # The processes are the parallelism: N workers each running an N-thread BLAS pool would oversubscribe
    # the cores (Dask's nanny does the same). Set before numpy loads; a user's own setting wins.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    # Worker processes inherit no logging setup under "spawn"; keep warnings visible.
    logging.basicConfig(level=logging.WARNING)
    _BARRIER = barrier
    worker_pipeline(settings).nlp  # noqa: B018 - the spaCy model loads lazily; load it before the first batch


# Processed once per worker by `WorkerPool.warm_up` so lazily built stage resources exist before timing starts.
WARM_UP_TEXT = "The foreign minister said on Monday that talks with the rebels would resume in the capital."


def _meet(settings: Settings, timeout: float) -> int:
    """A warm-up task: returns only once every worker of the pool holds one (so all have started)."""
    if _BARRIER is not None:
        _BARRIER.wait(timeout)
    warm = Article(id="warm-up", source="<warm-up>", raw_text=WARM_UP_TEXT, text=WARM_UP_TEXT)
    list(worker_pipeline(settings).process([warm]))
    return os.getpid()


def _process_batch(settings: Settings, batch: list[Article | Failure]) -> bytes:
    """Run one batch in a worker; returns the pickled results (see `_picklable`)."""
    results = list(worker_pipeline(settings).process(batch))
    try:
        return pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError):
        return pickle.dumps([_picklable(r) for r in results], protocol=pickle.HIGHEST_PROTOCOL)


def _picklable(item: Article | Failure) -> Article | Failure:
    """Drop `meta` entries a stage parked there that cannot cross a process boundary."""
    if isinstance(item, Article):
        for key in list(item.meta):
            try:
                pickle.dumps(item.meta[key])
            except Exception:  # any object pickle refuses, whatever it raises
                del item.meta[key]
    return item


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of `size` items (the last may be shorter)."""
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def _mp_context():
    # "fork" after threads (DuckDB, the progress bar) can deadlock; forkserver is cheaper than spawn where it exists.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def process_parallel(items: Iterable[Article | Failure], settings: Settings | None = None,
                     workers: int = 1, batch_size: int | None = None) -> Iterator[Article | Failure]:
    """Process `items` in `workers` processes; same order and records as `Pipeline(settings).process(items)`.

    `items` is consumed lazily: at most `BATCHES_PER_WORKER * workers` batches of
    `batch_size` articles (default `settings.batch_size`) are in flight. A worker
    that dies (killed, out of memory) turns the articles of its batches into
    Failures with stage "parallel"; the pool is rebuilt and the run goes on.
    """
    settings = settings or Settings()
    if workers < 1:
        raise PipelineError(f"--workers must be at least 1, got {workers}")
    if workers == 1:
        from .pipeline import Pipeline

        yield from Pipeline(settings).process(items)
        return
    with WorkerPool(settings, workers, batch_size) as pool:
        yield from pool.process(items)


class WorkerPool:
    """Worker processes that each hold a built pipeline; reusable for many `process` calls.

    Use it directly when the start-up cost should be paid once (a long-running
    service, a benchmark): `with WorkerPool(settings, 4) as pool: pool.warm_up(); ...`.
    """

    # Pools allowed to break in a row with no batch done in between (workers that cannot even start).
    MAX_BROKEN = 3

    def __init__(self, settings: Settings, workers: int, batch_size: int | None = None):
        self.settings, self.workers = settings, workers
        self.batch_size = batch_size or settings.batch_size
        self.pending: deque[tuple[list[Article | Failure], Future]] = deque()
        self.broken = 0
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        context = _mp_context()
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_init_worker,
                                   initargs=(self.settings, context.Barrier(self.workers)))

    def warm_up(self, timeout: float = 600.0) -> list[int]:
        """Start every worker, build its pipeline and run one short text through it; returns the worker pids."""
        futures = [self.pool.submit(_meet, self.settings, timeout) for _ in range(self.workers)]
        return sorted({f.result() for f in futures})

    def process(self, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
        """Like `Pipeline.process`: results in input order, batches spread over the workers."""
        try:
            for batch in batched(items, self.batch_size):
                self._submit(batch)
                while len(self.pending) >= BATCHES_PER_WORKER * self.workers:
                    yield from self._next_result()
            while self.pending:
                yield from self._next_result()
        finally:
            for _, future in self.pending:
                future.cancel()
            self.pending.clear()

    def _submit(self, batch: list[Article | Failure]) -> None:
        try:
            future = self.pool.submit(_process_batch, self.settings, batch)
        except BrokenProcessPool:  # a worker died while idle: the batches in flight will report it
            future = Future()
            future.set_exception(BrokenProcessPool("a worker process died before this batch was sent"))
        self.pending.append((batch, future))

    def _next_result(self) -> list[Article | Failure]:
        """Wait for the oldest batch; on a broken pool, fail that batch, rebuild the pool and resubmit the rest."""
        batch, future = self.pending.popleft()
        try:
            results = pickle.loads(future.result())
        except BrokenProcessPool as exc:
            self.broken += 1
            if self.broken >= self.MAX_BROKEN:
                raise PipelineError(f"worker processes keep dying ({exc}); run with --workers 1 to see why") from exc
            log.error("a worker process died (%s); %d articles recorded as failures", exc, len(batch))
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()
            retry = [b for b, _ in self.pending]
            self.pending.clear()
            for b in retry:
                self._submit(b)
            return [_worker_died(item, exc) for item in batch]
        self.broken = 0
        return results

    def close(self) -> None:
        for _, future in self.pending:
            future.cancel()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _worker_died(item: Article | Failure, exc: BaseException) -> Article | Failure:
    if isinstance(item, Failure):
        return item
    item.failures.append(Failure(source=item.source, stage="parallel", article_id=item.id,
                                 reason=f"the worker process processing this batch died: {exc}"))
    return item


# ---- Dask ------------------------------------------------------------------------------------------------------

def input_files(paths: Iterable[str | Path]) -> list[str]:
    """Every file under `paths`, sorted, hidden files and folders skipped (the order `read_paths` uses)."""
    files: list[str] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [p.relative_to(path) for p in path.rglob("*") if p.is_file()]
            # Sorting by path parts is sorting each folder's entries by name, depth first, as ingest walks.
            visible = sorted(p.parts for p in found if not any(part.startswith(".") for part in p.parts))
            files.extend(str(path.joinpath(*parts)) for parts in visible)
        else:
            files.append(str(path))  # a missing path becomes a Failure in the task that reads it
    return files


def partition_files(files: Sequence[str], parts: int) -> list[list[str]]:
    """Split files into at most `parts` groups; files sharing a name stem stay together, in input order.

    Ingest derives ids from file stems and disambiguates a repeated stem by order, so
    keeping such files in one task gives the same ids as a one-process run.
    """
    groups: dict[str, list[str]] = {}
    for name in files:
        groups.setdefault(Path(name).stem, []).append(name)
    ordered = list(groups.values())  # dicts keep first-appearance order
    parts = max(1, min(parts, len(ordered)))
    chunks: list[list[str]] = [[] for _ in range(parts)]
    for i, group in enumerate(ordered):
        chunks[i * parts // len(ordered)].extend(group)
    return [chunk for chunk in chunks if chunk]


def _dask_task(files: list[str], settings: Settings, out_dir: str, part: str) -> dict[str, int]:
    """One Dask task: ingest `files`, process them with this worker's pipeline, write Parquet."""
    from .ingest import read_paths
    from .store.parquet import write_partitions

    results = worker_pipeline(settings).process(read_paths(files, settings))
    return write_partitions(results, out_dir, part)


def dask_client(address: str):
    """A Dask client: "local:N" starts a LocalCluster of N one-thread worker processes, else a scheduler address."""
    from dask.distributed import Client, LocalCluster

    if address.startswith("local:"):
        try:
            n = int(address.removeprefix("local:"))
        except ValueError as exc:
            raise PipelineError(f"--dask {address!r}: expected local:N with N a number of workers") from exc
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    return Client(address)


def run_dask(paths: Iterable[str | Path], settings: Settings | None, address: str, out_dir: str,
             files_per_task: int = 50, client=None) -> dict[str, Any]:
    """Process `paths` on a Dask cluster, writing Parquet partitions by date under `out_dir`.

    `address` is "local:N" (a LocalCluster with N workers on this machine) or a
    scheduler address such as "tcp://10.0.0.5:8786" (dask-jobqueue and
    dask-kubernetes clusters expose one). Input files must be readable by the
    workers (a shared file system or the same paths on every node). Pass an open
    `client` to reuse a cluster. Returns {"tasks", "files", and rows per table}.
    """
    settings = settings or Settings()
    files = input_files(paths)
    own = client is None
    client = client or dask_client(address)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        parts = partition_files(files, max(workers, -(-len(files) // files_per_task)))
        settings_future = client.scatter(settings, broadcast=True)
        futures = [client.submit(_dask_task, part, settings_future, out_dir, f"part-{i:05d}", pure=False)
                   for i, part in enumerate(parts)]
        totals: dict[str, Any] = {"tasks": len(parts), "files": len(files)}
        for counts in client.gather(futures):
            for table, n in counts.items():
                totals[table] = totals.get(table, 0) + n
        return totals
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None and address.startswith("local:"):
                cluster.close()

