"""Speaker resolution (eventwire/quotes/speakers.py): names, organisations, short references."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_speaker_surname_resolves_to_full_name(run_text):
    text = ("Karsh Front spokesman Edvin Marlo arrived in Orlan on Monday.\n"
            "“We will not sign,” Marlo said.")
    q = run_text(text).quotes[-1]
    assert q.speaker.text == "Marlo" and q.speaker.name == "Edvin Marlo"


def test_speaker_apposition_gives_organisation(run_text):
    q = run_text("“We will not sign this text,” a Karsh Front spokesman, Edvin Marlo, told the Orlan Herald.").quotes[0]
    assert q.speaker.name == "Edvin Marlo" and q.speaker.org == "Karsh Front"


def test_speaker_the_group_resolves_to_organisation(run_text):
    text = ("The Karsh Front rejected the border proposal on Monday.\n"
            "The group said that the proposal ignored the farmers of the valley.")
    q = run_text(text).quotes[-1]
    assert q.speaker.text == "The group" and q.speaker.name == "Karsh Front"


def test_speaker_offsets_point_at_the_mention(run_text):
    article = run_text("“Enough,” said Ilse Varga.")
    sp = article.quotes[0].speaker
    assert article.text[sp.start:sp.end] == sp.text == "Ilse Varga"



def test_pronoun_inside_the_same_partys_statement_shows_the_named_mention(run_text):
    text = "Senator Edvin Marlo said he did not believe the tariffs would help the farmers of Orlan."
    article = run_text(text)
    inner = next(q for q in article.quotes if q.cue is not None and q.cue.text == "believe")
    assert inner.speaker.name == "Edvin Marlo" and inner.speaker.via == "pronoun"
    assert article.text[inner.speaker.start:inner.speaker.end] == inner.speaker.text == "Senator Edvin Marlo"


def test_pronoun_in_a_second_coordinated_statement_keeps_its_own_mention(run_text):
    text = "Edvin Marlo agreed that the rules should change, but he said the vote should wait until March."
    q = next(q for q in run_text(text).quotes if "vote should wait" in q.text)
    assert q.speaker.text == "he" and q.speaker.name == "Edvin Marlo"


def test_who_issued_a_statement_speaks_through_it(run_text):
    text = ("After the meeting, the Karsh Front issued a statement calling the vote "
            "“a farce that nobody in Orlan accepts.”")
    q = run_text(text).quotes[0]
    assert q.speaker.text == "the Karsh Front" and q.speaker.name == "Karsh Front"


def test_speech_a_person_delivered_is_theirs(run_text):
    text = ("The tariffs would fall by half over two years, according to a speech Edvin Marlo delivered "
            "in Orlan last week.")
    q = run_text(text).quotes[0]
    assert q.speaker.text == "Edvin Marlo"


def test_time_stamp_line_above_a_sentence_is_not_its_speaker():
    """The parser sometimes takes a live blog's time stamp line as a second subject of the verb."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.quotes import load_lexicon
    from eventwire.quotes.cues import _subject

    words = ["12:15", "p.m.", "\n\n", "Edvin", "Marlo", "says", "talks", "failed", "."]
    heads = [1, 5, 1, 4, 5, 5, 7, 5, 5]
    deps = ["nummod", "nsubj", "dep", "compound", "nsubj", "ROOT", "nsubj", "ccomp", "punct"]
    spaces = [True, False, False, True, True, True, True, False, False]
    doc = Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps)
    assert _subject(doc[5], load_lexicon()).text == "Marlo"


def _doc(words, heads, deps, pos, tags=None):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags)


def test_a_participle_after_a_named_object_is_said_by_that_person():
    """ "The ad shows Ilse Varga asking ...": Varga asks, not the ad."""
    from eventwire.quotes import load_lexicon
    from eventwire.quotes.cues import _subject

    doc = _doc(["The", "ad", "shows", "Ilse", "Varga", "asking", "a", "question", "."],
               [1, 2, 2, 4, 2, 2, 7, 5, 2],
               ["det", "nsubj", "ROOT", "compound", "dobj", "xcomp", "det", "dobj", "punct"],
               ["DET", "NOUN", "VERB", "PROPN", "PROPN", "VERB", "DET", "NOUN", "PUNCT"],
               ["DT", "NN", "VBZ", "NNP", "NNP", "VBG", "DT", "NN", "."])
    assert _subject(doc[5], load_lexicon()).text == "Varga"


def test_a_main_verb_without_a_parsed_subject_takes_the_name_before_its_apposition():
    from eventwire.quotes import load_lexicon
    from eventwire.quotes.cues import _subject

    words = ["Ilse", "Varga", ",", "the", "head", "of", "the", "Union", ",", "told", "reporters", "that", "it",
             "failed", "."]
    heads = [1, 9, 1, 4, 1, 4, 7, 5, 9, 9, 9, 13, 13, 9, 9]
    deps = ["compound", "dep", "punct", "det", "appos", "prep", "det", "pobj", "punct", "ROOT", "dobj", "mark",
            "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "VERB", "NOUN", "SCONJ",
           "PRON", "VERB", "PUNCT"]
    tags = ["NNP", "NNP", ",", "DT", "NN", "IN", "DT", "NNP", ",", "VBD", "NNS", "IN", "PRP", "VBD", "."]
    doc = _doc(words, heads, deps, pos, tags)
    assert _subject(doc[9], load_lexicon()).text == "Varga"


def test_a_quoted_programme_title_is_neither_a_statement_nor_a_speaker(run_text):
    text = ("“We will not sign this text,” Edvin Marlo, a Karsh Front leader, said on Monday on "
            "Orlan Radio’s “Morning Edition.”")
    quotes = run_text(text).quotes
    assert [q.text for q in quotes] == ["We will not sign this text"]
    assert quotes[0].speaker.name == "Edvin Marlo"


def test_a_participle_hung_on_a_verb_inside_a_quote_keeps_the_clause_before_it():
    """ "Marlo said, suggesting a question: “Do you think so?”": Marlo suggests, not "you"."""
    from eventwire.quotes import load_lexicon
    from eventwire.quotes.cues import _subject

    words = ["Marlo", "said", ",", "suggesting", "questions", ",", "“", "do", "you", "think", "so", "?", "”"]
    heads = [1, 1, 1, 9, 3, 3, 9, 9, 9, 1, 9, 9, 9]
    deps = ["nsubj", "ROOT", "punct", "advcl", "dobj", "punct", "punct", "aux", "nsubj", "ccomp", "advmod",
            "punct", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "VERB", "NOUN", "PUNCT", "PUNCT", "AUX", "PRON", "VERB", "ADV", "PUNCT",
           "PUNCT"]
    tags = ["NNP", "VBD", ",", "VBG", "NNS", ",", "``", "VBP", "PRP", "VB", "RB", ".", "''"]
    doc = _doc(words, heads, deps, pos, tags)
    assert _subject(doc[3], load_lexicon()).text == "Marlo"
