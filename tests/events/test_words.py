"""The events stage's word classes (`events/data/words.yaml`) load into one typed object."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.datafiles import read_yaml
from eventwire.errors import DataFileError
from eventwire.events.words import WORDS_FILE, EventWords, default_words, load_words


def test_every_list_is_loaded_and_lower_case():
    words = default_words()
    for f in dataclasses.fields(EventWords):
        value = getattr(words, f.name)
        assert value and all(w == w.lower() for w in value), f.name
    assert "on" in words.event_place_prepositions  # a YAML keyword, read as the word


def test_ordered_lists_keep_the_file_order():
    """Prepositions tried one after another prefer the first party found: the order is the file's."""
    data = read_yaml(WORDS_FILE)
    words = default_words()
    for f in dataclasses.fields(EventWords):
        if str(f.type).startswith("tuple"):
            assert list(getattr(words, f.name)) == [str(w).lower() for w in data[f.name]], f.name


def test_missing_list_names_file_and_key(tmp_path):
    data = read_yaml(WORDS_FILE)
    del data["member_words"]
    path = tmp_path / "words.yaml"
    path.write_text("\n".join(f"{k}: {v!r}" for k, v in data.items()), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"words.yaml \[member_words\]: missing required key"):
        load_words(path)


def test_duplicate_word_is_rejected(tmp_path):
    data = read_yaml(WORDS_FILE)
    data["imperative_openers"] = ["please", "please"]
    path = tmp_path / "words.yaml"
    path.write_text("\n".join(f"{k}: {v!r}" for k, v in data.items()), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"imperative_openers"):
        load_words(path)
