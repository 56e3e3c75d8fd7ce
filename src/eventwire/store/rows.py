"""Article <-> table rows, independent of the database backend.

Nested records are stored two ways, chosen for how analysts query them:
a quote's cue and speaker are flattened into columns (`speaker_name`,
`speaker_code`... so `GROUP BY speaker_code` works), while an event's
actor/recipient lists and location stay JSON columns as in PLOVER.
Column order here is the order of the export files.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Article, Cue, Entity, Event, Label, Place, Quote, RemovedLine, Speaker, to_dict

ARTICLE_COLUMNS = ("id", "source", "url", "outlet", "title", "byline", "date", "language", "text", "raw_sha256",
                   "raw_text", "removed", "meta", "duplicate_of", "first_seen", "updated")
QUOTE_COLUMNS = ("id", "article_id", "idx", "text", "start", "end", "kind", "cue_text", "cue_start", "cue_end",
                 "speaker_text", "speaker_start", "speaker_end", "speaker_name", "speaker_org", "speaker_code",
                 "speaker_sector", "relay", "floating", "act", "speaker_via", "speakers")
EVENT_COLUMNS = ("id", "article_id", "cluster_id", "idx", "event", "mode", "context", "actor", "recipient", "date",
                 "event_loc", "event_text", "text_info", "quote_id", "requested", "negated", "hypothetical",
                 "future", "rule", "trigger", "mentions", "confidence")
ENTITY_COLUMNS = ("article_id", "idx", "entity_text", "name", "code", "sector", "wikidata_id", "type", "org",
                  "start", "end", "source")
LABEL_COLUMNS = ("id", "article_id", "idx", "text", "start", "end", "kind", "actor", "voice", "strength")
PLACE_COLUMNS = ("article_id", "idx", "text", "start", "end", "name", "geonames_id", "lat", "lon", "feature",
                 "country", "admin1", "level", "via", "reason")
RUN_COLUMNS = ("id", "started", "finished", "args", "counts", "seconds", "version")
FAILURE_COLUMNS = ("run_id", "source", "stage", "article_id", "reason", "time")

# The per-article record tables, in the order they are written.
RECORD_TABLES = {"quotes": QUOTE_COLUMNS, "events": EVENT_COLUMNS, "entities": ENTITY_COLUMNS,
                 "labels": LABEL_COLUMNS, "places": PLACE_COLUMNS}
TABLES = {"articles": ARTICLE_COLUMNS, **RECORD_TABLES, "runs": RUN_COLUMNS, "failures": FAILURE_COLUMNS}
# Columns holding JSON text, per table (labels.actor is a plain name, events.actor a JSON list).
JSON_COLUMNS = {"articles": {"removed", "meta"}, "quotes": {"relay", "speakers"},
                "events": {"context", "actor", "recipient", "event_loc", "text_info", "requested", "trigger",
                           "mentions"},
                "entities": set(), "labels": set(), "places": set(), "runs": {"args", "counts"}, "failures": set()}


def dumps(value: Any) -> str | None:
    """JSON text for a JSON column; None stays SQL NULL."""
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def loads(value: Any) -> Any:
    """Decode a JSON column (backends return text or already-decoded values)."""
    if isinstance(value, str):
        return json.loads(value)
    return value


def article_row(article: Article) -> tuple:
    """The `articles` row without first_seen/updated (the backend sets those)."""
    return (article.id, article.source, article.url, article.outlet, article.title, article.byline, article.date,
            article.language, article.text, article.raw_sha256, article.raw_text,
            dumps([to_dict(r) for r in article.removed]), dumps(_json_safe(article.meta)), article.duplicate_of)


def quote_row(quote: Quote, idx: int) -> tuple:
    cue, spk = quote.cue, quote.speaker
    return (quote.id, quote.article_id, idx, quote.text, quote.start, quote.end, quote.kind,
            cue.text if cue else None, cue.start if cue else None, cue.end if cue else None,
            spk.text if spk else None, spk.start if spk else None, spk.end if spk else None,
            spk.name if spk else None, spk.org if spk else None, spk.code if spk else None,
            spk.sector if spk else None, dumps(list(quote.relay)), bool(quote.floating), quote.act,
            spk.via if spk else None, dumps([to_dict(s) for s in quote.speakers]))


def event_row(event: Event, idx: int) -> tuple:
    return (event.id, event.article_id, event.cluster_id, idx, event.event, event.mode, dumps(list(event.context)),
            dumps([to_dict(a) for a in event.actor]), dumps([to_dict(r) for r in event.recipient]), event.date,
            dumps(to_dict(event.event_loc) if event.event_loc else None), event.event_text,
            dumps(dict(event.text_info)), event.quote_id, dumps(event.requested), bool(event.negated),
            bool(event.hypothetical), bool(event.future), event.rule,
            dumps(to_dict(event.trigger) if event.trigger else None), dumps([to_dict(m) for m in event.mentions]),
            None if event.confidence is None else float(event.confidence))


def entity_row(entity: Entity, article_id: str, idx: int) -> tuple:
    return (article_id, idx, entity.entity_text, entity.name, entity.code, entity.sector, entity.wikidata_id,
            entity.type, entity.org, entity.start, entity.end, entity.source)


def label_row(label: Label, idx: int) -> tuple:
    return (label.id, label.article_id, idx, label.text, label.start, label.end, label.kind, label.actor,
            label.voice, label.strength)


def place_row(place: Place, article_id: str, idx: int) -> tuple:
    return (article_id, idx, place.text, place.start, place.end, place.name, place.geonames_id, place.lat, place.lon,
            place.feature, place.country, place.admin1, place.level, place.via, place.reason)


def record_rows(article: Article) -> dict[str, list[tuple]]:
    """Rows of every per-article record table, keyed by table name."""
    return {
        "quotes": [quote_row(q, i) for i, q in enumerate(article.quotes)],
        "events": [event_row(e, i) for i, e in enumerate(article.events)],
        "entities": [entity_row(e, article.id, i) for i, e in enumerate(article.entities)],
        "labels": [label_row(lab, i) for i, lab in enumerate(article.labels)],
        "places": [place_row(p, article.id, i) for i, p in enumerate(article.places)],
    }


def _json_safe(meta: dict[str, Any]) -> dict[str, Any]:
    """Keep only the meta entries JSON can hold (stages may park objects there)."""
    safe = {}
    for key, value in meta.items():
        try:
            json.dumps(value)
        except (TypeError, ValueError):
            continue
        safe[key] = value
    return safe


# ---- rows (as dicts keyed by column) back to model objects -------------------------------------------------

def decode(row: dict[str, Any], table: str) -> dict[str, Any]:
    """Decode the JSON columns of a `table` row dict in place and return it."""
    for key in JSON_COLUMNS[table].intersection(row):
        row[key] = loads(row[key])
    return row


def article_from_row(row: dict[str, Any]) -> Article:
    return Article(id=row["id"], source=row["source"], text=row["text"], url=row["url"], outlet=row["outlet"],
                   title=row["title"], byline=row["byline"], date=row["date"], language=row["language"],
                   raw_sha256=row["raw_sha256"], raw_text=row["raw_text"],
                   removed=[RemovedLine(**r) for r in row["removed"] or []], duplicate_of=row["duplicate_of"],
                   meta=row["meta"] or {})


def quote_from_row(row: dict[str, Any]) -> Quote:
    cue = Cue(row["cue_text"], row["cue_start"], row["cue_end"]) if row["cue_text"] is not None else None
    speaker = None
    if row["speaker_text"] is not None:
        speaker = Speaker(text=row["speaker_text"], start=row["speaker_start"], end=row["speaker_end"],
                          name=row["speaker_name"], org=row["speaker_org"], code=row["speaker_code"],
                          sector=row["speaker_sector"], via=row.get("speaker_via"))
    return Quote(id=row["id"], article_id=row["article_id"], text=row["text"], start=row["start"], end=row["end"],
                 kind=row["kind"], cue=cue, speaker=speaker, relay=list(row["relay"] or []),
                 floating=bool(row["floating"]), act=row.get("act") or "speech",
                 speakers=[Speaker(**s) for s in row.get("speakers") or []])


def event_from_row(row: dict[str, Any]) -> Event:
    loc, trigger = row["event_loc"], row["trigger"]
    return Event(id=row["id"], article_id=row["article_id"], event=row["event"], mode=row["mode"],
                 context=list(row["context"] or []), actor=[Entity(**a) for a in row["actor"] or []],
                 recipient=[Entity(**r) for r in row["recipient"] or []], date=row["date"],
                 event_loc=Place(**loc) if loc else None, event_text=row["event_text"] or "",
                 text_info=row["text_info"] or {}, quote_id=row["quote_id"], requested=row["requested"],
                 negated=bool(row["negated"]), hypothetical=bool(row["hypothetical"]), future=bool(row["future"]),
                 rule=row["rule"] or "", cluster_id=row["cluster_id"], trigger=Cue(**trigger) if trigger else None,
                 mentions=[Cue(**m) for m in row.get("mentions") or []], confidence=row.get("confidence"))


def entity_from_row(row: dict[str, Any]) -> Entity:
    return Entity(**{k: row[k] for k in ENTITY_COLUMNS if k not in ("article_id", "idx")})


def label_from_row(row: dict[str, Any]) -> Label:
    return Label(**{k: row[k] for k in LABEL_COLUMNS if k != "idx"})


def place_from_row(row: dict[str, Any]) -> Place:
    return Place(text=row["text"], name=row["name"], code=row["country"], geonames_id=row["geonames_id"],
                 lat=row["lat"], lon=row["lon"], level=row["level"], start=row["start"], end=row["end"],
                 article_id=row["article_id"], feature=row["feature"], country=row["country"], admin1=row["admin1"],
                 via=row["via"], reason=row["reason"])
