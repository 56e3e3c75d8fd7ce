"""Pipeline wiring: assembly checks, failure isolation, non-English articles."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.errors import PipelineError
from eventwire.model import Article, Failure
from eventwire.pipeline import Pipeline
from eventwire.settings import Settings


def test_pipeline_check_refuses_a_stage_before_what_it_reads():
    with pytest.raises(PipelineError, match="reads"):
        Pipeline(Settings(doc_stages=["quotes", "actors"]))


def test_pipeline_unknown_stage_is_named():
    with pytest.raises(PipelineError, match="nosuchstage"):
        Pipeline(Settings(doc_stages=["nosuchstage"]))


def test_pipeline_failures_pass_through_in_order(pipeline):
    failure = Failure(source="bad.bin", stage="ingest", reason="binary file")
    out = list(pipeline.process([Article.from_text("Vostra's army shelled Kelm on Tuesday.", id="a"), failure,
                                 Article.from_text("The Arvenian minister said talks would resume.", id="b")]))
    assert [getattr(x, "id", None) for x in out] == ["a", None, "b"]
    assert out[1] is failure


def test_pipeline_non_english_article_is_stored_not_coded(pipeline):
    text = ("Le ministre des affaires étrangères a déclaré mardi que les négociations reprendraient "
            "la semaine prochaine dans la capitale, selon un communiqué publié par le gouvernement.")
    (article,) = pipeline.process([Article.from_text(text)])
    assert article.language == "fr"
    assert article.text and not article.quotes and not article.events


@Language.component("eventwire_test_explode")
def _explode(doc):
    # A real component that fails on one marked text, to exercise the batch fallback.
    if "EXPLODE" in doc.text:
        raise ValueError("component failed on this text")
    return doc


def test_pipeline_spacy_failure_is_recorded_and_batch_goes_on():
    pipe = Pipeline(Settings(batch_size=4))
    pipe.nlp.add_pipe("eventwire_test_explode", first=True)
    good = Article.from_text("The Vostran army shelled Kelm on Tuesday, officials said.", id="good")
    bad = Article.from_text("EXPLODE this article please, said nobody.", id="bad")
    out = {a.id: a for a in pipe.process([good, bad])}
    assert out["good"].events, "the good article of the batch must still be coded"
    assert [f.stage for f in out["bad"].failures] == ["nlp"]
    assert "component failed" in out["bad"].failures[0].reason
