"""The events stage as wired in the pipeline, and user pattern files."""

from __future__ import annotations

import pytest

from eventwire.events import main_event, make_stage
from eventwire.model import Article
from eventwire.pipeline import Context
from eventwire.settings import Settings

pytestmark = pytest.mark.slow


def test_make_stage_declares_reads_and_writes():
    stage = make_stage(Context(Settings()))
    assert (stage.name, stage.reads, stage.writes) == ("events", ("doc", "entities", "quotes", "places"), ("events",))


def test_stage_user_pattern_file_is_used(tmp_path, nlp):
    path = tmp_path / "mine.yaml"
    path.write_text("patterns:\n  - {id: mine.chide, event: ACCUSE, mode: disapprove, verbs: [chide]}\n",
                    encoding="utf-8")
    ctx = Context(Settings(pattern_files=[path]))
    stage = make_stage(ctx)
    text = "The Vostran president chided the Kelmish envoy."
    article = Article(id="t1", source="test", raw_text=text, text=text, date="2024-03-20")
    stage(article, nlp(article.text))
    main = main_event(article)
    assert (main.event, main.rule) == ("ACCUSE", "mine.chide")


def test_stage_ids_follow_trigger_order(run_text):
    article = run_text("Vostra condemned the raid. Kelmland rejected the accusation and threatened to retaliate.")
    assert [e.id for e in article.events] == [f"{article.id}:e{n}" for n in range(len(article.events))]
    starts = [e.trigger.start for e in article.events]
    assert starts == sorted(starts)
