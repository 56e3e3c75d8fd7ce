"""Framing fixtures: the real spaCy model, and articles whose actor mentions we state by hand.

Stating the mentions (as the actors stage would fill `article.entities`)
keeps these tests about the framing patterns, not about NER.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import spacy

from eventwire.framing import frame_article, load_lexicon
from eventwire.framing.language import LoadedLanguageModel
from eventwire.framing.sentences import load_sentence_model
from eventwire.model import Article, Entity, Quote
from eventwire.settings import Settings


@pytest.fixture(scope="session")
def spacy_nlp():
    return spacy.load(Settings().model)


@pytest.fixture(scope="session")
def lexicon():
    return load_lexicon()


def mentions(text: str, actors: dict[str, tuple[str, str, str | None]]) -> list[Entity]:
    """Every occurrence of each surface form: {surface: (name, type, sector)}."""
    out = []
    for surface, (name, type_, sector) in actors.items():
        for m in re.finditer(r"\b" + re.escape(surface) + r"\b", text):
            out.append(Entity(entity_text=surface, name=name, type=type_, sector=sector, start=m.start(),
                              end=m.end(), source="test"))
    return sorted(out, key=lambda e: e.start)


@pytest.fixture
def frame(spacy_nlp, lexicon):
    """Frame a text: returns the Article with its labels (quotes optional, as (start, end, speaker name))."""
    model = LoadedLanguageModel(lexicon.loaded, lexicon.descriptors)

    def _frame(text: str, actors: dict, quotes: list[tuple[int, int, str]] = (), labels=()) -> Article:
        article = Article(id="fx", source="test:fx", text=text, raw_text=text, date="2026-03-02")
        article.entities = mentions(text, actors)
        article.quotes = [Quote(id=f"fx:q{n}", article_id="fx", text=text[s:e], start=s, end=e, kind="direct",
                                speaker=_speaker(who)) for n, (s, e, who) in enumerate(quotes)]
        article.labels = list(labels)
        article.labels = frame_article(article, spacy_nlp(text), lexicon, model, sentences=load_sentence_model())
        return article

    return _frame


def _speaker(name: str):
    from eventwire.model import Speaker

    return Speaker(text=name, name=name)


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="session")
def example_articles():
    """examples/articles through the real pipeline, with the invented actor dictionary."""
    from eventwire.ingest import read_paths
    from eventwire.pipeline import Pipeline

    settings = Settings(actor_files=[EXAMPLES / "actors.yaml"])
    items = Pipeline(settings).process(read_paths([str(EXAMPLES / "articles")], settings))
    return [a for a in items if isinstance(a, Article)]
