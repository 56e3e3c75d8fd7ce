"""The document model: one `Article` carried through every stage.

Field names follow PRODUCT.md ("extend, don't rename"). Every record that
points into an article carries character offsets into `Article.text`, the
cleaned body, so an analyst can check it in one click.

Records are plain dataclasses; `to_dict()` gives the JSON shape used by
`extract`, `export` and the store.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


def to_dict(record: Any) -> dict[str, Any]:
    """Return a JSON-ready dict of a record (recursively)."""
    return dataclasses.asdict(record)


@dataclass
class Entity:
    """An actor mention resolved (as far as we can) to codes.

    `code` is an ISO-3 country code or an IGO/NGO code, `sector` a PLOVER
    sector code (GOV, MIL, REB, ...). `start`/`end` index `Article.text`
    when the mention is in the text.
    """

    entity_text: str
    name: str | None = None
    code: str | None = None
    sector: str | None = None
    wikidata_id: str | None = None
    type: str | None = None  # PERSON, ORG, GPE, NORP ... (after correction)
    org: str | None = None  # for a person: the organisation they speak for
    start: int | None = None
    end: int | None = None
    source: str | None = None  # how it was resolved: dictionary, apposition, spacy, ...


@dataclass
class Place:
    """A place mention resolved against the gazetteer (PRODUCT.md "place").

    `country` is the ISO-3 code (`code` is the same, kept for older readers),
    `feature` the GeoNames class.code ("P.PPL", "A.ADM1", "A.PCLI" ...),
    `via` how it was resolved, `reason` why not when the name is unknown.
    """

    text: str
    name: str | None = None
    code: str | None = None  # ISO-3 country code
    geonames_id: int | None = None
    lat: float | None = None
    lon: float | None = None
    level: str | None = None  # country | admin1 | region | city | site
    start: int | None = None
    end: int | None = None
    article_id: str | None = None
    feature: str | None = None
    country: str | None = None
    admin1: str | None = None
    via: str | None = None
    reason: str | None = None


@dataclass
class Cue:
    text: str
    start: int
    end: int


@dataclass
class Speaker:
    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None
    org: str | None = None
    code: str | None = None
    sector: str | None = None
    via: str | None = None  # how the mention was resolved: name|alias|descriptor|pronoun|continuity|document


@dataclass
class Quote:
    id: str
    article_id: str
    text: str
    start: int
    end: int
    kind: str  # direct | indirect | mixed
    cue: Cue | None = None
    speaker: Speaker | None = None
    relay: list[str] = field(default_factory=list)
    floating: bool = False
    speakers: list[Speaker] = field(default_factory=list)  # all coordinated speakers; `speaker` is the first
    act: str = "speech"  # speech | belief | intention | perception: what the cue reports


@dataclass
class Event:
    """A PLOVER event. `rule` names the pattern that produced it."""

    id: str
    article_id: str
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    date: str | None = None
    event_loc: Place | None = None
    event_text: str = ""
    text_info: dict[str, int] = field(default_factory=dict)  # {"start", "end"} of the sentence
    quote_id: str | None = None
    requested: dict[str, str | None] | None = None  # {"event", "mode"}
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    rule: str = ""
    cluster_id: str | None = None
    trigger: Cue | None = None  # the word(s) that triggered the pattern
    confidence: float | None = None  # 0-1, calibrated: how likely this record is right
    mentions: list[Cue] = field(default_factory=list)  # every mention of this occurrence in the article


def is_counted(confidence: float | None, min_confidence: float | None) -> bool:
    """Whether an event of this `confidence` counts (and is shown by default) at this threshold.

    An event not scored (confidence None) counts; None as threshold counts every event. The SQL
    readers say the same: `confidence IS NULL OR confidence >= ?`.
    """
    return min_confidence is None or confidence is None or confidence >= min_confidence


@dataclass
class Label:
    id: str
    article_id: str
    text: str
    start: int
    end: int
    kind: str  # descriptor | loaded | scare_quote | category
    actor: str | None = None
    voice: str = "writer"
    strength: float | None = None  # loaded language: how evaluative, in [0, 1]; None for other kinds


@dataclass
class RemovedLine:
    """A line the cleaner dropped from the body, and why."""

    text: str
    reason: str
    line_no: int


@dataclass
class Failure:
    """A problem with one input or one stage, recorded instead of crashing."""

    source: str
    stage: str
    reason: str
    article_id: str | None = None


@dataclass
class Article:
    """One news article and everything the stages found in it."""

    id: str
    source: str
    text: str = ""
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    byline: str | None = None
    date: str | None = None  # ISO date (YYYY-MM-DD) of publication
    language: str | None = None
    raw_sha256: str = ""
    raw_text: str = ""  # the text as read, before cleaning (nothing lost)
    removed: list[RemovedLine] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    duplicate_of: str | None = None
    failures: list[Failure] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, id: str = "text", source: str | None = None, **fields: Any) -> Article:
        """An article from a string, as ingest would hand it over (for library use and tests)."""
        import hashlib

        return cls(id=id, source=source or f"<text:{id}>", raw_text=text, text=text,
                   raw_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(), **fields)

    def header(self) -> dict[str, Any]:
        """The article record of PRODUCT.md, without the stage outputs."""
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "byline": self.byline,
            "date": self.date,
            "language": self.language,
            "text": self.text,
            "raw_sha256": self.raw_sha256,
        }

    def to_json(self) -> dict[str, Any]:
        """The `extract` line: article, quotes, events, labels, places (plus entities)."""
        return {
            "article": {**self.header(), "removed": [to_dict(r) for r in self.removed],
                        "duplicate_of": self.duplicate_of},
            "quotes": [to_dict(q) for q in self.quotes],
            "events": [to_dict(e) for e in self.events],
            "labels": [to_dict(lab) for lab in self.labels],
            "places": [to_dict(p) for p in self.places],
            "entities": [to_dict(e) for e in self.entities],
        }
