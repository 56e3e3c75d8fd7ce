"""Scoring events against PLOVER gold: metrics on written records, and the
floor gate on ../shared/gold/plover-gsr (skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.evaluate.events import evaluate_events, format_report, load_gold, score
from eventwire.evaluate.gate import floor
from eventwire.model import Article, Entity, Event

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "eval" / "baseline.json"
# Floors are pinned in eval/baseline.json (key "events"), raised by `eventwire evaluate gate --update`.
METRICS = ("type_accuracy", "macro_f1", "actor_code_accuracy", "recipient_code_accuracy")


def _event(kind: str, actor: str | None = None, recipient: str | None = None, mode: str | None = None) -> Event:
    return Event(id="x:e0", article_id="x", event=kind, mode=mode,
                 actor=[Entity(entity_text="a", code=actor)] if actor else [],
                 recipient=[Entity(entity_text="r", code=recipient)] if recipient else [])


def test_load_gold_maps_legacy_names_and_skips_document(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([{"event": "DOCUMENT", "id": "d"},
                                {"event": "DEMAND", "text": "Vostra demanded talks.", "id": "g1"},
                                {"event": "FIGHT", "text": "Vostra shelled Tarn.", "id": "g2"}]), encoding="utf-8")
    assert [r["event"] for r in load_gold(path)] == ["REQUEST", "ASSAULT"]


def test_load_gold_maps_a_mode_the_current_manual_moved(tmp_path):
    # draft 2.0 files intentional destruction of property under ASSAULT `destroy`, not COERCE
    path = tmp_path / "gold.json"
    path.write_text(json.dumps([{"event": "COERCE", "mode": "destroy", "text": "Rebels blew up a pylon.", "id": "g1"},
                                {"event": "COERCE", "mode": "arrest", "text": "Police arrested two.", "id": "g2"}]),
                    encoding="utf-8")
    assert [r["event"] for r in load_gold(path)] == ["ASSAULT", "COERCE"]


def test_score_counts_accuracy_codes_and_confusion():
    gold = [
        {"event": "ASSAULT", "source": [{"code": "VOS"}], "target": [{"code": "KEL"}], "mode": "aerial"},
        {"event": "ASSAULT", "source": [{"code": "VOS"}], "target": ""},
        {"event": "REJECT", "source": [{"code": "KEL"}]},
    ]
    pred = [_event("ASSAULT", "VOS", "KEL", "aerial"), _event("PROTEST", "XXX"), None]
    m = score(gold, pred)
    assert m["type_accuracy"] == pytest.approx(1 / 3)
    assert m["actor_code_accuracy"] == pytest.approx(1 / 3) and m["actor_n"] == 3
    assert m["recipient_code_accuracy"] == 1.0 and m["recipient_n"] == 1
    assert m["mode_accuracy"] == 1.0 and m["no_event"] == 1
    assert m["confusion"]["ASSAULT"] == {"ASSAULT": 1, "PROTEST": 1}
    assert m["per_type"]["ASSAULT"]["precision"] == 1.0 and m["per_type"]["ASSAULT"]["recall"] == 0.5
    assert "macro-F1" in format_report(m)


@pytest.mark.slow
@pytest.mark.gold
def test_evaluate_events_plover_gold_meets_floors(shared_dir, pipeline):
    gold = shared_dir / "gold" / "plover-gsr" / "PLOVER_GSR_CAMEO.json"
    metrics = evaluate_events(gold, pipeline=pipeline)
    assert metrics["n"] == 322
    for key in METRICS:
        low = floor(BASELINE, "events", key)
        assert metrics[key] >= low, f"{key} {metrics[key]:.3f} below floor {low}\n" + format_report(metrics)


def test_reliability_buckets():
    from eventwire.evaluate.events import reliability

    rows = reliability([(0.95, True), (0.92, False), (0.1, False)])
    assert [r["bucket"] for r in rows] == ["0.0-0.2", "0.9-1.0"]
    assert rows[1]["n"] == 2 and rows[1]["observed"] == 0.5


def test_our_jsonl_sets_are_told_apart(tmp_path):
    import json

    import pytest as _pytest

    from eventwire.errors import InputError
    from eventwire.evaluate.events import _jsonl_kind

    judged = tmp_path / "j.jsonl"
    judged.write_text(json.dumps({"article": "a", "trigger": [0, 3], "type": "y", "event": "ASSAULT"}) + "\n")
    noev = tmp_path / "n.jsonl"
    noev.write_text(json.dumps({"id": "x", "text": "The storm hit the coast.", "expected": []}) + "\n")
    other = tmp_path / "o.jsonl"
    other.write_text(json.dumps({"foo": 1}) + "\n")
    assert _jsonl_kind(judged) == "judged" and _jsonl_kind(noev) == "no_events"
    with _pytest.raises(InputError):
        _jsonl_kind(other)


def test_no_event_set_scoring(tmp_path, pipeline):
    import json

    from eventwire.evaluate.events import evaluate_no_events

    rows = [{"id": "a", "text": "A magnitude 6 earthquake struck the coast, killing eight people.", "expected": []},
            {"id": "b", "text": "Vostran police arrested twelve opposition activists in Dorvat.",
             "expected": ["COERCE"]}]
    path = tmp_path / "n.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    m = evaluate_no_events(path, pipeline=pipeline)
    assert m["no_event_sentences"] == 1 and m["yielded"] == 0 and m["no_event_rate"] == 0.0
    assert m["expected_events"] == 1


def test_judged_sentences_from_the_babe_file_and_a_sample_list(tmp_path, pipeline):
    from eventwire.evaluate.events import evaluate_judged

    babe = tmp_path / "final_labels_SG2.csv"
    babe.write_text("text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
                    "Vostran police arrested twelve opposition activists in Dorvat.;x;o;t;center;Non-biased;f;[]\n"
                    "The Kelmish foreign ministry condemned the Vostran government.;x;o;t;center;Non-biased;f;[]\n",
                    encoding="utf-8")
    art = pipeline.process([Article.from_text("Vostran police arrested twelve opposition activists in Dorvat.",
                                              id="babe0001", source="t")])
    (ev,) = [e for a in art for e in a.events if e.event == "COERCE"]
    judged = tmp_path / "events_mine.jsonl"
    judged.write_text(json.dumps({"article": "babe0001", "trigger": [ev.trigger.start, ev.trigger.end],
                                  "event": "COERCE", "type": "y", "actor": "y", "recipient": "y",
                                  "actor_spans": [], "recipient_spans": []}) + "\n")
    # only the judged sentence is coded without a list; with it (`mine.txt` beside the set), the other too
    alone = evaluate_judged(judged, pipeline=pipeline, texts=babe)
    assert (alone["judged"], alone["unjudged"], alone["type_precision"]) == (1, 0, 1.0)
    (tmp_path / "mine.txt").write_text("babe0001\nbabe0002\n")
    both = evaluate_judged(judged, pipeline=pipeline, texts=babe)
    assert both["judged"] == 1 and both["unjudged"] >= 1
    assert [u["article"] for u in both["unjudged_events"]] == ["babe0002"] * both["unjudged"]
