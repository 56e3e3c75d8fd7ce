"""Wires the stages together: ingest -> clean -> parse -> doc stages.

Each stage is a package under `eventwire/` exposing `make_stage(ctx)`, which
returns a callable with `name`, `reads` and `writes`. Text stages are called
as `stage(article)`; doc stages as `stage(article, doc)` with the spaCy `Doc`
of `article.text`. A stage package may also define `configure_nlp(nlp, ctx)`
to add components (the actors stage adds its entity ruler this way).

`Pipeline.check()` refuses an order in which a stage reads a field that no
earlier stage writes, as spaCy's `analyze_pipes` does.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from .errors import PipelineError
from .model import Article, Failure
from .settings import Settings

if TYPE_CHECKING:  # spaCy loads only when a stage parses
    from spacy.tokens import Doc

log = logging.getLogger(__name__)

# Fields an article has when ingest hands it over.
INGEST_WRITES = ("id", "source", "raw_text", "raw_sha256", "title", "url", "outlet", "byline", "date")
PARSE_WRITES = ("doc",)


class Stage(Protocol):
    name: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]

    def __call__(self, article: Article, *doc: Doc) -> None: ...


class Context:
    """What stages share: settings, the spaCy pipeline, cached resources."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._resources: dict[str, Any] = {}
        self._nlp = None

    def resource(self, key: str, factory: Callable[[], Any]) -> Any:
        """Build a shared resource once (e.g. the actor dictionary)."""
        if key not in self._resources:
            self._resources[key] = factory()
        return self._resources[key]

    @property
    def nlp(self):
        if self._nlp is None:
            from .nlp import load_nlp

            hooks = (getattr(stage_module(n), "configure_nlp", None) for n in self.settings.doc_stages)
            self._nlp = load_nlp(self, [h for h in hooks if h is not None])
        return self._nlp


def stage_module(name: str):
    try:
        return importlib.import_module(f"eventwire.{name}")
    except ModuleNotFoundError as exc:
        raise PipelineError(f"unknown stage {name!r} (no package eventwire.{name}): {exc}") from exc


class Pipeline:
    """Build once, then `process()` any number of articles."""

    def __init__(self, settings: Settings | None = None):
        self.settings = settings or Settings()
        self.ctx = Context(self.settings)
        self.text_stages = [stage_module(n).make_stage(self.ctx) for n in self.settings.text_stages]
        self.doc_stages = [stage_module(n).make_stage(self.ctx) for n in self.settings.doc_stages]
        self.check()

    def check(self) -> None:
        available = set(INGEST_WRITES)
        for i, stage in enumerate(self.text_stages + self.doc_stages):
            if i == len(self.text_stages):
                available |= set(PARSE_WRITES)
            missing = [f for f in stage.reads if f not in available]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} reads {missing}, which no earlier stage writes; "
                    f"order is {[s.name for s in self.text_stages + self.doc_stages]}"
                )
            available |= set(stage.writes)

    @property
    def nlp(self):
        return self.ctx.nlp

    def _run_stage(self, stage: Stage, article: Article, *args: Doc) -> bool:
        try:
            stage(article, *args)
            return True
        except Exception as exc:  # one bad article must not stop the run
            log.warning("article %s: stage %s failed: %s", article.id, stage.name, exc)
            article.failures.append(
                Failure(source=article.source, stage=stage.name, reason=f"{type(exc).__name__}: {exc}",
                        article_id=article.id)
            )
            return False

    def _codable(self, article: Article) -> bool:
        if not article.text.strip():
            return False
        if article.language not in (None, "en"):
            return False  # stored and marked, not coded
        if len(article.text) > self.settings.max_chars:
            article.failures.append(Failure(
                source=article.source, stage="nlp", article_id=article.id,
                reason=f"text has {len(article.text)} characters, over the limit of "
                       f"{self.settings.max_chars} (nlp.max_chars); stored but not coded"))
            return False
        return True

    def process(self, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
        """Run every stage over each article; failures pass through unchanged.

        Articles come out in input order. Non-English, empty or oversized
        articles come out cleaned but without quotes/events/labels.
        """
        batch: list[Article] = []
        for item in items:
            if isinstance(item, Failure):
                yield from self._flush(batch)
                batch = []
                yield item
                continue
            ok = all(self._run_stage(s, item) for s in self.text_stages)
            batch.append(item if ok else _mark_uncodable(item))
            if len(batch) >= self.settings.batch_size:
                yield from self._flush(batch)
                batch = []
        yield from self._flush(batch)

    def _flush(self, batch: list[Article]) -> Iterator[Article]:
        codable = [a for a in batch if not a.meta.get("uncodable") and self._codable(a)]
        docs = self._parse(codable)
        for article in batch:
            doc = docs.get(id(article))
            if doc is not None:
                for stage in self.doc_stages:
                    self._run_stage(stage, article, doc)
            yield article

    def _parse(self, articles: list[Article]) -> dict[int, Doc]:
        """Parse a batch; if spaCy fails on it, parse one by one and record who failed."""
        try:
            return {id(a): doc for a, doc in zip(articles, self.nlp.pipe(a.text for a in articles), strict=True)}
        except Exception:  # spaCy does not say which text broke the batch
            docs = {}
            for article in articles:
                try:
                    docs[id(article)] = self.nlp(article.text)
                except Exception as exc:
                    article.failures.append(Failure(source=article.source, stage="nlp", article_id=article.id,
                                                    reason=f"{type(exc).__name__}: {exc}"))
            return docs


def _mark_uncodable(article: Article) -> Article:
    article.meta["uncodable"] = True
    return article


def process(items: Iterable[Article | Failure], settings: Settings | None = None) -> Iterator[Article | Failure]:
    """Convenience: build a `Pipeline` and process `items`."""
    return Pipeline(settings).process(items)


def run_into_store(items: Iterable[Article | Failure], store: Any, settings: Settings | None = None, *,
                   process: Callable[[Iterable[Article | Failure]], Iterator[Article | Failure]] | None = None,
                   **kwargs: Any) -> Any:
    """`eventwire run` as a function: `items` through `process` (default: a `Pipeline`) into `store`,
    then the framing stage's cross-article clustering; returns the `RunSummary`."""
    from .framing.cluster import assign_clusters
    from .store.run import run

    settings = settings or Settings()
    process = process or Pipeline(settings).process  # setup errors surface before the run is logged
    return run(items, store, settings, process=process, cluster=assign_clusters, **kwargs)
