"""Outlet names: from a URL's domain or a name found in the text, normalised via `data/outlets.yaml`.

A name matches a known outlet when the two agree after `name_key`
(case, spacing, punctuation, a leading "The" and a trailing plural "s"
ignored), or when it is one of the outlet's listed variants. Unknown names are
kept as written; unknown domains are prettified ("tolsk-courier.example" ->
"Tolsk Courier").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from ..datafiles import read_yaml
from ..errors import DataFileError

OUTLETS_FILE = Path(__file__).with_name("data") / "outlets.yaml"
_NON_WORD = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """Comparison key: "The Zero Hedges" and "zero hedge" give the same key."""
    key = _NON_WORD.sub(" ", name.casefold()).strip()
    key = re.sub(r"^the ", "", key).replace(" ", "")
    return key[:-1] if key.endswith("s") and len(key) > 4 else key


@dataclass(frozen=True)
class OutletTable:
    by_domain: dict[str, str]
    by_key: dict[str, str]
    host_prefixes: frozenset[str] = frozenset()  # host labels that name a server, not the outlet ("www")

    def canonical(self, name: str | None) -> str | None:
        """The canonical name of a known outlet, or `name` tidied when unknown."""
        if not name or not name.strip():
            return None
        name = " ".join(name.split()).strip(" .,;:|-–—")
        return self.by_key.get(name_key(name), name) or None

    def from_url(self, url: str | None, prettify: bool = True) -> str | None:
        """The outlet of a URL: a known domain (or parent domain), else the prettified host."""
        host = (urlsplit(url).hostname or "") if url else ""
        if not host:
            return None
        labels = host.lower().split(".")
        for i in range(len(labels) - 1):
            if (found := self.by_domain.get(".".join(labels[i:]))) is not None:
                return found
        return prettify_host(labels, self.host_prefixes) if prettify else None


def prettify_host(labels: list[str], prefixes: frozenset[str] = frozenset()) -> str | None:
    """"www.tolsk-courier.example" -> "Tolsk Courier": the label left of the suffix (after the server
    `prefixes`), title-cased."""
    while len(labels) > 2 and labels[0] in prefixes:
        labels = labels[1:]
    core = labels[0] if len(labels) <= 2 else labels[-3] if len(labels[-2]) <= 3 else labels[-2]
    core = core.replace("-", " ").replace("_", " ").strip()
    return core.title() if core else None


def load_outlets(path: Path = OUTLETS_FILE) -> OutletTable:
    """Read and validate the outlet list; errors name the file and the entry."""
    data = read_yaml(path)
    entries = data.get("outlets")
    if not isinstance(entries, list):
        raise DataFileError(str(path), "expected a list", "outlets")
    by_domain: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for i, entry in enumerate(entries):
        key = f"outlets[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
            raise DataFileError(str(path), f"each outlet needs a non-empty `name`, found {entry!r}", key)
        unknown = set(entry) - {"name", "domains", "variants"}
        if unknown:
            raise DataFileError(str(path), f"unknown fields {sorted(unknown)}", key)
        name = entry["name"].strip()
        for field in ("domains", "variants"):
            values = entry.get(field, [])
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise DataFileError(str(path), f"`{field}` must be a list of non-empty strings", f"{key} ({name})")
        for domain in entry.get("domains", []):
            by_domain[domain.lower().removeprefix("www.")] = name
        for variant in [name, *entry.get("variants", [])]:
            by_key.setdefault(name_key(variant), name)
    prefixes = data.get("host_prefixes", [])
    if not isinstance(prefixes, list) or not all(isinstance(p, str) and p.strip() for p in prefixes):
        raise DataFileError(str(path), "expected a list of host labels", "host_prefixes")
    return OutletTable(by_domain, by_key, frozenset(p.strip().lower() for p in prefixes))


@lru_cache(maxsize=1)
def default_outlets() -> OutletTable:
    return load_outlets()
