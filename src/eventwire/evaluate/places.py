"""Score place mentions (`Article.places`) against a toponym gold (eval/places_gold).

The gold (`places.jsonl`, see its README) lists every toponym of a set of
articles with its GeoNames id and coordinates. A gold toponym is *found* when
a predicted place overlaps its span, and *right* when that place's GeoNames id
equals the gold id or its coordinates lie within 161 km (100 miles), the
standard of the geoparsing literature. Misses count as errors:

- `accuracy_161km`: right / all gold toponyms;
- `found`: found / all gold toponyms;
- `precision`: resolved predicted places that are right / all resolved predicted places;
- `spurious`: predicted places over no gold toponym, and among them
  `demonyms` (a country adjective recorded as a place).

Texts are read from the shared reference folder (`shared`, default the
`shared` folder beside the repository): `gold/polnear-dev/text/NAME.txt` for
the set `polnear-dev` (gold offsets index the file; predicted offsets into
the cleaned text are mapped back), `corpus/seeds/NAME.txt` for `seeds`
(gold offsets index the cleaned text).
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..errors import DataFileError, InputError
from ..model import Article
from ..settings import Settings
from .jsonl import read_jsonl

RADIUS_KM = 161.0
_SETS = {"polnear-dev": ("gold/polnear-dev/text", False), "seeds": ("corpus/seeds", True)}


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold records of a folder (`places.jsonl`) or a file."""
    file = path / "places.jsonl" if path.is_dir() else path
    if not file.is_file():
        raise InputError(str(file), "no places gold file")
    return read_jsonl(file, ("set", "article", "start", "end", "lat", "lon"))


def default_shared(gold: Path) -> Path:
    env = os.environ.get("EVENTWIRE_SHARED")
    if env:
        return Path(env)
    root = gold.resolve().parent.parent if gold.is_dir() else gold.resolve().parent.parent.parent
    return root.parent / "shared"


def evaluate_places(gold: str | Path, settings: Settings | None = None, shared: str | Path | None = None
                    ) -> dict[str, Any]:
    """Run the pipeline over the gold's articles and score their places."""
    from ..evaluate.quotes import offset_mapper
    from ..pipeline import Pipeline

    gold = Path(gold)
    records = read_gold(gold)
    shared = Path(shared) if shared else default_shared(gold)
    wanted = sorted({(r["set"], r["article"]) for r in records})
    articles, raws = [], {}
    for set_name, name in wanted:
        if set_name not in _SETS:
            raise DataFileError(str(gold), f"unknown set {set_name!r} (one of {sorted(_SETS)})")
        file = shared / _SETS[set_name][0] / f"{name}.txt"
        if not file.is_file():
            raise InputError(str(file), "text of a gold article is missing (pass --shared)")
        raw = file.read_text(encoding="utf-8")
        raws[name] = raw
        articles.append(Article(id=name, source=str(file), raw_text=raw))
    done = {a.id: a for a in Pipeline(settings or Settings()).process(articles)}
    predicted = []
    for set_name, name in wanted:
        art = done.get(name)
        if art is None:
            continue
        cleaned_offsets = _SETS[set_name][1]
        to_raw = (lambda i: i) if cleaned_offsets else offset_mapper(art.text, raws[name])
        for p in art.places:
            if p.start is None:
                continue
            predicted.append({"article": name, "start": to_raw(p.start), "end": to_raw(p.end), "text": p.text,
                              "name": p.name, "geonames_id": p.geonames_id, "lat": p.lat, "lon": p.lon,
                              "via": p.via})
    metrics = score(predicted, records)
    metrics.update({"gold": str(gold), "articles": len(wanted)})
    return metrics


def _right(p: dict[str, Any], g: dict[str, Any]) -> bool:
    from ..actors.places import distance_km

    if p.get("geonames_id") is not None and p["geonames_id"] == g.get("geonames_id"):
        return True
    if p.get("lat") is None or g.get("lat") is None:
        return False
    return distance_km(p["lat"], p["lon"], g["lat"], g["lon"]) <= RADIUS_KM


def score(predicted: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, Any]:
    """The metrics of the module docstring, plus the errors to read."""
    from ..actors.dictionary import load_dictionary, norm

    d = load_dictionary()
    adjectives = {k for k in d.adjectives if k not in d.country_names}
    by_article: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in predicted:
        by_article[p["article"]].append(p)
    right = found = 0
    wrong, missed = [], []
    used: set[int] = set()
    for g in gold:
        over = [p for p in by_article[g["article"]] if p["start"] < g["end"] and g["start"] < p["end"]]
        used.update(id(p) for p in over)
        if not over:
            missed.append(g)
            continue
        found += 1
        if any(_right(p, g) for p in over):
            right += 1
        else:
            wrong.append({"gold": g, "predicted": over[0]})
    resolved = [p for p in predicted if p.get("lat") is not None]
    resolved_right = 0
    for p in resolved:
        gs = [g for g in gold if g["article"] == p["article"] and p["start"] < g["end"] and g["start"] < p["end"]]
        if any(_right(p, g) for g in gs):
            resolved_right += 1
    spurious = [p for p in predicted if id(p) not in used]
    demonyms = [p for p in spurious if norm(p["text"]) in adjectives]
    n = len(gold)
    return {
        "gold_toponyms": n, "predicted": len(predicted), "resolved": len(resolved),
        "accuracy_161km": right / n if n else 0.0,
        "found": found / n if n else 0.0,
        "precision": resolved_right / len(resolved) if resolved else 0.0,
        "spurious": len(spurious), "demonyms": len(demonyms),
        "wrong": wrong, "missed": missed, "spurious_places": spurious,
    }


def format_report(metrics: dict[str, Any]) -> str:
    """A short text report of `evaluate_places`' result."""
    lines = [f"places: {metrics['articles']} articles, {metrics['gold_toponyms']} gold toponyms, "
             f"{metrics['predicted']} predicted ({metrics['resolved']} resolved)",
             f"accuracy@161km {metrics['accuracy_161km']:.3f}  found {metrics['found']:.3f}  "
             f"precision {metrics['precision']:.3f}  spurious {metrics['spurious']}  demonyms {metrics['demonyms']}"]
    for w in metrics["wrong"]:
        g, p = w["gold"], w["predicted"]
        lines.append(f"  wrong: {g['article'][:24]}@{g['start']} {g['name']} <- {p['text']!r} -> {p['name']} "
                     f"({p['via']})")
    for g in metrics["missed"]:
        lines.append(f"  missed: {g['article'][:24]}@{g['start']} {g['name']}")
    for p in metrics["spurious_places"]:
        lines.append(f"  spurious: {p['article'][:24]}@{p['start']} {p['text']!r} -> {p['name']} ({p['via']})")
    return "\n".join(lines)
