"""Validating loader for the actor data files (YAML or TSV).

Every shipped or user-supplied file goes through `load_file`, which returns
plain validated dicts grouped by section (`actors`, `countries`, `places`,
`institutions`). Errors raise `DataFileError` naming the file and the entry
(`actors[3].aliases`), so a user can fix a file without a debugger.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ..datafiles import read_yaml
from ..errors import DataFileError

SECTIONS = ("actors", "countries", "places", "institutions", "groups")
ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
PLACE_LEVELS = ("country", "region", "city", "site")
SECTORS = frozenset(
    "COP GOV JUD LEG MIL PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split()
)

# field -> (type, required); "list" means a list of strings.
_SCHEMAS: dict[str, dict[str, tuple[str, bool]]] = {
    "actors": {
        "name": ("str", True), "type": ("str", True), "code": ("str", False), "sector": ("str", False),
        "wikidata_id": ("str", False), "aliases": ("list", False), "org": ("str", False),
        "office": ("str", False), "roles": ("roles", False), "ruler": ("bool", False),
    },
    "countries": {
        "code": ("str", True), "name": ("str", False), "adjectives": ("list", False), "demonyms": ("list", False),
        "aliases": ("list", False), "capital": ("str", False), "wikidata_id": ("str", False),
        "replaces": ("str", False), "obsolete": ("bool", False),
    },
    "places": {
        "name": ("str", True), "code": ("str", True), "level": ("str", True), "lat": ("float", False),
        "lon": ("float", False), "geonames_id": ("int", False), "aliases": ("list", False),
    },
    "institutions": {
        "sector": ("str", True), "words": ("list", True), "generic": ("bool", False),
        "plural_people": ("bool", False),
    },
    "groups": {"name": ("str", True), "words": ("list", True), "code": ("str", False), "sector": ("str", False),
               "region": ("bool", False)},
}
_ROLE_FIELDS = {"office", "org", "code", "sector", "from", "to"}


def load_file(path: Path | str) -> dict[str, list[dict[str, Any]]]:
    """Read one YAML or TSV file; return its validated sections."""
    path = Path(path)
    if not path.is_file():
        raise DataFileError(str(path), "file not found")
    if path.suffix.lower() in (".tsv", ".txt"):
        raw = {"actors": _read_tsv(path)}
    elif path.suffix.lower() in (".yaml", ".yml"):
        raw = read_yaml(path, empty={}, expected=f"a mapping with keys {SECTIONS}")
    else:
        raise DataFileError(str(path), "expected a .yaml, .yml or .tsv file")
    unknown = set(raw) - set(SECTIONS)
    if unknown:
        raise DataFileError(str(path), f"unknown section(s) {sorted(unknown)}; expected {SECTIONS}")
    out: dict[str, list[dict[str, Any]]] = {}
    for section in SECTIONS:
        entries = raw.get(section) or []
        if not isinstance(entries, list):
            raise DataFileError(str(path), "must be a list of entries", key=section)
        out[section] = [_validate(path, section, i, e) for i, e in enumerate(entries)]
    return out


def _read_tsv(path: Path) -> list[dict[str, Any]]:
    """TSV with a header row; columns are actor fields, aliases separated by `|`."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    out = []
    for row in rows:
        entry = {k.strip(): (v or "").strip() for k, v in row.items() if k and (v or "").strip()}
        if "aliases" in entry:
            entry["aliases"] = [a.strip() for a in entry["aliases"].split("|") if a.strip()]
        out.append(entry)
    return out


def _validate(path: Path, section: str, index: int, entry: Any) -> dict[str, Any]:
    where = f"{section}[{index}]"
    if not isinstance(entry, dict):
        raise DataFileError(str(path), f"entry must be a mapping, found {type(entry).__name__}", key=where)
    schema = _SCHEMAS[section]
    unknown = set(entry) - set(schema)
    if unknown:
        raise DataFileError(str(path), f"unknown field(s) {sorted(unknown)}; allowed {sorted(schema)}", key=where)
    clean: dict[str, Any] = {}
    for field, (kind, required) in schema.items():
        value = entry.get(field)
        if value is None or value == "":
            if required:
                raise DataFileError(str(path), f"missing required field {field!r}", key=where)
            continue
        clean[field] = _coerce(path, f"{where}.{field}", kind, value)
    _check_codes(path, section, where, clean)
    return clean


def _coerce(path: Path, key: str, kind: str, value: Any) -> Any:
    try:
        if kind == "str":
            if isinstance(value, (dict, list)):
                raise TypeError("expected a string")
            return str(value).strip()
        if kind == "list":
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
                raise TypeError("expected a list of strings")
            return [str(v).strip() for v in value if str(v).strip()]
        if kind == "float":
            return float(value)
        if kind == "int":
            return int(value)
        if kind == "bool":
            if not isinstance(value, bool):
                raise TypeError("expected true or false")
            return value
        if kind == "roles":
            return _roles(value)
    except (TypeError, ValueError) as exc:
        raise DataFileError(str(path), f"{exc} (found {value!r})", key=key) from exc
    raise AssertionError(kind)  # unreachable: schemas only use the kinds above


def _roles(value: Any) -> list[dict[str, str]]:
    if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
        raise TypeError("expected a list of mappings with office/org/code/sector/from/to")
    roles = []
    for role in value:
        bad = set(role) - _ROLE_FIELDS
        if bad:
            raise TypeError(f"unknown role field(s) {sorted(bad)}; allowed {sorted(_ROLE_FIELDS)}")
        roles.append({k: str(v) for k, v in role.items() if v is not None})
    return roles


def _check_codes(path: Path, section: str, where: str, entry: dict[str, Any]) -> None:
    sector = entry.get("sector")
    if sector and sector not in SECTORS:
        raise DataFileError(str(path), f"unknown PLOVER sector {sector!r}; one of {sorted(SECTORS)}",
                            key=f"{where}.sector")
    for role in entry.get("roles", []):
        if role.get("sector") and role["sector"] not in SECTORS:
            raise DataFileError(str(path), f"unknown PLOVER sector {role['sector']!r}", key=f"{where}.roles")
    if section == "actors" and entry["type"] not in ACTOR_TYPES:
        raise DataFileError(str(path), f"type must be one of {ACTOR_TYPES}, found {entry['type']!r}",
                            key=f"{where}.type")
    if section == "places" and entry["level"] not in PLACE_LEVELS:
        raise DataFileError(str(path), f"level must be one of {PLACE_LEVELS}, found {entry['level']!r}",
                            key=f"{where}.level")
    code = entry.get("code")
    if code and not (code.isalnum() and code.isupper() and 2 <= len(code) <= 6):
        raise DataFileError(str(path), f"code must be 2-6 upper-case letters/digits, found {code!r}",
                            key=f"{where}.code")
