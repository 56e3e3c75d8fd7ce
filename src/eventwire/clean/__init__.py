"""The clean stage: `raw_text` -> `text`, `language`, `removed`.

Nothing is lost: `raw_text` stays as read and every dropped line is recorded
in `article.removed` with its reason and 1-based line number. See
docs/clean.md for the rules and `data/README.md` for the word lists.

Public API:
- `clean_text(raw) -> (text, removed)`: the pure function the stage calls.
- `analyse(raw) -> Cleaned`: the same, plus what the top/bottom lines say
  (title, byline, date line, outlet names); the stage fills the article's
  metadata fields that ingest left empty from it.
- `detect_language(text) -> str`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..ingest.dates import parse_date
from ..ingest.outlets import default_outlets
from ..model import Article, RemovedLine
from ..settings import Settings
from .boilerplate import Line, drop_boilerplate
from .header import Header, analyse_header
from .language import detect_language
from .normalize import normalize_chars
from .rules import default_boilerplate, default_header_rules

__all__ = ["Cleaned", "Header", "analyse", "clean_text", "detect_language", "make_stage"]

DEFAULT_MAX_TOKEN_CHARS = Settings().max_token_chars
_BLANK_RUNS = re.compile(r"\n{3,}")


@dataclass
class Cleaned:
    text: str
    removed: list[RemovedLine]
    header: Header


def _long_token(text: str, limit: int) -> bool:
    return len(text) > limit and any(len(tok) > limit for tok in text.split())


def analyse(raw: str, max_token_chars: int = DEFAULT_MAX_TOKEN_CHARS) -> Cleaned:
    """Clean `raw` and report its header/footer metadata.

    Paragraphs: a blank line and a single newline both stay as they were
    (runs of blank lines become one), so offsets move as little as possible.
    A line holding a token longer than `max_token_chars` with no whitespace
    (base64, minified script) is dropped as `long_token`.
    """
    lines = [Line(i, t) for i, t in enumerate(normalize_chars(raw).split("\n"), start=1)]
    for ln in lines:
        if _long_token(ln.text, max_token_chars):
            ln.reason = "long_token"
    outlets = drop_boilerplate(lines, default_boilerplate())
    header = analyse_header(lines, default_header_rules())
    header.outlets.extend(outlets)
    if header.signature:
        header.outlets.append(header.signature)
    kept = "\n".join("" if ln.reason else ln.text for ln in lines)
    text = _BLANK_RUNS.sub("\n\n", kept).strip("\n")
    removed = [RemovedLine(text=ln.text, reason=ln.reason, line_no=ln.no) for ln in lines if ln.reason]
    return Cleaned(text, removed, header)


def clean_text(raw: str, max_token_chars: int = DEFAULT_MAX_TOKEN_CHARS) -> tuple[str, list[RemovedLine]]:
    """The cleaned body of `raw` and the lines dropped from it (with reason and line number)."""
    cleaned = analyse(raw, max_token_chars)
    return cleaned.text, cleaned.removed


def fill_metadata(article: Article, header: Header) -> None:
    """Fill what ingest's container did not give from the text's own lines.

    Outlet precedence: given > known URL domain (both set by ingest) > byline >
    boilerplate mention ("Sign Up For The X Newsletter") > signature line >
    prettified URL host.
    """
    outlets = default_outlets()
    article.title = article.title or header.title
    article.byline = article.byline or header.byline
    article.date = article.date or parse_date(header.date_text)
    if article.outlet is None:
        article.outlet = next((outlets.canonical(o) for o in header.outlets), None) or outlets.from_url(article.url)
    if header.wire:
        article.meta["wire"] = outlets.canonical(header.wire)


class CleanStage:
    """Text stage: fills `text`, `language` and `removed` from `raw_text`, and the metadata left empty."""

    name = "clean"
    reads = ("raw_text",)
    writes = ("text", "language", "removed", "title", "byline", "date", "outlet")

    def __init__(self, settings: Settings):
        self.max_token_chars = settings.max_token_chars

    def __call__(self, article: Article) -> None:
        cleaned = analyse(article.raw_text, self.max_token_chars)
        article.text, article.removed = cleaned.text, cleaned.removed
        article.language = detect_language(article.text)
        fill_metadata(article, cleaned.header)
        if not article.text.strip():  # stored with this failure, never coded
            reasons = sorted({r.reason for r in cleaned.removed}) or ["blank"]
            raise InputError(article.source, f"no article text: every line was dropped ({', '.join(reasons)})")


def make_stage(ctx) -> CleanStage:
    return CleanStage(ctx.settings)
