"""Tests for `lookup` (eventwire actors lookup) and `suggest` (eventwire actors suggest)."""

from __future__ import annotations

import duckdb

from eventwire.actors import lookup, suggest
from eventwire.settings import Settings


def test_lookup_alias_case_insensitive():
    (rec, *_) = lookup("qassam brigades")
    assert (rec["name"], rec["code"], rec["sector"]) == ("Izz ad-Din al-Qassam Brigades", "PSE", "REB")
    assert rec["match"] == "exact"


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


def _entities_db() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(":memory:")
    con.execute("""CREATE TABLE entities (article_id VARCHAR, idx INTEGER, entity_text VARCHAR, name VARCHAR,
                   code VARCHAR, sector VARCHAR, wikidata_id VARCHAR, type VARCHAR, org VARCHAR, "start" INTEGER,
                   "end" INTEGER, source VARCHAR)""")
    rows = [
        ("a1", 0, "Ilya Dorn", "Ilya Dorn", "XVO", "MIL", None, "PERSON", "Military of Vostra", 0, 9, "apposition"),
        ("a1", 1, "Dorn", "Ilya Dorn", "XVO", "MIL", None, "PERSON", "Military of Vostra", 20, 24, "coref"),
        ("a2", 0, "Ilya Dorn", "Ilya Dorn", "XVO", "MIL", None, "PERSON", "Military of Vostra", 0, 9, "apposition"),
        ("a2", 1, "Khaled Mashal", "Khaled Mashal", "PSE", "REB", None, "PERSON", "Hamas", 30, 43, "apposition"),
        ("a3", 0, "Mara Veld", "Mara Veld", None, None, None, "PERSON", None, 0, 9, "spacy"),
    ]
    con.executemany("INSERT INTO entities VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    return con


def test_suggest_aggregates_text_affiliations():
    entries = suggest(_entities_db())
    assert entries == [{"name": "Ilya Dorn", "type": "PERSON", "org": "Military of Vostra", "code": "XVO",
                        "sector": "MIL", "aliases": ["Dorn"], "articles": 2}]


def test_suggest_reads_the_store(tmp_path):
    from eventwire.model import Article, Entity
    from eventwire.store import open_store

    article = Article(id="a9", source="test", text="A Vostran army spokesman, Ilya Dorn, said.", raw_sha256="x",
                      entities=[Entity("Ilya Dorn", name="Ilya Dorn", code="XVO", sector="MIL", type="PERSON",
                                       org="Military of Vostra", start=26, end=35, source="apposition")])
    with open_store(str(tmp_path / "t.duckdb")) as store:
        store.save(article)
        entries = suggest(store)
    assert [(e["name"], e["code"], e["articles"]) for e in entries] == [("Ilya Dorn", "XVO", 1)]


def test_suggest_stays_a_function_after_first_use(tmp_path):
    # Regression: a lazily imported submodule named "suggest" used to replace
    # the package's suggest() after its first call, breaking `actors suggest`.
    import eventwire.actors as actors
    from eventwire.store import open_store

    store = open_store(str(tmp_path / "s.duckdb"))
    try:
        actors.suggest(store)
        assert callable(actors.suggest) and not isinstance(actors.suggest, type(actors))
    finally:
        store.close()
