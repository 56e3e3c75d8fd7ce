"""Actor country-code accuracy on PLOVER-style gold (the actors stage).

The scoring lives beside the stage in `eventwire.actors.evaluate`; this module
gives it the same shape as the other stages' evaluations (a plain function
returning metrics, plus `format_report`) for `eventwire evaluate`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..actors.evaluate import evaluate_actor_codes, format_report
from ..settings import Settings

__all__ = ["evaluate_actors", "format_report"]


def evaluate_actors(gold: Path | str, settings: Settings | None = None) -> dict[str, Any]:
    """Metrics dict: n, correct, accuracy (crosswalked codes), strict, sources, errors."""
    return evaluate_actor_codes(gold, settings)
