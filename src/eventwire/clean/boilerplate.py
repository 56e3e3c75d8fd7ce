"""Dropping boilerplate lines (sign-up forms, share buttons, related links...).

Patterns live in `data/boilerplate.yaml`. Two page-layout facts drive the
rules beyond single-line matches:

- Once a strong end-of-article marker appears ("Related Articles", "Leave a
  Reply", "Tags: ..."), the short lines right after it are navigation (the
  headlines of related stories, form labels): they go too, up to the next
  line that reads as prose ("tail cut").
- Some labels ("Website", "Comment") are only boilerplate where forms sit:
  after an end marker or among the last lines of the page (`tail_only`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..settings import tuning
from .rules import LinePattern, default_not_outlets

_T = tuning("clean.boilerplate")  # each threshold is explained in config.toml
# Lines longer than this are prose, never a widget: skip matching (speed, and
# no pattern should ever swallow a paragraph).
MAX_BOILERPLATE_CHARS = int(_T["max_boilerplate_chars"])
# `tail_only` patterns apply among this many last non-empty lines (at most a third of them).
TAIL_LINES = int(_T["tail_lines"])
# After an end marker, a line with at most this many words and no sentence-final
# punctuation is navigation (a related headline, a form label).
NAV_MAX_WORDS = int(_T["nav_max_words"])
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")


@dataclass
class Line:
    """A line of the normalised text: 1-based number, text, and why it was dropped (if it was)."""

    no: int
    text: str
    reason: str | None = None


def match_line(text: str, patterns: tuple[LinePattern, ...], in_tail: bool) -> tuple[LinePattern, re.Match] | None:
    """The first pattern matching the whole line, if any."""
    if not text or len(text) > MAX_BOILERPLATE_CHARS:
        return None
    for pattern in patterns:
        if pattern.tail_only and not in_tail:
            continue
        m = pattern.regex.fullmatch(text)
        if m:
            return pattern, m
    return None


def is_navigation(text: str) -> bool:
    """Short and without sentence-final punctuation: a headline link or a label."""
    return len(text.split()) <= NAV_MAX_WORDS and not SENTENCE_END.search(text)


def outlet_from_match(m: re.Match) -> str | None:
    """The outlet a boilerplate line names ("Sign Up For The Judean Newsletter")."""
    name = (m.groupdict().get("outlet") or "").strip(" .,:;-–—|")
    if not name or name.lower() in default_not_outlets() or not name[0].isupper():
        return None
    return name


def drop_boilerplate(lines: list[Line], patterns: tuple[LinePattern, ...]) -> list[str]:
    """Mark boilerplate lines (sets `Line.reason`); return the outlet names they mention."""
    live = [ln for ln in lines if ln.text and ln.reason is None]
    tail = min(TAIL_LINES, max(2, len(live) // 3))  # a short article is not all tail
    tail_start = live[-tail].no if len(live) >= tail else 0
    outlets: list[str] = []
    cutting = False  # inside a tail cut, after an end marker
    for ln in live:
        hit = match_line(ln.text, patterns, in_tail=cutting or ln.no >= tail_start)
        if hit:
            pattern, m = hit
            ln.reason = pattern.name
            cutting = cutting or pattern.end_marker
            if outlet := outlet_from_match(m):
                outlets.append(outlet)
        elif cutting and is_navigation(ln.text):
            ln.reason = "after_end_marker"
        else:
            cutting = False  # prose again: the marker was an inline box, not the page end
    return outlets
