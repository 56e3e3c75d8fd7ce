"""Scoring writer labels (eventwire/evaluate/labels.py) and the gate on eval/labels_gold.jsonl."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.gate import load_baseline
from eventwire.evaluate.labels import evaluate_labels, format_report, label_match, read_gold, score

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "labels_gold.jsonl"


def _gold(**kw) -> dict:
    return {"article_id": "a", "actor": ["Red Lantern Front"], "label": "armed group", "kind": "descriptor",
            "voice": "writer", **kw}


def _pred(**kw) -> dict:
    return {"article_id": "a", "actor": "Red Lantern Front", "label": "armed group", "start": 0, "end": 11, **kw}


def test_label_match_ignores_articles_and_accepts_longer_phrase():
    assert label_match("the armed group", "armed group")
    assert label_match("largest resistance movement", "resistance movement")
    assert not label_match("armed group", "armed")
    assert not label_match("militant group", "armed group")


def test_score_precision_recall_and_wrong_actor():
    gold = [_gold(), _gold(label="hardline leader", actor=["Mara Tesk"]), _gold(voice="Mara Tesk", label="gang")]
    preds = [_pred(), _pred(label="hardline leader", actor="Ilan Fosk"), _pred(label="gang")]
    m = score(preds, gold)
    assert (m["matched"], m["predicted"], m["gold"]) == (1, 3, 2)
    assert m["precision"] == pytest.approx(1 / 3, abs=1e-4) and m["recall"] == 0.5
    assert m["label_right_actor_wrong"] == 1
    assert [g["label"] for g in m["missed"]] == ["hardline leader"]


def test_score_pairs_one_to_one():
    m = score([_pred(), _pred(start=40, end=51)], [_gold()])
    assert (m["matched"], m["precision"]) == (1, 0.5)


def test_read_gold_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_gold()) + "\n" + json.dumps({"article_id": "a"}) + "\n")
    with pytest.raises(InputError, match=r"gold.jsonl:2.*missing field"):
        read_gold(path)


def test_read_gold_shipped_file_is_valid():
    gold = read_gold(GOLD)
    assert len(gold) >= 20 and all(g["kind"] == "descriptor" for g in gold)


def test_labels_eval_meets_baseline_floor():
    floors = load_baseline(ROOT / "eval" / "baseline.json")["labels"]["floors"]
    metrics = evaluate_labels(GOLD)
    report = format_report(metrics)
    assert metrics["articles"] == 15, report
    assert metrics["precision"] >= floors["precision"], report
    assert metrics["recall"] >= floors["recall"], report


def test_babe_sentence_decision_needs_a_strong_enough_score():
    from eventwire.evaluate.labels import score_babe

    rows = [{"id": "a", "text": "x", "biased": True, "words": ["crazy"], "half": "tune"},
            {"id": "b", "text": "y", "biased": False, "words": [], "half": "tune"}]
    tops = [0.4, 0.14]  # each sentence's score (the sentence model's probability)
    # the weak sentence's word is still a word-level prediction, but does not make its sentence loaded
    m = score_babe(rows, [["crazy"], ["odd"]], tops, 0.17)["tune"]
    assert m["predicted_words"] == 2 and m["sentence_accuracy"] == 1.0
    assert score_babe(rows, [["crazy"], ["odd"]])["tune"]["sentence_accuracy"] == 0.5


def test_sentence_threshold_is_a_separate_config_key():
    from eventwire.framing.lexicon import sentence_threshold, shown_threshold

    assert 0.0 < shown_threshold() <= sentence_threshold() < 1.0
