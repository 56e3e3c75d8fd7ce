"""Scoring the event coder against PLOVER-style JSON gold.

`evaluate_events(path, settings)` codes each gold sentence (its `text`, with
its `date`) through the full pipeline and compares the sentence's main event
(`eventwire.events.main_event`: the trigger highest in the parse, then the
earliest; chosen without looking at the gold) with the gold record.
PLOVER 0.5b1 names are mapped (DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE,
FIGHT->ASSAULT) and DOCUMENT records skipped.

Metrics: type accuracy over all gold records (no prediction counts as wrong),
per-type precision/recall/F1, macro-F1 over the gold types, actor and
recipient code accuracy (any predicted code equals any gold code, over records
whose gold has one; codes compared after the actors stage's crosswalk of older
codes and generic IGO group), mode accuracy (over records whose gold has a mode) and a
confusion table gold -> predicted.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from ..settings import Settings

LEGACY = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NONE = "(none)"


def load_gold(path: Path | str) -> list[dict[str, Any]]:
    """Gold records with `text`, event names mapped to the current ontology, DOCUMENT skipped."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"cannot read PLOVER gold JSON: {exc}") from exc
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise InputError(str(path), "expected a JSON list of PLOVER records")
    out = []
    for rec in data:
        if not isinstance(rec, dict) or rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        out.append({**rec, "event": LEGACY.get(rec["event"], rec["event"])})
    return out


def _codes(actors: Any) -> set[str]:
    if isinstance(actors, dict):
        actors = [actors]
    if not isinstance(actors, list):
        return set()
    return {a["code"] for a in actors if isinstance(a, dict) and a.get("code")}


def _normaliser() -> Any:
    """Code normaliser shared with the actors evaluation: older codes (JAP -> JPN) and
    PLOVER's generic groups (UN and EU count as IGO), from actors/data/code_crosswalk.yaml."""
    from .actors import load_crosswalk

    old, group = load_crosswalk()

    def norm(codes: set[str]) -> set[str]:
        out = set()
        for code in codes:
            code = old.get(code, code)
            out |= {code, group.get(code, code)}
        return out

    return norm


def _gold_mode(rec: dict[str, Any]) -> str | None:
    mode = rec.get("mode")
    return mode if isinstance(mode, str) and mode.strip() else None


def code_gold(gold: list[dict[str, Any]], settings: Settings, pipeline: Any = None) -> list[Any]:
    """The main predicted event (or None) for each gold record, in order."""
    from ..events import main_event
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline(settings)
    arts = [Article(id=str(rec.get("id", i)), source="gold", raw_text=rec["text"], text=rec["text"],
                    date=rec.get("date")) for i, rec in enumerate(gold)]
    return [main_event(a) for a in pipeline.process(arts) if isinstance(a, Article)]


def score(gold: list[dict[str, Any]], predicted: list[Any]) -> dict[str, Any]:
    """Metrics from gold records and the predicted main events (None = no event)."""
    confusion: dict[str, Counter] = defaultdict(Counter)
    norm = _normaliser()
    correct = 0
    actor_hit = actor_n = recip_hit = recip_n = mode_hit = mode_n = 0
    for rec, ev in zip(gold, predicted, strict=True):
        pred = ev.event if ev is not None else NONE
        confusion[rec["event"]][pred] += 1
        correct += pred == rec["event"]
        gold_src, gold_tgt = norm(_codes(rec.get("source"))), norm(_codes(rec.get("target")))
        if gold_src:
            actor_n += 1
            actor_hit += ev is not None and bool(norm({a.code for a in ev.actor if a.code}) & gold_src)
        if gold_tgt:
            recip_n += 1
            recip_hit += ev is not None and bool(norm({a.code for a in ev.recipient if a.code}) & gold_tgt)
        gmode = _gold_mode(rec)
        if gmode:
            mode_n += 1
            mode_hit += ev is not None and ev.mode == gmode
    per_type = {}
    types = sorted(confusion)
    for t in types:
        tp = confusion[t][t]
        pred_n = sum(row[t] for row in confusion.values())
        gold_n = sum(confusion[t].values())
        p = tp / pred_n if pred_n else 0.0
        r = tp / gold_n if gold_n else 0.0
        per_type[t] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "support": gold_n}
    n = len(gold)
    return {
        "n": n,
        "type_accuracy": correct / n if n else 0.0,
        "macro_f1": sum(v["f1"] for v in per_type.values()) / len(per_type) if per_type else 0.0,
        "per_type": per_type,
        "actor_code_accuracy": actor_hit / actor_n if actor_n else 0.0, "actor_n": actor_n,
        "recipient_code_accuracy": recip_hit / recip_n if recip_n else 0.0, "recipient_n": recip_n,
        "mode_accuracy": mode_hit / mode_n if mode_n else 0.0, "mode_n": mode_n,
        "no_event": sum(row[NONE] for row in confusion.values()),
        "confusion": {g: dict(row) for g, row in confusion.items()},
    }


def evaluate_events(path: Path | str, settings: Settings | None = None, pipeline: Any = None) -> dict[str, Any]:
    """Code the gold file's sentences and score them (see module doc); `pipeline` reuses a built one."""
    gold = load_gold(path)
    metrics = score(gold, code_gold(gold, settings or Settings(), pipeline))
    metrics["gold"] = str(path)
    return metrics


def format_report(metrics: dict[str, Any]) -> str:
    """A plain-text report: headline figures, per-type table, confusion table."""
    lines = [
        f"PLOVER events: {metrics['n']} gold records ({metrics.get('gold', '')})",
        f"type accuracy     {metrics['type_accuracy']:.3f}   macro-F1 {metrics['macro_f1']:.3f}   "
        f"no event {metrics['no_event']}",
        f"actor code acc.   {metrics['actor_code_accuracy']:.3f} (n={metrics['actor_n']})   "
        f"recipient code acc. {metrics['recipient_code_accuracy']:.3f} (n={metrics['recipient_n']})   "
        f"mode acc. {metrics['mode_accuracy']:.3f} (n={metrics['mode_n']})",
        "",
        f"{'type':<11}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}",
    ]
    for t, v in metrics["per_type"].items():
        lines.append(f"{t:<11}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['support']:>6}")
    cols = sorted({p for row in metrics["confusion"].values() for p in row})
    lines += ["", "confusion (rows gold, columns predicted)", " " * 11 + "".join(f"{c[:6]:>7}" for c in cols)]
    for g, row in sorted(metrics["confusion"].items()):
        lines.append(f"{g:<11}" + "".join(f"{row.get(c, 0) or '.':>7}" for c in cols))
    return "\n".join(lines)
