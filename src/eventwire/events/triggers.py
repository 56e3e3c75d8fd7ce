"""Finding triggers: a lemma index over tokens, then the pattern constraints.

For each token whose lemma starts a pattern (verb, noun or adjective), the
most specific pattern whose child constraints hold wins (user patterns win
ties). Attributive participles ("the wounded soldiers") and nominal
attributes of a copula ("Hamas is a terrorist organization") never trigger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from .agents import sited, token_class
from .flags import is_negated, negates_itself
from .patterns import ChildSpec, Lexicon, Pattern
from .repair import for_clause, inverted_content

VERB_POS = {"VERB"}
NOUN_POS = {"NOUN"}
ADJ_POS = {"ADJ"}


@dataclass
class Trigger:
    tok: Token
    pattern: Pattern
    kind: str  # verb | noun | adj
    clause: Token | None = None  # the verb whose clause carries flags and roles
    requested: tuple[str, str | None] | None = None
    absorbed_by: int | None = None
    absorbed: list[Trigger] = field(default_factory=list)  # triggers folded into this one


def _children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _modifier_lemmas(tok: Token) -> set[str]:
    """Lemmas of the compounds and adjectives of the direct objects ("a hunger strike" -> hunger)."""
    return {c.lemma_.lower() for obj in _children(tok, {"dobj", "nsubjpass"}) for o in [obj, *obj.conjuncts]
            for c in o.children if c.dep_ in ("compound", "amod")}


def object_lemmas(tok: Token) -> set[str]:
    """Lemmas of the direct object (and its compounds, "of" complement, conjuncts, passive subject)."""
    out: set[str] = set()
    for obj in _children(tok, {"dobj", "nsubjpass", "attr", "oprd"}):
        for o in [obj, *obj.conjuncts]:
            out.add(o.lemma_.lower())
            out.add(o.lower_)
            for c in o.children:
                if c.dep_ in ("compound", "amod"):
                    out.add(c.lemma_.lower())
                if c.dep_ == "prep" and c.lower_ == "of":
                    out.update(g.lemma_.lower() for g in c.children if g.dep_ == "pobj")
    for prt in _children(tok, {"prt"}):  # "blow up", "set ablaze"
        out.add(prt.lower_)
    return out


def _pobjs(tok: Token, prep: str) -> list[Token]:
    """Objects of the preposition, a gerund included ("barred them from entering")."""
    return [g for c in tok.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == prep
            for g in c.children if g.dep_ in ("pobj", "pcomp")]


def _has(spec: ChildSpec, children: list[Token], inverted: bool, clause_preps: frozenset[str]) -> bool:
    """A child fills `spec`; an inverted reporting clause fills a clausal-complement slot, and a
    clause introduced by a preposition whose object is the pattern's content (`clause_preps`:
    "called for Kelmland to withdraw") that preposition; not "prepared for the company to ..."."""
    if any(spec.matches(c) for c in children) or (inverted and "ccomp" in spec.deps and spec.lemmas is None):
        return True
    return "prep" in spec.deps and spec.lemmas is not None and any(
        for_clause(c, word) for c in children for word in spec.lemmas & clause_preps)


def _matches(pat: Pattern, tok: Token, markers: dict[str, Any]) -> bool:
    children = list(tok.children)
    if pat.negated_only and not is_negated(tok, markers):
        return False
    # "<clause>, a rights group protested here": the parser hangs the verb on the noun before it
    inverted = tok.dep_ == "acl" and inverted_content(tok) is not None
    preps = frozenset(slot.partition(":")[2] for slot in pat.content if slot.startswith("pobj:"))
    # "staged rallies in Gaza against the leader": a noun's required phrase may hang on its light verb
    wanted = pat.with_ or pat.with_any
    found = children + (_light_verb_children(tok, markers) if wanted and pos_class(tok) == "noun" else [])
    found += _stranded_with(tok) if wanted and tok.pos_ == "VERB" else []
    if any(not _has(spec, found, inverted, preps) for spec in pat.with_):
        return False
    if pat.with_any and not any(_has(spec, found, inverted, preps) for spec in pat.with_any):
        return False
    if any(_has(spec, children, inverted, preps) for spec in pat.without):
        return False
    if pat.head and not any(tok.dep_ in spec.deps and (spec.lemmas is None or tok.head.lemma_.lower() in spec.lemmas)
                            for spec in pat.head):
        return False  # "went on strike": the trigger must hang on this head
    if pat.object is not None or pat.object_without:
        objs = object_lemmas(tok)
        if pat.object is not None and not objs & pat.object:
            return False
        if objs & pat.object_without and (not sited(tok) or _modifier_lemmas(tok) & pat.object_without):
            return False  # "halt air strikes", not "end a hunger strike"; "support the bill", not "the claim"
            # (a site makes "the claim" a target, but "a hunger strike in Tarn" is still a hunger strike)
    # the phrase may hang on the direct object ("placed units on alert", "cleared the minister of charges")
    objects = [tok, *_children(tok, {"dobj"})] if tok.pos_ in ("VERB", "AUX") else [tok]
    for prep, lemmas in pat.object_of_prep.items():
        if not any(p.lemma_.lower() in lemmas for o in objects for p in _pobjs(o, prep)):
            return False
    if pat.content_negated is not None:
        clauses = _children(tok, {slot.split(":")[0] for slot in pat.content} & {"xcomp", "ccomp"})
        if not clauses or any(negates_itself(c, markers["negation_words"]) for c in clauses) != pat.content_negated:
            return False
    if pat.ccomp_aux is not None:
        ok = False
        for comp in _children(tok, {"ccomp"}):
            auxes = {c.lower_ for c in comp.children if c.dep_ == "aux"}
            if auxes & pat.ccomp_aux or (comp.lemma_ == "have" and _children(comp, {"xcomp"})):
                ok = True
        if not ok:
            return False
    return True


def _in_event_sense(verb: Token, markers: dict[str, Any]) -> bool:
    """The verb's complements allow its event sense: "support has declined" is a fall and "to appeal
    to voters" is to attract (`sense_complements`); "pleaded guilty" and "sought to play down" are
    other senses (`other_sense_complements`)."""
    lemma = verb.lemma_.lower()
    needs = markers["sense_complements"].get(lemma)
    if needs and not any(spec.matches(c) for spec in needs for c in verb.children):
        return False
    other = markers["other_sense_complements"].get(lemma)
    return not (other and any(spec.matches(c) for spec in other for c in verb.children))


def _stranded_with(verb: Token) -> list[Token]:
    """A with-phrase the parser hung on the verb's topic object ("discussed the dispute with
    mediators"): a party to the verb, not a part of the topic; not on a party object ("met the
    minister with his aides")."""
    return [c for o in verb.children if o.dep_ == "dobj" and token_class(o) not in ("agent", "unknown")
            for c in o.children if c.dep_ == "prep" and c.lower_ == "with"]


def _light_verb_children(tok: Token, markers: dict[str, Any]) -> list[Token]:
    """The other dependents of the light verb whose object the noun is ("staged rallies ... against X")."""
    head = tok.head
    if tok.dep_ not in ("dobj", "nsubjpass") or head.i == tok.i or head.lemma_.lower() not in markers["light_verbs"]:
        return []
    return [c for c in head.children if c.i != tok.i and c.dep_ not in ("nsubj", "nsubjpass")]


def pos_class(tok: Token) -> str | None:
    if tok.pos_ in VERB_POS:
        return "verb"
    if tok.pos_ in NOUN_POS:
        return "noun"
    if tok.pos_ in ADJ_POS:
        return "adj"
    return None


def find_triggers(doc: Doc, lex: Lexicon) -> dict[int, Trigger]:
    """Token index -> the trigger (pattern) it starts."""
    found: dict[int, Trigger] = {}
    for tok in doc:
        pc = pos_class(tok)
        if pc is None:
            continue
        lemma = tok.lemma_.lower()
        cands = lex.lookup(pc, lemma) or lex.lookup(pc, tok.lower_)
        if pc == "adj" and not cands and tok.dep_ != "amod":  # participles tagged ADJ: "opposed"
            cands = cands + lex.lookup("verb", lemma)
        if pc == "verb" and tok.dep_ in ("amod", "compound"):
            continue
        if pc == "noun" and (tok.dep_ == "attr" or _is_copular_attr(tok, lex) or _as_label(tok)
                             or _quest(tok, lex.markers) or (
                tok.dep_ == "compound" and tok.head.lemma_.lower() not in lex.markers["light_nouns"])):
            continue
        if not cands or (pc == "verb" and not _in_event_sense(tok, lex.markers)):
            continue
        matched = [p for p in cands if _matches(p, tok, lex.markers)]
        if not matched:
            continue
        best = max(matched, key=lambda p: (p.specificity, p.order))
        found[tok.i] = Trigger(tok=tok, pattern=best, kind=pc if pc != "adj" or best.adjs else "verb")
    return found


def _as_label(tok: Token) -> bool:
    """An event noun after a verb's "as" is how something is seen or named, not an act: "view his
    comments as a personal attack", "described the vote as a betrayal"."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "as":
        return False
    seen = tok.head.head  # "view X as": on the verb, or on its object
    return seen.pos_ in ("VERB", "AUX") or (seen.dep_ == "dobj" and seen.head.pos_ in ("VERB", "AUX"))


def _quest(tok: Token, markers: dict[str, Any]) -> bool:
    """ "in search of work": looking for something, not a search operation (`quest_nouns`)."""
    return tok.lemma_.lower() in markers["quest_nouns"] and tok.dep_ == "pobj" and tok.head.lower_ == "in" and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def _is_copular_attr(tok: Token, lex: Lexicon) -> bool:
    head = tok.head
    return tok.dep_ in ("attr", "acomp", "oprd") and head.lemma_.lower() in lex.markers["copular_verbs"]
