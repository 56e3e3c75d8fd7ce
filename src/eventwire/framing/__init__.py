"""The framing stage: labels the writer attaches to actors, and loaded language.

Adds to `article.labels` (keeping the quotes stage's scare quotes):
- `descriptor`: a label phrase attached to an actor ("the Vostra-backed
  militia", "a terrorist organization"), see `descriptors.py`;
- `loaded`: a word whose choice evaluates, with its `strength` in [0, 1]
  from the loaded-language model (`language.py`); labels below
  `[framing] loaded_threshold` of config.toml are not emitted.
And to `article.meta["loaded_sentences"]`: `[start, end, probability]` per
sentence, the sentence model's probability that a reader finds it biased
(`sentences.py`), from all its writer-voice evidence, shown or not.
Descriptors and loaded words are separate kinds and never merged.
Each label's `voice` is "writer", or the speaker's resolved name when it lies
inside a quote of `article.quotes` ("unknown speaker" inside quotation marks
the quotes stage did not attribute). Finally every label of the article is
renumbered in offset order as `{article.id}:l{n}`. See docs/framing.md.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc

from ..model import Article, Entity, Label
from ..quotes.marks import find_quote_spans
from ..settings import tuning
from .descriptors import extract_descriptors
from .language import NAME_TYPES, UNRATED, Hit, LoadedLanguageModel
from .lexicon import FramingLexicons, load_lexicon, shown_threshold, unrated_threshold
from .sentences import SentenceModel, load_sentence_model

__all__ = ["FramingStage", "frame_article", "load_lexicon", "make_stage", "scored_hits", "stage_hits"]

UNKNOWN_SPEAKER = "unknown speaker"
UNATTRIBUTED_QUOTE_MIN_WORDS = int(tuning("framing")["unattributed_quote_min_words"])  # see config.toml


def _entities(article: Article, doc: Doc) -> list[Entity]:
    """The actors stage's mentions; the parser's own entities when that stage did not run."""
    if article.entities:
        return list(article.entities)
    return [Entity(entity_text=e.text, name=e.text, type=e.label_, start=e.start_char, end=e.end_char,
                   source="spacy") for e in doc.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")]


def _speakers(article: Article, entities: list[Entity]) -> list[Entity]:
    """Quote speakers as mentions carrying the name the quotes stage resolved them to."""
    types = {e.name: e.type for e in entities if e.name}
    return [Entity(entity_text=sp.text, name=sp.name, type=types.get(sp.name), code=sp.code, sector=sp.sector,
                   start=sp.start, end=sp.end, source="speaker")
            for sp in (q.speaker for q in article.quotes)
            if sp is not None and sp.name and sp.start is not None and sp.end is not None]


def _pronouns(doc: Doc, speakers: list[Entity]) -> list[Entity]:
    """Speakers that are pronouns ("he continued"): extra person mentions later phrases can refer back to."""
    out = []
    for sp in speakers:
        span = doc.char_span(sp.start, sp.end, alignment_mode="expand")
        if span is not None and all(t.pos_ == "PRON" for t in span):
            out.append(dataclasses.replace(sp, type=sp.type or "PERSON"))
    return out


class _Voices:
    """Who speaks at an offset: the speaker of the quotation marks around it, or the writer.

    Only words inside quotation marks are the speaker's: an indirect or mixed
    quote's unquoted part is the writer's paraphrase, so its labels are the
    writer's. Quoted passages no quote record claims are "unknown speaker"
    when they are long enough to be speech (short ones are scare quotes).
    """

    def __init__(self, article: Article):
        self.marks: list[tuple[int, int, str]] = []
        for m in find_quote_spans(article.text):
            owner = next((q for q in article.quotes if q.start < m.end and m.start < q.end), None)
            if owner is not None:
                self.marks.append((m.start, m.end, _speaker_name(owner)))
            elif len(article.text[m.start:m.end].split()) >= UNATTRIBUTED_QUOTE_MIN_WORDS:
                self.marks.append((m.start, m.end, UNKNOWN_SPEAKER))

    def at(self, start: int, end: int) -> str:
        for s, e, who in self.marks:
            if s <= start and end <= e:
                return who
        return "writer"


def _speaker_name(quote) -> str:
    sp = quote.speaker
    if sp is None:
        return UNKNOWN_SPEAKER
    return sp.name or sp.org or sp.text or UNKNOWN_SPEAKER


def frame_article(article: Article, doc: Doc, lex: FramingLexicons, model: LoadedLanguageModel,
                  threshold: float | None = None, unrated: float | None = None,
                  sentences: SentenceModel | None = None) -> list[Label]:
    """All labels of a parsed article: kept scare quotes plus descriptors and loaded words.

    Loaded words weaker than `threshold` (default: config.toml's) are left out; so are words no resource
    rates weaker than `unrated` (default: config.toml's `unrated_threshold`), and intensifiers whose word
    is left out. With `sentences`, each sentence's probability goes to `article.meta["loaded_sentences"]`."""
    threshold = shown_threshold() if threshold is None else threshold
    unrated = max(threshold, unrated_threshold() if unrated is None else unrated)
    voices = _Voices(article)
    entities = _entities(article, doc)
    speakers = _speakers(article, entities)
    mentions = sorted(entities + _pronouns(doc, speakers), key=lambda e: e.start if e.start is not None else -1)
    labels = [lab for lab in article.labels if lab.kind != "descriptor" and lab.kind != "loaded"
              and lab.kind != "category"]  # re-running the stage replaces its own labels
    for d in extract_descriptors(doc, mentions, lex.descriptors, speakers):
        labels.append(_label(article, d.text, d.start, d.end, "descriptor", d.actor.name or d.actor.entity_text,
                             voices.at(d.start, d.end)))
    descriptor_spans = [(lab.start, lab.end) for lab in labels if lab.kind == "descriptor"]
    hits = scored_hits(article, doc, model, entities, descriptor_spans, voices)
    if sentences is not None:
        article.meta["loaded_sentences"] = sentences.sentences(doc, hits)
    shown = [(h, voice) for h, voice in hits
             if h.shown and h.strength > 0 and h.strength >= (unrated if h.category == UNRATED else threshold)]
    spans = {(h.start, h.end) for h, _ in shown}
    for h, voice in shown:
        if h.amplifies is None or h.amplifies in spans:  # an intensifier only beside a shown word
            labels.append(_label(article, h.text, h.start, h.end, "loaded", None, voice, h.strength))
    labels = _dedupe(labels)
    labels.sort(key=lambda lab: (lab.start, lab.end, lab.kind))
    for n, lab in enumerate(labels):
        lab.id = f"{article.id}:l{n}"
    return labels


def scored_hits(article: Article, doc: Doc, model: LoadedLanguageModel, entities: list[Entity] | None = None,
                descriptor_spans: list[tuple[int, int]] = (), voices: _Voices | None = None) -> list[tuple[Hit, str]]:
    """Every word the loaded-language model scores, with its voice (no threshold)."""
    entities = _entities(article, doc) if entities is None else entities
    voices = voices or _Voices(article)
    triggers = [(ev.trigger.start, ev.trigger.end) for ev in article.events
                if ev.trigger is not None and ev.trigger.start is not None and ev.trigger.end is not None]
    return [(h, voices.at(h.start, h.end)) for h in model.hits(doc, _names(doc, entities), triggers, article.text)
            if not any(s <= h.start < e for s, e in descriptor_spans)]  # a descriptor's words are its own


def stage_hits(article: Article, doc: Doc, model: LoadedLanguageModel) -> list[tuple[Hit, str]]:
    """`scored_hits` of an article the stage has framed: its descriptors' words left out, as the stage does."""
    spans = [(lab.start, lab.end) for lab in article.labels if lab.kind == "descriptor"]
    return scored_hits(article, doc, model, descriptor_spans=spans)


def _names(doc: Doc, entities: list[Entity]) -> list[tuple[int, int]]:
    """Character spans of proper names ("Heroic Dawn Party"), where a loaded word is part of a name.
    Described groups the actors stage resolved ("the terror group") are not names."""
    found = [e for e in doc.ents if e.label_ in NAME_TYPES]
    found += [doc.char_span(e.start, e.end, alignment_mode="expand") for e in entities if e.start is not None]
    return [(span.start_char, span.end_char) for span in found
            if span is not None and all(t.is_title or t.is_stop or t.is_punct for t in span)]


def _label(article: Article, text: str, start: int, end: int, kind: str, actor: str | None, voice: str,
           strength: float | None = None) -> Label:
    return Label(id="", article_id=article.id, text=text, start=start, end=end, kind=kind, actor=actor, voice=voice,
                 strength=strength)


def _dedupe(labels: list[Label]) -> list[Label]:
    """One label per (kind, span); scare quotes overlapping an earlier one are the same mark."""
    seen: set[tuple[str, int, int]] = set()
    scare: list[Label] = []
    out = []
    for lab in labels:
        key = (lab.kind, lab.start, lab.end)
        if key in seen:
            continue
        if lab.kind == "scare_quote" and any(s.start < lab.end and lab.start < s.end for s in scare):
            continue
        seen.add(key)
        if lab.kind == "scare_quote":
            scare.append(lab)
        out.append(lab)
    return out


class FramingStage:
    """Doc stage "framing": reads the parse, actor mentions, quotes and events; writes labels."""

    name = "framing"
    reads = ("doc", "entities", "quotes", "events")
    writes = ("labels",)

    def __init__(self, lexicon: FramingLexicons, sentences: SentenceModel | None = None):
        self.lexicon = lexicon
        self.sentences = sentences
        self.model = LoadedLanguageModel(lexicon.loaded, lexicon.descriptors)
        self.threshold = shown_threshold()
        self.unrated = unrated_threshold()

    def __call__(self, article: Article, doc: Doc) -> None:
        article.labels = frame_article(article, doc, self.lexicon, self.model, self.threshold, self.unrated,
                                       self.sentences)


def make_stage(ctx) -> FramingStage:
    """The framing stage; lexicons are loaded once per process."""
    return FramingStage(ctx.resource("framing.lexicon", load_lexicon),
                        ctx.resource("framing.sentences", load_sentence_model))
