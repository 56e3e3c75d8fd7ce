"""Parties a sentence leaves implicit: where an event happened, and the country of unnamed parties.

`ImplicitParties` is mixed into the document coder (`extract.DocCoder`) beside `roles.RoleFinder`:
the event's place (attached to its clause, its arguments or nested in a place phrase), the country
an uncoded actor or recipient takes from that place or from the sentence, as event datasets code
unnamed domestic actors (`source: "event-location"`), and the government a protest held in a country
with no named target addresses (`source: "protest-target"`). See docs/events.md, "Roles".
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from ..actors import get_dictionary
from ..actors.affiliation import placing_mention
from ..model import Entity, Place
from . import flags
from .arguments import names_relation, partners
from .roles import _prep_objects
from .words import default_words as event_words

OTHER_CLAUSES = {"ccomp", "parataxis"}  # statements of their own ("said Russia had interfered")
SUBCLAUSES = {"acl", "relcl", "ccomp", "xcomp", "advcl", "parataxis"}  # clauses under a verb or inside its phrases


class ImplicitParties:
    """Place and implicit-party methods of the document coder; it provides doc, args and ctx."""

    def _event_place(self, anchors: list[Token]) -> Place | None:
        """The place attached to the event's clause, else to its subject, agent or object ("blocked roads in
        Dorvat", "a bombing near Tarn killed ...") or nested in a place phrase ("at a jail in Dorvat")."""
        place = self._recode_place(flags.resolve_event_place(anchors, self.ctx))
        if place is not None:
            return place
        args = [c for t in anchors for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        # "were killed by a bomb in Tarn": the passive's agent is the subject of the active sentence
        args += [g for t in anchors for c in t.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        nested_preps = event_words().nested_place_prepositions
        nested = [g for t in anchors for c in t.children if c.dep_ == "prep" and c.lower_ in nested_preps
                  for g in c.children if g.dep_ == "pobj"]
        return self._recode_place(flags.resolve_event_place(args + nested, self.ctx)) if args or nested else None

    def _recode_place(self, place: Place | None) -> Place | None:
        """The places stage's reading of a mention inside the phrase wins when the text qualified it
        ("Salem, Oregon"); otherwise a place homonym ("Alexandria") takes its country from the article's
        context, or none."""
        if place is None or not place.code:
            return place
        if place.start is not None and place.end is not None:
            read = next((p for p in self.article.places if p.via == "qualifier" and p.code and p.start is not None
                         and place.start <= p.start < place.end), None)
            if read is not None:
                return dataclasses.replace(place, code=read.code, name=read.name, country=read.country,
                                           admin1=read.admin1, geonames_id=read.geonames_id, lat=read.lat,
                                           lon=read.lon, level=read.level, feature=read.feature)
        if self.args.homonym_code is None:
            return place
        hit, code = self.args.homonym_code(place.text or "", place.code, self.args.words)
        if hit and code != place.code:
            place = dataclasses.replace(place, code=code)
        return place

    def _aimed_at(self, tok: Token, place: Place | None) -> bool:
        """The place is what the act (or its subject: "strikes on Tarn killed ...") is aimed at, its target,
        not its doer: "air strikes on the city of Tarn"."""
        if place is None or place.start is None:
            return False
        aimed = [tok, *(c for c in tok.children if c.dep_ == "nsubj")]
        return any(g.left_edge.idx <= place.start < g.right_edge.idx + len(g.right_edge)
                   for g in _prep_objects(tuple(event_words().noun_patient_prepositions), *aimed))

    def _default_parties(self, event: str, actors: list[Entity], recipients: list[Entity],
                         place: Place | None, target_place: bool = False) -> tuple[list[Entity], list[Entity]]:
        """Parties the sentence leaves implicit, coded as event datasets do and marked by `source`:
        a missing actor or recipient of an event placed in a country ("were killed in Dorvat") is that
        country ("event-location"), but the actor never when the place is what the act is aimed at
        (`target_place`), nor the recipient of words addressed to someone (`addressed_events`); a
        protest with no named target held in a country addresses its government ("protest-target")."""
        code = place.code if place is not None else None
        # nor when the parties acted on are of the place's country: "a bombing killed three Arvenian
        # soldiers near Dravo" says nothing of who bombed, least of all Arvenia
        if code and not actors and not target_place and not any(r.code == code for r in recipients):
            actors = [_place_entity(place, "event-location")]
        if any(r.code for r in recipients):
            return actors, recipients
        if event == "PROTEST" and code:
            # held in a country, with no target named: against its government, at the place that names it (as
            # event datasets code it); with no place, the protesters' own government would be a guess
            # ("thousands marched to mark Juneteenth", "players knelt to protest racial inequality")
            base = _place_entity(place, "protest-target")
            base.code, base.sector = code, "GOV"
            return actors, [base]
        # (not for words addressed to someone: where they are said is not whom, "at a rally in Tarn, X
        # questioned ...")
        if code and not recipients and not partners(actors) and event.lower() not in event_words().addressed_events:
            recipients = [_place_entity(place, "event-location")]
        return actors, recipients

    def _destinations(self, tr) -> list[tuple[int, int]]:
        """Character ranges of the places people are removed to ("deported two activists to Jordan",
        `destination_modes`): where they went, which neither places the event nor codes its parties."""
        return [(g.left_edge.idx, g.right_edge.idx + len(g.right_edge)) for c in tr.tok.children
                if c.dep_ == "prep" for g in c.children if flags.removed_to(g, tr.pattern.mode)]

    def _locate_uncoded(self, entities: list[Entity], sent: Span, place: Place | None, others: list[Entity],
                        acted_on: Token | None = None, clause: Token | None = None,
                        skip: list[tuple[int, int]] | None = None) -> None:
        """An uncoded actor ("striking miners", "the rebels") of an event placed in a
        country ("in Dorvat"), or in a sentence naming one country only, takes that country's
        code, as event datasets code unnamed domestic actors; `source` says so ("event-location").
        Parties acted on (`acted_on`: the recipients, given the event's clause) take it only when the
        sentence names no other country besides the actors', even as a topic, and only from a country
        named in the event's own clause ("said Russia had interfered, and urged the administration to
        respond": the administration is not Russia's). An actor takes the country other than the
        recipient's only from the event's `clause` ("the House backed a resolution condemning the
        decision to withdraw troops from Syria": the House is not Syria's)."""
        # a named person or organisation takes a country from the dictionary, a title or an organisation,
        # never from where the event happens or what else the sentence names ("United Airlines ... flights
        # between the U.S. and China" is not China's)
        todo = [e for e in entities if not e.code and e.source not in ("quote-speaker", "region")
                and e.type != "PERSON" and not self._no_country_of_its_own(e)]
        if not todo:
            return
        # "urged retaliation on Russia": a country acted upon does not place the story
        if place is not None and place.start is not None and place.end is not None and not placing_mention(
                self.doc, place.start, place.end):
            place = None
        if place is not None and place.code:
            code = place.code
        else:  # a sentence that names one country only: "striking miners ... the Vostran president",
            # besides the other party's ("a roadside bomb killed two Kelmish soldiers in the Vostran city of X")
            # a group only from a country that places the story, not one acted upon
            mentions = [self.args._homonym(dataclasses.replace(m)) for m in
                        self.args.mentions_in(sent.start_char, sent.end_char)
                        if m.start is None or not any(lo <= m.start < hi for lo, hi in skip or ())]
            if acted_on is not None:
                mentions = [m for m in mentions if m.start is None or _in_clause(self.doc, m.start, acted_on)]
            elif clause is not None and len({m.code for m in mentions if m.code}) > 1:
                mentions = [m for m in mentions if m.start is None or not _nested_in(self.doc, m.start, clause)]
            # a country only: an organisation's code ("a body linked to the African Union") is no place
            countries = get_dictionary(self.ctx).countries
            codes = {m.code for m in mentions if m.code in countries
                     and m.start is not None and placing_mention(self.doc, m.start, m.end)
                     and not self.args.stance_prefixed(m)}  # "pro-Vostra militias": a side, not a place
            parties = {o.code for o in others if o.code and o.source != "event-location"}
            if len(codes) > 1:
                codes -= parties
            if acted_on is None:  # a country acted upon is no home of the actor ("officers seized records of
                codes -= {o.code for o in others if _the_state(o)}  # transfers to Vostra")
            # "over Syria, with Russia backing the government as the US supports opposition groups":
            # two countries besides the other party's, one only a topic, place no one
            named = {m.code for m in mentions if m.code in countries} - parties
            if len(codes) != 1 or (acted_on and len(named) > 1):
                return
            code = codes.pop()
        for ent in todo:
            ent.code, ent.source = code, "event-location"

    def _no_country_of_its_own(self, ent: Entity) -> bool:
        """A party whose phrase rules out a country from the place or the sentence: a plural group of
        several countries, a named place the dictionary does not code, a party named by its relation to
        another, a named organisation, people from elsewhere."""
        span = self.args.span_of(ent)
        return span is not None and (_many_countries(span) or _named_place(span) or _related(span)
                                     or (ent.type == "ORG" and _named_org(span)) or _outsiders(span))


def _the_state(ent: Entity) -> bool:
    """A party that is a country named as such ("Vostra", from the actor dictionary), not a person, group or
    body of it, nor a town of it (from the gazetteer)."""
    return bool(ent.code) and ent.type == "GPE" and not ent.sector and ent.source == "dictionary"


def _outsiders(span: Span) -> bool:
    """ "foreigners", "refugees", "foreign journalists": people from elsewhere (`outsider_nouns`), unless
    their own phrase says where from ("refugees fleeing the war in Liberia", "migrants from Tarn")."""
    root = span.root
    if not (root.lemma_.lower() in event_words().outsider_nouns or any(
            c.dep_ == "amod" and c.lower_ == "foreign" for c in root.children)):
        return False
    return not any(c.dep_ == "acl" or (c.dep_ == "prep" and c.lower_ == "from") for c in root.children)


def _named_org(span: Span) -> bool:
    """ "United Airlines": an organisation's own name, not a descriptive phrase."""
    return span.root.pos_ == "PROPN" and span.root.ent_type_ == "ORG"


def _related(span: Span) -> bool:
    """ "Vostra's allies", "the rivals of X": a party named by its relation to a named other ("his rivals"
    may be of the place's country)."""
    return any(names_relation(t) and t.pos_ != "PRON" for t in span)


def _named_place(span: Span) -> bool:
    """ "Europe", "the Sahel": a named place the dictionary does not code is no country's."""
    return span.root.ent_type_ in ("LOC", "GPE") and span.root.pos_ == "PROPN"


def _many_countries(span: Span) -> bool:
    """ "World leaders", "other governments", "both governments": a plural group drawn from several
    countries."""
    if span.root.tag_ not in ("NNS", "NNPS"):
        return False
    words = event_words()
    before = [t.lower_ for t in span if t.i < span.root.i]
    return any(w in words.many_country_modifiers for w in before) or (
        span.root.lemma_.lower() in words.counted_state_nouns and any(w in words.state_counters for w in before))


def _place_entity(place: Place, source: str) -> Entity:
    return Entity(entity_text=place.text, name=place.name, code=place.code, type="GPE", start=place.start,
                  end=place.end, source=source)


def _clause_of(tok: Token) -> Token:
    """The head of the statement `tok` sits in: the nearest clausal complement above it, or the root."""
    while tok.head.i != tok.i and tok.dep_ not in OTHER_CLAUSES:
        tok = tok.head
    return tok


def _nested_in(doc: Doc, start: int, clause: Token) -> bool:
    """The mention starting at character `start` sits in a clause under `clause` ("backed a resolution
    condemning the decision to withdraw troops from Syria": Syria), not in `clause` itself."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    while tok.i != clause.i and tok.head.i != tok.i:
        if tok.dep_ in SUBCLAUSES:
            return any(a.i == clause.i for a in tok.ancestors)
        tok = tok.head
    return False


def _in_clause(doc: Doc, start: int, clause: Token) -> bool:
    """The mention starting at character `start` lies in the statement of `clause` or in one governing
    it ("In Syria, officials said rebels attacked ..."), not in another statement ("said Russia had
    interfered, and urged the administration to ...")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not clause.sent.start <= span[0].i < clause.sent.end:
        return False
    own = _clause_of(span[0])
    chain = clause
    while True:
        if chain.i == own.i:
            return True
        if chain.head.i == chain.i:
            return False
        chain = chain.head
