"""Shared fixtures. The real spaCy pipeline is loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.model import Article
from eventwire.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXTURES = Path(__file__).with_name("fixtures")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip when absent."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared is absent")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """../shared/corpus/seeds; tests that need the seed articles skip when it is absent."""
    seeds = shared_dir / "corpus" / "seeds"
    if not seeds.is_dir() or not any(seeds.glob("*.txt")):
        pytest.skip(f"{seeds} is absent")
    return seeds


@pytest.fixture(scope="session")
def pipeline():
    """The full pipeline with the default model (loaded once)."""
    from eventwire.pipeline import Pipeline

    return Pipeline(Settings())


@pytest.fixture(scope="session")
def seeds(seeds_dir: Path, pipeline) -> dict:
    """The seed articles processed once, by the first three characters of their file name
    (dated 2025-03-20 so that relative dates resolve)."""
    from eventwire.model import Article

    arts = [Article(id=p.stem[:3], source=str(p), raw_text=p.read_text(encoding="utf-8"), date="2025-03-20")
            for p in sorted(seeds_dir.glob("*.txt"))]
    return {a.id: a for a in pipeline.process(arts)}


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


def make_article(text: str, id: str = "t1", date: str | None = "2024-03-20", **kw) -> Article:
    """An article as ingest would hand it over, from a text we wrote."""
    return Article.from_text(text, id=id, source=kw.pop("source", f"test:{id}"), date=date, **kw)


@pytest.fixture
def run_text(pipeline):
    """Process one text through the full pipeline; returns the Article."""

    def _run(text: str, **kw) -> Article:
        (article,) = list(pipeline.process([make_article(text, **kw)]))
        return article

    return _run
