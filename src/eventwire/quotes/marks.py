"""Finding quoted spans by their quotation marks, in any common style.

Handles “curly”, "straight", «guillemets», „German“ (or „Polish”) double
quotes and ‘single’ / 'straight single' quotes, one paragraph at a time.
Single marks inside an open double quote are nested quotes and are not
reported separately. A double quote still open at the end of a paragraph
is closed there: news style opens every paragraph of a multi-paragraph quote
and closes only the last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Opening double mark -> the marks that may close it.
DOUBLE_PAIRS = {
    "“": "”\"",
    "„": "“”\"",
    "«": "»",
    "‟": "”",
    '"': '"”',
}
SINGLE_PAIRS = {"‘": "’'", "'": "'’", "‚": "‘’", "‹": "›"}
_PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted passage: `start`/`end` is the content without the marks."""

    mark_start: int  # offset of the opening mark
    start: int
    end: int
    mark_end: int  # offset after the closing mark (== end when unclosed)
    closed: bool = True
    single: bool = False
    at_paragraph_start: bool = False  # the opening mark begins its paragraph


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _single_can_open(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not _is_word(before) and (after.isalnum() or after in "$£€…")


def _single_can_close(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not _is_word(after)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip spaces, and the comma news style puts inside a closing mark."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _mark_at(text: str, i: int) -> tuple[str, int]:
    """The mark at `i` and its width: two apostrophes ('') are one double mark."""
    if text.startswith("''", i) or text.startswith("’’", i):
        return '"', 2
    return text[i], 1


def _scan_paragraph(text: str, p_start: int, p_end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    opener: tuple[int, str, bool, int] | None = None  # (offset, mark, single, width)
    i = p_start
    while i < p_end:
        ch, width = _mark_at(text, i)
        after = text[i + width] if i + width < p_end else " "
        if opener is None:
            if ch in DOUBLE_PAIRS and not after.isspace():
                opener = (i, ch, False, width)
            elif ch == "”" and after.isalnum() and (i == p_start or text[i - 1].isspace()):
                opener = (i, "“", False, width)  # a closing mark typed for an opening one
            elif ch in SINGLE_PAIRS and _single_can_open(text, i):
                opener = (i, ch, True, width)
            i += width
            continue
        o_pos, o_mark, single, o_width = opener
        closers = SINGLE_PAIRS[o_mark] if single else DOUBLE_PAIRS[o_mark]
        if ch in closers and (not single or _single_can_close(text, i)):
            start, end = _trimmed(text, o_pos + o_width, i)
            if end > start:
                spans.append(QuoteSpan(o_pos, start, end, i + width, True, single, o_pos == p_start))
            opener = None
        elif single and ch in DOUBLE_PAIRS and ch != '"':
            # a double mark inside an open single one: the single was an apostrophe
            opener = (i, ch, False, width) if not after.isspace() else None
        i += width
    if opener is not None and not opener[2]:
        start, end = _trimmed(text, opener[0] + opener[3], p_end)
        if end > start:
            spans.append(QuoteSpan(opener[0], start, end, end, False, False, opener[0] == p_start))
    return spans


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """All top-level quoted passages in `text`, in order of offset."""
    spans: list[QuoteSpan] = []
    for para in _PARAGRAPH.finditer(text):
        p_start, p_end = para.span()
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        spans.extend(_scan_paragraph(text, p_start, p_end))
    return spans
