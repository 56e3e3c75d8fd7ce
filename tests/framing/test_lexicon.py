"""The framing data files and their validating loader (eventwire/framing/lexicon.py)."""

from __future__ import annotations

import shutil

import pytest

from eventwire.errors import DataFileError
from eventwire.framing.lexicon import DATA_DIR, load_lexicon
from eventwire.nlp.lexicon import EVALUATIVE


def test_lexicon_shipped_files_load():
    lex = load_lexicon()
    assert lex.descriptors.heads["organization"].category == "group"
    assert lex.descriptors.heads["regime"].bare
    assert lex.descriptors.modifiers["hardline"] == "ideology"
    assert lex.loaded.loaded["genocidal"] == "evaluative"
    assert lex.loaded.evaluative[("horrible", "ADJ")][1] == "vader"
    assert "noun.act" in lex.loaded.reporting_supersenses


def test_lexicon_bad_model_weight_names_file_and_key(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "loaded.yaml"
    path.write_text(path.read_text().replace("reporting_factor: 0.3", "reporting_factor: 3"))
    with pytest.raises(DataFileError, match="reporting_factor") as exc:
        load_lexicon(tmp_path)
    assert "loaded.yaml" in str(exc.value)


def test_lexicon_bad_table_row_names_file(tmp_path):
    table = tmp_path / "evaluative.tsv"
    shutil.copy(EVALUATIVE, table)
    with table.open("a", encoding="utf-8") as fh:
        fh.write("broken\tADJ\n")
    with pytest.raises(DataFileError, match="evaluative.tsv"):
        load_lexicon(DATA_DIR, table)


@pytest.mark.parametrize("old, new, where", [
    ("{word: regime, category: state, bare: true}", "{word: regime, category: country, bare: true}", "[heads]"),
    ("{word: gang, category: group, bare: true}", "{word: gang, category: group}", "[heads]"),
])
def test_lexicon_bad_descriptor_entry_names_file_and_key(tmp_path, old, new, where):
    shutil.copytree(DATA_DIR, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "descriptors.yaml"
    path.write_text(path.read_text().replace(old, new))
    with pytest.raises(DataFileError) as exc:
        load_lexicon(tmp_path)
    assert str(path) in str(exc.value) and where in str(exc.value)


def test_lexicon_term_in_two_categories_is_refused(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "loaded.yaml"
    path.write_text(path.read_text().replace("[unprecedented,", "[unprecedented, barbaric,"))
    with pytest.raises(DataFileError, match="barbaric"):
        load_lexicon(tmp_path)


def test_lexicon_invalid_yaml_names_file(tmp_path):
    shutil.copytree(DATA_DIR, tmp_path, dirs_exist_ok=True)
    (tmp_path / "loaded.yaml").write_text("evaluative: [unclosed\n")
    with pytest.raises(DataFileError, match="loaded.yaml"):
        load_lexicon(tmp_path)
