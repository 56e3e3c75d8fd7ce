"""Resolving a speaker mention to a named person or organisation.

The mention in the text ("he", "the group", "Mashal", "a Hamas spokesman,
Osama Hamdan") is kept as the speaker's `text`/`start`/`end`; `name`, `org`,
`code` and `sector` come from:
- the actor mention at that span (`article.entities`, filled by the actors
  stage; spaCy's own entities when that stage has not run),
- for pronouns and definite short references ("he", "they", "the official",
  "the group"): the nearest compatible preceding mention outside quotation
  marks, persons for person words and organisations/countries for group words,
- for a surname alone ("Mashal"): the nearest fuller mention ending in it,
- for a person's organisation: the actors stage's `org`, or an organisation
  named in the same noun phrase ("Hamas's political bureau official Bassem
  Naim", "a Hamas spokesman, Osama Hamdan").
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..model import Article, Entity, Speaker
from .cues import TokSpan, phrase_span
from .lexicon import CueWords
from .marks import QuoteSpan

PERSON_TYPES = ("PERSON",)
GROUP_TYPES = ("ORG", "GPE", "NORP")  # organisation-like mentions inside a speaker phrase
ANTECEDENT_TYPES = ("ORG", "GPE")  # what "they", "it", "the group" can refer back to
_DETERMINERS = ("the", "a", "an")


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity

    @property
    def type(self) -> str:
        return self.entity.type or ""


def _entities(article: Article, doc: Doc) -> list[Entity]:
    """Actor mentions from the actors stage, plus spaCy's entities where that stage found none."""
    found = [e for e in article.entities if e.start is not None and e.end is not None]
    taken = [(e.start, e.end) for e in found]
    for e in doc.ents:
        if e.label_ in PERSON_TYPES + GROUP_TYPES and not any(s < e.end_char and e.start_char < t for s, t in taken):
            found.append(Entity(entity_text=e.text, name=e.text, type=e.label_, start=e.start_char,
                                end=e.end_char, source="spacy"))
    return found


class SpeakerResolver:
    """Resolves speaker spans of one article; build once per article."""

    def __init__(self, article: Article, doc: Doc, lex: CueWords, quotes: list[QuoteSpan]):
        self.doc = doc
        self.lex = lex
        inside = [(q.start, q.end) for q in quotes]
        self.mentions = sorted((Mention(e.start, e.end, e) for e in _entities(article, doc)),
                               key=lambda m: m.start)
        self.outside = [m for m in self.mentions if not any(s <= m.start < e for s, e in inside)]
        self.starts = [m.start for m in self.outside]
        self.orgs = self._person_orgs()

    # -- mentions -------------------------------------------------------
    def _in_span(self, start: int, end: int, types: tuple[str, ...]) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.type in types]

    def _before(self, offset: int, types: tuple[str, ...], word: str | None = None) -> Mention | None:
        """Nearest mention of `types` ending before `offset`, outside quotes; preferring one naming `word`."""
        candidates = [m for m in self.outside[:bisect.bisect_left(self.starts, offset)]
                      if m.type in types and m.end <= offset]
        if word:
            named = [m for m in candidates if word in self.doc.text[m.start:m.end].lower()]
            if named:
                return named[-1]
        return candidates[-1] if candidates else None

    def _full_name(self, mention: Mention) -> str:
        return self._fuller(mention.entity.name or mention.entity.entity_text)

    def _fuller(self, name: str) -> str:
        """A surname alone takes the fullest mention of the same person ("Mashal" -> "Khaled Mashal")."""
        if " " in name:
            return name
        fuller = [m.entity.name or m.entity.entity_text for m in self.mentions if m.type in PERSON_TYPES]
        fuller = [f for f in fuller if f.split()[-1] == name and " " in f]
        return max(fuller, key=len) if fuller else name

    def _person_orgs(self) -> dict[str, str]:
        """Person name -> organisation named in the same noun phrase (apposition, title, possessor)."""
        orgs: dict[str, str] = {}
        for m in self.mentions:
            if m.type not in PERSON_TYPES:
                continue
            name = self._full_name(m)
            if m.entity.org:
                orgs.setdefault(name, m.entity.org)
                continue
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None:
                continue
            head = span.root
            lo, hi = phrase_span(head)
            if head.dep_ == "appos":
                h_lo, h_hi = phrase_span(head.head)
                lo, hi = min(lo, h_lo), max(hi, h_hi)
            near = self._in_span(self.doc[lo].idx, self.doc[hi - 1].idx + len(self.doc[hi - 1]), ("ORG",))
            near = [n for n in near if not (n.start < m.end and m.start < n.end)]
            if near:
                orgs.setdefault(name, near[0].entity.name or near[0].entity.entity_text)
        return orgs

    # -- resolution -----------------------------------------------------
    def resolve(self, span: TokSpan) -> Speaker:
        """The `Speaker` for the token span of a speaker mention."""
        toks: Span = self.doc[span[0]:span[1]]
        start, end = toks.start_char, toks.end_char
        speaker = Speaker(text=toks.text, start=start, end=end)
        head = toks.root
        word = head.lower_
        persons = self._in_span(start, end, PERSON_TYPES)
        groups = self._in_span(start, end, GROUP_TYPES)
        if persons:
            self._fill(speaker, next((p for p in persons if p.start <= head.idx < p.end), persons[0]))
            if speaker.org is None and groups:
                speaker.org = groups[0].entity.name or groups[0].entity.entity_text
        elif head.pos_ == "PRON" and word in self.lex.pronouns:
            types = PERSON_TYPES if self.lex.pronouns[word] == "person" else ANTECEDENT_TYPES
            antecedent = self._before(start, types)
            if antecedent is not None:
                self._fill(speaker, antecedent)
        elif groups and any(g.start <= head.idx < g.end for g in groups):
            self._fill(speaker, next(g for g in groups if g.start <= head.idx < g.end))
        elif _definite(toks) and head.lemma_.lower() in self.lex.person_nouns:
            antecedent = self._before(start, PERSON_TYPES, head.lemma_.lower())
            if antecedent is not None:
                self._fill(speaker, antecedent)
        elif _definite(toks) and head.lemma_.lower() in self.lex.group_nouns:
            antecedent = self._before(start, ("ORG",), head.lemma_.lower()) or self._before(start, ANTECEDENT_TYPES)
            if antecedent is not None:
                self._fill(speaker, antecedent)
        elif head.pos_ == "PROPN" and " " not in head.text:
            fuller = self._fuller(head.text)
            if fuller != head.text:
                speaker.name, speaker.org = fuller, self.orgs.get(fuller)
        if speaker.name is None:
            speaker.name = _strip_determiner(toks.text)
            if groups:
                first = groups[0].entity
                speaker.org = first.name or first.entity_text
                speaker.code, speaker.sector = first.code, first.sector
        return speaker

    def _fill(self, speaker: Speaker, mention: Mention) -> None:
        entity = mention.entity
        if mention.type in PERSON_TYPES:
            speaker.name = self._full_name(mention)
            speaker.org = entity.org or self.orgs.get(speaker.name)
        else:
            speaker.name = _strip_determiner(entity.name or entity.entity_text)
        speaker.code, speaker.sector = entity.code, entity.sector

    def name_of(self, span: TokSpan) -> str:
        """A relay's name: the organisation at the span, else the phrase without its determiner."""
        toks = self.doc[span[0]:span[1]]
        found = self._in_span(toks.start_char, toks.end_char, GROUP_TYPES + PERSON_TYPES)
        if found and len(found) == 1 and found[0].end - found[0].start >= 0.5 * len(toks.text):
            entity = found[0].entity
            return _clean_name(_strip_determiner(entity.name or entity.entity_text))
        return _clean_name(_strip_determiner(toks.text))


def _clean_name(text: str) -> str:
    """A name without stray quotation marks, with its parentheses balanced ("Institute (MEMRI)")."""
    text = "".join(ch for ch in text if ch not in "\"“”‘’«»„")
    if text.count("(") > text.count(")"):
        text += ")"
    return text.strip()


def _definite(toks: Span) -> bool:
    return toks[0].lower_ in ("the", "this", "that") and len(toks) <= 4


def _strip_determiner(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if first.lower() in _DETERMINERS and rest else text
