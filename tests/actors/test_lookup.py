"""Tests for `lookup` (eventwire actors lookup) and `suggest` (eventwire actors suggest)."""

from __future__ import annotations

import pytest

from eventwire.actors import lookup, suggest
from eventwire.settings import Settings


def test_lookup_alias_case_insensitive():
    (rec, *_) = lookup("qassam brigades")
    assert (rec["name"], rec["code"], rec["sector"]) == ("Izz ad-Din al-Qassam Brigades", "PSE", "REB")
    assert rec["match"] == "exact"


@pytest.mark.parametrize(("name", "sector"), [
    ("Justice Department", "GOV"), ("Homeland Security Department", "GOV"), ("Secret Service", "COP"),
    ("EPA", "GOV"), ("National Security Council", "GOV"),
])
def test_us_federal_bodies_as_news_names_them(name, sector):
    (first, *_) = lookup(name)
    assert (first["code"], first["sector"]) == ("USA", sector)
    assert first["match"] == "exact"


def test_lookup_country_adjective():
    recs = lookup("Egyptian")
    assert recs[0]["code"] == "EGY" and recs[0]["type"] == "GPE"


def test_lookup_fuzzy_spelling():
    recs = lookup("Hizbolah")
    assert recs and recs[0]["name"] == "Hezbollah" and recs[0]["match"] == "fuzzy"


def test_lookup_unknown_returns_empty():
    assert lookup("zzqqxx nonexistent") == []


def test_lookup_reads_user_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("actors:\n  - {name: Ilya Dorn, type: PERSON, code: XVO, sector: MIL}\n", encoding="utf-8")
    assert lookup("ilya dorn", Settings(actor_files=[path]))[0]["code"] == "XVO"


def _row(article_id: str, text: str, name: str, code: str | None, sector: str | None, org: str | None) -> dict:
    return {"article_id": article_id, "entity_text": text, "name": name, "code": code, "sector": sector, "org": org}


def test_suggest_aggregates_text_affiliations():
    rows = [_row("a1", "Ilya Dorn", "Ilya Dorn", "XVO", "MIL", "Military of Vostra"),
            _row("a1", "Dorn", "Ilya Dorn", "XVO", "MIL", "Military of Vostra"),
            _row("a2", "Ilya Dorn", "Ilya Dorn", "XVO", "MIL", "Military of Vostra"),
            _row("a2", "Khaled Mashal", "Khaled Mashal", "PSE", "REB", "Hamas")]  # in the dictionary: left out
    entries = suggest(rows)
    assert entries == [{"name": "Ilya Dorn", "type": "PERSON", "org": "Military of Vostra", "code": "XVO",
                        "sector": "MIL", "aliases": ["Dorn"], "articles": 2}]
    assert suggest(rows, min_articles=3) == []


def test_suggest_from_the_stores_text_derived_people(tmp_path):
    from eventwire.model import Article, Entity
    from eventwire.store import open_store

    article = Article(id="a9", source="test", raw_sha256="x",
                      text="A Vostran army spokesman, Ilya Dorn, said. Mara Veld",
                      entities=[Entity("Ilya Dorn", name="Ilya Dorn", code="XVO", sector="MIL", type="PERSON",
                                       org="Military of Vostra", start=26, end=35, source="apposition"),
                                Entity("Mara Veld", name="Mara Veld", type="PERSON", start=43, end=52,
                                       source="spacy")])
    with open_store(str(tmp_path / "t.duckdb")) as store:
        store.save(article)
        rows = store.text_derived_people()
    assert [(r["name"], r["article_id"]) for r in rows] == [("Ilya Dorn", "a9")]
    assert [(e["name"], e["code"], e["articles"]) for e in suggest(rows)] == [("Ilya Dorn", "XVO", 1)]
