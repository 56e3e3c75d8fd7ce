"""Actors-stage evaluation on the gold and the seed corpus (skip without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.actors import entity_for
from eventwire.evaluate.actors import evaluate_actors
from eventwire.evaluate.gate import floor
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"


def _floor() -> float:
    return floor(BASELINE, "actors", "accuracy")


@pytest.mark.gold
@pytest.mark.slow
def test_gold_actor_code_accuracy_floor(shared_dir):
    metrics = evaluate_actors(shared_dir / "gold" / "plover-gsr" / "PLOVER_GSR_CAMEO.json")
    assert metrics["n"] >= 600
    assert metrics["accuracy"] >= _floor()


# (name as written, canonical name, org, code, sector or None for any)
SEED_PEOPLE = [
    ("Khaled Mashal", "Khaled Mashal", "Hamas", "PSE", None),
    ("Bassem Naim", "Bassem Naim", "Hamas", "PSE", None),
    ("Osama Hamdan", "Osama Hamdan", "Hamas", "PSE", None),
    ("Israel Katz", "Israel Katz", None, "ISR", "GOV"),
    ("Antony Blinken", "Antony Blinken", None, "USA", "GOV"),
    ("Ismail Haniyeh", "Ismail Haniyeh", "Hamas", "PSE", None),
    ("David Barnea", "David Barnea", "Mossad", "ISR", "SPY"),
    ("Bill Burns", "Bill Burns", "Central Intelligence Agency", "USA", None),
]


@pytest.mark.gold
@pytest.mark.slow
def test_seed_articles_people_have_org_and_code(seeds_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    pipeline = Pipeline(Settings(doc_stages=["actors"]))
    articles = list(pipeline.process(
        [Article(id=f"s{i}", source="seed", raw_text=t, date="2024-09-01") for i, t in enumerate(texts)]))
    found = {}
    for article in articles:
        for written, *_ in SEED_PEOPLE:
            at = article.text.find(written)
            if at >= 0:
                found[written] = entity_for(article, at, at + len(written))
    for written, name, org, code, sector in SEED_PEOPLE:
        ent = found.get(written)
        assert ent is not None, written
        assert (ent.type, ent.name, ent.code) == ("PERSON", name, code), written
        assert org is None or ent.org == org, written
        assert sector is None or ent.sector == sector, written
