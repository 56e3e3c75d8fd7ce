"""flags.py on hand-built docs: negation, future, hypothetical, condition, date and mode cues."""

from __future__ import annotations

import pytest

from eventwire.events import flags
from eventwire.events.patterns import load_lexicon

from .handbuilt import build


@pytest.fixture(scope="module")
def markers():
    return load_lexicon().markers


def _attack(aux: list[tuple]) -> object:
    """ "Vostra <aux...> attack Kelmland ." with the auxiliaries given as (word, dep, pos, tag, lemma)."""
    n = len(aux)
    rows = [("Vostra", n + 1, "nsubj", "PROPN", "NNP", "Vostra")]
    rows += [(w, n + 1, dep, pos, tag, lemma) for w, dep, pos, tag, lemma in aux]
    rows += [("attack", n + 1, "ROOT", "VERB", "VB", "attack"), ("Kelmland", n + 1, "dobj", "PROPN", "NNP", "Kelmland"),
             (".", n + 1, "punct", "PUNCT", ".", ".")]
    return build(rows)


def _verb(doc):
    return next(t for t in doc if t.dep_ == "ROOT")


def test_negation_word_on_the_verb(markers):
    doc = _attack([("did", "aux", "AUX", "VBD", "do"), ("not", "neg", "PART", "RB", "not")])
    assert flags.is_negated(_verb(doc), markers)


def test_a_not_after_the_verb_negates_another_phrase(markers):
    # "Vostra attack Kelmland , not ..." with the stray "not" hung on the verb by the parser
    doc = build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("attack", 1, "ROOT", "VERB", "VB", "attack"),
                 ("Kelmland", 1, "dobj", "PROPN", "NNP", "Kelmland"), (",", 1, "punct", "PUNCT", ",", ","),
                 ("not", 1, "neg", "PART", "RB", "not"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert not flags.is_negated(_verb(doc), markers)


def test_obligation_is_hypothetical_and_a_purpose_shares_it(markers):
    doc = _attack([("should", "aux", "AUX", "MD", "should")])
    assert flags.is_hypothetical(_verb(doc), markers)
    # "Vostra should sue to block it ." : the purpose "to block" is no more an act than the suing
    doc = build([("Vostra", 2, "nsubj", "PROPN", "NNP", "Vostra"), ("should", 2, "aux", "AUX", "MD", "should"),
                 ("sue", 2, "ROOT", "VERB", "VB", "sue"), ("to", 4, "aux", "PART", "TO", "to"),
                 ("block", 2, "advcl", "VERB", "VB", "block"), ("it", 4, "dobj", "PRON", "PRP", "it"),
                 (".", 2, "punct", "PUNCT", ".", ".")])
    assert flags.is_hypothetical(doc[4], markers)


def test_no_negation(markers):
    doc = _attack([("did", "aux", "AUX", "VBD", "do")])
    assert not flags.is_negated(_verb(doc), markers)


def test_future_auxiliary(markers):
    doc = _attack([("will", "aux", "AUX", "MD", "will")])
    assert flags.is_future(_verb(doc), markers)
    assert not flags.is_hypothetical(_verb(doc), markers)


def test_modal_of_possibility_is_hypothetical(markers):
    doc = _attack([("may", "aux", "AUX", "MD", "may")])
    assert flags.is_hypothetical(_verb(doc), markers)
    assert not flags.is_future(_verb(doc), markers)


def test_would_is_not_hypothetical_by_itself_but_a_would_form(markers):
    doc = _attack([("would", "aux", "AUX", "MD", "would")])
    assert not flags.is_hypothetical(_verb(doc), markers)
    assert flags.would_form(_verb(doc))


def test_negating_governor_fail_to(markers):
    # "Vostra failed to attack Kelmland ."
    doc = build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("failed", 1, "ROOT", "VERB", "VBD", "fail"),
                 ("to", 3, "aux", "PART", "TO", "to"), ("attack", 1, "xcomp", "VERB", "VB", "attack"),
                 ("Kelmland", 3, "dobj", "PROPN", "NNP", "Kelmland"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert flags.is_negated(doc[3], markers)


@pytest.mark.parametrize("verb, lemma", [("hesitate", "hesitate"), ("fail", "fail")])
def test_a_negated_negating_governor_affirms(markers, verb, lemma):
    # "Vostra did not hesitate to attack Kelmland ." / "Vostra did not fail to attack Kelmland ."
    doc = build([("Vostra", 3, "nsubj", "PROPN", "NNP", "Vostra"), ("did", 3, "aux", "AUX", "VBD", "do"),
                 ("not", 3, "neg", "PART", "RB", "not"), (verb, 3, "ROOT", "VERB", "VB", lemma),
                 ("to", 5, "aux", "PART", "TO", "to"), ("attack", 3, "xcomp", "VERB", "VB", "attack"),
                 ("Kelmland", 5, "dobj", "PROPN", "NNP", "Kelmland"), (".", 3, "punct", "PUNCT", ".", ".")])
    assert not flags.is_negated(doc[5], markers)  # the attack happened
    assert flags.is_negated(doc[3], markers)  # the hesitating did not


def test_hesitating_to_act_is_not_acting(markers):
    # "Vostra hesitated to attack Kelmland ."
    doc = build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("hesitated", 1, "ROOT", "VERB", "VBD", "hesitate"),
                 ("to", 3, "aux", "PART", "TO", "to"), ("attack", 1, "xcomp", "VERB", "VB", "attack"),
                 ("Kelmland", 3, "dobj", "PROPN", "NNP", "Kelmland"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert flags.is_negated(doc[3], markers)


def test_not_giving_up_a_demand_is_a_double_negation(markers):
    # "Vostra did not give up its demand ."
    doc = build([("Vostra", 3, "nsubj", "PROPN", "NNP", "Vostra"), ("did", 3, "aux", "AUX", "VBD", "do"),
                 ("not", 3, "neg", "PART", "RB", "not"), ("give", 3, "ROOT", "VERB", "VB", "give"),
                 ("up", 3, "prt", "ADP", "RP", "up"), ("its", 6, "poss", "PRON", "PRP$", "its"),
                 ("demand", 3, "dobj", "NOUN", "NN", "demand"), (".", 3, "punct", "PUNCT", ".", ".")])
    assert not flags.is_negated(doc[3], markers, trigger=doc[6])  # the demand stands
    assert flags.is_negated(doc[3], markers)  # the giving up itself did not happen
    assert flags.is_negated(doc[3], markers, trigger=doc[3])


def test_plans_to_is_future(markers):
    # "Vostra plans to attack Kelmland ."
    doc = build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("plans", 1, "ROOT", "VERB", "VBZ", "plan"),
                 ("to", 3, "aux", "PART", "TO", "to"), ("attack", 1, "xcomp", "VERB", "VB", "attack"),
                 ("Kelmland", 3, "dobj", "PROPN", "NNP", "Kelmland"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert flags.is_future(doc[3], markers)


def test_condition_and_threat_marks(markers):
    # "Vostra will withdraw unless Kelmland pays ."
    doc = build([("Vostra", 2, "nsubj", "PROPN", "NNP", "Vostra"), ("will", 2, "aux", "AUX", "MD", "will"),
                 ("withdraw", 2, "ROOT", "VERB", "VB", "withdraw"), ("unless", 5, "mark", "SCONJ", "IN", "unless"),
                 ("Kelmland", 5, "nsubj", "PROPN", "NNP", "Kelmland"), ("pays", 2, "advcl", "VERB", "VBZ", "pay"),
                 (".", 2, "punct", "PUNCT", ".", ".")])
    assert flags.has_condition(doc[2], markers)
    assert flags.has_condition(doc[2], markers, markers["threat_marks"])
    assert not flags.has_condition(doc[5], markers)


def test_date_phrase_attached_to_the_verb():
    # "Vostra attacked Kelmland on Monday ."
    doc = build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
                 ("Kelmland", 1, "dobj", "PROPN", "NNP", "Kelmland"), ("on", 1, "prep", "ADP", "IN", "on"),
                 ("Monday", 3, "pobj", "PROPN", "NNP", "Monday"), (".", 1, "punct", "PUNCT", ".", ".")],
                ents=[(4, 5, "DATE")])
    assert flags.date_phrase([doc[1]]).text == "Monday"
    assert flags.resolve_event_date([doc[1]], None) is None


def test_mode_and_context_cues_read_lemmas():
    doc = build([("troops", 1, "nsubj", "NOUN", "NNS", "troop"), ("shelled", 1, "ROOT", "VERB", "VBD", "shell"),
                 ("villages", 1, "dobj", "NOUN", "NNS", "village")])
    cues = [("ASSAULT", "heavy-weapons", frozenset({"shell"}))]
    assert flags.mode_from_cues("ASSAULT", doc, cues) == "heavy-weapons"
    assert flags.mode_from_cues("PROTEST", doc, cues) is None
    assert flags.contexts_for(doc[:], [("military", frozenset({"troop"})), ("economic", frozenset({"bank"}))]) == [
        "military"]


def test_infinitive_of_a_noun_is_hypothetical_unless_attempted(markers):
    # "The law gives Vostra the right to attack Kelmland ." / "... the plan to attack ..." / "... an attempt to attack"
    def doc_with(noun: str):
        return build([("The", 1, "det", "DET", "DT", "the"), ("law", 2, "nsubj", "NOUN", "NN", "law"),
                      ("gives", 2, "ROOT", "VERB", "VBZ", "give"), ("Vostra", 2, "dative", "PROPN", "NNP", "Vostra"),
                      ("the", 5, "det", "DET", "DT", "the"), (noun, 2, "dobj", "NOUN", "NN", noun),
                      ("to", 7, "aux", "PART", "TO", "to"), ("attack", 5, "acl", "VERB", "VB", "attack"),
                      ("Kelmland", 7, "dobj", "PROPN", "NNP", "Kelmland"), (".", 2, "punct", "PUNCT", ".", ".")])

    assert flags.is_hypothetical(doc_with("right")[7], markers)  # a power
    assert flags.is_hypothetical(doc_with("plan")[7], markers)  # a purpose: not yet an act
    assert not flags.is_hypothetical(doc_with("attempt")[7], markers)  # the attempt is the event


def test_infinitive_after_a_superlative_is_asserted(markers):
    # "Vostra was the first country to recognise Kelmland ."
    doc = build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("was", 1, "ROOT", "AUX", "VBD", "be"),
                 ("the", 4, "det", "DET", "DT", "the"), ("first", 4, "amod", "ADJ", "JJS", "first"),
                 ("country", 1, "attr", "NOUN", "NN", "country"), ("to", 6, "aux", "PART", "TO", "to"),
                 ("recognise", 4, "relcl", "VERB", "VB", "recognise"),
                 ("Kelmland", 6, "dobj", "PROPN", "NNP", "Kelmland"),
                 (".", 1, "punct", "PUNCT", ".", ".")])
    assert not flags.is_hypothetical(doc[6], markers)


def test_clause_under_a_denied_noun_is_hypothetical(markers):
    # "There is no chance Dorn will withdraw ." / "There is a chance Dorn will withdraw ."
    def doc_with(det: str):
        return build([("There", 1, "expl", "PRON", "EX", "there"), ("is", 1, "ROOT", "VERB", "VBZ", "be"),
                      (det, 3, "det", "DET", "DT", det), ("chance", 1, "attr", "NOUN", "NN", "chance"),
                      ("Dorn", 6, "nsubj", "PROPN", "NNP", "Dorn"), ("will", 6, "aux", "AUX", "MD", "will"),
                      ("withdraw", 3, "relcl", "VERB", "VB", "withdraw"), (".", 1, "punct", "PUNCT", ".", ".")])

    assert flags.is_hypothetical(doc_with("no")[6], markers)
    assert not flags.is_hypothetical(doc_with("a")[6], markers)


def test_a_noun_event_takes_the_mood_of_its_verb():
    # "Dorn could call a meeting ."
    doc = build([("Dorn", 2, "nsubj", "PROPN", "NNP", "Dorn"), ("could", 2, "aux", "AUX", "MD", "could"),
                 ("call", 2, "ROOT", "VERB", "VB", "call"), ("a", 4, "det", "DET", "DT", "a"),
                 ("meeting", 2, "dobj", "NOUN", "NN", "meeting"), (".", 2, "punct", "PUNCT", ".", ".")])
    assert flags.mood_verb(doc[4]).i == 2
    assert flags.mood_verb(doc[2]).i == 2


def test_supposition_opener_makes_its_clause_hypothetical(markers):
    # "Suppose Vostra attacked Kelmland ." / "Say Vostra attacked Kelmland ." (the parser's "Say" as aux)
    root = build([("Suppose", 0, "ROOT", "VERB", "VB", "suppose"), ("Vostra", 2, "nsubj", "PROPN", "NNP", "Vostra"),
                  ("attacked", 0, "ccomp", "VERB", "VBD", "attack"),
                  ("Kelmland", 2, "dobj", "PROPN", "NNP", "Kelmland"), (".", 0, "punct", "PUNCT", ".", ".")])
    assert flags.is_hypothetical(root[2], markers)
    aux = build([("Say", 2, "aux", "VERB", "VB", "say"), ("Vostra", 2, "nsubj", "PROPN", "NNP", "Vostra"),
                 ("attacked", 2, "ROOT", "VERB", "VBD", "attack"), ("Kelmland", 2, "dobj", "PROPN", "NNP", "Kelmland"),
                 (".", 2, "punct", "PUNCT", ".", ".")])
    assert flags.is_hypothetical(aux[2], markers)
    # after a sentence the parser may read "Say" as a dangling name
    dangling = build([("Say", 2, "dep", "PROPN", "NNP", "Say"), ("Vostra", 2, "nsubj", "PROPN", "NNP", "Vostra"),
                      ("attacked", 2, "ROOT", "VERB", "VBD", "attack"),
                      ("Kelmland", 2, "dobj", "PROPN", "NNP", "Kelmland"), (".", 2, "punct", "PUNCT", ".", ".")])
    assert flags.is_hypothetical(dangling[2], markers)
    told = build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
                  ("Kelmland", 1, "dobj", "PROPN", "NNP", "Kelmland"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert not flags.is_hypothetical(told[1], markers)


def test_a_subject_that_says_no_one_negates(markers):
    for rows in ([("No", 1, "det", "DET", "DT", "no"), ("one", 2, "nsubj", "NOUN", "NN", "one")],
                 [("Nobody", 1, "nsubj", "PRON", "NN", "nobody")]):
        n = len(rows)
        doc = build([(w, h if dep == "det" else n, dep, pos, tag, lem) for w, h, dep, pos, tag, lem in rows]
                    + [("praised", n, "ROOT", "VERB", "VBD", "praise"), ("Dorn", n, "dobj", "PROPN", "NNP", "Dorn")])
        assert flags.is_negated(_verb(doc), markers)


def test_the_place_of_another_event_does_not_place_this_one():
    # "met in the wake of the Rask shooting": the town is where the shooting was
    doc = build([("met", 0, "ROOT", "VERB", "VBD", "meet"), ("in", 0, "prep", "ADP", "IN", "in"),
                 ("the", 3, "det", "DET", "DT", "the"), ("wake", 1, "pobj", "NOUN", "NN", "wake"),
                 ("of", 3, "prep", "ADP", "IN", "of"), ("the", 7, "det", "DET", "DT", "the"),
                 ("Rask", 7, "compound", "PROPN", "NNP", "Rask"), ("shooting", 4, "pobj", "NOUN", "NN", "shooting")],
                ents=[(6, 7, "GPE")])
    assert flags.place_phrase([doc[0]]) is None
    # "killed in the battle of Rask": the battle is the event, its place is this event's place
    doc = build([("killed", 0, "ROOT", "VERB", "VBD", "kill"), ("in", 0, "prep", "ADP", "IN", "in"),
                 ("the", 3, "det", "DET", "DT", "the"), ("battle", 1, "pobj", "NOUN", "NN", "battle"),
                 ("of", 3, "prep", "ADP", "IN", "of"), ("Rask", 4, "pobj", "PROPN", "NNP", "Rask")],
                ents=[(5, 6, "GPE")])
    assert flags.place_phrase([doc[0]]).text == "the battle of Rask"


def _warned(content_aux: str | None) -> object:
    """ "Vostra warned if attacked , it <aux> respond ." with the "if" clause hung on "warned"."""
    verb = 6 if content_aux is None else 7
    rows = [("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("warned", 1, "ROOT", "VERB", "VBD", "warn"),
            ("if", 3, "mark", "SCONJ", "IN", "if"), ("attacked", 1, "advcl", "VERB", "VBN", "attack"),
            (",", 1, "punct", "PUNCT", ",", ","), ("it", verb, "nsubj", "PRON", "PRP", "it")]
    if content_aux is None:
        rows += [("responds", 1, "ccomp", "VERB", "VBZ", "respond")]
    else:
        rows += [(content_aux, verb, "aux", "AUX", "MD", content_aux), ("respond", 1, "ccomp", "VERB", "VB", "respond")]
    return build(rows + [(".", 1, "punct", "PUNCT", ".", ".")])


@pytest.mark.parametrize(("aux", "made"), [
    ("would", True),  # "warned if attacked, it would respond": the threat's terms
    (None, True),
    ("could", False),  # "warned if ..., it could lose": only possible, a forecast
    ("might", False),
])
def test_a_threat_made_carries_its_terms(markers, aux, made):
    doc = _warned(aux)
    assert flags.threat_made(_verb(doc), markers) is made
