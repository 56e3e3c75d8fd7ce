"""Roles of an event: its actor and recipient heads from the parse, resolved to entities.

`RoleFinder` is mixed into the document coder (`extract.DocCoder`): subjects
(climbing open complements, relative clauses and passives), recipient candidates
(objects, prepositional targets, the subject of a content clause, the party a
condition targets, the place an action is directed at), the roles of nominal
triggers. The parties a sentence leaves implicit (`event-location`, `protest-target`)
are `implicit.ImplicitParties`'. Preposition lists live in `data/words.yaml`. Where the parser
hid the agent (a main verb misread as a participle, a subject buried in a fronted
phrase, a passive agent hung on another verb), `repair` gives the reading used.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from spacy.tokens import Token

from ..actors.words import default_words as actor_words
from ..model import Entity, Quote
from ..settings import tuning
from . import flags, repair
from .agents import document_name, noun_class, place_of_event, semantic_data, senses_of, token_class
from .arguments import names_relation, partners, speaker_apposition
from .restrictions import phrase_tokens
from .triggers import Trigger
from .words import default_words as event_words

_SYNTAX = tuning("events.syntax")  # each threshold is explained in config.toml

SUBJ = {"nsubj", "csubj"}
# word lists from data/semantics.yaml (order matters: the first resolvable recipient wins)
RECIP_PREPS = semantic_data()["recipient_preps"]
PLACE_RECIP_PREPS = semantic_data()["place_recipient_preps"]
NOT_PARTY = semantic_data()["not_party_labels"]
NOT_ACTOR = {"info", "other", "act", "thing", "force", "weapon"}
REASON_CLAUSES = {"advcl", "parataxis", "relcl"}


def _child(tok: Token, deps: set[str]) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _proposition(comp: Token) -> bool:
    """A complement that states a proposition: a clause ("denied that its troops crossed ...") or a gerund
    ("denied targeting civilians"); a to-infinitive is an act refused ("refused to send troops to Tarn")."""
    return comp.dep_ == "ccomp" or (comp.dep_ == "xcomp" and comp.tag_ == "VBG")


def _prep_objects(preps: Sequence[str], *toks: Token) -> list[Token]:
    """The objects of the prepositions of `toks`, in the order of `preps` ("against X" before "with Y"),
    then of `toks`; one pass over the children instead of one per preposition."""
    found: dict[str, list[Token]] = {}
    for tok in toks:
        for c in tok.children:
            if c.dep_ in ("prep", "dative", "agent"):  # a noun's by-phrase is often parsed "agent" ("a bid by X")
                found.setdefault(c.lower_, []).extend(g for g in c.children if g.dep_ == "pobj")
                stranded = repair.stranded_object(c)
                if stranded is not None:
                    found[c.lower_].append(stranded)
    return [g for prep in preps for g in found.get(prep, ())] if found else []


def _slot_tokens(tok: Token, slot: str) -> list[Token]:
    base, _, prep = slot.partition(":")
    if base == "pobj" and prep:
        return _prep_objects((prep,), tok)
    if base == "pobj":
        return [g for c in tok.children if c.dep_ in ("prep", "dative") for g in c.children if g.dep_ == "pobj"]
    out = [c for c in tok.children if c.dep_ == base]
    if base == "dobj":
        out += repair.hidden_objects(tok)
    if base == "xcomp":  # the parser often attaches "vowed to fight" as an infinitival advcl
        out += [c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                and not any(m.dep_ == "mark" for m in c.children)]
    return out


def content_tokens(tok: Token, slot: str) -> list[Token]:
    """The heads in a content slot; a "pobj:PREP" slot also takes a clause that PREP introduces
    ("called for Kelmland to withdraw", "pushing for the US (to) support the plan")."""
    out = _slot_tokens(tok, slot)
    base, _, prep = slot.partition(":")
    if base == "pobj" and prep:
        out += [c for c in tok.children if repair.for_clause(c, prep)]
    return out


def _relative_antecedent(tok: Token, verb: Token) -> Token:
    """A relative pronoun acted on stands for the noun its clause describes: "a farmer who was killed by
    police", "the farmer whom police killed" (the farmer; a name it is in apposition to, when it names none)."""
    if verb.dep_ != "relcl" or not (tok.tag_ in ("WDT", "WP") or tok.lower_ in actor_words().relative_pronouns):
        return tok
    return _described(verb)


def _described(verb: Token) -> Token:
    """The noun a relative clause describes; the name it is in apposition to ("Ivo Dant, a farmer who ...")."""
    head = verb.head
    if head.dep_ == "appos" and head.head.ent_type_ in ("PERSON", "ORG", "NORP") and token_class(head.head) == "agent":
        return head.head
    return head


def _asked_for(verb: Token) -> set[int]:
    """The objects naming what a verb of asking asks for ("seeks more refugees"), not whom: those of an
    `asking_for_verbs` verb with no infinitive or clause after them ("requested the court to rule")."""
    if verb.lemma_.lower() not in event_words().asking_for_verbs or _slot_tokens(verb, "xcomp") or any(
            c.dep_ == "ccomp" for c in verb.children):
        return set()
    return {c.i for c in verb.children if c.dep_ == "dobj"}


def _reported_clause(tok: Token) -> bool:
    """A clause a noun reports ("accusations that he cooperated", "its demand that Israel ease ...")."""
    return tok.dep_ == "acl" and _content_marked(tok)


def _content_marked(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in event_words().content_marks for c in clause.children)


def _named_apposition(subj: Token) -> Token | None:
    """ "the object of Trump's admiration, Vladimir Putin, has ...": a subject that names no party, with a
    name in apposition, is that name."""
    if subj.pos_ != "NOUN" or token_class(subj) == "agent":
        return None
    return next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")),
                None)


class RoleFinder:
    """Role methods of the document coder; it provides doc, args, ctx, markers, triggers, article."""

    def _subject(self, verb: Token, hops: int = 0) -> tuple[Token | None, bool]:
        """(subject head, passive?) of `verb`, climbing open complements and relative clauses."""
        # "guards shot and killed by a gunman"; a verb coordinated with such participles shares their
        # patient, not their agent ("the pandemic, enabled by X, has killed ...")
        reduced = repair.reduced_passive(verb) if hops == 0 else None
        if reduced is not None:
            return reduced[0], True
        caused = self._causative(verb)
        if caused is not None:  # "the general had the farmer killed": the general
            return self._subject(caused[0], hops + 1)[0], True
        if hops == 0 and self._headline_patient(verb) is not None:  # "Parents convicted in first case"
            return repair.agent_of(verb), True
        if repair.gapped_passive(verb, self.markers["force_words"]) is not None:  # "... and three wounded"
            return repair.agent_of(verb), True
        if repair.garden_path(verb) is not None:  # "protesters arrested on Monday will appear in court"
            return repair.agent_of(verb), True
        subj = _child(verb, SUBJ)
        if subj is not None and repair.two_subjects(verb):
            return None, False
        if subj is None and verb.dep_ == "acl":  # "Doctors from two aid groups donated ...": a misread main verb
            subj = repair.misread_main_verb(verb, self.markers["light_verbs"], self._reporting(verb))
        if subj is None and verb.dep_ not in ("xcomp", "conj", "acl", "relcl"):
            subj = repair.fronted_subject(verb)  # "With the signing of X, A and B have agreed"
        if subj is not None:
            if subj.tag_ == "WDT" or subj.lower_ in actor_words().relative_pronouns:
                return (verb.head if verb.dep_ == "relcl" else None), False
            return _named_apposition(subj) or subj, False
        if _child(verb, {"nsubjpass", "auxpass"}) is not None:
            agent = repair.agent_of(verb)
            if agent is None and verb.lemma_.lower() in self.markers["light_verbs"]:
                return _child(verb, {"nsubjpass"}), False  # "were engaged in fighting": adjectival passive
            if agent is None:  # "were beaten and arrested by police": the by-phrase the participles share
                agent = next((a for v in verb.children if v.dep_ == "conj" and repair.shared_passive(v) is not None
                              and (a := repair.agent_of(v)) is not None), None)
            if agent is None:  # "has been accused of ..., much of it believed ..., by officials"
                agent = repair.stray_agent(verb, _SYNTAX["subject_hops"])
            return agent, True
        if hops > _SYNTAX["subject_hops"]:
            return None, False
        if repair.shared_passive(verb) is not None:  # "was shot and killed (by X)"
            return repair.agent_of(verb) or repair.agent_of(verb.head), True
        if verb.dep_ == "conj" and verb.head.i != verb.i and _child(verb.head, {"nsubjpass"}) is not None:
            # "was indicted by the court and will resign": an active verb shares the passive one's
            # subject, not its agent
            return _child(verb.head, {"nsubjpass"}), False
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            return self._subject(verb.head, hops + 1)
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            host = verb.head.head
            if self._light_gerund_host(host):
                return self._subject(host, hops + 1)  # "youths resorted to throwing stones"
            if self._culpable(host):
                return self._subject(host.head, hops + 1)  # "both armies are guilty of violating"
        if verb.dep_ in ("acl", "relcl") and verb.tag_ != "VBN":
            return verb.head, False
        return None, False

    def _hidden_patient(self, verb: Token) -> Token | None:
        """The patient of a verb with no passive subject the parser saw: a reduced or shared passive, a
        causative's object, a headline's subject, a gapped or garden-path participle's noun."""
        reduced = repair.reduced_passive(verb)
        caused = self._causative(verb)
        return ((reduced[1] if reduced is not None else None) or (caused[1] if caused is not None else None)
                or self._headline_patient(verb) or repair.shared_passive(verb)
                or repair.gapped_passive(verb, self.markers["force_words"]) or repair.garden_path(verb))

    def _headline_patient(self, verb: Token) -> Token | None:
        """The subject of a headline's participle of acting on someone (`headline_passive_events`)."""
        tr = self.triggers.get(verb.i)
        if tr is None or tr.pattern.event.lower() not in event_words().headline_passive_events:
            return None
        return repair.headline_passive(verb)

    def _causative(self, verb: Token) -> tuple[Token, Token] | None:
        """(causative verb, patient) of a participle a causative verb governs: "had the farmer killed" (the
        parser's clause with the farmer as subject) or "got the rebels released" (a participle on the object).
        Not with a by-agent of its own, nor of the subject's own ("had his house destroyed" befell him)."""
        if verb.tag_ != "VBN" or verb.head.i == verb.i or repair.agent_of(verb) is not None:
            return None
        host, causatives = verb.head, self.markers["causative_verbs"]
        if verb.dep_ == "ccomp" and host.lemma_.lower() in causatives and _child(verb, {"aux", "auxpass"}) is None:
            caused = (host, _child(verb, {"nsubj"}))
        elif verb.dep_ == "acl" and host.dep_ == "dobj" and host.head.lemma_.lower() in causatives \
                and verb.i == host.i + 1 and not self.lex.lookup("adj", verb.lower_):  # not "rules opposed to X"
            caused = (host.head, host)
        else:
            return None
        patient = caused[1]
        if patient is None or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in patient.children):
            return None
        return caused[0], patient

    def _light_gerund_host(self, host: Token) -> bool:
        """A light verb with no object whose gerund complement shares its subject ("resorted to
        throwing", "engaged in looting"); a passive one's gerund belongs to its passive subject."""
        return host.pos_ == "VERB" and host.lemma_.lower() in self.markers["light_verbs"] and not any(
            c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in host.children)

    def _culpable(self, adj: Token) -> bool:
        """ "guilty", "responsible" as the complement of a copula: its subject did what the gerund says."""
        return adj.dep_ == "acomp" and adj.lemma_.lower() in self.markers["culpability_adjectives"] \
            and adj.head.i != adj.i

    def _reporting(self, verb: Token) -> bool:
        """A verb used to report a clause: a reporting verb, or a trigger whose pattern wants one."""
        tr = self.triggers.get(verb.i)
        return verb.lemma_.lower() in self.markers["reporting_verbs"] or (
            tr is not None and tr.pattern.wants_clause)

    def _adjectival(self, tr: Trigger) -> bool:
        """A participle the lexicon lists as an adjective ("opposed", "committed", "prepared"):
        "X is opposed to" has X as its actor, not as a passive recipient."""
        return bool(self.lex.lookup("adj", tr.tok.lower_))

    def _recipient_heads(self, tr: Trigger, verb: Token, joint: bool = False,
                         grievance: Sequence[Token] = ()) -> list[Token]:
        """Candidate recipient heads, best first; `joint` when the actors are parties of more than one
        country, who act together where they meet, on no place ("Vostra and Kelmland signed a deal in Kelm");
        `grievance`, a protest's `_grievance_heads`."""
        heads: list[Token] = []
        asking = _asked_for(tr.tok)
        for slot in tr.pattern.recipient:
            heads += [h for h in _slot_tokens(tr.tok, slot) if h.i not in asking or token_class(h) != "agent"]
        passive = _child(verb, {"nsubjpass"}) or self._hidden_patient(verb)
        if passive is not None and not self._adjectival(tr):
            heads.append(_relative_antecedent(passive, verb))
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and repair.misread_main_verb(
                verb, self.markers["light_verbs"], self._reporting(verb)) is None:
            heads.append(verb.head)
        # (the arguments of the verb "and" joins it to, when it has none and that verb is no act of another kind:
        # "donated and delivered goods to X"; not "resigned and endorsed X")
        shared = [c for c in [repair.shared_conjunct(tr.tok)] if c is not None
                  and (c.i not in self.triggers or self._same_kind(tr, c))]
        objs = [_relative_antecedent(c, v) for v in [tr.tok, *shared] for c in v.children
                if c.dep_ in ("dobj", "dative", "iobj") and c.pos_ in ("NOUN", "PROPN", "PRON")]
        objs += repair.hidden_objects(tr.tok)
        # an object the pattern asked for ("imposed sanctions", "sent aid") is the instrument, not the recipient;
        # its target is, before any phrase of the verb ("filed a complaint against X at the WTO": X)
        asked = [o for o in objs if tr.pattern.object and o.lemma_.lower() in tr.pattern.object]
        # so are the people asked for ("seeks more refugees"), though a party named in their phrase is addressed
        wanted = [o for o in objs if o.i in asking and token_class(o) == "agent"]
        heads += [o for o in objs if o not in asked and o not in wanted]
        heads += [h for o in asked + wanted for h in _prep_objects(event_words().object_party_prepositions, o)]
        # the accused before whom a grievance is told: "complained to the UN over Israeli air raids"
        if tr.pattern.event == "ACCUSE":
            heads += _prep_objects(event_words().grievance_prepositions, tr.tok)
        # not the noun of an absolute phrase: "With dozens of farmers displaced, the senators met"
        # nor a phrase fronted before the subject, which sets the scene: "At a rally in Coral Springs, Florida,
        # Clinton questioned ..."
        heads += [h for h in _prep_objects(RECIP_PREPS, tr.tok, *shared) if not _absolute(h) and not _fronted(h.head)]
        # the object's own agent or target: "a blockade on X", "a demand by X", "X's proposal"
        for obj in (o for o in objs if o not in wanted):  # (not the other side of an ally: "X's rivals")
            heads += [c for c in obj.children if c.dep_ == "poss" and not names_relation(c)]
            heads += [h for h in _prep_objects(event_words().object_party_prepositions, obj) if not names_relation(h)]
        # the subject of the content clause: "demanded that Kelmland cancel ..."
        # the subject of a for-clause is addressed only by a call for it ("called for X to ..."; not
        # "deny the right for us to", "were prepared for the company to")
        wants_for = "pobj:for" in tr.pattern.content and tr.pattern.event == "REQUEST"
        # (a clause before a headline's participle is a second headline, not its content: "Army strikes
        # Tarn, twelve fighters killed")
        headline = passive is not None and passive == self._headline_patient(verb)
        comps = [c for c in tr.tok.children if (c.dep_ == "ccomp" and not (headline and c.i < tr.tok.i))
                 or (wants_for and repair.for_clause(c, "for"))]
        comps += _slot_tokens(tr.tok, "xcomp")
        inverted = repair.inverted_content(tr.tok) if self._reporting(tr.tok) else None
        comps += [inverted] if inverted is not None else []  # "<clause>, a group protested"
        # (not the parties of a proposition denied: "denied that its troops crossed into Kelmland" answers
        # whoever claims it, named only as the claim's owner: "denied Kelmish claims that ...")
        if tr.pattern.event.lower() in event_words().denial_events:
            comps = [c for c in comps if not _proposition(c)]
        for comp in comps:
            subj = _child(comp, {"nsubj", "nsubjpass"})
            if subj is not None:
                heads.append(subj)
        # the content's own object: "offered to hand X over to Vostra", "refused to send troops to Tarn"
        for comp in comps:
            comp_objs = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
            # the actor's own ("agreed to withdraw its troops from Kelmland") is what it acts with
            heads += [o for o in comp_objs if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in o.children)]
            heads += _prep_objects(RECIP_PREPS, comp)
            for obj in comp_objs:  # "continue military aid to Mozambique"
                heads += _prep_objects(event_words().content_object_recipient_prepositions, obj)
        # the party a condition targets: "threatened to quit the talks if Vostra goes ahead"
        for tok in [tr.tok, *comps]:
            for cond in (c for c in tok.children if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in self.markers["conditional_marks"] for m in c.children)):
                heads += [c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")]
        # an asked-for object's own nationality: "expelled two Kelmish diplomats" -> Kelmland
        # (not the venue an accord is named after: "signed the Oslo accord")
        heads += [c for o in asked if o.lemma_.lower() not in event_words().venue_named_nouns
                  for c in o.children if c.dep_ in ("amod", "compound", "poss") and _is_place(c)]
        # the party a force is readied against: "mobilized reservists for a war against Iraq", "moved two
        # brigades to its border with Kelmland" (a border names where, but a force sent to it faces the other side)
        if tr.pattern.event == "MOBILIZE":
            heads += [g for base in [*objs, *_prep_objects(("for",), tr.tok)] for t in base.subtree
                      if t.dep_ == "prep" and t.lower_ in event_words().opposed_party_prepositions
                      for g in t.children if g.dep_ == "pobj"]
            moved = [tr.tok, *(c for o in objs for c in (o, *o.conjuncts))]  # (the parser may hang it on the object)
            borders = [b for t in moved for b in _site_phrase_nouns(t)
                       if b.lemma_.lower() in event_words().border_nouns]
            heads += [g for b in borders for g in _prep_objects(("with",), b) if _is_place(g)]
        # a crowd at a country's embassy protests against that country: "marched on the Vostran embassy"
        if tr.pattern.event == "PROTEST":
            heads += [c for m in _site_phrase_nouns(tr.tok) if m.lemma_.lower() in event_words().mission_nouns
                      for c in m.children if c.dep_ in ("amod", "compound", "poss") and _is_place(c)]
            heads += grievance
        # last resort, the place the action is directed at: "arrived in Dorvat", "withdrew from Kelmland",
        # "reinforced its troops in Tarn"; not when a party is acted on ("arrested three leaders in Rask":
        # the town is where, the leaders are whom)
        if any((token_class(h) == "agent" or (h.pos_ == "PROPN" and h.ent_type_ not in ("GPE", "LOC", "FAC")))
               and h.ent_type_ not in NOT_PARTY for h in heads):
            return self._unfold(heads, tr)
        # nor when a call names whom it asks to act ("called for Palestinians in the West Bank to ...": the
        # Palestinians are asked, the West Bank is where they are)
        if tr.pattern.event == "REQUEST" and "pobj:for" in tr.pattern.content and any(
                token_class(g) == "agent" for g in _prep_objects(("for",), tr.tok)):
            return self._unfold(heads, tr)
        # the target of the stance the act is taken in: "blocked streets in defiance of the authorities"
        heads += _stance_targets([tr.tok])
        if joint:
            return self._unfold(heads, tr)
        # not a place inside a reported proposition: "denied that racism is an issue in the USA"
        for tok in [tr.tok, *(c for c in comps if c.dep_ != "ccomp"), *objs]:
            heads += [p for p in _prep_objects(PLACE_RECIP_PREPS, tok) if _is_place(p)]
        return self._unfold(heads, tr)

    def _unfold(self, heads: list[Token], tr: Trigger) -> list[Token]:
        """A folded event noun hands over its own arguments first: "open to talks with X" -> X."""
        out: list[Token] = []
        for head in heads:
            if head.lemma_.lower() in event_words().helper_nouns and head.dep_ == "pobj" and head.head.lower_ == "with":
                continue  # "with Albania's help": a helper alongside the actor, not a party acted on
            sub = self.triggers.get(head.i)
            if sub is not None and sub.absorbed_by == tr.tok.i and sub.kind == "noun":
                out += _prep_objects(event_words().folded_noun_prepositions, head)
                out += [c for c in head.children if c.dep_ == "poss"]
            out.append(head)  # still its modifiers: "a U.S. request" -> USA
        return out

    def _recipients(self, tr: Trigger, verb: Token, quote: Quote | None, actors: list[Entity],
                    subj: Token | None = None) -> list[Entity]:
        # the addressee the pattern names ("called on X to ...") is the recipient even when uncoded
        wanted = _asked_for(tr.tok)
        for slot in tr.pattern.recipient:
            for head in _slot_tokens(tr.tok, slot):
                if token_class(head) == "agent" and head.i not in wanted:
                    found = self.args.resolve(head, quote)
                    if found and not any(e.code for e in found):
                        # "urged students at Arvenian universities": the phrase's own country codes them
                        code = next((e.code for e in self._nested_coded([head], quote, actors)), None)
                        for ent in found:
                            ent.code = code
                    if found:
                        return found
        if tr.pattern.event == "REQUEST":
            # the party a call asks to act, even uncoded: "demanded that the mayor resign over the Kelmish deal"
            # is addressed to the mayor, not to Kelmland
            for comp in (c for c in tr.tok.children if c.dep_ == "ccomp" and not self._reporting(c)):
                # (not a report of the call the parser hung under it: "..., diplomats quoted X as saying")
                subj = _child(comp, {"nsubj"})
                if subj is not None and subj.pos_ != "PRON" and token_class(subj) == "agent":
                    found = self.args.resolve(subj, quote)
                    if found and not any(_same(e, actors) for e in found):
                        return found
        comps = [tr.tok, *(c for c in tr.tok.children if c.dep_ == "ccomp"), *_slot_tokens(tr.tok, "xcomp")]
        # purpose clauses are searched last: "sent material to help defend Kelmland"
        purpose = [c for t in comps for c in _slot_tokens(t, "xcomp") if c.i not in {x.i for x in comps}]
        purpose = [c for slot in tr.pattern.content for c in _slot_tokens(tr.tok, slot)
                   if c.i not in wanted or token_class(c) != "agent"] + purpose
        # a protest's target named in its demand or stance: a candidate, and content a place yields to ("marched
        # from Tarn, calling for the removal of X")
        grievance = self._grievance_heads(tr, tr.tok)
        purpose += grievance
        if tr.pattern.event.lower() in event_words().denial_events:  # a proposition denied names no party to it
            purpose = [c for c in purpose if not _proposition(c)]
        heads = self._recipient_heads(tr, verb, joint=partners(actors), grievance=grievance)
        # "deported two activists to Jordan": where to, not whom
        heads = [h for h in heads if not (flags.removed_to(h, tr.pattern.mode) and token_class(h) == "place")]
        if subj is not None:  # "With the signing of X, A and B agreed": the phrase holding the subject is no party
            # (the noun a relative clause describes holds its subject: "the farmer that police arrested")
            ante = _described(verb).i if verb.dep_ == "relcl" else -1
            heads = [h for h in heads if not h.left_edge.i <= subj.i <= h.right_edge.i or h.i in (subj.i, ante)]
        own = {a.code for a in actors if a.code}
        if own and tr.pattern.event != "REQUEST":
            # the announcer's own side doing what it announces is not whom it warns or promises: "warned
            # that Vostra would respond if Kelmish aircraft entered its airspace" warns Kelmland (a call's
            # content subject is whom it asks, and stays)
            doers = {c.i for t in tr.tok.children if t.dep_ == "ccomp" for c in t.children if c.dep_ == "nsubj"}
            heads = [h for h in heads if h.i not in doers or not (
                codes := {e.code for e in self.args.resolve(h, quote) if e.code}) or not codes <= own]
        return self._first_coded(heads, quote, actors, purpose)

    def _first_coded(self, heads: list[Token], quote: Quote | None, actors: Sequence[Entity] = (),
                     extra: Sequence[Token] = ()) -> list[Entity]:
        """The first candidate that resolves to a coded entity, else the first coded mention nested in a
        candidate (or in `extra` phrases), else the first candidate that resolves at all."""
        first: list[Entity] = []
        named: list[Entity] = []
        unowned: set[int] = set()  # topics owned by a thing: no party inside them
        # (not a hyphen the parser split off as a word of its own: "support anti - vaxxers")
        heads = [h for h in heads if h.ent_type_ not in NOT_PARTY and not h.is_punct and not self._joined(h)]
        # a place in a prepositional phrase is where, when a party is named: "detained dozens of people at
        # the port of Blaine" (a place acted on is still a target: "shelled the village"; and so is one the act
        # is directed to: "refused to send troops to Kelmland", whose troops are the actor's own); and so is a
        # site, even one that is a body ("killed 17 students at a school in Tarn": the students)
        sites = semantic_data()["site_preps"]
        if any(token_class(h) == "agent" and not (h.dep_ == "pobj" and h.head.lower_ in sites) for h in heads):
            heads = [h for h in heads if not (h.dep_ == "pobj" and (
                (token_class(h) == "place" and h.head.lower_ not in event_words().directed_prepositions)
                or h.head.lower_ in sites))]
        for head in heads:
            if _thing_of_quality(head):
                unowned.add(head.i)
                continue
            topic = (head.pos_ == "NOUN" and noun_class(head.lemma_) in NOT_ACTOR) or document_name(head)
            # the named possessor of a topic is the party, even uncoded ("Europe's reliance on the United States",
            # "endorsed Senator Holm's Clean Rivers Act"), and so is its by-phrase ("rebuffed a bid by gun
            # rights advocates to overturn X's ban": the advocates, not X)
            owners = [c for c in head.children if c.dep_ == "poss"] + _prep_objects(("by",), head)
            owner = next((c for c in owners if c.ent_type_ not in NOT_PARTY and (
                c.pos_ == "PROPN" or (c.pos_ == "NOUN" and token_class(c) == "agent"))), None) if topic else None
            owned = [e for e in self.args.resolve(owner, quote) if e.entity_text] if owner is not None else []
            if owned:
                return owned
            ents = self.args.resolve(head, quote)
            if any(e.code for e in ents):
                if head.dep_ == "pobj" and head.head.lower_ in PLACE_RECIP_PREPS and _is_place(head):
                    # a place tried last yields to a party named in the content: "called for pressure on X
                    # to end the war, in Gaza" (X), though "sought refuge in Germany" asks Germany
                    content = self._nested_coded(extra, quote, actors, places=False)
                    if content:
                        return content
                if topic:
                    # "questioned the health of X", "X's eligibility": the party is the topic's owner; a topic
                    # owned by a thing has none ("questioned the integrity of the U.S. voting system")
                    if _owned_by_thing(head):
                        unowned.add(head.i)
                        continue
                    return self._nested_coded([head], quote, actors) or ents
                return ents
            if token_class(head) in NOT_ACTOR:  # a topic, a thing or an act is no party: "support the changes"
                continue
            if not first and ents and token_class(head) == "agent":
                # a party whose own phrase names a coded party keeps its text and takes that code: "hackers
                # targeted staffers working on the U.S. campaign" targets the staffers, not the country
                # (a person or a body named inside stays the party: "his enemies, including Senator X")
                own = self._nested_coded([head], quote, actors)
                if own and own[0].type in ("GPE", "NORP"):
                    return [dataclasses.replace(e, code=own[0].code) for e in ents]
            first = first or ents
            named = named or [e for e in ents if e.name]
        # in the content and purpose phrases, a place is where the content happens, not a party to this
        # event ("denied that racism is an issue in Kelmland")
        heads = [h for h in heads if h.i not in unowned]
        return (self._nested_coded(heads, quote, actors) or self._nested_coded(extra, quote, actors, places=False)
                or named or first)

    def _nested_coded(self, heads: Sequence[Token], quote: Quote | None, actors: Sequence[Entity],
                      places: bool = True) -> list[Entity]:
        """A coded party named inside an uncoded candidate's phrase: "refugees fleeing the war in Kelmland",
        "a meeting between Vostra and Kelmland", "crimes committed by Kelmish forces"; with `places`
        False, not a place named by a place phrase ("in Kelmland")."""
        taken = [(a.start, a.end) for a in actors if a.start is not None]
        brokers = event_words().mediator_participles
        for head in heads:
            lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
            coded = [m for m in self.args.mentions_in(lo, hi)
                     if m.code and not any(s < m.end and m.start < e for s, e in taken)]
            if not coded:
                continue
            # not a party named in a clause giving a reason ("eligibility to run because he was born in Canada"),
            # nor in a proposition the noun reports beyond its subject ("denied accusations that he cooperated
            # with the Russians"; "its demands that Burundi's government grant ..." address the government)
            inside = {t.i for t in phrase_tokens(head, REASON_CLAUSES)}
            for t in head.subtree:
                if t.i in inside and _reported_clause(t):
                    subject = {x.i for c in t.children if c.dep_ in ("nsubj", "nsubjpass") for x in c.subtree}
                    inside -= {x.i for x in t.subtree} - subject
                # "..., the World Food Program said": the speaker; "marched to join Kelmish students": fellow
                # marchers; "a ceasefire brokered by Egypt": the go-between
                elif speaker_apposition(t, self.markers["reporting_verbs"]) or self._joined(t) or (
                        t.dep_ == "acl" and t.lower_ in brokers):
                    inside -= {x.i for x in t.subtree}
            for m in coded:
                span = self.args.span_of(m)
                # a place phrase of a named party only says where it is ("demonstrators in downtown Portland"),
                # and so does one inside a site ("killed 22 shoppers at a store in El Paso")
                where = not places or token_class(head) == "agent" or (
                    head.dep_ == "pobj" and head.head.lower_ in semantic_data()["site_preps"])
                if self.args.names_elsewhere(m):
                    continue  # "a stronghold on the Thai border", "the Oslo accords": where, not whom; "Israel's
                    # ally": not Israel
                if span is not None and span.root.i in inside and span.root.ent_type_ not in NOT_PARTY and not (
                        where and token_class(span.root) == "place"):
                    ents = [e for e in self.args.resolve(span.root, quote) if e.code]
                    if ents:
                        return ents + self._coordinated(span.root, inside, taken, ents, quote)
        return []

    def _joined(self, tok: Token) -> bool:
        """The party a verb of joining takes ("marched to join students in protesting", `joining_verbs`): a
        partner in the act, not the one it is aimed at; unless joining is what an act of will is about
        ("refused to join X on the podium", "agreed to join the coalition": the content names its party)."""
        if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in event_words().joining_verbs:
            return False
        join = tok.head
        tr = self.triggers.get(join.head.i) if join.dep_ in ("xcomp", "ccomp") else None
        return tr is None or not tr.pattern.content

    def _claimant(self, arg: Token) -> Token | None:
        """The party that owns an act by claiming it or being named its author: "X claimed responsibility
        for the bombing", "X was responsible for / behind the attack", "X is the perpetrator of the massacre"
        (`responsibility_nouns`, `culpability_adjectives`, `culprit_prepositions`, with a verb of
        `responsibility_verbs` that is not negated: "denied responsibility for" owns nothing)."""
        if arg.dep_ != "pobj":
            return None
        words, prep, host = event_words(), arg.head, arg.head.head
        if prep.lower_ in words.culprit_prepositions and host.pos_ in ("VERB", "AUX"):
            verb = host
        elif prep.lower_ in ("for", "of") and host.dep_ in ("dobj", "attr", "acomp") and (
                host.lemma_.lower() in words.responsibility_nouns
                or host.lemma_.lower() in self.markers["culpability_adjectives"]):
            verb = host.head
        else:
            return None
        if verb.lemma_.lower() not in words.responsibility_verbs or any(c.dep_ == "neg" for c in verb.children):
            return None
        subj, passive = self._subject(verb)
        return None if passive else subj

    def _coordinated(self, tok: Token, inside: set[int], taken: list[tuple[int, int]], found: list[Entity],
                     quote: Quote | None) -> list[Entity]:
        """The coded parties coordinated with `tok` in the same phrase: "a siege on Israeli and American
        embassies" names both countries, not the first one only."""
        codes = {e.code for e in found}
        more: list[Entity] = []
        for conj in tok.conjuncts:
            if conj.i not in inside or conj.ent_type_ in NOT_PARTY or any(
                    s <= conj.idx < e for s, e in taken):
                continue
            for e in self.args.resolve(conj, quote):
                if e.code and e.code not in codes:
                    codes.add(e.code)
                    more.append(e)
        return more

    def _noun_roles(self, tr: Trigger, clause: Token) -> tuple[list[Token], list[Token], list[Token]]:
        """(actor heads, recipient heads, modifier tokens holding the actor) of a nominal trigger."""
        tok = tr.tok
        # "a UN-brokered deal": the go-between is not a party to the deal
        mods = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                and not (c.dep_ == "amod" and c.lower_ in event_words().mediator_participles)
                and not (c.dep_ == "poss" and place_of_event(tok, c))
                and not (c.dep_ == "compound" and c.ent_type_ == "PERSON"
                         and tr.pattern.event.lower() in event_words().named_cause_events)]
        # "her release", "his arrest": with no "of" object, the owner of such a noun is the one acted on
        patients: list[Token] = []
        if tok.lemma_.lower() in self.markers["patient_possessive_nouns"] and not _slot_tokens(tok, "pobj:of"):
            patients = [c for c in mods if c.dep_ == "poss"]
            mods = [c for c in mods if c.dep_ != "poss"]
        by = _slot_tokens(tok, "pobj:by")
        actor = by
        own_clause = not patients or clause.lemma_.lower() in self.markers["light_verbs"]  # "announced his arrest"
        if not actor and clause.i != tok.i and own_clause:
            subj, _ = self._subject(clause)
            actor = [subj] if subj is not None else []
        arg = tok
        if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in self.markers["light_nouns"] \
                and tok.head.head.dep_ in ("dobj", "pobj"):
            arg = tok.head.head  # "left Doha after the latest round of talks": the round is the argument
        gov = arg.head.head if arg.dep_ == "pobj" else arg.head
        # "said during a rally", "told reporters at a meeting": the setting of a statement, not the speaker's act
        setting = arg.dep_ == "pobj" and gov.lemma_.lower() in self.markers["reporting_verbs"]
        # "continued a hunger strike", "arrived on a visit", "took part in talks" (tried last); not a verb
        # about someone else's act ("condemned the bombing", "blamed him for the attack")
        words = event_words()
        prep = arg.head.lower_ if arg.dep_ == "pobj" else ""
        # (a verb that owns only an issue put to others names an act of force as a topic: "raised the bombing
        # at the Union")
        topic_only = gov.lemma_.lower() in words.word_owning_verbs and tr.pattern.event.lower() in words.force_events
        owned = (arg.dep_ == "dobj" and gov.lemma_.lower() in words.owning_verbs | self.markers["light_verbs"]
                 and not topic_only) \
            or prep in words.joined_act_prepositions or (
                prep in words.sequence_prepositions and tr.pattern.event.lower() in words.participation_events) \
            or (prep in words.unacted_act_prepositions and not any(
                c.dep_ in ("dobj", "nsubjpass") and token_class(c) == "agent" for c in gov.children))
        if not actor and not patients and not setting and gov.pos_ in ("VERB", "AUX") and owned:
            subj, _ = self._subject(gov)
            actor = [subj] if subj is not None else []
        if not actor and not patients and not setting:
            claimant = self._claimant(arg)
            actor = [claimant] if claimant is not None else []
        recips: list[Token] = list(patients)
        # "a mediation effort between X and Y": the light noun carries the trigger's own arguments
        owners = [tok, tok.head] if tok.dep_ == "compound" and tok.head.lemma_.lower() in self.markers[
            "light_nouns"] else [tok]
        recips += _prep_objects(event_words().noun_recipient_prepositions, *owners)
        if tr.pattern.event in ("REQUEST", "ACCUSE"):
            # "a call for the United States to accept refugees": the addressee
            if tr.pattern.event == "REQUEST":
                recips += [c for v in tok.children if repair.for_clause(v, "for") for c in v.children
                           if c.dep_ == "nsubj"]
            # "its demand that Israel ease restrictions", "accusations that Vostra armed the rebels": the
            # subject of the content clause is addressed or accused
            recips += [c for v in tok.children if _reported_clause(v)
                       for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            # (hung on the light verb when a word comes between: "reiterated its demand today that Israel ...")
            if tok.dep_ == "dobj" and clause.i == tok.head.i and clause.lemma_.lower() in self.markers["light_verbs"]:
                recips += [c for v in clause.children if v.dep_ == "ccomp" and v.i > tok.i and _content_marked(v)
                           for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
        # the victim of an act of the same kind it is the setting of: "Soleimani was killed in a drone strike"
        if tok.dep_ == "pobj" and self._same_kind(tr, tok.head.head):
            recips += [c for c in tok.head.head.children if c.dep_ == "nsubjpass"]
        if clause.i != tok.i:
            recips += _prep_objects(event_words().clause_recipient_prepositions, clause)
            # the purpose the act is taken for, an act of the same kind: "began a hunger strike to protest
            # against Sweden's decision" (Sweden)
            recips += [h for c in clause.children if flags.is_purpose(c) and self._same_kind(tr, c)
                       for h in _prep_objects(RECIP_PREPS, c)]
            # the light verb's indirect object: "issued a warning to Vostra", "gave Vostra an ultimatum"
            recips += [g for c in clause.children if c.dep_ == "dative"
                       for g in ([c] if c.pos_ in ("NOUN", "PROPN") else c.children) if g.dep_ in ("dative", "pobj")]
        hosts = [tok, clause] if clause.i != tok.i else [tok]
        recips += self._grievance_heads(tr, *hosts)  # a protest's target, named in its stance or demand
        for t in hosts:
            recips += [p for p in _prep_objects(PLACE_RECIP_PREPS, t) if _is_place(p)]
        return actor, recips, mods

    def _grievance_heads(self, tr: Trigger, *toks: Token) -> list[Token]:
        """What a protest is against, named in the demand or complaint it is staged for: "began a hunger strike
        to demand the resignation of X", "rallied, calling for the removal of X", "to protest X's failure to act"
        (the act named, whose owner or nested party `_first_coded` takes). Only a demand or complaint
        (`grievance_events`): "rallied to support X" names an ally, not a target."""
        if tr.pattern.event != "PROTEST":
            return []
        words = event_words()
        heads: list[Token] = []
        for c in (c for t in toks for c in t.children):
            staged = flags.is_purpose(c) or (c.dep_ in ("advcl", "acl") and c.tag_ == "VBG") or (
                c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children))
            other = self.triggers.get(c.i)
            if staged and other is not None and other.pattern.event.lower() in words.grievance_events:
                heads += [o for o in c.children if o.dep_ == "dobj"] + _prep_objects(RECIP_PREPS, c)
                heads += [x for slot in other.pattern.content for x in _slot_tokens(c, slot)]  # "calling for X"
        # what the protesters are described as being against: "the protesters, who chanted slogans against the
        # army's campaign, blocked the entrances"
        heads += [g for t in toks for s in t.children if s.dep_ == "nsubj" for r in s.children if r.dep_ == "relcl"
                  for p in r.subtree if p.dep_ == "prep" and p.lower_ in words.opposed_party_prepositions
                  for g in p.children if g.dep_ == "pobj"]
        # the stance it is held in: "in protest of X's refusal" (also where the parser hangs it on the object:
        # "blocked roads in defiance of X")
        return heads + _stance_targets([*toks, *(o for t in toks for o in t.children if o.dep_ == "dobj")])

    def _same_kind(self, tr: Trigger, tok: Token) -> bool:
        """`tok` triggers an act of `tr`'s event type, so the two share their parties."""
        other = self.triggers.get(tok.i)
        return other is not None and other.pattern.event == tr.pattern.event

    def _quote_at(self, idx: int) -> Quote | None:
        for q in self.article.quotes:
            if q.start <= idx < q.end:
                return q
        return None


def _owned_by_thing(topic: Token) -> bool:
    """A quality or state (`quality_supersenses`: not an act) with no owner of its own (possessive, modifier)
    but an "of" phrase naming a thing, not a party: "the integrity of the U.S. voting system" (not "the
    health of Clinton", "the U.S. decision", nor an act done to a thing, "the shelling of a Vostran convoy")."""
    senses = senses_of(topic.lemma_.lower())
    # (a quality is named definitely, "the integrity of"; "a wide range of tariffs" is a quantity of them)
    if topic.pos_ != "NOUN" or not senses or senses[0] not in semantic_data()["quality_supersenses"] or any(
            c.dep_ in ("poss", "compound", "amod", "nmod") and c.pos_ == "PROPN" for c in topic.children) or not any(
            c.dep_ == "det" and c.lower_ in actor_words().definite_determiners for c in topic.children):
        return False
    owners = _prep_objects(("of",), topic)
    return bool(owners) and all(o.pos_ == "NOUN" and token_class(o) in NOT_ACTOR for o in owners)


def _thing_of_quality(head: Token) -> bool:
    """The thing named as the owner of a quality ("the integrity of the U.S. voting system"): no party."""
    return head.dep_ == "pobj" and head.head.lower_ == "of" and _owned_by_thing(head.head.head)


def _stance_targets(toks: list[Token]) -> list[Token]:
    """The target of a stance an act is taken in (`stance_phrase_nouns`): "in defiance of the authorities",
    "in protest against the ban", "in opposition to the law"."""
    words = event_words()
    return [g for t in toks for p in _prep_objects(("in",), t) if p.lemma_.lower() in words.stance_phrase_nouns
            for g in _prep_objects(words.stance_phrase_prepositions, p)]


def _absolute(tok: Token) -> bool:
    """`tok` heads an absolute phrase: "with" + noun + participle, before its verb ("With prices
    rising, ...", "With ten people killed, ...")."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "with" and prep.i < prep.head.i and any(
        c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") for c in tok.children)


def _fronted(prep: Token) -> bool:
    """The phrase comes before its verb's subject: a scene set for the clause, not an argument."""
    subj = _child(prep.head, {"nsubj", "nsubjpass"})
    return subj is not None and prep.i < subj.i < prep.head.i


def _site_phrase_nouns(tok: Token) -> list[Token]:
    """The nouns of `tok`'s prepositional phrases, through "in front of" and the like ("outside the
    embassy", "in front of the embassy")."""
    out, todo = [], [c for c in tok.children if c.dep_ == "prep"]
    while todo:
        prep = todo.pop()
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            out.append(obj)
            todo += [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"]
    return out


def _is_place(tok: Token) -> bool:
    """A named place or group head ("Dorvat", "the Tarn valley"), not "its own statement"."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG") or tok.pos_ == "PROPN"


def _first_person_subject(clause: Token, markers: dict[str, Any]) -> bool:
    subj = _child(clause, SUBJ | {"nsubjpass"})
    return subj is not None and subj.lower_ in markers["first_person"]


def _same(ent: Entity, actors: list[Entity]) -> bool:
    """`ent` is one of the actors: the same mention, or the same named party ("He said ... , Naim said":
    the speaker named again is not whom he addresses; "the Security Council issued a statement calling the
    test a violation of Security Council resolutions")."""
    return any((a.start == ent.start and a.end == ent.end and a.code == ent.code)
               or (a.type == ent.type and a.name and a.name == ent.name) for a in actors)
