"""The example corpus end to end: pipeline -> DuckDB store -> clusters, duplicates and the outlet report."""

from __future__ import annotations

import pytest

from eventwire.framing.cluster import assign_clusters, cluster_summary
from eventwire.framing.report import outlet_report
from eventwire.store import open_store

STRIKES = ("02_kelm_strikes_tolsk_courier", "03_kelm_strikes_vostra_today")  # one raid, two outlets
ORIGINAL, COPY = "06_prisoner_exchange_northgate", "callis-herald-2026-03-13-exchange"


@pytest.fixture(scope="module")
def store(example_articles, tmp_path_factory):
    with open_store(str(tmp_path_factory.mktemp("ex") / "ex.duckdb")) as st:
        for article in example_articles:
            st.save(article)
        st.summary = assign_clusters(st)
        yield st


def test_examples_same_event_from_two_outlets_share_a_cluster(store):
    by_article: dict[str, set[str]] = {}
    for row in store.iter_events(event="ASSAULT"):
        by_article.setdefault(row["article_id"], set()).add(row["cluster_id"])
    shared = by_article[STRIKES[0]] & by_article[STRIKES[1]]
    assert shared
    summaries = [cluster_summary(store, cid) for cid in shared]
    both = [s for s in summaries if {"The Tolsk Courier", "Vostra Today"} <= set(s["outlets"])]
    assert both
    # the variants show the two casualty figures side by side
    numbers: dict[str, list[str]] = {}
    for s in both:
        for outlet, nums in s["variants"]["numbers"].items():
            numbers.setdefault(outlet, []).extend(nums)
    assert any("twelve" in n for n in numbers["The Tolsk Courier"])
    assert any("nineteen" in n for n in numbers["Vostra Today"])
    assert all(s["first_report"]["date"] <= "2026-03-05" for s in both)


def test_examples_syndicated_copy_is_linked_not_counted(store):
    assert store.summary["duplicates"] == {COPY: ORIGINAL}
    assert store.load_article(COPY).duplicate_of == ORIGINAL
    report = outlet_report(store)
    herald = report["outlets"]["The Callis Herald"]
    assert herald["republished"] == [{"article_id": COPY, "duplicate_of": ORIGINAL}]
    assert COPY not in herald["articles"]
    for cid in herald["clusters_covered"]:
        assert "The Callis Herald" in cluster_summary(store, cid)["outlets"]


def test_examples_outlet_report_labels_per_outlet(store):
    outlets = outlet_report(store)["outlets"]
    courier = outlets["The Tolsk Courier"]["labels"]["Maren Liberation Front"]
    vostra = outlets["Vostra Today"]["labels"]["Maren Liberation Front"]
    assert {r["text"] for r in courier} >= {"armed group", "separatist militant group"}
    assert {r["text"] for r in vostra} == {"resistance movement"}
    patriot = outlets["Arvenian Patriot"]
    assert patriot["loaded"]["per_1000_words"] > outlets["The Callis Herald"]["loaded"]["per_1000_words"]
    herald = outlets["The Callis Herald"]["loaded"]
    assert patriot["loaded"]["strength_per_1000_words"] > herald["strength_per_1000_words"]
    strengths = [v["strength"] for v in patriot["loaded"]["terms"].values()]
    assert strengths == sorted(strengths, reverse=True)  # ranked by strength
