"""The invented example corpus (examples/): readable, dated, invented, and not copied from reference data."""

from __future__ import annotations

import re
from pathlib import Path

import pycountry
import pytest

from eventwire.actors.loader import load_file
from eventwire.clean import CleanStage
from eventwire.ingest import read_paths
from eventwire.model import Article, Failure
from eventwire.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def articles() -> list[Article | Failure]:
    items = list(read_paths([str(EXAMPLES / "articles")], Settings()))
    for item in items:
        if isinstance(item, Article):
            CleanStage(Settings())(item)  # the stage that reads dates and outlets from the text's own lines
    return items


def test_examples_all_read_with_date_and_outlet(articles):
    assert not [a for a in articles if isinstance(a, Failure)]
    assert 12 <= len(articles) <= 15
    for a in articles:
        assert a.date and "2026-03-01" <= a.date <= "2026-03-20", a.id
        assert a.outlet, a.id


def test_examples_cover_every_input_format(articles):
    suffixes = {Path(a.source.split("#")[0]).suffix for a in articles}
    assert suffixes == {".txt", ".html", ".jsonl"}


def test_examples_lengths_are_news_sized(articles):
    for a in articles:
        words = len(re.findall(r"\w+", a.raw_text))
        assert 150 <= words <= 700, (a.id, words)  # HTML counts its markup words too


def test_examples_actor_file_is_valid_and_codes_are_invented():
    data = load_file(EXAMPLES / "actors.yaml")
    codes = {e["code"] for section in ("actors", "countries", "places") for e in data[section] if e.get("code")}
    assert codes
    for code in codes:
        assert code.startswith("X") and pycountry.countries.get(alpha_3=code) is None, code


def test_examples_share_no_ten_word_run_with_reference_data(shared_dir):
    def grams(text: str) -> set[str]:
        w = re.findall(r"\w+", text.lower())
        return {" ".join(w[i:i + 10]) for i in range(len(w) - 9)}

    ref: set[str] = set()
    for path in list((shared_dir / "corpus").rglob("*.txt")) + list((shared_dir / "gold" / "polnear-dev" / "text")
                                                                  .glob("*.txt")):
        ref |= grams(path.read_text(encoding="utf-8", errors="replace"))
    for path in (EXAMPLES / "articles").iterdir():
        assert not grams(path.read_text(encoding="utf-8")) & ref, path.name
