"""Article text with overlapping records highlighted."""

from __future__ import annotations

from eventwire.web.markup import Span, highlight, record_spans

TEXT = 'Ana said "we <will> win" today.'


def test_highlight_splits_overlapping_spans_and_escapes():
    spans = [Span(0, 31, "event", "e0", "event"), Span(9, 24, "quote", "q0", "quote")]
    html = str(highlight(TEXT, spans, focus="q0"))
    assert "&lt;will&gt;" in html and "<will>" not in html
    assert 'class="hl hl-event hl-quote focus"' in html
    assert html.count('id="e0"') == 1 and html.count('id="q0"') == 1


def test_highlight_keeps_the_text():
    import re

    html = str(highlight(TEXT, [Span(4, 8, "cue", "q0", "cue")]))
    plain = re.sub(r"<[^>]+>", "", html).replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"')
    assert plain == TEXT


def test_record_spans_drop_offsets_outside_the_text():
    article = {"text": TEXT}
    labels = [{"id": "l0", "start": 5, "end": 99, "kind": "loaded", "actor": None},
              {"id": "l1", "start": 0, "end": 3, "kind": "category", "actor": None}]
    spans = record_spans(article, [], [], labels)
    assert [(s.record, s.kind) for s in spans] == [("l1", "category")]
