"""The evaluative word table shared by the event coder and framing (eventwire/nlp/lexicon.py)."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.nlp.lexicon import EVALUATIVE, load_evaluative, polarity


@pytest.mark.parametrize("word, pos, expected", [
    ("farce", "NOUN", "-"), ("liar", "NOUN", "-"), ("celebration", "NOUN", "+"), ("fit", "ADJ", "+"),
    ("common", "ADJ", "0"), ("frobnicate", "VERB", None),
])
def test_polarity_from_vader_and_wordnet(word, pos, expected):
    assert polarity(word, pos) == expected


def test_bad_row_names_the_file(tmp_path):
    table = tmp_path / "evaluative.tsv"
    table.write_text(EVALUATIVE.read_text(encoding="utf-8") + "broken\tADJ\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="evaluative.tsv"):
        load_evaluative(table)
