"""Clause-level properties of an event: negation, future, hypothetical,
date and location phrases, mode cues and contexts.

All functions take the event's clause verb (the trigger, the light verb that
governs a nominal trigger, or the copula of an adjectival one) and read the
word lists of `data/markers.yaml`.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Span, Token

from ..model import Place
from ..settings import tuning
from .agents import noun_class
from .words import default_words as event_words

_SYNTAX = tuning("events.syntax")  # each threshold is explained in config.toml

PLACE_LABELS = {"GPE", "LOC", "FAC"}
DATE_LABELS = {"DATE"}


def _governors(verb: Token) -> list[Token]:
    """The verb and the verbs it is the open complement or the purpose of ("plans to attack" -> attack,
    plans; "should sue to resist" -> resist, sue): a purpose shares the mood of the act it is for."""
    chain = [verb]
    tok = verb
    while (tok.dep_ in ("xcomp", "conj", "auxpass") or is_purpose(tok)) and tok.head.i != tok.i \
            and len(chain) < _SYNTAX["governor_chain"]:
        tok = tok.head
        chain.append(tok)
    return chain


def is_purpose(tok: Token) -> bool:
    """An infinitive of purpose: "sent troops to fight", "sued to block the law"."""
    return tok.dep_ == "advcl" and tok.tag_ == "VB" and not any(c.dep_ == "mark" for c in tok.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def aux_lemmas(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")} | {
        c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}


def _abandons(tok: Token, markers: dict[str, Any]) -> bool:
    """The verb gives its object up: a negating verb, or a phrasal one ("give up", `abandon_phrasal_verbs`)."""
    lemma = tok.lemma_.lower()
    return lemma in markers["negating_verbs"] or any(
        f"{lemma} {c.lower_}" in markers["abandon_phrasal_verbs"] for c in tok.children if c.dep_ == "prt")


def is_negated(verb: Token, markers: dict[str, Any], trigger: Token | None = None) -> bool:
    """A negation word (`negation_words`) on the verb or its governing verbs, or a negating
    governor (`negating_verbs`: "failed to"). With `trigger`, a noun trigger whose clause verb
    abandons it under a negation stands ("had not given up its demand": a double negation)."""
    words = markers["negation_words"]
    for i, tok in enumerate(_governors(verb)):
        # "did not attack", "never attacked", "no attacks were reported": English puts the negation
        # before what it negates; a "not" after the verb and its complements belongs to another
        # phrase the parser hung on it ("promising to lift rules ― probably not what X wanted")
        negating = i > 0 and tok.lemma_.lower() in markers["negating_verbs"]
        if negates_itself(tok, words) or _negative_subject(tok, markers):
            # "did not hesitate to use force", "never failed to condemn": a negated negating verb affirms
            return not negating and not (
                i == 0 and trigger is not None and trigger.i != tok.i and _abandons(tok, markers))
        if negating:
            return True
    return False


def _negative_subject(tok: Token, markers: dict[str, Any]) -> bool:
    """A subject that says no one did it: "no one is praising ...", "none of the parties condemned",
    "no country has recognised ..."."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in markers["negative_pronouns"] or any(
        d.dep_ == "det" and d.lower_ in markers["negation_words"] for d in c.children)) for c in tok.children)


def negates_itself(tok: Token, words: frozenset[str] | set[str]) -> bool:
    """A negation on `tok` itself, before it ("did not attack", "never attacked", "not to cross")."""
    return any((c.dep_ == "neg" or (c.dep_ in ("det", "advmod", "preconj") and c.lower_ in words)) and c.i < tok.i
               for c in tok.children)


def ruled_out(tok: Token, markers: dict[str, Any]) -> bool:
    """The trigger is the subject of a copula whose predicate rules it out (`ruled_out_phrases`:
    "lifting the blockade is out of the question", "talks are off the table")."""
    if tok.dep_ not in ("csubj", "nsubj") or tok.head.i == tok.i or tok.head.lemma_.lower() != "be":
        return False
    cop = tok.head
    parts = [c for c in cop.children if c.i > tok.i and c.dep_ in ("neg", "prep", "attr", "acomp")]
    said = " ".join(t.lower_ for t in sorted((t for c in parts for t in c.subtree), key=lambda t: t.i))
    return any(phrase in said for phrase in markers["ruled_out_phrases"])


def is_future(verb: Token, markers: dict[str, Any]) -> bool:
    """Future auxiliary or a future/intent governor ("will", "plans to", "is set to", "vowed to")."""
    for i, tok in enumerate(_governors(verb)):
        if aux_lemmas(tok) & markers["future_aux"]:
            return True
        if i > 0 and tok.lemma_.lower() in markers["future_verbs"]:
            return True
        if tok.lower_ == "going" and any(c.dep_ == "aux" for c in tok.children):
            return True
    return False


def _hedged(tok: Token, markers: dict[str, Any]) -> bool:
    """ "would probably host", "will likely strike": a guess about what may happen, not an intent."""
    return bool(aux_lemmas(tok) & (markers["future_aux"] | markers["hypothetical_aux"])) and any(
        c.dep_ == "advmod" and c.lower_ in markers["hedge_adverbs"] for c in tok.children)


def is_hedged(verb: Token, markers: dict[str, Any]) -> bool:
    return any(_hedged(tok, markers) for tok in _governors(verb))


def is_hypothetical(verb: Token, markers: dict[str, Any]) -> bool:
    """Modal of possibility or obligation, or a conditional clause on the verb, or the verb inside one."""
    for tok in _governors(verb):
        if aux_lemmas(tok) & (markers["hypothetical_aux"] | markers["obligation_aux"]) - {"would", "'d"}:
            return True
        if _hedged(tok, markers):
            return True
        if any(c.dep_ == "mark" and c.lower_ in markers["conditional_marks"] for c in tok.children) \
                and tok.dep_ == "advcl":
            return True
        # "the authority to call a meeting", "the right to protest": a power or chance, not an act
        if tok.dep_ == "acl" and tok.head.lemma_.lower() in markers["ability_nouns"] and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return True
        if _under_denied_noun(tok, markers) or _infinitive_of_noun(tok, markers) or _advocated(tok, markers):
            return True
    return _supposed(verb, markers)


def _advocated(tok: Token, markers: dict[str, Any]) -> bool:
    """An act as the gerund a party argues for or against ("advocates for killing the bill", "supports
    bombing the depots", "opposed sending troops"): a policy position, not an act that happened."""
    if tok.tag_ != "VBG":
        return False
    if tok.dep_ in ("xcomp", "dobj") and tok.head.lemma_.lower() in markers["advocacy_verbs"]:
        return True
    prep = tok.head
    return tok.dep_ == "pcomp" and prep.dep_ == "prep" and prep.head.lemma_.lower() in markers["advocacy_verbs"]


def _supposed(verb: Token, markers: dict[str, Any]) -> bool:
    """The sentence opens with an imperative of supposition ("Say Vostra demanded ...", "Suppose the army
    attacked ...") that governs the verb's clause; the parser makes a bare "Say" either the root over a
    clausal complement or an auxiliary of the verb. "Say what you will, he attacked ..." (a concessive
    adverbial clause) asserts its main clause."""
    opener = next((t for t in verb.sent if t.is_alpha), None)
    if opener is None or opener.lower_ not in markers["supposition_imperatives"]:
        return False
    # after a full sentence the parser may tag a bare "Say" as a name, left dangling ("dep") or
    # compounded with the subject's name ("Say Vostra demanded")
    head = opener.head
    if opener.dep_ == "compound" and head.dep_ in ("nsubj", "nsubjpass"):
        head = head.head
    if opener.dep_ in ("aux", "dep", "compound") and opener.tag_ in ("VB", "NNP", "NN"):
        return head.i == verb.i or any(t.i == head.i for t in _governors(verb))
    if opener.tag_ != "VB" or opener.dep_ != "ROOT" or any(c.dep_ in ("nsubj", "nsubjpass") for c in opener.children):
        return False
    tok = verb
    while tok.head.i != tok.i:
        if tok.head.i == opener.i:
            return tok.dep_ == "ccomp"
        tok = tok.head
    return False


def _under_denied_noun(tok: Token, markers: dict[str, Any]) -> bool:
    """The clause completes a noun its sentence denies ("no chance she will withdraw", "no evidence
    that the army attacked", "no plans to meet"): the event is not asserted."""
    head = tok.head
    return tok.dep_ in ("acl", "relcl", "ccomp") and head.i != tok.i and head.pos_ == "NOUN" and any(
        c.dep_ in ("det", "nummod", "neg") and c.lower_ in markers["negation_words"] for c in head.children)


def _infinitive_of_noun(tok: Token, markers: dict[str, Any]) -> bool:
    """An infinitive that modifies a noun names a purpose or a potential, not an act ("tools to
    fight terrorism", "the chair's authority to call a meeting"); not after an attempt noun
    ("an attempt to assassinate") or an ordinal or a superlative ("the first country to recognise")."""
    head = tok.head
    if head.lemma_.lower() in markers["attempt_nouns"]:
        return False
    return tok.dep_ in ("acl", "relcl") and tok.tag_ == "VB" and head.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and not any(
        c.dep_ == "amod" and (c.tag_ == "JJS" or c.ent_type_ == "ORDINAL") for c in head.children)


def mood_verb(clause: Token) -> Token:
    """The token whose mood an event takes: a noun trigger left as its own clause ("call a meeting",
    "could launch attacks", "a withdrawal would embolden Vostra") takes the mood of the verb that
    governs it."""
    if clause.pos_ in ("NOUN", "PROPN") and clause.dep_ in ("dobj", "nsubjpass", "nsubj") and clause.head.pos_ in (
            "VERB", "AUX") and clause.head.i != clause.i:
        return clause.head
    return clause


def supposed_subject(noun: Token, markers: dict[str, Any]) -> bool:
    """An event noun as the subject of a modal verb ("a withdrawal would embolden Vostra", "an attack
    could spark a war"): an act supposed in an argument, not one reported. "Would" counts here: the
    noun's act is the condition of the prediction ("said it would retaliate" keeps its own verb)."""
    return noun.pos_ in ("NOUN", "PROPN") and noun.dep_ == "nsubj" and noun.head.i != noun.i and bool(
        aux_lemmas(noun.head) & markers["hypothetical_aux"])


def has_condition(verb: Token, markers: dict[str, Any], marks: frozenset[str] | None = None) -> bool:
    """The verb governs an "if/unless" clause ("will withdraw unless ..."); `marks` narrows the marks."""
    marks = marks if marks is not None else markers["conditional_marks"]
    for tok in _governors(verb):
        for c in tok.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks
                                         for m in c.children):
                return True
    return False


def threat_made(verb: Token, markers: dict[str, Any]) -> bool:
    """A verb of threatening (`threat_verbs`) that reports a threat made, whose "if" clause is its terms ("warned
    of a crushing response if attacked"); not one itself supposed ("would warn ... if"), nor one warning of what
    is only possible ("warned if X failed, he could lose": a forecast)."""
    possible = markers["hypothetical_aux"] - {"would", "'d"}
    return verb.lemma_.lower() in markers["threat_verbs"] and not would_form(verb) \
        and not is_hypothetical(verb, markers) and not any(
            aux_lemmas(c) & possible for c in verb.children if c.dep_ in ("ccomp", "xcomp"))


def would_form(verb: Token) -> bool:
    return any(aux_lemmas(tok) & {"would", "'d"} for tok in _governors(verb))


def _attached(tokens: list[Token]) -> list[Token]:
    """Children of the given tokens that are phrase attachments (not complements)."""
    out = []
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in ("prep", "npadvmod", "tmod", "advmod", "obl", "pobj", "nmod") or c.ent_type_ in DATE_LABELS:
                out.append(c)
    return out


def date_phrase(tokens: list[Token]) -> Span | None:
    """The DATE entity attached to the event ("on Wednesday", "last March")."""
    for c in _attached(tokens):
        cands = [c] + ([g for g in c.children if g.dep_ == "pobj"] if c.dep_ == "prep" else [])
        for tok in cands:
            if tok.ent_type_ in DATE_LABELS:
                for ent in tok.doc.ents:
                    if ent.start <= tok.i < ent.end and ent.label_ in DATE_LABELS:
                        return ent
    return None


def resolve_event_date(tokens: list[Token], article_date: str | None) -> str | None:
    return date_of(date_phrase(tokens), article_date)


def date_of(ent: Span | None, article_date: str | None) -> str | None:
    """The ISO date of an event's date phrase (`date_phrase`), relative to the article's; the article's
    date when there is no phrase or it cannot be read."""
    if ent is None or not article_date:
        return article_date
    try:
        dates = importlib.import_module("eventwire.actors.dates")
        resolved = dates.resolve_date(ent.text, article_date)
    except (ImportError, AttributeError):
        return article_date
    except Exception:  # an unparsable phrase falls back to the article date
        return article_date
    return resolved or article_date


def is_history(ent: Span | None, report_date: str | None, years: int) -> bool:
    """The event's own date phrase (`date_phrase`) names a year `years` or more before the report's ("was
    lynched on June 7, 1998" in a story of 2020): background the story recalls, not news it reports. Only
    a written year counts: "after fifteen years" is a duration, not a date."""
    if ent is None or not report_date or years <= 0:
        return False
    found = [int(y) for y in _YEAR.findall(ent.text)]
    try:
        return bool(found) and int(report_date[:4]) - max(found) >= years
    except ValueError:
        return False


_YEAR = re.compile(r"\b((?:1[89]|20)\d\d)s?\b")


def place_phrase(tokens: list[Token]) -> Span | None:
    """The place phrase attached by a locative preposition ("in Gaza", "at al-Shifa hospital")."""
    from .arguments import np_bounds

    for c in _attached(tokens):
        if c.dep_ != "prep" or c.lower_ not in event_words().event_place_prepositions or topic_on(c):
            continue
        # (a stance is no place: "in protest of the Vostran government's refusal", "in defiance of Kelmland")
        for pobj in (g for g in c.children if g.dep_ == "pobj"
                     and g.lemma_.lower() not in event_words().stance_phrase_nouns):
            s, e = np_bounds(pobj)
            # the place must be the phrase's head, its modifiers or its "of" complement ("the town of Tarn"),
            # not a name buried deeper ("in protest of Vostra's refusal to free the Tarn prisoners") nor the
            # place of another event ("in the wake of the El Paso shooting"; but "in the battle of Tarn")
            heads = [pobj, *(g for x in pobj.children if x.dep_ == "prep" and x.lower_ == "of"
                             for g in x.children if g.dep_ == "pobj" and (_act_noun(pobj) or not _act_noun(g)))]
            # "talks on the Kelmland crisis", "a ban on Vostran oil": after "on", a place that only modifies a
            # topic or a thing traded names what the act is about, not where ("strikes on the Tarn airport" still is)
            mod_only = c.lower_ == "on" and pobj.pos_ == "NOUN" and (
                noun_class(pobj.lemma_) in event_words().on_topic_noun_classes)
            near_toks = [t for h in heads for t in pobj.doc[np_bounds(h)[0]:h.i + 1] if not (mod_only and t.i < h.i)]
            e = min(e, max(h.i for h in heads) + 1)
            span = pobj.doc[s:e]
            if any(t.ent_type_ in PLACE_LABELS for t in near_toks) or (
                    pobj.pos_ == "PROPN" and pobj.ent_type_ not in ("PERSON", "NORP", "DATE")) or (
                    c.lower_ == "at" and pobj.pos_ in ("PROPN", "NOUN") and any(t.pos_ == "PROPN" for t in span)):
                return span
    return None


def removed_to(tok: Token, mode: str | None) -> bool:
    """`tok` is where people are removed to by an act of a removing mode (`destination_modes`: "deported two
    activists to Jordan"): the object of a directed preposition, neither the party acted on nor the place."""
    return mode in event_words().destination_modes and tok.dep_ == "pobj" \
        and tok.head.lower_ in event_words().directed_prepositions


def topic_on(prep: Token) -> bool:
    """"on" after a text or a talk names its topic: "a resolution on Syria", "a report on Kelmland"
    (a noun of class `info`), not where the act happened."""
    host = prep.head
    return prep.lower_ == "on" and host.pos_ == "NOUN" and noun_class(host.lemma_) == "info"


def _act_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and noun_class(tok.lemma_) == "act"


def resolve_event_place(tokens: list[Token], ctx: Any) -> Place | None:
    """The place of `place_phrase`, resolved by the gazetteer (unresolved, it is still where); None when
    the phrase names an organisation the actor dictionary knows."""
    span = place_phrase(tokens)
    if span is None:
        return None
    place = None
    try:
        # an organisation the actor dictionary knows is no town of the same name ("raise it at the
        # Continental Union": not Union, New Jersey)
        known = importlib.import_module("eventwire.actors").get_dictionary(ctx).find_actor(span.text)
        if known is not None and known.type == "ORG":
            return None
        places = importlib.import_module("eventwire.actors.places")
        place = places.resolve_place(span.text, ctx)
    except (ImportError, AttributeError):
        place = None
    if place is None:
        place = Place(text=span.text)
    if place.start is None:
        place.start, place.end = span.start_char, span.end_char
    return place


def mode_from_cues(event: str, tokens: Iterable[Token], cues: list[tuple[str, str, frozenset[str]]]) -> str | None:
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    for cue_event, mode, words in cues:
        if cue_event == event and lemmas & words:
            return mode
    return None


def contexts_for(sentence: Span, contexts: list[tuple[str, frozenset[str]]]) -> list[str]:
    lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
    return [name for name, words in contexts if lemmas & words]
