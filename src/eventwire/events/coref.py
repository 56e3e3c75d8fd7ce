"""Event coreference of definite nouns: "the attack", "the call to ..." refer back.

A definite event noun with no actor of its own takes the actor of the event it
refers to (an earlier event of the same type, mode and requested action), or the
owner of a speech the sentence reports.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from ..model import Entity, Event
from .arguments import ArgumentResolver
from .config import events_config
from .roles import _slot_tokens


def _requested_type(event: Event) -> str | None:
    return (event.requested or {}).get("event")


def _inherit_definite_actors(events: list[Event], doc: Doc, args: ArgumentResolver, speech_nouns: frozenset[str],
                             window: int | None = None) -> None:
    """A definite event noun with no actor ("the call to ...", "the threat") refers back to an
    event already reported. In order of preference it takes the actors of
    1. an earlier event of the same type, mode and requested action ("the call to disrupt
       campuses" after "urged students to disrupt classes"), marked "antecedent-event";
    2. the owner of a speech the sentence (or the one before) reports ("a report on Mashal's
       speech ... the call to ..."), marked "speech-owner";
    3. an earlier event of the same type and mode, marked "antecedent-event"."""
    window = window if window is not None else int(events_config().get("antecedent_window", 1500))
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


def _token_at(doc: Doc, event: Event) -> Token | None:
    """The head token of an event's trigger (None when it does not align with tokens)."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    return span.root if span is not None else None


def _theme(tok: Token) -> str | None:
    """The lemma of what an event acts on: the object of a verb ("released hostages"), the
    of-phrase of a noun ("the release of hostages"), what is given "in exchange for"."""
    if tok is None:
        return None
    objs = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] if tok.pos_ in ("VERB", "AUX") else \
        _slot_tokens(tok, "pobj:of") + _slot_tokens(tok, "pobj:for")
    return objs[0].lemma_.lower() if objs else None


def _speech_owner(head: Token, args: ArgumentResolver, speech_nouns: frozenset[str]) -> list[Entity]:
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


