"""Tests for eventwire/evaluate/places.py: the scoring on small records, and the floors on
eval/places_gold (skips without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.evaluate.gate import floor
from eventwire.evaluate.places import evaluate_places, score

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "eval" / "baseline.json"


def _gold(start, end, gid, lat, lon):
    return {"set": "seeds", "article": "a", "start": start, "end": end, "geonames_id": gid, "lat": lat, "lon": lon,
            "name": "x"}


def _pred(start, end, text, gid, lat, lon):
    return {"article": "a", "start": start, "end": end, "text": text, "name": text, "geonames_id": gid, "lat": lat,
            "lon": lon, "via": "test"}


def test_score_counts_misses_as_errors_and_uses_161_km():
    gold = [_gold(0, 5, 1, 31.5, 34.5), _gold(10, 15, None, 31.5, 34.5), _gold(20, 25, 3, 40.0, -74.0)]
    pred = [_pred(0, 5, "Gaza", 99, 31.6, 34.6),          # 15 km off, other id: right
            _pred(10, 15, "Rafah", None, 33.5, 34.5),     # 220 km off: wrong
            _pred(30, 37, "Israeli", None, 31.5, 34.8)]   # over no gold toponym: spurious, a demonym
    m = score(pred, gold)
    assert m["accuracy_161km"] == pytest.approx(1 / 3)
    assert m["found"] == pytest.approx(2 / 3)
    assert m["precision"] == pytest.approx(1 / 3)
    assert (m["spurious"], m["demonyms"]) == (1, 1)


def test_same_geonames_id_is_right_whatever_the_coordinates():
    m = score([_pred(0, 5, "Texas", 7, 0.0, 0.0)], [_gold(0, 5, 7, 31.0, -99.0)])
    assert m["accuracy_161km"] == 1.0


@pytest.mark.gold
@pytest.mark.slow
def test_places_gold_floors(shared_dir):
    m = evaluate_places(ROOT / "eval" / "places_gold", shared=shared_dir)
    for key in ("accuracy_161km", "found", "precision"):
        assert m[key] >= floor(BASELINE, "places", key), key
    assert m["demonyms"] == 0
