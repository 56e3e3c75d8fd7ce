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
