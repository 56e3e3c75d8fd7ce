"""Places: every place mention of an article, resolved against the offline gazetteer.

Two entry points:

- `find_places(article, doc, d, gaz)` -> every place mention (`Place`), with
  offsets, GeoNames id, coordinates, feature, country, admin1 and `via`;
  unknown names are kept with nulls and a `reason`.
- `place_for(text, d)` / `resolve_place(text, ctx)`: one place phrase ("the
  southern Gaza city of Khan Younis", "Istanbul, Turkey") -> `Place`, used to
  code actors by the country of a place.

Mentions are the parser's GPE/LOC/FAC names, the dateline ("GAZA CITY (AP)
-"), a state after a party letter ("R-Ohio"), and names the small model
mistyped as PERSON/ORG that the gazetteer knows. Demonyms ("Israeli"),
organisations named after places ("the Washington Post", "Tulsa Police
Department", "Bank of China") and a person's name ("Jim Jordan") are not places.

Resolution, most specific evidence first (`via`):
1. `own`: our gazetteer additions and user files (`places:` of `--actors`);
2. `qualifier`: a narrowing place in the text ("Alexandria, Virginia";
   "Paris, Texas"; "Rafah in southern Gaza");
3. `dateline` / `context`: a candidate in a country or division the article's
   dateline or other unambiguous places name;
4. `gazetteer`: the only candidate; `population`: the default order (country,
   then first-level division, then the most populous town; a capital first).
Word lists live in `data/place_words.yaml`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..datafiles import read_yaml, word_list
from ..model import Article, Place
from ..settings import tuning
from .dictionary import OWN_PLACE, ActorDictionary, PlaceEntry, norm
from .gazetteer import Candidate, Gazetteer
from .resolve import tokens
from .words import default_words

_T = tuning("places")  # each threshold is explained in config.toml
_BIG_TOWN = int(_T["big_town_population"])

_LEVEL_RANK = {"site": 0, "city": 1, "region": 2, "admin2": 2, "admin1": 2, "country": 3, "continent": 4}
PLACE_LABELS = ("GPE", "LOC", "FAC")
_OWN_FEATURE = {"country": "A.PCLI", "region": "L.RGN", "city": "P.PPL", "site": "S.BLDG"}
SMALL_TOWN = 10_000  # a town below this size needs support from the text (qualifier, context, dateline)
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z'.\-]+(?: [A-Z][A-Z'.\-]+){0,3})"
    r"(?:,[ \t]*(?P<qual>[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?"
    r"(?:,[ \t]*[A-Z][a-z]{2,8}\.? \d{1,2})?[ \t]*(?:\([A-Za-z .]+\))?[ \t]*[-\u2013\u2014]", re.M)
_PARTY_STATE = re.compile(r"\((?:R|D|I)-(?P<state>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\)")


@dataclass(frozen=True)
class PlaceWords:
    leading: frozenset[str]
    place_prepositions: frozenset[str]
    qualifier_prepositions: frozenset[str]
    place_object_verbs: frozenset[str]
    organisation_heads: frozenset[str]
    organisation_before: tuple[str, ...]
    states: dict[str, str]  # "Mich." -> "MI"
    institution_nouns: frozenset[str]
    vague: frozenset[str]
    division_words: frozenset[str]
    division_after: frozenset[str]
    operation_nouns: frozenset[str]
    place_designators: frozenset[str]
    lawmaker_of: re.Pattern  # a lawmaker's title and name, then "of": the state follows


@lru_cache(maxsize=1)
def place_words() -> PlaceWords:
    """The word lists of `data/place_words.yaml`."""
    from pathlib import Path

    path = Path(__file__).parent / "data" / "place_words.yaml"
    data = read_yaml(path)
    return PlaceWords(
        leading=frozenset(w.lower() for w in data["leading"]),
        # word_list refuses a YAML boolean: an unquoted "on" or "off" is read as true/false
        place_prepositions=frozenset(word_list(path, data, "place_prepositions")),
        qualifier_prepositions=frozenset(word_list(path, data, "qualifier_prepositions")),
        place_object_verbs=frozenset(data["place_object_verbs"]),
        organisation_heads=frozenset(data["organisation_heads"]),
        organisation_before=tuple(w.lower() for w in data["organisation_before"]),
        states={k: v for k, v in data["state_abbreviations"].items()},
        vague=frozenset(norm(w) for w in data["vague"]),
        institution_nouns=frozenset(w.lower() for w in data["institution_nouns"]),
        division_words=frozenset(w.lower() for w in data["division_words"]),
        division_after=frozenset(data["division_after"]),
        operation_nouns=frozenset(data["operation_nouns"]),
        place_designators=frozenset(data["place_designators"]),
        lawmaker_of=re.compile(r"\b(?:" + "|".join(map(re.escape, data["lawmaker_titles"])) + r")\.?"
                               r"(?: [A-Z][\w.'\-]*){1,4} of $"),
    )


# ---------------------------------------------------------------- one phrase

def resolve_place(text: str, ctx) -> Place | None:
    """Resolve a place phrase with the context's dictionary; None when unknown."""
    from . import get_dictionary

    return place_for(text, get_dictionary(ctx))


def place_for(text: str, d: ActorDictionary) -> Place | None:
    """As `resolve_place`, given the compiled dictionary."""
    if not text or not text.strip():
        return None
    head, _, tail = text.partition(",")
    country = d.country_code(tail) if tail.strip() else None
    hint = country[0] if country else None
    exact = _lookup(norm(head), d, hint)
    if exact is not None:
        return _place(text, exact)
    best = _scan(head, lambda key: _lookup(key, d, hint), lambda e: _LEVEL_RANK[e.level])
    return _place(text, best) if best is not None else None


def _scan(text: str, lookup, rank):
    """The most specific known name inside a phrase; at equal level the later one ("the
    southern Gaza city of Khan Younis", "the Lebanese capital Beirut")."""
    # a determiner alone is no place ("most West Africans" is not Most, Czechia)
    leading = place_words().leading | default_words().determiners
    best = None
    toks = tokens(text)
    cased = tokens(text, lower=False)
    # a one-word name is capitalised: "San Francisco federal court" is not the town of Federal
    common = [t.islower() for t in cased] if len(cased) == len(toks) and text != text.lower() else [False] * len(toks)
    i = 0
    while i < len(toks):
        step = 1
        for n in range(min(6, len(toks) - i), 0, -1):
            if n == 1 and (toks[i] in leading or common[i]):
                continue
            hit = lookup(norm(" ".join(toks[i:i + n]).replace(" 's", "'s").replace(" - ", "-")))
            if hit:
                if best is None or rank(hit) <= rank(best):
                    best = hit
                step = n
                break
        i += step
    return best


def _lookup(key: str, d: ActorDictionary, hint: str | None) -> PlaceEntry | None:
    if not key:
        return None
    hit = d.country_code(key)
    if hit is not None and hit[1] == "name":  # "Armenia" the country, not the Colombian city
        country = d.countries[hit[0]]
        return PlaceEntry(country.name, country.code, "country", geonames_id=country.geonames_id)
    entries = d.places_for(key)
    if entries:
        if hint:
            for entry in entries:
                if entry.code == hint:
                    return entry
        return entries[0]
    hit = d.country_code(key)
    if hit is not None and hit[1] in ("name", "capital"):
        country = d.countries[hit[0]]
        if hit[1] == "capital" and country.capital:
            for entry in d.places_for(norm(country.capital)):
                if entry.code == country.code:
                    return entry
        return PlaceEntry(country.name, country.code, "country", geonames_id=country.geonames_id)
    return None


def _place(text: str, entry: PlaceEntry) -> Place:
    return Place(text=text, name=entry.name, code=entry.code, geonames_id=entry.geonames_id, lat=entry.lat,
                 lon=entry.lon, level=entry.level, country=entry.code, feature=_OWN_FEATURE.get(entry.level))


# ---------------------------------------------------------------- every mention

@dataclass
class _Mention:
    start: int
    end: int
    text: str
    kind: str  # ent | dateline | party | corrected
    cands: list[Candidate]
    label: str = "GPE"


def find_places(article: Article, doc: Any, d: ActorDictionary, gaz: Gazetteer) -> list[Place]:
    """Every place mention of `article` (parsed as `doc`), resolved; in text order."""
    words = place_words()
    mentions = _mentions(article, doc, d, gaz, words)
    for m in mentions:
        m.cands = _candidates(m.text, d, gaz, words)
    article.meta.pop("dateline", None)
    for m in mentions:
        if m.kind == "dateline":
            article.meta["dateline"] = [m.start, m.end]  # the events stage's last-resort location
            break
    context, own, dateline = _context(mentions)
    out = []
    for i, m in enumerate(mentions):
        if m.label == "FAC" and not m.cands:
            continue  # an unknown building or road ("the Capitol") is not worth an unresolved record
        others = {k: v - own[i].get(k, 0.0) for k, v in context.items()}  # a mention is no evidence for itself
        place = _choose(m, i, mentions, article.text, others, dateline, words)
        place.article_id = article.id
        out.append(place)
    return out


def _mentions(article: Article, doc: Any, d: ActorDictionary, gaz: Gazetteer, words: PlaceWords) -> list[_Mention]:
    text = article.text
    found: list[_Mention] = []
    persons = _person_words(article, doc)
    dl = _dateline(text)
    if dl is not None:
        for s, e in dl:
            found.append(_Mention(s, e, text[s:e], "dateline", []))
    for m in _PARTY_STATE.finditer(text):
        found.append(_Mention(m.start("state"), m.end("state"), m.group("state"), "party", []))
    seen: set[str] = set()
    later = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            kind = "ent"
        elif ent.label_ in ("PERSON", "ORG", "NORP") and _mislabelled_place(ent, d, gaz):
            kind = "corrected"  # "Khan Younis" tagged PERSON by the small model
        else:
            if ent.label_ in ("PERSON", "ORG") and len(ent) <= 2:
                later.append(ent)
            continue
        for s, e in _split_commas(ent):
            s = _extend_left(doc, s, e, gaz)
            span_text = text[s:e]
            if _not_a_place(span_text, s, e, text, ent, d, words, persons):
                continue
            found.append(_Mention(s, e, span_text, kind, [], label=ent.label_))
            seen.add(norm(span_text))
    for ent in later:  # "riots in Ferguson" tagged PERSON/ORG where the article names Ferguson as a place
        if norm(ent.text) in seen and ent.text.lower() not in persons and not d.actors.get(norm(ent.text)):
            found.append(_Mention(ent.start_char, ent.end_char, ent.text, "corrected", [], label="GPE"))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[_Mention] = []
    for m in found:  # the dateline and the party states win over an overlapping entity
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


def _extend_left(doc: Any, s: int, e: int, gaz: Gazetteer) -> int:
    """"New Jersey" where the ruler matched only "Jersey": take capitalised words before the
    mention while they make a longer gazetteer name."""
    span = doc.char_span(s, e, alignment_mode="expand")
    if span is None:
        return s
    best = s
    for k in (1, 2):
        i = span.start - k
        if i < 0 or not all(t.text.istitle() and t.is_alpha for t in doc[i:span.start]):
            break
        if doc[i:span.end].text in gaz:
            best = doc[i].idx
    return best


def _dateline(text: str) -> list[tuple[int, int]] | None:
    """Offsets of the dateline place (and its qualifier) in the first lines: "FLINT, Mich., Oct. 4
    (UPI) -", "GAZA CITY (AP) -", "CHARLOTTE -"."""
    head = text[:600]
    for m in _DATELINE.finditer(head):
        if m.start() > 0 and head.count("\n", 0, m.start()) > _T["dateline_max_lines"]:
            break
        place = m.group("place").rstrip(".-")
        if len(place) < 3 or not any(ch.isalpha() for ch in place):
            continue
        spans = [(m.start("place"), m.start("place") + len(place))]
        if m.group("qual"):
            spans.append((m.start("qual"), m.end("qual")))
        return spans
    return None


def _split_commas(ent: Any) -> list[tuple[int, int]]:
    """"Flint, Mich." as one entity -> two mentions."""
    out, start = [], ent.start_char
    for tok in ent:
        if tok.text == ",":
            if tok.idx > start:
                out.append((start, tok.idx))
            start = tok.idx + 1
    end = ent.end_char
    seg = ent.doc.text[start:end]
    lead = len(seg) - len(seg.lstrip())
    if start + lead < end:
        out.append((start + lead, end))
    return out


def _person_words(article: Article, doc: Any) -> set[str]:
    """Surnames of the article's people: "Jordan said" after "Jim Jordan" is the man."""
    out = set()
    for e in article.entities:
        if e.type == "PERSON" and e.name and len(e.name.split()) > 1:
            out.add(e.name.split()[-1].lower())
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) > 1:
            out.add(ent[-1].text.lower())
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if len(ent) == 1 and _first_name_before(prev):
            out.add(ent.text.lower())
    return out


def _first_name_before(tok: Any) -> bool:
    """A capitalised proper noun right before a one-word name, as in "Jim Jordan"; not a
    title ("Rep."), a place word ("Greater") or a sentence opener."""
    if tok is None or tok.is_sent_start or not tok.text.istitle() or tok.pos_ != "PROPN" or "." in tok.text:
        return False
    if tok.ent_type_ in PLACE_LABELS or tok.ent_type_ in ("NORP", "ORG", "DATE"):
        return False
    return tok.text.lower() not in place_words().leading


def _not_a_place(span_text: str, s: int, e: int, text: str, ent: Any, d: ActorDictionary, words: PlaceWords,
                 persons: set[str]) -> bool:
    key = norm(span_text)
    if not key or key in words.vague:
        return True
    hit = d.country_code(key)
    if hit is not None and hit[1] == "adjective" and key not in d.country_names:
        return True  # "Israeli", "Americans": demonyms and adjectives are not places
    last = span_text.split()[-1].rstrip(".")
    if len(span_text.split()) > 1 and last in words.organisation_heads and not _known(key, d):
        return True  # "Boston Center" (for the Arts)
    after = text[e:e + 40]
    nxt = re.match(r"[ \t]*(?:-[ \t]*)?((?:[A-Z][\w.&\-]*[ \t]+){0,2}[A-Z][\w.\-]*)", after)
    if nxt and any(w.rstrip(".") in words.organisation_heads for w in nxt.group(1).split()):
        return True  # "Washington Post", "Tulsa Police Department", "U.S. PIRG Education Fund"
    if span_text.startswith("The ") and ent.label_ != "GPE" and \
            text[:s].rstrip()[-1:] not in ("", ".", "!", "?", "\n", '"', "“"):
        return True  # "told The Atlantic": a capitalised "The" inside a sentence opens a publication's name
    op = re.match(r"[ \t]+((?:[A-Z][\w\-]*[ \t]+){1,2})([a-z]+)", after)
    if op and op.group(2) in words.operation_nouns and not any(
            w in words.place_designators for w in op.group(1).split()):
        return True  # "the Al-Aqsa Flood operation": the name of an operation
    inst = re.match(r"-[A-Z][\w]*[ \t]+([a-z]+)", after)
    if inst and inst.group(1) in words.institution_nouns:
        return True  # "Charlotte-Mecklenburg police": a compound name of an institution
    before = text[max(0, s - 30):s].lower()
    if any(before.endswith(w + " ") for w in words.organisation_before):
        return True  # "Bank of China"
    first = ent.doc.char_span(s, e, alignment_mode="expand")
    if first is not None and len(first) == 1:
        if first.text.lower() in persons:
            return True
        prev = ent.doc[first.start - 1] if first.start > 0 else None
        if _first_name_before(prev) and prev.text.lower() not in d.country_names:
            return True
    return False


def _known(key: str, d: ActorDictionary) -> bool:
    """One of our own places or a country name ("West Bank" ends like "Bank of ...")."""
    return d.own_place(key) is not None or key in d.country_names


def _mislabelled_place(ent: Any, d: ActorDictionary, gaz: Gazetteer) -> bool:
    """A PERSON/ORG/NORP span that is wholly a place we know well: one of our additions, a
    country name, or a multi-word town of 100,000 people, and no actor of the dictionary."""
    key = norm(ent.text)
    if not key or d.actors.get(key):
        return False
    if d.own_place(key) is not None or d.country_names.get(key):
        return True
    if len(ent) < 2:
        return False
    return any(c.level == "city" and c.population >= _BIG_TOWN for c in gaz.candidates(key)[:3])


def _candidates(text: str, d: ActorDictionary, gaz: Gazetteer, words: PlaceWords) -> list[Candidate]:
    bare = text.replace("\u2019", "'")
    bare = bare[:-2] if bare.endswith("'s") else bare
    if norm(bare) not in gaz and d.own_place(norm(bare)) is None:
        bare = _strip_leading(bare, words)  # "southern Gaza", "upstate New York"; not "North Carolina"
    key = norm(bare)
    if not key:
        return []
    code = words.states.get(bare.strip()) or words.states.get(bare.strip() + ".")
    if code is not None and ("USA", code) in gaz.admin1:
        return [gaz.record(gaz.admin1[("USA", code)])]
    own = [_own(p, gaz) for p in d.places_for(key) if p.population == OWN_PLACE]
    cands = list(own)
    hit = d.country_code(key)
    towns = [c for c in gaz.candidates(key) if c.level == "city" and c.population >= _BIG_TOWN]
    if hit is not None and hit[1] == "name" and not (towns and norm(d.countries[hit[0]].name) != key):
        # a country alias that names a big town ("The Hague" for the Netherlands' government) is the town
        country = _country_record(gaz, hit[0]) or _user_country(d, hit[0])
        if country is not None:
            cands.append(country)
    cands += [c for c in gaz.candidates(key) if c not in cands]
    towns = {(c.country, norm(c.name)) for c in cands if c.level == "city" and c.population >= _BIG_TOWN}
    # a division named after its big town ("Jerusalem", "Tel Aviv"): news means the town
    cands = [c for c in cands if c.level != "admin1" or (c.country, norm(c.name)) not in towns]
    if not cands:
        found = _scan(bare, lambda k: gaz.candidates(k)[:1] or [_own(p, gaz) for p in d.places_for(k)
                                                                   if p.population == OWN_PLACE][:1],
                      lambda cs: _LEVEL_RANK.get(cs[0].level, 1))
        cands = found or []
    return cands


def _strip_leading(text: str, words: PlaceWords) -> str:
    parts = text.replace("\u2019", "'").split()
    while len(parts) > 1 and parts[0].lower() in words.leading:
        parts.pop(0)
    out = " ".join(parts)
    return out[:-2] if out.endswith("'s") else out


def _own(p: PlaceEntry, gaz: Gazetteer) -> Candidate:
    level = p.level
    return Candidate(p.geonames_id, p.name, p.lat, p.lon, level, p.code, None, OWN_PLACE,
                     _OWN_FEATURE.get(level, "L.RGN"), own=True)


def _user_country(d: ActorDictionary, code: str) -> Candidate | None:
    """A country only a user file knows (the invented countries of examples/): centred on its places."""
    country = d.countries.get(code)
    if country is None:
        return None
    pts = {(p[3], p[4]) for ps in d.places.values() for p in ps  # PlaceEntry or its pickled tuple
           if p[1] == code and p[6] == OWN_PLACE and p[3] is not None and p[4] is not None}
    lat = round(sum(p[0] for p in pts) / len(pts), 3) if pts else None
    lon = round(sum(p[1] for p in pts) / len(pts), 3) if pts else None
    return Candidate(country.geonames_id, country.name, lat, lon, "country", code, None, OWN_PLACE, "A.PCLI", own=True)


def _country_record(gaz: Gazetteer, code: str) -> Candidate | None:
    i = gaz.countries.get(code)
    return gaz.record(i) if i is not None else None


def _context(mentions: list[_Mention]) -> tuple[dict[str, float], list[dict[str, float]], Candidate | None]:
    """Countries and divisions the article's places name (unambiguous ones count double, the
    dateline four times), what each mention adds itself, and the dateline place."""
    weights: dict[str, float] = {}
    own: list[dict[str, float]] = []
    dateline = None
    for m in mentions:
        mine: dict[str, float] = {}
        own.append(mine)
        if not m.cands:
            continue
        top = max(m.cands, key=lambda c: _score(c, {})) if not m.cands[0].own else m.cands[0]
        sure = len(m.cands) == 1 or top.own or top.level == "country" or m.kind == "dateline"
        if m.kind == "dateline" and dateline is None and top.level != "admin1":
            dateline = top
        weight = 2.0 if m.kind == "dateline" else (1.0 if sure else 0.5)
        for key in (top.country, top.admin1 and f"{top.country}/{top.admin1}"):
            if key:
                weights[key] = weights.get(key, 0.0) + weight
                mine[key] = weight
    return weights, own, dateline


def _choose(m: _Mention, i: int, mentions: list[_Mention], text: str, context: dict[str, float],
            dateline: Candidate | None, words: PlaceWords) -> Place:
    place = Place(text=m.text, start=m.start, end=m.end)
    if not m.cands:
        place.via, place.reason = None, "not in the gazetteer"
        return place
    cands = m.cands
    if _title_of_work(m, text):
        place.reason = "a capitalised 'The' before a small town's name: a title or publication"
        return place
    before = text[max(0, m.start - 12):m.start].split()
    after = text[m.end:m.end + 20].split()
    state_word = bool(after) and after[0].rstrip(",;:).") in words.division_after
    if (before and before[-1].lower() in words.division_words) or state_word \
            or words.lawmaker_of.search(text[max(0, m.start - 60):m.start]):
        # "upstate New York", "a New York Democrat", "Senator Bernie Sanders of Vermont": the state
        cands = [c for c in cands if c.level == "admin1"] or cands
    via = "own" if cands[0].own else ("gazetteer" if len(cands) == 1 else "population")
    qual = _qualifier(i, mentions, text, words)
    if qual is not None and len(cands) > 1:
        narrowed = [c for c in cands if _within(c, qual)]
        if narrowed:
            cands, via = narrowed, "qualifier"
    if len(cands) > 1 and not cands[0].own:
        default = max(cands, key=lambda c: _score(c, {}))
        best = max(cands, key=lambda c: _score(c, context))
        if dateline is not None and best is not default and _within(best, dateline):
            via = "dateline"
        elif best is not default:
            via = "context"
        cands = [best]
    elif m.kind == "dateline" and not cands[0].own and via != "qualifier":
        via = "dateline"
    c = cands[0]
    if (c.level == "city" and not c.own and c.population < SMALL_TOWN and via not in ("qualifier", "dateline")
            and context.get(c.country or "", 0.0) < 1.0):
        # only a village of that name, in a country the article does not otherwise name ("Satan's
        # kingdom"): more likely not a place at all than that village
        place.reason = "only small towns of that name, none in the article's countries"
        return place
    place.name, place.geonames_id, place.lat, place.lon = c.name, c.geonames_id, c.lat, c.lon
    place.level, place.feature, place.country, place.code, place.admin1 = (c.level, c.feature, c.country, c.country,
                                                                         c.admin1)
    place.via = via
    return place


def _title_of_work(m: _Mention, text: str) -> bool:
    """"a writer for The Atlantic": a capitalised "The" inside a sentence, then one word whose best
    match is a town under 100,000 people (so not "The Hague") and no country or region of ours."""
    if not m.text.startswith("The ") or len(m.text.split()) != 2 or m.start == 0:
        return False
    if text[max(0, m.start - 2):m.start].strip() in ("", ".", "\n") and text[m.start - 1] == "\n":
        return False
    top = m.cands[0]
    return top.level == "city" and not top.own and max(c.population for c in m.cands) < _BIG_TOWN


def _score(c: Candidate, context: dict[str, float]) -> float:
    if c.level in ("country", "continent"):
        base = 12.0
    elif c.level == "admin1":
        base = 6.5
    elif c.level == "admin2":
        base = 5.0
    else:
        base = math.log10(c.population + 1)
        if c.feature == "P.PPLC":
            base += 1.5
    if context:
        base += 2.0 * min(context.get(c.country or "", 0.0), 2.0)
        if c.admin1:
            base += 1.0 * min(context.get(f"{c.country}/{c.admin1}", 0.0), 2.0)
    return base


def _qualifier(i: int, mentions: list[_Mention], text: str, words: PlaceWords) -> Candidate | None:
    """The place that narrows mention i: ", Virginia" right after it, or "in (southern) Gaza"."""
    if i + 1 >= len(mentions):
        return None
    m, n = mentions[i], mentions[i + 1]
    if not n.cands:
        return None
    gap = text[m.end:n.start]
    if re.fullmatch(r"\s*,\s*", gap) or re.fullmatch(r"\s*\(\s*", gap):
        return n.cands[0] if n.cands[0].level in ("country", "admin1", "admin2", "region") or n.cands[0].own else None
    parts = gap.lower().split()
    if parts and parts[0].strip(",") in words.qualifier_prepositions and len(parts) <= 3 and all(
            p in words.leading for p in parts[1:]):
        top = n.cands[0]
        return top if top.level in ("country", "admin1", "admin2", "region") else None
    return None


def _within(c: Candidate, area: Candidate) -> bool:
    """Is `c` in `area` (a country, division or region), or within 100 km of it?"""
    if c is area:
        return False
    if area.level == "country":
        return c.country == area.country
    if area.level == "admin1":
        return c.country == area.country and c.admin1 == area.name
    if area.level == "admin2" and c.level == "admin2":
        return False
    if None in (c.lat, c.lon, area.lat, area.lon):
        return c.country == area.country
    return distance_km(c.lat, c.lon, area.lat, area.lon) <= _T["near_area_km"]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(min(1.0, h)))
