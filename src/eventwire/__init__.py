"""eventwire: political-conflict news -> events, statements and coverage data."""

from __future__ import annotations

__version__ = "0.1.0"

from .model import Article, Cue, Entity, Event, Failure, Label, Place, Quote, Speaker  # noqa: E402
from .settings import Settings  # noqa: E402

__all__ = ["Article", "Cue", "Entity", "Event", "Failure", "Label", "Place", "Quote", "Settings", "Speaker",
           "__version__", "process"]


def process(items, settings=None):
    """Process articles (or ingest failures) through the full pipeline."""
    from .pipeline import process as _process

    return _process(items, settings)
