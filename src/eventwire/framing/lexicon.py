"""Loading the framing lexicons (`data/*.yaml`) through one validating loader.

`descriptors.yaml` holds the head nouns and modifiers that make a noun phrase
a label; `loaded.yaml` the evaluative and emotive terms, intensifiers,
distancing words and attribution cues. Errors name the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..datafiles import read_yaml, word_list
from ..errors import DataFileError

DATA_DIR = Path(__file__).with_name("data")
HEAD_CATEGORIES = ("group", "person", "state")
LOADED_CATEGORIES = ("evaluative", "emotive", "intensifier", "distancing")


@dataclass(frozen=True)
class Head:
    word: str
    category: str  # group | person | state
    bare: bool  # labels without a modifier ("the regime")


@dataclass(frozen=True)
class FramingLexicon:
    heads: dict[str, Head]  # lower-cased word (may be two words) -> Head
    modifiers: dict[str, str]  # lower-cased modifier -> category
    sponsor_suffixes: frozenset[str]  # "backed" in "Vostra-backed"
    neutral_modifiers: frozenset[str]
    loaded: dict[str, str]  # lower-cased term (one or more words) -> category
    attribution_cues: frozenset[str]  # lemmas or word sequences

    @property
    def max_loaded_words(self) -> int:
        return max(len(term.split()) for term in self.loaded)


def _entries(path: Path, data: dict[str, Any], key: str, fields: dict[str, type]) -> list[dict[str, Any]]:
    """A required list of mappings, each with exactly `fields` of the given types."""
    items = data.get(key)
    if not isinstance(items, list) or not items:
        raise DataFileError(str(path), "expected a non-empty list of entries", key)
    for i, item in enumerate(items):
        if not isinstance(item, dict) or set(item) != set(fields):
            raise DataFileError(str(path), f"entry {i} is {item!r}, expected keys {sorted(fields)}", key)
        for name, kind in fields.items():
            if not isinstance(item[name], kind) or (kind is str and not item[name].strip()):
                raise DataFileError(str(path), f"entry {i} field {name!r} is {item[name]!r}, "
                                               f"expected {kind.__name__}", key)
    return items


def _load_descriptors(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    heads: dict[str, Head] = {}
    for i, entry in enumerate(_entries(path, data, "heads", {"word": str, "category": str, "bare": bool})):
        word = " ".join(entry["word"].lower().split())
        if entry["category"] not in HEAD_CATEGORIES:
            raise DataFileError(str(path), f"entry {i} ({word}) has category {entry['category']!r}, "
                                           f"expected one of {list(HEAD_CATEGORIES)}", "heads")
        if word in heads:
            raise DataFileError(str(path), f"entry {i} {word!r} is listed twice", "heads")
        heads[word] = Head(word, entry["category"], entry["bare"])
    modifiers: dict[str, str] = {}
    for i, entry in enumerate(_entries(path, data, "modifiers", {"word": str, "category": str})):
        word = entry["word"].lower().strip()
        if word in modifiers:
            raise DataFileError(str(path), f"entry {i} {word!r} is listed twice", "modifiers")
        modifiers[word] = entry["category"]
    return {"heads": heads, "modifiers": modifiers,
            "sponsor_suffixes": frozenset(word_list(path, data, "sponsor_suffixes")),
            "neutral_modifiers": frozenset(word_list(path, data, "neutral_modifiers"))}


def _load_loaded(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    unknown = set(data) - set(LOADED_CATEGORIES) - {"attribution_cues"}
    if unknown:
        raise DataFileError(str(path), f"unknown keys {sorted(unknown)}; expected {list(LOADED_CATEGORIES)} "
                                       f"and attribution_cues")
    loaded: dict[str, str] = {}
    for category in LOADED_CATEGORIES:
        for term in word_list(path, data, category):
            if term in loaded:
                raise DataFileError(str(path), f"{term!r} is also listed under {loaded[term]}", category)
            loaded[term] = category
    return {"loaded": loaded, "attribution_cues": frozenset(word_list(path, data, "attribution_cues"))}


def load_lexicon(data_dir: Path = DATA_DIR) -> FramingLexicon:
    """Read and validate `descriptors.yaml` and `loaded.yaml` from `data_dir`."""
    return FramingLexicon(**_load_descriptors(data_dir / "descriptors.yaml"),
                          **_load_loaded(data_dir / "loaded.yaml"))
