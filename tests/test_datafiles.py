"""The shared validating loader for data files (eventwire.datafiles)."""

import pytest

from eventwire.datafiles import read_yaml, word_list
from eventwire.errors import DataFileError


def test_read_yaml_returns_mapping(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("words: [alpha, beta]\n", encoding="utf-8")
    assert read_yaml(path) == {"words": ["alpha", "beta"]}


def test_read_yaml_missing_file_names_file(tmp_path):
    with pytest.raises(DataFileError, match=r"absent.yaml: cannot be read"):
        read_yaml(tmp_path / "absent.yaml")


def test_read_yaml_invalid_yaml_names_file(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("words: [alpha\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.yaml: is not valid YAML"):
        read_yaml(path)


def test_read_yaml_rejects_list_at_top_level(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- alpha\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="expected a mapping at the top level, found list"):
        read_yaml(path)


def test_read_yaml_empty_file_only_when_allowed(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("", encoding="utf-8")
    assert read_yaml(path, empty={}) == {}
    with pytest.raises(DataFileError, match="found NoneType"):
        read_yaml(path)


def test_word_list_normalises_words():
    assert word_list("f.yaml", {"k": ["  Hard   Line ", "Quiet"]}, "k") == ["hard line", "quiet"]


@pytest.mark.parametrize(("data", "reason"), [
    ({}, r"f.yaml \[k\]: missing required key"),
    ({"k": []}, r"f.yaml \[k\]: expected a non-empty list of words"),
    ({"k": ["ok", 3]}, r"f.yaml \[k\]: entry 1 is 3, expected a non-empty string"),
    ({"k": ["Ok", "ok"]}, r"f.yaml \[k\]: entry 1 'ok' is listed twice"),
])
def test_word_list_errors_name_file_and_key(data, reason):
    with pytest.raises(DataFileError, match=reason):
        word_list("f.yaml", data, "k")
