"""From triggers to PLOVER events: content typing, roles, flags, transforms.

Steps for one document:
1. `find_triggers` (lemma index + pattern constraints).
2. Each trigger gets its clause verb: itself, the copula of an adjective
   ("is ready to"), or the light verb governing a nominal trigger ("launched
   an attack", "held talks").
3. Content typing: a REQUEST/THREATEN/REJECT/AGREE pattern's content slot
   ("call for attacks", "threatened to impose a curfew", "refused to meet")
   is typed by the trigger found there, which becomes `requested` and is not
   coded as an event of its own. A nominal trigger that is the subject or
   object of a verb trigger of the same type ("a bombing killed ...") or the
   object its pattern asked for ("imposed sanctions") is folded in too.
4. Roles from the parse (subject/agent, object/oblique, passive, coordination),
   resolved by `ArgumentResolver`; inside a quote a first-person or missing
   subject gives the quote's speaker.
5. Auxiliary modes: negation, future and hypothetical flags; stated intent
   (future, conditional, "ready to", "promised to") is coded as the single
   PLOVER category it amounts to (AGREE / CONCEDE / THREATEN), and a refusal
   of intent ("will not accept") as REJECT, keeping the underlying action in
   `requested`.
"""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..model import Article, Cue, Entity, Event, Quote
from . import confidence, evidence, flags, repair, restrictions
from .agents import noun_class, token_class
from .arguments import ArgumentResolver, conjuncts, speaker_entity
from .config import events_config
from .coref import _inherit_definite_actors, _relabel
from .implicit import ImplicitParties
from .patterns import Lexicon
from .roles import RoleFinder, _child, _first_person_subject, _same, _slot_tokens, content_tokens
from .triggers import Trigger, find_triggers
from .words import default_words as event_words

log = logging.getLogger(__name__)
NO_TRANSFORM = {"REQUEST", "THREATEN", "REJECT", "ACCUSE", "AGREE"}


class DocCoder(RoleFinder, ImplicitParties):
    """Codes the events of one parsed article."""

    def __init__(self, article: Article, doc: Doc, ctx: Any, lex: Lexicon):
        self.article, self.doc, self.ctx, self.lex = article, doc, ctx, lex
        self.markers = lex.markers
        self.args = ArgumentResolver(article, doc, ctx, lex.markers)
        self.triggers: dict[int, Trigger] = {}
        self.evidence: dict[int, list[str]] = {}  # trigger offset -> what the event rests on
        self.rejected: list[dict[str, Any]] = []  # candidates dropped, with the reason
        self._contexts: dict[int, list[str]] = {}

    # -- step 2: clause verbs -------------------------------------------------
    def _clause(self, tr: Trigger) -> Token:
        tok = tr.tok
        if tr.kind == "adj":
            return tok.head if tok.dep_ in ("acomp", "amod", "xcomp") and tok.head.pos_ in ("AUX", "VERB") else tok
        if tr.kind == "noun":
            if tok.dep_ == "compound" and tok.head.lemma_.lower() in self.markers["light_nouns"]:
                tok = tok.head  # "a mediation mission": the mission carries the event
            head = tok.head
            if tok.dep_ in ("dobj", "nsubjpass", "xcomp", "attr") and head.i not in self.triggers \
                    and head.lemma_.lower() in self.markers["light_verbs"]:
                return head
            if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in self.markers["light_nouns"]:
                light = head.head
                if light.dep_ in ("dobj", "nsubjpass") and light.head.lemma_.lower() in self.markers["light_verbs"]:
                    return light.head
        return tok

    def _drop_light_verbs(self) -> None:
        """"held talks", "launched an attack": a light verb with a nominal trigger as object yields to it."""
        for i, tr in list(self.triggers.items()):
            pat = tr.pattern
            if tr.kind != "verb" or pat.object is not None or pat.content or pat.with_ \
                    or tr.tok.lemma_.lower() not in self.markers["light_verbs"]:
                continue
            for obj in (c for c in tr.tok.children if c.dep_ in ("dobj", "nsubjpass")):
                if obj.lemma_.lower() in self.markers["light_nouns"]:
                    obj = next(iter(_slot_tokens(obj, "pobj:of")), obj)
                if obj.i in self.triggers and self.triggers[obj.i].kind == "noun":
                    del self.triggers[i]
                    break

    # -- step 3: content and folding -----------------------------------------
    def _event_token(self, tok: Token, depth: int = 0) -> Token | None:
        """The trigger carrying the event of a content slot, following light verbs and nouns."""
        if tok.i in self.triggers:
            return tok
        if depth > 2:
            return None
        lemma = tok.lemma_.lower()
        nxt: list[Token] = []
        if lemma in self.markers["light_verbs"] or tok.pos_ in ("VERB", "AUX"):
            nxt = [c for c in tok.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
        if lemma in self.markers["light_verbs"]:  # "engage in attacks", "resort to violence"
            nxt += _slot_tokens(tok, "pobj")
        if lemma in self.markers["light_nouns"]:
            nxt = _slot_tokens(tok, "pobj:of")
        for c in nxt + [c for c in tok.conjuncts if c.i > tok.i]:
            found = self._event_token(c, depth + 1)
            if found is not None:
                return found
        return None

    def _content_fails(self, sub: Trigger) -> bool:
        """The content's own selectional restrictions on its object fail (its subject is the addressee)."""
        verb = sub.tok if sub.kind != "noun" else sub.clause
        verdict = restrictions.check(sub, verb, None, False)
        if verdict.drop:
            self._reject(sub, f"content of a call or promise: {verdict.drop}")
        return verdict.drop is not None

    def _stated_before(self, tr: Trigger, clause: Token) -> bool:
        """A finite clause before a promise verb, with its own subject and no future or modal, is a
        statement of its own, not what is promised ("leaders denounce the test; others vow
        consequences"); "'We will fight,' he vowed" still states the promise."""
        if not tr.pattern.intent or clause.dep_ != "ccomp" or clause.i > tr.tok.i:
            return False
        m = self.markers
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and not (
            flags.aux_lemmas(clause) & (m["future_aux"] | m["hypothetical_aux"]))

    def _fold(self) -> None:
        for i, tr in sorted(self.triggers.items()):
            if tr.absorbed_by is not None:
                continue
            for slot in tr.pattern.content:
                hit = next((t for t in (self._event_token(c) for c in content_tokens(tr.tok, slot)
                                        if not self._stated_before(tr, c))
                            if t is not None and t.i != i), None)
                if hit is not None:
                    sub = self.triggers[hit.i]
                    sub.absorbed_by = i
                    tr.absorbed.append(sub)
                    # "called for the ministry to release the memo": a release of no captive is no act
                    # of a type, so the call keeps no type for its content
                    if not self._content_fails(sub):
                        tr.requested = (sub.pattern.event, self._mode(sub))
                    break
            if tr.pattern.event == "REQUEST" and tr.pattern.content:
                # what a call calls for is not an event of its own, however deep in the content it sits:
                # "called for a commission to investigate the killings" is one REQUEST
                for slot in tr.pattern.content:
                    for c in content_tokens(tr.tok, slot):
                        for t in c.subtree:
                            sub = self.triggers.get(t.i)
                            if sub is not None and t.i != i and sub.absorbed_by is None:
                                sub.absorbed_by = i
                                tr.absorbed.append(sub)
        for i, tr in self.triggers.items():
            if tr.kind != "noun" or tr.absorbed_by is not None:
                continue
            head = tr.tok.head
            if head.i in self.triggers and head.i != i and tr.tok.dep_ in ("nsubj", "dobj", "nsubjpass", "pobj"):
                htr = self.triggers[head.i]
                same = htr.pattern.event == tr.pattern.event
                asked = htr.pattern.object is not None and tr.tok.dep_ in ("dobj", "nsubjpass")
                if same or asked:
                    tr.absorbed_by = head.i
                    htr.absorbed.append(tr)

    def _mode(self, tr: Trigger) -> str | None:
        if tr.pattern.mode:
            return tr.pattern.mode
        for sub in tr.absorbed:
            if sub.pattern.mode and sub.pattern.event == tr.pattern.event:
                return sub.pattern.mode
        scope = list(tr.tok.subtree) if tr.kind == "noun" else [t for t in tr.tok.subtree
                                                                 if not _inside_clause(t, tr.tok)]
        return flags.mode_from_cues(tr.pattern.event, scope, self.lex.mode_cues)

    # -- step 4: roles --------------------------------------------------------
    def code(self) -> list[tuple[Event, int]]:
        self.triggers = find_triggers(self.doc, self.lex)
        self._drop_light_verbs()
        for tr in self.triggers.values():
            tr.clause = self._clause(tr)
        self._fold()
        out = []
        for i in sorted(self.triggers):
            tr = self.triggers[i]
            if tr.absorbed_by is None:
                event = self._build(tr)
                if event is not None:
                    out.append((event, _depth(tr.clause)))
                    swap = self._exchange_release(tr, event)
                    if swap is not None:
                        out.append((swap, _depth(tr.clause)))
        return out

    def _exchange_release(self, tr: Trigger, event: Event) -> Event | None:
        """A release "in exchange for" people is a swap: the other side released them too ("Hamas
        freed 33 hostages in exchange for 2,000 Palestinian prisoners" -> Israel released prisoners).
        The holder is the first release's recipient; the rule id is `retreat.exchange_for`."""
        if event.event != "RETREAT" or event.mode != "release" or event.negated or tr.kind != "verb":
            return None
        swap = next((x for x in _slot_tokens(tr.tok, "pobj:in") if x.lemma_.lower() == "exchange"), None)
        freed = _slot_tokens(swap, "pobj:for") if swap is not None else []
        if not freed or freed[0].lemma_.lower() not in self.markers["captive_nouns"]:
            return None
        holders = [r for r in event.recipient if r.code]
        if not holders:
            return None
        quote = self._quote_at(freed[0].idx)
        return dataclasses.replace(
            event, actor=_relabel(holders, "exchange"),
            recipient=self.args.resolve(freed[0], quote), rule="retreat.exchange_for", requested=None,
            trigger=Cue(text=swap.text, start=swap.idx, end=swap.idx + len(swap)))

    def _build(self, tr: Trigger) -> Event | None:
        tok, clause, pat = tr.tok, tr.clause, tr.pattern
        quote = self._quote_at(tok.idx)
        drop, feats = evidence.mood(tr)
        if drop:
            return self._reject(tr, drop)
        if tr.kind == "verb" and repair.buried_main_verb(tok) is not None:
            return self._reject(tr, "the content of a finite verb the parser read as a modifier")
        from_mods = False
        if tr.kind == "noun":
            actor_heads, recip_heads, mods = self._noun_roles(tr, clause)
            crowd = pat.event.lower() in event_words().crowd_events
            actors = self.args.resolve_modifiers(tok, mods, crowd) if mods else []
            from_mods = bool(actors)
            if not actors:
                actors = [e for h in actor_heads for e in self.args.resolve(h, quote)]
            if not actors and not crowd:  # "police raids in Tarn", "rebel attacks on Dorvat": the force named
                actors = [e for m in mods if m.dep_ in ("compound", "amod") and m.pos_ in ("NOUN", "PROPN", "ADJ")
                          and m.lemma_.lower() in event_words().force_modifiers for e in self.args.resolve(m, quote)]
            # a speaker is not the doer of an act they name ("criticized the army for the shelling")
            subj_missing = False
            subj, passive, verb = (actor_heads[0] if actor_heads and not from_mods else None), False, clause
            feats.append("occurrence" if evidence.occurrence(tr) else "mention")
        else:
            verb = clause if tr.kind == "adj" else tok
            subj, passive = self._subject(verb)
            if passive and subj is None and (self._adjectival(tr) or pat.patient_acts):
                # "Israel is opposed to", "is committed to"; "the guerrillas have been demobilized": they disarmed
                subj, passive = _child(verb, {"nsubjpass"}), False
            actors = self.args.resolve(subj, quote) if subj is not None else []
            # "were killed", "left injured, according to X": no agent, not the speaker
            subj_missing = subj is None and not passive and verb.tag_ != "VBN"
        verdict = restrictions.check(tr, verb, subj, passive, actors[0] if actors else None)
        if verdict.drop:
            return self._reject(tr, verdict.drop)
        if verdict.owner is not None:
            actors = self.args.resolve(verdict.owner, quote)
        elif verdict.no_agent:
            actors = []
            feats.append("non-agent-subject")
        if tr.kind == "noun":
            recipients = self._first_coded(recip_heads, quote, actors)
        else:
            recipients = self._recipients(tr, verb, quote, actors, None if passive else subj)
        if quote is not None and quote.speaker is not None and (subj_missing or _first_person_subject(
                clause, self.markers)):
            actors = [speaker_entity(quote)]
        elif actors and not from_mods and verdict.owner is None:
            feats.append(f"actor-{verdict.subject_class}")
        elif actors:
            feats.append("actor-agent")
        event, mode, requested, negated, rule = self._auxiliary(tr)
        if event is None:
            return self._reject(tr, "ruled out by its predicate")
        if pat.content_events is not None and (tr.requested is None or tr.requested[0] not in pat.content_events) \
                and not any(c.lemma_.lower() in self.markers["war_nouns"] for slot in pat.content
                            for c in content_tokens(tok, slot)):
            # "gearing up for a fight against the vaccine", "preparing to blame": no use of force is prepared
            return self._reject(tr, f"its content is no {'/'.join(sorted(pat.content_events))}")
        if quote is None and event in self.markers["writer_encounter_events"] and self._meets_writer(tok):
            return self._reject(tr, "a meeting with the writer: the reporting itself, not a contact")
        if event in self.markers["writer_encounter_events"] and self._meets_press(tok):
            return self._reject(tr, "talking to the press is a source's part in the reporting, not a contact")
        if quote is not None and evidence.imperative(clause):  # "Cancel the meeting," the senator said
            requested, event, mode = (event, mode), "REQUEST", self.markers["request_modes"].get(event)
            rule += "+imperative"
            actors = [speaker_entity(quote)] if quote.speaker is not None else actors
            recipients = self._addressee(quote) or recipients  # '"Withdraw now," he told Kelmland'
        if event == "SANCTION" and tr.kind == "verb" and not _named_after(tok, recipients) and any(
                c.dep_ == "poss" and c.pos_ == "PRON" for o in tok.children if o.dep_ == "dobj" for c in o.children):
            # "suspended her campaign", "ended its bid": the actor's own activity, no measure against anyone
            # (a party named only in the subject's phrase is no target of it)
            return self._reject(tr, "the actor stops its own activity: no one is sanctioned")
        worded = tr.kind == "noun" and any(c.dep_ == "amod" and c.lower_ in self.markers["verbal_modifiers"]
                                           for c in tok.children)
        if event == "ASSAULT" and worded and tok.lemma_.lower() not in self.markers["verbal_attack_triggers"]:
            return self._reject(tr, f"a {tok.text!r} in words is a quarrel, not force")  # "a partisan clash"
        sent = tok.sent
        anchors = [tok] if clause.i == tok.i else [tok, clause]
        if clause.dep_ == "advcl" and clause.tag_ in ("VBG", "VBN") and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in clause.children):
            anchors.append(clause.head)  # "attacked the base on Monday, killing 12": the killing's time too
        place = self._event_place(anchors)
        gone_to = self._destinations(tr)
        self._locate_uncoded(actors, sent, place, recipients, clause=clause, skip=gone_to)
        self._locate_uncoded(recipients, sent, place, actors, acted_on=clause, skip=gone_to)
        # a pronoun acted on names the party, unresolved: the place is where, not whom ("banned them from X")
        pronoun_patient = tr.kind == "verb" and not recipients and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lower_ in self.markers["third_person"] for c in tok.children)
        actors, recipients = self._default_parties(event, actors, recipients, place, self._aimed_at(tok, place))
        if pronoun_patient:
            recipients = [r for r in recipients if r.source != "event-location"]
        if sent.start not in self._contexts:  # one lookup per sentence, not per event
            self._contexts[sent.start] = flags.contexts_for(sent, self.lex.contexts)
        context = list(dict.fromkeys(pat.context + self._contexts[sent.start]))
        if event == "ASSAULT" and (worded or self._verbal_attack(tok, actors, recipients, sent, context)):
            event, mode, rule = "ACCUSE", "disapprove", rule + "+verbal"
        mood = flags.mood_verb(clause)  # a noun trigger takes the mood of the verb that governs it
        when, report_date = flags.date_phrase(anchors), self.article.date or self.ctx.settings.default_date
        built = Event(
            id="", article_id=self.article.id, event=event, mode=mode, context=context,
            actor=actors, recipient=[r for r in recipients if not _same(r, actors)],
            date=flags.date_of(when, report_date),
            event_loc=place, event_text=sent.text,
            text_info={"start": sent.start_char, "end": sent.end_char},
            quote_id=quote.id if quote is not None else None,
            requested={"event": requested[0], "mode": requested[1]} if requested else None,
            negated=negated, hypothetical=flags.is_hypothetical(mood, self.markers)
            or flags.supposed_subject(clause, self.markers)
            or (flags.has_condition(mood, self.markers) and not self._threat_terms(event, mood, quote)),
            future=flags.is_future(clause, self.markers), rule=rule,
            trigger=Cue(text=tok.text, start=tok.idx, end=tok.idx + len(tok)))
        if flags.is_history(when, report_date, int(events_config().get("history_years", 0))):
            feats.append("history")
        self.evidence[tok.idx] = feats
        return built

    def _addressee(self, quote: Quote) -> list[Entity]:
        """Whom the speaker addresses ("he told Kelmland", "said to the rebels"), not the press."""
        if quote.cue is None:
            return []
        span = self.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if span is None or span[0].idx != quote.cue.start:
            return []
        cue = span[0]
        heads = [c for c in cue.children if c.dep_ in ("dobj", "dative")] + _slot_tokens(cue, "pobj:to")
        for head in heads:
            if head.lemma_.lower() in self.markers["press_addressees"] or token_class(head) not in ("agent", "unknown"):
                continue
            found = self.args.resolve(head, None)
            if found:
                return found
        return []

    def _meets_press(self, tok: Token) -> bool:
        """The only party the trigger's object or with/to-phrase names is the press ("talked with reporters",
        "spoke to journalists", `press_addressees`)."""
        parties = [x for o in _met(tok, ("with", "to")) for x in conjuncts(o)]
        return bool(parties) and all(x.lemma_.lower() in self.markers["press_addressees"] for x in parties)

    def _meets_writer(self, tok: Token) -> bool:
        """The trigger's object or prepositional object is the writer ("came to talk to me")."""
        return any(o.lower_ in self.markers["writer_pronouns"] for o in _met(tok))

    def _verbal_attack(self, tok: Token, actors: list[Entity], recipients: list[Entity], sent: Span,
                       context: list[str]) -> bool:
        """A person attacking a person ("attacked Machado", "his attacks on Senator X"), or anyone
        hitting back ("the company hit back at the minister"), in a sentence with no sign of force
        (`force_contexts`, `force_words`, a weapon noun): criticism, not violence."""
        m = self.markers
        if tok.lemma_.lower() not in m["verbal_attack_triggers"]:
            return False
        # "an attack on the minister was published in the Courier": what is written or said is words, whatever
        # it is about ("an attack on X and on military action was published in the Courier")
        published = tok.head.lemma_.lower() in m["verbal_attack_verbs"]
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "nsubjpass") and published:
            return True
        if set(context) & m["force_contexts"]:
            return False
        retort = any(c.dep_ in ("prt", "advmod") and c.lower_ in m["retort_particles"] for c in tok.children)
        def speaker(e: Entity, groups: bool) -> bool:  # one who attacks with words
            return e.type == "PERSON" or (groups and e.type == "NORP") or e.sector in m["verbal_attack_sectors"]
        if not retort and (not actors or not recipients or not all(speaker(e, False) for e in actors) or not all(
                speaker(e, True) for e in recipients)):
            return False
        def force(t: Token) -> bool:
            return t.lemma_.lower() in m["force_words"] or (t.pos_ == "NOUN" and noun_class(t.lemma_) == "weapon")
        # a weapon word naming a policy topic is no force ("gun control groups", "gun laws")
        shown = any(force(t) and not (t.dep_ == "compound" and not force(t.head)) for t in sent)
        # nor is a retort with force: "hit back with air strikes"
        acts = any(o.pattern.event == "ASSAULT" and o.tok.i != tok.i and sent.start <= o.tok.i < sent.end
                   for o in self.triggers.values())
        return not shown and not (retort and acts)

    def _threat_terms(self, event: str, mood: Token, quote: Quote | None) -> bool:
        """A condition that is the terms of a threat ("said it will boycott the vote unless ...", "will
        withdraw lest ..."), stated by the threatening party, not a writer's hypothetical ("Vostra would
        attack if ...")."""
        if event != "THREATEN":
            return False
        return quote is not None or flags.threat_made(mood, self.markers) or flags.has_condition(
            mood, self.markers, self.markers["threat_marks"])

    def _reject(self, tr: Trigger, reason: str) -> None:
        """Drop a candidate, saying why (shown with -v)."""
        log.info("events: %s: dropped %s at %d (%s): %s", self.article.id, tr.pattern.event, tr.tok.idx,
                  tr.tok.text, reason)
        self.rejected.append({"start": tr.tok.idx, "end": tr.tok.idx + len(tr.tok), "event": tr.pattern.event,
                              "rule": tr.pattern.id, "reason": reason})
        return None

    def _auxiliary(self, tr: Trigger) -> tuple[str | None, str | None, tuple | None, bool, str]:
        """Event type, mode, requested, negated flag and rule after the auxiliary-mode transforms."""
        pat, clause, m = tr.pattern, tr.clause, self.markers
        event, mode, requested, rule = pat.event, self._mode(tr), tr.requested, pat.id
        negated = not pat.negated_only and (
            flags.is_negated(clause, m, tr.tok) or (tr.tok.i != clause.i and flags.is_negated(tr.tok, m)))
        stated = (flags.is_future(clause, m) or flags.has_condition(clause, m) or (
            flags.would_form(clause) and clause.dep_ == "ccomp")) and not flags.is_hedged(clause, m)
        if pat.intent and requested is not None:
            event = m["intent_transform"].get(requested[0], event)
            rule += ">" + requested[0].lower()
        if flags.ruled_out(tr.tok, m):  # "lifting the sanctions is out of the question"
            if event not in m["negated_intent_reject"]:
                return None, None, None, True, rule  # a conflict act ruled out: nothing happened
            return "REJECT", m["request_modes"].get(event), (event, mode), False, rule + "+ruled_out"
        if negated and (stated or pat.intent) and event in m["negated_intent_reject"]:
            # "will not accept", "is not willing to meet": a refusal, coded as the positive REJECT
            requested = requested if pat.intent and requested else (event, mode)
            event, negated, rule = "REJECT", False, rule + "+refusal"
        elif stated and not negated and not pat.intent and event not in NO_TRANSFORM:
            requested = (event, mode)
            threat = flags.has_condition(clause, m, m["threat_marks"])
            event = "THREATEN" if threat else m["intent_transform"].get(event, event)
            rule += "+intent"
            mode = None
        if requested is not None and event in ("REQUEST", "REJECT"):
            mode = m["request_modes"].get(requested[0])
        elif requested is not None and event == "THREATEN":
            mode = m["threat_modes_by_mode"].get(requested[1] or "") or m["threat_modes"].get(requested[0])
        if mode is not None and mode not in self.lex.modes.get(event, []):
            mode = None
        return event, mode, requested, negated, rule


def _named_after(verb: Token, entities: list[Entity]) -> bool:
    """Some entity is named in the verb's own phrases (its objects and adjuncts), not in its subject's."""
    spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in verb.children
             if c.dep_ not in ("nsubj", "nsubjpass", "csubj")]
    return any(e.start is not None and any(a <= e.start < b for a, b in spans) for e in entities)


def _inside_clause(tok: Token, root: Token) -> bool:
    """True when `tok` sits in a clausal complement of `root` (not part of root's own clause)."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "advcl", "relcl") and tok.head is not None:
            return True
        tok = tok.head
    return False


def _depth(tok: Token) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def code_doc(article: Article, doc: Doc, ctx: Any, lex: Lexicon) -> list[Event]:
    """Fill and return `article.events` (ids in trigger order); depths go to article.meta."""
    coder = DocCoder(article, doc, ctx, lex)
    coded = coder.code()
    coded.sort(key=lambda pair: pair[0].trigger.start if pair[0].trigger else 0)
    events, depth = [], {}
    for n, (event, d) in enumerate(coded):
        event.id = f"{article.id}:e{n}"
        events.append(event)
        depth[event.id] = d
    _inherit_definite_actors(events, doc, coder.args, lex.markers["speech_nouns"])
    kinds = {tr.tok.idx: tr.kind for tr in coder.triggers.values()}
    evid = {}
    for event in events:
        start = event.trigger.start if event.trigger else -1
        evid[event.id] = confidence.features(event, coder.evidence.get(start, []), kinds.get(start, "verb"))
    confidence.sentence_features(events, depth, evid)
    confidence.quote_features(events, article.quotes, evid)
    confidence.position_features(events, evid, len(list(doc.sents)))
    story = evidence.story_filter(article.title, article.text or "")
    confidence.assign(events, evid, story)
    article.events = events
    article.meta["event_depth"] = depth
    article.meta["event_evidence"] = evid
    article.meta["events_rejected"] = coder.rejected
    if story is not None:
        article.meta["story_filter"] = story
    return events


def _met(tok: Token, preps: tuple[str, ...] | None = None) -> list[Token]:
    """Whom a contact names: the trigger's objects and the objects of its prepositions (of `preps` only, if
    given)."""
    return [c for c in tok.children if c.dep_ in ("dobj", "dative")] + [
        g for c in tok.children if c.dep_ == "prep" and (preps is None or c.lower_ in preps)
        for g in c.children if g.dep_ == "pobj"]
