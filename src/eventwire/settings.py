"""One settings object for the whole run (trafilatura's `Extractor` idea).

Defaults come from `config.toml` beside this file; the CLI and library
callers override fields by keyword.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

CONFIG_PATH = Path(__file__).with_name("config.toml")


@lru_cache(maxsize=1)
def _config() -> dict[str, Any]:
    with CONFIG_PATH.open("rb") as fh:
        return tomllib.load(fh)


def tuning(section: str) -> dict[str, int | float]:
    """The named thresholds of one stage's rules: the `[tuning.<section>]` table of config.toml
    (e.g. `tuning("clean.header")`). A missing table is an error, not an empty default."""
    table: Any = _config()["tuning"]
    for part in section.split("."):
        table = table[part]
    return dict(table)


def _defaults() -> dict:
    cfg = _config()
    return {
        "text_stages": list(cfg["pipeline"]["text_stages"]),
        "doc_stages": list(cfg["pipeline"]["doc_stages"]),
        "model": cfg["nlp"]["model"],
        "batch_size": int(cfg["nlp"]["batch_size"]),
        "max_chars": int(cfg["nlp"]["max_chars"]),
        "max_bytes": int(cfg["ingest"]["max_bytes"]),
        "max_token_chars": int(cfg["ingest"]["max_token_chars"]),
        "db": cfg["store"]["db"],
        "min_confidence": float(cfg["events"]["min_confidence"]),
    }


_DEFAULTS = _defaults()


@dataclass
class Settings:
    """Options for one run. Unknown keys are an error (typos are caught)."""

    model: str = _DEFAULTS["model"]
    batch_size: int = _DEFAULTS["batch_size"]
    max_chars: int = _DEFAULTS["max_chars"]
    max_bytes: int = _DEFAULTS["max_bytes"]
    max_token_chars: int = _DEFAULTS["max_token_chars"]
    db: str = _DEFAULTS["db"]
    text_stages: list[str] = field(default_factory=lambda: list(_DEFAULTS["text_stages"]))
    doc_stages: list[str] = field(default_factory=lambda: list(_DEFAULTS["doc_stages"]))
    # Extra data files users supply without touching code.
    actor_files: list[Path] = field(default_factory=list)
    pattern_files: list[Path] = field(default_factory=list)
    # Reference date for articles without one (ISO); None = leave unresolved.
    default_date: str | None = None
    # Events below this confidence are kept but not counted or shown by default (None = count all).
    min_confidence: float | None = _DEFAULTS["min_confidence"]

    def replace(self, **changes) -> Settings:
        return dataclasses.replace(self, **changes)
