"""A small hand-written database for the web tests (invented countries, people and outlets).

Records are built as model objects with offsets found in texts written here,
then saved through the real store, so the web layer reads exactly what
`eventwire run` writes.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from eventwire.model import Article, Cue, Entity, Event, Label, Place, Quote, Speaker
from eventwire.store import open_store

ORVAL = Entity("Orval", name="Republic of Orval", code="XOR", sector="GOV", type="GPE")
RED_BANNER = Entity("Red Banner Front", name="Red Banner Front", code="XOR", sector="REB", type="ORG")
TESSA = Entity("Tessa Lund", name="Tessa Lund", code="XOR", sector="REB", type="PERSON", org="Red Banner Front")
PALM = Entity("Palmeria", name="Kingdom of Palmeria", code="XPA", sector="GOV", type="GPE")
HARBOUR = Place("Sallow Harbour", name="Sallow Harbour", code="XOR", lat=12.5, lon=41.0, level="city")

TEXT_1 = ("The Red Banner Front attacked a police post in Sallow Harbour on Monday, officials said. "
          "\"We will strike again,\" said Tessa Lund, the group's spokeswoman. "
          "Lund urged supporters to blockade the port. The militant group has been banned since 2019.")
TEXT_2 = ("Palmeria condemned the attack on the police post in Sallow Harbour. "
          "\"This violence must end,\" the foreign minister said. The so-called 'liberation army' denied it.")
TEXT_3 = "Orval and Palmeria agreed to open talks in the capital next week, diplomats said."


def _span(text: str, phrase: str, after: int = 0) -> tuple[int, int]:
    start = text.index(phrase, after)
    return start, start + len(phrase)


def _entity(text: str, template: Entity, phrase: str) -> Entity:
    start, end = _span(text, phrase)
    return Entity(phrase, name=template.name, code=template.code, sector=template.sector, type=template.type,
                  org=template.org, start=start, end=end)


def _sentence(text: str, phrase: str) -> dict[str, int]:
    start, end = _span(text, phrase)
    return {"start": start, "end": end}


def _article(aid: str, text: str, outlet: str | None, day: str, title: str) -> Article:
    return Article(id=aid, source=f"fixture:{aid}", text=text, raw_text=text, outlet=outlet, date=day, title=title,
                   raw_sha256=hashlib.sha256(text.encode()).hexdigest(), language="en")


def article_one() -> Article:
    t = TEXT_1
    a = _article("a1", t, "Orval Daily", "2025-06-02", "Front attacks police post")
    s1 = "The Red Banner Front attacked a police post in Sallow Harbour on Monday, officials said."
    s3 = "Lund urged supporters to blockade the port."
    a.entities = [_entity(t, RED_BANNER, "Red Banner Front"), _entity(t, TESSA, "Tessa Lund")]
    q_start, q_end = _span(t, "We will strike again,")
    cue = _span(t, "said", q_end)
    a.quotes = [Quote("a1:q0", "a1", t[q_start:q_end], q_start, q_end, "direct", Cue("said", *cue),
                      Speaker("Tessa Lund", *_span(t, "Tessa Lund"), name="Tessa Lund", org="Red Banner Front",
                              code="XOR", sector="REB"))]
    trig = _span(t, "attacked")
    a.events = [
        Event("a1:e0", "a1", "ASSAULT", mode="firearms", actor=[_entity(t, RED_BANNER, "Red Banner Front")],
              recipient=[Entity("police post", name="Orval police", code="XOR", sector="COP")], date="2025-06-02",
              event_loc=HARBOUR, event_text=s1, text_info=_sentence(t, s1), rule="verb:attack",
              cluster_id="c1", trigger=Cue("attacked", *trig)),
        Event("a1:e1", "a1", "REQUEST", actor=[_entity(t, TESSA, "Lund")], date="2025-06-02", event_text=s3,
              text_info=_sentence(t, s3), requested={"event": "PROTEST", "mode": "obstruct"}, rule="verb:urge"),
    ]
    a.labels = [Label("a1:l0", "a1", "militant group", *_span(t, "militant group"), "descriptor",
                      actor="Red Banner Front")]
    return a


def article_two() -> Article:
    t = TEXT_2
    a = _article("a2", t, "Palmeria Times", "2025-06-03", "Palmeria condemns attack")
    s1 = "Palmeria condemned the attack on the police post in Sallow Harbour."
    a.entities = [_entity(t, PALM, "Palmeria")]
    q_start, q_end = _span(t, "This violence must end,")
    a.quotes = [Quote("a2:q0", "a2", t[q_start:q_end], q_start, q_end, "direct", Cue("said", *_span(t, "said")),
                      Speaker("the foreign minister", *_span(t, "the foreign minister"), code="XPA", sector="GOV"))]
    a.events = [
        Event("a2:e0", "a2", "ACCUSE", mode="disapprove", actor=[_entity(t, PALM, "Palmeria")],
              recipient=[RED_BANNER], date="2025-06-03", event_text=s1, text_info=_sentence(t, s1),
              rule="verb:condemn"),
        Event("a2:e1", "a2", "ASSAULT", actor=[RED_BANNER], date="2025-06-02", event_loc=HARBOUR, event_text=s1,
              text_info=_sentence(t, s1), rule="noun:attack", cluster_id="c1"),
    ]
    a.labels = [Label("a2:l0", "a2", "liberation army", *_span(t, "liberation army"), "scare_quote",
                      actor="Red Banner Front")]
    return a


def article_three() -> Article:
    t = TEXT_3
    a = _article("a3", t, None, "2025-06-05", None)
    a.entities = [_entity(t, ORVAL, "Orval"), _entity(t, PALM, "Palmeria")]
    a.events = [Event("a3:e0", "a3", "AGREE", actor=[_entity(t, ORVAL, "Orval")],
                      recipient=[_entity(t, PALM, "Palmeria")], date="2025-06-05", event_text=t,
                      text_info={"start": 0, "end": len(t)}, future=True, rule="verb:agree")]
    return a


def build(path: Path) -> Path:
    """Write the fixture database to `path` and return it."""
    with open_store(str(path)) as store:
        for article in (article_one(), article_two(), article_three()):
            store.save(article)
    return path
