"""The `actors` doc stage: every actor mention in an article, resolved.

Three passes over the parsed doc:

1. people: each PERSON mention gets its dictionary entry, or an affiliation
   from its title/apposition; full names are registered, so short
   references ("Mashal", "Dorn") and every other mention of the same person
   share one name, organisation and code;
2. named mentions (ORG, GPE, NORP, and LOC/FAC when the gazetteer knows
   them): dictionary, country tables, gazetteer, institution patterns;
3. institution phrases the NER does not cover ("Israeli forces", "the
   Egyptian foreign ministry", "senior Egyptian intelligence officials"),
   from noun chunks that hold a country or organisation word and an
   institution noun; named mentions inside such a phrase are folded into it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..model import Article, Entity
from .affiliation import apposition_phrase, title_phrase
from .dictionary import ActorDictionary, norm
from .resolve import ORG_TEMPLATES, analyse, from_actor, pick_sector, resolve_phrase

NAMED = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_LOCATIVE = {"in", "at", "near", "from", "to", "into", "across", "outside", "inside", "around", "toward",
             "towards", "throughout", "via", "within", "through"}


class ActorsStage:
    name = "actors"
    reads = ("doc",)
    writes = ("entities",)

    def __init__(self, ctx, dictionary: ActorDictionary):
        self.ctx = ctx
        self.d = dictionary

    def __call__(self, article: Article, doc: Doc) -> None:
        article.entities = extract_entities(doc, self.d, article.date or self.ctx.settings.default_date)


def extract_entities(doc: Doc, d: ActorDictionary, date: str | None) -> list[Entity]:
    """All actor mentions of `doc`, in text order, with char offsets."""
    person_spans = [e for e in doc.ents if _is_person(e, d, date)]
    people = _people(person_spans, d, date)
    found: list[Entity] = [_person_entity(e, d, date, people) for e in person_spans]
    for ent in doc.ents:
        if ent.label_ in NAMED and ent not in person_spans:
            entity = _named_entity(ent, d, date, people)
            if entity is not None:
                found.append(entity)
    found += _institution_phrases(doc, d, date, people, person_spans)
    return _fold(found)


def _is_person(ent: Span, d: ActorDictionary, date: str | None) -> bool:
    actor = d.find_actor(ent.text, date)
    if actor is not None:
        return actor.type == "PERSON"
    return ent.label_ == "PERSON"


# --- people -------------------------------------------------------------

def _people(spans: list[Span], d: ActorDictionary, date: str | None) -> dict[str, Entity]:
    """Registry of the article's people: full-name and surname keys -> entity.

    A dictionary entry beats an affiliation read from the text; the first
    affiliation found for a name applies to all its mentions.
    """
    full: dict[str, Entity] = {}
    for ent in spans:
        key = norm(ent.text)
        own = _own_resolution(ent, d, date, full)
        if len(key.split()) < 2 and not (own and own.source == "dictionary"):
            continue
        if own is None:
            own = Entity(entity_text=ent.text, name=_clean_name(ent.text), type="PERSON", source="spacy")
        known = full.get(norm(own.name or key))
        if known is None or _rank(own) > _rank(known):
            full[norm(own.name or key)] = own
    registry: dict[str, Entity] = dict(full)
    surnames: dict[str, list[str]] = {}
    for key in full:
        parts = key.split()
        if len(parts) >= 2:
            surnames.setdefault(parts[-1], []).append(key)
    for surname, keys in surnames.items():
        if len(keys) == 1 and surname not in registry:  # an ambiguous surname links to nobody
            registry[surname] = full[keys[0]]
    return registry


def _rank(entity: Entity) -> int:
    return {"dictionary": 3, "apposition": 2}.get(entity.source or "", 1) + (1 if entity.code else 0)


def _own_resolution(ent: Span, d: ActorDictionary, date: str | None, known: dict[str, Entity]) -> Entity | None:
    actor = d.find_actor(ent.text, date)
    if actor is not None and actor.type == "PERSON":
        return from_actor(ent.text, actor, "dictionary")
    for phrase in (title_phrase(ent), apposition_phrase(ent)):
        if phrase is None:
            continue
        desc = resolve_phrase(phrase.text, d, date, known)
        if desc.code or (desc.name and desc.type == "ORG"):
            return _affiliated(ent, desc)
    return None


def _affiliated(ent: Span, desc: Entity) -> Entity:
    org = desc.name if desc.type == "ORG" else None
    if org is None and desc.code and desc.sector in ORG_TEMPLATES:
        org = desc.name
    return Entity(entity_text=ent.text, name=_clean_name(ent.text), code=desc.code, sector=desc.sector,
                  type="PERSON", org=org, source="apposition")


def _clean_name(text: str) -> str:
    text = text.replace("’", "'").strip()
    return text[:-2] if text.endswith("'s") else text


def _person_entity(ent: Span, d: ActorDictionary, date: str | None, people: dict[str, Entity]) -> Entity:
    key = norm(ent.text)
    base = people.get(key)
    if base is None:
        own = _own_resolution(ent, d, date, people)
        base = own or Entity(entity_text=ent.text, name=_clean_name(ent.text), type="PERSON", source="spacy")
    source = base.source
    if base.source in ("dictionary", "apposition") and key != norm(base.name or ""):
        source = "coref" if key in people and len(key.split()) == 1 and base.source == "apposition" else source
    out = Entity(entity_text=ent.text, name=base.name, code=base.code, sector=base.sector,
                 wikidata_id=base.wikidata_id, type="PERSON", org=base.org, source=source)
    return _at(out, ent)


# --- named mentions -----------------------------------------------------

def _named_entity(ent: Span, d: ActorDictionary, date: str | None, people: dict[str, Entity]) -> Entity | None:
    text = ent.text
    actor = d.find_actor(text, date)
    if actor is not None:
        return _at(from_actor(text, actor, "dictionary"), ent)
    hit = d.country_code(text)
    if hit is not None:
        entity = resolve_phrase(text, d, date)
        if hit[1] == "capital" and _locative(ent):
            entity.sector = None  # "talks in Tehran": a place, not the government
        return _at(entity, ent)
    place = _gazetteer(text, d)
    if place is not None:
        return _at(Entity(entity_text=text, name=place.name, code=place.code, type=ent.label_ if ent.label_ in (
            "GPE", "LOC", "FAC") else "GPE", source="gazetteer"), ent)
    if ent.label_ in ("LOC", "FAC"):
        return None  # unknown places are not actors
    if ent.label_ == "ORG":
        entity = resolve_phrase(text, d, date, people)
        if entity.code:
            entity.type = entity.type or "ORG"
            return _at(entity, ent)
    return _at(Entity(entity_text=text, name=_clean_name(text), type=ent.label_, source="spacy"), ent)


def _gazetteer(text: str, d: ActorDictionary):
    entries = d.places.get(norm(text))
    return entries[0] if entries else None


def _locative(ent: Span) -> bool:
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _LOCATIVE


# --- institution phrases ------------------------------------------------

def _institution_phrases(doc: Doc, d: ActorDictionary, date: str | None, people: dict[str, Entity],
                         person_spans: list[Span]) -> list[Entity]:
    taken = [(e.start, e.end) for e in person_spans]
    out = []
    for chunk in doc.noun_chunks:
        span = _extend(_trim(chunk))
        if span is None or any(s < span.end and span.start < e for s, e in taken):
            continue
        a = analyse(span.text, d, date)
        inst = pick_sector(a.institutions)
        if inst is None or not (a.actors or a.countries):
            continue
        entity = resolve_phrase(span.text, d, date, people)
        if entity.code is None and entity.name is None:
            continue
        entity.source = "pattern" if entity.source != "dictionary" else "dictionary"
        out.append(_at(entity, span))
    return out


def _trim(chunk: Span) -> Span | None:
    start = chunk.start
    while start < chunk.end and (chunk.doc[start].pos_ in ("DET", "NUM", "PRON") or chunk.doc[start].is_punct
                                 or chunk.doc[start].lower_ in ("some", "many", "several", "dozens", "hundreds")):
        start += 1
    return chunk.doc[start:chunk.end] if start < chunk.end else None


def _extend(span: Span | None) -> Span | None:
    """Add a following "of/in + place" to the phrase: "rebels in the Ivory Coast"."""
    if span is None:
        return None
    root = span.root
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in") and child.i == span.end:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].ent_type_ in ("GPE", "NORP", "LOC") and objs[0].right_edge.i - span.start < 12:
                return span.doc[span.start:objs[0].right_edge.i + 1]
    return span


# --- helpers ------------------------------------------------------------

def _at(entity: Entity, span: Span) -> Entity:
    """Set char offsets of `span`, leaving a trailing possessive outside."""
    start, end = span.start_char, span.end_char
    text = span.doc.text[start:end]
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            end -= len(suffix)
    entity.start, entity.end = start, end
    entity.entity_text = span.doc.text[start:end]
    return entity


def _fold(found: list[Entity]) -> list[Entity]:
    """Sort by position; drop mentions inside a longer pattern phrase or duplicated spans."""
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[Entity] = []
    for ent in found:
        if out and ent.start >= out[-1].start and ent.end <= out[-1].end:
            container = out[-1]
            if container.source == "pattern" or (container.start, container.end) == (ent.start, ent.end):
                continue
        if out and ent.start < out[-1].end and ent.source == "pattern":
            continue  # a phrase that cuts across a named mention
        out.append(ent)
    return out
