"""One event per occurrence: merge the mentions of one occurrence within an article.

A news report names its main event many times ("gunmen attacked a bus ... the
attack ... after the shooting ..."). Counting each mention as an event inflates
every series built on the records, so at the end of the events stage the
mentions of one occurrence become one event whose `mentions` lists each of them
(trigger text and offsets), keeping the fields of its best-evidenced mention.

Two mentions are the same occurrence only when they agree on everything that
tells occurrences apart: event type, requested action, mode (or one has none),
negation, hypothetical/future flags, resolved date (when both have their own),
and participants (the same actor and the same recipient, or one side missing;
a party known only as a phrase, "four passengers", matches any party of the
same or no sector).
Locations must agree too (the same country; for two towns, the same town).
On top of that agreement, a mention joins an earlier occurrence when
- it is in the same sentence (a restatement: "attacked the convoy, in an
  ambush that ..."), except that two indefinite mentions never merge;
- it is a definite noun ("the attack", "this strike", "Monday's raid") within
  `anaphora_window` characters of the occurrence's last mention, or a clause
  naming no identified party nor a date of its own ("the wounded were taken")
  within `restate_window` (it joins the most mentioned occurrence), and the
  occurrence was reported by a clause or an indefinite noun: two definite
  nouns only name it ("the exchange of hostages" under talks, then "the
  release of the hostages"), and a definite noun whose complement names
  another set ("the release of the remaining hostages") is no anaphor;
- it is a clause (or bare noun) within `restate_window` characters that names
  the same actor and the same recipient, or directly follows mentions that
  name no party at all (a headline: "Five killed in Rask" ... "Gunmen
  attacked a market in Rask"), or restates the story's first sentence just
  after it with the same actor, where the headline names no recipient ("Vostra,
  Kelmland sign trade pact" ... "Vostra and Kelmland signed a trade
  agreement"; "Rebels free fourteen hostages" ... "The rebels released
  fourteen Vostran hostages"); a clause whose sentence marks a repetition or
  another incident ("again", "in a separate attack") never joins across
  sentences.
An indefinite noun ("an attack", "another attack") starts a new occurrence
unless it restates one in its own sentence. Word lists: data/mentions.yaml;
distances: config.toml [tuning.events.mentions]. See docs/records.md.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from ..actors.affiliation import titled_form
from ..datafiles import read_yaml, word_list
from ..model import Article, Cue, Entity, Event
from ..settings import tuning
from .words import default_words as event_words

log = logging.getLogger(__name__)

DATA = Path(__file__).with_name("data") / "mentions.yaml"
# Entity sources that mean "inherited from another mention", weaker evidence than a named argument.
INHERITED = ("antecedent-event", "speech-owner")
# A noun mention inside reported speech with no actor of its own gets the speaker ("the minister said
# the attack ..."): that says who reported it, not who did it, so it does not tell occurrences apart.
FALLBACK = ("quote-speaker",)
# Sources of participants known only as a phrase: they neither match nor conflict with another party.
UNIDENTIFIED = ("phrase", "event-location")
DEFINITE, INDEFINITE, OTHER = "definite", "indefinite", "other"
_WORD = re.compile(r"[\w'’-]+")


@dataclass(frozen=True)
class Rules:
    definite: frozenset[str]
    indefinite: frozenset[str]
    stop: frozenset[str]
    contrast: frozenset[str]
    repetition: tuple[str, ...]
    anaphora_window: int
    max_modifiers: int
    restate_window: int


@cache
def load_rules(path: Path = DATA) -> Rules:
    """The word lists of `path` and the distances of config.toml [tuning.events.mentions]."""
    data = read_yaml(path)
    cfg = tuning("events.mentions")
    words = {key: frozenset(w.lower() for w in word_list(path, data, key))
             for key in ("definite", "indefinite", "stop", "contrast")}
    return Rules(definite=words["definite"], indefinite=words["indefinite"], stop=words["stop"],
                 contrast=words["contrast"],
                 repetition=tuple(w.lower() for w in word_list(path, data, "repetition")),
                 anaphora_window=int(cfg["anaphora_window"]), max_modifiers=int(cfg["max_modifiers"]),
                 restate_window=int(cfg["restate_window"]))


def _start(event: Event) -> int:
    if event.trigger is not None:
        return event.trigger.start
    return event.text_info.get("start", 0)


def _cue(event: Event) -> Cue:
    if event.trigger is not None:
        return Cue(event.trigger.text, event.trigger.start, event.trigger.end)
    start, end = event.text_info.get("start", 0), event.text_info.get("end", 0)
    return Cue(event.event_text, start, end)


def mention_kind(event: Event, text: str, rules: Rules, doc: Doc | None = None) -> str:
    """"definite" ("the attack", "Monday's raid"), "indefinite" ("an attack", "another attack",
    a plural "attacks" with a determiner or number) or "other" (a clause: "attacked", or a bare noun).

    With the parse (`doc`) the trigger's own determiner, possessive and modifiers decide; without it
    the words before the trigger in its sentence are read back over at most `max_modifiers` words,
    stopping at a preposition, conjunction or verb of data/mentions.yaml `stop`.
    """
    if event.trigger is None:
        return OTHER
    kind = _determined_kind(event, text, rules, doc)
    if kind == DEFINITE and _contrasted(event, text, rules):
        return INDEFINITE
    return kind


def _contrasted(event: Event, text: str, rules: Rules) -> bool:
    """The noun's complement names another set ("the release of the remaining hostages")."""
    end = event.text_info.get("end", len(text))
    after = re.split(r"[.,;:!?]", text[event.trigger.end:min(end, event.trigger.end + 80)], maxsplit=1)[0]
    words = [w.lower() for w in _WORD.findall(after)[:4]]
    return bool(words) and words[0] in event_words().complement_prepositions and any(
        w in rules.contrast for w in words[1:])


def _determined_kind(event: Event, text: str, rules: Rules, doc: Doc | None) -> str:
    """The kind from the determiner (see `mention_kind`)."""
    if doc is not None:
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is not None:
            return _parsed_kind(span.root, rules)
    start = event.text_info.get("start", 0)
    before = _WORD.findall(text[max(start, event.trigger.start - 120):event.trigger.start])
    for n, word in enumerate(reversed(before)):
        low = word.lower()
        if low in rules.definite or low.endswith(("'s", "’s")):
            return DEFINITE
        if low in rules.indefinite:
            return INDEFINITE
        if low in rules.stop or n >= rules.max_modifiers:
            break
    return OTHER


def _parsed_kind(tok: Token, rules: Rules) -> str:
    if tok.pos_ in ("VERB", "AUX"):
        return OTHER
    mods = [c for c in tok.children if c.dep_ in ("det", "poss", "amod", "nummod", "predet")]
    if any(c.lower_ in rules.indefinite or c.dep_ == "nummod" for c in mods):
        return INDEFINITE
    if any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in rules.definite) for c in mods):
        return DEFINITE
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):  # "the shooting suspect"
        return _parsed_kind(tok.head, rules) if tok.head.i != tok.i else OTHER
    return INDEFINITE if tok.tag_ in ("NNS", "NNPS") and mods else OTHER


def _key(entity: Entity) -> str:
    name = (entity.name or entity.entity_text or "").lower().strip()
    return name.removeprefix("the ")


def same_entity(a: Entity, b: Entity) -> bool:
    """Two participants are the same party: different codes never are; then the same name (a person's
    full name with or without the title before it: "Ted Cruz" and "Sen. Ted Cruz"), or the same code
    and sector ("police" coded XAR/COP and "Arvenian police" coded XAR/COP)."""
    if a.code and b.code and a.code != b.code:
        return False
    if _key(a) and _key(a) == _key(b):
        return True
    if a.type == b.type == "PERSON" and titled_form(*sorted((_key(a), _key(b)), key=len, reverse=True)):
        return True
    if a.code and a.code == b.code and not a.sector and not b.sector and _place(a) and _place(b) and (
            _country(a) or _country(b)):
        return True  # a country and a place in it: "shelled Tarn" ... "shelled the Kelmish city of Tarn"
    return bool(a.code and a.code == b.code and a.sector and a.sector == b.sector)


def _place(entity: Entity) -> bool:
    return entity.type in ("GPE", "NORP", "LOC")


def _country(entity: Entity) -> bool:
    """The country itself, as the actor dictionary names it ("Kelmland", "Kelmish"), not a town of it."""
    return entity.source == "dictionary" and _place(entity)


def _side_compatible(a: list[Entity], b: list[Entity]) -> bool:
    """One side missing, the two sides share an identified party, or (when a side is known only as
    phrases) nothing tells them apart: no two sectors differ ("gunmen" UAF and "police" COP do)."""
    if not a or not b:
        return True
    ids_a, ids_b = [x for x in a if identified(x)], [y for y in b if identified(y)]
    if ids_a and ids_b:
        return any(same_entity(x, y) for x in ids_a for y in ids_b)
    sectors_a, sectors_b = {x.sector for x in a if x.sector}, {y.sector for y in b if y.sector}
    return not sectors_a or not sectors_b or bool(sectors_a & sectors_b)


def _side_matched(a: list[Entity], b: list[Entity]) -> bool:
    """Both sides named, and they share a party (phrases count here: "gunmen" ... "the gunmen")."""
    return any(same_entity(x, y) for x in a for y in b)


def _requested(event: Event) -> str | None:
    return (event.requested or {}).get("event")


def identified(entity: Entity) -> bool:
    """A party known by a name or a code of its own (dictionary, named entity, speaker), not only by a
    phrase ("four passengers", "a crowded market") whose code, if any, is the event's location."""
    return entity.source not in UNIDENTIFIED and bool(entity.code or entity.name)


def compatible(a: Event, b: Event, default_date: str | None = None) -> bool:
    """Could `a` and `b` be mentions of one occurrence (type, request, mode, flags, date, participants)?

    Participants known only as a phrase do not tell occurrences apart ("attacked a bus, killing four
    passengers" names one attack's target twice), nor does a date equal to `default_date` (the
    article's, given to mentions without a date of their own).
    """
    if a.event != b.event or _requested(a) != _requested(b):
        return False
    if a.mode and b.mode and a.mode != b.mode:
        return False
    if (a.negated, a.hypothetical, a.future) != (b.negated, b.hypothetical, b.future):
        return False
    dates = {d[:10] for d in (a.date, b.date) if d and d[:10] != (default_date or "")[:10]}
    if len(dates) > 1 or not _same_place(a, b):
        return False
    return _side_compatible(a.actor, b.actor) and _side_compatible(a.recipient, b.recipient)


def _same_place(a: Event, b: Event) -> bool:
    """Locations do not tell the mentions apart: one has none, or they share the country and, for two towns
    or sites, the name (a town inside a named region may be the same place, so regions never separate)."""
    pa, pb = a.event_loc, b.event_loc
    if pa is None or pb is None:
        return True
    if pa.code and pb.code and pa.code != pb.code:
        return False
    local = ("city", "site")
    if pa.level in local and pb.level in local:
        return (pa.name or pa.text).lower() == (pb.name or pb.text).lower()
    return True


def _repeated(event: Event, text: str, rules: Rules) -> bool:
    """The mention's sentence marks a repetition ("shelled the town again")."""
    start, end = event.text_info.get("start"), event.text_info.get("end")
    sentence = (text[start:end] if start is not None and end is not None else event.event_text).lower()
    return any(re.search(rf"\b{re.escape(marker)}\b", sentence) for marker in rules.repetition)


@dataclass
class _Mention:
    event: Event
    kind: str
    start: int
    default_date: str | None = None

    @property
    def sentence(self) -> int | None:
        return self.event.text_info.get("start")

    @property
    def bare(self) -> bool:
        """A clause or bare noun naming no identified party ("five killed", "the wounded were taken"): it adds
        nothing that could tell it from the occurrence reported around it."""
        e = self.participants()
        return self.kind == OTHER and not _own_date(e, self.default_date) and not any(
            identified(x) for x in e.actor + e.recipient)

    def participants(self) -> Event:
        """The event as compared with others: a definite noun's speaker-fallback actor left out."""
        if self.kind == DEFINITE and any(a.source in FALLBACK for a in self.event.actor):
            return dataclasses.replace(self.event, actor=[a for a in self.event.actor if a.source not in FALLBACK])
        return self.event


def _joins(m: _Mention, group: list[_Mention], text: str, rules: Rules, default_date: str | None,
           latest: bool = True, first_sentence_only: bool = False) -> bool:
    """Whether mention `m` is one more mention of the occurrence `group` (see the module doc)."""
    if not all(compatible(m.participants(), g.participants(), default_date) for g in group):
        return False
    if m.kind == INDEFINITE and any(g.kind == INDEFINITE for g in group):
        return False  # "an attack ... another attack": two occurrences
    if m.sentence is not None and any(g.sentence == m.sentence for g in group):
        return True  # a restatement in the same sentence
    last = max(g.start for g in group)
    if m.kind == INDEFINITE or (m.kind == OTHER and _repeated(m.event, text, rules)):
        return False
    if m.kind == DEFINITE or m.bare:
        # an anaphor refers back to an occurrence reported, not one only named ("the exchange of
        # hostages" under negotiation, then "the release of the hostages"); a bare mention to one
        # reported with its parties
        reported = any(g.kind != DEFINITE and not (m.bare and g.bare) for g in group)
        window = rules.restate_window if m.bare and m.kind != DEFINITE else rules.anaphora_window
        return reported and m.start - last <= window
    if m.start - last > rules.restate_window:
        return False
    # a headline or a bare report just before, with nothing reported in between ("Five killed in Rask" ...
    # "Gunmen attacked a market in Rask")
    if latest and all(g.bare or (g.kind == DEFINITE and not g.event.actor) for g in group):
        return True
    # the same actor and recipient; or, restating the story's first sentence (its headline) just after, the same
    # actor where the headline names no recipient ("Vostra, Kelmland sign trade pact" ... "Vostra and Kelmland
    # signed"; "Rebels free hostages" ... "the rebels released fourteen Vostran hostages")
    # (every mention so far in the headline, any of its occurrences: "MLF frees hostages as Arvenia releases prisoners")
    headline = (latest or first_sentence_only) and all(g.sentence == 0 for g in group)
    return any(_side_matched(m.event.actor, g.event.actor) and (
        _side_matched(m.event.recipient, g.event.recipient)
        or (headline and not g.event.recipient)) for g in group)


def _evidence(m: _Mention) -> tuple:
    """How well a mention supports its record: calibrated confidence first, then an identified actor of its
    own (not inherited), an identified recipient, any own actor, any recipient, a clause over a noun, a
    place, then the earliest."""
    e = m.event
    own = [a for a in e.actor if a.source not in INHERITED + FALLBACK]
    return (e.confidence if e.confidence is not None else -1.0, any(identified(a) for a in own),
            any(identified(r) for r in e.recipient), bool(own), bool(e.actor), bool(e.recipient),
            m.kind == OTHER, e.event_loc is not None, -m.start)


def merge_mentions(events: list[Event], text: str, doc: Doc | None = None, rules: Rules | None = None,
                   default_date: str | None = None) -> list[Event]:
    """One event per occurrence: the events of one article with the mentions of each occurrence merged.

    Each returned event is its best-evidenced mention's record (same id) with `mentions` listing every
    mention (trigger text and offsets) in text order; events keep their trigger order (and ids).
    `default_date` is the article's date (mentions without a date of their own carry it).
    """
    return [kept for kept, _ in occurrences(events, text, doc, rules, default_date)]


def occurrences(events: list[Event], text: str, doc: Doc | None = None, rules: Rules | None = None,
                default_date: str | None = None) -> list[tuple[Event, list[Event]]]:
    """Each occurrence's kept event (see `merge_mentions`) with the events it merges."""
    rules = rules or load_rules()
    mentions = sorted((_Mention(e, mention_kind(e, text, rules, doc), _start(e), default_date) for e in events),
                      key=lambda m: m.start)
    groups: list[list[_Mention]] = []
    for m in mentions:
        # the most recently mentioned compatible occurrence wins; a bare mention, which says nothing
        # of its own, goes to the most mentioned one (the story's main occurrence)
        order = (lambda g: (-len(g), -max(x.start for x in g))) if m.bare else (lambda g: -max(x.start for x in g))
        latest = max(groups, key=lambda g: max(x.start for x in g)) if groups else None
        headline_only = all(x.sentence == 0 for g in groups for x in g)
        for group in sorted(groups, key=order):
            if _joins(m, group, text, rules, default_date, group is latest, headline_only):
                group.append(m)
                break
        else:
            groups.append([m])
    merged = []
    for group in sorted(groups, key=lambda g: _start(max(g, key=_evidence).event)):
        best = max(group, key=_evidence).event
        cues = sorted({(c.start, c.end): c for c in (_cue(g.event) for g in group)}.values(), key=lambda c: c.start)
        if len(group) > 1:
            log.info("event %s: %d mentions of one %s (%s)", best.id, len(group), best.event,
                     ", ".join(f"{c.text}@{c.start}" for c in cues))
        kept = dataclasses.replace(best, mentions=cues)
        # a record kept from a mention dated only by the article (a headline) takes the day another mention
        # gives the occurrence ("Troops shell Tarn" ... "shelled Tarn on Tuesday")
        own = {g.event.date for g in group if _own_date(g.event, default_date)}
        if not _own_date(best, default_date) and len(own) == 1:
            kept.date = own.pop()
        merged.append((kept, [g.event for g in group]))
    return merged


def _own_date(event: Event, default_date: str | None) -> bool:
    """The event has a date of its own, not the article's."""
    return event.date is not None and event.date[:10] != (default_date or "")[:10]


def merge_article(article: Article, doc: Doc | None = None) -> list[Event]:
    """Replace `article.events` by one event per occurrence (the events stage's last step).

    The kept event takes the shallowest parse depth of its mentions (`article.meta["event_depth"]`), so
    the one-sentence coder (`main_event`) still sees the occurrence where its highest mention is.
    """
    found = occurrences(article.events, article.text, doc, default_date=article.date)
    depth = article.meta.get("event_depth")
    if isinstance(depth, dict):
        for kept, members in found:
            depths = [depth[e.id] for e in members if e.id in depth]
            if depths:
                depth[kept.id] = min(depths)
    article.events = [kept for kept, _ in found]
    return article.events
