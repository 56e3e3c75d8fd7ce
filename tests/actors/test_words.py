"""The actors stage's word classes (`actors/data/words.yaml`) load into one typed object."""

from __future__ import annotations

import dataclasses

import pytest

from eventwire.actors.dictionary import load_dictionary
from eventwire.actors.words import WORDS_FILE, ActorWords, default_words, load_words
from eventwire.datafiles import read_yaml
from eventwire.errors import DataFileError


def test_every_list_is_loaded_and_lower_case():
    words = default_words()
    for f in dataclasses.fields(ActorWords):
        value = getattr(words, f.name)
        assert value and all(w == w.lower() for w in value), f.name
    assert "on" in words.date_lead_words  # a YAML keyword, read as the word


def test_person_titles_and_body_heads_are_institution_nouns():
    """The title lists only say which institution nouns are titles; the sector stays in institutions.yaml."""
    d = load_dictionary()
    words = default_words()
    missing = sorted(w for w in words.person_titles | words.body_heads if (w,) not in d.institutions)
    assert not missing, f"not in institutions.yaml: {missing}"


def test_missing_list_names_file_and_key(tmp_path):
    data = read_yaml(WORDS_FILE)
    del data["honorifics"]
    path = tmp_path / "words.yaml"
    path.write_text("\n".join(f"{k}: {v!r}" for k, v in data.items()), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"words.yaml \[honorifics\]: missing required key"):
        load_words(path)


def test_target_prepositions_read_as_words():
    """The prepositions of a party acted upon live in words.yaml ("on" is a YAML keyword)."""
    words = default_words()
    assert {"against", "on", "with"} <= words.target_prepositions
    assert "in" not in words.target_prepositions  # "in Zambia" places the story
