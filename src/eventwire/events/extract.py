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
from typing import Any

from ..model import Article, Cue, Entity, Event, Quote
from . import flags
from .arguments import ArgumentResolver, speaker_entity
from .patterns import Lexicon
from .triggers import Trigger, find_triggers

SUBJ = {"nsubj", "csubj"}
RECIP_PREPS = ("against", "on", "upon", "to", "with", "toward", "towards", "at", "into", "from", "over", "of",
               "between", "among")
PLACE_RECIP_PREPS = ("in", "from", "inside", "near")
# entity labels that are never a party to an event ("on Friday", "killed 23 people", "$50,000 worth of goods")
NOT_PARTY = {"DATE", "TIME", "ORDINAL", "MONEY", "QUANTITY", "PERCENT"}
NO_TRANSFORM = {"REQUEST", "THREATEN", "REJECT", "ACCUSE", "AGREE"}


def _child(tok: Any, deps: set[str]) -> Any | None:
    return next((c for c in tok.children if c.dep_ in deps), None)


def _slot_tokens(tok: Any, slot: str) -> list[Any]:
    base, _, prep = slot.partition(":")
    if base == "pobj":
        return [g for c in tok.children if c.dep_ in ("prep", "dative") and (not prep or c.lower_ == prep)
                for g in c.children if g.dep_ == "pobj"]
    out = [c for c in tok.children if c.dep_ == base]
    if base == "xcomp":  # the parser often attaches "vowed to fight" as an infinitival advcl
        out += [c for c in tok.children if c.dep_ == "advcl" and c.i > tok.i
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                and not any(m.dep_ == "mark" for m in c.children)]
    return out


class DocCoder:
    """Codes the events of one parsed article."""

    def __init__(self, article: Article, doc: Any, ctx: Any, lex: Lexicon):
        self.article, self.doc, self.ctx, self.lex = article, doc, ctx, lex
        self.markers = lex.markers
        self.args = ArgumentResolver(article, doc, ctx, lex.markers)
        self.triggers: dict[int, Trigger] = {}
        self._contexts: dict[int, list[str]] = {}

    # -- step 2: clause verbs -------------------------------------------------
    def _clause(self, tr: Trigger) -> Any:
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
    def _event_token(self, tok: Any, depth: int = 0) -> Any | None:
        """The trigger carrying the event of a content slot, following light verbs and nouns."""
        if tok.i in self.triggers:
            return tok
        if depth > 2:
            return None
        lemma = tok.lemma_.lower()
        nxt: list[Any] = []
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

    def _fold(self) -> None:
        for i, tr in sorted(self.triggers.items()):
            if tr.absorbed_by is not None:
                continue
            for slot in tr.pattern.content:
                hit = next((t for t in (self._event_token(c) for c in _slot_tokens(tr.tok, slot))
                            if t is not None and t.i != i), None)
                if hit is not None:
                    sub = self.triggers[hit.i]
                    sub.absorbed_by = i
                    tr.requested = (sub.pattern.event, self._mode(sub))
                    tr.absorbed.append(sub)
                    break
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
    def _subject(self, verb: Any, hops: int = 0) -> tuple[Any | None, bool]:
        """(subject head, passive?) of `verb`, climbing open complements and relative clauses."""
        subj = _child(verb, SUBJ)
        if subj is not None:
            if subj.tag_ == "WDT" or subj.lower_ in ("who", "which", "that"):
                return (verb.head if verb.dep_ == "relcl" else None), False
            return subj, False
        if _child(verb, {"nsubjpass", "auxpass"}) is not None:
            agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"),
                         None)
            if agent is None and verb.lemma_.lower() in self.markers["light_verbs"]:
                return _child(verb, {"nsubjpass"}), False  # "were engaged in fighting": adjectival passive
            return agent, True
        if hops > 3:
            return None, False
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            return self._subject(verb.head, hops + 1)
        if verb.dep_ in ("acl", "relcl") and verb.tag_ != "VBN":
            return verb.head, False
        return None, False

    def _adjectival(self, tr: Trigger) -> bool:
        """A participle the lexicon lists as an adjective ("opposed", "committed", "prepared"):
        "X is opposed to" has X as its actor, not as a passive recipient."""
        return bool(self.lex.lookup("adj", tr.tok.lower_))

    def _recipient_heads(self, tr: Trigger, verb: Any) -> list[Any]:
        """Candidate recipient heads, best first."""
        heads: list[Any] = []
        for slot in tr.pattern.recipient:
            heads += _slot_tokens(tr.tok, slot)
        passive = _child(verb, {"nsubjpass"})
        if passive is not None and not self._adjectival(tr):
            heads.append(passive)
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            heads.append(verb.head)
        objs = [c for c in tr.tok.children if c.dep_ in ("dobj", "dative", "iobj")
                and c.pos_ in ("NOUN", "PROPN", "PRON")]
        # an object the pattern asked for ("imposed sanctions", "sent aid") is the instrument, not the recipient
        # an object the pattern asked for ("imposed sanctions", "sent aid") is the instrument, not the recipient
        asked = [o for o in objs if tr.pattern.object and o.lemma_.lower() in tr.pattern.object]
        heads += [o for o in objs if o not in asked]
        for prep in RECIP_PREPS:
            heads += _slot_tokens(tr.tok, f"pobj:{prep}")
        # the object's own agent or target: "a blockade on X", "a demand by X", "X's proposal"
        for obj in objs:
            heads += [c for c in obj.children if c.dep_ == "poss"]
            for prep in ("by", "from", "on", "against", "to", "for", "with", "of"):
                heads += _slot_tokens(obj, f"pobj:{prep}")
        # the subject of the content clause: "demanded that Kelmland cancel ..."
        comps = [c for c in tr.tok.children if c.dep_ == "ccomp"] + _slot_tokens(tr.tok, "xcomp")
        for comp in comps:
            subj = _child(comp, {"nsubj", "nsubjpass"})
            if subj is not None:
                heads.append(subj)
        # the content's own object: "offered to hand X over to Vostra", "refused to send troops to Tarn"
        for comp in comps:
            comp_objs = [c for c in comp.children if c.dep_ in ("dobj", "dative")]
            heads += comp_objs
            for prep in RECIP_PREPS:
                heads += _slot_tokens(comp, f"pobj:{prep}")
            for obj in comp_objs:  # "continue military aid to Mozambique"
                for prep in ("to", "for", "on", "against", "with"):
                    heads += _slot_tokens(obj, f"pobj:{prep}")
        # the party a condition targets: "threatened to quit the talks if Vostra goes ahead"
        for tok in [tr.tok, *comps]:
            for cond in (c for c in tok.children if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in self.markers["conditional_marks"] for m in c.children)):
                heads += [c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")]
        # an asked-for object's own nationality: "expelled two Kelmish diplomats" -> Kelmland
        heads += [c for o in asked for c in o.children if c.dep_ in ("amod", "compound", "poss") and _is_place(c)]
        # last resort, the place the action is directed at: "arrived in Dorvat", "withdrew from Kelmland",
        # "reinforced its troops in Tarn"
        for tok in [tr.tok, *comps, *objs]:
            for prep in PLACE_RECIP_PREPS:
                heads += [p for p in _slot_tokens(tok, f"pobj:{prep}") if _is_place(p)]
        return self._unfold(heads, tr)

    def _unfold(self, heads: list[Any], tr: Trigger) -> list[Any]:
        """A folded event noun hands over its own arguments first: "open to talks with X" -> X."""
        out: list[Any] = []
        for head in heads:
            sub = self.triggers.get(head.i)
            if sub is not None and sub.absorbed_by == tr.tok.i and sub.kind == "noun":
                for prep in ("with", "to", "on", "against", "by", "from"):
                    out += _slot_tokens(head, f"pobj:{prep}")
                out += [c for c in head.children if c.dep_ == "poss"]
            out.append(head)  # still its modifiers: "a U.S. request" -> USA
        return out

    def _recipients(self, tr: Trigger, verb: Any, quote: Quote | None, actors: list[Any]) -> list[Any]:
        comps = [tr.tok, *(c for c in tr.tok.children if c.dep_ == "ccomp"), *_slot_tokens(tr.tok, "xcomp")]
        # purpose clauses are searched last: "sent material to help defend Kelmland"
        purpose = [c for t in comps for c in _slot_tokens(t, "xcomp") if c.i not in {x.i for x in comps}]
        purpose = [c for slot in tr.pattern.content for c in _slot_tokens(tr.tok, slot)] + purpose
        return self._first_coded(self._recipient_heads(tr, verb), quote, actors, purpose)

    def _first_coded(self, heads: list[Any], quote: Quote | None, actors: list[Any] = (),
                     extra: list[Any] = ()) -> list[Any]:
        """The first candidate that resolves to a coded entity, else the first coded mention nested in a
        candidate (or in `extra` phrases), else the first candidate that resolves at all."""
        first: list[Any] = []
        named: list[Any] = []
        heads = [h for h in heads if h.ent_type_ not in NOT_PARTY]
        for head in heads:
            ents = self.args.resolve(head, quote)
            if any(e.code for e in ents):
                return ents
            first = first or ents
            named = named or [e for e in ents if e.name]
        return self._nested_coded([*heads, *extra], quote, actors) or named or first

    def _nested_coded(self, heads: list[Any], quote: Quote | None, actors: list[Any]) -> list[Any]:
        """A coded party named inside an uncoded candidate's phrase: "refugees fleeing the war in Kelmland",
        "a meeting between Vostra and Kelmland", "crimes committed by Kelmish forces"."""
        taken = [(a.start, a.end) for a in actors if a.start is not None]
        for head in heads:
            lo, hi = head.left_edge.idx, head.right_edge.idx + len(head.right_edge)
            for m in self.args.mentions_in(lo, hi):
                if not m.code or any(s < m.end and m.start < e for s, e in taken):
                    continue
                span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is not None and span.root.ent_type_ not in NOT_PARTY:
                    ents = [e for e in self.args.resolve(span.root, quote) if e.code]
                    if ents:
                        return ents
        return []

    def _noun_roles(self, tr: Trigger, clause: Any) -> tuple[list[Any], list[Any], list[Any]]:
        """(actor heads, recipient heads, modifier tokens holding the actor) of a nominal trigger."""
        tok = tr.tok
        mods = [c for c in tok.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
        by = _slot_tokens(tok, "pobj:by")
        actor = by
        if not actor and clause.i != tok.i:
            subj, _ = self._subject(clause)
            actor = [subj] if subj is not None else []
        arg = tok
        if tok.dep_ == "pobj" and tok.head.head.lemma_.lower() in self.markers["light_nouns"] \
                and tok.head.head.dep_ in ("dobj", "pobj"):
            arg = tok.head.head  # "left Doha after the latest round of talks": the round is the argument
        gov = arg.head.head if arg.dep_ == "pobj" else arg.head
        if not actor and gov.pos_ in ("VERB", "AUX") and arg.dep_ in ("dobj", "pobj"):
            subj, _ = self._subject(gov)  # "arrived on a visit", "continued a hunger strike" (tried last)
            actor = [subj] if subj is not None else []
        recips: list[Any] = []
        # "a mediation effort between X and Y": the light noun carries the trigger's own arguments
        owners = [tok, tok.head] if tok.dep_ == "compound" and tok.head.lemma_.lower() in self.markers[
            "light_nouns"] else [tok]
        for prep in ("against", "on", "upon", "with", "to", "toward", "towards", "into", "of", "between"):
            recips += [r for o in owners for r in _slot_tokens(o, f"pobj:{prep}")]
        if clause.i != tok.i:
            for prep in ("against", "on", "between"):
                recips += _slot_tokens(clause, f"pobj:{prep}")
        for t in [tok, clause] if clause.i != tok.i else [tok]:
            for prep in PLACE_RECIP_PREPS:
                recips += [p for p in _slot_tokens(t, f"pobj:{prep}") if _is_place(p)]
        return actor, recips, mods

    def _quote_at(self, idx: int) -> Quote | None:
        for q in self.article.quotes:
            if q.start <= idx < q.end:
                return q
        return None

    # -- step 5: building -----------------------------------------------------
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
        if tr.kind == "noun":
            actor_heads, recip_heads, mods = self._noun_roles(tr, clause)
            actors = self.args.resolve_modifiers(tok, mods) if mods else []
            if not actors:
                actors = [e for h in actor_heads for e in self.args.resolve(h, quote)]
            subj_missing = not actor_heads and not actors
        else:
            verb = clause if tr.kind == "adj" else tok
            subj, passive = self._subject(verb)
            if passive and subj is None and self._adjectival(tr):  # "Israel is opposed to", "is committed to"
                subj, passive = _child(verb, {"nsubjpass"}), False
            actors = self.args.resolve(subj, quote) if subj is not None else []
            subj_missing = subj is None and not passive  # "were killed": no agent, not the speaker
            recipients = self._recipients(tr, verb, quote, actors)
        if tr.kind == "noun":
            recipients = self._first_coded(recip_heads, quote, actors)
        if quote is not None and quote.speaker is not None and (subj_missing or _first_person_subject(
                clause, self.markers)):
            actors = [speaker_entity(quote)]
        event, mode, requested, negated, rule = self._auxiliary(tr)
        if event is None:
            return None
        sent = tok.sent
        anchors = [tok] if clause.i == tok.i else [tok, clause]
        place = self._event_place(anchors)
        self._locate_uncoded(actors, sent, place, recipients)
        self._locate_uncoded(recipients, sent, place, actors)
        actors, recipients = self._default_parties(event, actors, recipients, place)
        if sent.start not in self._contexts:  # one lookup per sentence, not per event
            self._contexts[sent.start] = flags.contexts_for(sent, self.lex.contexts)
        context = list(dict.fromkeys(pat.context + self._contexts[sent.start]))
        return Event(
            id="", article_id=self.article.id, event=event, mode=mode, context=context,
            actor=actors, recipient=[r for r in recipients if not _same(r, actors)],
            date=flags.resolve_event_date(anchors, self.article.date or self.ctx.settings.default_date),
            event_loc=place, event_text=sent.text,
            text_info={"start": sent.start_char, "end": sent.end_char},
            quote_id=quote.id if quote is not None else None,
            requested={"event": requested[0], "mode": requested[1]} if requested else None,
            negated=negated, hypothetical=flags.is_hypothetical(clause, self.markers)
            or flags.has_condition(clause, self.markers),
            future=flags.is_future(clause, self.markers), rule=rule,
            trigger=Cue(text=tok.text, start=tok.idx, end=tok.idx + len(tok)))

    def _event_place(self, anchors: list[Any]) -> Any:
        """The place attached to the event's clause, else to its subject or object ("blocked roads in
        Dorvat", "a bombing near Tarn killed ...") or nested in a place phrase ("at a jail in Dorvat")."""
        place = flags.resolve_event_place(anchors, self.ctx)
        if place is not None:
            return place
        args = [c for t in anchors for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        nested = [g for t in anchors for c in t.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "near")
                  for g in c.children if g.dep_ == "pobj"]
        return flags.resolve_event_place(args + nested, self.ctx) if args or nested else None

    def _default_parties(self, event: str, actors: list[Any], recipients: list[Any],
                         place: Any) -> tuple[list[Any], list[Any]]:
        """Parties the sentence leaves implicit, coded as event datasets do and marked by `source`:
        a missing actor or recipient of an event placed in a country ("were killed in Dorvat") is that
        country ("event-location"); a protest with no named target addresses the government of its
        place, else of its actor's country ("protest-target")."""
        code = place.code if place is not None else None
        if code and not actors:
            actors = [_place_entity(place, "event-location")]
        if any(r.code for r in recipients):
            return actors, recipients
        if event == "PROTEST":
            code = code or next((a.code for a in actors if a.code), None)
            if code:
                # the government is implied, not named: no offsets unless the place names it
                base = _place_entity(place, "protest-target") if place is not None and place.code else Entity(
                    entity_text=actors[0].entity_text, source="protest-target")
                base.code, base.sector = code, "GOV"
                return actors, [base]
        if code and not recipients:
            recipients = [_place_entity(place, "event-location")]
        return actors, recipients

    def _locate_uncoded(self, entities: list[Any], sent: Any, place: Any, others: list[Any]) -> None:
        """An uncoded actor ("striking miners", "the rebels") of an event placed in a
        country ("in Dorvat"), or in a sentence naming one country only, takes that country's
        code, as event datasets code unnamed domestic actors; `source` says so ("event-location")."""
        todo = [e for e in entities if not e.code and e.source != "quote-speaker"]
        if not todo:
            return
        if place is not None and place.code:
            code = place.code
        else:  # a sentence that names one country only: "striking miners ... the Vostran president",
            # besides the other party's ("a roadside bomb killed two Kelmish soldiers in the Vostran city of X")
            codes = {m.code for m in self.args.mentions_in(sent.start_char, sent.end_char) if m.code}
            if len(codes) > 1:
                codes -= {o.code for o in others if o.code and o.source != "event-location"}
            if len(codes) != 1:
                return
            code = codes.pop()
        for ent in todo:
            ent.code, ent.source = code, "event-location"

    def _auxiliary(self, tr: Trigger) -> tuple[str | None, str | None, tuple | None, bool, str]:
        """Event type, mode, requested, negated flag and rule after the auxiliary-mode transforms."""
        pat, clause, m = tr.pattern, tr.clause, self.markers
        event, mode, requested, rule = pat.event, self._mode(tr), tr.requested, pat.id
        negated = not pat.negated_only and (
            flags.is_negated(clause, m) or (tr.tok.i != clause.i and flags.is_negated(tr.tok, m)))
        stated = flags.is_future(clause, m) or flags.has_condition(clause, m) or (
            flags.would_form(clause) and clause.dep_ == "ccomp")
        if pat.intent and requested is not None:
            event = m["intent_transform"].get(requested[0], event)
            rule += ">" + requested[0].lower()
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


def _place_entity(place: Any, source: str) -> Entity:
    return Entity(entity_text=place.text, name=place.name, code=place.code, type="GPE", start=place.start,
                  end=place.end, source=source)


def _is_place(tok: Any) -> bool:
    """A named place or group head ("Dorvat", "the Tarn valley"), not "its own statement"."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG") or tok.pos_ == "PROPN"


def _inside_clause(tok: Any, root: Any) -> bool:
    """True when `tok` sits in a clausal complement of `root` (not part of root's own clause)."""
    while tok.i != root.i and tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "advcl", "relcl") and tok.head is not None:
            return True
        tok = tok.head
    return False


def _first_person_subject(clause: Any, markers: dict[str, Any]) -> bool:
    subj = _child(clause, SUBJ | {"nsubjpass"})
    return subj is not None and subj.lower_ in markers["first_person"]


def _same(ent: Any, actors: list[Any]) -> bool:
    return any(a.start == ent.start and a.end == ent.end and a.code == ent.code for a in actors)


def _depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


def _requested_type(event: Event) -> str | None:
    return (event.requested or {}).get("event")


def _inherit_definite_actors(events: list[Event], doc: Any, args: ArgumentResolver, speech_nouns: frozenset[str],
                             window: int = 1500) -> None:
    """A definite event noun with no actor ("the call to ...", "the threat") refers back to an
    event already reported. In order of preference it takes the actors of
    1. an earlier event of the same type, mode and requested action ("the call to disrupt
       campuses" after "urged students to disrupt classes"), marked "antecedent-event";
    2. the owner of a speech the sentence (or the one before) reports ("a report on Mashal's
       speech ... the call to ..."), marked "speech-owner";
    3. an earlier event of the same type and mode, marked "antecedent-event"."""
    for i, event in enumerate(events):
        trig = event.trigger
        if event.actor or trig is None:
            continue
        head = _token_at(doc, event)
        if head is None or head.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            continue
        # same type and mode: "the release" does not refer back to a withdrawal
        same_type = [e for e in reversed(events[:i]) if e.event == event.event and e.mode == event.mode
                     and e.actor and e.trigger and trig.start - e.trigger.start <= window]
        theme = _theme(head)
        if theme is not None:  # "the release of the hostages": a release of hostages, not of prisoners
            same_type.sort(key=lambda e: _theme(_token_at(doc, e)) != theme)
        wanted = _requested_type(event)
        antecedent = next((e for e in same_type if _requested_type(e) == wanted), None)
        if antecedent is None and event.event in ("REQUEST", "THREATEN", "ACCUSE", "REJECT"):
            event.actor = _speech_owner(head, args, speech_nouns)
        if not event.actor:
            antecedent = antecedent or next(iter(same_type), None)
            if antecedent is not None:
                event.actor = _relabel(antecedent.actor, "antecedent-event")
        # a party cannot be both sides: the inherited actor leaves the recipients
        event.recipient = [r for r in event.recipient
                           if not any(r.code == a.code and r.name == a.name for a in event.actor)]


def _relabel(entities: list[Entity], source: str) -> list[Entity]:
    """Copies of `entities` that say where this event got them from."""
    return [dataclasses.replace(e, source=source) for e in entities]


def _token_at(doc: Any, event: Event) -> Any:
    """The head token of an event's trigger (None when it does not align with tokens)."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


def _theme(tok: Any) -> str | None:
    """The lemma of what an event acts on: the object of a verb ("released hostages"), the
    of-phrase of a noun ("the release of hostages"), what is given "in exchange for"."""
    if tok is None:
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] if tok.pos_ in ("VERB", "AUX") else \
        _slot_tokens(tok, "pobj:of") + _slot_tokens(tok, "pobj:for")
    return objs[0].lemma_.lower() if objs else None


def _speech_owner(head: Any, args: ArgumentResolver, speech_nouns: frozenset[str]) -> list[Entity]:
    """The possessor of the closest speech noun ("Mashal's speech", "the minister's remarks") in the
    trigger's sentence or the one before it, resolved as an actor."""
    sent = head.sent
    sents = [sent]
    if sent.start > 0:
        sents.insert(0, head.doc[sent.start - 1].sent)
    owners = [c for s in sents for tok in s if tok.lemma_.lower() in speech_nouns and tok.i < head.i
              for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    if not owners:
        return []
    found = args.resolve(owners[-1])
    return _relabel([a for a in found if a.code or a.name], "speech-owner")


def code_doc(article: Article, doc: Any, ctx: Any, lex: Lexicon) -> list[Event]:
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
    article.events = events
    article.meta["event_depth"] = depth
    return events
