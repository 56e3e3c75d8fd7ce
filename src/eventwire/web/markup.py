"""Article text with its records highlighted, as HTML.

Records overlap (a quote inside an event's sentence, a label inside a
quote), so the text is cut at every record boundary and each piece is one
`<span>` carrying the classes and ids of every record covering it. A record
also gets an empty anchor `<span id="...">` where it starts, so
`/articles/{id}#{record id}` scrolls to it; the pieces of the record being
looked at (`focus`) get the class `focus` server-side, so the evidence is
highlighted even without JavaScript.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

# CSS class per kind of span, and what the legend calls it.
KINDS = {"quote": "quotation", "speaker": "speaker", "cue": "speech verb", "event": "event sentence",
         "trigger": "event trigger", "label": "framing label", "category": "actor category"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # a key of KINDS
    record: str  # the id of the record it belongs to
    note: str  # shown on hover


def record_spans(article: Mapping[str, Any], quotes: Iterable[Mapping[str, Any]], events: Iterable[Mapping[str, Any]],
                 labels: Iterable[Mapping[str, Any]]) -> list[Span]:
    """The highlightable spans of an article's records (rows as returned by the store)."""
    spans: list[Span] = []
    for q in quotes:
        who = q.get("speaker_name") or q.get("speaker_text") or "unknown speaker"
        spans.append(Span(q["start"], q["end"], "quote", q["id"], f"{q['kind']} quote by {who}"))
        if q.get("speaker_start") is not None:
            spans.append(Span(q["speaker_start"], q["speaker_end"], "speaker", q["id"], f"speaker: {who}"))
        if q.get("cue_start") is not None:
            spans.append(Span(q["cue_start"], q["cue_end"], "cue", q["id"], f"cue: {q['cue_text']}"))
    for e in events:
        info = e.get("text_info") or {}
        if "start" in info and "end" in info:
            spans.append(Span(info["start"], info["end"], "event", e["id"], f"{e['event']} event ({e['rule']})"))
        trigger = e.get("trigger") or {}
        if "start" in trigger and "end" in trigger:
            spans.append(Span(trigger["start"], trigger["end"], "trigger", e["id"], f"{e['event']} trigger"))
        for m in e.get("mentions") or []:  # every other mention of the same occurrence
            if (m.get("start"), m.get("end")) != (trigger.get("start"), trigger.get("end")):
                spans.append(Span(m["start"], m["end"], "trigger", e["id"], f"{e['event']} mention"))
    for lab in labels:
        about = f" for {lab['actor']}" if lab.get("actor") else ""
        kind = "category" if lab["kind"] == "category" else "label"  # a classifying noun for an actor: a lighter mark
        spans.append(Span(lab["start"], lab["end"], kind, lab["id"], f"{lab['kind']} label{about}"))
    length = len(article.get("text") or "")
    return [s for s in spans if isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start < s.end <= length]


def highlight(text: str, spans: list[Span], focus: str | None = None) -> Markup:
    """`text` as HTML with every span highlighted; pieces of the record `focus` get class `focus`."""
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[str]] = {}
    for s in spans:
        starts.setdefault(s.start, [])
        if s.record not in starts[s.start]:
            starts[s.start].append(s.record)
    seen: set[str] = set()
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for record in starts.get(a, []):
            if record not in seen:  # one anchor per record, at its first span
                seen.add(record)
                out.append(f'<span class="anchor" id="{escape(record)}"></span>')
        covering = [s for s in spans if s.start <= a and b <= s.end]
        piece = escape(text[a:b])
        if not covering:
            out.append(str(piece))
            continue
        classes = sorted({f"hl-{s.kind}" for s in covering})
        records = sorted({s.record for s in covering})
        if focus and focus in records:
            classes.append("focus")
        notes = "; ".join(dict.fromkeys(s.note for s in covering))
        out.append(f'<span class="hl {" ".join(classes)}" data-records="{escape(" ".join(records))}" '
                   f'title="{escape(notes)}">{piece}</span>')
    return Markup("".join(out))
