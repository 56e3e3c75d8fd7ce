"""The event coder's settings: the counting threshold (`[events]`) and the thresholds of its
rules (`[tuning.events]`) in config.toml."""

from __future__ import annotations

from typing import Any

from ..model import Event, is_counted
from ..settings import Settings, tuning


def events_config() -> dict[str, Any]:
    """The named thresholds of the coder's rules (`[tuning.events]`)."""
    return tuning("events")


def min_confidence(settings: Any = None) -> float:
    """The counting threshold: a run's own setting when it has one, else config.toml's default."""
    value = getattr(settings, "min_confidence", None)
    return float(value if value is not None else Settings().min_confidence)


def counted(event: Event, threshold: float | None) -> bool:
    """An event counts when its confidence reaches the threshold (no confidence = counted)."""
    return is_counted(event.confidence, threshold)
