"""Actors, places and dates: who is who in an article, offline.

Public API (other stages code against it):

- `make_stage(ctx)` -> the `actors` doc stage (fills `article.entities`);
- `configure_nlp(nlp, ctx)` adds an entity ruler built from the dictionary
  before spaCy's `ner`, so dictionary names beat the small model's mistakes;
- `entity_for(article, start, end)`: the resolved mention at a char span;
- `resolve_text(text, ctx, article=None)`: any phrase -> coded `Entity`;
- `lookup(name, settings)` and `suggest(rows)` for the CLI;
- `places.resolve_place`, `dates.resolve_date`.

Its accuracy is measured by `eventwire.evaluate.actors`.

The dictionary is data (`actors/data/*.yaml`, see its README); users extend
it with `--actors FILE` (`Settings.actor_files`), loaded last, winning.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from spacy.language import Language

from ..model import Article, Entity
from ..settings import Settings
from .dictionary import ActorDictionary, load_dictionary, norm
from .resolve import resolve_phrase
from .stage import ActorsStage, extract_entities
from .suggestions import suggest_entries

__all__ = ["configure_nlp", "entity_for", "extract_entities", "get_dictionary", "lookup",
           "make_stage", "resolve_text", "suggest"]

RULER_NAME = "eventwire_actor_ruler"


def get_dictionary(ctx) -> ActorDictionary:
    """The dictionary for `ctx.settings.actor_files`, built once per process."""
    files = tuple(ctx.settings.actor_files)
    return ctx.resource(("actors.dictionary", files), lambda: load_dictionary(files))


def make_stage(ctx) -> ActorsStage:
    return ActorsStage(ctx, get_dictionary(ctx))


def configure_nlp(nlp: Language, ctx: Any) -> None:
    """Add the dictionary entity ruler before `ner` (once)."""
    if RULER_NAME in nlp.pipe_names:
        return
    d = get_dictionary(ctx)
    where = {"before": "ner"} if "ner" in nlp.pipe_names else {}
    ruler = nlp.add_pipe("entity_ruler", name=RULER_NAME, config={"overwrite_ents": True}, **where)
    with nlp.select_pipes(enable=[]):  # patterns only need the tokenizer
        ruler.add_patterns(d.patterns)


def entity_for(article: Article, start: int, end: int) -> Entity | None:
    """The resolved mention covering [start, end), else the best one inside it.

    Covering mentions: the shortest (most specific) wins. Mentions inside the
    span: coded before uncoded, then the longest, then the earliest.
    """
    covering = [e for e in article.entities if e.start is not None and e.start <= start and end <= e.end]
    if covering:
        return min(covering, key=lambda e: (e.end - e.start, e.start))
    inside = [e for e in article.entities if e.start is not None and start <= e.start and e.end <= end]
    if inside:
        return min(inside, key=lambda e: (e.code is None, -(e.end - e.start), e.start))
    return None


def resolve_text(text: str, ctx, article: Article | None = None) -> Entity:
    """Resolve any phrase ("Iranian authorities", "the Israeli army", "Hamas").

    With `article`, people already named in it (and their affiliations) are
    used: "Mashal" -> Khaled Mashal. `code` is None when nothing is known.
    """
    d = get_dictionary(ctx)
    date = article.date if article is not None else None
    people = None
    if article is not None:
        people = {}
        for e in article.entities:
            if e.type == "PERSON" and e.name:
                people.setdefault(norm(e.name), e)
                people.setdefault(norm(e.name).split()[-1], e)
    return resolve_phrase(text, d, date, people)


def lookup(name: str, settings: Settings | None = None, limit: int = 10) -> list[dict[str, Any]]:
    """Dictionary records for `name`: exact/alias (case-insensitive), then prefix, then fuzzy."""
    settings = settings or Settings()
    d = load_dictionary(tuple(settings.actor_files))
    key = norm(name)
    out = _records_for(d, key, "exact")
    if out:
        return out[:limit]
    keys = sorted(set(d.actors) | set(d.country_names) | set(d.adjectives) | set(d.capitals))
    prefixed = [k for k in keys if k.startswith(key)] if key else []
    near = difflib.get_close_matches(key, keys, n=limit, cutoff=0.75)
    for k, how in [(k, "prefix") for k in prefixed] + [(k, "fuzzy") for k in near]:
        for rec in _records_for(d, k, how):
            if rec not in out:
                out.append(rec)
    return out[:limit]


def _records_for(d: ActorDictionary, key: str, how: str) -> list[dict[str, Any]]:
    out = []
    for actor in d.actors.get(key, []):
        out.append({**actor.record(), "matched": key, "match": how})
    hit = d.country_code(key)
    if hit is not None:
        c = d.countries[hit[0]]
        out.append({"name": c.name, "type": "GPE", "code": c.code, "capital": c.capital,
                    "adjectives": c.adjectives, "aliases": c.aliases, "geonames_id": c.geonames_id,
                    "matched": key, "match": f"{how} ({hit[1]})", "origin": "countries"})
    return out


def suggest(rows: Iterable[Mapping[str, Any]], min_articles: int = 1,
            settings: Settings | None = None) -> list[dict[str, Any]]:
    """Persons whose affiliation came from the text, aggregated over stored articles.

    `rows` are the store's text-derived person mentions
    (`Store.text_derived_people()`). Returns ready-to-paste `actors:` entries
    (plus `articles`, the number of articles that support each), most
    supported first.
    """
    return suggest_entries(rows, min_articles, settings)
