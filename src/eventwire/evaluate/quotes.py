"""Scoring the quotes stage against BRAT attribution gold (PolNeAR / PARC style).

Gold layout: `gold_dir/text/NAME.txt` and `gold_dir/attributions/NAME_ANNOTATOR.ann`.
An `E` line ties one attribution's `Content`, `Cue` and `Source` spans (`T`
lines, possibly discontinuous: `start end;start end`).

Decisions (also in docs/quotes.md):
- Articles annotated by several annotators are scored against the first
  annotator in sorted order, so each article counts once.
- Predicted quotes that share a cue form one attribution (a quote split around
  its cue is one discontinuous Content in the gold); floating quotes stand alone.
- Spans are compared as sets of word tokens (`\\w+`), so quotation marks and
  punctuation never decide a match: our direct-quote spans exclude the marks,
  PolNeAR's include them.
- Content match: greedy one-to-one pairing by overlap, where overlap =
  |shared tokens| / max(|predicted|, |gold|) >= 0.5 (the symmetric criterion:
  neither side may be more than twice the shared part); exact = same token set.
- Speaker accuracy, on matched pairs whose gold has a Source: the predicted
  speaker mention overlaps the gold Source span (the gold marks the nearest
  mention, as our speaker `start`/`end` do). Cue accuracy likewise.
- Offsets: articles go through the real pipeline (stages up to `quotes`). If
  the clean stage changed the text, predicted offsets are mapped back to the
  gold text by a character alignment (difflib).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Article, Quote
from ..settings import Settings

MATCH_THRESHOLD = 0.5
_WORD = re.compile(r"\w+")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) ([\d ;]+)\t")
Spans = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Spans
    cue: Spans = field(default_factory=list)
    source: Spans = field(default_factory=list)


@dataclass
class PredAttribution:
    content: Spans
    cue: Spans
    speaker: Spans
    kind: str
    name: str | None = None


def read_ann(path: Path) -> list[GoldAttribution]:
    """The attributions of one BRAT `.ann` file; an attribution without Content is skipped."""
    spans: dict[str, Spans] = {}
    events: list[dict[str, list[str]]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("T"):
            m = _T_LINE.match(line)
            if m is None:
                raise InputError(str(path), f"line {n}: malformed T line {line[:60]!r}")
            spans[m.group(1)] = [(int(a), int(b)) for a, b in
                                 (part.split() for part in m.group(3).split(";"))]
        elif line.startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in line.split("\t")[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            events.append(roles)
    out = []
    for roles in events:
        content = [s for ref in roles.get("Content", []) for s in spans.get(ref, [])]
        if not content:
            continue
        out.append(GoldAttribution(content=content,
                                   cue=[s for ref in roles.get("Cue", []) for s in spans.get(ref, [])],
                                   source=[s for ref in roles.get("Source", []) for s in spans.get(ref, [])]))
    return out


def gold_files(gold_dir: Path) -> list[tuple[Path, Path]]:
    """(text, ann) pairs: the first annotator in sorted order for each text."""
    text_dir, ann_dir = gold_dir / "text", gold_dir / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(str(gold_dir), "expected text/ and attributions/ folders (BRAT attribution gold)")
    pairs = []
    for txt in sorted(text_dir.glob("*.txt")):
        anns = sorted(ann_dir.glob(f"{txt.stem}_*.ann"))
        if anns:
            pairs.append((txt, anns[0]))
    return pairs


class _Tokens:
    """Word tokens of a text, to turn character spans into token sets."""

    def __init__(self, text: str):
        self.spans = [m.span() for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in self.spans]

    def of(self, spans: Spans) -> frozenset[int]:
        out = set()
        for start, end in spans:
            for i, (s, e) in enumerate(self.spans):
                if s >= end:
                    break
                if e > start:
                    out.add(i)
        return frozenset(out)


def offset_mapper(clean: str, raw: str):
    """A function mapping offsets in `clean` to offsets in `raw` (identity when equal)."""
    if clean == raw:
        return lambda i: i
    table = [0] * (len(clean) + 1)
    matcher = difflib.SequenceMatcher(None, clean, raw, autojunk=False)
    for tag, c0, c1, r0, r1 in matcher.get_opcodes():
        for k in range(c0, c1 + 1):
            table[k] = r0 + (min(k - c0, r1 - r0) if tag != "equal" else k - c0)
    return lambda i: table[max(0, min(i, len(clean)))]


def predicted(quotes: list[Quote], to_raw) -> list[PredAttribution]:
    """Quotes grouped into attributions (a split quote is one), offsets in the gold text."""
    groups: dict[Any, PredAttribution] = {}
    for q in quotes:
        key = (q.cue.start, q.cue.end) if q.cue is not None else q.id
        span = (to_raw(q.start), to_raw(q.end))
        if key in groups:
            groups[key].content.append(span)
            continue
        cue = [(to_raw(q.cue.start), to_raw(q.cue.end))] if q.cue else []
        sp = q.speaker
        speaker = [(to_raw(sp.start), to_raw(sp.end))] if sp is not None and sp.start is not None else []
        groups[key] = PredAttribution([span], cue, speaker, q.kind, sp.name if sp else None)
    return list(groups.values())


def _overlap(a: frozenset[int], b: frozenset[int]) -> float:
    return len(a & b) / max(len(a), len(b)) if a and b else 0.0


def _any_overlap(a: Spans, b: Spans) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def score_article(text: str, gold: list[GoldAttribution], pred: list[PredAttribution]) -> Counter:
    """Counts for one article: matches, exact matches, speaker and cue hits, per-kind tallies."""
    toks = _Tokens(text)
    g_sets = [toks.of(g.content) for g in gold]
    p_sets = [toks.of(p.content) for p in pred]
    pairs = sorted(((_overlap(p, g), i, j) for i, p in enumerate(p_sets) for j, g in enumerate(g_sets)
                    if p & g), reverse=True)
    used_p, used_g = set(), set()
    c: Counter = Counter(gold=len(gold), pred=len(pred))
    for kind in (p.kind for p in pred):
        c[f"pred_{kind}"] += 1
    for g in gold:
        c["gold_direct" if _is_direct(text, g) else "gold_other"] += 1
    for score, i, j in pairs:
        if score < MATCH_THRESHOLD or i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        p, g = pred[i], gold[j]
        c["match"] += 1
        c[f"match_{p.kind}"] += 1
        c["match_gold_direct" if _is_direct(text, g) else "match_gold_other"] += 1
        c["exact"] += p_sets[i] == g_sets[j]
        if g.source:
            c["with_source"] += 1
            c["speaker_ok"] += _any_overlap(p.speaker, g.source)
        if g.cue:
            c["with_cue"] += 1
            c["cue_ok"] += _any_overlap(p.cue, g.cue)
    return c


def _is_direct(text: str, g: GoldAttribution) -> bool:
    return text[g.content[0][0]:g.content[0][0] + 1] in "\"“‘'«„"


def _prf(match: int, pred: int, gold: int) -> dict[str, float]:
    p = match / pred if pred else 0.0
    r = match / gold if gold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def metrics_from(c: Counter, articles: int) -> dict[str, Any]:
    """The metrics dict from summed counts."""
    return {
        "articles": articles,
        "gold": c["gold"],
        "predicted": c["pred"],
        "content_overlap": _prf(c["match"], c["pred"], c["gold"]),
        "content_exact": _prf(c["exact"], c["pred"], c["gold"]),
        "speaker_accuracy": round(c["speaker_ok"] / c["with_source"], 4) if c["with_source"] else 0.0,
        "cue_accuracy": round(c["cue_ok"] / c["with_cue"], 4) if c["with_cue"] else 0.0,
        "by_kind": {k: {"predicted": c[f"pred_{k}"], "matched": c[f"match_{k}"]}
                    for k in ("direct", "indirect", "mixed")},
        "gold_recall": {k: round(c[f"match_gold_{k}"] / c[f"gold_{k}"], 4) if c[f"gold_{k}"] else 0.0
                        for k in ("direct", "other")},
    }


def evaluate_quotes(gold_dir: str | Path, settings: Settings | None = None, limit: int | None = None,
                    pipeline=None) -> dict[str, Any]:
    """Run the pipeline (up to the quotes stage) over BRAT gold and score it.

    `gold_dir` holds `text/` and `attributions/`; `limit` scores only the first
    N articles; `pipeline` reuses an already built `Pipeline` (else one is built
    from `settings`). Returns the metrics dict that `format_report` prints.
    """
    from ..pipeline import Pipeline

    gold_dir = Path(gold_dir)
    pairs = gold_files(gold_dir)[:limit]
    if pipeline is None:
        settings = settings or Settings()
        stages = settings.doc_stages
        if "quotes" in stages:
            stages = stages[:stages.index("quotes") + 1]
        pipeline = Pipeline(settings.replace(doc_stages=stages))
    raws = [txt.read_text(encoding="utf-8") for txt, _ in pairs]
    articles = [Article(id=txt.stem, source=str(txt), raw_text=raw, text=raw)
                for (txt, _), raw in zip(pairs, raws, strict=True)]
    total: Counter = Counter()
    realigned = 0
    for (_, ann), raw, article in zip(pairs, raws, pipeline.process(articles), strict=True):
        to_raw = offset_mapper(article.text, raw)
        realigned += article.text != raw
        total += score_article(raw, read_ann(ann), predicted(article.quotes, to_raw))
    metrics = metrics_from(total, len(pairs))
    metrics["realigned_articles"] = realigned
    return metrics


def format_report(metrics: dict[str, Any]) -> str:
    """A plain-text report of `evaluate_quotes` metrics."""
    co, ce = metrics["content_overlap"], metrics["content_exact"]
    lines = [
        f"quotes: {metrics['articles']} articles, {metrics['gold']} gold attributions, "
        f"{metrics['predicted']} predicted",
        f"content (overlap >= {MATCH_THRESHOLD:.0%}): P {co['precision']:.3f}  R {co['recall']:.3f}  F1 {co['f1']:.3f}",
        f"content (exact):          P {ce['precision']:.3f}  R {ce['recall']:.3f}  F1 {ce['f1']:.3f}",
        f"speaker accuracy (matched): {metrics['speaker_accuracy']:.3f}",
        f"cue accuracy (matched):     {metrics['cue_accuracy']:.3f}",
        "by kind (predicted / matched): " + ", ".join(
            f"{k} {v['predicted']}/{v['matched']}" for k, v in metrics["by_kind"].items()),
        "gold recall: " + ", ".join(f"{k} {v:.3f}" for k, v in metrics["gold_recall"].items()),
    ]
    if metrics.get("realigned_articles"):
        lines.append(f"offsets realigned to the gold text in {metrics['realigned_articles']} articles")
    return "\n".join(lines)
