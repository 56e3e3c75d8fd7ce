"""Ingest + clean on the reference corpus in ../shared (skipped when it is absent).

Expectations are read from the files themselves at test time (no reference
text is copied here); per-article facts are keyed by file id.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from eventwire.clean import CleanStage, clean_text
from eventwire.evaluate.gate import floor
from eventwire.ingest import read_paths
from eventwire.model import Article
from eventwire.settings import Settings

pytestmark = pytest.mark.gold
BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"

# Seed id -> (what the title is, outlet the text names). "first_line": the headline on line 1;
# None: no headline (a lead paragraph, or an image caption then a paragraph).
SEEDS = {
    "000_798b2be10d42173a": (None, None),
    "001_647102796b5d3a1d": ("first_line", "The Algemeiner"),
    "002_295dfdbd1ff399b8": (None, "The Judean"),
    "003_07e3d59658e515a5": ("first_line", None),
    "004_54c51e1df1f0d145": ("first_line", "Zero Hedge"),
}
BOILERPLATE = re.compile(r"Sign Up For|Related Articles|Back to top button|I agree with the Terms", re.IGNORECASE)


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path) -> dict[str, Article]:
    items = list(read_paths([str(seeds_dir)], Settings()))
    assert all(isinstance(i, Article) for i in items), items
    for article in items:
        CleanStage(Settings())(article)  # fills title and outlet from the text's lines
    return {a.id: a for a in items}


def test_gold_seeds_five_articles(seeds):
    assert sorted(seeds) == sorted(SEEDS)


@pytest.mark.parametrize("seed_id", sorted(SEEDS))
def test_gold_seed_title_and_outlet(seeds, seed_id):
    article = seeds[seed_id]
    title, outlet = SEEDS[seed_id]
    first_line = article.raw_text.split("\n", 1)[0].strip()
    assert article.title == (first_line if title == "first_line" else None)
    assert article.outlet == outlet


@pytest.mark.parametrize("seed_id", sorted(SEEDS))
def test_gold_seed_clean_text_has_no_defects(seeds, seed_id):
    text, removed = clean_text(seeds[seed_id].raw_text)
    assert "β€" not in text and "â€" not in text
    assert "\u00a0" not in text and "\u200b" not in text
    assert not BOILERPLATE.search(text)
    assert all(r.text for r in removed)


def test_gold_seed_caption_line_is_recorded_not_kept(seeds):
    article = seeds["002_295dfdbd1ff399b8"]
    first_line = article.raw_text.split("\n", 1)[0].strip()
    text, removed = clean_text(article.raw_text)
    assert (removed[0].line_no, removed[0].reason, removed[0].text) == (1, "caption", first_line)
    assert not text.startswith(first_line)


def _title_key(title: str | None) -> str:
    """Titles in the polnear text files end with an added full stop; metadata titles do not."""
    return re.sub(r"[.\s]+(?=['’”]?$)", "", " ".join((title or "").split()))


def test_gold_polnear_titles_match_metadata(shared_dir):
    gold = shared_dir / "gold" / "polnear-dev"
    with (gold / "metadata.tsv").open(encoding="utf-8") as fh:
        titles = {row["filename"]: row["title"] for row in csv.DictReader(fh, delimiter="\t")}
    articles = [a for a in read_paths([str(gold / "text")], Settings()) if isinstance(a, Article)]
    for article in articles:
        CleanStage(Settings())(article)
    correct = sum(_title_key(a.title) == _title_key(titles[a.id]) for a in articles)
    accuracy = correct / len(articles)
    minimum = floor(BASELINE, "ingest", "polnear_title_accuracy")
    assert len(articles) == len(titles) and accuracy >= minimum, f"title accuracy {accuracy:.3f} < floor {minimum}"
