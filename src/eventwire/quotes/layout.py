"""Attributions marked by layout rather than by a verb.

- Dash signatures: a quote followed by a dash and a name
  (“We will not give up.” ― Ana Ruiz, teacher), as in reader-voice roundups
  and pull quotes.
- Speaker labels: a paragraph opening with a name and a colon, as in
  interview transcripts ("MODERATOR: Welcome back.") and in headlines
  ("Minister Vale: Talks Will Resume"). Labels that are not speakers
  ("Editor's note:", "Update:") are listed in `data/cues.yaml`.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ..settings import tuning
from .cues import CueMatch
from .lexicon import CueWords
from .marks import QuoteSpan

_DASH_NAME = re.compile(r"\s*[―—–]+\s*(?=[A-Z])")
_LABEL = re.compile(r"^[\"“]?\s*([A-Z][\w.'’\- ]{0,40}?)\s*:\s+(?=\S)", re.MULTILINE)
NAME_TYPES = ("PERSON", "ORG", "GPE", "NORP")
_T = tuning("quotes")  # each threshold is explained in config.toml
MAX_NAME_TOKENS = int(_T["signature_max_tokens"])
SIGNATURE_MAX_CHARS = int(_T["signature_max_chars"])


def _token_range(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def dash_cues(doc: Doc, quotes: list[QuoteSpan]) -> list[CueMatch]:
    """Cues for quotes signed with a dash and a name."""
    text = doc.text
    cues = []
    for q in quotes:
        m = _DASH_NAME.match(text, q.mark_end)
        if m is None:
            continue
        name_end = m.end()
        while name_end < len(text) and text[name_end] not in ",\n(;" and name_end - m.end() < SIGNATURE_MAX_CHARS:
            name_end += 1
        dash = _token_range(doc, m.start(), m.end())
        name = _token_range(doc, m.end(), name_end)
        if dash is None or name is None or name[1] - name[0] > MAX_NAME_TOKENS:
            continue
        while name[1] > name[0] + 1 and doc[name[1] - 1].is_punct:
            name = (name[0], name[1] - 1)
        cues.append(CueMatch(dash[1] - 1, (dash[1] - 1, dash[1]), "speech", speaker=name, kind="direct"))
    return cues


def _is_speaker_label(doc: Doc, label: str, start: int, end: int, lex: CueWords) -> bool:
    if label.lower() in lex.non_speaker_labels or not any(c.isalpha() for c in label):
        return False
    if label.isupper() and len(label) >= 2:
        return True  # transcript style: WALLACE:
    if start == _headline_start(doc.text) and _title_cased(label, HEADLINE_LABEL_WORDS):
        return True  # headline style: "Sanders: ...", "Poll: ..." (a source in title case, the claim after it)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is not None and any(t.pos_ in ("VERB", "AUX") for t in span):
        return False  # a section heading that says something ("Veto Power Impedes Peace Efforts:"), not a name
    return span is not None and any(e.label_ in NAME_TYPES and e.end_char >= end - 1 for e in span.ents)


HEADLINE_LABEL_WORDS = int(_T["headline_label_words"])  # longer title-cased openings are a headline's words


def _headline_start(text: str) -> int:
    """Where the first paragraph (an article's headline when it has one) starts."""
    return len(text) - len(text.lstrip())


def _title_cased(label: str, max_words: int) -> bool:
    words = label.split()
    return 0 < len(words) <= max_words and all(w[0].isupper() for w in words)


def label_cues(doc: Doc, lex: CueWords) -> list[CueMatch]:
    """Cues for paragraphs that open with "NAME:"; the rest of the paragraph is the content."""
    text = doc.text
    cues = []
    for m in _LABEL.finditer(text):
        label = m.group(1)
        if not _is_speaker_label(doc, label, m.start(1), m.end(1), lex):
            continue
        colon = text.index(":", m.end(1))
        para_end = text.find("\n", m.end())
        para_end = len(text) if para_end < 0 else para_end
        content_end = para_end
        while content_end > m.end() and text[content_end - 1] in " \t\"”":
            content_end -= 1
        speaker, cue, content = (_token_range(doc, m.start(1), m.end(1)), _token_range(doc, colon, colon + 1),
                                 _token_range(doc, m.end(), content_end))
        if speaker is None or cue is None or content is None:
            continue
        kind = "direct" if label.isupper() or m.group(0).startswith(("\"", "“")) else "indirect"
        cues.append(CueMatch(cue[0], cue, "speech", speaker=speaker, content=content, kind=kind))
    return cues
