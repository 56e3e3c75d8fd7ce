"""The `[events]` section of config.toml: thresholds of the event coder."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from ..settings import CONFIG_PATH


@cache
def events_config() -> dict[str, Any]:
    with CONFIG_PATH.open("rb") as fh:
        return dict(tomllib.load(fh).get("events", {}))


def min_confidence(settings: Any = None) -> float:
    """The counting threshold: a run's own setting when it has one, else config.toml's default."""
    value = getattr(settings, "min_confidence", None)
    return float(value if value is not None else events_config().get("min_confidence", 0.5))


def counted(event: Any, threshold: float) -> bool:
    """An event counts when its confidence reaches the threshold (no confidence = counted)."""
    return event.confidence is None or event.confidence >= threshold
