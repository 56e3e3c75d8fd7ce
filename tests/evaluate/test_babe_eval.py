"""Scoring loaded words against BABE (eventwire/evaluate/labels.py, BABE part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.gate import floor
from eventwire.evaluate.labels import (
    babe_csv,
    babe_half,
    babe_predictions,
    evaluate_babe,
    evaluate_labels,
    format_report,
    read_babe,
    score_babe,
    tokens,
)
from eventwire.model import Article, Label

ROOT = Path(__file__).resolve().parents[2]


def _row(text: str, words: list[str], biased: bool | None, half: str = "tune") -> dict:
    return {"id": "b", "text": text, "biased": biased, "words": words, "half": half}


def test_tokens_lowercase_and_keep_hyphenated_words():
    assert tokens("The so-called \u201cSmart\u201d plan's FAR-LEFT backers") == [
        "the", "so-called", "smart", "plan's", "far-left", "backers"]


def test_half_is_a_fixed_function_of_the_text():
    assert babe_half("The council met on Monday.") == babe_half("The council met on Monday.")
    halves = {babe_half(f"Sentence number {n}.") for n in range(40)}
    assert halves == {"tune", "test"}


def test_score_matches_each_gold_word_once_and_scores_sentences():
    rows = [_row("a b", ["crazy", "crazy", "plan"], True), _row("c", [], False), _row("d", ["odd"], None)]
    m = score_babe(rows, [["crazy", "crazy", "crazy"], ["awful"], []])["tune"]
    assert (m["matched"], m["predicted_words"], m["gold_words"]) == (2, 4, 4)
    assert m["precision"] == 0.5 and m["recall"] == 0.5 and m["f1"] == 0.5
    assert m["sentence_accuracy"] == 0.5  # "No agreement" (None) is left out of the sentence level


def test_predictions_are_writer_loaded_labels_at_the_threshold():
    a = Article.from_text("x")
    a.labels = [Label("1", "x", "crazy", 0, 5, "loaded", strength=0.6),
                Label("2", "x", "odd", 0, 3, "loaded", strength=0.1),
                Label("3", "x", "mad", 0, 3, "loaded", voice="Mara Tesk", strength=0.9),
                Label("4", "x", "terrorist group", 0, 15, "descriptor", actor="RLF")]
    assert babe_predictions(a, 0.5) == ["crazy"]


def test_read_babe_small_file_and_bad_row(tmp_path):
    folder = tmp_path / "babe"
    folder.mkdir()
    path = folder / "final_labels_SG2.csv"
    path.write_text("\ufefftext;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
                    "The plan is crazy.;u;o;t;left;Biased;x;['crazy']\n"
                    "The council met.;u;o;t;right;Non-biased;x;[]\n", encoding="utf-8")
    assert babe_csv(folder) == path
    rows = read_babe(path)
    assert [(r["biased"], r["words"]) for r in rows] == [(True, ["crazy"]), (False, [])]
    path.write_text("text;label_bias;biased_words\nThe plan.;Biased;['crazy'\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"final_labels_SG2.csv:2"):
        read_babe(path)


def test_labels_gold_folder_without_babe_is_refused(tmp_path):
    with pytest.raises(InputError, match="not a BABE folder"):
        evaluate_babe(tmp_path)


@pytest.mark.slow
@pytest.mark.gold
def test_babe_meets_floors_on_both_halves(shared_dir):
    metrics = evaluate_labels(shared_dir / "gold" / "babe")
    report = format_report(metrics)
    baseline = ROOT / "eval" / "baseline.json"
    for half in ("tune", "test"):
        for metric in ("precision", "recall", "f1", "sentence_accuracy"):
            assert metrics[half][metric] >= floor(baseline, "babe", f"{half}.{metric}"), report
    assert metrics["f1_gap"] <= 0.05, report
