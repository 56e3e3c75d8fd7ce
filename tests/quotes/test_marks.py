"""Quotation-mark pairing (eventwire/quotes/marks.py); no model needed."""

from __future__ import annotations

import pytest

from eventwire.quotes.marks import find_quote_spans


def _contents(text: str) -> list[str]:
    return [text[q.start:q.end] for q in find_quote_spans(text)]


@pytest.mark.parametrize("text", [
    "“We will stay,” she said.",
    "«We will stay», she said.",
    "\"We will stay,\" she said.",
    "'We will stay,' she said.",
    "„We will stay“, she said.",
    "‘We will stay,’ she said.",
    "''We will stay,'' she said.",
])
def test_find_quote_spans_each_style(text):
    assert _contents(text) == ["We will stay"]


def test_find_quote_spans_apostrophes_are_not_quotes():
    assert _contents("The minister's aides don't comment on the rebels' demands.") == []


def test_find_quote_spans_nested_single_inside_double():
    text = "“They told us, ‘Leave now,’ and we left,” he said."
    assert _contents(text) == ["They told us, ‘Leave now,’ and we left"]


def test_find_quote_spans_unclosed_paragraph_closes_at_paragraph_end():
    text = "“The first part of a long statement.\n“The second part.”"
    spans = find_quote_spans(text)
    assert [text[q.start:q.end] for q in spans] == ["The first part of a long statement.", "The second part."]
    assert not spans[0].closed and spans[1].closed
    assert spans[0].at_paragraph_start and spans[1].at_paragraph_start


def test_find_quote_spans_offsets_exclude_marks():
    text = "He said “no deal” twice."
    (q,) = find_quote_spans(text)
    assert text[q.mark_start] == "“" and text[q.mark_end - 1] == "”"
    assert text[q.start:q.end] == "no deal"
