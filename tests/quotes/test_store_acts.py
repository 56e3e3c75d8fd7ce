"""A quote's act, coordinated speakers and speaker.via survive the store (DuckDB)."""

from __future__ import annotations

from eventwire.model import Article, Cue, Quote, Speaker
from eventwire.store import open_store


def test_quote_act_speakers_and_via_round_trip(tmp_path):
    text = "Ilse Varga and Edvin Marlo said the dam would open. They believe the valley is safe."
    first = Speaker("Ilse Varga", 0, 10, name="Ilse Varga", via="name")
    second = Speaker("Edvin Marlo", 15, 26, name="Edvin Marlo", via="name")
    quotes = [
        Quote("t:q0", "t", text[32:50], 32, 50, "indirect", cue=Cue("said", 27, 31), speaker=first,
              speakers=[first, second], act="speech"),
        Quote("t:q1", "t", text[64:83], 64, 83, "indirect", cue=Cue("believe", 57, 64),
              speaker=Speaker("They", 52, 56, name="Ilse Varga", via="pronoun"), act="belief"),
    ]
    article = Article(id="t", source="t.txt", text=text, raw_text=text, raw_sha256="x", quotes=quotes)
    with open_store(str(tmp_path / "s.duckdb")) as store:
        store.save(article)
        back = store.load_article("t")
        acts = {r["act"] for r in store.query("SELECT act FROM quotes")}
    assert [q.act for q in back.quotes] == ["speech", "belief"]
    assert [s.name for s in back.quotes[0].speakers] == ["Ilse Varga", "Edvin Marlo"]
    assert back.quotes[1].speaker.via == "pronoun"
    assert acts == {"speech", "belief"}
