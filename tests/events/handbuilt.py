"""Hand-built spaCy docs for unit tests: words, heads, dependency labels, parts of speech,
tags, lemmas and entities given explicitly, so a test does not depend on a statistical model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("en").vocab  # English lexeme attributes (lower_, is_punct ...), no statistical model


def build(rows: list[tuple], ents: list[tuple[int, int, str]] = ()) -> Doc:
    """`rows`: (word, head index, dep, pos, tag, lemma) per token; `ents`: (start, end, label)."""
    words = [r[0] for r in rows]
    doc = Doc(VOCAB, words=words, heads=[r[1] for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], tags=[r[4] for r in rows], lemmas=[r[5] for r in rows],
              sent_starts=[True] + [False] * (len(rows) - 1))
    if ents:
        from spacy.tokens import Span

        doc.ents = [Span(doc, s, e, label=label) for s, e, label in ents]
    return doc
