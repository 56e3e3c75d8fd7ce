"""Descriptors: the noun phrases a writer attaches to an actor as a label.

Four general patterns of English news, all read off the spaCy parse plus
the actor mentions the actors stage found:

- apposition:   "Kaspar Lund, the hardline leader of the MLF, said ..."
                "the terrorist organization, Hamas, rejected ..."
- premodifier:  "the Vostra-backed militia MLF", "leftist President Tomas Reyk",
                "the fanatical preacher Kaspar Lund"
- predicate:    "The MLF is a genocidal terrorist organization" (not when negated)
- anaphor:      "the militant leader urged ..." (a definite singular phrase
                with a label head, resolved to the nearest earlier actor of
                the right kind within a few sentences)

A phrase is a label only when its head noun is in `data/descriptors.yaml`
and, for heads that are not labels by themselves, it has a modifier: for
group and state heads ("group", "government") any word that is not a name,
a nationality or a neutral rank/size word ("the militant group" is a label,
"the group" and "the Vostran group" are not); for roles ("leader", "chief")
a label word of the lexicon ("the hardline leader", not "the policy chief").
Any other noun with a lexicon label word before it counts too ("the leftist
mayor", "the so-called spokesman").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.words import default_words
from ..model import Entity
from ..settings import tuning
from .lexicon import DescriptorLexicon, Head

ACTOR_TYPES = ("PERSON", "ORG", "GPE", "NORP")
COPULAS = frozenset({"be", "remain", "become"})
# Sectors of state bodies (a "regime" refers back to one) and of media.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})
# PLOVER sectors of the non-state organisations an unlinked "the militant group" refers back to.
GROUP_SECTORS = frozenset({"REB", "PTY", "OPP", "UAF", "CRM", "REL"})
_T = tuning("framing")  # each threshold is explained in config.toml
ANAPHOR_SENTENCES = int(_T["anaphor_sentences"])


@dataclass
class Descriptor:
    start: int  # character offsets of the label text in article.text
    end: int
    text: str
    actor: Entity
    how: str  # apposition | premodifier | predicate | anaphor


class Mentions:
    """Actor mentions indexed by token, for one article/doc pair."""

    def __init__(self, doc: Doc, entities: list[Entity]):
        self.by_token: dict[int, Entity] = {}
        self.spans: list[tuple[Span, Entity]] = []
        for ent in entities:
            if ent.start is None or ent.end is None or (ent.type or "") not in ACTOR_TYPES:
                continue
            span = doc.char_span(ent.start, ent.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            self.spans.append((span, ent))
        for span, ent in sorted(self.spans, key=lambda pair: -len(pair[0])):
            for tok in span:
                self.by_token[tok.i] = ent  # the shortest mention of a token wins: "Brenholm" in "regime in Brenholm"
        self.spans.sort(key=lambda pair: pair[0].start)

    def at(self, i: int, types: tuple[str, ...] = ("PERSON", "ORG")) -> Entity | None:
        ent = self.by_token.get(i)
        return ent if ent is not None and ent.type in types else None

    def span_at(self, i: int) -> Span | None:
        """The PERSON/ORG mention span starting at token i."""
        for span, ent in self.spans:
            if span.start == i and ent.type in ("PERSON", "ORG"):
                return span
        return None

    def before(self, token_i: int, min_token: int, accept) -> Entity | None:
        """The nearest mention ending before token `token_i` (and after `min_token`) that `accept`s."""
        for span, ent in reversed(self.spans):
            if span.end <= token_i and span.start >= min_token and accept(ent):
                return ent
        return None


def _head_entry(tok: Token, lex: DescriptorLexicon) -> Head | None:
    if tok.pos_ not in ("NOUN", "PROPN", "ADJ"):
        return None
    prev = tok.nbor(-1).lower_ + " " if tok.i > 0 else ""
    return (lex.heads.get(prev + tok.lower_) or lex.heads.get(tok.lower_)
            or lex.heads.get(tok.lemma_.lower()))


def _compound(tok: Token) -> str:
    """The lower-cased hyphenated word a token belongs to ("so-called" for "so", "-" or "called")."""
    doc = tok.doc
    a = b = tok.i
    while a > 0 and not doc[a - 1].whitespace_ and "-" in (doc[a - 1].text, doc[a].text):
        a -= 1
    while b + 1 < len(doc) and not doc[b].whitespace_ and "-" in (doc[b].text, doc[b + 1].text):
        b += 1
    return doc[a:b + 1].text.lower() if a < b else tok.lower_


def _is_sponsor(tok: Token, lex: DescriptorLexicon) -> bool:
    """'backed' in 'Vostra-backed' (joined by a hyphen without spaces)."""
    return (tok.lower_ in lex.sponsor_suffixes and tok.i >= 2 and tok.nbor(-1).text == "-"
            and not tok.nbor(-1).whitespace_ and not tok.nbor(-2).whitespace_)


def _modifier_start(head: Token, mentions: Mentions) -> int:
    """Index of the first token of the premodifiers of `head` (stops at determiners, names of people)."""
    i = head.i
    doc = head.doc
    while i > head.sent.start:
        prev = doc[i - 1]
        joined = prev.text == "-" and not prev.whitespace_ and i - 2 >= head.sent.start
        if joined:  # "so-called", "Vostra-backed": take the word before the hyphen too
            i -= 2
            continue
        coordinating = prev.pos_ == "CCONJ" and i - 2 >= 0 and doc[i - 2].pos_ == "ADJ"
        inside = prev.dep_ == "conj" or prev.i < prev.head.i <= head.i  # attached within the phrase
        if joined or coordinating or (prev.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and prev.tag_ != "POS"
                                      and mentions.at(prev.i, ("PERSON",)) is None and inside):
            i -= 1
            continue
        if prev.pos_ == "ADV" and doc[i].pos_ == "ADJ":  # "deeply corrupt"
            i -= 1
            continue
        break
    return i


def _qualifies(mods: list[Token], entry: Head | None, lex: DescriptorLexicon, mentions: Mentions) -> bool:
    if entry is not None and entry.bare:
        return True
    for tok in mods:
        low = tok.lower_
        if _compound(tok) in lex.modifiers or _is_sponsor(tok, lex):
            return True
        # a group head takes any descriptive word ("armed group", "resistance movement"); a role
        # ("leader", "chief") only a label word from the lexicon: "policy chief" is a job, not a label
        if (entry is not None and entry.category != "person" and tok.pos_ in ("ADJ", "NOUN", "VERB")
                and low not in lex.neutral_modifiers and not tok.like_num and tok.i not in mentions.by_token
                and tok.is_alpha and not tok.is_title):
            return True
    return False


def _label_tokens(mods: list[Token], head: Token, lex: DescriptorLexicon) -> tuple[int, int]:
    """First and last token index of the label text: leading neutral words trimmed."""
    first = head.i
    for tok in mods:
        if tok.lower_ not in lex.neutral_modifiers and tok.pos_ != "CCONJ" and tok.text != "-":
            first = tok.i
            break
    return first, head.i


def _candidates(doc: Doc, lex: DescriptorLexicon, mentions: Mentions):
    """(head token, Head entry or None, modifier tokens) for every label-like noun phrase."""
    for tok in doc:
        named = mentions.by_token.get(tok.i)
        if named is not None and not tok.is_lower and named.type in ("PERSON", "ORG", "GPE"):
            continue  # part of a name ("Liberation Front"); lower-case words of a resolved phrase are not
        entry = _head_entry(tok, lex)
        if entry is None and tok.pos_ != "NOUN":
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        # a word before a common noun modifies it and is not the head ("terrorist organization")
        if nxt is not None and (nxt.pos_ == "NOUN" or nxt.pos_ == "PROPN" and nxt.is_lower) \
                and nxt.i not in mentions.by_token:
            continue
        mods = list(doc[_modifier_start(tok, mentions):tok.i])
        if entry is None:  # any noun with a label modifier: "leftist mayor", "Vostra-backed network"
            if not any(_compound(m) in lex.modifiers or _is_sponsor(m, lex) for m in mods):
                continue
        if _qualifies(mods, entry, lex, mentions):
            yield tok, entry, mods


def _after_pp(doc: Doc, i: int, lex: DescriptorLexicon) -> int:
    """Skip a short prepositional phrase ("of Tolsk", "in the valley") starting at token i."""
    if i < len(doc) and doc[i].lower_ in lex.trailing_prepositions:
        j = i + 1
        while (j < len(doc) and j - i <= _T["trailing_phrase_tokens"] and not doc[j].is_punct
               and doc[j].pos_ in ("DET", "PROPN", "NOUN", "ADJ")):
            j += 1
        return j
    return i


def _determiner_start(doc: Doc, start: int) -> int:
    """Where the noun phrase begins before its premodifiers: a determiner or a short possessor ("the valley's")."""
    i = start
    if i > 0 and doc[i - 1].tag_ == "POS":
        i -= 1
        while i > 0 and start - i <= _T["possessor_tokens"] and doc[i - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
            i -= 1
            if doc[i].pos_ == "DET":
                break
        return i
    return i - 1 if i > 0 and doc[i - 1].pos_ in ("DET", "PRON") and doc[i - 1].tag_ != "PRP" else i


def _restrictive(tok: Token) -> bool:
    """A head with its own "of"-complement or relative clause introduces a new referent
    ("the Vostra-backed network of smugglers that arms it") rather than referring back."""
    return any(c.dep_ == "relcl" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.rights)


def _attach(tok: Token, entry: Head | None, start: int, mentions: Mentions, lex: DescriptorLexicon
            ) -> tuple[Entity | None, str]:
    doc = tok.doc
    nxt = tok.i + 1
    own = mentions.by_token.get(tok.i)  # a phrase the actors stage resolved as a whole is not its own actor

    def other(i: int, types: tuple[str, ...] = ("PERSON", "ORG")) -> Entity | None:
        ent = mentions.at(i, types)
        return None if ent is None or ent is own else ent

    # premodifier: "the militant group Hamas", "the fanatical preacher Kaspar Lund"
    ent = other(nxt) if nxt < len(doc) else None
    if ent is not None:
        return ent, "premodifier"
    # apposition after the name: "Kaspar Lund, the hardline leader ...", "X, the valley's largest ..."
    det = _determiner_start(doc, start)
    if det >= 2 and doc[det - 1].text == ",":
        types = ("PERSON", "ORG", "GPE") if entry is not None and entry.category == "state" else ("PERSON", "ORG")
        ent = other(det - 2, types)
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        closes = after is None or after.is_punct or after.lower_ in lex.trailing_prepositions \
            or after.lower_ in ("who", "which")
        if ent is not None and (tok.dep_ == "appos" or closes):
            return ent, "apposition"
    # apposition before the name: "the terrorist organization, Hamas, ..."
    j = _after_pp(doc, tok.i + 1, lex)
    if j + 1 < len(doc) and doc[j].text == ",":
        span, ent = mentions.span_at(j + 1), other(j + 1)
        if span is not None and ent is not None and (span.root.dep_ == "appos"
                                                     or (span.end < len(doc) and doc[span.end].text in ",(")):
            return ent, "apposition"
    # a state label names its place: "the regime in Brenholm"
    if entry is not None and entry.category == "state" and nxt + 1 < len(doc) and doc[nxt].lower_ in ("in", "of"):
        ent = other(nxt + 1, ("GPE", "ORG"))
        if ent is not None:
            return ent, "premodifier"
    # predicate nominal: "The MLF is a terrorist organization"
    verb = tok.head
    if tok.dep_ == "attr" and verb.lemma_ in COPULAS and not any(c.dep_ == "neg" for c in verb.children):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                ent = other(child.i)
                if ent is not None:
                    return ent, "predicate"
    return None, ""


def _anaphor(tok: Token, entry: Head | None, start: int, mentions: Mentions, mods: list[Token],
             speakers: list[Entity], lex: DescriptorLexicon) -> Entity | None:
    """A definite singular label phrase refers to the nearest fitting actor mentioned shortly before."""
    doc = tok.doc
    if (start == 0 or doc[start - 1].lower_ not in default_words().definite_determiners
            or tok.tag_ not in ("NN", "NNP") or entry is None
            or _restrictive(tok)):
        return None
    if entry.category == "person":
        def accept(e: Entity) -> bool:
            return e.type == "PERSON"
    elif entry.category == "state":
        def accept(e: Entity) -> bool:
            return e.type == "GPE" or e.sector in STATE_SECTORS
    else:
        def accept(e: Entity) -> bool:
            return e.type == "ORG" and e.sector in GROUP_SECTORS
    own = mentions.by_token.get(tok.i)
    inner = next((e for e in (mentions.at(m.i, ("ORG",)) for m in mods) if e is not None and e is not own), None)
    named = [m for m in mods if m.tag_ in ("NNP", "NNPS") and _compound(m) not in lex.modifiers]  # not "Islamist"
    if inner is None and own is not None and own.type == "ORG" and named:
        inner = own  # the actors stage resolved "the Hamas terrorist" as a whole to the organisation it names
    if inner is not None:  # "the Hamas terrorist": a member of the named organisation
        return inner
    if entry.category == "state" and own is not None and own.code and own.sector in STATE_SECTORS:
        return own  # the actors stage resolved the phrase: "the Israeli regime" -> that government
    # the phrase's own generic reading ("Palestinian group" -> Palestine) is no evidence of who it refers to
    inside = {e.name for e in (mentions.by_token.get(m.i) for m in [*mods, tok]) if e is not None}
    for sp in speakers:  # the quotes stage already resolved this phrase as a speaker ("the militant leader said")
        span = doc.char_span(sp.start, sp.end, alignment_mode="expand") if sp.name else None
        if span is not None and span.root.i == tok.i and accept(sp) and sp.name not in inside:
            return sp
    sents = list(doc.sents)
    idx = next(k for k, s in enumerate(sents) if s.start <= tok.i < s.end)
    min_token = sents[max(0, idx - ANAPHOR_SENTENCES)].start
    if entry.category == "state":
        country = next((mentions.at(m.i, ("NORP", "GPE")) for m in mods if mentions.at(m.i, ("NORP", "GPE"))), None)
        if country is not None:  # "the Vostran regime" names its country
            return country
    return mentions.before(start, min_token, accept)


def extract_descriptors(doc: Doc, entities: list[Entity], lex: DescriptorLexicon,
                        speakers: list[Entity] = ()) -> list[Descriptor]:
    """Every writer-style label phrase in `doc` attached to the actor it describes.

    `entities` are the actor mentions; `speakers` the quote speakers' phrases
    with the names the quotes stage resolved them to (used for anaphors).
    """
    mentions = Mentions(doc, entities)
    out: list[Descriptor] = []
    for tok, entry, mods in _candidates(doc, lex, mentions):
        start = mods[0].i if mods else tok.i
        actor, how = _attach(tok, entry, start, mentions, lex)
        if actor is None:
            actor, how = _anaphor(tok, entry, start, mentions, mods, list(speakers), lex), "anaphor"
        if actor is None:
            continue
        first, last = _label_tokens(mods, tok, lex)
        span = doc[first:last + 1]
        out.append(Descriptor(span.start_char, span.end_char, span.text, actor, how))
    out.extend(_name_premodifiers(doc, lex, mentions, {d.start for d in out}))
    return sorted(out, key=lambda d: d.start)


def _name_premodifiers(doc: Doc, lex: DescriptorLexicon, mentions: Mentions, taken: set[int]) -> list[Descriptor]:
    """Label words right before a name, across titles and nationalities: "leftist Arvenian President X"."""
    out = []
    for span, ent in mentions.spans:
        if ent.type not in ("PERSON", "ORG") or span[-1].tag_ == "NNS" or _head_entry(span[-1], lex):
            continue  # a described group ("Palestinian terrorists") is not a name
        i = span.start - 1
        if i >= 0 and not doc[i].whitespace_:
            continue  # joined to the name by a hyphen: "Israel-Hamas", "pro-Hamas"
        while i >= 0 and (doc[i].is_title and doc[i].pos_ in ("PROPN", "NOUN") or mentions.at(i, ("NORP",))):
            i -= 1  # titles ("President") and nationality adjectives ("Arvenian")
        last = i
        while i >= 0:
            if _is_sponsor(doc[i], lex):
                i -= 3  # "Vostra", "-", "backed"
            elif _compound(doc[i]) in lex.modifiers and not doc[i].is_title:
                i -= 1
            else:
                break
        if i == last:
            continue
        label = doc[i + 1:last + 1]
        if label.start_char not in taken:
            out.append(Descriptor(label.start_char, label.end_char, label.text, ent, "premodifier"))
    return out
