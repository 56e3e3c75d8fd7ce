"""Calibrated confidence: how likely an event record is right, from the evidence it rests on.

Each event gets a list of evidence features (`features`): how it was triggered
(verb, noun, adjective), who its actor is (an agent named in the sentence, a
dictionary or context code, the quote's speaker, an actor inherited from an
earlier event, none), whether a recipient is named, whether a noun trigger
has occurrence evidence, and its mood (question, generic present, untyped
intent, negated, hypothetical, future, inside a quote, inside a direct quote), and
whether the text is one sentence or its sentence is in an article's lead or body. A logistic model
with the weights of `data/confidence.yaml` turns them into a probability:

    score = 1 / (1 + exp(-(bias + sum of the weights of the features present)))

and an isotonic map of the same file (fitted by pool-adjacent-violators) turns
the score into the observed precision of events with that score. There are three
maps, because the same score means different things in different texts:
`calibration_sentence` for a text of one sentence (a wire lead coded alone),
`calibration` for events of an article's lead and `calibration_body` for events
of later sentences (feature `body`), where background, commentary and quotes
are more often no event of the stated type than the lead's report.

The weights and maps are fitted by `scripts/fit_confidence.py` on the PLOVER gold
sentences, the judged real-news sets and our examples gold (see docs/evaluation.md
for the reliability table). An event of a story set aside by the story filter is
capped at `[tuning.events] story_confidence_cap`; one without an agent actor, a
hypothetical or a negated one is capped below the counting threshold (`cap`).
"""

from __future__ import annotations

import bisect
import math
from functools import cache
from pathlib import Path

from ..datafiles import read_yaml
from ..errors import DataFileError
from ..model import Event, Quote
from .arguments import CONTEXT_SOURCES, DICTIONARY_SOURCES
from .config import events_config
from .mentions import compatible

DATA = Path(__file__).with_name("data") / "confidence.yaml"
INHERITED_SOURCES = {"antecedent-event", "speech-owner", "antecedent", "exchange"}


@cache
def weights(path: Path = DATA) -> dict[str, float]:
    data = read_yaml(path)
    raw = data.get("weights")
    if not isinstance(raw, dict) or "bias" not in raw:
        raise DataFileError(str(path), "expected a 'weights' mapping with a 'bias'")
    try:
        return {str(k): float(v) for k, v in raw.items()}
    except (TypeError, ValueError) as exc:
        raise DataFileError(str(path), f"weights must be numbers: {exc}") from exc


CALIBRATION_KEYS = ("calibration_sentence", "calibration", "calibration_body")


@cache
def calibration(path: Path = DATA, key: str = "calibration") -> tuple[tuple[float, float], ...]:
    """The isotonic step map `key` (lead events: `calibration`; body events: `calibration_body`):
    (highest score of a block, observed precision of the block) points; none = the score is the
    confidence."""
    raw = read_yaml(path).get(key) or []
    try:
        points = tuple((float(x), float(y)) for x, y in raw)
    except (TypeError, ValueError) as exc:
        raise DataFileError(str(path), f"calibration must be [score, value] pairs: {exc}") from exc
    if any(b[0] < a[0] or b[1] < a[1] for a, b in zip(points, points[1:], strict=False)):
        raise DataFileError(str(path), "calibration points must increase")
    return points


def _interpolate(x: float, points: tuple[tuple[float, float], ...]) -> float:
    """The value of the first block whose highest score is at least `x` (the last block above)."""
    if not points:
        return x
    i = bisect.bisect_left([p[0] for p in points], x)
    return points[min(i, len(points) - 1)][1]


def features(event: Event, built: list[str], kind: str) -> list[str]:
    """Every evidence feature of one event: those the coder recorded while building it (`built`)
    and those read off the finished record."""
    out = [f for f in built if not f.startswith("actor-") or f == "actor-agent"]
    actor_cls = next((f for f in built if f.startswith("actor-")), None)
    out.append(f"kind-{kind}")
    out.append("pattern-" + event.rule.split("+")[0].split(">")[0])
    if not event.actor:
        out.append("no-actor")
    else:
        sources = {a.source for a in event.actor}
        if sources & INHERITED_SOURCES:
            out.append("actor-inherited")
        elif "quote-speaker" in sources:
            out.append("actor-speaker")
        elif actor_cls in ("actor-agent", "actor-unknown") or sources & DICTIONARY_SOURCES:
            out.append("actor-agent" if actor_cls != "actor-unknown" else "actor-unclassified")
        else:
            out.append("actor-not-agent")
        if any(a.code for a in event.actor):
            coded_by_context = all(a.source in CONTEXT_SOURCES for a in event.actor if a.code)
            out.append("actor-code-context" if coded_by_context else "actor-code")
    if event.recipient:
        out.append("recipient")
    if not any(e.code for e in [*event.actor, *event.recipient]):
        out.append("no-coded-party")  # event coders count events between coded parties only
    if event.requested:
        out.append("requested")
    for flag in ("negated", "hypothetical", "future"):
        if getattr(event, flag):
            out.append(flag)
    if event.quote_id:
        out.append("in-quote")
    return sorted(set(out))


def sentence_features(events: list[Event], depth: dict[str, int], evidence: dict[str, list[str]]) -> None:
    """Features of an event among the others of its sentence: `subordinate` when another event of the
    sentence sits higher in the parse and is not a mention of the same occurrence ("attacked a market,
    killing five" elaborates one attack; "said it would retaliate after the attack" is a side event),
    `crowded` when the sentence yields three events or more."""
    by_sent: dict[int, list[Event]] = {}
    for event in events:
        by_sent.setdefault(event.text_info.get("start", -1), []).append(event)
    for group in by_sent.values():
        for event in group:
            feats = evidence.setdefault(event.id, [])
            d = depth.get(event.id, 99)
            if any(depth.get(o.id, 99) < d and not compatible(o, event) for o in group):
                feats.append("subordinate")
            if len(group) >= 3:
                feats.append("crowded")


def quote_features(events: list[Event], quotes: list[Quote], evidence: dict[str, list[str]]) -> None:
    """`direct-quote` for an event stated inside a speaker's own words: a direct quote is rhetoric
    ("they hit Matt", "we will fight") more often than the writer's report of what someone did or
    said ("X agreed to Y, officials said")."""
    kinds = {q.id: q.kind for q in quotes or []}
    for event in events:
        if event.quote_id and kinds.get(event.quote_id) == "direct":
            evidence.setdefault(event.id, []).append("direct-quote")


def position_features(events: list[Event], evidence: dict[str, list[str]], sentences: int = 0) -> None:
    """`body` for an event whose sentence starts after the story's lead (`[tuning.events] lead_chars`):
    the lead states what happened; later sentences carry more background, commentary and quotes.
    `one-sentence` for an event of a text of one sentence (a wire lead coded alone, as event-coding
    benchmarks do): such a text is all report, with no commentary around it."""
    lead = int(events_config().get("lead_chars", 400))
    for event in events:
        if sentences == 1:
            evidence.setdefault(event.id, []).append("one-sentence")
        elif event.text_info.get("start", 0) >= lead:
            evidence.setdefault(event.id, []).append("body")


def has_agent(feats: list[str]) -> bool:
    """The event names an agent actor (or one recovered from an agent antecedent or the quote's speaker)."""
    return "no-actor" not in feats and "actor-not-agent" not in feats


def cap(feats: list[str]) -> float:
    """The ceiling the evidence allows: an event without an agent actor, a hypothetical one that
    is no threat, offer or demand, a negated one or one dated years before the report stays below
    the counting threshold."""
    cfg = events_config()
    ceiling = 1.0
    if not has_agent(feats):
        ceiling = min(ceiling, float(cfg.get("no_agent_confidence_cap", 0.35)))
    if "hypothetical" in feats and "requested" not in feats:  # a condition, not a reported occurrence
        ceiling = min(ceiling, float(cfg.get("hypothetical_confidence_cap", 0.3)))
    if "negated" in feats:  # an act that did not happen (manual, auxiliary modes: negation)
        ceiling = min(ceiling, float(cfg.get("negated_confidence_cap", 0.3)))
    if "history" in feats:  # an act dated years before the report: background, not news of the day
        ceiling = min(ceiling, float(cfg.get("history_confidence_cap", 0.3)))
    return ceiling


def score(feats: list[str], table: dict[str, float] | None = None) -> float:
    """The logistic score of the features, before the isotonic map and the caps."""
    table = table if table is not None else weights()
    z = table["bias"] + sum(table.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))


def calibration_key(feats: list[str]) -> str:
    """Which isotonic map an event's score goes through: a one-sentence text's, an article lead's, or
    the body's when its sentence is after the lead."""
    if "one-sentence" in feats:
        return "calibration_sentence"
    return "calibration_body" if "body" in feats else "calibration"


def calibrated(feats: list[str]) -> float:
    """The confidence: the score through the isotonic map of the event's place in the story (the
    lead's map when the body has none), capped by the evidence (`cap`)."""
    points = calibration(DATA, calibration_key(feats)) or calibration()
    return min(_interpolate(score(feats), points), cap(feats))


def assign(events: list[Event], evidence: dict[str, list[str]], story: str | None) -> None:
    """Set `confidence` on every event; `evidence` maps event id -> its features. An event without an
    agent actor is capped at `[tuning.events] no_agent_confidence_cap`, one of a story set aside at
    `story_confidence_cap`: both below the counting threshold, kept but not counted."""
    story_cap = float(events_config().get("story_confidence_cap", 0.2))
    for event in events:
        conf = calibrated(evidence.get(event.id, []))
        if story is not None:
            conf = min(conf, story_cap)
        event.confidence = round(conf, 3)
