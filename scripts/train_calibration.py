"""Fit `calibration.yaml`: logistic weights that turn the loaded-language model's evidence into a strength.

    python scripts/train_calibration.py ../shared/gold/babe

Reads BABE (evaluation data, AGPL; see docs/evaluation.md) at development
time and uses its tuning half only (`eventwire.evaluate.labels.babe_half`).
The weights are over word-independent features (source of the evidence,
part of speech, WordNet supersense, polarity, dependency relation,
reporting damping, the heuristic score, other evidence in the sentence):
no word or word list is learned from BABE and nothing of it is shipped.
A feature seen on fewer than `MIN_COUNT` candidates gets no weight.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import numpy as np
import yaml
from logistic import logistic_fit  # scripts/logistic.py

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwire" / "framing" / "data" / "calibration.yaml"
MIN_COUNT = 20
L2 = 2.0
STEPS = 3000
RATE = 0.5


def candidates(gold: Path) -> tuple[list[dict[str, float]], list[int]]:
    """Features and 0/1 targets of every writer-voice word the model scores in the tuning half."""
    from eventwire.evaluate.labels import babe_csv, read_babe, tokens
    from eventwire.framing import load_lexicon, scored_hits
    from eventwire.framing.language import LoadedLanguageModel
    from eventwire.model import Article
    from eventwire.pipeline import Pipeline
    from eventwire.settings import Settings

    rows = [r for r in read_babe(babe_csv(gold)) if r["half"] == "tune"]
    lex = load_lexicon()
    model = LoadedLanguageModel(lex.loaded, lex.descriptors)
    pipeline = Pipeline(Settings(text_stages=[], doc_stages=["actors", "quotes", "events"]))
    articles = [Article.from_text(r["text"], id=r["id"]) for r in rows]
    feats, ys = [], []
    for row, article, doc in zip(rows, articles, pipeline.nlp.pipe(a.text for a in articles), strict=True):
        for stage in pipeline.doc_stages:
            stage(article, doc)
        left = list(row["words"])
        for hit, voice in scored_hits(article, doc, model):
            if voice != "writer" or hit.category == "intensifier":
                continue
            words = tokens(hit.text)
            y = 0
            for w in words:
                if w in left:
                    left.remove(w)
                    y = 1
            feats.append(hit.features)
            ys.append(y)
    return feats, ys


def fit(feats: list[dict[str, float]], ys: list[int]) -> dict[str, float]:
    counts = Counter(f for x in feats for f in x)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    x = np.zeros((len(feats), len(names) + 1))
    x[:, -1] = 1.0  # bias
    for r, fx in enumerate(feats):
        for f, v in fx.items():
            if f in index:
                x[r, index[f]] = v
    y = np.array(ys, dtype=float)
    w = logistic_fit(x, y, L2, STEPS, RATE)
    weights = {f: round(float(w[i]), 4) for f, i in index.items() if abs(w[i]) >= 1e-4}
    weights["bias"] = round(float(w[-1]), 4)
    return weights


def main(gold: str) -> None:
    feats, ys = candidates(Path(gold))
    weights = fit(feats, ys)
    header = ("# Logistic weights of the loaded-language model's evidence (framing/language.py), fitted by\n"
              "# scripts/train_calibration.py on the tuning half of BABE: word-independent features only; do not\n"
              f"# edit by hand. {len(ys)} candidates, {sum(ys)} marked by the experts.\n")
    OUT.write_text(header + yaml.safe_dump({"weights": dict(sorted(weights.items()))}, sort_keys=False),
                   encoding="utf-8")
    print(f"{OUT}: {len(weights)} weights from {len(ys)} candidates ({sum(ys)} positive)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/gold/babe")
