"""How likely a sentence reads as biased, from the loaded-language evidence in the writer's voice.

A sentence is not biased because it holds one weakly loaded word, nor neutral
because no single word is strong: an expert reader weighs all of them. The
model reads the strengths the loaded-language model (`language.py`) gives every
word it scores in the writer's voice, including words too weak to be shown and
unrated topic words, and combines four summaries of them:

- `strongest`, `second`: the two strongest words;
- `total`: the sum of strengths, capped at `total_cap` and scaled to [0, 1];
- `any_of`: the chance that at least one word is loaded if each were loaded
  independently with its strength (1 - the product of 1 - strength).

Probability = logistic(bias + weights . features), with the weights of
`data/sentences.yaml` (fitted by `scripts/train_sentences.py` on the tuning
half of BABE; its header says how). Intensifiers are left out: they repeat the
strength of the word they amplify. The framing stage writes each sentence's
probability to `article.meta["loaded_sentences"]` as `[start, end, p]`; a
sentence counts as loaded from `[framing] sentence_threshold` of config.toml.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from ..datafiles import read_yaml
from ..errors import DataFileError
from .language import Hit, sentence_bounds

SENTENCES_FILE = Path(__file__).with_name("data") / "sentences.yaml"
FEATURES = ("strongest", "second", "total", "any_of")
WRITER = "writer"


@dataclass(frozen=True)
class SentenceModel:
    """The fitted weights of `data/sentences.yaml`: one per feature of FEATURES, plus `bias`."""

    weights: dict[str, float]
    total_cap: float  # the sum of strengths counts up to this much

    def features(self, strengths: Iterable[float]) -> dict[str, float]:
        ranked = sorted(strengths, reverse=True)
        none_loaded = 1.0
        for s in ranked:
            none_loaded *= 1.0 - s
        return {"strongest": ranked[0] if ranked else 0.0,
                "second": ranked[1] if len(ranked) > 1 else 0.0,
                "total": min(sum(ranked), self.total_cap) / self.total_cap,
                "any_of": 1.0 - none_loaded}

    def probability(self, hits: Iterable[tuple[Hit, str]]) -> float:
        """The probability that the sentence whose scored words (with their voice) are `hits` is biased."""
        feats = self.features(h.strength for h, voice in hits if voice == WRITER and h.category != "intensifier")
        z = self.weights["bias"] + sum(self.weights[f] * v for f, v in feats.items())
        return 1.0 / (1.0 + math.exp(-z))

    def sentences(self, doc: Doc, hits: list[tuple[Hit, str]]) -> list[list[float]]:
        """`[start, end, probability]` for every sentence of `doc` (character offsets, probability rounded)."""
        bounds = sentence_bounds(doc)
        starts = [s for s, _ in bounds]
        inside: list[list[tuple[Hit, str]]] = [[] for _ in bounds]
        for h, voice in hits:
            inside[max(0, bisect_right(starts, h.start) - 1)].append((h, voice))
        return [[s, e, round(self.probability(found), 3)] for (s, e), found in zip(bounds, inside, strict=True)]


def load_sentence_model(path: Path = SENTENCES_FILE) -> SentenceModel:
    """Read and validate the fitted weights; a missing or malformed entry names the file and key."""
    data = read_yaml(path)
    weights = data.get("weights")
    if not isinstance(weights, dict) or set(weights) != {*FEATURES, "bias"} \
            or not all(isinstance(v, int | float) for v in weights.values()):
        raise DataFileError(str(path), f"expected a number for each of {[*FEATURES, 'bias']}", "weights")
    cap = data.get("total_cap")
    if not isinstance(cap, int | float) or cap <= 0:
        raise DataFileError(str(path), f"total_cap is {cap!r}, expected a positive number", "total_cap")
    return SentenceModel({str(k): float(v) for k, v in weights.items()}, float(cap))
