"""Scoring the framing stage's writer labels against hand-written gold.

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

import json
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article
from ..settings import Settings

FIELDS = ("article_id", "actor", "label", "kind", "voice")
_ARTICLES = ("the ", "a ", "an ")


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold entries; an InputError names the file, line and problem."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read the labels gold file: {exc}") from exc
    gold = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{n}", f"not valid JSON: {exc}") from exc
        missing = [f for f in FIELDS if not entry.get(f)] if isinstance(entry, dict) else list(FIELDS)
        if missing:
            raise InputError(f"{path}:{n}", f"missing field(s) {missing}; each line needs {list(FIELDS)}")
        names = entry["actor"] if isinstance(entry["actor"], list) else [entry["actor"]]
        gold.append({**entry, "actor": [str(a) for a in names]})
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
    """Run the pipeline over the gold's corpus and score writer descriptor labels against `path`."""
    path = Path(path)
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
    lines = [f"labels: {metrics['articles']} articles from {metrics['corpus']}",
             f"writer descriptors: predicted {metrics['predicted']}, gold {metrics['gold']}, "
             f"matched {metrics['matched']}",
             f"precision {metrics['precision']:.3f}  recall {metrics['recall']:.3f}  f1 {metrics['f1']:.3f}"]
    for p in metrics["false_positives"]:
        lines.append(f"  false positive: {p['article_id']}@{p['start']} {p['label']!r} -> {p['actor']}")
    for g in metrics["missed"]:
        lines.append(f"  missed: {g['article_id']} {g['label']!r} -> {' | '.join(g['actor'])}")
    return "\n".join(lines)
