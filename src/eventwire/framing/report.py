"""The outlet report: how each outlet covered and framed the stored events.

`outlet_report(store)` gives, per outlet (article.outlet; "(unknown outlet)"
when ingest found none):
- `labels`: actor -> every descriptor label attached to it, with text,
  offsets, article id and voice (writer, or the quoted speaker);
- `scare_quotes`: each with text, offsets and article id;
- `loaded`: writer-voice loaded words: their count and rate per 1,000
  words, `strength` (the sum of their strengths) and its rate per 1,000
  words, and the terms ranked by total strength (each with its count and
  strongest use); descriptors are not counted here;
- `statements`: quotes per side (the speaker's organisation, else country
  code, else "unknown") and each side's share;
- coverage figures: `first_day`, `last_day`, `events` (counted events),
  `event_types` (counted events per type), `clusters`, `quotes` (statements
  counted), `writer_labels` (labels in the outlet's own voice);
- `clusters_covered`: clusters with an event from the outlet's articles;
  `clusters_missed`: clusters at least `MISSED_MIN_OUTLETS` other outlets
  reported and this one did not.
Syndicated copies (`duplicate_of` set) are listed under `republished` and
left out of every count, so a wire story is not counted twice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from typing import Any

from ..model import Article, is_counted
from ..settings import tuning
from .cluster import load_articles

UNKNOWN_OUTLET = "(unknown outlet)"
MISSED_MIN_OUTLETS = int(tuning("framing.cluster")["missed_min_outlets"])  # see config.toml
_WORD = re.compile(r"\w+")


def _side(quote) -> str:
    sp = quote.speaker
    if sp is None:
        return "unknown"
    return sp.org or sp.code or "unknown"


def _label_row(article: Article, lab) -> dict[str, Any]:
    return {"text": lab.text, "start": lab.start, "end": lab.end, "article_id": article.id, "voice": lab.voice}


def _outlet_block(articles: list[Article], acts: tuple[str, ...] = ("speech",)) -> dict[str, Any]:
    labels: dict[str, list[dict[str, Any]]] = defaultdict(list)
    scare, loaded_terms = [], Counter()
    term_strength: Counter[str] = Counter()
    term_max: dict[str, float] = {}
    statements: Counter[str] = Counter()
    words = 0
    for article in articles:
        words += len(_WORD.findall(article.text))
        for lab in article.labels:
            if lab.kind == "descriptor" and lab.actor:
                labels[lab.actor].append(_label_row(article, lab))
            elif lab.kind == "scare_quote":
                scare.append({k: v for k, v in _label_row(article, lab).items() if k != "voice"})
            elif lab.kind == "loaded" and lab.voice == "writer":
                term = lab.text.lower()
                loaded_terms[term] += 1
                term_strength[term] += lab.strength or 0.0
                term_max[term] = max(term_max.get(term, 0.0), lab.strength or 0.0)
        statements.update(_side(q) for q in article.quotes if q.act in acts)  # speech unless asked
    total = sum(statements.values())
    loaded = sum(loaded_terms.values())
    events = [ev for a in articles for ev in a.events]
    days = sorted(a.date[:10] for a in articles if a.date)
    strength = sum(term_strength.values())
    ranked = sorted(loaded_terms, key=lambda t: (-term_strength[t], t))
    return {
        "articles": [a.id for a in articles],
        "words": words,
        "first_day": days[0] if days else None,
        "last_day": days[-1] if days else None,
        "events": len(events),
        "event_types": dict(sorted(Counter(ev.event for ev in events).items(), key=lambda kv: (-kv[1], kv[0]))),
        "clusters": len({ev.cluster_id for ev in events if ev.cluster_id}),
        "quotes": total,
        "writer_labels": sum(1 for a in articles for lab in a.labels if lab.voice == "writer"),
        "labels": dict(sorted(labels.items())),
        "scare_quotes": scare,
        "loaded": {"count": loaded, "per_1000_words": round(1000 * loaded / words, 2) if words else 0.0,
                   "strength": round(strength, 3),
                   "strength_per_1000_words": round(1000 * strength / words, 2) if words else 0.0,
                   "terms": {t: {"count": loaded_terms[t], "strength": round(term_strength[t], 3),
                                 "max_strength": term_max[t]} for t in ranked}},
        "statements": dict(statements.most_common()),
        "statement_share": {side: round(n / total, 3) for side, n in statements.most_common()} if total else {},
    }


def build_report(articles: list[Article], acts: tuple[str, ...] = ("speech",)) -> dict[str, Any]:
    """The outlet report over processed articles (with `duplicate_of` and event `cluster_id`s set)."""
    originals = [a for a in articles if not a.duplicate_of]
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for a in originals:
        by_outlet[a.outlet or UNKNOWN_OUTLET].append(a)
    cluster_outlets: dict[str, set[str]] = defaultdict(set)
    for a in originals:
        for ev in a.events:
            if ev.cluster_id:
                cluster_outlets[ev.cluster_id].add(a.outlet or UNKNOWN_OUTLET)
    copies: dict[str, list[dict[str, str]]] = defaultdict(list)
    for a in articles:
        if a.duplicate_of:
            copies[a.outlet or UNKNOWN_OUTLET].append({"article_id": a.id, "duplicate_of": a.duplicate_of})
    outlets = {}
    for outlet in sorted(set(by_outlet) | set(copies)):  # an outlet that only republished still appears
        arts = by_outlet.get(outlet, [])
        block = _outlet_block(arts, acts)
        block["clusters_covered"] = sorted({ev.cluster_id for a in arts for ev in a.events if ev.cluster_id})
        block["clusters_missed"] = sorted(c for c, outs in cluster_outlets.items()
                                          if outlet not in outs and len(outs) >= MISSED_MIN_OUTLETS)
        block["republished"] = copies.get(outlet, [])
        outlets[outlet] = block
    shared = {c: sorted(outs) for c, outs in sorted(cluster_outlets.items()) if len(outs) > 1}
    return {"outlets": outlets, "shared_clusters": shared, "articles": len(articles),
            "duplicates": sum(1 for a in articles if a.duplicate_of)}


def outlet_report(store: Any, acts: tuple[str, ...] = ("speech",),
                  min_confidence: float | None = None) -> dict[str, Any]:
    """The outlet report over everything in `store` (see the module docstring); `statements` count the
    statements whose act is in `acts` (speech by default); only events counted at `min_confidence`
    (None: every event) make the clusters covered and missed."""
    articles = load_articles(store)
    for a in articles:
        a.events = [e for e in a.events if is_counted(e.confidence, min_confidence)]
    return build_report(articles, acts)


def format_report(report: dict[str, Any]) -> str:
    """Plain text (no markup, safe to print with rich) of `outlet_report`'s result."""
    lines = [f"{report['articles']} articles, {report['duplicates']} syndicated copies, "
             f"{len(report['shared_clusters'])} events reported by more than one outlet"]
    for outlet, block in report["outlets"].items():
        lines += ["", f"== {outlet} ({len(block['articles'])} articles, {block['words']} words)"]
        for r in block["republished"]:
            lines.append(f"  republished {r['article_id']} (copy of {r['duplicate_of']})")
        for actor, rows in block["labels"].items():
            lines.append(f"  {actor}:")
            for r in rows:
                who = "writer" if r["voice"] == "writer" else f"quoting {r['voice']}"
                lines.append(f"    \"{r['text']}\" [{who}] {r['article_id']}@{r['start']}-{r['end']}")
        if block["scare_quotes"]:
            lines.append("  scare quotes: " + ", ".join(f"'{s['text']}' ({s['article_id']}@{s['start']})"
                                                        for s in block["scare_quotes"]))
        loaded = block["loaded"]
        terms = ", ".join(f"{t} x{v['count']} ({v['max_strength']:.2f})" if v["count"] > 1
                          else f"{t} ({v['max_strength']:.2f})" for t, v in loaded["terms"].items())
        lines.append(f"  loaded language: {loaded['count']} words, strength {loaded['strength']:.2f} "
                     f"({loaded['strength_per_1000_words']} per 1,000 words)" + (f": {terms}" if terms else ""))
        if block["statement_share"]:
            shares = block["statement_share"].items()
            lines.append("  statements by side: " + ", ".join(
                f"{side} {block['statements'][side]} ({share:.0%})" for side, share in shares))
        lines.append(f"  clusters covered: {len(block['clusters_covered'])}; missed (reported by "
                     f">= {MISSED_MIN_OUTLETS} others): {', '.join(block['clusters_missed']) or 'none'}")
    return "\n".join(lines)
