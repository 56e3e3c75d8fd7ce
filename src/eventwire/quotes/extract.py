"""Putting quotation marks and parse cues together into attributions.

Order of work, each step a general pattern of news prose:
1. A quote whose words are the clausal complement of a cue ("“A,” he said")
   is a direct quote of that cue; a quote inside a longer reported clause is
   a fragment of a mixed quote.
2. A quote not reached by the parse takes the cue right after its closing
   mark (“A,” Anadolu quoted him as saying) or right before its opening mark
   ("He said: “A”", "X continued:" ending the previous paragraph).
3. A quote with no cue of its own that follows an attributed quote in the
   same paragraph continues it (“A,” he said. “B.”); one that opens a
   paragraph after a paragraph ending in an attributed quote (or a reported
   statement) is a floating quote and inherits its speaker.
4. Cues with a reported clause and no quote are indirect (or mixed, when the
   clause holds a quoted fragment); "according to X" attached to another cue
   names a relay, otherwise it is the source of its clause.
5. Short quoted phrases left over (the so-called “peace plan”) are the
   writer's scare quotes or labels, not statements.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..settings import tuning
from .cues import CueMatch, according_content, find_cues, phrase_span
from .layout import dash_cues, label_cues
from .lexicon import CueWords
from .marks import QuoteSpan, find_quote_spans

_T = tuning("quotes")  # each threshold is explained in config.toml
SCARE_MAX_WORDS = int(_T["scare_max_words"])
FLOATING_MIN_WORDS = int(_T["floating_min_words"])
AFTER_WINDOW = int(_T["after_window_tokens"])
BEFORE_WINDOW = int(_T["before_window_tokens"])
FLOATING_TAIL_WORDS = int(_T["floating_tail_words"])
_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?][\"”’']*\s+(?=[\"“‘'A-Z])")


@dataclass
class Attribution:
    """One statement found in the text (character offsets into the text)."""

    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: CueMatch | None
    floating: bool = False
    relay_cues: list[CueMatch] = field(default_factory=list)


@dataclass
class Extraction:
    attributions: list[Attribution]
    scare_quotes: list[QuoteSpan]
    quotes: list[QuoteSpan]


class _Paragraphs:
    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text)]

    def index(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _inside(char: int, spans: list[QuoteSpan]) -> bool:
    return any(q.start <= char < q.end for q in spans)


def _resolve_relays(cues: list[CueMatch], doc: Doc, lex: CueWords) -> list[CueMatch]:
    """Fold relay cues into the cues they relay; return the cues that make statements."""
    by_head = {c.head: c for c in cues}
    kept = []
    reported: set[int] = set()  # belief and intention cues another party's report stands for
    for cue in cues:
        if cue.category == "source":
            target = _governing_cue(doc, cue.head, by_head)
            if target is not None and not cue.relay_only and cue.speaker is not None and \
                    lex.act_of(doc, target) in ("belief", "intention"):
                # "Ostrova plans to visit Tarn, according to an aide": what someone plans or
                # believes is the aide's statement, not a statement of hers
                reported.add(id(target))
                target = None
            if target is not None:
                target.relays.extend(cue.relays if cue.relay_only else [cue.speaker] if cue.speaker else [])
                continue
            if cue.relay_only:
                continue
            cue.content = according_content(cue, doc)
        elif doc[cue.head].lemma_.lower() in lex.relay_verbs and cue.content and cue.speaker:
            inner = [c for c in cues if c is not cue and cue.content[0] <= c.head < cue.content[1]
                     and c.category != "source"]
            if inner:
                for c in inner:
                    c.relays.append(cue.speaker)
                continue
        kept.append(cue)
    return [c for c in kept if id(c) not in reported]


def _governing_cue(doc: Doc, head: int, by_head: dict[int, CueMatch]) -> CueMatch | None:
    """The verb cue an "according to" phrase hangs from (directly or through its clause)."""
    tok = doc[head].head
    for _ in range(3):
        match = by_head.get(tok.i)
        if match is not None and match.category != "source":
            return match
        if tok.head.i == tok.i:
            break
        tok = tok.head
    return None


def _cue_after(q: QuoteSpan, doc: Doc, by_head: dict[int, CueMatch], text: str) -> CueMatch | None:
    tok = doc.char_span(q.mark_end, q.mark_end, alignment_mode="expand")
    i = tok.start if tok is not None else None
    if i is None:
        return None
    seen = 0
    while i < len(doc) and seen < AFTER_WINDOW:
        t = doc[i]
        if t.text in "“«„\"" and t.idx > q.mark_end:
            return None
        match = by_head.get(i)
        if match is not None and (match.content is None or _overlaps(match.content_chars(doc), (q.start, q.end))):
            return match
        if t.text in (".", "!", "?", ";") or "\n" in t.text or t.pos_ in ("CCONJ", "SCONJ"):
            return None
        seen += 0 if t.is_punct or t.is_space else 1
        i += 1
    return None


def _cue_before(q: QuoteSpan, doc: Doc, by_head: dict[int, CueMatch], text: str) -> CueMatch | None:
    before = text[:q.mark_start].rstrip()
    if not before or before[-1] not in ":,":
        return None
    if "\n" in text[len(before):q.mark_start] and before[-1] != ":":
        return None
    span = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    if span is None:
        return None
    for i in range(span.start - 1, max(-1, span.start - 1 - BEFORE_WINDOW), -1):
        match = by_head.get(i)
        if match is not None and (match.content is None or match.content[1] <= span.start + 1
                                  or _overlaps(match.content_chars(doc), (q.start, q.end))):
            return match
        if doc[i].text in (".", "!", "?") or "\n" in doc[i].text:
            return None
    return None


def _speaker_outside(cue: CueMatch, q: QuoteSpan, doc: Doc) -> None:
    """When the parser took the quote itself for the subject, take the name or pronoun beside the cue."""
    if cue.speaker is None or not _overlaps((doc[cue.speaker[0]].idx, doc[cue.speaker[1] - 1].idx + 1),
                                            (q.mark_start, q.mark_end)):
        return
    # the noun phrase right before the cue ("..., Obama's former strategist said in an interview with
    # CNN") before a name after it ("..., said Caddell"), then further back
    before = cue.head - 1
    order = ([before] if 0 <= before < len(doc) and doc[before].pos_ in ("NOUN", "PROPN", "PRON") else []) + \
        list(range(cue.head + 1, min(len(doc), cue.head + 7))) + list(range(cue.head - 1, cue.head - 7, -1))
    for i in order:
        tok = doc[i] if 0 <= i < len(doc) else None
        if tok is not None and tok.pos_ in ("PROPN", "PRON", "NOUN" if i == before else "PROPN") \
                and not q.mark_start <= tok.idx < q.mark_end:
            while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
                tok = tok.head
            cue.speaker = phrase_span(tok)
            return
    cue.speaker = None


def _lead_in(q: QuoteSpan, prev_end: int, doc: Doc, paras: _Paragraphs, cues: list[CueMatch],
             text: str) -> int | None:
    """Where a reported clause starts when a quoted fragment ends it ("Using X ''is a mistake,'' he said")."""
    span = doc.char_span(q.mark_start, q.mark_end, alignment_mode="expand")
    if span is None:
        return None
    start = max(span[0].sent.start_char, paras.starts[paras.index(q.mark_start)], prev_end)
    for m in _SENTENCE_END.finditer(text, start, q.mark_start):
        start = m.end()
    lead = text[start:q.mark_start]
    if len(_WORD.findall(lead)) < 2 or lead.rstrip().endswith((":", ",", "--", "—", "–")):
        return None
    if any(start <= doc[c.head].idx < q.mark_start for c in cues):
        return None
    while start < q.mark_start and not text[start].isalnum():
        start += 1
    return start


def _link_quotes(quotes: list[QuoteSpan], cues: list[CueMatch], doc: Doc, paras: _Paragraphs
                 ) -> tuple[dict[int, CueMatch], set[int], dict[int, int]]:
    """Map quote index -> its cue; the quotes inside reported clauses (mixed); mixed clause starts."""
    text = doc.text
    by_head = {c.head: c for c in cues}
    linked: dict[int, CueMatch] = {}
    mixed: set[int] = set()
    lead_ins: dict[int, int] = {}
    for n, q in enumerate(quotes):
        cue = _cue_after(q, doc, by_head, text)
        if cue is not None:
            _speaker_outside(cue, q, doc)
            linked[n] = cue
            lead = _lead_in(q, quotes[n - 1].mark_end if n else 0, doc, paras, cues, text)
            if lead is not None:
                lead_ins[n] = lead
            continue
        cue = _cue_before(q, doc, by_head, text)
        if cue is not None:
            _speaker_outside(cue, q, doc)
            linked[n] = cue
            continue
        for cue in cues:
            chars = cue.content_chars(doc)
            if chars is None or not _overlaps(chars, (q.start, q.end)):
                continue
            if chars[0] >= q.mark_start - 1 and chars[1] <= q.mark_end + 1:
                linked[n] = cue
                break
            if chars[0] <= q.start and chars[1] >= q.end:
                mixed.add(n)
                break
    return linked, mixed, lead_ins


def _continue_quotes(quotes: list[QuoteSpan], linked: dict[int, CueMatch], mixed: set[int],
                     paras: _Paragraphs, cues: list[CueMatch], doc: Doc) -> dict[int, CueMatch]:
    """Split and floating quotes; returns the floating ones, adds split parts to `linked`.

    A cue-less quote next to an attributed one in the same paragraph, with no
    other cue between them, is part of it (“A,” he said. “B.” or “A.” “B,” he
    said). One opening the paragraph after an attributed quote that ends its
    paragraph is a floating quote.
    """
    heads = {doc[c.head].idx: c for c in cues}

    def only(cue: CueMatch, start: int, end: int) -> bool:
        between = [c for off, c in heads.items() if start <= off < end]
        return all(c is cue or doc[c.head].head.i == cue.head for c in between)

    for n in range(len(quotes) - 2, -1, -1):  # backwards: “A.” “B,” he said.
        q, nxt = quotes[n], quotes[n + 1]
        cue = linked.get(n + 1)
        if n in linked or n in mixed or cue is None or paras.index(q.start) != paras.index(nxt.start):
            continue
        if only(cue, q.mark_end, nxt.mark_start) and not _WORD.search(doc.text[q.mark_end:nxt.mark_start]):
            linked[n] = cue
    floating: dict[int, CueMatch] = {}
    for n, q in enumerate(quotes):
        if n in linked or n in mixed:
            continue
        prev_cue = (linked.get(n - 1) or floating.get(n - 1)) if n else None
        if prev_cue is None:
            reported = _reported_before(q, paras, cues, doc)
            if reported is not None and (n == 0 or doc[reported.head].idx > quotes[n - 1].mark_end):
                floating[n] = reported
            continue
        p = quotes[n - 1]
        p_para, q_para = paras.index(p.start), paras.index(q.start)
        if p_para == q_para and only(prev_cue, p.mark_end, q.mark_start):
            linked[n] = prev_cue
        elif (q.at_paragraph_start and q_para == p_para + 1 and _sentence_like(doc.text[q.start:q.end])
              and only(prev_cue, p.mark_end, paras.starts[q_para])):
            floating[n] = prev_cue
    return floating


def _reported_before(q: QuoteSpan, paras: _Paragraphs, cues: list[CueMatch], doc: Doc) -> CueMatch | None:
    """The reported statement ending the paragraph before a cue-less quote paragraph, if any
    ("X said the talks had failed.\n“We were betrayed.”": the quote is X's)."""
    q_para = paras.index(q.start)
    if not q.at_paragraph_start or q_para == 0 or not _sentence_like(doc.text[q.start:q.end]):
        return None
    prev = [c for c in cues if paras.index(doc[c.head].idx) == q_para - 1]
    if not prev or prev[-1].speaker is None or prev[-1].content is None:
        return None
    last = prev[-1]
    after = doc[last.content[1]:].text[:max(0, paras.starts[q_para] - doc[last.content[1]].idx)]
    return last if len(_WORD.findall(after)) <= FLOATING_TAIL_WORDS else None


def _sentence_like(text: str) -> bool:
    """A floating quote is speech: several words, not a title-cased heading ("All Bets Are Off")."""
    words = _WORD.findall(text)
    return len(words) >= FLOATING_MIN_WORDS and not all(w[0].isupper() for w in words)


def _clip_to_paragraph(cue: CueMatch, doc: Doc, paras: _Paragraphs, text: str) -> None:
    """Keep a cue's content inside the cue's paragraph (the parser may run sentences across lines)."""
    if cue.content is None:
        return
    p = paras.index(doc[cue.head].idx)
    p_start = paras.starts[p]
    p_end = paras.starts[p + 1] if p + 1 < len(paras.starts) else len(text)
    lo, hi = cue.content
    while lo < hi and doc[lo].idx < p_start:
        lo += 1
    while hi > lo and doc[hi - 1].idx >= p_end:
        hi -= 1
    while hi > lo and (doc[hi - 1].is_space or doc[hi - 1].is_punct):
        hi -= 1
    cue.content = (lo, hi) if hi > lo else None


def _cover_quotes(chars: tuple[int, int], quotes: list[QuoteSpan]) -> tuple[int, int]:
    """Grow a reported clause that starts or ends inside a quote to the whole quote."""
    start, end = chars
    for q in quotes:
        if q.start < start < q.end:
            start = q.start
        if q.start < end < q.end:
            end = q.end
    return start, end


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _without_nested(found: list[Attribution], doc: Doc) -> list[Attribution]:
    """Drop a reported statement that sits inside another's content with the other's speaker
    mention ("vowed not to repeat the mistake", "called on X to apologize for suggesting Y"):
    a clause of one statement, not a second one. One with its own speaker stays ("Figueroa
    said the campaign planned to ...") and so does a coordinated one ("said X and denied Y")."""
    def speaker_of(a: Attribution):
        return a.cue.speaker if a.cue is not None else None

    kept = []
    for a in found:
        nested = a.kind != "direct" and a.cue is not None and a.cue.speaker is not None and \
            doc[a.cue.head].dep_ != "conj" and any(
            b is not a and b.cue is not None and b.cue is not a.cue and b.start <= a.start and a.end <= b.end
            and (b.start, b.end) != (a.start, a.end) and speaker_of(b) == speaker_of(a) for b in found)
        if not nested:
            kept.append(a)
    return kept


def extract_attributions(doc: Doc, lex: CueWords) -> Extraction:
    """All attributions and scare quotes in a parsed article."""
    text = doc.text
    every_quote = find_quote_spans(text)
    starts = [t.idx for t in doc]
    quotes = [q for q in every_quote if not _title(q, doc, text, starts)]
    cues = [c for c in find_cues(doc, lex) if not _inside(doc[c.head].idx, every_quote)
            and (c.speaker is not None or c.content is not None or c.relays)]
    cues = _resolve_relays(cues, doc, lex) + label_cues(doc, lex) + dash_cues(doc, quotes)
    cues.sort(key=lambda c: c.head)
    paras = _Paragraphs(text)
    for cue in cues:
        _clip_to_paragraph(cue, doc, paras, text)
    linked, mixed, lead_ins = _link_quotes(quotes, cues, doc, paras)
    floating = _continue_quotes(quotes, linked, mixed, paras, cues, doc)
    out: list[Attribution] = []
    for n, q in enumerate(quotes):
        if n in lead_ins:
            out.append(Attribution(lead_ins[n], q.end, "mixed", linked[n]))
        elif n in linked:
            out.append(Attribution(q.start, q.end, linked[n].kind or "direct", linked[n]))
        elif n in floating:
            out.append(Attribution(q.start, q.end, "direct", floating[n], floating=True))
    direct_cues = {id(c) for c in linked.values()}
    for cue in cues:
        chars = cue.content_chars(doc)
        if chars is None or id(cue) in direct_cues or (cue.speaker is None and not cue.passive):
            continue  # a reported clause with nobody reporting it is the writer's own ("it was said" is not)
        chars = _cover_quotes(chars, quotes)
        has_quote = any(n in mixed and chars[0] <= quotes[n].start < chars[1] for n in range(len(quotes)))
        kind = cue.kind or ("mixed" if has_quote else "indirect")
        pieces = cue.content_pieces(chars, doc) if not has_quote else [chars]
        out.extend(Attribution(lo, hi, kind, cue) for lo, hi in pieces)
    out = _without_nested(out, doc)
    covered = [(a.start, a.end) for a in out]
    scare = [q for n, q in enumerate(quotes)
             if n not in linked and n not in floating and n not in mixed
             and not any(s <= q.start and q.end <= e for s, e in covered)
             and _words(text[q.start:q.end]) <= SCARE_MAX_WORDS]
    out.sort(key=lambda a: (a.start, a.end))
    return Extraction(out, scare, every_quote)


def _title(q: QuoteSpan, doc: Doc, text: str, starts: list[int]) -> bool:
    """A quoted title, not a statement: a few title-cased words right after a preposition or a
    possessive ("said on Fox News's “Fox and Friends.”", "in “The Art of the Deal”")."""
    words = _WORD.findall(text[q.start:q.end])
    if not words or len(words) > SCARE_MAX_WORDS or not words[0][0].isupper() or \
            not all(w[0].isupper() for w in words if len(w) > 3):
        return False
    mark = bisect.bisect_right(starts, q.mark_start) - 1  # the token holding the opening mark
    if mark <= 0:
        return False
    prev = doc[mark - 1]
    return prev.pos_ == "ADP" or prev.tag_ == "POS"
