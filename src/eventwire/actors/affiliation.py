"""A person's organisation from the text: titles and appositions.

English news names an unfamiliar person's side right beside the name:

- a title before it: "Israeli Defense Minister Israel Katz", "Mossad chief
  David Barnea", "Secretary of State Antony Blinken", "Hamas's political
  bureau official Bassem Naim";
- an apposition after it: "Osama Hamdan, a Hamas spokesman, said";
- an apposition before it: "a Vostran army spokesman, Ilya Dorn, said",
  "Chief of the Political Bureau of Hamas, Ismail Haniyeh".

- "of" and a country after it: "King Hassan of Morocco" (`of_country`);
- a US party-state tag after it: "Rep. Tom Hale (R-Ohio)" (`us_party_tag`).

`title_phrase`, `apposition_phrase` and `of_country` return the describing text (with its
character span); the stage resolves it with `resolve_phrase`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..datafiles import read_yaml
from ..model import Entity
from ..settings import tuning
from .dictionary import ActorDictionary
from .places import place_words
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


def titled_form(full: str, name: str) -> bool:
    """`full` is the full name `name` (two words or more) with words before it, a title: "Sen. Ted Cruz" of
    "Ted Cruz" (not "Heidi Cruz", nor "Cruz" alone)."""
    return len(name.split()) >= 2 and full.endswith(" " + name)


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
    """The subtree of `tok` without the name itself, outer punctuation, and the clauses about the
    description ("a Democrat who sits on the committee investigating Russia" is a Democrat: the
    country named in the clause is what the committee investigates, not hers)."""
    doc = ent.doc
    left, right = tok.left_edge.i, tok.right_edge.i + 1
    clauses = [c.left_edge.i for c in tok.children if c.dep_ in ("relcl", "acl") and c.i > tok.i]
    right = min([right, *clauses])
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


# Prepositions under which a country is a party acted upon, not where the story happens (words.yaml).
_TARGET_PREPS = default_words().target_prepositions
_ATTRIBUTION = default_words().attribution_heads
_TARGET_DEPS = {"dobj", "dative", "iobj", "oprd"}
_OWNER_SUFFIXES = default_words().owner_suffixes


def placing_mention(doc: Doc, start: int, end: int) -> bool:
    """A country mention that can place a sentence's story (and so lend its code to an uncoded
    domestic actor); not a target: a direct object or the object of "against", "on", "with" ...
    ("threatened action against Russia", "imposed sanctions on Iran", "held talks with Israel")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if span.end < len(doc) and doc[span.end].is_currency:
        return False  # "US $50 million", "Hong Kong $": a currency's name, not a place
    tok = span.root
    if tok.dep_ == "npadvmod" and tok.head.tag_ == "VBN" and tok.head.lower_ not in _OWNER_SUFFIXES:
        return False  # "a UN-brokered deal", "Iranian-backed rebels": a side that takes part, not a place
    while tok.dep_ in ("amod", "compound", "poss", "nmod", "case", "appos", "conj") and tok.head.i != tok.i:
        # "British nationals", "Russia's hackers": the phrase they modify; a conjunct has the place of the
        # first ("sanctions on Russia and China", "the French and German positions")
        tok = tok.head
    if tok.dep_ == "pobj":
        if tok.head.head.lower_ in _ATTRIBUTION:
            return False  # "according to Vostran state media": who reports it, not where it happens
        return tok.head.lower_ not in _TARGET_PREPS
    return tok.dep_ not in _TARGET_DEPS


# "(R-Ohio)", "(D-N.Y.)", "(Vt.)" after a name: a US politician's party and state (news style)
_PARTY_TAG = re.compile(r"\s*\((?:(?P<party>[RDI])-)?(?P<state>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)\)")
US = "USA"  # the country whose news style tags politicians with party and state


def us_party_tag(ent: Span) -> Entity | None:
    """A member of a US legislature named with a party-state tag ("Rep. Tom Hale (R-Ohio)") or
    described as a member of a US party ("Rep. Tom Hale, the top Democrat on the committee"): the
    country, and the legislature unless a title says otherwise."""
    m = _PARTY_TAG.match(ent.doc.text, ent.end_char)
    if m is not None and (m.group("party") or m.group("state") in place_words().states):
        return Entity(entity_text=m.group(0).strip(), code=US, sector="LEG", type="ORG", source="apposition")
    appos = apposition_phrase(ent)
    member = next((t for t in appos or () if t.is_title and t.lower_ in default_words().us_party_members), None)
    if member is None:
        return None
    return Entity(entity_text=appos.text, code=US, sector="LEG", type="ORG", source="apposition")


def of_country(ent: Span, d: ActorDictionary) -> Span | None:
    """The country a person's name is "of" ("King Hassan of Morocco"); a place homonym
    ("Sen. X of Georgia") is left to the article's context."""
    doc = ent.doc
    if ent.end + 1 >= len(doc) or doc[ent.end].lower_ != "of":
        return None
    obj = next((c for c in doc[ent.end].children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ not in ("GPE", "LOC"):
        return None
    span = next((e for e in doc.ents if e.start <= obj.i < e.end), None)  # "of (southern) Serbia"
    if span is None:
        return None
    hit = d.country_code(span.text)
    if hit is None or hit[1] != "name" or homonym_code(span.text, hit[0], set())[0]:
        return None
    return span


_WORD = re.compile(r"[a-z][a-z.'-]*")


@cache
def _homonyms() -> list[tuple[str, dict[str, frozenset[str]]]]:
    data = read_yaml(Path(__file__).with_name("data") / "homonyms.yaml")
    return [(str(h["name"]).lower(), {code: frozenset(str(w).lower() for w in words)
                                      for code, words in h["senses"].items()}) for h in data["homonyms"]]


def _senses(entity_text: str, code: str | None) -> dict[str, frozenset[str]] | None:
    """The senses (code -> cue words) of the place homonym the text names, if any and if `code` is one of them."""
    words = set(_WORD.findall(entity_text.lower()))
    return next((senses for name, senses in _homonyms() if name in words and (code is None or code in senses)),
                None)


def homonym_code(entity_text: str, code: str | None, article_words: set[str]) -> tuple[bool, str | None]:
    """(is a homonym, code) for a mention whose text names a place homonym ("Georgia", "Alexandria"):
    the sense the article's words point to, or None when they do not single one out."""
    senses = _senses(entity_text, code)
    if senses is None:
        return False, code
    hits = {c: len(cues & article_words) for c, cues in senses.items()}
    best = max(hits.values())
    winners = [c for c, n in hits.items() if n == best]
    return True, (winners[0] if best > 0 and len(winners) == 1 else None)


def resolve_homonyms(found: list[Any], doc: Doc) -> list[Any]:
    """Re-code the mentions of place homonyms from their context (or leave them unknown): the places
    they are listed with ("invasions of Georgia and Ukraine": the country), else the article's words."""
    words = set(_WORD.findall(doc.text.lower()))
    for ent in found:
        if ent.code is None and ent.type != "GPE":
            continue
        hit, code = homonym_code(ent.entity_text or "", ent.code, words)
        if not hit:
            continue
        listed = _listed_sense(ent, doc, found)
        if listed is not None:
            ent.code, ent.source = listed, "homonym-list"
        elif code != ent.code:
            ent.code, ent.source = code, "homonym-context"
    offices_follow(found, doc, [e for e in found if (e.source or "").startswith("homonym")])
    return found


def offices_follow(entities: list[Any], doc: Doc, moved: list[Any]) -> None:
    """An office "of" or "in" a place mention whose code was re-read (`moved`) takes that code: "the
    governor of Georgia", "the mayor of Paris, Texas"."""
    if not moved:
        return
    for ent in entities:
        place = place_of(ent, doc, moved)
        if place is not None:
            ent.code = place.code


def place_of(ent: Any, doc: Doc, found: list[Any]) -> Any | None:
    """The place mention an institution phrase is "of" or "in" ("the governor of Georgia")."""
    if ent.source != "pattern" or ent.start is None:
        return None
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
    if span is None:
        return None
    for prep in (c for c in span.root.children if c.dep_ == "prep" and c.lower_ in ("of", "in")):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            hit = next((o for o in found if o.type in ("GPE", "LOC") and o.start <= obj.idx < o.end), None)
            if hit is not None:
                return hit
    return None


def _listed_sense(ent: Any, doc: Doc, found: list[Any]) -> str | None:
    """The sense of a homonym coordinated with coded places: the sense those places share, or, when
    they are all foreign to the homonym's domestic sense, its only other sense ("Georgia and Ukraine")."""
    span = doc.char_span(ent.start, ent.end, alignment_mode="expand") if ent.start is not None else None
    if span is None:
        return None
    codes = set()
    for tok in span.root.conjuncts:
        codes |= {o.code for o in found if o is not ent and o.code and o.type in ("GPE", "LOC")
                  and o.start <= tok.idx < o.end}
    if not codes:
        return None
    senses = set(_senses(ent.entity_text or "", ent.code) or ())
    if len(codes) == 1 and codes <= senses:
        return next(iter(codes))
    foreign = senses - {"USA"}
    return next(iter(foreign)) if "USA" in senses and "USA" not in codes and len(foreign) == 1 else None
