"""nlp: the pipeline loads with the lemma corrections of nlp/data/lemma_exceptions.yaml."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.nlp import add_lemma_exceptions, load_nlp
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


@pytest.fixture(scope="module")
def nlp():
    return load_nlp(Pipeline(Settings()))


def test_light_verbs_get_their_lemma(nlp):
    doc = nlp("Students staged a sit-in while the rebels waged war and police cordoned off the square.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["staged"], lemmas["waged"], lemmas["cordoned"]) == ("stage", "wage", "cordon")


def test_noun_forms_keep_their_own_lemma(nlp):
    doc = nlp("Wages fell while the stages were built.")
    assert {t.text: t.lemma_ for t in doc}["stages"] == "stage"
    assert doc[0].lemma_.lower() == "wage"


def test_malformed_file_is_refused(nlp, tmp_path):
    bad = tmp_path / "lemmas.yaml"
    bad.write_text("adverb:\n  quickly: quick\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="lemmas.yaml"):
        add_lemma_exceptions(nlp, bad)
