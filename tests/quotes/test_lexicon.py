"""The validating loader for quotes/data/*.yaml (eventwire/quotes/lexicon.py)."""

from __future__ import annotations

import shutil

import pytest

from eventwire.errors import DataFileError
from eventwire.quotes.lexicon import DATA_DIR, load_lexicon


def test_load_lexicon_shipped_files():
    lex = load_lexicon()
    assert lex.verbs["say"] == "speech"
    assert lex.verbs["believe"] == "belief"
    assert ("according", "to") in lex.source_prepositions
    assert lex.pronouns["he"] == "person" and lex.pronouns["they"] == "group"
    assert "translation" in lex.relay_nouns and "report" in lex.relay_verbs


@pytest.fixture
def data_copy(tmp_path):
    for name in ("speech_verbs.yaml", "cues.yaml", "references.yaml"):
        shutil.copy(DATA_DIR / name, tmp_path / name)
    shutil.copytree(DATA_DIR / "verbnet", tmp_path / "verbnet")
    return tmp_path


def test_load_lexicon_duplicate_names_file_and_key(data_copy):
    path = data_copy / "speech_verbs.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("speech:\n", "speech:\n  - say\n", 1), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_lexicon(data_copy)
    assert "speech_verbs.yaml" in str(err.value) and "[speech]" in str(err.value) and "twice" in str(err.value)


def test_load_lexicon_unknown_category(data_copy):
    path = data_copy / "speech_verbs.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "gossip:\n  - natter\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="unknown categories"):
        load_lexicon(data_copy)


def test_load_lexicon_bad_pronoun_kind(data_copy):
    path = data_copy / "references.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("he: person", "he: animal"), encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_lexicon(data_copy)
    assert "references.yaml [pronouns]" in str(err.value)


def test_load_lexicon_invalid_yaml(data_copy):
    (data_copy / "cues.yaml").write_text("source_prepositions: [according to\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="cues.yaml: is not valid YAML"):
        load_lexicon(data_copy)


def test_load_lexicon_bad_act_line_names_file_and_line(data_copy):
    path = data_copy / "verbnet" / "cue_acts.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "gossip\tchatter\tno\t-\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_lexicon(data_copy)
    assert "cue_acts.tsv" in str(err.value) and "line" in str(err.value)


def test_act_table_is_derived_from_verbnet_classes():
    lex = load_lexicon()
    assert lex.acts["say"] == "speech" and lex.acts["warn"] == "speech" and lex.acts["accuse"] == "speech"
    assert lex.acts["believe"] == "belief" and lex.acts["think"] == "belief" and lex.acts["find"] == "belief"
    assert lex.acts["plan"] == "intention" and lex.acts["want"] == "intention" and lex.acts["hope"] == "intention"
    assert lex.acts["show"] == "perception" and lex.acts["see"] == "perception"
    assert (DATA_DIR / "verbnet" / "LICENSE").is_file()
