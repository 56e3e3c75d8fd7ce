"""Fit `framing/data/sentences.yaml`: logistic weights that turn a sentence's loaded-word strengths into the
probability that an expert reader finds it biased.

    python scripts/train_sentences.py ../shared/gold/babe

Reads BABE (evaluation data, AGPL; see docs/evaluation.md) at development
time and uses its tuning half only (`eventwire.evaluate.labels.babe_half`),
rows labelled Biased or Non-biased. Each row (one BABE sentence, sometimes
split in two by the parser) is one example: the features of
`eventwire.framing.sentences.SentenceModel` over every word the framing stage
scores in the writer's voice, against the row's label. Only four numbers
and a bias are learned; nothing of BABE is shipped. Refit after refitting
`calibration.yaml` (the strengths are its output).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml
from logistic import logistic_fit  # scripts/logistic.py

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "framing" / "data" / "sentences.yaml"
TOTAL_CAP = 4.0  # a sentence's strengths count up to this sum
L2 = 1.0
STEPS = 5000
RATE = 0.5


def examples(gold: Path) -> tuple[list[dict[str, float]], list[int]]:
    """Features and 0/1 targets of every labelled row of the tuning half."""
    from eventwire.evaluate.labels import babe_csv, read_babe, run_babe
    from eventwire.framing.sentences import FEATURES, SentenceModel
    from eventwire.settings import Settings

    rows = [r for r in read_babe(babe_csv(gold)) if r["half"] == "tune" and r["biased"] is not None]
    model = SentenceModel(dict.fromkeys((*FEATURES, "bias"), 0.0), TOTAL_CAP)
    feats, ys = [], []
    for row, (_, hits) in zip(rows, run_babe(rows, Settings()), strict=True):
        feats.append(model.features(h.strength for h, voice in hits
                                    if voice == "writer" and h.category != "intensifier"))
        ys.append(int(row["biased"]))
    return feats, ys


def fit(feats: list[dict[str, float]], ys: list[int]) -> dict[str, float]:
    from eventwire.framing.sentences import FEATURES

    x = np.array([[f[name] for name in FEATURES] + [1.0] for f in feats])
    y = np.array(ys, dtype=float)
    w = logistic_fit(x, y, L2, STEPS, RATE)
    out = {name: round(float(w[i]), 4) for i, name in enumerate(FEATURES)}
    out["bias"] = round(float(w[-1]), 4)
    return out


def main(gold: str) -> None:
    feats, ys = examples(Path(gold))
    weights = fit(feats, ys)
    header = ("# Logistic weights of the sentence model (framing/sentences.py), fitted by\n"
              "# scripts/train_sentences.py on the tuning half of BABE (rows labelled Biased or Non-biased,\n"
              f"# {len(ys)} rows, {sum(ys)} Biased): features of the writer-voice word strengths only; do not edit\n"
              "# by hand. total_cap: the sum of strengths counts up to this much.\n")
    OUT.write_text(header + yaml.safe_dump({"total_cap": TOTAL_CAP, "weights": weights}, sort_keys=False),
                   encoding="utf-8")
    print(f"{OUT}: {weights} from {len(ys)} rows ({sum(ys)} biased)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/gold/babe")
