"""Fit the event confidence model (src/eventwire/events/data/confidence.yaml).

    python scripts/fit_confidence.py --plover ../shared/gold/plover-gsr/PLOVER_GSR_CAMEO.json \
        --judged eval/judged/events_polnear20.jsonl --judged eval/judged/events_polnear_b20.jsonl \
        --texts ../shared/gold/polnear-dev/text

With `--sentences eval/judged/events_babe_fit.jsonl` a judged set of single news sentences (BABE
ids, texts read from ../shared/gold/babe) joins the fit as a set of its own.

Codes the sets (and, with --examples, our own examples gold) with the current coder,
collects every event's evidence features
(`eventwire.events.confidence.features`) and whether the event is right (PLOVER: its
type is the sentence's gold type; judged set: the reader's type verdict is `y`; events
not yet judged are left out), fits an L2-regularised logistic regression (numpy), writes
the weights, and prints the reliability table of each set (in-sample: the same events fit the
model). With `--balance` (the default) every set weighs the same in the fit and in the isotonic
map, whatever its size, so that the many short wire leads of the PLOVER gold do not decide how
sure the coder is on real news. Pattern ids seen at least
`--min-pattern` times become features too (the pattern is part of the evidence).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from eventwire.evaluate.events import _default_texts, _judged_texts, code_sentences, load_gold, reliability
from eventwire.events.confidence import (
    CALIBRATION_KEYS,
    calibrated,
    calibration,
    calibration_key,
    cap,
    score,
    weights,
)
from eventwire.model import Article
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "events" / "data" / "confidence.yaml"


def plover_samples(path: Path, pipeline: Pipeline, settings: Settings) -> list[tuple[list[str], bool]]:
    gold = load_gold(path)
    out = []
    for rec, art in zip(gold, code_sentences(gold, settings, pipeline), strict=True):
        ev = art.meta.get("event_evidence", {})
        for e in art.events:
            out.append((ev.get(e.id, []), e.event == rec["event"]))
    return out


def judged_samples(path: Path, texts: Path, pipeline: Pipeline, settings: Settings) -> list[tuple[list[str], bool]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    verdicts = {(r["article"], tuple(r["trigger"]), r["event"]): r["type"] for r in rows}
    ids = sorted({r["article"] for r in rows})
    source = _default_texts(path, ids) if all(i.startswith("babe") for i in ids) else texts
    out = []
    for art in pipeline.process(_judged_texts(path, ids, source, settings)):
        if not isinstance(art, Article):
            continue
        ev = art.meta.get("event_evidence", {})
        for e in art.events:
            v = verdicts.get((art.id, (e.trigger.start, e.trigger.end), e.event))
            if v is not None:
                out.append((ev.get(e.id, []), v == "y"))
    return out


def fit(samples: list[tuple[list[str], bool]], names: list[str], l2: float, steps: int = 4000,
        lr: float = 0.5, weight: list[float] | None = None) -> np.ndarray:
    index = {n: i for i, n in enumerate(names)}
    x = np.zeros((len(samples), len(names) + 1))
    x[:, 0] = 1.0
    for row, (feats, _) in enumerate(samples):
        for f in feats:
            if f in index:
                x[row, index[f] + 1] = 1.0
    y = np.array([ok for _, ok in samples], dtype=float)
    sw = np.ones(len(samples)) if weight is None else np.asarray(weight, dtype=float)
    sw = sw * len(samples) / sw.sum()  # mean 1: the L2 penalty keeps its meaning
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (sw * (p - y)) / len(y) + penalty * w / len(y)
        w -= lr * grad
    return w


def isotonic(pairs: list[tuple[float, bool]], weight: list[float] | None = None,
             min_events: float = 10.0) -> list[tuple[float, float]]:
    """Pool-adjacent-violators: a monotone step map from score to observed precision, one (highest
    score of the block, (weighted) precision of the block) point per pooled block of at least
    `min_events` (weighted) events."""
    same: dict[float, list[float]] = {}  # events with the same score form one point (ties never split)
    for i, (x, ok) in enumerate(pairs):
        wt = 1.0 if weight is None else weight[i]
        same.setdefault(round(x, 6), [0.0, 0.0])
        same[round(x, 6)][0] += wt * float(ok)
        same[round(x, 6)][1] += wt
    blocks: list[list[float]] = []  # [sum of outcomes, count, highest score]
    for x, (hits, n) in sorted(same.items()):
        blocks.append([hits, n, x])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            top = blocks.pop()
            blocks[-1] = [blocks[-1][0] + top[0], blocks[-1][1] + top[1], top[2]]
    # a block of a handful of events says little: merge it with the block below (still monotone;
    # the lower, more cautious value when in doubt), the first block with the one above
    i = 0
    while len(blocks) > 1 and i < len(blocks):
        if blocks[i][1] < min_events:
            j = i - 1 if i > 0 else i + 1
            lo, hi = sorted((i, j))
            blocks[lo:hi + 1] = [[blocks[lo][0] + blocks[hi][0], blocks[lo][1] + blocks[hi][1], blocks[hi][2]]]
            i = max(lo - 1, 0)
        else:
            i += 1
    return [(b[2], b[0] / b[1]) for b in blocks]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plover", type=Path, required=True)
    ap.add_argument("--judged", type=Path, action="append", required=True,
                    help="a judged real-news set (repeatable; the sets are pooled as one)")
    ap.add_argument("--sentences", type=Path, action="append", default=[],
                    help="a judged set of single news sentences (BABE ids; repeatable; pooled as one set "
                         "of its own: what a text of one sentence says is not what a wire lead says)")
    ap.add_argument("--texts", type=Path, required=True)
    ap.add_argument("--examples", type=Path, help="our own examples gold (PLOVER-style JSON)")
    ap.add_argument("--examples-actors", type=Path, help="actor file the examples gold needs")
    ap.add_argument("--l2", type=float, default=2.0)
    ap.add_argument("--min-pattern", type=int, default=8)
    ap.add_argument("--calibration-only", action="store_true",
                    help="keep the weights of confidence.yaml and refit only the isotonic map")
    ap.add_argument("--no-balance", dest="balance", action="store_false",
                    help="weigh every event the same (by default every set weighs the same)")
    args = ap.parse_args()
    settings = Settings()
    pipeline = Pipeline(settings)
    plover = plover_samples(args.plover, pipeline, settings)
    judged = [x for path in args.judged for x in judged_samples(path, args.texts, pipeline, settings)]
    sentences = [x for path in args.sentences for x in judged_samples(path, args.texts, pipeline, settings)]
    examples = []
    if args.examples:
        ex_settings = settings.replace(actor_files=[args.examples_actors] if args.examples_actors else [])
        examples = plover_samples(args.examples, Pipeline(ex_settings), ex_settings)
    samples = plover + judged + sentences + examples
    sets = [s for s in (plover, judged, sentences, examples) if s]
    weight = [len(samples) / (len(sets) * len(s)) for s in sets for _ in s] if args.balance else None
    counts: dict[str, int] = {}
    for feats, _ in samples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, n in counts.items() if not f.startswith("pattern-") or n >= args.min_pattern)
    if args.calibration_only:  # the ranking stays; only what a score means is refitted
        table = dict(weights())
        names = sorted(n for n in table if n != "bias")
        header = [line for line in OUT.read_text(encoding="utf-8").splitlines()
                  if line.startswith("#")][:3]
    else:
        w = fit(samples, names, args.l2, weight=weight)
        table = {"bias": float(w[0]), **{n: float(w[i + 1]) for i, n in enumerate(names)}}
        header = ["# Weights of the event confidence model (eventwire.events.confidence).",
                  "# Fitted by scripts/fit_confidence.py on the PLOVER gold sentences, the judged real-news",
                  f"# articles, judged news sentences and our examples gold ({len(plover)} + {len(judged)} + "
                  f"{len(sentences)} + {len(examples)} "
                  f"events, L2 {args.l2}, "
                  f"{'each set weighted the same' if args.balance else 'every event weighted the same'});"
                  " refit, do not hand-edit."]
    lines = [*header, "weights:", f"  bias: {table['bias']:.4f}"]
    lines += [f"  {n}: {table[n]:.4f}" for n in names if abs(table[n]) >= 0.005]
    # one isotonic map per place in the story: the lead's (every PLOVER sentence, the first
    # sentences of articles) and the body's (later sentences of real news and of our examples)
    # of events the evidence does not cap: a capped event's confidence is its cap or less anyway,
    # and its score, pooled with others, would shift what an uncapped score means
    for key in CALIBRATION_KEYS:
        rows = [i for i, (f, _) in enumerate(samples) if calibration_key(f) == key and cap(f) >= 1.0]
        points = isotonic([(score(samples[i][0], table), samples[i][1]) for i in rows],
                          [weight[i] for i in rows] if weight else None)
        lines += [f"# isotonic map from the logistic score to observed precision, uncapped {key} events"
                  f" ({len(rows)} of all sets pooled{', each set weighted the same' if args.balance else ''}):",
                  f"{key}:"] + [f"  - [{x:.4f}, {y:.4f}]" for x, y in points]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    weights.cache_clear()
    calibration.cache_clear()

    def conf(feats: list[str]) -> float:
        return calibrated(feats)

    for name, data in (("PLOVER", plover), ("judged", judged), ("sentences", sentences), ("examples", examples),
                       ("all", samples)):
        print(name)
        for row in reliability([(conf(f), ok) for f, ok in data]):
            print(f"  {row['bucket']:<9} n={row['n']:<4} predicted {row['predicted']:.3f} "
                  f"observed {row['observed']:.3f}")


if __name__ == "__main__":
    main()
