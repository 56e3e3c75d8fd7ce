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
confusion table gold -> predicted. Only counted events (confidence at least the
run's `min_confidence`) are predictions. Over every counted event of a sentence:
type recall (some counted event has the gold type) and type precision (counted
events of the gold type over all counted events), with the reliability table
(predicted confidence against observed precision per bucket).

The same entry point scores our own JSONL sets (chosen by their fields):
- a judged set (`eval/judged/*.jsonl`, rows with `type` verdicts): the
  articles are re-coded and every counted event matched to its verdict
  (`evaluate_judged`); unjudged events are counted and listed;
- a no-event set (`eval/no_events.jsonl`, rows with `text` and `expected`):
  the share of sentences without an event that still yield one, and the
  recall of the expected events (`evaluate_no_events`).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..events.config import counted, min_confidence
from ..events.patterns import load_ontology
from ..model import Article
from ..settings import Settings
from .jsonl import read_jsonl

NONE = "(none)"


def load_gold(path: Path | str) -> list[dict[str, Any]]:
    """Gold records with `text`, event names (and the 0.5b1 modes the current manual files under another
    type, `legacy_names` / `legacy_modes` of events/data/ontology.yaml) mapped to the current ontology,
    DOCUMENT skipped."""
    _, legacy_names, legacy_modes = load_ontology()
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
        event = legacy_modes.get(rec["event"], {}).get(rec.get("mode") or "")
        out.append({**rec, "event": event or legacy_names.get(rec["event"], rec["event"])})
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


def code_sentences(gold: list[dict[str, Any]], settings: Settings, pipeline: Any = None) -> list[Article]:
    """Each gold record's text coded as one article, in order."""
    from ..pipeline import Pipeline

    pipeline = pipeline or Pipeline(settings)
    arts = [Article(id=str(rec.get("id", i)), source="gold", raw_text=rec["text"], text=rec["text"],
                    date=rec.get("date")) for i, rec in enumerate(gold)]
    return [a for a in pipeline.process(arts) if isinstance(a, Article)]


def code_gold(gold: list[dict[str, Any]], settings: Settings, pipeline: Any = None) -> list[Any]:
    """The main predicted event (or None) for each gold record, in order."""
    from ..events import main_event

    thr = min_confidence(settings)
    return [main_event(a, thr) for a in code_sentences(gold, settings, pipeline)]


BUCKETS = (0.0, 0.2, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def reliability(pairs: list[tuple[float, bool]]) -> list[dict[str, Any]]:
    """Predicted confidence against observed precision, per confidence bucket."""
    rows = []
    for lo, hi in zip(BUCKETS, BUCKETS[1:], strict=False):
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if inside:
            rows.append({"bucket": f"{lo:.1f}-{min(hi, 1.0):.1f}", "n": len(inside),
                         "predicted": sum(c for c, _ in inside) / len(inside),
                         "observed": sum(ok for _, ok in inside) / len(inside)})
    return rows


def _conf(event: Any) -> float:
    return 1.0 if event.confidence is None else float(event.confidence)


def type_precision(gold: list[dict[str, Any]], articles: list[Article], threshold: float) -> dict[str, Any]:
    """Over every counted event of each sentence: type recall, type precision, events per
    sentence, and the reliability of every event's confidence (right = the gold type)."""
    hit = right = n_counted = n_all = 0
    pairs = []
    for rec, art in zip(gold, articles, strict=True):
        events = [e for e in art.events if counted(e, threshold)]
        n_all += len(art.events)
        n_counted += len(events)
        right += sum(e.event == rec["event"] for e in events)
        hit += any(e.event == rec["event"] for e in events)
        pairs += [(_conf(e), e.event == rec["event"]) for e in art.events]
    n = len(gold)
    return {"type_recall": hit / n if n else 0.0, "type_precision": right / n_counted if n_counted else 0.0,
            "events_counted": n_counted, "events_all": n_all, "threshold": threshold,
            "reliability": reliability(pairs)}


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


def evaluate_events(path: Path | str, settings: Settings | None = None, pipeline: Any = None,
                    texts: Path | str | None = None) -> dict[str, Any]:
    """Code the gold file's sentences and score them (see module doc); `pipeline` reuses a built one.
    A JSONL judged set or no-event set is scored by `evaluate_judged` / `evaluate_no_events`."""
    from ..events import main_event

    path = Path(path)
    kind = _jsonl_kind(path)
    if kind == "judged":
        return evaluate_judged(path, settings, pipeline, texts)
    if kind == "no_events":
        return evaluate_no_events(path, settings, pipeline)
    settings = settings or Settings()
    thr = min_confidence(settings)
    gold = load_gold(path)
    articles = code_sentences(gold, settings, pipeline)
    metrics = score(gold, [main_event(a, thr) for a in articles])
    metrics.update(type_precision(gold, articles, thr))
    metrics["gold"] = str(path)
    return metrics


def _jsonl_kind(path: Path) -> str | None:
    if path.suffix != ".jsonl" or not path.is_file():
        return None
    rows = read_jsonl(path)
    if rows and {"article", "trigger", "type"} <= rows[0].keys():
        return "judged"
    if rows and {"text", "expected"} <= rows[0].keys():
        return "no_events"
    raise InputError(str(path), "neither a judged event set (article, trigger, type) "
                                "nor a no-event set (text, expected)")


def _default_texts(path: Path, ids: list[str] = ()) -> Path:
    """The judged texts beside the repository: ../shared/gold/babe for BABE sentence ids, else
    ../shared/gold/polnear-dev/text."""
    gold = path.resolve().parents[2].parent / "shared" / "gold"
    if ids and all(i.startswith("babe") for i in ids):
        return gold / "babe"
    return gold / "polnear-dev" / "text"


def _spans(entities: list[Any]) -> list[list[Any]]:
    return [[e.start, e.end, e.code] for e in entities]


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _judged_texts(path: Path, ids: list[str], source: Path, settings: Settings) -> Any:
    """The judged texts: `<id>.txt` files of a folder, or rows of the BABE sentence file (ids
    `babe0001`, ... as `eventwire evaluate` numbers them)."""
    from ..ingest import read_paths
    from .labels import babe_csv, read_babe

    csv_path = babe_csv(source)
    if csv_path is not None:
        texts = {r["id"]: r["text"] for r in read_babe(csv_path)}
        missing = [i for i in ids if i not in texts]
        if missing:
            raise InputError(str(path), f"judged sentences not in {csv_path}: {', '.join(missing[:3])}")
        return (Article.from_text(texts[i], id=i, source=f"{csv_path}#{i}") for i in ids)
    files = [source / f"{i}.txt" for i in ids]
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise InputError(str(path), f"judged article texts not found: {', '.join(missing[:3])}")
    return read_paths(files, settings)


def evaluate_judged(path: Path | str, settings: Settings | None = None, pipeline: Any = None,
                    texts: Path | str | None = None,
                    sample: Path | str | None = None) -> dict[str, Any]:  # noqa: C901 - one pass, many counts
    """Re-code the judged articles and score every counted event against its verdict.

    An event matches a verdict on article, trigger offsets and type; its actor (recipient)
    verdict counts only when the emitted spans and codes are those judged. Returns strict and
    lenient type precision, actor and recipient precision, the unjudged events, and the share
    of events judged right (type `y`) that are still counted (`kept_right`). `texts` is a
    folder of `<id>.txt` files or the BABE sentence file; `sample` lists the ids coded (one per
    line; default: the list beside the set, `polnear20.txt` for `events_polnear20.jsonl`, plus
    the ids that have verdicts), so that a text with no judged event is coded too."""
    from ..pipeline import Pipeline

    path = Path(path)
    settings = settings or Settings()
    rows = read_jsonl(path)
    ids = sorted({r["article"] for r in rows})
    source = Path(texts) if texts else _default_texts(path, ids)
    listed = path.with_name(path.stem.removeprefix("events_") + ".txt")  # events_polnear20.jsonl: polnear20.txt
    sample = sample if sample is not None else (listed if listed.is_file() else None)
    if sample is not None:
        try:
            lines = Path(sample).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise InputError(str(sample), f"cannot read the sample list: {exc}") from exc
        ids = sorted(set(ids) | {line.strip().removesuffix(".txt") for line in lines if line.strip()})
    articles = _judged_texts(path, ids, source, settings)
    thr = min_confidence(settings)
    verdicts: dict[tuple, list[dict[str, Any]]] = {}  # a later round may judge new actor/recipient spans
    for r in rows:
        verdicts.setdefault((r["article"], tuple(r["trigger"]), r["event"]), []).append(r)
    pipeline = pipeline or Pipeline(settings)
    counts: Counter = Counter()
    unjudged: list[dict[str, Any]] = []
    pairs: list[tuple[float, bool]] = []
    seen_right = set()
    for art in pipeline.process(articles):
        if not isinstance(art, Article):
            continue
        for ev in art.events:
            key = (art.id, (ev.trigger.start, ev.trigger.end) if ev.trigger else (None, None), ev.event)
            found = verdicts.get(key)
            v = found[0] if found else None
            if v is not None:
                pairs.append((_conf(ev), v["type"] == "y"))
            if not counted(ev, thr):
                continue
            counts["counted"] += 1
            if v is None:
                counts["unjudged"] += 1
                unjudged.append({"article": art.id, "trigger": list(key[1]), "event": ev.event, "rule": ev.rule,
                                 "sentence": [ev.text_info["start"], ev.text_info["end"]],
                                 "confidence": ev.confidence})
                continue
            counts["judged"] += 1
            counts["type_" + v["type"]] += 1
            if v["type"] == "y":
                seen_right.add(key)
            if v["type"] == "n":
                continue
            for role, ents in (("actor", ev.actor), ("recipient", ev.recipient)):
                same = next((r for r in found if r.get(f"{role}_spans") == _spans(ents)), None)
                if same is None:
                    counts[f"{role}_unjudged"] += 1
                elif same[role] in ("y", "n"):
                    counts[f"{role}_{same[role]}"] += 1
    right_total = len({k for k, rs in verdicts.items() if rs[0]["type"] == "y"})
    judged = counts["judged"]
    return {
        "gold": str(path), "threshold": thr, "events_counted": counts["counted"], "judged": judged,
        "unjudged": counts["unjudged"],
        "type_precision": _ratio(counts["type_y"], judged),
        "type_precision_lenient": _ratio(counts["type_y"] + counts["type_b"], judged),
        "actor_right": _ratio(counts["actor_y"], counts["actor_y"] + counts["actor_n"]),
        "actor_judged": counts["actor_y"] + counts["actor_n"], "actor_unjudged": counts["actor_unjudged"],
        "recipient_right": _ratio(counts["recipient_y"], counts["recipient_y"] + counts["recipient_n"]),
        "recipient_judged": counts["recipient_y"] + counts["recipient_n"],
        "recipient_unjudged": counts["recipient_unjudged"],
        "kept_right": _ratio(len(seen_right), right_total), "right_total": right_total,
        "reliability": reliability(pairs), "unjudged_events": unjudged,
    }


def evaluate_no_events(path: Path | str, settings: Settings | None = None, pipeline: Any = None) -> dict[str, Any]:
    """Our own sentences: those with no event should yield none; those with events should yield them."""
    path = Path(path)
    settings = settings or Settings()
    rows = read_jsonl(path)
    for n, row in enumerate(rows, 1):
        if not isinstance(row.get("text"), str) or not isinstance(row.get("expected"), list):
            raise InputError(str(path), f"row {n}: needs a text and an expected list")
    thr = min_confidence(settings)
    articles = code_sentences(rows, settings, pipeline)
    empty = yielded = expected = found = extra = 0
    by_category: dict[str, Counter] = defaultdict(Counter)
    offenders = []
    for row, art in zip(rows, articles, strict=True):
        types = [e.event for e in art.events if counted(e, thr)]
        cat = by_category[row.get("category", "")]
        cat["n"] += 1
        if not row["expected"]:
            empty += 1
            if types:
                yielded += 1
                cat["yielded"] += 1
                offenders.append({"id": row.get("id"), "events": types})
        else:
            expected += len(row["expected"])
            found += sum(t in types for t in row["expected"])
            extra += sum(t not in row["expected"] for t in types)
    return {"gold": str(path), "threshold": thr, "no_event_sentences": empty, "yielded": yielded,
            "no_event_rate": _ratio(yielded, empty), "no_event_precision": 1.0 - _ratio(yielded, empty),
            "expected_events": expected,
            "expected_recall": _ratio(found, expected), "extra_events": extra,
            "by_category": {k: dict(v) for k, v in sorted(by_category.items())}, "offenders": offenders}


def _reliability_lines(rows: list[dict[str, Any]]) -> list[str]:
    lines = [f"{'confidence':<11}{'n':>6}{'predicted':>11}{'observed':>10}"]
    lines += [f"{r['bucket']:<11}{r['n']:>6}{r['predicted']:>11.3f}{r['observed']:>10.3f}" for r in rows]
    return lines


def format_report(metrics: dict[str, Any]) -> str:
    """A plain-text report: headline figures, per-type table, confusion table."""
    if "judged" in metrics:
        m = metrics
        return "\n".join([
            f"Judged events ({m['gold']}), threshold {m['threshold']:.2f}",
            f"counted {m['events_counted']}   judged {m['judged']}   unjudged {m['unjudged']}",
            f"type precision    {m['type_precision']:.3f} (lenient {m['type_precision_lenient']:.3f})",
            f"actor right       {m['actor_right']:.3f} (n={m['actor_judged']}, unjudged {m['actor_unjudged']})",
            f"recipient right   {m['recipient_right']:.3f} (n={m['recipient_judged']}, "
            f"unjudged {m['recipient_unjudged']})",
            f"right events kept {m['kept_right']:.3f} (of {m['right_total']})", "",
            *_reliability_lines(m["reliability"])])
    if "no_event_rate" in metrics:
        m = metrics
        lines = [f"No-event set ({m['gold']}), threshold {m['threshold']:.2f}",
                 f"no-event sentences {m['no_event_sentences']}   yielding an event {m['yielded']} "
                 f"(rate {m['no_event_rate']:.3f})",
                 f"expected events {m['expected_events']}   found {m['expected_recall']:.3f}   "
                 f"extra {m['extra_events']}"]
        lines += [f"  {o['id']}: {', '.join(o['events'])}" for o in m["offenders"]]
        return "\n".join(lines)
    lines = [
        f"PLOVER events: {metrics['n']} gold records ({metrics.get('gold', '')})",
        f"type accuracy     {metrics['type_accuracy']:.3f}   macro-F1 {metrics['macro_f1']:.3f}   "
        f"no event {metrics['no_event']}",
        f"actor code acc.   {metrics['actor_code_accuracy']:.3f} (n={metrics['actor_n']})   "
        f"recipient code acc. {metrics['recipient_code_accuracy']:.3f} (n={metrics['recipient_n']})   "
        f"mode acc. {metrics['mode_accuracy']:.3f} (n={metrics['mode_n']})",
        f"type recall       {metrics.get('type_recall', 0.0):.3f}   type precision "
        f"{metrics.get('type_precision', 0.0):.3f}   events counted {metrics.get('events_counted', 0)} "
        f"of {metrics.get('events_all', 0)}",
        "",
        f"{'type':<11}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}",
    ]
    for t, v in metrics["per_type"].items():
        lines.append(f"{t:<11}{v['precision']:>7.3f}{v['recall']:>7.3f}{v['f1']:>7.3f}{v['support']:>6}")
    cols = sorted({p for row in metrics["confusion"].values() for p in row})
    lines += ["", "confusion (rows gold, columns predicted)", " " * 11 + "".join(f"{c[:6]:>7}" for c in cols)]
    for g, row in sorted(metrics["confusion"].items()):
        lines.append(f"{g:<11}" + "".join(f"{row.get(c, 0) or '.':>7}" for c in cols))
    if metrics.get("reliability"):
        lines += ["", *_reliability_lines(metrics["reliability"])]
    return "\n".join(lines)
