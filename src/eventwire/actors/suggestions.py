"""`eventwire actors suggest`: dictionary entries proposed from stored articles.

A person the dictionary does not know, whose organisation the text gave
("a Vostran army spokesman, Ilya Dorn"), is stored with `source =
'apposition'` (and the later short mentions with `coref`). Aggregated over
articles, the most frequent affiliation per name becomes a ready-to-paste
`actors:` entry; names the dictionary already knows are left out.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from ..settings import Settings
from .dictionary import load_dictionary, norm


def suggest_entries(rows: Iterable[Mapping[str, Any]], min_articles: int = 1,
                    settings: Settings | None = None) -> list[dict[str, Any]]:
    """Aggregate text-derived person mentions (rows of name, entity_text, org, code, sector,
    article_id, as `Store.text_derived_people()` returns them) into dictionary entries."""
    d = load_dictionary(tuple((settings or Settings()).actor_files))
    by_name: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in rows:
        by_name[row["name"]].append(row)
    out = []
    for name, group in by_name.items():
        if norm(name) in d.actors:
            continue
        articles = {r["article_id"] for r in group}
        if len(articles) < min_articles:
            continue
        affil = Counter((r["org"], r["code"], r["sector"]) for r in group if r["code"] or r["org"])
        if not affil:
            continue
        (org, code, sector), _ = affil.most_common(1)[0]
        entry: dict[str, Any] = {"name": name, "type": "PERSON"}
        for key, value in (("org", org), ("code", code), ("sector", sector)):
            if value:
                entry[key] = value
        aliases = sorted({r["entity_text"] for r in group if norm(r["entity_text"]) != norm(name)})
        if aliases:
            entry["aliases"] = aliases
        entry["articles"] = len(articles)
        out.append(entry)
    out.sort(key=lambda e: (-e["articles"], e["name"]))
    return out
