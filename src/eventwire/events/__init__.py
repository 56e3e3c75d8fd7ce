"""The events stage: PLOVER events from the parse (see docs/events.md).

`make_stage(ctx)` returns the doc stage "events"; it reads the parse, the
actor mentions of the actors stage and the quotes of the quotes stage, and
fills `article.events`. Patterns come from `data/patterns.yaml` plus any
`settings.pattern_files`.
"""

from __future__ import annotations

from typing import Any

from ..model import Article, Event
from .extract import code_doc
from .patterns import Lexicon, load_lexicon

__all__ = ["EventsStage", "lexicon", "main_event", "make_stage"]


def lexicon(ctx: Any) -> Lexicon:
    """The compiled pattern lexicon, built once per context."""
    files = tuple(ctx.settings.pattern_files)
    return ctx.resource(("events.lexicon", files), lambda: load_lexicon(files))


class EventsStage:
    name = "events"
    reads = ("doc", "entities", "quotes")
    writes = ("events",)

    def __init__(self, ctx: Any):
        self.ctx = ctx
        self.lex = lexicon(ctx)

    def __call__(self, article: Article, doc: Any) -> list[Event]:
        return code_doc(article, doc, self.ctx, self.lex)


def make_stage(ctx: Any) -> EventsStage:
    return EventsStage(ctx)


def main_event(article: Article) -> Event | None:
    """The event a one-sentence coder would report: the trigger highest in the parse
    (fewest arcs from the sentence root), then the earliest. Never looks at any gold."""
    if not article.events:
        return None
    depth = article.meta.get("event_depth", {})
    return min(article.events, key=lambda e: (depth.get(e.id, 99), e.trigger.start if e.trigger else 0))
