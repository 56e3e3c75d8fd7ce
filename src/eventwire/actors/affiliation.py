"""A person's organisation from the text: titles and appositions.

English news names an unfamiliar person's side right beside the name:

- a title before it: "Israeli Defense Minister Israel Katz", "Mossad chief
  David Barnea", "Secretary of State Antony Blinken", "Hamas's political
  bureau official Bassem Naim";
- an apposition after it: "Osama Hamdan, a Hamas spokesman, said";
- an apposition before it: "a Vostran army spokesman, Ilya Dorn, said",
  "Chief of the Political Bureau of Hamas, Ismail Haniyeh".

`title_phrase` and `apposition_phrase` return the describing text (with its
character span); the stage resolves it with `resolve_phrase`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..settings import tuning
from .words import default_words

_MAX_TITLE = int(tuning("actors")["max_title_tokens"])
_MAX_DESCRIPTION = int(tuning("actors")["max_description_tokens"])
# Tokens that may sit inside a title before a name.
_TITLE_POS = {"PROPN", "NOUN", "ADJ", "PART", "NUM"}
_TITLE_WORDS = default_words().title_joiners
_ARTICLES = default_words().articles


def title_phrase(ent: Span) -> Span | None:
    """The title words right before a name ("US presidential envoy"), or None."""
    doc = ent.doc
    sent_start = ent.sent.start
    j = ent.start - 1
    while j >= sent_start and ent.start - j <= _MAX_TITLE:
        tok = doc[j]
        low = tok.lower_
        if low in _TITLE_WORDS:
            if low in ("the", "and") or (low in ("of", "for") and j == ent.start - 1):
                break  # "the" opens the phrase; "and" joins two people; "of Name" is no title
        elif tok.pos_ not in _TITLE_POS or tok.is_punct:
            break
        j -= 1
    start = j + 1
    while start < ent.start and doc[start].lower_ in _TITLE_WORDS:
        start += 1
    if start >= ent.start:
        return None
    return doc[start:ent.start]


def apposition_phrase(ent: Span) -> Span | None:
    """The apposition describing a name, on either side, or None."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and not (ent.start <= child.i < ent.end):
            return _clip(child, ent)
    head = root.head
    if root.dep_ == "appos" and not (ent.start <= head.i < ent.end):
        return _clip(head, ent)
    # "X, a Hamas spokesman," parsed with the description attached to the
    # name's last token by a comma: look for an appos among the sentence's
    # tokens whose head is in the name.
    for tok in ent.sent:
        if tok.dep_ == "appos" and ent.start <= tok.head.i < ent.end and not (ent.start <= tok.i < ent.end):
            return _clip(tok, ent)
    return None


def _clip(tok: Token, ent: Span) -> Span | None:
    """The subtree of `tok` without the name itself (and outer punctuation)."""
    doc = ent.doc
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    if left < ent.start < right:  # the description governs the name: keep its own side only
        if tok.i < ent.start:
            right = ent.start
        else:
            left = ent.end
    while left < right and (doc[left].is_punct or doc[left].lower_ in _ARTICLES):
        left += 1
    while right > left and doc[right - 1].is_punct:
        right -= 1
    if right - left <= 0 or right - left > _MAX_DESCRIPTION:
        return None
    return doc[left:right]
