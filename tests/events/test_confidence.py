"""confidence.py: features, the logistic score, the isotonic maps, the caps, and counting."""

from __future__ import annotations

import pytest

from eventwire.events import confidence
from eventwire.events.config import counted, min_confidence
from eventwire.model import Entity, Event


def _event(**kw) -> Event:
    base = {"id": "a:e0", "article_id": "a", "event": "ASSAULT", "rule": "assault.attack"}
    return Event(**{**base, **kw})


def test_features_read_the_record():
    ev = _event(actor=[Entity(entity_text="Vostra", code="QVO", source="dictionary")],
                recipient=[Entity(entity_text="Kelmland", code="QKE")], quote_id="q1", negated=True)
    feats = confidence.features(ev, ["actor-agent", "occurrence"], "noun")
    assert {"actor-agent", "actor-code", "recipient", "in-quote", "negated", "kind-noun", "occurrence",
            "pattern-assault.attack"} <= set(feats)


def test_inherited_and_missing_actors():
    inherited = _event(actor=[Entity(entity_text="Lund", name="Lund", source="antecedent-event")])
    assert "actor-inherited" in confidence.features(inherited, [], "noun")
    assert "no-actor" in confidence.features(_event(), [], "verb")


def test_no_agent_and_hypothetical_stay_below_the_threshold():
    thr = min_confidence()
    strong = ["actor-agent", "actor-code", "recipient", "kind-verb", "pattern-assault.kill"]
    assert confidence.calibrated(strong) >= thr
    assert confidence.calibrated([f for f in strong if not f.startswith("actor")] + ["no-actor"]) < thr
    assert confidence.calibrated([*strong, "hypothetical"]) < thr
    assert confidence.calibrated([*strong, "hypothetical", "requested"]) >= confidence.calibrated(
        [*strong, "hypothetical"])


def test_negated_event_stays_below_the_threshold():
    strong = ["actor-agent", "actor-code", "recipient", "kind-verb", "pattern-assault.kill"]
    assert confidence.calibrated([*strong, "negated"]) < min_confidence() <= confidence.calibrated(strong)


def test_more_evidence_never_lowers_the_confidence_through_the_map():
    points = confidence.calibration()
    assert points and all(b[1] >= a[1] for a, b in zip(points, points[1:], strict=False))
    assert 0.0 <= confidence.calibrated(["no-actor"]) <= 1.0


def test_an_event_of_past_years_stays_below_the_threshold():
    strong = ["actor-agent", "actor-code", "recipient", "kind-verb", "pattern-assault.kill"]
    assert confidence.calibrated([*strong, "history"]) < min_confidence() <= confidence.calibrated(strong)


def test_story_set_aside_caps_every_event():
    ev = _event(actor=[Entity(entity_text="Vostra", code="QVO", source="dictionary")])
    evidence = {ev.id: ["actor-agent", "actor-code", "kind-verb", "recipient"]}
    confidence.assign([ev], evidence, story="sport story (cup, goal, league, season)")
    assert ev.confidence <= 0.2


@pytest.mark.parametrize("conf, expected", [(None, True), (0.49, False), (0.5, True), (0.9, True)])
def test_counted(conf, expected):
    assert counted(_event(confidence=conf), 0.5) is expected


def test_min_confidence_from_settings_or_config():
    class S:
        min_confidence = 0.8

    assert min_confidence(S()) == 0.8
    assert 0.0 < min_confidence() < 1.0


def test_direct_quote_feature_only_for_a_speakers_own_words():
    from eventwire.model import Quote

    direct = _event(id="a:e0", quote_id="q1")
    reported = _event(id="a:e1", quote_id="q2")
    outside = _event(id="a:e2")
    quotes = [Quote(id="q1", article_id="a", text="we will strike", start=0, end=14, kind="direct"),
              Quote(id="q2", article_id="a", text="it would strike", start=20, end=35, kind="indirect")]
    evidence = {e.id: [] for e in (direct, reported, outside)}
    confidence.quote_features([direct, reported, outside], quotes, evidence)
    assert evidence == {"a:e0": ["direct-quote"], "a:e1": [], "a:e2": []}


def test_subordinate_only_below_another_occurrence():
    sentence = {"start": 0, "end": 90}
    gunmen = [Entity(entity_text="Gunmen", code="QVO", source="dictionary")]
    attacked = _event(id="a:e0", actor=gunmen, text_info=sentence)
    killing = _event(id="a:e1", rule="assault.kill", actor=gunmen, text_info=sentence)
    vowed = _event(id="a:e2", event="THREATEN", rule="threaten.threaten", text_info=sentence)
    evidence: dict[str, list[str]] = {}
    # "attacked a market, killing five" elaborates one attack; under "vowed to ..." it is a side event
    confidence.sentence_features([attacked, killing], {"a:e0": 1, "a:e1": 2}, evidence)
    assert "subordinate" not in evidence["a:e1"]
    evidence = {}
    confidence.sentence_features([vowed, killing], {"a:e2": 0, "a:e1": 2}, evidence)
    assert "subordinate" in evidence["a:e1"] and "subordinate" not in evidence["a:e2"]


def test_body_feature_after_the_lead_and_no_coded_party():
    lead, body = _event(id="a:e0", text_info={"start": 0, "end": 80}), _event(id="a:e1",
                                                                            text_info={"start": 5000, "end": 5080})
    evidence: dict[str, list[str]] = {}
    confidence.position_features([lead, body], evidence)
    assert evidence == {"a:e1": ["body"]}
    uncoded = _event(actor=[Entity(entity_text="the investors")])
    coded = _event(actor=[Entity(entity_text="Vostra", code="QVO", source="dictionary")])
    assert "no-coded-party" in confidence.features(uncoded, [], "verb")
    assert "no-coded-party" not in confidence.features(coded, [], "verb")


def test_body_events_go_through_the_body_map():
    """The same evidence is worth less after the lead: commentary and background are more often no event."""
    lead = ["actor-agent", "actor-code", "kind-verb"]
    assert confidence.calibration_key(lead) == "calibration"
    assert confidence.calibration_key([*lead, "body"]) == "calibration_body"
    body_points = confidence.calibration(confidence.DATA, "calibration_body")
    assert body_points and all(b[1] >= a[1] for a, b in zip(body_points, body_points[1:], strict=False))
    # no score above the body map's last point is read off the lead map
    assert confidence.calibrated([*lead, "body"]) == min(
        confidence._interpolate(confidence.score([*lead, "body"]), body_points), 1.0)


def test_caps_apply_after_either_map():
    no_agent = ["no-actor", "kind-verb", "recipient", "pattern-assault.kill"]
    assert confidence.calibrated(no_agent) <= confidence.cap(no_agent) < min_confidence()
    assert confidence.calibrated([*no_agent, "body"]) <= confidence.cap(no_agent)


def test_a_one_sentence_text_has_its_own_map():
    ev = _event(text_info={"start": 0, "end": 40})
    later = _event(id="a:e1", text_info={"start": 900, "end": 950})
    evidence: dict[str, list[str]] = {}
    confidence.position_features([ev, later], evidence, sentences=1)
    assert evidence == {"a:e0": ["one-sentence"], "a:e1": ["one-sentence"]}
    evidence = {}
    confidence.position_features([ev, later], evidence, sentences=12)
    assert evidence == {"a:e1": ["body"]}
    assert confidence.calibration_key(["one-sentence"]) == "calibration_sentence"


@pytest.mark.parametrize(("text", "generic"), [
    ("The agency bans trucks from the region and publishes a daily index.", True),  # a routine
    ("The agency bans trucks from the region every week.", True),
    ("The agency bans trucks from the border on Monday as troops gather.", False),  # news of the day
])
def test_a_frequency_is_no_time_of_the_present(run_text, text, generic):
    art = run_text(text)
    (ev,) = [e for e in art.events if e.trigger is not None and e.trigger.text == "bans"]
    assert ("generic-present" in art.meta["event_evidence"][ev.id]) is generic
