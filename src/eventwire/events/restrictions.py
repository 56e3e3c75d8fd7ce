"""Selectional restrictions: may this subject and this object fill this trigger's roles?

Each pattern may declare, in `data/patterns.yaml`, the semantic classes
(`eventwire.events.agents`) its subject and its object may have
(`restrict: {subject: [agent, act], object: [agent]}`); a head of unknown
class always passes. Beyond the declarations, for every pattern:

- a natural force, an illness or a mishap is never the doer of an event
  ("the quake killed eight", "floods hit the coast"): the candidate is dropped;
- a thing, a text or an abstraction as subject ("the constitution prohibits",
  "the report supports") is dropped when VerbNet gives the verb only an
  animate or organisational Agent; otherwise it is not an actor: the event
  stays without one (and so below the counting threshold) unless the phrase
  names its owner ("a White House statement condemned ...");
- a place as subject stands for its government ("the city lifted the curfew");
- an event noun or a weapon as subject ("the bombing killed", "a bomb
  killed") names no actor either;
- a cause phrase naming a natural force ("were killed in the earthquake",
  "destroyed by the fire") drops the candidate.

A pattern may also restrict the polarity of its object predicate
(`restrict: {predicate: [negative, neutral]}`): "called the holiday a
celebration" praises, it accuses no one. The polarity comes from the
evaluative word table (`eventwire.nlp.lexicon`, VADER and WordNet 3.0).

`check` returns a `Verdict`; the coder drops the candidate when `drop` is set
and logs the reason (shown with `-v`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..actors.words import default_words as actor_words
from ..model import Entity
from ..nlp.lexicon import polarity
from . import repair
from .agents import noun_class, place_of_event, sited, statistic, token_class, verb_needs_agent
from .arguments import second_predicate
from .triggers import Trigger
from .words import default_words as event_words

NON_AGENT = {"thing", "info", "other"}
FORCE_EVENTS = {"ASSAULT", "COERCE"}  # what a thing or a force can also be said to do
CAUSE_PREPS = ("by", "in")
CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis"}  # clauses about a phrase, not part of it


@dataclass
class Verdict:
    drop: str | None = None  # reason to drop the candidate
    no_agent: str | None = None  # reason the subject is not an actor
    owner: Token | None = None  # a modifier naming the subject's owner ("Vostra's statement"), to resolve as actor
    subject_class: str = "unknown"


def _objects(tr: Trigger, verb: Token, passive: bool, subject_found: bool = False) -> list[Token]:
    tok = tr.tok
    if tr.kind == "noun":  # "the release of X", "an attack on X"
        return [g for c in tok.children if c.dep_ == "prep" and c.lower_ in event_words().noun_patient_prepositions
                for g in c.children if g.dep_ == "pobj"]
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if passive:
        objs += [c for c in verb.children if c.dep_ == "nsubjpass"]
        reduced = repair.reduced_passive(verb) if not objs else None
        objs += [reduced[1]] if reduced is not None and reduced[1] is not None else []  # "a poll released by X"
        objs += [g for g in [repair.garden_path(verb)] if g is not None and not objs]
    elif not objs and tok.dep_ == "acl" and tok.tag_ == "VBN" and not subject_found:
        objs.append(tok.head)  # "the jobs data released Friday": the noun a participle modifies is its patient
    return objs


def _topics(tr: Trigger, verb: Token) -> list[Token]:
    """What the event is over ("battled over the budget", "a battle over finances", also on the verb's
    object: "exchanged fire over taxes"); not a time ("clashed over the weekend")."""
    hosts = {tr.tok.i: tr.tok, verb.i: verb}
    hosts.update({c.i: c for c in verb.children if c.dep_ == "dobj" and verb.pos_ in ("VERB", "AUX")})
    return [g for t in hosts.values() for c in t.children
            if c.dep_ in ("prep", "prt") and c.lower_ in event_words().topic_prepositions
            for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]


def _nested_agent(head: Token) -> Token | None:
    """A named party inside an event phrase: "Vostran strikes", "the resumption of Israeli strikes";
    not one inside a clause about it ("an explosion that the mayor described as ..." is not the mayor's)."""
    # (a person or a common noun of people; a bare name there may be a modifier the parser cut off its noun:
    # "the resumption of Vostran strikes")
    phrase = phrase_tokens(head)
    patients = [t for t in phrase if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.i == head.i
                and token_class(t) == "agent" and (t.pos_ == "NOUN" or t.ent_type_ == "PERSON")]
    for tok in phrase:
        if any(p.left_edge.i <= tok.i <= p.right_edge.i for p in patients):
            continue  # whom the act befell: "the death of Kelmish commander X", "the killing of an Iranian general"
        owned = tok.dep_ in ("amod", "compound", "poss") or (tok.dep_ == "pobj" and tok.head.lower_ in ("of", "by"))
        if tok.dep_ == "poss" and place_of_event(tok.head, tok):
            continue  # "Vostra's deadliest terror attack killed ...": where it happened
        if tok.i != head.i and owned and tok.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") and not _inside_name(tok):
            return tok
    return None


def _inside_name(tok: Token) -> bool:
    """A word of a longer name that modifies the name's own head ("United" in "the United States"): it is no
    modifier of the phrase, the name is ("gun violence in the United States" names where, not whose)."""
    head = tok.head
    return tok.dep_ == "compound" and head.i > tok.i and all(t.ent_iob_ == "I" for t in tok.doc[tok.i + 1: head.i + 1])


def phrase_tokens(head: Token, clauses: frozenset[str] | set[str] = CLAUSE_DEPS) -> list[Token]:
    """The tokens of the phrase `head` heads, in order, without its clauses of the kinds `clauses`
    (by default relative, participle, adverbial and complement clauses) and without a verb coordinated
    with a verb inside it ("accused X's campaign of being duped and encouraged Americans to ...": the
    second predicate is not part of the phrase)."""
    out, todo = [], [head]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo += [c for c in tok.children if c.dep_ not in clauses and not (second_predicate(c) and tok.i != head.i)]
    return sorted(out, key=lambda t: t.i)


def _owner(head: Token) -> Token | None:
    for c in head.children:
        if c.dep_ == "poss" and place_of_event(head, c):
            continue
        if c.dep_ in ("poss", "compound") and (c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or c.pos_ == "PROPN"):
            return c
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in ("by", "from")):
        for g in prep.children:
            if g.dep_ == "pobj" and token_class(g) == "agent":
                return g
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in event_words(
            ).collective_nouns:
        head = head.head.head  # "unleashed a series of tweets criticizing ...": the series is the object
    if head.dep_ == "dobj" and head.head.lemma_.lower() in event_words().owning_verbs:
        # "the council issued a statement calling ...": the statement is the council's
        subj = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
        if subj is not None and token_class(subj) == "agent":
            return subj
        if subj is not None:  # "Holt's campaign released a statement ...": the campaign's owner
            return next((c for c in subj.children if c.dep_ == "poss" and (
                token_class(c) == "agent" or c.pos_ == "PROPN")), None)
    return None


def _discharge(tok: Token, subject: Token | None, passive: bool) -> bool:
    """"the hospital released the patient", "doctors freed him after tests": a release by carers
    (`carer_nouns`) or of patients (`patient_nouns`) ends medical care, it frees no captive."""
    words = event_words()
    carer = subject is not None and not passive and subject.lemma_.lower() in words.carer_nouns
    patient = any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in words.patient_nouns for c in tok.children)
    return carer or patient


def check(tr: Trigger, verb: Token, subject: Token | None, passive: bool,
          subject_entity: Entity | None = None) -> Verdict:
    """The restriction verdict for one candidate; `subject` is the actor head (None when absent,
    the by-agent when `passive`), `subject_entity` its resolved actor when known."""
    pat = tr.pattern
    v = Verdict()
    for prep in (c for c in [*tr.tok.children, *verb.children] if c.dep_ == "prep" and c.lower_ in CAUSE_PREPS):
        for g in prep.children:
            # "killed in the earthquake", "destroyed by fire"; not "in the wake of", "in response to"
            if g.dep_ == "pobj" and token_class(g) == "force" and not any(c.dep_ == "prep" for c in g.children):
                v.drop = f"caused by a natural force or mishap ({g.text})"
                return v
    if pat.event == "ASSAULT" and tr.kind == "verb" and _collision(tr.tok, subject):
        v.drop = f"{tr.tok.text!r} by a vehicle or its driver: a road collision, not an attack"
        return v
    if tr.kind == "verb":
        for obj in (c for c in tr.tok.children if c.dep_ == "dobj" and "Yes" in c.morph.get("Reflex")):
            if pat.event.lower() in event_words().reflexive_free_events:
                v.drop = f"object {obj.text!r} is the doer itself: no second party"  # "a group that calls itself X"
                return v
            if any(c.dep_ == "prep" and c.lower_ == "into" for c in tr.tok.children):
                # "whipped themselves into a frenzy", "worked itself into a rage": a state reached
                v.drop = f"{tr.tok.text!r} {obj.text!r} into a state: no act on anyone"
                return v
    if pat.event == "RETREAT" and pat.mode == "release" and _discharge(tr.tok, subject, passive):
        v.drop = f"{tr.tok.text!r} by a carer or of a patient: a discharge from care, not a release of captives"
        return v
    if subject is not None and not passive and tr.kind == "verb" and (
            {subject.lemma_.lower(), subject.lower_} & event_words().standing_rule_heads):
        v.drop = f"subject {subject.text!r} is a standing rule: it says what is required or barred, no act"
        return v
    if subject is not None and statistic(subject):
        v.no_agent = f"subject {subject.text!r} is a share of a population: a poll figure, not an actor"
        return v
    if subject is not None:
        # a text or an act is no agent for the party named in its phrase ("the death of Kelmish commander X
        # threatened ...", "a Vostran drone strike killed ..."): its owner, if any, is found below
        textual = subject.pos_ == "NOUN" and noun_class(subject.lemma_) in ("info", "act")
        cls = token_class(subject, None if textual else subject_entity)
        # (the parser tags a surname opening the sentence as a plural noun: "Sanders urged ...", "Sanders" a tool)
        named = subject.pos_ == "PROPN" or (subject.i == subject.sent.start and subject.tag_ == "NNS"
                                            and pat.event not in FORCE_EVENTS)
        if cls in NON_AGENT and named and subject.is_title and tr.kind == "verb" and not passive \
                and (verb_needs_agent(tr.tok.lemma_) or pat.event not in FORCE_EVENTS):
            # "Marsh praised ...", "Marsh called her a liar": a capitalised word doing what only people and
            # groups do is a name; "Drought destroyed ..." stays a force
            cls = "unknown"
        v.subject_class = cls
        if cls == "force":
            v.drop = f"subject {subject.text!r} is a natural force or mishap, not an agent"
            return v
        if pat.subject_classes is not None and cls != "unknown" and cls not in pat.subject_classes:
            v.drop = f"subject {subject.text!r} ({cls}) fails {pat.id}'s restriction {sorted(pat.subject_classes)}"
            return v
        if cls in NON_AGENT:
            owner = _owner(subject)
            if owner is not None:
                v.owner = owner
            elif tr.kind == "verb" and not passive and verb_needs_agent(tr.tok.lemma_):
                v.drop = f"subject {subject.text!r} ({cls}) cannot be the Agent of {tr.tok.lemma_!r} (VerbNet)"
                return v
            else:
                v.no_agent = f"subject {subject.text!r} ({cls}) is not an agent"
        elif cls in ("act", "weapon"):
            v.owner = _nested_agent(subject) or _owner(subject)  # "launched a series of strikes killing ..."
            if v.owner is None:
                v.no_agent = f"subject {subject.text!r} ({cls}) names no actor"
    if pat.addressee_classes is not None:
        comps = [c for c in tr.tok.children if c.dep_ == "ccomp"]
        past = next((c for c in comps if _past(c)), None) if pat.event == "THREATEN" else None
        if past is not None:  # "warned that thousands had been displaced"
            v.drop = f"content {past.text!r} reports what happened: a threat is of what will happen"
            return v
        for comp in comps:
            subj = next((c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            cls = token_class(subj) if subj is not None else "unknown"
            if cls != "unknown" and cls not in pat.addressee_classes:
                v.drop = f"content subject {subj.text!r} ({cls}) is no party: {pat.id} needs one"
                return v
            if pat.event == "THREATEN" and subj is not None and _forecast_of_other(comp, subj, subject):
                v.drop = f"content says what {subj.text!r} will do: a forecast of another's act, not a threat"
                return v
            if pat.event == "THREATEN" and subj is not None and _forecast_of_own_loss(tr.tok, comp, subj):
                v.drop = f"content says what the warner itself will see ({comp.text!r}): a forecast, not a threat"
                return v
    if pat.topic_classes is not None:
        for topic in _topics(tr, verb):
            # the head noun's own class ("the future of the airline" is a time); but "over control of
            # the city" is over the place
            owned = [g for c in topic.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"]
            cls = noun_class(topic.lemma_) if topic.pos_ == "NOUN" else token_class(topic)
            if cls != "unknown" and cls not in pat.topic_classes and not any(
                    token_class(g) in ("agent", "place") for g in owned):
                v.drop = f"fought over {topic.text!r} ({cls}): a dispute, not {pat.id}'s use of force"
                return v
    if pat.predicate_polarities is not None:
        for pred in (c for c in tr.tok.children if c.dep_ == "oprd"):
            pol = predicate_polarity(pred)
            if pol not in pat.predicate_polarities:
                v.drop = f"predicate {pred.text!r} is {pol}: {pat.id} needs {sorted(pat.predicate_polarities)}"
                return v
    if pat.object_classes is not None:
        for obj in _objects(tr, verb, passive, subject is not None):
            cls = token_class(obj)
            if cls not in pat.object_classes and "place" in pat.object_classes and sited(verb):
                cls = "place"  # "attacked a crowded market in Rask": what is placed there is a site
            if cls != "unknown" and cls not in pat.object_classes:
                v.drop = f"object {obj.text!r} ({cls}) fails {pat.id}'s restriction {sorted(pat.object_classes)}"
                return v
    return v


def _forecast_of_other(comp: Token, subj: Token, warner: Token | None) -> bool:
    """ "critics warn that Varga will flood the market": a named person other than the warner acts in
    the content; one threatens one's own acts, or what the other will suffer ("warned that Varga would
    face consequences", `threat_suffering_verbs`; "would be punished")."""
    if subj.ent_type_ != "PERSON" or subj.dep_ != "nsubj" or comp.lemma_.lower() in event_words(
            ).threat_suffering_verbs:
        return False
    return warner is None or not ({t.lower_ for t in warner.subtree} & {subj.lower_})


def _forecast_of_own_loss(warn: Token, comp: Token, subj: Token) -> bool:
    """"the company warned it would see a delay": with no one addressed, the warner ("it", "we", "I")
    will suffer a loss (`own_loss_verbs`); "warned Vostra that it would face sanctions" threatens Vostra."""
    if any(c.dep_ in ("dobj", "dative") for c in warn.children):
        return False
    own = actor_words().neuter_pronouns | actor_words().first_person_pronouns
    return subj.dep_ == "nsubj" and subj.lower_ in own and comp.lemma_.lower() in event_words().own_loss_verbs


def _collision(verb: Token, subject: Token | None) -> bool:
    """ "a van struck a cyclist", "was killed by a motorist", "was driving a truck when he struck a boy":
    the doer is a vehicle or drives one, and nothing in the sentence says it was deliberate."""
    words = event_words()
    if verb.lemma_.lower() not in words.collision_verbs:
        return False
    driving = subject is not None and subject.lemma_.lower() in words.vehicle_nouns
    linked = [verb.head] if verb.dep_ in ("advcl", "conj") else []
    linked += [c for c in verb.children if c.dep_ in ("advcl", "conj")]
    driving = driving or any(t.lemma_.lower() in words.driving_verbs for t in linked)
    return driving and not any(t.lemma_.lower() in words.ramming_words for t in verb.sent)


def _past(verb: Token) -> bool:
    """A clause in the past tense with no modal ("had been displaced", "fired", "has killed")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" or a.lemma_.lower() == "have" for a in auxes)


_POLARITY_POS = {"NOUN": "NOUN", "PROPN": "NOUN", "ADJ": "ADJ", "VERB": "VERB", "ADV": "ADV"}
_LABEL_DEPS = {"amod", "advmod", "acomp", "compound", "conj", "appos"}


def predicate_polarity(pred: Token) -> str:
    """`negative` when a word of the label blames ("a clear violation", "unstable" and "sick"), else
    `positive` when one praises ("a celebration of ...", "extremely fit"), else `neutral`. The label is
    the predicate's head, its modifiers and its coordinated heads, not the clauses that follow them."""
    words, todo = [], [pred]
    while todo:
        tok = todo.pop()
        words.append(tok)
        todo += [c for c in tok.children if c.dep_ in _LABEL_DEPS]
    found = {polarity(t.lemma_.lower(), _POLARITY_POS[t.pos_]) or polarity(t.lower_, _POLARITY_POS[t.pos_])
             for t in words if t.pos_ in _POLARITY_POS}
    return "negative" if "-" in found else "positive" if "+" in found else "neutral"
