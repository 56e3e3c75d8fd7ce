"""Scoring quotes against BRAT attribution gold (eventwire/evaluate/quotes.py), and the
floor gate on ../shared/gold/polnear-dev (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import InputError
from eventwire.evaluate.gate import floor
from eventwire.evaluate.quotes import (
    GoldAttribution,
    PredAttribution,
    evaluate_quotes,
    format_report,
    gold_files,
    metrics_from,
    offset_mapper,
    read_ann,
    score_article,
)

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "eval" / "baseline.json"

TEXT = "“We stay,” said Ilse Varga. “The valley is ours.” Renn said the army would leave."
ANN = """T1\tContent 0 10;28 49\t“We stay,” “The valley is ours.”
T2\tCue 11 15\tsaid
T3\tSource 16 26\tIlse Varga
T4\tAttribution 11 15\tsaid
E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3
T5\tSource 50 54\tRenn
T6\tCue 55 59\tsaid
T7\tContent 60 81\tthe army would leave.
T8\tAttribution 55 59\tsaid
E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7
"""


def test_read_ann_discontinuous_content(tmp_path):
    path = tmp_path / "a_x1.ann"
    path.write_text(ANN, encoding="utf-8")
    first, second = read_ann(path)
    assert first.content == [(0, 10), (28, 49)] and first.cue == [(11, 15)] and first.source == [(16, 26)]
    assert second.content == [(60, 81)]


def test_read_ann_malformed_line_names_file(tmp_path):
    path = tmp_path / "b_x1.ann"
    path.write_text("T1\tContent zero ten\tx\n", encoding="utf-8")
    with pytest.raises(InputError, match="b_x1.ann: line 1"):
        read_ann(path)


def test_gold_files_takes_first_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "art.txt").write_text(TEXT, encoding="utf-8")
    for who in ("zz99", "aa11"):
        (tmp_path / "attributions" / f"art_{who}.ann").write_text(ANN, encoding="utf-8")
    assert [ann.name for _, ann in gold_files(tmp_path)] == ["art_aa11.ann"]


def test_gold_files_missing_folders(tmp_path):
    with pytest.raises(InputError, match="text/ and attributions/"):
        gold_files(tmp_path)


def test_score_article_split_quote_matches_and_speaker_cue_checked():
    gold = [GoldAttribution([(0, 10), (28, 49)], [(11, 15)], [(16, 26)]),
            GoldAttribution([(60, 81)], [(55, 59)], [(50, 54)])]
    pred = [PredAttribution([(1, 8), (29, 47)], [(11, 15)], [(16, 26)], "direct"),
            PredAttribution([(60, 80)], [(55, 59)], [(0, 3)], "indirect")]
    c = score_article(TEXT, gold, pred)
    assert c["match"] == 2 and c["exact"] == 2
    assert c["speaker_ok"] == 1 and c["with_source"] == 2 and c["cue_ok"] == 2
    m = metrics_from(c, 1)
    assert m["content_overlap"]["f1"] == 1.0 and m["speaker_accuracy"] == 0.5
    assert "speaker accuracy" in format_report(m)


def test_score_article_below_half_overlap_is_no_match():
    gold = [GoldAttribution([(60, 81)], [(55, 59)], [(50, 54)])]
    pred = [PredAttribution([(50, 63)], [(55, 59)], [(50, 54)], "indirect")]  # "Renn said the": 1 of 4 shared
    c = score_article(TEXT, gold, pred)
    assert c["match"] == 0 and c["gold"] == 1 and c["pred"] == 1


def test_offset_mapper_maps_cleaned_offsets_back():
    raw = "Sign up now\nThe  minister said\u00a0no."
    clean = "The minister said no."
    to_raw = offset_mapper(clean, raw)
    start = clean.index("said")
    assert raw[to_raw(start):to_raw(start + 4)] == "said"
    assert offset_mapper(raw, raw)(5) == 5


@pytest.mark.slow
@pytest.mark.gold
def test_evaluate_quotes_polnear_meets_floors(shared_dir, pipeline):
    metrics = evaluate_quotes(shared_dir / "gold" / "polnear-dev", pipeline=pipeline)
    assert metrics["articles"] == 84
    for key in ("content_overlap.f1", "content_exact.f1", "speaker_accuracy", "cue_accuracy"):
        section, _, name = key.rpartition(".")
        value = metrics[section][name] if section else metrics[name]
        minimum = floor(BASELINE, "quotes", key)
        assert value >= minimum, f"{key} {value:.3f} below floor {minimum}\n" + format_report(metrics)
