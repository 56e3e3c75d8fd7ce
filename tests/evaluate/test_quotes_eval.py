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
    score_judged,
    speaker_matches,
)
from eventwire.model import Cue, Quote, Speaker

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "eval" / "baseline.json"
JUDGED = ROOT / "eval" / "judged" / "quotes_polnear20.jsonl"

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


def test_named_speaker_accuracy_accepts_another_mention_of_a_named_source_only():
    text = "Tara Renn spoke. Later she said the bridge is safe. He said no."
    she, he = text.index("she"), text.index("He")
    gold = [GoldAttribution([(she + 9, she + 31)], [(she + 4, she + 8)], [(0, 9)]),  # source: "Tara Renn"
            GoldAttribution([(he + 8, he + 10)], [(he + 3, he + 7)], [(he, he + 2)])]  # source: "He"
    pred = [PredAttribution([(she + 9, she + 31)], [(she + 4, she + 8)], [(she, she + 3)], "indirect", "Tara Renn"),
            PredAttribution([(he + 8, he + 10)], [(he + 3, he + 7)], [(0, 9)], "indirect", "Tara Renn")]
    c = score_article(text, gold, pred, is_name=lambda s: s[:1].isupper() and s not in ("He", "She"))
    assert c["speaker_ok"] == 0  # neither span overlaps the gold Source
    assert c["speaker_named_ok"] == 1  # "she" resolved to Tara Renn names the gold "Tara Renn"; "He" is no name
    wrong = [PredAttribution(pred[0].content, pred[0].cue, [(she, she + 3)], "indirect", "Olga Renn")]
    assert score_article(text, gold[:1], wrong, is_name=str.istitle)["speaker_named_ok"] == 0


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
    metrics = evaluate_quotes(shared_dir / "gold" / "polnear-dev", pipeline=pipeline, judged=JUDGED)
    assert metrics["articles"] == 84
    assert metrics["judged"]["judged"] > 300 and metrics["judged"]["unjudged"] <= 10
    for key in ("content_overlap.f1", "content_exact.f1", "speaker_accuracy", "cue_accuracy",
                "speech.content_overlap.f1", "judged.speech_speaker_right"):
        value = metrics
        for part in key.split("."):
            value = value[part]
        minimum = floor(BASELINE, "quotes", key)
        assert value >= minimum, f"{key} {value:.3f} below floor {minimum}\n" + format_report(metrics)


@pytest.mark.parametrize("name, mention, right", [
    ("Adam Schiff", "Rep. Adam Schiff", True),
    ("Charles E. Grassley", "Mr. Grassley", True),
    ("Democratic Party", "Democrats", True),
    ("Security Council", "UN Security Council", True),
    ("Donald Trump", "Ivanka Trump", False),
    ("Hillary Clinton", "Clinton's team", False),
    (None, "Mr. Trump", False),
])
def test_speaker_matches_names_against_the_judged_mention(name, mention, right):
    assert speaker_matches(name, mention) is right


def test_score_judged_counts_speech_speakers_bad_speakers_and_unjudged():
    text = "Ilse Varga said the dam would open. The details show a delay. Renn said no."
    judged = [
        {"article": "a", "start": 16, "end": 34, "cue": [11, 15], "speaker": [0, 10], "act": "speech",
         "speaker_right": True, "bad_speaker": None, "true_speaker": [0, 10], "round": 1},
        {"article": "a", "start": 53, "end": 60, "cue": [48, 52], "speaker": [36, 47], "act": "perception",
         "speaker_right": False, "bad_speaker": "abstract", "true_speaker": None, "round": 1},
    ]

    def quote(start, end, cue, speaker, name, act="speech"):
        return Quote(id="q", article_id="a", text=text[start:end], start=start, end=end, kind="indirect",
                     cue=Cue(text[cue[0]:cue[1]], *cue),
                     speaker=Speaker(text[speaker[0]:speaker[1]], *speaker, name=name), act=act)

    quotes = [quote(16, 34, (11, 15), (0, 10), "Ilse Varga"),
              quote(53, 60, (48, 52), (36, 47), "details", act="perception"),
              quote(72, 74, (67, 71), (62, 66), "Renn")]
    result = score_judged(judged, {"a": (text, quotes)})
    assert result["judged"] == 2 and result["unjudged"] == 1
    assert result["speech"] == 1 and result["speech_speaker_right"] == 1.0
    assert result["bad_speakers"] == 1
