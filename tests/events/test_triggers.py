"""triggers.py on hand-built docs: the lemma index, pattern constraints and the non-trigger positions."""

from __future__ import annotations

import pytest

from eventwire.events.patterns import load_lexicon
from eventwire.events.triggers import find_triggers, object_lemmas

from .handbuilt import build


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _rule(doc, lex, i):
    found = find_triggers(doc, lex)
    return found[i].pattern.id if i in found else None


def test_verb_lemma_starts_its_pattern(lex):
    # "Vostra condemned Kelmland ."
    doc = build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
                 ("Kelmland", 1, "dobj", "PROPN", "NNP", "Kelmland"), (".", 1, "punct", "PUNCT", ".", ".")])
    assert _rule(doc, lex, 1) == "accuse.disapprove"


def test_required_child_selects_the_multiword_pattern(lex):
    # "Vostra called for talks ." is a call; "Vostra called Kelmland ." is not
    call_for = build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("called", 1, "ROOT", "VERB", "VBD", "call"),
                      ("for", 1, "prep", "ADP", "IN", "for"), ("talks", 2, "pobj", "NOUN", "NNS", "talk"),
                      (".", 1, "punct", "PUNCT", ".", ".")])
    assert find_triggers(call_for, lex)[1].pattern.event == "REQUEST"


def test_object_constraint(lex):
    # "Vostra imposed sanctions ." -> SANCTION; "Vostra imposed taxes ." -> no sanction pattern
    def doc(obj, lemma):
        return build([("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), ("imposed", 1, "ROOT", "VERB", "VBD", "impose"),
                      (obj, 1, "dobj", "NOUN", "NNS", lemma), (".", 1, "punct", "PUNCT", ".", ".")])
    assert _rule(doc("sanctions", "sanction"), lex, 1) == "sanction.impose"
    assert _rule(doc("taxes", "tax"), lex, 1) != "sanction.impose"
    assert "sanction" in object_lemmas(doc("sanctions", "sanction")[1])


def test_object_without_rules_a_pattern_out_even_without_an_object_list(lex):
    # "She supported the claim ." is no SUPPORT; "She supported the president ." is
    def doc(obj, lemma):
        return build([("She", 1, "nsubj", "PRON", "PRP", "she"), ("supported", 1, "ROOT", "VERB", "VBD", "support"),
                      ("the", 3, "det", "DET", "DT", "the"), (obj, 1, "dobj", "NOUN", "NN", lemma),
                      (".", 1, "punct", "PUNCT", ".", ".")])
    assert _rule(doc("claim", "claim"), lex, 1) is None
    assert _rule(doc("president", "president"), lex, 1) == "support.endorse"


def test_attributive_participle_is_no_trigger(lex):
    # "the wounded soldiers left ." : "wounded" modifies a noun
    doc = build([("the", 2, "det", "DET", "DT", "the"), ("wounded", 2, "amod", "VERB", "VBN", "wound"),
                 ("soldiers", 3, "nsubj", "NOUN", "NNS", "soldier"), ("left", 3, "ROOT", "VERB", "VBD", "leave"),
                 (".", 3, "punct", "PUNCT", ".", ".")])
    assert 1 not in find_triggers(doc, lex)


def test_copular_attribute_noun_is_no_trigger(lex):
    # "It was an attack ." describes; "the attack" as attribute of a copula gives no event
    doc = build([("It", 1, "nsubj", "PRON", "PRP", "it"), ("was", 1, "ROOT", "AUX", "VBD", "be"),
                 ("an", 3, "det", "DET", "DT", "an"), ("attack", 1, "attr", "NOUN", "NN", "attack"),
                 (".", 1, "punct", "PUNCT", ".", ".")])
    assert 3 not in find_triggers(doc, lex)


def test_noun_trigger_as_subject(lex):
    # "The attack killed five ."
    doc = build([("The", 1, "det", "DET", "DT", "the"), ("attack", 2, "nsubj", "NOUN", "NN", "attack"),
                 ("killed", 2, "ROOT", "VERB", "VBD", "kill"), ("five", 2, "dobj", "NUM", "CD", "five"),
                 (".", 2, "punct", "PUNCT", ".", ".")])
    found = find_triggers(doc, lex)
    assert found[1].kind == "noun" and found[1].pattern.event == "ASSAULT"
    assert found[2].kind == "verb" and found[2].pattern.event == "ASSAULT"


def _verb_with(lex, lemma, text, children):
    """ "Vostra <verb> <children ...> ." with each child given as (word, dep, pos, tag, lemma)."""
    rows = [("Vostra", 1, "nsubj", "PROPN", "NNP", "Vostra"), (text, 1, "ROOT", "VERB", "VBD", lemma)]
    rows += [(w, 1, dep, pos, tag, lem) for w, dep, pos, tag, lem in children]
    return _rule(build(rows + [(".", 1, "punct", "PUNCT", ".", ".")]), lex, 1)


def test_a_verb_without_the_complement_of_its_event_sense_is_no_trigger(lex):
    # "Support declined ." is a fall; "Vostra declined the offer / to attend" is a refusal
    assert _verb_with(lex, "decline", "declined", []) is None
    assert _verb_with(lex, "decline", "declined", [("offer", "dobj", "NOUN", "NN", "offer")]) == "reject.reject"
    assert _verb_with(lex, "decline", "declined", [("attend", "xcomp", "VERB", "VB", "attend")]) == "reject.reject"


def test_a_complement_of_another_sense_rules_the_trigger_out(lex):
    # "pleaded guilty" is a plea in court; "sought to play down" is an attempt
    assert _verb_with(lex, "plead", "pleaded", [("guilty", "oprd", "ADJ", "JJ", "guilty"),
                                                ("for", "prep", "ADP", "IN", "for")]) is None
    assert _verb_with(lex, "plead", "pleaded", [("for", "prep", "ADP", "IN", "for")]) == "request.call_for"
    assert _verb_with(lex, "seek", "sought", [("play", "xcomp", "VERB", "VB", "play")]) is None
    assert _verb_with(lex, "seek", "sought", [("talks", "dobj", "NOUN", "NNS", "talk")]) == "request.urge"
    # "conceded that the talks were constructive" admits a point; "conceded defeat" yields
    assert _verb_with(lex, "concede", "conceded", [("were", "ccomp", "AUX", "VBD", "be")]) is None
    assert _verb_with(lex, "concede", "conceded", [("defeat", "dobj", "NOUN", "NN", "defeat")]) == "concede.concede"


@pytest.mark.slow
def test_appealing_to_people_without_a_plea_is_no_request(run_text):
    assert not [e for e in run_text("The senator struggles to appeal to rural voters.").events
                if e.event == "REQUEST"]
    assert [e for e in run_text("The Vostran president appealed to the rebels to lay down their arms.").events
            if e.event == "REQUEST"]
