"""The outlet report on the seed corpus (../shared/corpus/seeds; skipped when absent)."""

from __future__ import annotations

import pytest

from eventwire.framing.cluster import assign_clusters
from eventwire.framing.report import format_report, outlet_report
from eventwire.ingest import read_paths
from eventwire.model import Article
from eventwire.store import open_store


@pytest.fixture(scope="module")
def seed_report(seeds_dir, pipeline, tmp_path_factory):
    items = pipeline.process(read_paths([str(seeds_dir)], pipeline.settings))
    articles = {a.id: a for a in items if isinstance(a, Article)}
    with open_store(str(tmp_path_factory.mktemp("seeds") / "s.duckdb")) as store:
        for a in articles.values():
            store.save(a)
        assign_clusters(store)
        return outlet_report(store), articles


def test_seed_report_lists_hamas_labels_with_offsets_per_outlet(seed_report):
    report, articles = seed_report
    with_hamas = {outlet: block["labels"]["Hamas"] for outlet, block in report["outlets"].items()
                  if "Hamas" in block["labels"]}
    assert len(with_hamas) >= 3, format_report(report)
    for rows in with_hamas.values():
        for r in rows:
            assert articles[r["article_id"]].text[r["start"]:r["end"]] == r["text"]
    texts = {r["text"].lower() for rows in with_hamas.values() for r in rows if r["voice"] == "writer"}
    assert any("terrorist" in t for t in texts) and any("militant" in t for t in texts), texts


def test_seed_report_separates_writer_and_quoted_labels(seed_report):
    report, _ = seed_report
    voices = {r["voice"] for block in report["outlets"].values() for rows in block["labels"].values() for r in rows}
    assert "writer" in voices and voices - {"writer"}, voices
    assert "[writer]" in format_report(report) and "[quoting " in format_report(report)


def test_seed_report_lists_scare_quotes(seed_report):
    report, articles = seed_report
    scare = [s for block in report["outlets"].values() for s in block["scare_quotes"]]
    assert len(scare) >= 3
    for s in scare:
        assert articles[s["article_id"]].text[s["start"]:s["end"]] == s["text"]
