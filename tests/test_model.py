"""model.py: the one document model, on small hand-built records."""

from __future__ import annotations

import hashlib
import json

from eventwire.model import Article, Cue, Entity, Event, Label, Place, Quote, RemovedLine, Speaker, to_dict

TEXT = "Kelmish fighters shelled Arn on Monday, the Vostran army said."


def test_from_text_is_an_article_as_ingest_hands_it_over():
    article = Article.from_text(TEXT, id="k1", date="2024-03-18")
    assert (article.id, article.source, article.text, article.raw_text) == ("k1", "<text:k1>", TEXT, TEXT)
    assert article.raw_sha256 == hashlib.sha256(TEXT.encode("utf-8")).hexdigest()
    assert article.date == "2024-03-18" and article.events == [] and article.failures == []


def test_list_fields_are_not_shared_between_records():
    a, b = Article(id="a", source="s"), Article(id="b", source="s")
    a.events.append(Event(id="e", article_id="a", event="ASSAULT"))
    a.meta["x"] = 1
    assert b.events == [] and b.meta == {}
    e1, e2 = Event(id="1", article_id="a", event="X"), Event(id="2", article_id="a", event="X")
    e1.actor.append(Entity("Arn"))
    assert e2.actor == [] and e2.mentions == []


def test_to_dict_is_json_ready_and_nested():
    start = TEXT.index("Arn")
    event = Event(id="k1:e0", article_id="k1", event="ASSAULT", actor=[Entity("Kelmish fighters", code="KLM")],
                  event_loc=Place("Arn", start=start, end=start + 3), trigger=Cue("shelled", 17, 24))
    data = to_dict(event)
    (actor,) = data["actor"]
    assert actor.items() >= {"entity_text": "Kelmish fighters", "code": "KLM", "name": None}.items()
    assert data["event_loc"]["start"] == start and data["trigger"] == {"text": "shelled", "start": 17, "end": 24}
    assert json.loads(json.dumps(data)) == data


def test_to_json_has_the_extract_shape_with_offsets_into_text():
    article = Article.from_text(TEXT, id="k1")
    start = TEXT.index("Vostran army")
    article.entities = [Entity("Vostran army", code="VST", sector="MIL", start=start, end=start + 12)]
    q_start = TEXT.index("Kelmish")
    article.quotes = [Quote("k1:q0", "k1", TEXT[q_start:38], q_start, 38, "indirect",
                            cue=Cue("said", TEXT.index("said"), TEXT.index("said") + 4),
                            speaker=Speaker("the Vostran army", start - 4, start + 12, code="VST"))]
    article.labels = [Label("k1:l0", "k1", "fighters", 8, 16, "descriptor", actor="Kelmish Front")]
    article.removed = [RemovedLine("By Mira Ost", "byline", 2)]
    out = article.to_json()
    assert set(out) == {"article", "quotes", "events", "labels", "entities", "places"}
    assert out["article"]["removed"] == [{"text": "By Mira Ost", "reason": "byline", "line_no": 2}]
    for record in [*out["quotes"], *out["labels"], *out["entities"]]:
        assert TEXT[record["start"]:record["end"]] == record.get("text", record.get("entity_text"))
    assert out["quotes"][0]["speaker"]["text"] == TEXT[start - 4:start + 12]
    assert "raw_text" not in out["article"] and out["article"]["duplicate_of"] is None
