"""The events stage: PLOVER events from the parse (see docs/events.md).

`make_stage(ctx)` returns the doc stage "events"; it reads the parse, the
actor mentions of the actors stage and the quotes of the quotes stage, and
fills `article.events`. Patterns come from `data/patterns.yaml` plus any
`settings.pattern_files`.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Article, Event
from ..nlp.lexicon import evaluative_table
from ..settings import tuning
from . import agents
from .config import counted, min_confidence
from .extract import code_doc
from .location import locate_events
from .mentions import merge_article
from .patterns import Lexicon, load_lexicon

__all__ = ["EventsStage", "configure_nlp", "lexicon", "main_event", "make_stage"]

PARAGRAPH_COMPONENT = "eventwire_paragraph_breaks"
_HEADLINE_MAX_WORDS = int(tuning("clean.header")["headline_max_words"])


@Language.component(PARAGRAPH_COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence: a title or caption line without a full stop must not be
    parsed as the subject of the first sentence of the body. The parser keeps preset starts."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    # the first line is the headline when it is short and the next line opens with a capital
    # ("Students march in Selvik\nHundreds of students marched ..."): its own sentence too
    first = next((t for t in doc[:-1] if "\n" in t.text or "\n" in t.whitespace_), None)
    if first is not None and first.i < _HEADLINE_MAX_WORDS:
        nxt = doc[first.i + 1] if first.is_space else first.nbor(1)
        if nxt.is_title or nxt.is_upper:
            nxt.is_sent_start = True
    return doc


def configure_nlp(nlp: Language, ctx: Any) -> None:
    """Add the paragraph-break component before the parser (once)."""
    if PARAGRAPH_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")


def lexicon(ctx: Any) -> Lexicon:
    """The compiled pattern lexicon, built once per context."""
    files = tuple(ctx.settings.pattern_files)
    return ctx.resource(("events.lexicon", files), lambda: load_lexicon(files))


class EventsStage:
    name = "events"
    reads = ("doc", "entities", "quotes", "places")
    writes = ("events",)

    def __init__(self, ctx: Any):
        self.ctx = ctx
        self.lex = lexicon(ctx)
        # word tables are read once per process when the stage is built, not on the first article
        evaluative_table()
        agents.noun_senses()
        agents.verb_subjects()

    def __call__(self, article: Article, doc: Doc) -> list[Event]:
        code_doc(article, doc, self.ctx, self.lex)  # events with their calibrated confidence
        locate_events(article, doc)  # event_loc from the article's place mentions (events/location.py)
        return merge_article(article, doc)  # one event per occurrence, last: it compares locations


def make_stage(ctx: Any) -> EventsStage:
    return EventsStage(ctx)


def main_event(article: Article, threshold: float | None = None) -> Event | None:
    """The event a one-sentence coder would report: among the counted events (confidence at
    least `threshold`, default config.toml's `[events] min_confidence`), the trigger highest
    in the parse (fewest arcs from the sentence root), then the earliest. Never looks at any gold."""
    thr = min_confidence() if threshold is None else threshold
    events = [e for e in article.events if counted(e, thr)]
    if not events:
        return None
    depth = article.meta.get("event_depth", {})
    return min(events, key=lambda e: (depth.get(e.id, 99), e.trigger.start if e.trigger else 0))
