"""The one validating loader for the stages' data files (`<stage>/data/*.yaml`).

Every stage reads its YAML through `read_yaml` and checks its lists with the
helpers here, so a bad file fails the same way everywhere: a `DataFileError`
naming the file, the key and what was expected.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any, TypeVar

import yaml

from .errors import DataFileError

# libyaml's safe loader parses ten times faster than the pure-Python one (the actor dictionary is large).
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path | str, empty: dict[str, Any] | None = None, expected: str = "a mapping") -> dict[str, Any]:
    """Parse a YAML data file whose top level is a mapping.

    `empty` is what an empty file stands for (None: an empty file is an error); `expected` describes the
    top level in the error message.
    Raises `DataFileError` naming the file when it cannot be read, is not YAML or is not a mapping.
    """
    try:
        with Path(path).open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_SafeLoader)
    except OSError as exc:
        raise DataFileError(str(path), f"cannot be read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"is not valid YAML: {exc}") from exc
    if data is None and empty is not None:
        return dict(empty)
    if not isinstance(data, dict):
        raise DataFileError(str(path), f"expected {expected} at the top level, found {type(data).__name__}")
    return data


def word_list(path: Path | str, data: dict[str, Any], key: str) -> list[str]:
    """The required non-empty list `data[key]` of distinct strings, lower-cased and space-normalised."""
    if key not in data:
        raise DataFileError(str(path), "missing required key", key)
    items = data[key]
    if not isinstance(items, list) or not items:
        raise DataFileError(str(path), "expected a non-empty list of words", key)
    seen: set[str] = set()
    out: list[str] = []
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise DataFileError(str(path), f"entry {i} is {item!r}, expected a non-empty string", key)
        word = " ".join(item.lower().split())
        if word in seen:
            raise DataFileError(str(path), f"entry {i} {item!r} is listed twice", key)
        seen.add(word)
        out.append(word)
    return out


W = TypeVar("W")


def load_word_classes(cls: type[W], path: Path | str) -> W:
    """A frozen dataclass of closed word classes (`ActorWords`, `EventWords`): each field is the
    required list of the same name in the YAML file, a tuple when the field is typed as one
    (order matters), else a frozenset. A missing or malformed list raises `DataFileError`."""
    data = read_yaml(path)
    values = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        words = word_list(path, data, f.name)
        values[f.name] = tuple(words) if str(f.type).startswith("tuple") else frozenset(words)
    return cls(**values)
