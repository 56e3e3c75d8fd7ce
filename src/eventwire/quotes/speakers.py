"""Turning a speaker mention into `Speaker` records through the who-is-who model.

The mention in the text ("he", "the group", "Mashal", "a Hamas spokesman,
Osama Hamdan") is kept as the speaker's `text`/`start`/`end`; the party it
stands for comes from `eventwire.actors.whoiswho` (names, aliases,
descriptors, pronouns, documents; `via` says which), every party of a
coordination goes to `speakers`, and `org`, `code` and `sector` come from
the party's actor mention, or for a person from an organisation named in the
same noun phrase ("Hamas's political bureau official Bassem Naim", "a Hamas
spokesman, Osama Hamdan"). A mention that cannot speak (an abstract noun, a
thing) is no speaker; one that names nobody keeps its mention with no name.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..actors.whoiswho import Referent, WhoIsWho, strip_article
from ..actors.words import default_words
from ..model import Article, Entity, Speaker
from .cues import TokSpan, phrase_span
from .lexicon import CueWords
from .marks import QuoteSpan

PERSON_TYPES = ("PERSON",)
GROUP_TYPES = ("ORG", "GPE", "NORP")  # organisation-like mentions inside a speaker phrase
ANTECEDENT_TYPES = ("ORG", "GPE")  # what "they", "it", "the group" can refer back to
_W = default_words()  # pronoun classes (actors/data/words.yaml)
# Subjects of an evidence verb that point at a thing ("it shows", "these suggest"), not at a speaker.
_THING_SUBJECTS = _W.neuter_pronouns | _W.plural_pronouns | _W.demonstratives


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

    def __init__(self, article: Article, doc: Doc, lex: CueWords, quotes: list[QuoteSpan], who: WhoIsWho):
        self.doc = doc
        self.lex = lex
        self.who = who
        self.mentions = sorted((Mention(e.start, e.end, e) for e in _entities(article, doc)),
                               key=lambda m: m.start)
        self.orgs = self._person_orgs()

    # -- mentions -------------------------------------------------------
    def _in_span(self, start: int, end: int, types: tuple[str, ...]) -> list[Mention]:
        return [m for m in self.mentions if start <= m.start and m.end <= end and m.type in types]

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
    def resolve(self, span: TokSpan, act: str = "speech") -> tuple[list[Speaker], bool]:
        """The speakers of a speaker mention (a token span): one, or all of a coordination
        ("Pelosi and Schumer said"), and whether the statement stands. A mention the model
        cannot tie to a party gives no speaker: a document, poll or study without a known
        author ("the poll shows", "according to federal data") or an unresolved pronoun keeps
        its statement; an abstract noun or a thing that cannot speak ("the reason", "details")
        does not."""
        toks: Span = self.doc[span[0]:span[1]]
        head = toks.root
        last = toks[-1]
        if last.i != head.i and last.lemma_.lower() in self.who.words.person_nouns and \
                not any(t.is_punct for t in toks):
            head = last  # "Former White House Doctor": the doctor speaks, not the White House
        if act == "perception" and head.lower_ in _THING_SUBJECTS:
            # "it shows", "this underscores": evidence verbs take things as subjects; leave them unnamed
            return [Speaker(text=toks.text, start=toks.start_char, end=toks.end_char)], True
        ref, via = self.who.resolve_token(head)
        if ref is None:
            speaker = self._unresolved(toks)
            if speaker is not None:
                return [speaker], True
            if self._source_like(head):  # the mention stays for provenance; nobody is named
                return [Speaker(text=toks.text, start=toks.start_char, end=toks.end_char)], True
            return [], False
        refs = self.who.coordinated(head) or [ref]
        out = []
        for n, r in enumerate(refs):
            if n == 0:
                out.append(self._speaker(toks.text, toks.start_char, toks.end_char, r, via))
            else:
                out.append(self._speaker(r.name, None, None, r, via))
        return out, True

    def _source_like(self, head) -> bool:
        """A mention that can stand as the source of a statement though it names nobody: anything
        but an abstract noun (a document, a poll, an unresolved pronoun, a thing shown in a video)."""
        return not (head.pos_ in ("NOUN", "PROPN") and self.who.abstract(head.lemma_, head.pos_ == "NOUN"))

    def _speaker(self, text: str, start: int | None, end: int | None, ref: Referent, via: str | None) -> Speaker:
        speaker = Speaker(text=text, start=start, end=end, name=ref.name, via=via)
        entity = ref.entity
        if ref.kind == "person":
            speaker.org = (entity.org if entity is not None else None) or self.orgs.get(ref.name)
        if entity is not None:
            speaker.code, speaker.sector = entity.code, entity.sector
        return speaker

    def _unresolved(self, toks: Span) -> Speaker | None:
        """A mention the who-is-who model could not tie to a party: names and first/second-person
        pronouns stay as written; anything else that cannot speak is no speaker."""
        head = toks.root
        if not any(t.is_punct for t in toks) and self.who.abstract(toks[-1].lemma_, toks[-1].pos_ == "NOUN"):
            return None  # a title-cased heading or a named treaty: "Veto Power Impedes Peace Efforts"
        if head.pos_ == "PROPN" or head.lower_ in _W.speaker_pronouns:
            groups = self._in_span(toks.start_char, toks.end_char, GROUP_TYPES)
            speaker = Speaker(text=toks.text, start=toks.start_char, end=toks.end_char,
                              name=_clean_name(strip_article(toks.text)), via="name")
            if groups:
                first = groups[0].entity
                speaker.org = first.name or first.entity_text
                speaker.code, speaker.sector = first.code, first.sector
            return speaker
        return None

    def name_of(self, span: TokSpan) -> str:
        """A relay's name: the organisation at the span, else the phrase without its determiner."""
        toks = self.doc[span[0]:span[1]]
        found = self._in_span(toks.start_char, toks.end_char, GROUP_TYPES + PERSON_TYPES)
        if found and len(found) == 1 and found[0].end - found[0].start >= 0.5 * len(toks.text):
            entity = found[0].entity
            return _clean_name(strip_article(entity.name or entity.entity_text))
        return _clean_name(strip_article(toks.text))


def _clean_name(text: str) -> str:
    """A name without stray quotation marks, with its parentheses balanced ("Institute (MEMRI)")."""
    text = "".join(ch for ch in text if ch not in "\"“”‘’«»„")
    if text.count("(") > text.count(")"):
        text += ")"
    return text.strip()
