"""Actor country-code accuracy against PLOVER-style gold (the actors stage).

For every `source`/`target` actor of every record (the DOCUMENT record is
skipped), the sentence runs through the pipeline (actors stage only); the
resolved mention covering the gold `actorText` is taken (`entity_for`), and
`resolve_text` is the fall-back when none covers it or it has no code.
Scores: `accuracy` compares codes after `data/code_crosswalk.yaml` (older
codes; UN and EU count as IGO), `strict` compares them as written.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..actors import entity_for, resolve_text
from ..actors.dictionary import DATA_DIR
from ..datafiles import read_yaml
from ..errors import DataFileError
from ..model import Article
from ..pipeline import Pipeline
from ..settings import Settings

__all__ = ["evaluate_actors", "format_report", "load_crosswalk"]

CROSSWALK = DATA_DIR / "code_crosswalk.yaml"


def load_crosswalk(path: Path = CROSSWALK) -> tuple[dict[str, str], dict[str, str]]:
    """(old code -> code, specific code -> group code) from the crosswalk file."""
    raw = read_yaml(path, empty={})
    codes, groups = raw.get("codes") or {}, raw.get("groups") or {}
    if not isinstance(codes, dict) or not isinstance(groups, dict):
        raise DataFileError(str(path), "`codes` and `groups` must be mappings")
    member = {}
    for group, members in groups.items():
        if not isinstance(members, list):
            raise DataFileError(str(path), "must be a list of codes", key=f"groups.{group}")
        member.update({m: group for m in members})
    return {str(k): str(v) for k, v in codes.items()}, member


def gold_actors(gold_path: Path | str) -> list[dict[str, Any]]:
    """(record id, sentence, actor text, gold code, role) for each gold actor."""
    records = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    out = []
    for rec in records:
        if rec.get("event") == "DOCUMENT" or not rec.get("text"):
            continue
        for role in ("source", "target"):
            actors = rec.get(role) or []
            if isinstance(actors, dict):
                actors = [actors]
            for actor in actors if isinstance(actors, list) else []:
                if isinstance(actor, dict) and actor.get("actorText") and actor.get("code"):
                    out.append({"id": rec["id"], "text": rec["text"], "actor": actor["actorText"].strip(),
                                "code": actor["code"], "role": role, "date": rec.get("date")})
    return out


def evaluate_actors(gold_path: Path | str, settings: Settings | None = None) -> dict[str, Any]:
    """Metrics (n, correct, accuracy after the crosswalk, strict, sources, errors); see the module docstring."""
    settings = (settings or Settings()).replace(doc_stages=["actors"])
    pipeline = Pipeline(settings)
    items = gold_actors(gold_path)
    texts = sorted({it["text"] for it in items})
    articles = {}
    ids = {t: f"g{i}" for i, t in enumerate(texts)}
    batch = [Article(id=ids[t], source="gold", text=t, raw_text=t) for t in texts]
    for article in pipeline.process(batch):
        articles[article.id] = article
    old, group = load_crosswalk()
    correct = strict = 0
    errors = []
    by_source: Counter = Counter()
    for it in items:
        article = articles[ids[it["text"]]]
        span = _find(article.text, it["actor"])  # the clean stage may have trimmed the sentence
        entity = entity_for(article, *span) if span else None
        if entity is None or entity.code is None:
            entity = resolve_text(it["actor"], pipeline.ctx, article)
        predicted = entity.code
        by_source[entity.source or "none"] += 1
        strict += predicted == it["code"]
        if _norm_code(predicted, old, group) == _norm_code(it["code"], old, group):
            correct += 1
        else:
            errors.append({"id": it["id"], "actor": it["actor"], "gold": it["code"], "predicted": predicted,
                           "name": entity.name, "source": entity.source})
    n = len(items)
    return {"n": n, "correct": correct, "accuracy": correct / n if n else 0.0,
            "strict": strict / n if n else 0.0, "sources": dict(by_source), "errors": errors}


def _norm_code(code: str | None, old: dict[str, str], group: dict[str, str]) -> str | None:
    if code is None:
        return None
    code = old.get(code, code)
    return group.get(code, code)


def _find(text: str, actor: str) -> tuple[int, int] | None:
    """Char span of the gold actor text in the sentence; for an elided "A ... B", the head part A."""
    parts = [p.strip() for p in re.split(r"\s*\.\.+\s*", actor) if p.strip()]
    if not parts:
        return None
    low = text.lower()
    start = low.find(parts[0].lower())
    if start < 0:
        return None
    return start, start + len(parts[0])


def format_report(metrics: dict[str, Any], max_errors: int = 40) -> str:
    """Human-readable summary of `evaluate_actors` output."""
    lines = [f"actor codes: {metrics['correct']}/{metrics['n']} correct, accuracy {metrics['accuracy']:.3f} "
             f"(strict {metrics['strict']:.3f})",
             "resolved by: " + ", ".join(f"{k} {v}" for k, v in sorted(metrics["sources"].items()))]
    for err in metrics["errors"][:max_errors]:
        lines.append(f"  {err['id']}: {err['actor']!r} gold {err['gold']} got {err['predicted']} "
                     f"({err['name']}, {err['source']})")
    return "\n".join(lines)
