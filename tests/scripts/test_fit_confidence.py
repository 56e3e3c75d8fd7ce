"""scripts/fit_confidence.py: the isotonic map it writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "fit_confidence.py"


@pytest.fixture(scope="module")
def fit():
    spec = importlib.util.spec_from_file_location("fit_confidence", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_isotonic_is_monotone_and_pools_violators(fit):
    pairs = [(0.1, False)] * 10 + [(0.2, True)] * 5 + [(0.3, False)] * 5 + [(0.9, True)] * 10
    points = fit.isotonic(pairs, min_events=1)
    assert [y for _, y in points] == sorted(y for _, y in points)
    assert points[0] == (0.1, 0.0)
    assert points[1] == (0.3, 0.5)  # 0.2 (all right) and 0.3 (all wrong) violate order: pooled
    assert points[-1] == (0.9, 1.0)


def test_small_blocks_join_the_block_below(fit):
    pairs = [(0.1, False)] * 12 + [(0.5, True), (0.5, False)] + [(0.9, True)] * 12
    assert len(fit.isotonic(pairs, min_events=1)) == 3
    points = fit.isotonic(pairs, min_events=10)
    # the two events at 0.5 are too few for a block of their own: they join the block below, so a
    # 0.5 score keeps the cautious value
    assert points == [(0.5, pytest.approx(1 / 14)), (0.9, 1.0)]
