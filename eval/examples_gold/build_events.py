"""Build events.json (PLOVER GSR-shaped gold) from events_spec.yaml.

Each spec item is one sentence of an example article with its hand-coded main
event. This script checks that the sentence occurs exactly once in the article
text as the clean stage produces it (so `textInfo.start`/`end` point at it),
that every actor text and trigger occurs in the sentence, and that types,
modes and contexts are PLOVER names; then it writes the records with the
`(SRC: ...) (EVT: ...) (TAR: ...)` markup. It never runs the event coder.

    .venv/bin/python eval/examples_gold/build_events.py [--check]

`--check` writes nothing and fails if events.json differs from a rebuild.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import yaml
from build_quotes import cleaned_texts

HERE = Path(__file__).resolve().parent
SPEC = HERE / "events_spec.yaml"
OUT = HERE / "events.json"
ARTICLES = HERE.parents[1] / "examples" / "articles"

# PLOVER (manual draft 2.0) types and their modes; "" = no mode.
MODES = {
    "AGREE": set(), "SUPPORT": set(), "CONCEDE": set(), "AID": set(), "COOPERATE": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
    "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic",
    "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
}


class SpecError(ValueError):
    pass


def _spans(text: str, sub: str) -> list[int]:
    left = r"(?<!\w)" if sub[:1].isalnum() else ""
    right = r"(?!\w)" if sub[-1:].isalnum() else ""
    return [m.start() for m in re.finditer(left + re.escape(sub) + right, text)]


def _actor(value: str, where: str, text: str) -> dict[str, str]:
    parts = [p.strip() for p in value.split("|")]
    if len(parts) != 3:
        raise SpecError(f"{where}: actor {value!r} must be 'text|CODE|SECTOR'")
    actor_text, code, sector = parts
    if not _spans(text, actor_text):
        raise SpecError(f"{where}: actor text {actor_text!r} not in the sentence")
    out = {"actorText": actor_text}
    if code:
        out["code"] = code
    if sector:
        out["sector"] = sector
    return out


def markup(text: str, marks: list[tuple[str, str]], where: str) -> str:
    """The sentence with each (label, phrase) wrapped as "(LABEL: phrase)" at its first free occurrence."""
    taken: list[tuple[int, int, str]] = []
    for label, phrase in marks:
        for start in _spans(text, phrase):
            end = start + len(phrase)
            if all(end <= a or start >= b for a, b, _ in taken):
                taken.append((start, end, label))
                break
        else:
            raise SpecError(f"{where}: cannot mark {phrase!r} ({label}): absent or overlapping another mark")
    out = text
    for start, end, label in sorted(taken, reverse=True):
        out = f"{out[:start]}({label}: {out[start:end]}){out[end:]}"
    return out


def article_meta() -> dict[str, dict[str, str | None]]:
    """Article id -> date and outlet, through the real ingest and clean stage (which reads the header lines)."""
    from eventwire.clean import CleanStage
    from eventwire.ingest import read_paths
    from eventwire.model import Article
    from eventwire.settings import Settings

    articles = [a for a in read_paths([ARTICLES], Settings()) if isinstance(a, Article)]
    for article in articles:
        CleanStage(Settings())(article)
    return {a.id: {"date": a.date, "outlet": a.outlet} for a in articles}


def build_record(n: int, item: dict, texts: dict[str, str], meta: dict) -> dict:
    where = f"{SPEC.name}: item {n} ({str(item.get('text', ''))[:40]!r})"
    art, text, event = item.get("article"), item.get("text"), item.get("event")
    if art not in texts:
        raise SpecError(f"{where}: unknown article {art!r}")
    hits = [m.start() for m in re.finditer(re.escape(text or ""), texts[art])]
    if len(hits) != 1:
        raise SpecError(f"{where}: sentence occurs {len(hits)} times in {art} (need exactly 1)")
    if event not in MODES:
        raise SpecError(f"{where}: {event!r} is not a current PLOVER type")
    mode = item.get("mode") or ""
    if mode and mode not in MODES[event]:
        raise SpecError(f"{where}: mode {mode!r} is not a mode of {event}")
    if item.get("context") not in CONTEXTS:
        raise SpecError(f"{where}: context {item.get('context')!r} is not a PLOVER context")
    source = [_actor(a, where, text) for a in item.get("source") or []]
    target = [_actor(a, where, text) for a in item.get("target") or []]
    triggers = item.get("trigger") or []
    if not triggers:
        raise SpecError(f"{where}: no trigger")
    marks = ([("SRC", a["actorText"]) for a in source] + [("TAR", a["actorText"]) for a in target]
             + [("EVT", t) for t in triggers])
    marks = list(dict.fromkeys(marks))
    rec = {
        "id": f"EW-EXAMPLES-{n:03d}-{event}",
        "article_id": art,
        "date": meta[art]["date"],
        "source": source,
        "target": target,
        "event": event,
        "mode": mode,
        "context": item["context"],
        "eventText": " ".join(triggers),
        "text": text,
        "textInfo": {"markup": markup(text, marks, where), "start": hits[0], "end": hits[0] + len(text)},
        "language": "en",
        "publication": meta[art]["outlet"],
        "coder": "eventwire team (by hand)",
        "version": "PLOVER manual draft 2.0",
    }
    if item.get("loc"):
        rec["eventLoc"] = {"name": item["loc"]}
    if item.get("requested"):
        req_event, _, req_mode = str(item["requested"]).partition("/")
        if req_event not in MODES or (req_mode and req_mode not in MODES[req_event]):
            raise SpecError(f"{where}: bad requested {item['requested']!r}")
        rec["requested"] = {"event": req_event, "mode": req_mode}
    if item.get("comment"):
        rec["comment"] = item["comment"]
    return rec


def main(argv: list[str]) -> int:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    texts, meta = cleaned_texts(), article_meta()
    records = [build_record(n, item, texts, meta) for n, item in enumerate(spec, 1)]
    out = json.dumps(records, indent=1, ensure_ascii=False) + "\n"
    if "--check" in argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != out:
            print(f"{OUT} is out of date: rebuild it")
            return 1
        return 0
    OUT.write_text(out, encoding="utf-8")
    counts: dict[str, int] = {}
    for r in records:
        counts[r["event"]] = counts.get(r["event"], 0) + 1
    print(f"{len(records)} records:", ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
