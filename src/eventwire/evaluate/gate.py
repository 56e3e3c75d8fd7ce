"""The evaluation gate: score every stage, compare with pinned floors.

Like trafilatura's `eval_gate.py`: `eval/baseline.json` pins, per suite, the
floors each metric must not drop below, beside the sha256 of the gold it was
measured on. `run_gate()` re-scores each suite whose gold is present, reports
drops, and with `update=True` raises floors to what was measured (minus a
small margin for platform noise). Lowering a floor needs `allow_lower=True`:
a regression should be a decision, not an accident.

Baseline format::

    {"events": {"floors": {"type_accuracy": 0.87, ...},
                "gold_sha256": "...", "measured": {...}, "measured_on": "2026-11-23"}}
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..settings import Settings

# Floors sit this far below the measured value when raised, so that the same
# code on another machine (float order, library patch versions) still passes.
MARGIN = 0.005


@dataclass(frozen=True)
class Suite:
    """One scored measurement: which function, on which gold, gating which metrics."""

    name: str
    module: str
    function: str
    gold: str  # path; "{shared}" is replaced by the shared folder, "{root}" by the repo root
    metrics: tuple[str, ...]  # keys of the metrics dict; "a.b" reads metrics["a"]["b"]
    actor_files: tuple[str, ...] = ()
    texts: str | None = None  # a folder the scorer reads beside its gold (the suite is skipped when absent)
    files: tuple[tuple[str, str], ...] = ()  # optional extra file arguments: (keyword, path), passed when present


SUITES: tuple[Suite, ...] = (
    Suite("events", "eventwire.evaluate.events", "evaluate_events",
          "{shared}/gold/plover-gsr/PLOVER_GSR_CAMEO.json",
          ("type_accuracy", "macro_f1", "actor_code_accuracy", "recipient_code_accuracy", "type_recall",
           "type_precision")),
    Suite("events_judged", "eventwire.evaluate.events", "evaluate_judged", "{root}/eval/judged/events_polnear20.jsonl",
          ("type_precision", "type_precision_lenient", "actor_right", "recipient_right"),
          texts="{shared}/gold/polnear-dev/text"),
    Suite("events_judged_b", "eventwire.evaluate.events", "evaluate_judged",
          "{root}/eval/judged/events_polnear_b20.jsonl",
          ("type_precision", "type_precision_lenient", "actor_right", "recipient_right"),
          texts="{shared}/gold/polnear-dev/text"),
    Suite("events_judged_c", "eventwire.evaluate.events", "evaluate_judged",
          "{root}/eval/judged/events_polnear_c20.jsonl",
          ("type_precision", "type_precision_lenient", "actor_right", "recipient_right"),
          texts="{shared}/gold/polnear-dev/text"),
    Suite("events_judged_d", "eventwire.evaluate.events", "evaluate_judged",
          "{root}/eval/judged/events_polnear_d24.jsonl",
          ("type_precision", "type_precision_lenient", "actor_right", "recipient_right"),
          texts="{shared}/gold/polnear-dev/text"),
    Suite("events_judged_babe", "eventwire.evaluate.events", "evaluate_judged",
          "{root}/eval/judged/events_babe300.jsonl",
          ("type_precision", "type_precision_lenient", "actor_right", "recipient_right"),
          texts="{shared}/gold/babe"),
    Suite("events_judged_babe_fit", "eventwire.evaluate.events", "evaluate_judged",
          "{root}/eval/judged/events_babe_fit.jsonl",
          ("type_precision", "type_precision_lenient", "actor_right", "recipient_right"),
          texts="{shared}/gold/babe"),
    Suite("events_no_event", "eventwire.evaluate.events", "evaluate_no_events", "{root}/eval/no_events.jsonl",
          ("no_event_precision", "expected_recall")),
    Suite("quotes", "eventwire.evaluate.quotes", "evaluate_quotes", "{shared}/gold/polnear-dev",
          ("content_overlap.f1", "content_exact.f1", "speaker_accuracy", "cue_accuracy",
           "speech.content_overlap.f1", "judged.speech_speaker_right"),
          files=(("judged", "{root}/eval/judged/quotes_polnear20.jsonl"),)),
    Suite("actors", "eventwire.evaluate.actors", "evaluate_actors",
          "{shared}/gold/plover-gsr/PLOVER_GSR_CAMEO.json", ("accuracy",)),
    Suite("labels", "eventwire.evaluate.labels", "evaluate_labels", "{root}/eval/labels_gold.jsonl",
          ("precision", "recall")),
    Suite("places", "eventwire.evaluate.places", "evaluate_places", "{root}/eval/places_gold",
          ("accuracy_161km", "found", "precision")),
    Suite("babe", "eventwire.evaluate.labels", "evaluate_babe", "{shared}/gold/babe",
          ("tune.precision", "tune.recall", "tune.f1", "test.precision", "test.recall", "test.f1",
           "tune.sentence_accuracy", "test.sentence_accuracy")),
    Suite("examples_events", "eventwire.evaluate.events", "evaluate_events",
          "{root}/eval/examples_gold/events.json",
          ("type_accuracy", "macro_f1", "actor_code_accuracy", "recipient_code_accuracy"),
          actor_files=("{root}/examples/actors.yaml",)),
    Suite("examples_quotes", "eventwire.evaluate.quotes", "evaluate_quotes", "{root}/eval/examples_gold/quotes",
          ("content_overlap.f1", "content_exact.f1", "speaker_accuracy", "cue_accuracy"),
          actor_files=("{root}/examples/actors.yaml",)),
)


@dataclass
class SuiteResult:
    name: str
    status: str  # ok | drop | skipped
    measured: dict[str, float] = field(default_factory=dict)
    floors: dict[str, float] = field(default_factory=dict)
    drops: list[str] = field(default_factory=list)
    note: str = ""


def load_baseline(path: Path) -> dict[str, Any]:
    """Read the baseline file; a malformed file names itself and the suite."""
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise DataFileError(str(path), f"not valid JSON: {exc}") from exc
    for name, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("floors", {}), dict):
            raise DataFileError(str(path), "each suite must be an object with a 'floors' object", key=name)
    return data


def floor(path: Path, suite: str, metric: str) -> float:
    """The pinned floor of one metric (tests call this)."""
    try:
        return float(load_baseline(path)[suite]["floors"][metric])
    except KeyError as exc:
        raise DataFileError(str(path), f"no floor for {metric!r}", key=suite) from exc


def gold_sha256(path: Path) -> str:
    """Hash of a gold file, or of every file under a gold folder (sorted)."""
    digest = hashlib.sha256()
    files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
    for file in files:
        digest.update(str(file.relative_to(path) if path.is_dir() else file.name).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _metric(metrics: dict[str, Any], dotted: str) -> Any:
    value: Any = metrics
    for part in dotted.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _expand(template: str, root: Path, shared: Path) -> Path:
    return Path(template.replace("{root}", str(root)).replace("{shared}", str(shared)))


def run_gate(baseline_path: Path, root: Path, shared: Path, only: list[str] | None = None,
             update: bool = False, allow_lower: bool = False, settings: Settings | None = None,
             progress: Callable[[str], None] | None = None) -> list[SuiteResult]:
    """Score each suite, compare with floors, optionally write new floors.

    `root` is the repository (for our own gold), `shared` the reference-data
    folder. Suites whose gold is absent are skipped, never failed.
    """
    baseline = load_baseline(baseline_path)
    results = []
    for suite in SUITES:
        if only and suite.name not in only:
            continue
        gold = _expand(suite.gold, root, shared)
        texts = _expand(suite.texts, root, shared) if suite.texts else None
        if not gold.exists() or (texts is not None and not texts.exists()):
            results.append(SuiteResult(suite.name, "skipped", note=f"{gold if not gold.exists() else texts} is absent"))
            continue
        if progress:
            progress(suite.name)
        base = settings or Settings()
        suite_settings = base.replace(actor_files=[*base.actor_files,
                                                   *(_expand(f, root, shared) for f in suite.actor_files)])
        func = getattr(importlib.import_module(suite.module), suite.function)
        kwargs: dict[str, Any] = {"texts": texts} if texts is not None else {}
        extra = {key: _expand(path, root, shared) for key, path in suite.files}
        kwargs.update({k: v for k, v in extra.items() if v.exists()})
        metrics = func(gold, suite_settings, **kwargs)
        measured = {m: round(float(v), 4) for m in suite.metrics if (v := _metric(metrics, m)) is not None}
        entry = baseline.setdefault(suite.name, {"floors": {}})
        floors = entry.setdefault("floors", {})
        sha = gold_sha256(gold)
        note = "" if entry.get("gold_sha256") in (None, sha) else "gold changed since the floors were pinned"
        drops = [f"{m} {measured[m]:.3f} < floor {floors[m]:.3f}" for m in measured
                 if m in floors and measured[m] < floors[m]]
        results.append(SuiteResult(suite.name, "drop" if drops else "ok", measured, dict(floors), drops, note))
        if update:
            for m, value in measured.items():
                new = round(max(0.0, value - MARGIN), 3)
                if m not in floors or new > floors[m] or allow_lower:
                    floors[m] = new
            entry.update(gold_sha256=sha, measured=measured, measured_on=_dt.date.today().isoformat())
            results[-1].floors = dict(floors)
    if update:
        baseline_path.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return results


def format_results(results: list[SuiteResult]) -> str:
    width = max([len("suite"), *(len(r.name) for r in results)])
    lines = [f"{'suite':<{width}} {'status':<8} metrics (measured / floor)"]
    for r in results:
        cells = ", ".join(f"{m} {v:.3f}/{r.floors.get(m, float('nan')):.3f}" for m, v in r.measured.items())
        lines.append(f"{r.name:<{width}} {r.status:<8} {cells or r.note}")
        lines.extend(f"{'':<{width + 9}}DROP {d}" for d in r.drops)
        if r.note and r.measured:
            lines.append(f"{'':<{width + 9}}note: {r.note}")
    return "\n".join(lines)
