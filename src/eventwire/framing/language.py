"""Loaded language, scare quotes and unattributed evaluative claims.

- `loaded_hits`: every term of `data/loaded.yaml` in the text (whole words,
  case-insensitive, with plain inflections: massacre/massacres/massacred),
  outside names of people, organisations and places.
Scare quotes are found by the quotes stage (`Label(kind="scare_quote")`);
the framing stage keeps them.
- `unattributed_sentences`: sentences in the writer's voice that carry an
  evaluative or emotive term and no attribution (no quote, no cue word such
  as "said" or "according to").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from .lexicon import FramingLexicon

NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "FAC", "EVENT", "WORK_OF_ART", "LAW", "LOC"})
EVALUATIVE = ("evaluative", "emotive")


@dataclass
class Hit:
    start: int
    end: int
    text: str
    category: str


def _pattern(terms: Iterable[str]) -> re.Pattern[str]:
    parts = []
    for term in sorted(terms, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in term.split())
        # single words of four letters or more also match their plain inflections
        suffix = r"(?:s|es|d|ed|ing)?" if " " not in term and len(term) >= 4 and term.isalpha() else ""
        parts.append(body + suffix)
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


class LanguageFinder:
    """Compiled once per process from the lexicon."""

    def __init__(self, lex: FramingLexicon):
        self.lex = lex
        self.loaded_re = _pattern(lex.loaded)

    def category(self, text: str) -> str | None:
        """The lexicon category of a hit's text (undoing the inflection the pattern allowed)."""
        low = " ".join(text.lower().split())
        for cut in (0, 1, 2, 3):
            stem = low[:len(low) - cut] if cut else low
            if stem in self.lex.loaded:
                return self.lex.loaded[stem]
        return None

    def loaded_hits(self, doc: Doc, name_spans: list[tuple[int, int]]) -> list[Hit]:
        text = doc.text
        out = []
        for m in self.loaded_re.finditer(text):
            if any(s <= m.start() < e for s, e in name_spans):
                continue
            category = self.category(m.group())
            if category is not None:
                out.append(Hit(m.start(), m.end(), m.group(), category))
        return out

    def attributed(self, sent) -> bool:
        words = [t.lower_ for t in sent]
        lemmas = {t.lemma_.lower() for t in sent}
        for cue in self.lex.attribution_cues:
            parts = cue.split()
            if len(parts) == 1:
                if cue in lemmas:
                    return True
            elif any(words[i:i + len(parts)] == parts for i in range(len(words))):
                return True
        return False


def unattributed_sentences(doc: Doc, finder: LanguageFinder, hits: list[Hit],
                           quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences with an evaluative/emotive writer hit and no attribution."""
    out = []
    for sent in doc.sents:
        own = [h for h in hits if sent.start_char <= h.start < sent.end_char and h.category in EVALUATIVE
               and not any(s <= h.start < e for s, e in quoted)]
        if not own:
            continue
        if any(s < sent.end_char and sent.start_char < e and (e - s) > 40 for s, e in quoted):
            continue  # the sentence carries a quote: its claims are someone's
        if finder.attributed(sent):
            continue
        out.append((sent.start_char, sent.end_char))
    return out
