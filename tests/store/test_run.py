"""store.run: ingested items -> processing -> store, with a summary and logged failures."""

from __future__ import annotations

import pytest

from eventwire.model import Failure
from eventwire.store.run import run


def passthrough():
    """Stands in for the pipeline: the hand-built articles already carry their records."""
    processed = []

    def process(stream):
        for item in stream:
            processed.append(item.id if not isinstance(item, Failure) else item.source)
            yield item

    return process, processed


@pytest.fixture
def items(build):
    """A fresh copy of the same input each call: three articles (one with a stage failure) and a bad file."""
    return lambda: _items(build)


def _items(build):
    broken = build(id="vostra-3", text="Kelmish fighters crossed the border.")
    broken.failures.append(Failure(source=broken.source, stage="events", reason="ValueError: boom",
                                   article_id=broken.id))
    return [build(), Failure(source="in/blob.bin", stage="ingest", reason="binary file"),
            build(id="vostra-2", text="Vostra and Kelmia held talks."), broken]


def test_run_counts_and_stores(store, items):
    process, _ = passthrough()
    summary = run(items(), store, process=process, args={"paths": ["in"]})
    assert (summary.read, summary.new, summary.changed, summary.unchanged) == (3, 3, 0, 0)
    assert (summary.quotes, summary.events, summary.labels, summary.entities) == (1, 2, 1, 3)
    assert [f.source for f in summary.failures] == ["in/blob.bin", "fixtures/vostra-3.txt"]
    stored = store.failures(summary.run_id)
    assert [(f["stage"], f["article_id"]) for f in stored] == [("ingest", None), ("events", "vostra-3")]
    (run_row,) = store.rows("runs")
    assert '"new": 3' in run_row["counts"] and run_row["finished"] is not None


def test_run_twice_adds_nothing_and_skips_processing(store, items):
    process, _ = passthrough()
    run(items(), store, process=process)
    before = {k: v for k, v in store.counts().items() if k not in ("runs", "failures")}
    process, processed = passthrough()
    summary = run(items(), store, process=process)
    assert (summary.read, summary.new, summary.unchanged) == (3, 0, 3)
    assert processed == ["in/blob.bin"]  # stored articles are not parsed again
    assert {k: v for k, v in store.counts().items() if k not in ("runs", "failures")} == before


def test_run_changed_article_is_replaced(store, build, items):
    process, _ = passthrough()
    run(items(), store, process=process)
    edited = build(id="vostra-2", text="Vostra and Kelmia broke off talks.")
    summary = run([edited], store, process=process)
    assert (summary.read, summary.changed) == (1, 1)
    assert store.load_article("vostra-2").text == edited.text


def test_run_same_id_twice_in_one_input(store, build):
    process, _ = passthrough()
    summary = run([build(), build()], store, process=process)
    assert (summary.read, summary.new, summary.unchanged) == (2, 1, 1)


def test_run_reports_progress_per_article(store, items):
    process, _ = passthrough()
    seen = []
    run(items(), store, process=process, on_article=lambda a: seen.append(a.id))
    assert seen == ["vostra-1", "vostra-2", "vostra-3"]


def test_run_aborted_keeps_processed_articles_and_logs_run(store, items):
    from eventwire.errors import PipelineError

    def process(stream):
        for item in stream:
            if getattr(item, "id", None) == "vostra-2":
                raise PipelineError("model vanished")
            yield item

    with pytest.raises(PipelineError):
        run(items(), store, process=process)
    assert store.load_article("vostra-1") is not None  # processed before the error, so stored
    (run_row,) = store.rows("runs")
    assert "model vanished" in run_row["counts"] and run_row["finished"] is not None


def test_run_calls_the_cluster_step_only_when_something_changed(store, items):
    process, _ = passthrough()
    calls = []

    def cluster(st):
        calls.append(st)
        return {"clusters": 2, "duplicates": {"vostra-2": "vostra-1"}}

    summary = run(items(), store, process=process, cluster=cluster)
    assert calls == [store] and summary.counts()["clusters"] == 2 and summary.counts()["duplicates"] == 1
    again = run(items(), store, process=process, cluster=cluster)
    assert len(calls) == 1 and "clusters" not in again.counts()  # unchanged store, same clusters


def test_run_records_a_failing_cluster_step_and_keeps_the_articles(store, items):
    process, _ = passthrough()

    def cluster(st):
        raise RuntimeError("no memory")

    summary = run(items(), store, process=process, cluster=cluster)
    assert summary.new == 3 and store.counts()["articles"] == 3
    assert [f.stage for f in summary.failures][-1] == "cluster" and "no memory" in summary.failures[-1].reason
