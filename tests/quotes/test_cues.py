"""Cue finding (eventwire/quotes/cues.py) on small hand-built sentences: the cue word, its
speaker, its content, its act, and the patterns that are not cues."""

from __future__ import annotations

import pytest

from eventwire.quotes import load_lexicon
from eventwire.quotes.cues import according_content, find_cues

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _cues(nlp, lex, text: str):
    doc = nlp(text)
    return doc, find_cues(doc, lex)


def _span(doc, span) -> str | None:
    return doc[span[0]:span[1]].text if span else None


def test_said_with_that_clause_gives_speaker_and_content(nlp, lex):
    doc, cues = _cues(nlp, lex, "The minister of Orlan said that the border would stay closed.")
    cue = next(c for c in cues if doc[c.head].lemma_ == "say")
    assert _span(doc, cue.speaker) == "The minister of Orlan"
    assert _span(doc, cue.content) == "that the border would stay closed"
    assert lex.act_of(doc, cue) == "speech"


def test_relative_clause_is_not_part_of_the_speaker(nlp, lex):
    doc, cues = _cues(nlp, lex, "Ilse Varga, who leads the Karsh Front, said the talks had failed.")
    cue = next(c for c in cues if doc[c.head].lemma_ == "say")
    assert _span(doc, cue.speaker) == "Ilse Varga"


@pytest.mark.parametrize("text, verb, act", [
    ("The farmers believe that the dam will flood the valley.", "believe", "belief"),
    ("The Karsh Front plans to resume the talks next week.", "plan", "intention"),
    ("A new survey shows that most voters oppose the dam.", "show", "perception"),
    ("Edvin Marlo warned that the army would respond.", "warn", "speech"),
])
def test_act_comes_from_the_verbnet_class_of_the_cue(nlp, lex, text, verb, act):
    doc, cues = _cues(nlp, lex, text)
    cue = next(c for c in cues if doc[c.head].lemma_ == verb)
    assert lex.act_of(doc, cue) == act and cue.content is not None


def test_passive_cue_names_no_speaker(nlp, lex):
    doc, cues = _cues(nlp, lex, "The soldiers were accused of burning the granary.")
    cue = next(c for c in cues if doc[c.head].lemma_ == "accuse")
    assert cue.passive and cue.speaker is None


def test_passive_cue_with_agent_names_the_agent(nlp, lex):
    doc, cues = _cues(nlp, lex, "The soldiers were accused by the village council of burning the granary.")
    cue = next(c for c in cues if doc[c.head].lemma_ == "accuse")
    assert _span(doc, cue.speaker).startswith("the village council")


def test_clause_only_verb_with_a_plain_object_is_no_cue(nlp, lex):
    doc, cues = _cues(nlp, lex, "The army added three battalions to the northern front.")
    assert not [c for c in cues if doc[c.head].lemma_ == "add" and c.content is not None]


def test_according_to_names_the_source_and_the_clause(nlp, lex):
    doc, cues = _cues(nlp, lex, "According to the Orlan Herald, the dam will open in May.")
    cue = next(c for c in cues if c.category == "source")
    assert _span(doc, cue.speaker) == "the Orlan Herald"
    assert _span(doc, according_content(cue, doc)) == "the dam will open in May"


def test_according_to_a_translation_by_x_is_a_relay_only(nlp, lex):
    doc, cues = _cues(nlp, lex, "Marlo said the talks were over, according to a translation by the Orlan Monitor.")
    cue = next(c for c in cues if c.category == "source")
    assert cue.relay_only and _span(doc, cue.relays[0]) == "the Orlan Monitor"


def test_according_to_details_from_reports_is_a_relay_only(nlp, lex):
    doc, cues = _cues(nlp, lex, "According to the details from the Orlan reports, the envoys conveyed a warning.")
    cue = next(c for c in cues if c.category == "source")
    assert cue.relay_only and cue.speaker is None and "reports" in _span(doc, cue.relays[0])


def test_quoted_as_saying_makes_the_object_the_speaker_and_the_subject_a_relay(nlp, lex):
    doc, cues = _cues(nlp, lex, "The Orlan Herald quoted Marlo as saying that the border was closed.")
    cue = next(c for c in cues if doc[c.head].lemma_ == "quote")
    assert _span(doc, cue.speaker) == "Marlo" and _span(doc, cue.relays[0]) == "The Orlan Herald"


def test_owned_statement_noun_is_a_cue(nlp, lex):
    doc, cues = _cues(nlp, lex, "The Karsh Front's claim that the dam is unsafe angered the ministry.")
    cue = next(c for c in cues if doc[c.head].lemma_ == "claim")
    assert _span(doc, cue.speaker) == "The Karsh Front's" or "Karsh Front" in _span(doc, cue.speaker)
    assert "the dam is unsafe" in _span(doc, cue.content)


def test_subject_the_parser_hung_on_a_subordinator(nlp, lex):
    doc, cues = _cues(nlp, lex, "Police arrested forty students on Tuesday after several hundred protesters occupied "
                                "the university, days after the leader of the Karsh Front urged students to disrupt "
                                "campuses.")
    cue = next(c for c in cues if doc[c.head].lemma_ == "urge")
    assert _span(doc, cue.speaker).startswith("the leader")
