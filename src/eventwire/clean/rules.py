"""The clean stage's rules (`data/*.yaml`: line patterns, header rules, word lists), loaded and
validated in one place.

Errors name the file and the key (`DataFileError`), so a bad entry in a list a
linguist edits can be fixed without a debugger. See `data/README.md`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import read_yaml
from ..errors import DataFileError

DATA_DIR = Path(__file__).with_name("data")
BOILERPLATE_FILE = DATA_DIR / "boilerplate.yaml"
HEADER_FILE = DATA_DIR / "header.yaml"


@dataclass(frozen=True)
class LinePattern:
    """One whole-line pattern: `name` is recorded as the reason of each line it removes."""

    name: str
    regex: re.Pattern[str]
    comment: str
    end_marker: bool = False
    tail_only: bool = False


@dataclass(frozen=True)
class HeaderRules:
    bylines: tuple[LinePattern, ...]
    date_lines: tuple[LinePattern, ...]
    datelines: tuple[LinePattern, ...]
    role_words: frozenset[str]
    connectors: frozenset[str]


def _pattern(path: Path, key: str, entry: Any, flags: int, macros: dict[str, str] | None = None) -> LinePattern:
    if not isinstance(entry, dict):
        raise DataFileError(str(path), f"expected a mapping, found {entry!r}", key)
    for field in ("name", "pattern", "comment"):
        if not isinstance(entry.get(field), str) or not entry[field].strip():
            raise DataFileError(str(path), f"missing or empty string field {field!r}", key)
    unknown = set(entry) - {"name", "pattern", "comment", "end_marker", "tail_only"}
    if unknown:
        raise DataFileError(str(path), f"unknown fields {sorted(unknown)}", key)
    source = entry["pattern"]
    for macro, expansion in (macros or {}).items():
        source = source.replace(macro, expansion)
    try:
        regex = re.compile(source, flags)
    except re.error as exc:
        raise DataFileError(str(path), f"bad regular expression {entry['pattern']!r}: {exc}", key) from exc
    return LinePattern(entry["name"], regex, entry["comment"], bool(entry.get("end_marker", False)),
                       bool(entry.get("tail_only", False)))


def _patterns(path: Path, data: dict[str, Any], key: str, flags: int, macros: dict[str, str] | None = None) -> tuple:
    entries = data.get(key)
    if not isinstance(entries, list) or not entries:
        raise DataFileError(str(path), "expected a non-empty list", key)
    return tuple(_pattern(path, f"{key}[{i}]", e, flags, macros) for i, e in enumerate(entries))


def _macro(path: Path, data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        raise DataFileError(str(path), "expected a regular expression string", key)
    try:
        re.compile(value)
    except re.error as exc:
        raise DataFileError(str(path), f"bad regular expression: {exc}", key) from exc
    return f"(?:{value})"


def _words(path: Path, data: dict[str, Any], key: str) -> frozenset[str]:
    words = data.get(key)
    if not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
        raise DataFileError(str(path), "expected a list of non-empty strings", key)
    return frozenset(w.strip().lower() for w in words)


def load_not_outlets(path: Path = BOILERPLATE_FILE) -> frozenset[str]:
    """Words that only name a page element ("our", "daily"), never an outlet a boilerplate line names."""
    return _words(path, read_yaml(path), "not_outlets")


def load_boilerplate(path: Path = BOILERPLATE_FILE) -> tuple[LinePattern, ...]:
    """The boilerplate line patterns (case-insensitive whole-line matches)."""
    return _patterns(path, read_yaml(path), "patterns", re.IGNORECASE)


def load_header_rules(path: Path = HEADER_FILE) -> HeaderRules:
    """Byline, date-line and caption rules for the top and bottom of an article."""
    data = read_yaml(path)
    macros = {"NAME": _macro(path, data, "name_pattern"), "DATE": _macro(path, data, "date_pattern")}
    return HeaderRules(
        bylines=_patterns(path, data, "bylines", 0, macros),
        date_lines=_patterns(path, data, "date_lines", re.IGNORECASE, macros),
        datelines=_patterns(path, data, "datelines", 0, macros),
        role_words=_words(path, data, "caption_role_words"),
        connectors=_words(path, data, "name_connectors"),
    )


@lru_cache(maxsize=1)
def default_boilerplate() -> tuple[LinePattern, ...]:
    return load_boilerplate()


@lru_cache(maxsize=1)
def default_not_outlets() -> frozenset[str]:
    return load_not_outlets()


@lru_cache(maxsize=1)
def default_header_rules() -> HeaderRules:
    return load_header_rules()
