"""The outlet report (eventwire/framing/report.py) over a small real store."""

from __future__ import annotations

import re

from eventwire.framing.cluster import assign_clusters
from eventwire.framing.report import format_report, outlet_report
from eventwire.model import Article, Entity, Event, Label, Quote, Speaker
from eventwire.store import open_store

TEXT_A = ("The Red Lantern Front, a Kessar-backed militia, attacked the depot. It was a barbaric raid. "
          "\u201cWe will not stop,\u201d said Mara Tesk. Officials called the \u2018truce\u2019 dead.")
TEXT_B = "Guard soldiers fought the resistance movement near the depot, a spokesman for the movement said."
TEXT_C = "Farmers in the north sold their grain at the market on Tuesday, traders said."


def _label(aid: str, text: str, phrase: str, kind: str, actor: str | None = None, voice: str = "writer",
           strength: float | None = None) -> Label:
    start = text.index(phrase)
    return Label(id=f"{aid}:l{start}", article_id=aid, text=phrase, start=start, end=start + len(phrase),
                 kind=kind, actor=actor, voice=voice, strength=strength)


def _articles() -> list[Article]:
    front = Entity(entity_text="Red Lantern Front", name="Red Lantern Front", code="XOR", sector="REB")
    a = Article(id="a", source="t:a", text=TEXT_A, raw_text=TEXT_A, raw_sha256="a", date="2026-04-06",
                outlet="Orvel Wire")
    a.labels = [_label("a", TEXT_A, "Kessar-backed militia", "descriptor", "Red Lantern Front"),
                _label("a", TEXT_A, "barbaric", "loaded", strength=0.8),
                _label("a", TEXT_A, "truce", "scare_quote")]
    q = TEXT_A.index("We will")
    a.quotes = [Quote(id="a:q0", article_id="a", text="We will not stop", start=q, end=q + 16, kind="direct",
                      speaker=Speaker(text="Mara Tesk", name="Mara Tesk", org="Red Lantern Front", code="XOR"))]
    a.events = [Event(id="a:e0", article_id="a", event="ASSAULT", actor=[front], date="2026-04-06",
                      event_text="The Red Lantern Front attacked the depot near the harbour.")]
    b = Article(id="b", source="t:b", text=TEXT_B, raw_text=TEXT_B, raw_sha256="b", date="2026-04-06",
                outlet="Harbour Post")
    b.labels = [_label("b", TEXT_B, "resistance movement", "descriptor", "Red Lantern Front")]
    b.events = [Event(id="b:e0", article_id="b", event="ASSAULT", recipient=[front], date="2026-04-06",
                      event_text="Guard soldiers fought the Red Lantern Front near the depot and the harbour.")]
    c = Article(id="c", source="t:c", text=TEXT_C, raw_text=TEXT_C, raw_sha256="c", date="2026-04-07",
                outlet="Grain Gazette")
    return [a, b, c]


def test_outlet_report_labels_scare_quotes_rates_and_clusters(tmp_path):
    with open_store(str(tmp_path / "r.duckdb")) as store:
        for art in _articles():
            store.save(art)
        assign_clusters(store)
        report = outlet_report(store)
    wire, post, gazette = (report["outlets"][k] for k in ("Orvel Wire", "Harbour Post", "Grain Gazette"))
    start = TEXT_A.index("Kessar")
    assert wire["labels"]["Red Lantern Front"] == [{"text": "Kessar-backed militia", "start": start,
                                                    "end": start + 21, "article_id": "a", "voice": "writer"}]
    assert post["labels"]["Red Lantern Front"][0]["text"] == "resistance movement"
    assert [s["text"] for s in wire["scare_quotes"]] == ["truce"]
    words = len(re.findall(r"\w+", TEXT_A))
    assert wire["loaded"] == {"count": 1, "per_1000_words": round(1000 / words, 2), "strength": 0.8,
                              "strength_per_1000_words": round(800 / words, 2),
                              "terms": {"barbaric": {"count": 1, "strength": 0.8, "max_strength": 0.8}}}
    assert wire["statements"] == {"Red Lantern Front": 1} and wire["statement_share"] == {"Red Lantern Front": 1.0}
    assert wire["clusters_covered"] == post["clusters_covered"] and len(wire["clusters_covered"]) == 1
    assert gazette["clusters_missed"] == wire["clusters_covered"]
    assert report["shared_clusters"] == {wire["clusters_covered"][0]: ["Harbour Post", "Orvel Wire"]}


def test_format_report_lists_labels_with_offsets_and_voice(tmp_path):
    with open_store(str(tmp_path / "r.duckdb")) as store:
        for art in _articles():
            store.save(art)
        text = format_report(outlet_report(store))
    assert "== Orvel Wire" in text
    assert f"\"Kessar-backed militia\" [writer] a@{TEXT_A.index('Kessar')}" in text
    assert "scare quotes: 'truce'" in text
