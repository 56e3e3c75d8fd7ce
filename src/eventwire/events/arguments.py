"""Actor and recipient arguments: from dependency heads to resolved entities.

An argument is a noun-phrase head in the parse. `np_bounds` gives the phrase
around it (left modifiers and an "of" complement, never an apposition or a
relative clause, so "Pakistan, a key ally of ..." stays "Pakistan");
coordination gives one head per conjunct ("Egypt and Qatar" -> two). Each
phrase is resolved through the actors stage's seam: the mentions it put in
`article.entities` and `eventwire.actors.resolve_text`. When the actors
package is not installed the fallback uses spaCy's entities and pycountry
names only (no dictionary of our own).
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..actors import get_dictionary
from ..actors.words import default_words as actor_words
from ..model import Article, Entity, Quote
from .agents import document_name, noun_class
from .words import default_words as event_words

NOUNISH = {"NOUN", "PROPN", "PRON", "NUM", "X"}
SKIP_LEFT = {"punct", "cc", "conj", "appos", "prep", "relcl", "acl", "advmod", "preconj"}
PERSONISH = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# How an entity's code was found (`Entity.source`): read from a name, or guessed from the context
DICTIONARY_SOURCES = frozenset({"dictionary", "coref", "apposition", "pattern", "gazetteer"})
CONTEXT_SOURCES = frozenset({"context", "event-location", "protest-target"})


def _seam(name: str) -> Callable[..., Any] | None:
    try:
        module = importlib.import_module("eventwire.actors")
    except ImportError:
        return None
    return getattr(module, name, None)


def second_predicate(tok: Token) -> bool:
    """A verb coordinated with a verb ("of being duped and encourage Americans to ..."): another
    predicate, not part of a noun phrase that contains its first conjunct."""
    return tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.head.pos_ in ("VERB", "AUX")


def speaker_apposition(tok: Token, reporting: frozenset[str] | set[str]) -> bool:
    """"... to refugees in Liberia, the World Food Program (WFP) said": a phrase set off by a comma right
    before a reporting verb that has no subject of its own is that verb's speaker, which the parser hung
    on the noun before it as an apposition; it is not part of that noun's phrase."""
    doc = tok.doc
    if tok.dep_ != "appos" or tok.left_edge.i == 0 or doc[tok.left_edge.i - 1].text != ",":
        return False
    after = tok.right_edge.i + 1
    if after >= len(doc):
        return False
    verb = doc[after]
    return verb.pos_ == "VERB" and verb.lemma_.lower() in reporting and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def np_bounds(tok: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase headed by `tok`."""
    start = end = tok.i
    for child in tok.lefts:
        if child.dep_ in SKIP_LEFT:
            continue
        start = min(start, child.left_edge.i)
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod", "case"):
            end = max(end, child.right_edge.i)
        elif child.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in child.children):
            break  # "accused the mayor of misleading voters": the gerund completes the verb, not the noun
        elif child.dep_ == "prep" and child.lower_ in event_words().argument_span_prepositions:
            # not the nested noun's relative or past-participle clause: "doctors from two aid groups"
            # stops before "donated ...", "refugees, whom authorities blame" before the comma; a
            # present participle names members and stays ("dozens of papers ranging from X to Y")
            # nor a second predicate coordinated inside it ("X's campaign of being duped and encourage
            # Americans to ...")
            clauses = [t.left_edge.i for t in child.subtree if t.i != child.i and (
                t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ in ("VBN", "VBD")) or second_predicate(t))]
            stop = min(clauses, default=child.right_edge.i + 1) - 1
            while clauses and stop > child.i and (tok.doc[stop].is_punct or tok.doc[stop].dep_ == "cc"):
                stop -= 1
            end = max(end, stop)
        elif child.dep_ in ("punct", "appos", "relcl", "acl", "cc", "conj", "prep", "advmod"):
            break
    return start, end + 1


def names_border(tok: Token) -> bool:
    """`tok` qualifies a border noun: "the Thai border", "Syria's border", "the border with Turkey" say
    where, not whom (`border_nouns` in words.yaml)."""
    borders = event_words().border_nouns
    if tok.dep_ in ("amod", "compound", "poss") and tok.head.lemma_.lower() in borders:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("of", "with") and tok.head.head.lemma_.lower() in borders


def names_relation(tok: Token) -> bool:
    """`tok` is the other side of a relation noun ("Israel's militia ally", "the allies of Vostra"): the
    party is the ally, not `tok` (`relation_nouns` in words.yaml)."""
    relations = event_words().relation_nouns
    if tok.dep_ == "poss" and tok.head.lemma_.lower() in relations:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in relations


def names_venue(tok: Token) -> bool:
    """`tok` names the venue a meeting or accord is named after ("the Oslo accords", "the Geneva talks";
    `venue_named_nouns` in words.yaml): where, not a party."""
    return tok.dep_ == "compound" and tok.pos_ == "PROPN" and tok.head.lemma_.lower() in event_words().venue_named_nouns


def conjuncts(tok: Token) -> list[Token]:
    """`tok` and the nouns coordinated with it ("Egypt and Qatar")."""
    out = [tok]
    for conj in tok.conjuncts:
        if conj.i > tok.i and conj.pos_ in NOUNISH:
            out.append(conj)
    return out


class ArgumentResolver:
    """Resolves argument heads to `Entity` lists for one article."""

    def __init__(self, article: Article, doc: Doc, ctx: Any, markers: dict[str, Any]):
        self.article = article
        self.doc = doc
        self.ctx = ctx
        self.markers = markers
        self.entities = sorted((e for e in article.entities if e.start is not None and e.end is not None),
                               key=lambda e: (e.start, -(e.end or 0)))
        self.starts = [e.start for e in self.entities]
        self.resolve_text = _seam("resolve_text")
        self._cache: dict[tuple, list[Entity]] = {}
        try:
            self.resolve_place = importlib.import_module("eventwire.actors.places").resolve_place
        except (ImportError, AttributeError):
            self.resolve_place = None
        try:
            self.homonym_code = importlib.import_module("eventwire.actors.affiliation").homonym_code
        except (ImportError, AttributeError):
            self.homonym_code = None
        self.words = set(re.findall(r"[a-z][a-z.'-]*", (article.text or "").lower()))

    # -- mentions -------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[Entity]:
        """Actor mentions lying within the character span [start, end)."""
        if not self.entities:
            return self._fallback_mentions(start, end)
        lo = bisect.bisect_left(self.starts, start)
        out = []
        for ent in self.entities[lo:]:
            if ent.start >= end:
                break
            if ent.end <= end:
                out.append(ent)
        return out

    def _fallback_mentions(self, start: int, end: int) -> list[Entity]:
        out = []
        for ent in self.doc.ents:
            if ent.start_char >= start and ent.end_char <= end and ent.label_ in PERSONISH:
                out.append(Entity(entity_text=ent.text, name=ent.text, code=_pycountry_code(ent.text),
                                  type=ent.label_, start=ent.start_char, end=ent.end_char, source="spacy"))
        return out

    def span_of(self, mention: Entity) -> Span | None:
        """The tokens of an entity that has offsets (widened to whole tokens)."""
        if mention.start is None or mention.end is None:
            return None
        return self.doc.char_span(mention.start, mention.end, alignment_mode="expand")

    def names_other(self, mention: Entity) -> bool:
        """A mention that names a place or party other than its phrase's (`names_elsewhere`), or the side a
        stance prefix names ("pro-Vostra militias" are not Vostra's)."""
        return self.stance_prefixed(mention) or self.names_elsewhere(mention)

    def names_elsewhere(self, mention: Entity) -> bool:
        """The country of a border ("the Thai border"), the other side of a relation ("Israel's ally") or the
        venue an accord is named after ("the Oslo accords"; a country before a deal is still a party)."""
        span = self.span_of(mention)
        return span is not None and (names_border(span.root) or names_relation(span.root) or (
            names_venue(span.root) and not self._country_name(mention, capitals=False)))

    def _resolve_phrase(self, text: str) -> Entity | None:
        if self.resolve_text is None:
            return None
        try:
            ent = self.resolve_text(text, self.ctx, article=self.article)
        except Exception:  # a resolver failure must not lose the event
            return None
        return ent

    # -- arguments ------------------------------------------------------------
    def resolve(self, head: Token, quote: Quote | None = None, expand: bool = True) -> list[Entity]:
        """Entities for the argument headed by `head` (one per coordinated conjunct).

        Results are cached per head for the document (candidates repeat across triggers);
        callers get fresh copies, since the coder may fill in a code later."""
        key = (head.i, quote.id if quote is not None else None, expand)
        if key not in self._cache:
            out: list[Entity] = []
            for tok in (conjuncts(head) if expand else [head]):
                out.extend(self._resolve_one(tok, quote))
            self._cache[key] = [self._homonym(e) for e in _dedupe(out)]
        return [_copy(e) for e in self._cache[key]]

    def _homonym(self, ent: Entity) -> Entity:  # also used by the role finder
        """A place homonym ("Georgia", "Alexandria") is coded from the article's context or not at all."""
        if self.homonym_code is None or not ent.code or ent.source in ("homonym-list", "qualifier"):
            return ent  # "Salem, Oregon": the text has said which
        hit, code = self.homonym_code(ent.entity_text or "", ent.code, self.words)
        if hit and code != ent.code:
            ent.code, ent.source = code, "homonym-context"
        return ent

    def resolve_modifiers(self, head: Token, mods: list[Token], crowd: bool = False) -> list[Entity]:
        """Coded mentions among a noun's modifiers ("Israeli strikes", "Hamas's attack"); with `crowd` (an
        act of crowds, `crowd_events`), not a country's name either ("U.S. protests")."""
        start = min(m.left_edge.idx for m in mods)
        end = max(m.right_edge.idx + len(m.right_edge) for m in mods)
        out = []
        for m in self.mentions_in(start, end):
            if self.stance_prefixed(m):
                continue  # "an anti-Israel conference": the side opposed, not the doer
            # (before a meeting or an accord named after its venue, a capital too: "the Oslo accords"; a
            # country is still a party, "the Iran deal")
            venue = head.lemma_.lower() in event_words().venue_named_nouns
            if (self._town(m, capitals=not venue) or (crowd and m.type == "GPE")) and self._compound(m):
                continue  # "the El Paso shooting", "the Lyon protest": a town names where, not who
            if m.code or m.type in ("PERSON", "ORG"):
                out.append(_copy(m))
        return _dedupe(out)

    def stance_prefixed(self, m: Entity) -> bool:
        """ "anti-Israel", "pro-Iranian": the mention follows a stance prefix and a hyphen
        (`stance_prefixes` in actors/data/words.yaml)."""
        span = self.span_of(m)
        if span is None or span.start < 2:
            return False
        dash, prefix = self.doc[span.start - 1], self.doc[span.start - 2]
        return dash.text == "-" and prefix.lower_ in actor_words().stance_prefixes

    def _town(self, m: Entity, capitals: bool = True) -> bool:
        """The mention names a town or a region, not a country (with `capitals`, nor a capital)."""
        return m.source in ("gazetteer", "qualifier") or (m.type == "GPE" and not self._country_name(m, capitals))

    def _country_name(self, m: Entity, capitals: bool = True) -> bool:
        """The mention names a country (or, with `capitals`, its capital, which stands for its government),
        not a town."""
        found = get_dictionary(self.ctx).country_code(m.entity_text or "")
        return found is not None and (capitals or found[1] != "capital")

    def _compound(self, m: Entity) -> bool:
        span = self.span_of(m)
        return span is not None and span.root.dep_ == "compound"

    def _resolve_one(self, tok: Token, quote: Quote | None) -> list[Entity]:
        if tok.pos_ == "PRON":
            return self._pronoun(tok, quote)
        ents = self._resolve_phrase_entities(tok)
        # a person's surname that is also a town must not make the person a citizen of it
        # nor may a law's name ending in a town's ("the Green New Deal": Deal, Kent), nor a body's ("the Park
        # Police": Police, Poland)
        if ents and not any(e.code for e in ents) and tok.pos_ == "PROPN" and ents[0].type != "PERSON" \
                and not document_name(tok) and noun_class(tok.lower_) != "agent":
            code = self._place_code(tok)  # a city or region stands for its country ("in Tokyo")
            if code:
                ents[0].code = code
        return ents

    def _place_code(self, tok: Token) -> str | None:
        if self.resolve_place is None:
            return None
        s, e = np_bounds(tok)
        try:
            place = self.resolve_place(self.doc[s:e].text, self.ctx)
        except Exception:  # a gazetteer failure must not lose the event
            return None
        return place.code if place is not None else None

    def _resolve_phrase_entities(self, tok: Token) -> list[Entity]:
        s, e = np_bounds(tok)
        span = self.doc[s:e]
        start, end = span.start_char, span.end_char
        mentions = [m for m in self.mentions_in(start, end) if m.code or m.sector or m.type in PERSONISH]
        head_mention = next((m for m in mentions if m.start <= tok.idx < m.end), None)
        # a border's country says where the phrase is, not whose it is ("a stronghold on the Thai border"),
        # and an ally's is whose ally it is ("Israel's militia ally")
        kept = [m for m in mentions if m is head_mention or not self.names_other(m)]
        bordered, mentions = len(kept) < len(mentions), kept
        if head_mention is not None:
            ent = _copy(head_mention)
            if ent.type == "PERSON" and ent.source in ("gazetteer", "context"):
                # a guessed nationality yields to an apposition naming the body: "Kenzo Oshima, the UN coordinator"
                appos = self._from_apposition(tok)
                if appos:
                    ent.code, ent.source = appos[0].code, "apposition"
            if not ent.code:
                donor = next((m for m in mentions if m is not head_mention and m.code), None)
                if donor is None:  # "Kenzo Oshima, the UN relief coordinator": the apposition names the body
                    donor = next(iter(self._from_apposition(tok)), None)
                if donor is not None:
                    ent.code = donor.code
            if not ent.sector:
                phrase = self._resolve_phrase(span.text)
                ent.sector = phrase.sector if phrase is not None else None
            return [ent, *self._coordinated_modifiers(head_mention, mentions, span, ent)]
        phrase = None if bordered else self._resolve_phrase(span.text)  # nor is the phrase read whole
        coded = [m for m in mentions if m.code]
        # a town named beside a party only says where it is ("positions of the Front near the city of Kelm")
        coded = [m for m in coded if not self._town(m, capitals=False)] or coded
        if coded:
            sector = phrase.sector if phrase is not None and phrase.sector else None
            res = []
            for m in coded:
                ent = _copy(m)
                ent.entity_text = span.text
                ent.sector = sector or m.sector
                ent.start, ent.end = start, end
                res.append(ent)
            return res
        if phrase is not None and phrase.code:
            ent = _copy(phrase)
            ent.entity_text, ent.start, ent.end = span.text, start, end
            return [ent]
        appos = self._from_apposition(tok)
        if appos:
            return appos
        if phrase is not None and phrase.name:
            ent = _copy(phrase)
            ent.entity_text, ent.start, ent.end = span.text, start, end
            return [ent]
        if mentions:  # "Vostran forces": the phrase, named by its (uncoded) modifier
            ent = _copy(mentions[0])
            ent.entity_text, ent.start, ent.end = span.text, start, end
            if phrase is not None and phrase.sector and not ent.sector:
                ent.sector = phrase.sector
            return [ent]
        antecedent = self._definite_antecedent(tok, span)
        if antecedent:
            return antecedent
        if tok.pos_ in ("NOUN", "PROPN"):  # an uncoded phrase is still the actor's text
            ent = Entity(entity_text=span.text, sector=phrase.sector if phrase is not None else None,
                         start=start, end=end, source="phrase")
            owner = self._reported_owner(tok)
            if owner is not None:
                ent.code, ent.source = owner.code, "coref"
            return [ent]
        return []

    def _reported_owner(self, tok: Token) -> Entity | None:
        """"the ministry said its forces struck ...": a phrase owned by "its" or "their" in what a party
        reports belongs to that party, whose code it takes."""
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in self.markers["reported_possessives"]),
                    None)
        speaker = _reporting_subject(tok, self.markers) if poss is not None else None
        if speaker is None:
            return None
        return next((e for e in self.resolve(speaker) if e.code), None)

    def _definite_antecedent(self, tok: Token, span: Span, window: int = 600) -> list[Entity]:
        """"the group", "the armed group" (`anaphoric_org_nouns`): the closest coded organisation
        named before it, within `window` characters; `source` says "antecedent"."""
        if tok.lemma_.lower() not in self.markers["anaphoric_org_nouns"] or span[0].lower_ != "the" or any(
                t.pos_ == "PROPN" for t in span):
            return []
        lo = bisect.bisect_left(self.starts, span.start_char - window)
        # news media report on groups; they are not what "the group" refers to, nor is a state body
        # what "the armed group" does ("Vostran officials")
        shunned = {"MED", "JRN"} | (self.markers["state_sectors"] if tok.lemma_.lower() in
                                    self.markers["non_state_org_nouns"] else set())
        orgs = [e for e in self.entities[lo:] if e.type == "ORG" and e.code and e.end is not None
                and e.end <= span.start_char and e.sector not in shunned]
        if not orgs:
            return []
        ent = _copy(orgs[-1])
        ent.entity_text, ent.start, ent.end, ent.source = span.text, span.start_char, span.end_char, "antecedent"
        return [ent]

    def _coordinated_modifiers(self, head_mention: Entity, mentions: list[Entity], span: Span,
                               ent: Entity) -> list[Entity]:
        """The parties coordinated with the head mention's modifier: "US and British troops" are US troops and
        British troops, each with its own code (the phrase's text, its head's sector)."""
        inner = self.span_of(head_mention)
        if inner is None:
            return []
        mine = {t.i for t in inner}
        out: list[Entity] = []
        for m in mentions:
            other = self.span_of(m)
            if m is head_mention or not m.code or m.code == ent.code or other is None:
                continue
            if any(c.i in mine for t in other for c in t.conjuncts) and all(t.i not in mine for t in other):
                extra = _copy(m)
                extra.entity_text, extra.start, extra.end = span.text, span.start_char, span.end_char
                extra.sector = ent.sector or m.sector
                out.append(extra)
        return out

    def _from_apposition(self, tok: Token) -> list[Entity]:
        """An uncoded head takes the code of its apposition ("the main rebel group, the FDD")."""
        for app in (c for c in tok.children if c.dep_ == "appos"):
            s, e = np_bounds(app)
            span = self.doc[s:e]
            coded = [m for m in self.mentions_in(span.start_char, span.end_char) if m.code]
            if coded:
                ent = _copy(coded[0])
                head_span = self.doc[slice(*np_bounds(tok))]
                ent.entity_text, ent.start, ent.end = head_span.text, head_span.start_char, head_span.end_char
                return [ent]
        return []

    def _pronoun(self, tok: Token, quote: Quote | None) -> list[Entity]:
        low = tok.lower_
        if low in self.markers["first_person"] and quote is not None and quote.speaker is not None:
            return [speaker_entity(quote)]
        if low in self.markers["third_person"]:
            gov = _reporting_subject(tok, self.markers)
            if gov is not None:
                return self.resolve(gov, quote)
        personal = (actor_words().masculine_pronouns | actor_words().feminine_pronouns) & self.markers["third_person"]
        if low in personal:
            subj = _subject_antecedent(tok)
            if subj is not None:
                return self.resolve(subj, quote)
        ent = _seam("entity_for")
        if ent is not None:
            found = ent(self.article, tok.idx, tok.idx + len(tok))
            if found is not None and (found.code or found.name):
                return [_copy(found)]
        # a singular personal pronoun (not a possessive) stands for the person last named
        if low in personal:
            return self._antecedent(tok.idx)
        if low in actor_words().plural_pronouns and tok.dep_ in ("dobj", "pobj"):
            ante = _plural_antecedent(tok)
            if ante is not None:
                return self.resolve(ante, quote)
        return []

    def _antecedent(self, idx: int, window: int = 400) -> list[Entity]:
        """"he"/"she": the closest person mentioned before, within `window` characters."""
        lo = bisect.bisect_left(self.starts, idx - window)
        people = [e for e in self.entities[lo:] if e.type == "PERSON" and e.end is not None and e.end <= idx]
        if not people:
            return []
        ent = _copy(people[-1])
        return [ent]


def _subject_antecedent(pron: Token) -> Token | None:
    """"he"/"she" in a later clause of the sentence: the closest person before it that is a clause's
    subject, skipping people named in its modifiers ("Trump, appearing after Clinton at the forum, cited
    problems that he blamed on Obama": Trump; "Trump said Clinton lied when she ...": Clinton)."""
    for tok in reversed(pron.doc[pron.sent.start:pron.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i != pron.head.i:
            return tok if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN" else None
    return None


def _plural_antecedent(pron: Token) -> Token | None:
    """ "them" acted on in a later clause: the plural subject of an earlier clause of the sentence, when it is
    the only plural party named before ("Three activists appeared in court after police arrested them"; not
    "police arrested protesters after officers attacked them", where either could be meant). A pronoun
    object never stands for the subject of its own clause."""
    own = pron.head
    while own.dep_ in ("prep", "agent") and own.head.i != own.i:  # "acted against them": the clause's verb
        own = own.head
    plural = [t for t in pron.doc[pron.sent.start:pron.i] if t.tag_ in ("NNS", "NNPS")
              and noun_class(t.lemma_.lower()) == "agent" and t.head.i != own.i]
    return plural[0] if len(plural) == 1 and plural[0].dep_ in ("nsubj", "nsubjpass") else None


def _reporting_subject(tok: Token, markers: dict[str, Any]) -> Token | None:
    """For "X said it would ...": the subject of the reporting verb governing `tok`'s clause."""
    clause = tok.head
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp":
        return None
    verb = clause.head
    if verb.lemma_.lower() not in markers["reporting_verbs"]:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    while subj is None and verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head  # "the rebels rejected the plan and said they ...": the first verb's subject
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    return subj


def partners(actors: list[Entity]) -> bool:
    """Two or more parties acting together: of different countries, or different named bodies of one
    ("Arvenia and the MLF signed a ceasefire in Port Anza"); where they act is no party to it."""
    return len({a.code for a in actors if a.code}) > 1 or len(
        {a.name for a in actors if a.name and a.source == "dictionary"}) > 1


def speaker_entity(quote: Quote) -> Entity:
    sp = quote.speaker
    assert sp is not None
    return Entity(entity_text=sp.text, name=sp.name or sp.text, code=sp.code, sector=sp.sector, org=sp.org,
                  start=sp.start, end=sp.end, source="quote-speaker")


def _copy(ent: Entity) -> Entity:
    return Entity(**{f: getattr(ent, f) for f in ent.__dataclass_fields__})


def _dedupe(ents: list[Entity]) -> list[Entity]:
    seen: dict[tuple, int] = {}
    out: list[Entity] = []
    for ent in ents:
        # one phrase with one code is one party, however many names in it gave the code; the code read from
        # a name is kept over one guessed from the context
        key = (ent.entity_text, ent.end, ent.code, ent.start) if ent.start is not None else (
            ent.name or ent.entity_text, ent.code, ent.start)
        if key not in seen:
            seen[key] = len(out)
            out.append(ent)
        elif out[seen[key]].source in CONTEXT_SOURCES and ent.source not in CONTEXT_SOURCES:
            out[seen[key]] = ent
    return out


def _pycountry_code(text: str) -> str | None:
    """Fallback only: ISO-3 of a country named exactly (pycountry), else None."""
    try:
        import pycountry

        return pycountry.countries.lookup(text).alpha_3
    except (LookupError, ImportError):
        return None
