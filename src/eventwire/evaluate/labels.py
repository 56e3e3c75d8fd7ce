"""Scoring the framing stage's labels: writer descriptors against our gold, loaded words against BABE.

`evaluate_labels(path)` dispatches on the gold: a folder holding
`final_labels_SG2.csv` (or that CSV itself) is BABE, scored by
`evaluate_babe`; anything else is our descriptor gold (below).

Gold (`eval/labels_gold.jsonl`): one JSON object per line,
`{"article_id", "actor", "label", "kind", "voice"}`; `actor` is a canonical
name or a list of acceptable names (a label on "the regime in Tolsk" may
resolve to the government, the country or its capital); `voice` is "writer"
or the name of the speaker inside whose quote the label stands.

Decisions (also in docs/framing.md):
- The corpus is `examples/articles` beside the gold's folder (override with
  `corpus=`), run through the real pipeline with `examples/actors.yaml`
  added to the actor dictionary when it exists.
- Scored: predicted `descriptor` labels in the writer's voice against gold
  entries with voice "writer". A gold label in a speaker's voice that we
  give to the writer counts as a false positive.
- Match: same article, the predicted actor is one of the gold names
  (case-insensitive), and the label texts, lower-cased and without leading
  articles, are equal or one ends with the other ("largest resistance
  movement" ~ "resistance movement"). Pairing is greedy one-to-one.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import Article
from ..settings import Settings
from .jsonl import read_jsonl

if TYPE_CHECKING:
    from ..framing.language import Hit

FIELDS = ("article_id", "actor", "label", "kind", "voice")
_ARTICLES = ("the ", "a ", "an ")


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold entries; an InputError names the file, line and problem."""
    gold = read_jsonl(path, FIELDS, nonempty=True)
    for entry in gold:
        names = entry["actor"] if isinstance(entry["actor"], list) else [entry["actor"]]
        entry["actor"] = [str(a) for a in names]
    return gold


def _norm(text: str) -> str:
    text = " ".join(text.lower().split())
    for art in _ARTICLES:
        if text.startswith(art):
            text = text[len(art):]
    return text


def label_match(pred: str, gold: str) -> bool:
    p, g = _norm(pred), _norm(gold)
    return p == g or p.endswith(" " + g) or g.endswith(" " + p)


def _predictions(articles: list[Article]) -> list[dict[str, Any]]:
    return [{"article_id": a.id, "actor": lab.actor or "", "label": lab.text, "start": lab.start, "end": lab.end}
            for a in articles for lab in a.labels if lab.kind == "descriptor" and lab.voice == "writer"]


def score(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """Precision/recall of writer descriptors; also lists false positives and misses."""
    wanted = [g for g in gold if g["voice"] == "writer"]
    used: set[int] = set()
    false_pos = []
    label_only = 0
    for p in predicted:
        hit = next((n for n, g in enumerate(wanted) if n not in used and g["article_id"] == p["article_id"]
                    and p["actor"].lower() in {a.lower() for a in g["actor"]} and label_match(p["label"], g["label"])),
                   None)
        if hit is None:
            false_pos.append(p)
            if any(g["article_id"] == p["article_id"] and label_match(p["label"], g["label"]) for g in wanted):
                label_only += 1
        else:
            used.add(hit)
    tp = len(used)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(wanted) if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"predicted": len(predicted), "gold": len(wanted), "matched": tp,
            "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
            "label_right_actor_wrong": label_only,
            "false_positives": false_pos,
            "missed": [g for n, g in enumerate(wanted) if n not in used]}


def run_corpus(corpus: Path, settings: Settings) -> list[Article]:
    from ..ingest import read_paths
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings)
    return [a for a in pipeline.process(read_paths([str(corpus)], settings)) if isinstance(a, Article)]


def evaluate_labels(path: str | Path, settings: Settings | None = None, corpus: str | Path | None = None
                    ) -> dict[str, Any]:
    """Run the pipeline over the gold's corpus and score writer descriptor labels against `path`
    (BABE gold is scored by `evaluate_babe`)."""
    path = Path(path)
    if babe_csv(path) is not None:
        return evaluate_babe(path, settings)
    gold = read_gold(path)
    root = path.resolve().parent.parent / "examples"
    corpus = Path(corpus) if corpus else root / "articles"
    if not corpus.exists():
        raise InputError(str(corpus), "the corpus for the labels gold does not exist (pass corpus=)")
    settings = settings or Settings()
    actors = root / "actors.yaml"
    if actors.exists() and actors not in settings.actor_files:
        settings = settings.replace(actor_files=[*settings.actor_files, actors])
    articles = run_corpus(corpus, settings)
    metrics = score(_predictions(articles), gold)
    metrics.update({"gold_file": str(path), "corpus": str(corpus), "articles": len(articles)})
    return metrics


def format_report(metrics: dict[str, Any]) -> str:
    """A short text report of `evaluate_labels`' result."""
    if "tune" in metrics:
        return format_babe(metrics)
    lines = [f"labels: {metrics['articles']} articles from {metrics['corpus']}",
             f"writer descriptors: predicted {metrics['predicted']}, gold {metrics['gold']}, "
             f"matched {metrics['matched']}",
             f"precision {metrics['precision']:.3f}  recall {metrics['recall']:.3f}  f1 {metrics['f1']:.3f}"]
    for p in metrics["false_positives"]:
        lines.append(f"  false positive: {p['article_id']}@{p['start']} {p['label']!r} -> {p['actor']}")
    for g in metrics["missed"]:
        lines.append(f"  missed: {g['article_id']} {g['label']!r} -> {' | '.join(g['actor'])}")
    return "\n".join(lines)


# --- BABE: loaded words against expert-marked biased words --------------------------------------------------------
#
# Decisions (also in docs/evaluation.md):
# - Each BABE row is one article of one sentence, run through the doc stages
#   (no cleaning: a single sentence is not a scraped page).
# - Tokens: `_TOKEN` word tokens, lower-cased, hyphenated words whole
#   ("far-left"). A gold entry with several words ("gender identity") gives
#   each of its words. Predicted tokens are the words of every `loaded` label
#   in the writer's voice whose strength reaches the shown threshold.
# - Word level: per sentence, each gold token is matched at most once by an
#   equal predicted token; precision = matched / predicted, recall = matched /
#   gold, summed over the sentences of a half.
# - Sentence level: a sentence is predicted biased when the sentence model
#   (framing/sentences.py) over every word the framing stage scored in the
#   writer's voice in the row (shown or not) gives a probability reaching
#   `[framing] sentence_threshold`; accuracy against `label_bias` Biased /
#   Non-biased. The row is the unit, as in BABE, even where the parser splits it. The rows
#   labelled "No agreement" have no sentence label and are left out of the
#   sentence level (their words still count at the word level).
# - Halves: a sentence belongs to the tuning half when the first byte of the
#   SHA-1 of its text is even, else to the test half. Tune on `tune` only.

BABE_FILE = "final_labels_SG2.csv"
_TOKEN = re.compile(r"\w+(?:[-'’]\w+)*")


def babe_csv(path: Path) -> Path | None:
    """The BABE CSV a gold path points at, or None when it is not BABE."""
    path = Path(path)
    if path.is_dir() and (path / BABE_FILE).is_file():
        return path / BABE_FILE
    if path.is_file() and path.name == BABE_FILE:
        return path
    return None


def tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def babe_half(text: str) -> str:
    """`tune` or `test`: a fixed split by a hash of the sentence text."""
    return "tune" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def read_babe(path: Path) -> list[dict[str, Any]]:
    """BABE rows as {id, text, biased (True/False/None), words, half}; an InputError names the file and row."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter=";"))
    except (OSError, csv.Error, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the BABE file: {exc}") from exc
    out = []
    for n, row in enumerate(rows, 2):
        if not row.get("text") or "biased_words" not in row or "label_bias" not in row:
            raise InputError(f"{path}:{n}", "expected columns text, label_bias and biased_words")
        try:
            words = ast.literal_eval(row["biased_words"] or "[]")
        except (ValueError, SyntaxError) as exc:
            raise InputError(f"{path}:{n}", f"biased_words is not a list: {exc}") from exc
        label = {"Biased": True, "Non-biased": False}.get(row["label_bias"])
        out.append({"id": f"babe{n - 1:04d}", "text": row["text"], "biased": label,
                    "words": [t for w in words for t in tokens(str(w))], "half": babe_half(row["text"])})
    return out


def babe_predictions(article: Article, threshold: float) -> list[str]:
    """Predicted tokens: the words of writer-voice loaded labels at or above `threshold`."""
    return [t for lab in article.labels if lab.kind == "loaded" and lab.voice == "writer"
            and (lab.strength or 0.0) >= threshold for t in tokens(lab.text)]


def score_babe(rows: list[dict[str, Any]], predicted: list[list[str]], scores: list[float] | None = None,
               sentence_threshold: float = 0.0) -> dict[str, Any]:
    """Word-level P/R/F1 and sentence accuracy per half and overall. A sentence is predicted biased when its
    score (`scores`: the sentence model's probability) is above 0 and reaches
    `sentence_threshold`; without scores, when it has any predicted word."""
    # every half is reported, an empty one with zeros
    counts = ("tp", "pred", "gold", "sents", "right", "rows")
    halves = {half: dict.fromkeys(counts, 0) for half in ("tune", "test", "all")}
    scores = scores if scores is not None else [1.0 if pred else 0.0 for pred in predicted]
    for row, pred, top in zip(rows, predicted, scores, strict=True):
        loaded = top > 0 and top >= sentence_threshold
        for half in (row["half"], "all"):
            h = halves[half]
            left = list(row["words"])
            for t in pred:
                if t in left:
                    left.remove(t)
                    h["tp"] += 1
            h["pred"] += len(pred)
            h["gold"] += len(row["words"])
            h["rows"] += 1
            if row["biased"] is not None:
                h["sents"] += 1
                h["right"] += (loaded == row["biased"])
    out: dict[str, Any] = {}
    for half, h in halves.items():
        p = h["tp"] / h["pred"] if h["pred"] else 0.0
        r = h["tp"] / h["gold"] if h["gold"] else 0.0
        out[half] = {"sentences": h["rows"], "gold_words": h["gold"], "predicted_words": h["pred"],
                     "matched": h["tp"], "precision": round(p, 4), "recall": round(r, 4),
                     "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
                     "sentence_accuracy": round(h["right"] / h["sents"], 4) if h["sents"] else 0.0}
    return out


def run_babe(rows: list[dict[str, Any]], settings: Settings) -> list[tuple[Article, list[tuple[Hit, str]]]]:
    """Each row as a one-sentence article through the doc stages (no text stages), with every word the
    framing stage scored (and its voice): the sentence model's evidence."""
    from ..framing import stage_hits
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings.replace(text_stages=[]))
    framing = next(s for s in pipeline.doc_stages if s.name == "framing")
    items = [Article.from_text(r["text"], id=r["id"], source=f"babe:{r['id']}") for r in rows]
    out = []
    for article, doc in zip(items, pipeline.nlp.pipe(a.text for a in items), strict=True):
        for stage in pipeline.doc_stages:
            stage(article, doc)
        out.append((article, stage_hits(article, doc, framing.model)))
    return out


def evaluate_babe(path: str | Path, settings: Settings | None = None, threshold: float | None = None
                  ) -> dict[str, Any]:
    """Score writer-voice loaded words against BABE (see the decisions above)."""
    from ..framing.lexicon import sentence_threshold, shown_threshold
    from ..framing.sentences import load_sentence_model

    csv_path = babe_csv(Path(path))
    if csv_path is None:
        raise InputError(str(path), f"not a BABE folder (no {BABE_FILE})")
    rows = read_babe(csv_path)
    results = run_babe(rows, settings or Settings())
    articles = [a for a, _ in results]
    threshold = shown_threshold() if threshold is None else threshold
    sentence = sentence_threshold()
    model = load_sentence_model()
    metrics = score_babe(rows, [babe_predictions(a, threshold) for a in articles],
                         [model.probability(hits) for _, hits in results], sentence)
    tune, test = metrics["tune"], metrics["test"]
    metrics.update({"gold_file": str(csv_path), "threshold": threshold, "sentence_threshold": sentence,
                    "f1_gap": round(abs(tune["f1"] - test["f1"]), 4),
                    "examples": _babe_examples(rows, articles, threshold)})
    return metrics


def _babe_examples(rows: list[dict[str, Any]], articles: list[Article], threshold: float) -> dict[str, Any]:
    """The most frequent false positives and misses of the tuning half (for reading the errors)."""
    false_pos: Counter[str] = Counter()
    missed: Counter[str] = Counter()
    for row, article in zip(rows, articles, strict=True):
        if row["half"] != "tune":
            continue
        pred = babe_predictions(article, threshold)
        false_pos.update(t for t in pred if t not in row["words"])
        missed.update(t for t in row["words"] if t not in pred)
    return {"false_positives": dict(false_pos.most_common(25)), "missed": dict(missed.most_common(25))}


def format_babe(metrics: dict[str, Any]) -> str:
    lines = [f"BABE loaded words ({metrics['gold_file']}), shown at strength >= {metrics['threshold']}; "
             f"a sentence is loaded when the sentence model's probability reaches "
             f"{metrics.get('sentence_threshold', 0.0)}"]
    for half in ("tune", "test", "all"):
        m = metrics[half]
        lines.append(f"  {half:<5} {m['sentences']} sentences: words P {m['precision']:.3f} R {m['recall']:.3f} "
                     f"F1 {m['f1']:.3f} ({m['matched']}/{m['predicted_words']} predicted, "
                     f"{m['gold_words']} gold); sentence accuracy {m['sentence_accuracy']:.3f}")
    lines.append(f"  F1 gap between the halves: {metrics['f1_gap']:.3f}")
    ex = metrics["examples"]
    lines.append("  tuning half, frequent false positives: " + ", ".join(f"{w} x{n}" for w, n in
                                                                        ex["false_positives"].items()))
    lines.append("  tuning half, frequent misses: " + ", ".join(f"{w} x{n}" for w, n in ex["missed"].items()))
    return "\n".join(lines)
