"""Tests for eventwire/actors/dictionary.py and loader.py."""

from __future__ import annotations

import pytest

from eventwire.actors.dictionary import build_dictionary, load_dictionary, norm
from eventwire.actors.loader import load_file
from eventwire.errors import DataFileError


def test_load_dictionary_covers_every_un_member_adjective():
    d = load_dictionary()
    for adjective, code in [("Iranian", "IRN"), ("Pakistani", "PAK"), ("Egyptian", "EGY"), ("Filipino", "PHL"),
                            ("Ivorian", "CIV"), ("Palestinian", "PSE"), ("Kosovar", "KOS")]:
        assert d.country_code(adjective) == (code, "adjective")
    assert len({c for c in d.adjectives.values()}) >= 190


def test_load_dictionary_capital_is_metonym():
    d = load_dictionary()
    assert d.country_code("Tehran") == ("IRN", "capital")
    assert d.country_code("Jerusalem") == ("ISR", "capital")


def test_load_dictionary_short_names():
    d = load_dictionary()
    for name in ("U.S.", "the United States", "America", "Britain", "UK"):
        assert d.country_code(name)[0] in ("USA", "GBR"), name


def test_actor_at_applies_dated_role():
    d = load_dictionary()
    assert d.find_actor("Ismail Haniyeh", "2006-05-01").sector == "GOV"
    assert d.find_actor("Ismail Haniyeh", "2024-01-10").org == "Hamas"
    assert d.find_actor("Haniyeh", None).org == "Hamas"


def test_norm_strips_article_and_possessive():
    assert norm("the Israeli army’s") == "israeli army"


def test_load_file_names_file_and_key_on_bad_sector(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {name: Dorn, type: PERSON, sector: XYZ}\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_file(bad)
    assert "bad.yaml" in str(err.value) and "actors[0].sector" in str(err.value)


def test_load_file_rejects_unknown_field(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("actors:\n  - {name: Dorn, type: PERSON, colour: red}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"actors\[0\].*colour"):
        load_file(bad)


def test_load_file_reads_tsv(tmp_path):
    tsv = tmp_path / "extra.tsv"
    tsv.write_text("name\ttype\tcode\tsector\taliases\nVostran Guard\tORG\tXVO\tMIL\tthe Guard|VG\n",
                   encoding="utf-8")
    (entry,) = load_file(tsv)["actors"]
    assert entry["aliases"] == ["the Guard", "VG"] and entry["code"] == "XVO"


def test_build_dictionary_later_file_wins(tmp_path):
    from eventwire.actors.dictionary import DATA_DIR, SHIPPED_FILES

    extra = tmp_path / "mine.yaml"
    extra.write_text("actors:\n  - {name: Hamas, type: ORG, code: XAR, sector: GOV}\n", encoding="utf-8")
    d = build_dictionary([DATA_DIR / f for f in SHIPPED_FILES] + [extra])
    assert d.find_actor("Hamas").code == "XAR"
    assert d.find_actor("Islamic Resistance Movement") is None  # the old entry and its aliases are replaced


def test_shipped_ruler_patterns_have_multiword_person_names_only():
    d = load_dictionary()
    person = [p["pattern"] for p in d.patterns if p["label"] == "PERSON"]
    assert "Bassem Naim" in person and "Naim" not in person
