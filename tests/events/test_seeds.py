"""The seed articles (../shared/corpus/seeds): the events they report are coded
with the right actor. Skips when ../shared is absent."""

from __future__ import annotations

import pytest

from eventwire.events.config import min_confidence
from eventwire.model import Article

pytestmark = [pytest.mark.slow, pytest.mark.gold]


def _counted(article: Article) -> list:
    """The events a user counts: confidence at least the default threshold."""
    return [e for e in article.events if e.confidence is not None and e.confidence >= min_confidence()]


def _find(article: Article, event: str, words: tuple[str, ...], counted: bool = True, **fields):
    """Events of type `event` (counted ones unless `counted` is False) whose sentence contains all
    `words` and whose fields match."""
    out = []
    for e in (_counted(article) if counted else article.events):
        if e.event != event or not all(w.lower() in e.event_text.lower() for w in words):
            continue
        if all((e.requested or {}).get(k[4:]) == v if k.startswith("req_") else getattr(e, k) == v
               for k, v in fields.items()):
            out.append(e)
    return out


def _codes(events, role="actor") -> set[str | None]:
    return {a.code for e in events for a in getattr(e, role)}


def _names(events) -> str:
    return " ".join(f"{a.name} {a.entity_text}" for e in events for a in e.actor)


def test_seed_call_for_suicide_attacks(seeds):
    found = _find(seeds["000"], "REQUEST", (), req_event="ASSAULT", req_mode="suicide-attack")
    assert found and "Mashal" in _names(found)
    # one occurrence, reported by several mentions: one of them is the sentence that names suicide bombings
    text = seeds["000"].text
    assert any("suicide" in e.event_text or any("suicide" in text[m.start:text.find(".", m.end)] for m in e.mentions)
               for e in found)


def test_seed_call_to_disrupt_campuses(seeds):
    # "the call to disrupt campuses" refers back to Mashal's speech: an inherited actor, near the threshold
    found = _find(seeds["000"], "REQUEST", ("campuses",), counted=False, req_event="PROTEST")
    assert found and "Khaled Mashal" in _names(found)


def test_seed_call_for_demonstrations_and_siege(seeds):
    found = _find(seeds["001"], "REQUEST", ("demonstrations",), req_event="PROTEST")
    assert found and "PSE" in _codes(found)
    # the siege is named inside Hamas's own statement as part of what it calls for: kept, below the threshold
    assert _find(seeds["001"], "PROTEST", ("siege",), counted=False, mode="obstruct")


def test_seed_rejection_of_cooling_period_proposal(seeds):
    found = _find(seeds["002"], "REJECT", ("cooling",))
    assert found and "PSE" in _codes(found) and "USA" in _codes(found, "recipient")


def test_seed_resumed_israeli_strikes(seeds):
    found = [e for e in _counted(seeds["001"]) if e.event == "ASSAULT" and e.trigger.text in ("strikes", "operations")]
    assert found and "ISR" in _codes(found)


def test_seed_hostage_and_prisoner_releases(seeds):
    released = _find(seeds["001"], "RETREAT", ("hostages",), mode="release")
    assert released and "PSE" in _codes(released)
    # a release of prisoners under negotiation is named, not reported as done: kept, below the threshold
    assert _find(seeds["004"], "RETREAT", ("prisoners",), counted=False, mode="release")
    # "Hamas released 33 Israeli hostages in exchange for ... Palestinian prisoners": Israel freed them
    # (emitted with its actors; an inherited actor in the body scores below the counting threshold
    # since the body calibration of 2026-12-06, so it is looked for among all events)
    swapped = [e for e in seeds["001"].events if e.rule == "retreat.exchange_for"]
    assert swapped and "ISR" in _codes(swapped) and "PSE" in _codes(swapped, "recipient")


def test_seed_doha_talks(seeds):
    found = _find(seeds["004"], "CONSULT", ("Doha", "talks"))
    assert found and {"ISR", "USA"} <= _codes(found)


def test_seed_defence_minister_threat(seeds):
    # a future threat inside a quote, in the body: emitted with its actor, scored below the threshold
    found = _find(seeds["001"], "THREATEN", ("Katz",), counted=False)
    assert found and "ISR" in _codes(found)


def test_seed_every_article_gives_counted_events(seeds):
    # an empty or all-below-threshold output must fail, not pass vacuously
    assert len(seeds) == 5
    for key, article in seeds.items():
        assert len(_counted(article)) >= 3, key


def test_seed_no_event_from_pure_description(seeds):
    events = [e for article in seeds.values() for e in article.events]
    assert events
    for e in events:
        assert e.trigger.text.lower() not in {"is", "are", "organization"}
