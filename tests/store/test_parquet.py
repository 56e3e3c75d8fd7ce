"""Parquet partitions: write, merge into the database, idempotency."""

from __future__ import annotations

import pyarrow.parquet as pq
import pytest

from eventwire.errors import StoreError
from eventwire.framing.cluster import assign_clusters
from eventwire.model import Article, Cue, Entity, Event, Failure, Label, Place, Quote, RemovedLine, Speaker
from eventwire.pipeline import run_into_store
from eventwire.store import open_store
from eventwire.store.parquet import PARTITION, load_parquet, read_partitions, write_partitions


def _article(n: int, date: str | None) -> Article:
    text = f"Minister Ola Brand of Arvenia said on day {n} that talks would resume."
    article = Article(id=f"a{n}", source=f"test:a{n}", text=text, raw_text=text, raw_sha256=f"{n:064x}",
                      date=date, title=f"Talks {n}", outlet="The Tolsk Courier",
                      removed=[RemovedLine(text="Share this:", reason="boilerplate", line_no=3)],
                      meta={"language_score": 0.99})
    speaker = Speaker(text="Ola Brand", start=9, end=18, name="Ola Brand", org="Government of Arvenia", code="XAR",
                      sector="GOV")
    article.quotes = [Quote(id=f"a{n}:q0", article_id=article.id, text="talks would resume", start=len(text) - 19,
                            end=len(text) - 1, kind="indirect", cue=Cue("said", 31, 35), speaker=speaker,
                            relay=["Northgate Press"])]
    actor = Entity(entity_text="Arvenia", name="Arvenia", code="XAR", type="GPE", start=22, end=29)
    article.entities = [actor, Entity(entity_text="Ola Brand", name="Ola Brand", type="PERSON", start=9, end=18)]
    article.events = [Event(id=f"a{n}:e0", article_id=article.id, event="CONSULT", actor=[actor],
                            event_loc=Place(text="Tolsk", code="XAR", level="city"), text_info={"start": 0, "end": 9},
                            requested={"event": "CONSULT", "mode": None}, rule="test", trigger=Cue("talks", 50, 55))]
    article.labels = [Label(id=f"a{n}:l0", article_id=article.id, text="Minister", start=0, end=8, kind="descriptor",
                            actor="Ola Brand")]
    article.failures = [Failure(source=article.source, stage="framing", reason="test failure", article_id=article.id)]
    return article


def test_write_partitions_by_date(tmp_path):
    items = [_article(0, "2026-03-05"), _article(1, None), Failure(source="bad.txt", stage="ingest", reason="empty")]
    counts = write_partitions(items, str(tmp_path), "part-00000")
    assert counts["articles"] == 2 and counts["events"] == 2 and counts["failures"] == 3
    dated = tmp_path / "events" / f"{PARTITION}=2026-03-05" / "part-00000.parquet"
    assert pq.read_table(dated).column("id").to_pylist() == ["a0:e0"]
    assert (tmp_path / "articles" / f"{PARTITION}=unknown" / "part-00000.parquet").is_file()


def test_read_partitions_rebuilds_articles(tmp_path):
    originals = [_article(0, "2026-03-05"), _article(1, "2026-03-06")]
    write_partitions(originals, str(tmp_path), "part-00001")
    back = {a.id: a for a in read_partitions(str(tmp_path)) if isinstance(a, Article)}
    for article in originals:
        assert back[article.id].to_json() == article.to_json()
        assert back[article.id].failures == article.failures


def test_load_parquet_matches_direct_save_and_is_idempotent(tmp_path):
    items = [_article(0, "2026-03-05"), _article(1, None), Failure(source="bad.txt", stage="ingest", reason="empty")]
    write_partitions(items, str(tmp_path / "parts"), "part-00000")
    with open_store(str(tmp_path / "direct.duckdb")) as direct:
        run_into_store(items, direct, process=lambda stream: stream)  # the normal path, clustering included
        expected = {a: direct.load_article(a).to_json() for a in ("a0", "a1")}
    with open_store(str(tmp_path / "loaded.duckdb")) as store:
        first = load_parquet(store, str(tmp_path / "parts"), cluster=assign_clusters)
        assert first["new"] == 2 and first["failures"] == 3
        assert {a: store.load_article(a).to_json() for a in ("a0", "a1")} == expected
        again = load_parquet(store, str(tmp_path / "parts"), cluster=assign_clusters)
        assert again["new"] == 0 and again["unchanged"] == 2
        assert store.counts()["articles"] == 2 and store.counts()["events"] == 2


def test_load_parquet_without_partitions_names_folder(tmp_path):
    with open_store(":memory:") as store, pytest.raises(StoreError, match="no Parquet partitions"):
        load_parquet(store, str(tmp_path))


def test_write_partitions_article_without_records(tmp_path):
    bare = Article(id="b0", source="test:b0", text="No events here.", raw_text="No events here.", date="2026-03-07")
    counts = write_partitions([bare], str(tmp_path), "part-00002")
    assert counts["articles"] == 1 and counts["events"] == 0
    (back,) = read_partitions(str(tmp_path))
    assert back.to_json() == bare.to_json()
