"""Outlet names from URLs and text (eventwire/ingest/outlets.py, data/outlets.yaml)."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.ingest.outlets import default_outlets, load_outlets, name_key


def test_from_url_known_domain_and_subdomain():
    outlets = default_outlets()
    assert outlets.from_url("https://www.algemeiner.com/2024/03/20/story/") == "The Algemeiner"
    assert outlets.from_url("https://edition.cnn.com/world") == "CNN"


def test_from_url_unknown_domain_is_prettified():
    outlets = default_outlets()
    assert outlets.from_url("https://www.tolsk-courier.example/news/1") == "Tolsk Courier"
    assert outlets.from_url("https://news.keldherald.co.uk/a") == "Keldherald"
    assert outlets.from_url("https://www.tolsk-courier.example/", prettify=False) is None
    assert outlets.from_url(None) is None


def test_canonical_ignores_case_article_punctuation_and_plural():
    outlets = default_outlets()
    assert outlets.canonical("Zero Hedges") == "Zero Hedge"
    assert outlets.canonical("the algemeiner") == "The Algemeiner"
    assert outlets.canonical("AP") == "Associated Press"
    assert outlets.canonical("  The   Keld Herald. ") == "The Keld Herald"  # unknown: tidied, kept
    assert outlets.canonical("") is None


def test_name_key_examples():
    assert name_key("The Zero Hedges") == name_key("zero-hedge") == "zerohedge"


def test_load_outlets_error_names_file_and_entry(tmp_path):
    bad = tmp_path / "outlets.yaml"
    bad.write_text("outlets:\n  - {name: Meridian Wire, domains: meridian.example}\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"outlets\[0\] \(Meridian Wire\).*domains"):
        load_outlets(bad)


def test_load_outlets_custom_file(tmp_path):
    path = tmp_path / "outlets.yaml"
    path.write_text("outlets:\n  - {name: Meridian Wire, domains: [meridian.example], variants: [MW]}\n",
                    encoding="utf-8")
    table = load_outlets(path)
    assert table.from_url("https://meridian.example/x") == "Meridian Wire"
    assert table.canonical("MW") == table.canonical("Meridian Wires") == "Meridian Wire"
