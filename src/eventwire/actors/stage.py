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

import dataclasses

import numpy
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..model import Article, Entity, Place
from ..settings import tuning
from .affiliation import (
    US,
    apposition_phrase,
    of_country,
    offices_follow,
    placing_mention,
    resolve_homonyms,
    title_phrase,
    titled_form,
    us_party_tag,
)
from .dictionary import ActorDictionary, norm
from .gazetteer import Gazetteer, load_gazetteer
from .places import find_places, place_for, place_words
from .resolve import ORG_TEMPLATES, analyse, body_name, from_actor, pick_sector, resolve_phrase
from .words import default_words

NAMED = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
_APPOS = get_string_id("appos")
_MODIFIER_POS = {"ADJ", "NOUN", "PROPN", "PART"}
_WORDS = default_words()
_HONORIFICS = _WORDS.honorifics
_LOCATIVE = _WORDS.place_prepositions
_MAX_PLACE_EXTENSION = int(tuning("actors")["max_place_extension_tokens"])


class ActorsStage:
    name = "actors"
    reads = ("doc",)
    writes = ("entities", "places")

    def __init__(self, ctx, dictionary: ActorDictionary):
        self.ctx = ctx
        self.d = dictionary

    def __call__(self, article: Article, doc: Doc) -> None:
        gaz = self.ctx.resource("actors.gazetteer", load_gazetteer)
        article.entities = extract_entities(doc, self.d, article.date or self.ctx.settings.default_date, gaz)
        article.places = find_places(article, doc, self.d, gaz)
        agree_with_places(article.entities, article.places, doc)


def agree_with_places(entities: list[Entity], places: list[Place], doc: Doc | None = None) -> None:
    """A place name taken for an actor by the town table alone (`source` "gazetteer") takes the country
    the place resolver chose for the same mention, which weighs first-level divisions, qualifiers and the
    article's other places ("Illinois and Arizona": the US state, not the Honduran town of Arizona). A
    place the text itself qualifies ("Paris, Texas") takes the resolver's country whatever the
    dictionary says, and so does an office of it ("the mayor of Paris, Texas")."""
    by_span = {(p.start, p.end): p for p in places}
    changed = []
    for ent in entities:
        place = by_span.get((ent.start, ent.end))
        if place is None or not place.code:
            continue
        if place.via == "qualifier":  # marked even when the codes agree: later stages must not re-read it
            ent.source = "qualifier"
        if place.code != ent.code and ent.source in ("gazetteer", "qualifier"):
            ent.code, ent.name = place.code, place.name or ent.name
            changed.append(ent)
    if doc is not None:
        offices_follow(entities, doc, changed)


def extract_entities(doc: Doc, d: ActorDictionary, date: str | None, gaz: Gazetteer | None = None) -> list[Entity]:
    """All actor mentions of `doc`, in text order, with char offsets; `gaz` codes a body "of" or "in"
    a first-level division ("the government of Sindh province")."""
    named = [e for e in doc.ents if e.label_ in NAMED and _plausible(e) and not _capitalised_modifier(e, d)]
    ents = _repair_persons(named, doc, d)
    person_spans = [e for e in ents if _is_person(e, d, date)]
    people = _people(person_spans, d, date)
    found: list[Entity] = [_person_entity(e, d, date, people) for e in person_spans]
    found += _untagged_surnames(doc, people, ents)
    for ent in ents:
        if ent not in person_spans and not _title_of(ent, person_spans):
            entity = _surname_of_named_person(ent, d, people) or _named_entity(ent, d, date, people)
            if entity is not None:
                found.append(entity)
    found += _institution_phrases(doc, d, date, people, person_spans, gaz)
    return _share_person_codes(_from_context(resolve_homonyms(_fold(found), doc), doc, d))


def _share_person_codes(found: list[Entity]) -> list[Entity]:
    """A surname mention linked to a person named in full (`coref`) takes the country that person has
    elsewhere in the article ("Rep. Adam Schiff ..." in a sentence naming the US, then "Schiff called
    on ..."): one person, one country."""
    codes: dict[str, str] = {}
    for ent in found:
        if ent.type == "PERSON" and ent.name and ent.code:
            codes.setdefault(ent.name, ent.code)
    for ent in found:
        if ent.source == "coref" and ent.code is None and ent.name in codes:
            ent.code = codes[ent.name]
        elif ent.type == "PERSON" and ent.code is None and ent.name:
            # the full name again without the title it had elsewhere: "Ted Cruz" and "Sen. Ted Cruz"
            titled = next((n for n in codes if titled_form(n, ent.name.strip())), None)
            if titled is not None:
                ent.code, ent.source = codes[titled], "coref"
    # a surname the registry left unlinked (several people share it: "Ted Cruz", "Heidi Cruz") is the
    # person named in full most recently before it, and takes the country and sector that mention has
    full = sorted((e for e in found if e.type == "PERSON" and e.start is not None
                   and len(norm(e.name or "").split()) > 1), key=lambda e: e.start)
    named = [e for e in full if e.code]
    for ent in found:
        key = norm(ent.entity_text or "")
        if ent.type != "PERSON" or ent.code or ent.start is None or " " in key or not named:
            continue
        last = next((p for p in reversed(full) if p.start < ent.start and norm(p.name or "").split()[-1] == key), None)
        # (named there without a code, the person may have one in another full mention)
        donor = last if last is None or last.code else next(
            (p for p in named if norm(p.name or "") == norm(last.name or "")), None)
        if donor is not None:
            ent.name, ent.code, ent.sector, ent.org = donor.name, donor.code, donor.sector, donor.org
            ent.source = "coref"
    return found


def _repair_persons(ents: list[Span], doc: Doc, d: ActorDictionary) -> list[Span]:
    """Fix the small model's person spans.

    - "Ilya Dorn" tagged as just "Dorn": extend over the first names (PROPN
      compounds of the name) before it;
    - a name in apposition with a title noun ("a Vostran army spokesman,
      Ilya Dorn," / "Ilya Dorn, a spokesman") that the model missed or
      mistyped becomes a PERSON span;
    - a surname that is also a town, tagged as a place after an untagged first
      name and described by an apposition ("Kenzo Oshima, the UN relief
      coordinator,") is the person, not the town.
    """
    out = []
    for ent in ents:
        if ent.label_ in ("GPE", "LOC") and _surname_of_described_person(ent, d):
            ent = Span(doc, ent.start - 1, ent.end, label="PERSON")
        if ent.label_ == "PERSON":
            start, end = ent.start, ent.end
            while start > 0 and _first_name(doc[start - 1], ent):
                start -= 1
            while end - start > 1 and (doc[start].lower_ in _HONORIFICS or (doc[start].lower_,) in d.institutions):
                start += 1  # "Minister Samir Adel": the title is not part of the name
            ent = Span(doc, start, end, label="PERSON") if (start, end) != (ent.start, ent.end) else ent
        out.append(ent)
    taken = {i for e in out for i in range(e.start, e.end)}
    appos = numpy.flatnonzero(doc.to_array("DEP") == _APPOS)  # array scan: iterating Tokens is slow
    for i in appos.tolist():
        tok = doc[i]
        other = tok.head
        if tok.i in taken:
            continue
        name, title = (tok, other) if tok.pos_ == "PROPN" else (other, tok)
        if name.pos_ != "PROPN" or not name.is_title or title.tag_ != "NN":
            continue
        inst = d.institutions.get((title.lower_,))
        if inst is None or inst.people:
            continue
        start = name.i
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == name.i and doc[start - 1].is_title:
            start -= 1
        if not any(i in taken for i in range(start, name.i + 1)) and start < name.i:
            out = [e for e in out if not (e.start >= start and e.end <= name.i + 1)]
            out.append(Span(doc, start, name.i + 1, label="PERSON"))
            taken.update(range(start, name.i + 1))
    return sorted(out, key=lambda e: e.start)


def _surname_of_described_person(ent: Span, d: ActorDictionary) -> bool:
    """A one-word place name right after an untagged capitalised first name, the pair no known place
    nor country, with an apposition describing the pair: "Kenzo Oshima, the UN relief coordinator"."""
    if len(ent) != 1 or ent.start == 0:
        return False
    first = ent.doc[ent.start - 1]
    if first.pos_ != "PROPN" or first.dep_ != "compound" or first.head.i != ent.start or first.ent_type_ \
            or not first.text.istitle() or "." in first.text or first.lower_ in place_words().leading:
        return False
    pair = norm(f"{first.text} {ent.text}")
    if d.places_for(pair) or norm(ent.text) in d.country_names or pair in d.country_names:
        return False
    return apposition_phrase(ent) is not None


def _first_name(tok: Token, ent: Span) -> bool:
    return (tok.pos_ == "PROPN" and tok.is_title and tok.dep_ == "compound" and ent.start <= tok.head.i < ent.end
            and not tok.ent_type_ or tok.ent_type_ == "PERSON") and tok.ent_iob_ != "I"


def _plausible(ent: Span) -> bool:
    """Drop the small model's fragments: "pro-", "anti-", lower-case "names"."""
    text = ent.text.strip()
    if text.endswith("-") or sum(ch.isalpha() for ch in text) < 2:
        return False
    return not (ent.label_ in ("PERSON", "ORG", "GPE") and not any(ch.isupper() for ch in text))


def _capitalised_modifier(ent: Span, d: ActorDictionary) -> bool:
    """A sentence's capitalised first word read as a name by the small model, though it only
    modifies the institution noun after it: "Riot police arrested ...", "Border guards fired ..."."""
    tok = ent.root
    return (ent.label_ == "PERSON" and len(ent) == 1 and tok.is_sent_start and tok.dep_ == "compound"
            and tok.head.i == tok.i + 1 and (tok.head.lower_,) in d.institutions and d.find_actor(ent.text) is None)


def _title_of(ent: Span, person_spans: list[Span]) -> bool:
    """ "Turkish President" tagged ORG right before "Recep Tayyip Erdogan": a title, read with the person."""
    return ent.label_ in ("ORG", "PERSON") and any(p.start == ent.end for p in person_spans) and any(
        t.lower_ in _WORDS.person_titles for t in ent)


def _find_actor(ent: Span, d: ActorDictionary, date: str | None):
    """The dictionary actor for a named mention; a surname alone only names a person
    the model also tagged PERSON ("Austin" the city is not Lloyd Austin)."""
    actor = d.find_actor(ent.text, date)
    if actor is not None and actor.type == "PERSON" and ent.label_ != "PERSON" and len(norm(ent.text).split()) < 2:
        return None
    return actor


def _is_person(ent: Span, d: ActorDictionary, date: str | None) -> bool:
    actor = _find_actor(ent, d, date)
    if actor is not None:
        return actor.type == "PERSON"
    if ent.label_ == "PERSON" and (d.country_code(ent.text) or _all_country_words(ent.text, d)):
        return False  # "Bangladeshi", "Bosnian Serbs": the small model's PERSON is a nationality
    return ent.label_ == "PERSON"


def _all_country_words(text: str, d: ActorDictionary) -> bool:
    words = norm(text).split()
    return bool(words) and all(d.country_code(w) for w in words)


# --- people -------------------------------------------------------------

def _people(spans: list[Span], d: ActorDictionary, date: str | None) -> dict[str, Entity]:
    """Registry of the article's people: full-name and surname keys -> entity.

    A dictionary entry beats an affiliation read from the text; the first
    affiliation found for a name applies to all its mentions.
    """
    full: dict[str, Entity] = {}
    for ent in sorted(spans, key=lambda e: len(norm(e.text).split()) < 2):  # full names first
        key = norm(ent.text)
        if " " not in key and any(k.endswith(" " + key) for k in full):
            continue  # "Katz" after "Yosef Katz" is Yosef Katz, whatever the dictionary knows
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
        # an ambiguous surname links to nobody; "Miss Universe Alicia Machado" and "Alicia Machado" are one
        shortest = min(keys, key=len)
        if surname not in registry and all(k == shortest or k.endswith(" " + shortest) for k in keys):
            registry[surname] = full[shortest]
    return registry


def _untagged_surnames(doc: Doc, people: dict[str, Entity], ents: list[Span]) -> list[Entity]:
    """ "Naim said" where the model tagged nothing: a capitalised surname of a person
    already named in full in the article is a mention of that person (`coref`)."""
    surnames = {k: e for k, e in people.items() if " " not in k and e.name and " " in e.name}
    if not surnames:
        return []
    taken = {i for e in ents for i in range(e.start, e.end)}
    ids = numpy.array([get_string_id(k) for k in surnames], dtype="uint64")
    out = []
    for i in numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), ids)).tolist():
        tok = doc[i]
        if i in taken or not tok.is_title or tok.pos_ != "PROPN":
            continue
        out.append(_coref(surnames[tok.lower_], doc[i:i + 1]))
    return out


def _coref(base: Entity, span: Span) -> Entity:
    """A short mention of the person `base` (source `coref`)."""
    return _at(Entity(entity_text=span.text, name=base.name, code=base.code, sector=base.sector,
                      wikidata_id=base.wikidata_id, type="PERSON", org=base.org, source="coref"), span)


def _surname_of_named_person(ent: Span, d: ActorDictionary, people: dict[str, Entity]) -> Entity | None:
    """ "Alicia Machado ... attacked Machado": a one-word name the model tagged as a place or body that is
    the surname of a person the article named in full is that person, not the town of the same name (a
    country or capital keeps its own reading)."""
    key = norm(ent.text)
    base = people.get(key)
    if len(ent) != 1 or base is None or not base.name or " " not in base.name or d.country_code(ent.text):
        return None
    return _coref(base, ent)


def _rank(entity: Entity) -> int:
    return {"dictionary": 3, "apposition": 2}.get(entity.source or "", 1) + (1 if entity.code else 0)


def _own_resolution(ent: Span, d: ActorDictionary, date: str | None, known: dict[str, Entity]) -> Entity | None:
    actor = d.find_actor(ent.text, date)
    title = title_phrase(ent)
    if actor is None and title is not None:  # the dictionary knows "President Bush", not "Bush" alone
        actor = d.find_actor(f"{title[-1].text} {ent.text}", date)
    body = ent.doc[ent.end] if ent.end < len(ent.doc) and ent.doc[ent.end].lower_ in _WORDS.leader_bodies else None
    if actor is None and body is not None:
        # "the Bush administration": a leader's government; the name with a leader's title finds them
        found = {a.code: a for t in _WORDS.person_titles if (a := d.find_actor(f"{t} {ent.text}", date)) is not None}
        actor = next(iter(found.values())) if len(found) == 1 else None
    if actor is not None and actor.type == "PERSON":
        entity = from_actor(ent.text, actor, "dictionary")
        if entity.sector is None and title is not None:  # out of office at the date: the title's sector
            entity.sector = resolve_phrase(title.text, d, date, known).sector
        if entity.sector is None and body is not None:
            entity.sector = resolve_phrase(body.text, d, date, known).sector  # "administration"
        return entity
    found = []
    for phrase in (title, apposition_phrase(ent), of_country(ent, d)):
        if phrase is None:
            continue
        desc = resolve_phrase(phrase.text, d, date, known)
        if desc.code or desc.sector or (desc.name and desc.type == "ORG"):
            found.append((phrase, desc))
    lawmaker = us_party_tag(ent)
    if lawmaker is not None and not any(x.code for _, x in found):
        sector = next((x.sector for _, x in found if x.sector), None) or lawmaker.sector
        body = body_name(sector, d.country(US).name)  # "Legislature of the United States"
        return _affiliated(ent, dataclasses.replace(lawmaker, sector=sector, name=body))
    if not found:
        return None
    # "King Hassan of Morocco", "President X, the Vostran leader": the title gives the sector, a
    # descriptor on the other side the country; without one the sentence may give the country later
    phrase, desc = found[0]
    coded = next(((p, x) for p, x in found if x.code), None)
    if not desc.code and coded is not None:
        whole = resolve_phrase(f"{phrase.text} of {coded[0].text}", d, date, known)  # "King of Morocco"
        desc = whole if whole.code == coded[1].code and whole.sector else dataclasses.replace(
            coded[1], sector=coded[1].sector or desc.sector)
    return _affiliated(ent, desc)


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
    actor = _find_actor(ent, d, date)
    if actor is not None:
        return _at(from_actor(text, actor, "dictionary"), ent)
    if ent.label_ == "NORP" and _ethnic(ent):  # "ethnic Albanians": a group, located by the sentence
        return _at(Entity(entity_text=text, name=text, type="NORP", sector="CVL", source="pattern"), ent)
    hit = d.country_code(text)
    if hit is not None:
        entity = resolve_phrase(text, d, date)
        home = of_country(ent, d) if ent.label_ == "NORP" and ent.root.tag_ in ("NNPS", "NNS") else None
        if home is not None:  # "the Albanians of southern Serbia": the people of the country they live in
            entity.code, entity.source = d.country_code(home.text)[0], "pattern"
            return _at(entity, ent.doc[ent.start:home.end])
        if hit[1] == "capital" and _locative(ent):
            entity.sector = None  # "talks in Tehran": a place, not the government
        return _at(entity, ent)
    place = _gazetteer(text, d)
    if place is not None:
        return _at(Entity(entity_text=text, name=place.name, code=place.code, type=ent.label_ if ent.label_ in (
            "GPE", "LOC", "FAC") else "GPE", source="gazetteer"), ent)
    if ent.label_ in ("LOC", "FAC"):
        return None  # unknown places are not actors
    if ent.label_ in ("ORG", "GPE") and len(ent) >= 2 and all(t.is_title for t in ent):
        person = _own_resolution(ent, d, date, people)  # "Vice-President Moody Awori" tagged ORG
        if person is not None and _titled(ent, d):
            return _at(person, ent)
    if ent.label_ in ("ORG", "NORP", "PERSON"):  # "Egyptian Foreign Ministry", "Bosnian Serbs"
        entity = resolve_phrase(text, d, date, people)
        if entity.code or (entity.type == "NORP" and entity.source == "pattern"):  # or a group, located later
            entity.type = entity.type or ("ORG" if ent.label_ == "ORG" else "NORP")
            return _at(entity, ent)
    if ent.label_ == "ORG":  # "the Political Bureau of Hamas": a body of the group named after it
        owner = _owner(ent, d, date)
        if owner is not None:
            return _at(Entity(entity_text=text, name=f"{_clean_name(text)} of {owner.name}", code=owner.code,
                              sector=owner.sector, type="ORG", source="pattern"), ent)
    return _at(Entity(entity_text=text, name=_clean_name(text), type=ent.label_, source="spacy"), ent)


def _owner(ent: Span, d: ActorDictionary, date: str | None) -> Entity | None:
    """The organisation or country after "of": "the Political Bureau of Hamas" -> Hamas."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of":
        return None
    after = [e for e in doc.ents if e.start in (ent.end + 1, ent.end + 2) and e.label_ in ("ORG", "GPE", "NORP")]
    if not after:
        return None
    owner = resolve_phrase(after[0].text, d, date)
    return owner if owner.code else None


def _titled(ent: Span, d: ActorDictionary) -> bool:
    """A person's title right before the name ("Minister", "spokesman", "Gen.")."""
    title = title_phrase(ent)
    if title is None:
        return False
    last = d.institutions.get((title[-1].lower_,))
    return last is not None and not last.people and title[-1].lower_ not in _WORDS.body_heads


def _gazetteer(text: str, d: ActorDictionary):
    entries = d.places_for(norm(text))
    return entries[0] if entries else None


def _ethnic(span: Span) -> bool:
    return span[0].lower_ == "ethnic" or (span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic")


def _locative(ent: Span) -> bool:
    return ent.start > 0 and ent.doc[ent.start - 1].lower_ in _LOCATIVE


# --- institution phrases ------------------------------------------------

def _institution_phrases(doc: Doc, d: ActorDictionary, date: str | None, people: dict[str, Entity],
                         person_spans: list[Span], gaz: Gazetteer | None = None) -> list[Entity]:
    taken = [(e.start, e.end) for e in person_spans]
    in_person = {i for s, e in taken for i in range(s, e)}
    heads = numpy.flatnonzero(numpy.isin(doc.to_array("LOWER"), _triggers(d)))
    out = []
    for i in heads.tolist():  # phrase heads that can be institutions or groups (cheaper than doc.noun_chunks)
        root = doc[i]
        if root.pos_ not in ("NOUN", "PROPN") or root.dep_ == "compound":
            continue
        core = _trim(root)
        span = _extend(core)
        if any(s < span.end and span.start < e or s == span.end for s, e in taken):
            continue  # inside a person's mention, or the person's title ("Turkish President" + name)
        if (root.dep_ == "appos" and root.head.i in in_person) or any(
                c.dep_ == "appos" and c.i in in_person for c in root.children):
            continue  # "Ilya Dorn, a Vostran army spokesman": describes the person, read with the name
        a = analyse(core.text, d, date)  # the institution noun must be in the phrase itself
        inst = pick_sector(a.institutions)
        group = span is not core and norm(core.root.text) in d.adjectives  # "Albanians of southern Serbia"
        # "Turkish-backed rebels", "anti-Syria journalist": a hyphenated compound names a side
        sided = any(t.text == "-" and t.i > core.start and (doc[t.i - 1].ent_type_ in ("NORP", "GPE", "ORG") or
                                                             d.country_code(doc[t.i - 1].text)) for t in core)
        if (inst is None and not group) or not (a.actors or a.countries or a.groups or span is not core or sided):
            continue
        entity = resolve_phrase(core.text, d, date, people)
        if span is not core and not (a.actors or a.national()):
            # "rebels in the Ivory Coast", "ethnic Albanians in south Serbia": the place gives the country
            entity.code = _place_code(span.doc[core.end + 1:span.end], d, gaz)
            entity.sector = entity.sector or (inst.sector if inst else "CVL")
            entity.name = entity.name if entity.name and entity.name != core.text else span.text
        if entity.code is None and entity.name is None:
            if not (entity.sector and sided):
                continue
            # "Turkish-backed rebels", "pro-Iranian militias": the phrase names a side that is not the
            # country it mentions; kept uncoded so that the country word inside is not read as the actor
            entity.name = _clean_name(core.text)
        entity.source = entity.source if entity.source in ("dictionary", "region") else "pattern"
        out.append(_at(entity, core))  # the place after "in/of" stays a mention of its own
    return out


def _place_code(span: Span, d: ActorDictionary, gaz: Gazetteer | None = None) -> str | None:
    """The country of the place after "of/in"; a first-level division ("Sindh province", "Bavaria")
    only when no other country has one of that name."""
    place = place_for(span.text, d)
    if place is not None or gaz is None:
        return place.code if place else None
    names = [e.text for e in span.doc.ents if span.start <= e.start and e.end <= span.end]
    codes = {c.country for name in names for c in gaz.candidates(name) if c.level == "admin1"}
    return codes.pop() if len(codes) == 1 else None


_TRIGGERS: dict[int, tuple[ActorDictionary, numpy.ndarray]] = {}


def _triggers(d: ActorDictionary) -> numpy.ndarray:
    """String ids of words that can head an institution or group phrase: institution nouns, demonyms."""
    if id(d) not in _TRIGGERS:  # the dictionary is kept with its array, so its id cannot be reused
        words = {w for words in d.institutions for w in words} | {k for k in d.adjectives if " " not in k} | {
            k for k in d.groups if " " not in k}
        _TRIGGERS[id(d)] = (d, numpy.array(sorted(get_string_id(w) for w in words), dtype="uint64"))
    return _TRIGGERS[id(d)][1]


def _trim(root) -> Span:
    """The run of modifiers ending at a phrase head: "senior Egyptian intelligence officials"."""
    doc = root.doc
    start = root.i
    floor = root.sent.start
    while start > floor:
        prev = doc[start - 1]
        if prev.pos_ in _MODIFIER_POS or prev.text in ("-", "'s", "’s") or (
                prev.tag_ == "VBN" and start - 2 >= floor and doc[start - 2].text == "-"):
            start -= 1  # "Turkish-backed rebels": a hyphenated participle is a modifier
        else:
            break
    while start < root.i and doc[start].pos_ == "PART":
        start += 1
    return doc[start:root.i + 1]


def _extend(span: Span) -> Span:
    """Add a following "of/in + place" to the phrase: "rebels in the Ivory Coast"."""
    root = span.root
    for child in root.rights:
        if child.dep_ == "prep" and child.lower_ in ("of", "in") and child.i == span.end:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            named = objs and (objs[0].ent_type_ in ("GPE", "NORP", "LOC") or any(  # "of Sindh province"
                c.dep_ == "compound" and c.ent_type_ in ("GPE", "LOC") for c in objs[0].children))
            if named and objs[0].right_edge.i - span.start < _MAX_PLACE_EXTENSION:
                return span.doc[span.start:objs[0].right_edge.i + 1]
    return span


# --- helpers ------------------------------------------------------------

def _at(entity: Entity, span: Span) -> Entity:
    """Set char offsets of `span`, leaving a trailing possessive outside; default the type."""
    entity.type = entity.type or ("ORG" if entity.sector else span.label_ or "ORG")
    start, end = span.start_char, span.end_char
    text = span.text  # never doc.text: it re-joins the whole document
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            end -= len(suffix)
            text = text[:-len(suffix)]
    entity.start, entity.end = start, end
    entity.entity_text = text
    return entity


def _from_context(found: list[Entity], doc: Doc, d: ActorDictionary) -> list[Entity]:
    """Country for an uncoded person with a title ("President Levy Mwanawasa") or an ethnic group.

    A possessive country names it ("Syria's Kurds"). Otherwise news names a domestic office-holder
    without the country when the sentence places the story: the nearest country mention before it in the
    sentence, else the only country mentioned after it. Marked `context`.
    """
    people = [e for e in found if e.type == "PERSON" and e.start is not None]
    for ent in found:
        group = ent.type == "NORP" and ent.source == "pattern"  # ethnic/religious group without a country
        wants = (ent.type == "PERSON" and ent.sector) or group
        if ent.code is not None or not wants:
            continue
        span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
        if group and len(span) == 1 and (ent.sector == "REL" or span[0].pos_ == "ADJ"):
            continue  # "Muslim", "Jews", "Islamist" alone: a faith, not a local actor
        # "Syria's Kurds", "Kelmland's President X": the possessive names the country, wherever the story is
        owners = [c.idx for c in span.root.children if c.dep_ == "poss"]
        owner = next((e for e in found if e.code in d.countries and e.start is not None and e.end is not None
                      and any(e.start <= i < e.end for i in owners)), None)
        if owner is not None:
            ent.code, ent.source = owner.code, "context"
            continue
        sent = span.sent
        said = _reported(span)
        # only a country that places the story, never one acted upon ("threatened action against Russia"),
        # nor one inside what the person reports ("aid convoys arrived in Chad, Foreign Minister X said")
        coded = [e for e in found if e is not ent and e.code in d.countries and e.type in ("GPE", "NORP", "ORG", "LOC")
                 and sent.start_char <= e.start < sent.end_char and placing_mention(doc, e.start, e.end)
                 and not any(_in_title_of(e, p, doc) for p in people if p is not ent)
                 and not any(lo <= e.start < hi for lo, hi in said)]
        before = [e for e in coded if e.end <= ent.start]
        after = [e for e in coded if e.start >= ent.end]
        code = before[-1].code if before else (after[0].code if after else None)
        if code:
            ent.code, ent.source = code, "context"
    return found


def _reported(span: Span) -> list[tuple[int, int]]:
    """Character ranges of the clauses the person's verb reports about others ("[aid convoys arrived in
    Chad], Foreign Minister X said"): the places named there are what the speaker talks about, not
    where the speaker is from. A clause about the speaker's own act ("President X said he will lift
    the state of emergency in Kinshasa") still places the speaker."""
    root = span.root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.i == root.i:
        return []
    verb = root.head
    return [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in verb.children if c.dep_ == "ccomp"
            and not any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "PRP" for t in c.children)]


def _in_title_of(mention: Entity, person: Entity, doc: Doc) -> bool:
    """The country word is part of another person's title ("South African leader F.W. de Klerk"):
    it says where that person is from, not where the story happens."""
    if person.start is None or mention.end is None or mention.end > person.start or (
            person.source, person.code) != ("apposition", mention.code):
        return False  # only the country that person's own title gave them
    span = doc.char_span(person.start, person.end, alignment_mode="expand")
    title = title_phrase(span) if span is not None else None
    return title is not None and title.start_char <= mention.start and mention.end <= title.end_char


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
