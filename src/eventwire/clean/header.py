"""Metadata lines at the top and bottom of an article: title, caption, byline, date, signature.

Scraped plain text usually starts with the headline, sometimes preceded by an
image caption, and may carry a byline or a date line before the body. Rules
(all documented in docs/clean.md; word lists in `data/header.yaml`):

- A byline line ("By NAME[, OUTLET]") or a date-only line near the top is
  metadata: dropped from the body and recorded.
- A caption names a pictured person: a short line without sentence
  punctuation, quotes or digits, made of an optional role phrase ("Hamas
  leader", "Arvenian President") and a capitalised name of 2-4 words that the
  article itself repeats. Headlines, in contrast, say something happened (a
  verb) and are not a bare name. Captions are dropped and recorded.
- The headline is the first remaining line if it reads like one: at most 30
  words, at most 20 if it ends with a full stop, one sentence (two in a line
  of <= 14 words, "Virginian could make history. Again."); else the text
  starts with its lead paragraph and has no title. A headline ending in ";"
  or ":" continues with the deck on the next line of the same block. The
  headline stays in the body, where its quotes, events and labels are found.
- A wire dateline opening the first paragraph ("TOLSK, Arvenia (Meridian
  Wire) -") names the agency the copy comes from (`wire`), which syndicated
  stories share with many publishers, so it is not taken as the outlet. The
  paragraph is kept whole.
- A signature is the last line of the body when it is a short capitalised
  name (1-4 words, no sentence punctuation or digits), e.g. an outlet's name
  printed under the story: dropped, recorded and offered as the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..settings import tuning
from .boilerplate import SENTENCE_END, Line
from .rules import HeaderRules

_T = tuning("clean.header")  # each threshold is explained in config.toml
TOP_LINES = int(_T["top_lines"])
MIN_LINES_FOR_SIGNATURE = int(_T["min_lines_for_signature"])
CAPTION_MAX_WORDS = int(_T["caption_max_words"])
NAME_MAX_WORDS = int(_T["name_max_words"])
HEADLINE_MAX_WORDS = int(_T["headline_max_words"])
HEADLINE_MAX_CHARS = int(_T["headline_max_chars"])
HEADLINE_MAX_WORDS_FULL_STOP = int(_T["headline_max_words_full_stop"])
TWO_SENTENCE_HEADLINE_MAX_WORDS = int(_T["two_sentence_headline_max_words"])
BYLINE_MAX_WORDS = int(_T["byline_max_words"])
DATE_LINE_MAX_WORDS = int(_T["date_line_max_words"])
_QUOTES_DIGITS = re.compile(r"[\"“”‘’'«»:;\d()\[\]]")
# A sentence break: a lower-case word of 3+ letters, then . ! or ?, then a capital
# ("vs. Clinton", "Gen. Ali" and "U.S. Says" are not breaks).
_SENTENCE_BREAK = re.compile(r"(?<![A-Za-z])[a-z]{3,}[.!?]\s+[A-Z]")
_NAME_WORD = re.compile(r"^[A-Z][\w’'.-]*$")


@dataclass
class Header:
    """What the top and bottom lines say about the article."""

    title: str | None = None
    byline: str | None = None
    date_text: str | None = None
    captions: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)  # outlet names, most reliable first
    signature: str | None = None
    wire: str | None = None  # agency credited by a dateline: the source of the copy, maybe not the publisher


def _is_name_word(word: str) -> bool:
    return bool(_NAME_WORD.match(word))


def is_proper_name(text: str, rules: HeaderRules) -> bool:
    """Capitalised words, with connectors ("of", "the") allowed after the first: "The Keld Herald"."""
    words = text.split()
    return bool(words) and _is_name_word(words[0]) and all(
        _is_name_word(w) or w.lower() in rules.connectors for w in words[1:])


def is_caption(text: str, body: str, rules: HeaderRules) -> bool:
    """A role phrase plus a 2-4 word capitalised name that `body` repeats (see module doc)."""
    words = text.split()
    if not 2 <= len(words) <= CAPTION_MAX_WORDS or _QUOTES_DIGITS.search(text) or SENTENCE_END.search(text):
        return False
    roles = [i for i, w in enumerate(words) if w.lower().strip(",") in rules.role_words]
    split = roles[-1] + 1 if roles else 0
    name, prefix = words[split:], words[:split]
    if not 2 <= len(name) <= NAME_MAX_WORDS or not all(_is_name_word(w) for w in name):
        return False
    if not all(_is_name_word(w) or w.lower() in rules.role_words | rules.connectors for w in prefix):
        return False
    return " ".join(name) in body


def looks_like_headline(text: str) -> bool:
    """Short: <= 30 words, or <= 20 when it ends with a full stop; one sentence (two if <= 14 words)."""
    words = text.split()
    if not 2 <= len(words) <= HEADLINE_MAX_WORDS or len(text) > HEADLINE_MAX_CHARS:
        return False
    breaks = len(_SENTENCE_BREAK.findall(text))
    if breaks > 1 or (breaks == 1 and len(words) > TWO_SENTENCE_HEADLINE_MAX_WORDS):
        return False
    return len(words) <= HEADLINE_MAX_WORDS_FULL_STOP or not text.endswith(".")


def match_byline(text: str, rules: HeaderRules) -> tuple[str, str | None, str | None] | None:
    """(writer(s), outlet, date text) of a byline line, or None."""
    if len(text.split()) > BYLINE_MAX_WORDS:
        return None
    for pattern in rules.bylines:
        m = pattern.regex.fullmatch(text)
        if not m:
            continue
        outlet = (m.groupdict().get("outlet") or "").strip() or None
        # An outlet is a capitalised name ("The Algemeiner"), not a clause ("Arvenian forces had left").
        if outlet and not is_proper_name(outlet, rules):
            return None
        return m.group("byline").strip(), outlet, m.groupdict().get("date")
    return None


def match_dateline(text: str, rules: HeaderRules) -> str | None:
    """The agency a wire dateline credits ("TOLSK, Arvenia (Meridian Wire) -"), or None."""
    for pattern in rules.datelines:
        m = pattern.regex.match(text)
        if m:
            return m.group("outlet").strip()
    return None


def match_date_line(text: str, rules: HeaderRules) -> str | None:
    if len(text.split()) > DATE_LINE_MAX_WORDS:
        return None
    for pattern in rules.date_lines:
        m = pattern.regex.fullmatch(text)
        if m:
            return m.group("date")
    return None


def is_signature(text: str, rules: HeaderRules) -> bool:
    """A short proper name (1-4 words, no digits, quotes or final punctuation) under the story."""
    return (len(text.split()) <= NAME_MAX_WORDS and not _QUOTES_DIGITS.search(text) and not re.search(r"[.!?,]$", text)
            and is_proper_name(text, rules))


def _body_starts(ln: Line, header: Header, rules: HeaderRules) -> None:
    """The first body line: a wire dateline there credits the agency (the line is kept)."""
    header.wire = match_dateline(ln.text, rules)


def analyse_header(lines: list[Line], rules: HeaderRules) -> Header:
    """Mark byline, date, caption and signature lines (sets `Line.reason`) and find the title."""
    header = Header()
    live = [ln for ln in lines if ln.text and ln.reason is None]
    body = "\n".join(ln.text for ln in live)
    title_done = False
    title_line = None
    for ln in live[:TOP_LINES]:
        if (date_text := match_date_line(ln.text, rules)) is not None:
            ln.reason, header.date_text = "date_line", header.date_text or date_text
        elif (byline := match_byline(ln.text, rules)) is not None:
            ln.reason = "byline"
            header.byline = header.byline or byline[0]
            header.date_text = header.date_text or byline[2]
            if byline[1]:
                header.outlets.append(byline[1])
        elif is_caption(ln.text, body[body.find(ln.text) + len(ln.text):], rules):
            ln.reason = "caption"
            header.captions.append(ln.text)
        elif not title_done:
            title_done = True
            if ln is live[-1] or not looks_like_headline(ln.text):  # a lone line is the body, not a headline
                _body_starts(ln, header, rules)
                break  # the body has begun: no metadata lines after a paragraph
            header.title = ln.text
            title_line = ln
        elif header.title and header.title[-1] in ";:" and ln.no == title_line.no + 1 and looks_like_headline(ln.text):
            header.title = f"{header.title} {ln.text}"  # headline; deck on the next line of the same block
            title_line = ln
        else:
            _body_starts(ln, header, rules)
            break
    rest = [ln for ln in live if ln.reason is None]
    if len(rest) >= MIN_LINES_FOR_SIGNATURE and rest[-1].text != header.title and is_signature(rest[-1].text, rules):
        rest[-1].reason = "signature"
        header.signature = rest[-1].text
    return header
