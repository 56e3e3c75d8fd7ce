"""The evaluation gate: floors are read, compared and only raised on purpose."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.evaluate.gate import SUITES, floor, gold_sha256, load_baseline, run_gate

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "eval" / "baseline.json"


def test_gate_baseline_names_a_floor_for_every_gated_metric():
    baseline = load_baseline(BASELINE)
    for suite in SUITES:
        assert suite.name in baseline, f"eval/baseline.json has no suite {suite.name!r}"
        missing = [m for m in suite.metrics if m not in baseline[suite.name]["floors"]]
        assert not missing, f"{suite.name}: no floor for {missing}"


def test_gate_malformed_baseline_names_file_and_suite(tmp_path):
    bad = tmp_path / "baseline.json"
    bad.write_text(json.dumps({"events": ["not", "an", "object"]}))
    with pytest.raises(DataFileError, match=r"baseline.json \[events\]"):
        load_baseline(bad)
    bad.write_text("{")
    with pytest.raises(DataFileError, match="not valid JSON"):
        load_baseline(bad)


def test_gate_floor_missing_metric_is_an_error(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"labels": {"floors": {"precision": 0.9}}}))
    assert floor(path, "labels", "precision") == 0.9
    with pytest.raises(DataFileError, match="recall"):
        floor(path, "labels", "recall")


def test_gate_gold_hash_changes_with_content(tmp_path):
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "a.txt").write_text("one")
    first = gold_sha256(tmp_path / "gold")
    (tmp_path / "gold" / "a.txt").write_text("two")
    assert gold_sha256(tmp_path / "gold") != first


@pytest.mark.slow
def test_gate_update_raises_but_never_lowers_without_permission(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"labels": {"floors": {"precision": 1.5, "recall": 0.1}}}))
    (result,) = run_gate(path, ROOT, tmp_path / "no-shared", only=["labels"], update=True)
    assert result.status == "drop" and any("precision" in d for d in result.drops)
    floors = load_baseline(path)["labels"]["floors"]
    assert floors["precision"] == 1.5, "a floor was lowered without allow_lower"
    assert floors["recall"] > 0.1, "a floor was not raised to the measured value"
    run_gate(path, ROOT, tmp_path / "no-shared", only=["labels"], update=True, allow_lower=True)
    assert load_baseline(path)["labels"]["floors"]["precision"] <= 1.0


@pytest.mark.slow
@pytest.mark.parametrize("suite", ["examples_events", "examples_quotes"])
def test_gate_examples_gold_meets_floors(suite, tmp_path):
    """Our own hand-written gold for examples/ is always present: gate it."""
    copy = tmp_path / "baseline.json"
    copy.write_text(BASELINE.read_text(encoding="utf-8"))
    (result,) = run_gate(copy, ROOT, tmp_path / "no-shared", only=[suite])
    assert result.status == "ok", result.drops
