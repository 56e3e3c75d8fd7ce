"""What a candidate event rests on: occurrence evidence, mood, and the story it is in.

- **Occurrence** (`occurrence`): an event noun is an event only with evidence that
  it happened or is happening in this report: a governing verb ("held talks",
  "the attack killed", "killed in the attack"), a time or place modifier
  ("Friday's protest", "protests in Varn"), or an agent ("Vostra's attack",
  "an attack by rebels"). Without any it is a mention of a topic ("the deal",
  "the travel ban").
- **Mood** (`mood`): a question is not a request ("asked whether ..."),
  newsroom boilerplate is not a demand ("requests for comment"), and a
  question mark, a generic present tense or an intention without a typed act
  are weighed by the confidence model.
- **Story** (`story_filter`): sport results, awards, obituaries and reviews are
  not political news; their events are set aside with the reason recorded.

Word lists live in `data/evidence.yaml`, thresholds in config.toml `[events]`.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Span, Token

from ..datafiles import read_yaml
from .agents import token_class
from .config import events_config
from .restrictions import phrase_tokens
from .triggers import Trigger
from .words import default_words as event_words

DATA = Path(__file__).with_name("data") / "evidence.yaml"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
AGENT_LABELS = {"PERSON", "ORG", "NORP", "GPE"}
WORD = re.compile(r"[a-z][a-z'-]+")
TIME_DEPS = {"npadvmod", "tmod", "prep", "advmod", "obl"}  # where a verb's own time is ("on Monday", "today")
SCORE = re.compile(r"(?<![\d.,:/])\d{1,3}[-–]\d{1,3}(?![\d.,:/-])")  # a match score: "2-1", "105-98"


@cache
def evidence_data() -> dict[str, Any]:
    raw = read_yaml(DATA)
    out: dict[str, Any] = {k: frozenset(str(x).lower() for x in v) for k, v in raw.items() if isinstance(v, list)}
    out["story_cues"] = {k: frozenset(v) for k, v in raw["story_cues"].items()}
    return out


def occurrence(tr: Trigger) -> list[str]:
    """Evidence that a nominal trigger happened (empty = a mention, not an occurrence)."""
    tok, clause, data = tr.tok, tr.clause, evidence_data()
    found = []
    if clause is not None and clause.i != tok.i:
        found.append("light-verb")
    if tr.requested is not None:  # "the call to disrupt campuses": a speech act with its content spelled out
        found.append("content")
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "conj") and head.lemma_.lower() in data["occurrence_verbs"]:
        found.append("governing-verb")
    if tok.dep_ == "nsubj" and head.lemma_.lower() in data["occurrence_subject_verbs"]:
        found.append("subject-of-verb")
    if tok.dep_ == "pobj" and head.lower_ in data["occurrence_preps"] and head.head.pos_ in ("VERB", "AUX") \
            and head.head.lemma_.lower() != "be":
        found.append("verb-preposition")
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "npadvmod", "nmod", "poss") and (
                c.lemma_.lower() in data["occurrence_modifiers"] or c.ent_type_ in ("DATE", "TIME")):
            found.append("time")
        elif c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if any(g.ent_type_ in ("DATE", "TIME") for g in objs):
                found.append("time")
            elif c.lower_ in event_words().occurrence_place_prepositions and any(
                    g.ent_type_ in PLACE_LABELS for g in objs):
                found.append("place")
            elif c.lower_ == "by" and objs:
                found.append("agent")
        if c.dep_ == "poss" or (c.dep_ in ("compound", "amod") and c.ent_type_ in AGENT_LABELS):
            found.append("agent")
    return sorted(set(found))


def _is_question(tok: Token) -> bool:
    data = evidence_data()
    if tok.lemma_.lower() not in data["question_verbs"]:
        return False
    for comp in (c for c in tok.children if c.dep_ in ("ccomp", "xcomp", "advcl")):
        for c in comp.children:
            if c.dep_ in ("mark", "advmod", "nsubj", "dobj", "det", "attr") and c.lower_ in data["question_marks"]:
                return True
    # "asked by a reporter about his plan": a question on a topic, with nothing asked for
    if any(c.dep_ in ("xcomp", "ccomp", "dobj") or (c.dep_ == "prep" and c.lower_ == "for") for c in tok.children):
        return False  # "asked Kelmland for talks", "asked on Monday for talks"
    return any(c.dep_ == "prep" and c.lower_ in data["question_topic_prepositions"] and any(
        g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME") for g in c.children) for c in tok.children)


def _open_refusal(tok: Token, data: dict[str, Any]) -> bool:
    """ "refused to rule out X", "declined to exclude X": a refusal to close an option keeps it open."""
    for comp in (c for c in tok.children if c.dep_ == "xcomp"):
        parts = [comp.lemma_.lower(), *(c.lower_ for c in comp.children if c.dep_ == "prt")]
        if " ".join(parts[:2]) in data["open_refusals"] or parts[0] in data["open_refusals"]:
            return True
    return False


def mood(tr: Trigger) -> tuple[str | None, list[str]]:
    """(reason to drop, features) from the trigger's mood."""
    tok, data = tr.tok, evidence_data()
    if _is_question(tok):
        return f"{tok.text!r} asks a question, it does not request", []
    if tr.kind == "noun":
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"):
            if any(g.lower_ in data["boilerplate_for"] for g in prep.children if g.dep_ == "pobj"):
                return f"{tok.text!r} for comment is newsroom boilerplate", []
    if tr.pattern.event == "REJECT" and any(c.dep_ == "xcomp" and (
            c.lemma_.lower() in data["boilerplate_refusals"]
            or any(o.dep_ == "dobj" and o.lemma_.lower() in data["boilerplate_objects"] for o in c.children))
            for c in tok.children):
        return f"{tok.text!r} to speak to the reporter is newsroom boilerplate", []
    if tr.pattern.event == "REJECT" and _open_refusal(tok, data):
        return f"{tok.text!r} to exclude something keeps it open: no rejection", []
    if _closing(tok) == "?":
        return "the sentence is a question: it reports no occurrence", []
    if tok.lemma_.lower() in data["assertion_verbs"] and _asserts(tok):
        return f"{tok.text!r} with a clause in the indicative asserts, it does not demand", []
    if tr.pattern.intent and tr.requested is None and tok.lemma_.lower() in data["vow_verbs"]:
        return f"{tok.text!r} is a vow with no coded act: not an agreement", []
    if tr.pattern.intent and tr.requested is None and tok.lemma_.lower() in data["attitude_adjectives"]:
        return f"{tok.text!r} to do no coded act is an attitude, not an offer", []
    if tr.pattern.id in data["content_required"] and tr.requested is None and not any(
            c.dep_ in ("dobj", "prep", "dative", "xcomp") for c in tok.children):  # "agreed to set up a centre"
        return f"{tok.text!r} with no act or party agreed to states an opinion", []
    if tok.lemma_.lower() in data["sport_verbs"] and SCORE.search(tok.sent.text):
        return f"{tok.text!r} with a score in the sentence reports a match", []
    if tok.lemma_.lower() in data["sport_verbs"] and _contest(tok, data):
        return f"{tok.text!r} a rival or in a contest reports a result, not force", []
    feats = []
    clause = tr.clause if tr.clause is not None else tok
    auxes = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
    if tr.kind == "verb" and clause.i == tok.i and tok.lemma_.lower() in data["stance_verbs"]:
        if _stance(tok):
            return f"{tok.text!r} in the simple present or as a gerund, towards no party, describes a stance", []
        if _held_stance(tok):
            return f"{tok.text!r} as a party's lasting position or as its description is no act", []
    if tr.kind == "verb" and clause.i == tok.i and tok.lemma_.lower() in data["standing_activity_verbs"] \
            and _stance(tok):
        return f"{tok.text!r} in the simple present, undated, towards no party, describes a body's remit", []
    if tr.kind == "noun" and tok.lemma_.lower() in data["stance_nouns"] and _stance_noun(tok):
        return f"{tok.text!r} of a policy or an idea, with no time of its own, describes a stance", []
    if tr.kind == "verb" and clause.i == tok.i and _describes_party(tok):
        return f"{tok.text!r} in the simple present in a relative clause describes a party, not an act", []
    if tr.kind == "verb" and clause.tag_ in ("VBZ", "VBP") and not auxes - {"do", "does"} and not _time_given(tok.sent):
        feats.append("generic-present")
    if tr.pattern.intent and tr.requested is None:
        feats.append("untyped-intent")
    if habitual(clause):
        feats.append("habitual")
    return None, feats


def _contest(verb: Token, data: dict[str, Any]) -> bool:
    """ "beat three rivals", "defeated X in the primary": the object is a rival, or a phrase of the verb
    names a contest."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in data["contest_rivals"] for c in verb.children):
        return True
    return any(g.dep_ == "pobj" and g.lemma_.lower() in data["contest_nouns"]
               for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at") for g in c.children)


def _asserts(verb: Token) -> bool:
    """The verb's content clause is in the indicative ("insisted he would not cut", "insisted it was
    working"), not a bare verb or a modal of obligation ("insisted that Kelmland withdraw")."""
    data = evidence_data()
    for comp in (c for c in verb.children if c.dep_ == "ccomp"):
        auxes = {c.lower_ for c in comp.children if c.dep_ in ("aux", "auxpass")}
        if auxes & set(data["demand_modals"]):
            return False
        if comp.tag_ in ("VBD", "VBZ") or auxes & set(data["indicative_aux"]):  # VBP may be a subjunctive
            return True
    return False


def _closing(tok: Token) -> str:
    """The last mark of the token's sentence, past closing quotes and brackets ("" for none)."""
    return tok.sent.text.rstrip().rstrip("\"'”’)")[-1:]


def _stance(verb: Token) -> bool:
    """A stance verb in the simple present ("who supports late-term abortion"), a gerund after a
    preposition ("by supporting the schedule") or one an agenda includes (`stance_gerund_heads`), with
    no time of its own, whose objects are policies, ideas, acts or places, not parties."""
    auxes = {c.lemma_.lower() for c in verb.children if c.dep_ in ("aux", "auxpass")}
    present = verb.tag_ in ("VBZ", "VBP") and not auxes - {"do"}
    gerund = verb.tag_ == "VBG" and (verb.dep_ == "pcomp" or (
        verb.dep_ == "xcomp" and verb.head.lemma_.lower() in evidence_data()["stance_gerund_heads"]))
    if not (present or gerund) or _dated(verb):
        return False
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return _towards_no_party(verb, objs)


def _held_stance(verb: Token) -> bool:
    """A stance held over time ("generally supported Democrats", "has long opposed the war": a
    habitual or lasting adverb, `stance_lasting_adverbs`) or a participle that describes a party
    ("the millions of Americans supporting Dorn", "groups opposing the tax"), with no time of its own."""
    if _dated(verb):
        return False
    if habitual(verb) or any(c.dep_ == "advmod" and c.lower_ in evidence_data()["stance_lasting_adverbs"]
                             for c in verb.children):
        return True
    # a party described, not a text that acts: "a statement backing the truce" is an act of support
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and token_class(verb.head) == "agent"


def _stance_noun(noun: Token) -> bool:
    """ "the administration's backing of religious freedom": a stance noun whose of/for objects are
    policies or ideas, neither it nor its clause dated; not the object of a verb, which makes it an
    act ("voiced support for the truce", "support was expressed")."""
    if noun.dep_ not in ("nsubj", "pobj"):
        return False
    verb = next((t for t in noun.ancestors if t.pos_ in ("VERB", "AUX")), None)
    return not _dated(noun) and (verb is None or not _dated(verb)) and _towards_no_party(noun, [])


def _towards_no_party(tok: Token, objs: list[Token]) -> bool:
    """The objects and prepositional objects of `tok` are policies, ideas, acts or places, not parties,
    and the sentence is not a headline (a headline states past acts in the present, "Senator backs
    rival", and has no closing punctuation)."""
    if _closing(tok) not in (".", "!", "?", ":", ";"):
        return False
    objs = objs + [g for c in tok.children if c.dep_ == "prep" and not _name_tail(c, objs)
                   for g in c.children if g.dep_ == "pobj"]
    objs = [o for obj in objs for o in (obj, *obj.conjuncts)]
    return bool(objs) and all(token_class(o) in ("act", "other", "info", "place") for o in objs)


def _name_tail(prep: Token, objs: list[Token]) -> bool:
    """The preposition continues a name the parser cut short ("support Medicare for All", "backs Race to
    the Top"): it follows a proper-noun object at once and its object is a capitalised word of no entity."""
    return any(o.pos_ == "PROPN" and o.i + 1 == prep.i for o in objs) and all(
        g.text[:1].isupper() and not g.ent_type_ for g in prep.children if g.dep_ == "pobj")


def _describes_party(verb: Token) -> bool:
    """ "legislators who call for vaccine mandates", "a group that opposes the war": a simple present
    in a relative clause, with no time of its own, says what a party is like, not what it did."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:  # "who sneer at X and call for Y"
        first = first.head
    present = verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and first.i != verb.i)  # a conjunct's tag may slip
    if first.dep_ != "relcl" or not present or first.tag_ not in ("VBZ", "VBP"):
        return False
    if any(c.dep_ in ("aux", "auxpass") and c.lemma_.lower() != "do" for c in verb.children):
        return False
    return not _dated(verb)


def _dated(verb: Token) -> bool:
    """The verb has a time of its own ("on Monday", "last week"), not only one inside its object."""
    # the phrase without its clauses: in "during his time at the paper, which let him go in 2015" the date
    # is the relative clause's
    return any(t.ent_type_ in ("DATE", "TIME") for c in verb.children if c.dep_ in TIME_DEPS
               for t in phrase_tokens(c))


def _time_given(sent: Span) -> bool:
    """The sentence gives a time ("on Monday", "this week"): its present is news of the day. A frequency
    the model tags as a date ("publishes a daily index", "every week") gives none: a routine."""
    data = evidence_data()
    frequency = data["habitual_adverbs"] | data["habitual_determiners"] | data["habitual_periods"]
    return any(ent.label_ in ("DATE", "TIME") and not {t.lower_ for t in ent if not t.is_punct} <= frequency
               for ent in sent.ents)


def habitual(verb: Token) -> bool:
    """A routine, not an occurrence: a frequency adverb ("regularly shell") or a time phrase with
    "every"/"each" ("meet every month") or "N times a <period>" ("visits three times a week")."""
    data = evidence_data()
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in data["habitual_adverbs"]:
            return True
        if c.dep_ in ("npadvmod", "tmod", "obl"):
            words = {t.lower_ for t in c.subtree}
            if words & data["habitual_determiners"] or (
                    c.lemma_.lower() == "time" and words & data["habitual_periods"]):
                return True
    return False


def story_filter(title: str | None, text: str) -> str | None:
    """The reason a story is set aside as not political news, or None."""
    cfg = events_config()
    lead = f"{title or ''}\n{text[: int(cfg.get('story_lead_chars', 700))]}".lower()
    words = set(WORD.findall(lead))
    data = evidence_data()
    political = len(words & data["political_cues"])
    best = None
    for kind, cues in data["story_cues"].items():
        hits = sorted(words & cues)
        if len(hits) >= int(cfg.get("story_min_cues", 4)) and len(hits) > political and (
                best is None or len(hits) > len(best[1])):
            best = (kind, hits)
    if best is None:
        return None
    return f"{best[0]} story ({', '.join(best[1][:6])})"


def imperative(verb: Token) -> bool:
    """A bare imperative clause ("Cancel the meeting", "Release them now"): a base-form verb that
    opens its clause, with no subject, auxiliary or infinitival "to"."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "advcl"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in verb.children):
        return False
    first = next((t for t in verb.sent if not t.is_punct and t.lower_ not in event_words().imperative_openers), None)
    return first is not None and first.i == verb.i
