"""Where an event happened: `Event.event_loc` from the article's place mentions.

Evidence, most direct first (`event_loc.via`):
1. `phrase`: a place phrase attached to the event: its trigger, or the
   trigger's object, subject or governing verb, takes a place preposition
   ("fighting in Khan Younis", "battles ensue at Khan Younis", "encircled
   hospitals in Khan Younis", "strikes on Gaza"), a place modifier ("the
   Istanbul conference", "Gaza strikes") or possessive ("Gaza's hospital")
   of the trigger, or the place is the object of a verb of going or striking
   ("visited Cairo", "shelled Rafah"); for events said to someone
   (REQUEST, THREATEN, ACCUSE ...) "on/to/with X" and the object are the
   addressee, not the place ("called on Egypt"), and so are they for a sanction,
   aimed at a party from afar ("imposed sanctions on Russia");
2. `clause`: a place that sets the scene in the event's clause (the trigger's
   clause with the clauses under it, but for words said to someone not what they
   ask or report: "urged people to rally in Tarn" was not said in Tarn): the object
   of a place preposition ("as
   forces encircled hospitals in Khan Younis") or of a verb of going or
   striking ("left Doha after talks"); never the event's own actor or recipient, a subject
   ("Israel accepts"), a modifier of another noun ("the US administration")
   or a target ("against Israel");
3. `dateline`: the article's dateline place ("GAZA CITY (AP) -");
4. none. A place from another sentence or paragraph is never used.

A mention the gazetteer does not know still counts (its coordinates are
null). Among several candidates a resolved one wins, then the most specific (a town before its country:
"in Istanbul, Turkey" -> Istanbul), then the nearest to the trigger.
Place prepositions are data (`actors/data/place_words.yaml`).
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Span, Token

from ..actors.places import place_words
from ..model import Article, Event, Place
from .flags import removed_to, topic_on
from .words import default_words as event_words

_SPECIFIC = {"site": 0, "city": 1, "region": 2, "admin2": 2, "admin1": 3, "country": 4, "continent": 5}
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "acl", "xcomp"}
_MODIFIER_DEPS = {"compound", "amod", "nmod", "poss"}
# Said-to-someone events: their "on/to/with X" and direct object name whom they address.
_SAID = {"REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT", "CONCEDE", "AGREE"}
# Acts aimed at a party from afar ("imposed sanctions on Russia", "cut ties with Kelmland", "expelled
# diplomats from Vostra"): their "on/to/with/from X" and direct object name the party aimed at, not the place.
_AIMED = {"SANCTION"}
_ADDRESSED = _SAID | _AIMED


def locate_events(article: Article, doc: Doc) -> None:
    """Set `event_loc` of every event of `article` (parsed as `doc`) from `article.places`."""
    places = [p for p in article.places if p.start is not None]  # unresolved ones too: "in Dorvat" is still where
    dateline = _dateline_place(article)
    for event in article.events:
        event.event_loc = event_location(event, doc, places, dateline)


def event_location(event: Event, doc: Doc, places: list[Place], dateline: Place | None) -> Place | None:
    """The location of one event, or None (see the module docstring). `event.event_loc`, when the
    coder set one, is the fallback for a place phrase no place mention covers (a name the
    parser did not tag as a place: "arrested activists in Dorvat")."""
    coded = event.event_loc
    trigger = _trigger(event, doc)
    if trigger is None:
        return _with_via(dateline, "dateline")
    sent = trigger.sent
    own = [(p, span) for p in places if sent.start_char <= p.start and p.end <= sent.end_char
           if (span := doc.char_span(p.start, p.end, alignment_mode="expand")) is not None]
    parties = [(e.start, e.end) for e in (*event.actor, *event.recipient)  # not a party the coder took from
               if e.start is not None and e.source not in ("event-location", "protest-target")]  # the place
    own = [(p, span) for p, span in own if not removed_to(span.root, event.mode)]  # "deported ... to Jordan"
    attached = [(p, span) for p, span in own if _attached(span.root, trigger, event.event)]
    if attached:
        return _with_via(_best(attached, trigger), "phrase")
    head = _clause_head(trigger)
    # (for words said to someone, a place in what they ask or report is where that happens: "urged people to
    # surround the missions until the army halts its campaign in the Maren Valley" was not said there)
    content = [c for c in trigger.children if c.dep_ in ("ccomp", "xcomp")] if event.event in _SAID else []
    # nor is a place in the phrase of another verb "and" joins to it: "condemned the attack and called on Norvia
    # to halt arms sales to Vostra" was not condemned in Vostra
    content += [c for t in (trigger, head) for c in t.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
                and not _under(trigger, c)]
    clause = [(p, span) for p, span in own if _under(span.root, head) and _setting(span.root)
              and not any(_under(span.root, c) for c in content)
              and not any(s <= p.start and p.end <= e for s, e in parties)]
    if clause:
        return _with_via(_best(clause, trigger), "clause")
    if coded is not None and coded.start is not None and sent.start_char <= coded.start < sent.end_char \
            and not _addressee(doc, coded, event.event):
        return dataclasses.replace(coded, via="phrase", country=coded.country or coded.code)
    return _with_via(dateline, "dateline")


def _trigger(event: Event, doc: Doc) -> Token | None:
    if event.trigger is not None:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    start = (event.text_info or {}).get("start")
    if start is None:
        return None
    span = doc.char_span(start, (event.text_info or {}).get("end", start + 1), alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _anchors(trigger: Token) -> list[Token]:
    """The trigger, its object/subject nouns and the verb that governs it ("carried out strikes")."""
    out = [trigger]
    out += [c for c in trigger.children if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "obj")]
    if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "xcomp", "pobj") and trigger.head.pos_ in ("VERB", "AUX"):
        out.append(trigger.head)
    return out


def _attached(root: Token, trigger: Token, event_type: str) -> bool:
    words = place_words()
    anchors = _anchors(trigger)
    addressed = event_type in _ADDRESSED  # "called on Egypt", "pressured Israel": the addressee, not the place
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.lower_ in words.place_prepositions:
        if (addressed and root.head.lower_ in event_words().addressee_prepositions) or topic_on(root.head):
            return False  # "called on Egypt"; "vetoed a resolution on Syria"
        return root.head.head in anchors
    if root.dep_ in _MODIFIER_DEPS:  # "the Istanbul conference", "Gaza strikes", "Gaza's hospital"
        return root.head.i == trigger.i
    # "visited Cairo", "shelled Rafah"
    return (root.dep_ == "dobj" and root.head.i == trigger.i and not addressed
            and trigger.lemma_.lower() in words.place_object_verbs)


def _addressee(doc: Doc, place: Place, event_type: str) -> bool:
    """Is the coder's place the addressee of an event said to someone ("called on Egypt")?"""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if event_type not in _ADDRESSED or span is None or not len(span):
        return False
    root = span.root
    return root.dep_ == "dobj" or (root.dep_ == "pobj" and root.head.lower_ in event_words().addressee_prepositions)


def _setting(root: Token) -> bool:
    """A place that says where something is in its clause: the object of a place preposition
    ("in Gaza") or of a verb ("left Doha"); not a subject ("Israel accepts"), a modifier of another
    noun ("the US administration") or a target ("against Israel")."""
    if root.dep_ == "pobj" and root.head.dep_ == "prep":
        return root.head.lower_ in place_words().place_prepositions and not topic_on(root.head)
    return root.dep_ == "dobj" and root.head.lemma_.lower() in place_words().place_object_verbs


def _clause_head(tok: Token) -> Token:
    while tok.dep_ not in _CLAUSE_DEPS and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _under(tok: Token, head: Token) -> bool:
    while tok.i != head.i:
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return True


def _best(cands: list[tuple[Place, Span]], trigger: Token) -> Place:
    return min(cands, key=lambda ps: (ps[0].lat is None, _SPECIFIC.get(ps[0].level or "", 3),
                                      abs(ps[1].root.i - trigger.i)))[0]


def _dateline_place(article: Article) -> Place | None:
    span = article.meta.get("dateline")
    if not span:
        return None
    for p in article.places:
        if p.start == span[0] and p.lat is not None:
            return p
    return None


def _with_via(place: Place | None, via: str) -> Place | None:
    if place is None:
        return None
    return dataclasses.replace(place, via=via)
