"""Relay chains: the intermediaries the text names (eventwire/quotes/extract.py, cues.py)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_relay_according_to_a_translation_by(run_text):
    text = ("Tavo Renn spoke in Orlan on Tuesday.\n"
            "“The valley is ours,” he continued, according to a translation by the Veloria Monitoring Institute.")
    q = run_text(text).quotes[-1]
    assert q.speaker.name == "Tavo Renn" and q.relay == ["Veloria Monitoring Institute"]


def test_relay_quoted_him_as_saying(run_text):
    text = ("Tavo Renn visited the border on Monday.\n"
            "“There must be a preparation on every front,” the Pellan Press Agency quoted him as saying.")
    q = run_text(text).quotes[-1]
    assert q.kind == "direct" and q.speaker.text == "him" and q.speaker.name == "Tavo Renn"
    assert q.relay == ["Pellan Press Agency"]


def test_relay_according_to_outlet_after_statement(run_text):
    q = run_text("The Karsh Front called for mass protests in Orlan, according to Drovia's Vardic TV.").quotes[0]
    assert q.speaker.text == "The Karsh Front" and q.relay == ["Drovia's Vardic TV"]


def test_relay_newspaper_reported_nested_statement(run_text):
    text = "The Drovian newspaper Daily Lantern reported that the Karsh Front said it would reject the proposal."
    (q,) = [q for q in run_text(text).quotes if q.cue.text == "said"]
    assert q.speaker.text == "the Karsh Front" and q.text == "it would reject the proposal"
    assert q.relay == ["Drovian newspaper Daily Lantern"]


def test_what_a_party_plans_according_to_an_aide_is_the_aides_statement(run_text):
    q = run_text("Edvin Marlo plans to visit Orlan on Sunday, according to a campaign aide.").quotes
    assert len(q) == 1 and q[0].speaker.text == "a campaign aide" and "Marlo plans to visit Orlan" in q[0].text


def test_a_label_before_a_colon_is_not_the_subject_of_the_headline():
    """The parser sometimes takes a live blog's series label ("The Latest:") for the subject."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from eventwire.quotes import load_lexicon
    from eventwire.quotes.cues import _subject

    words = ["The", "Latest", ":", "Marlo", "urges", "farmers", "to", "vote", "."]
    heads = [1, 4, 4, 4, 4, 4, 7, 4, 4]
    deps = ["det", "nsubj", "punct", "dep", "ROOT", "dobj", "aux", "xcomp", "punct"]
    pos = ["DET", "NOUN", "PUNCT", "PROPN", "VERB", "NOUN", "PART", "VERB", "PUNCT"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    assert _subject(doc[4], load_lexicon()).text == "Marlo"
