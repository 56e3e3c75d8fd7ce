"""Loading and validating the event coder's data files.

`load_lexicon(extra_files)` reads `data/patterns.yaml` (plus any user pattern
files), `data/markers.yaml`, `data/modes.yaml`, `data/contexts.yaml` and
`data/ontology.yaml`, checks every entry, and returns a `Lexicon` whose trigger
index maps a lemma to the patterns it can start. Errors are `DataFileError`s
naming the file and the key (pattern id or list name).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from ..datafiles import read_yaml
from ..errors import DataFileError

DATA_DIR = Path(__file__).with_name("data")
PATTERN_KEYS = {"id", "event", "mode", "context", "verbs", "nouns", "adjs", "with", "with_any", "without", "object",
                "object_without", "object_of_prep", "content", "recipient", "ccomp_aux", "intent", "negated_only",
                "content_negated", "content_events", "patient_acts", "head", "priority", "restrict"}
CLASSES = {"agent", "place", "act", "weapon", "force", "thing", "info", "other"}
POLARITIES = {"positive", "negative", "neutral"}  # of a predicate phrase ("called X a farce"): restrict.predicate
MARKER_LISTS = ("light_verbs", "light_nouns", "future_aux", "future_verbs", "hypothetical_aux", "obligation_aux",
                "hedge_adverbs", "conditional_marks", "supposition_imperatives",
                "negation_words", "negative_pronouns", "negating_verbs", "threat_marks", "first_person", "third_person",
                "reporting_verbs",
                "copular_verbs", "negated_intent_reject", "anaphoric_org_nouns", "non_state_org_nouns", "state_sectors",
                "speech_nouns",
                "captive_nouns", "patient_possessive_nouns", "ability_nouns", "advocacy_verbs", "attempt_nouns",
                "abandon_phrasal_verbs",
                "culpability_adjectives", "ruled_out_phrases", "verbal_attack_triggers", "verbal_attack_sectors",
                "verbal_attack_verbs", "force_contexts", "force_words", "war_nouns", "retort_particles",
                "writer_pronouns", "writer_encounter_events", "press_addressees", "quest_nouns", "causative_verbs",
                "verbal_modifiers", "reported_possessives", "threat_verbs")
# PLOVER events and sector codes, upper-cased
UPPER_LISTS = {"negated_intent_reject", "writer_encounter_events", "verbal_attack_sectors", "state_sectors"}
MARKER_MAPS = ("intent_transform", "threat_modes", "threat_modes_by_mode", "request_modes")


@dataclass(frozen=True)
class ChildSpec:
    """A required/forbidden child: dependency labels and lemmas (None = any lemma)."""

    deps: frozenset[str]
    lemmas: frozenset[str] | None

    def matches(self, tok: Token) -> bool:
        if tok.dep_ == "prep" and _temporal(tok):  # "called on Sunday for ..." is not "called on X"
            return False
        if tok.dep_ in ("oprd", "dobj") and tok.ent_type_ in ("DATE", "TIME"):
            return False  # "called Thursday on Arabs to ...": a day the parser took for a predicate or object
        return tok.dep_ in self.deps and (self.lemmas is None or tok.lemma_.lower() in self.lemmas
                                          or tok.lower_ in self.lemmas)


def _temporal(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Sunday", "at dawn")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in ("DATE", "TIME") for o in objs)


@dataclass
class Pattern:
    id: str
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    nouns: list[str] = field(default_factory=list)
    adjs: list[str] = field(default_factory=list)
    with_: list[ChildSpec] = field(default_factory=list)  # all required
    with_any: list[ChildSpec] = field(default_factory=list)  # at least one required
    without: list[ChildSpec] = field(default_factory=list)  # none allowed
    head: list[ChildSpec] = field(default_factory=list)  # the trigger's own dep and its head's lemma ("on strike")
    object: frozenset[str] | None = None  # lemma of the direct object (or its compound)
    object_without: frozenset[str] = frozenset()  # object lemmas/modifiers that rule the pattern out
    object_of_prep: dict[str, frozenset[str]] = field(default_factory=dict)
    content: list[str] = field(default_factory=list)  # slots holding the requested/threatened action
    recipient: list[str] = field(default_factory=list)  # slots overriding the default recipient search
    ccomp_aux: frozenset[str] | None = None  # a clausal complement with one of these modals is required
    intent: bool = False  # the trigger states an intention: the content's event is transformed
    negated_only: bool = False  # matches only a negated clause; the event itself is then positive
    # True: the clausal content (an xcomp/ccomp `content` slot) must be negated ("warned X not to ...");
    # False: it must not be ("warned X to ..."); None: either
    content_negated: bool | None = None
    content_events: frozenset[str] | None = None  # the content's own event must be one of these PLOVER types
    patient_acts: bool = False  # an agentless passive's subject is the actor ("were demobilized")
    priority: int = 1
    # selectional restrictions: semantic classes (eventwire.events.agents) the subject / object may have;
    # None = the defaults of data/evidence.yaml; a head of unknown class always passes
    subject_classes: frozenset[str] | None = None
    object_classes: frozenset[str] | None = None
    addressee_classes: frozenset[str] | None = None  # the subject of the content clause ("said X must ...")
    topic_classes: frozenset[str] | None = None  # what the event is "over" ("fought over the town")
    predicate_polarities: frozenset[str] | None = None  # of the object predicate ("called the vote a farce")
    source: str = ""
    order: int = 0  # position over all files: later (user) patterns win ties

    @property
    def wants_clause(self) -> bool:
        """The pattern requires a clausal complement: a reporting use ("protested that ...")."""
        return any("ccomp" in spec.deps for spec in [*self.with_, *self.with_any])

    @property
    def specificity(self) -> int:
        constraints = (len(self.with_) + bool(self.with_any) + bool(self.object) + len(self.object_of_prep)
                       + bool(self.ccomp_aux) + bool(self.head))
        return self.priority * 10 + constraints


@dataclass
class Lexicon:
    patterns: list[Pattern]
    index: dict[tuple[str, str], list[Pattern]]  # (pos class, lemma) -> patterns
    markers: dict[str, Any]
    mode_cues: list[tuple[str, str, frozenset[str]]]
    contexts: list[tuple[str, frozenset[str]]]
    modes: dict[str, list[str]]
    legacy_names: dict[str, str]
    legacy_modes: dict[str, dict[str, str]] = field(default_factory=dict)  # 0.5b1 (type, mode) -> type

    def lookup(self, pos_class: str, lemma: str) -> list[Pattern]:
        return self.index.get((pos_class, lemma), [])


def _str_list(value: Any, path: Path, key: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(str(path), f"expected a list of non-empty strings, found {value!r}", key)
    return [v.strip().lower() for v in value]


def _child_specs(value: Any, path: Path, key: str) -> list[ChildSpec]:
    specs = []
    for item in _str_list(value, path, key):
        dep, sep, lemmas = item.partition(":")
        if not sep or not dep:
            raise DataFileError(str(path), f"child constraint {item!r} must look like 'dep:lemma|lemma' "
                                           f"(use '*' for any lemma)", key)
        lem = None if lemmas in ("", "*") else frozenset(lemmas.split("|"))
        specs.append(ChildSpec(frozenset(dep.split("|")), lem))
    return specs


def _slot_list(value: Any, path: Path, key: str) -> list[str]:
    slots = _str_list(value, path, key)
    for slot in slots:
        base = slot.split(":")[0]
        if base not in {"xcomp", "ccomp", "dobj", "pobj", "acl", "relcl", "advcl"}:
            raise DataFileError(str(path), f"unknown slot {slot!r}: use xcomp, ccomp, dobj, acl, relcl, advcl "
                                           f"or pobj:PREP", key)
    return slots


def _flag(raw: dict[str, Any], name: str, path: Path, key: str) -> bool | None:
    """A true/false key of a pattern (None when absent); anything else is an error naming the file."""
    value = raw.get(name)
    if name in raw and not isinstance(value, bool):
        raise DataFileError(str(path), f"{name} must be true or false, found {value!r}", key)
    return value


def _pattern(raw: Any, path: Path, pos: int, modes: dict[str, list[str]]) -> Pattern:
    if not isinstance(raw, dict):
        raise DataFileError(str(path), f"pattern must be a mapping, found {raw!r}", f"patterns[{pos}]")
    pid = raw.get("id")
    key = f"patterns[{pos}]" if not isinstance(pid, str) else pid
    if not isinstance(pid, str) or not pid.strip():
        raise DataFileError(str(path), "pattern has no 'id'", key)
    unknown = set(raw) - PATTERN_KEYS
    if unknown:
        raise DataFileError(str(path), f"unknown keys {sorted(unknown)}; allowed: {sorted(PATTERN_KEYS)}", key)
    event = raw.get("event")
    if event not in modes:
        raise DataFileError(str(path), f"'event' must be one of {sorted(modes)}, found {event!r}", key)
    mode = raw.get("mode")
    if mode is not None and mode not in modes[event]:
        raise DataFileError(str(path), f"mode {mode!r} is not a mode of {event} ({modes[event]})", key)
    pat = Pattern(id=pid, event=event, mode=mode, source=str(path))
    for name in ("verbs", "nouns", "adjs"):
        if name in raw:
            setattr(pat, name, _str_list(raw[name], path, f"{key}.{name}"))
    if not (pat.verbs or pat.nouns or pat.adjs):
        raise DataFileError(str(path), "pattern needs at least one of verbs/nouns/adjs", key)
    if "context" in raw:
        pat.context = _str_list(raw["context"], path, f"{key}.context")
    pat.with_ = _child_specs(raw.get("with", []), path, f"{key}.with")
    pat.with_any = _child_specs(raw.get("with_any", []), path, f"{key}.with_any")
    pat.without = _child_specs(raw.get("without", []), path, f"{key}.without")
    pat.head = _child_specs(raw.get("head", []), path, f"{key}.head")
    if "object" in raw:
        pat.object = frozenset(_str_list(raw["object"], path, f"{key}.object"))
    if "object_without" in raw:
        pat.object_without = frozenset(_str_list(raw["object_without"], path, f"{key}.object_without"))
    if "object_of_prep" in raw:
        oop = raw["object_of_prep"]
        if not isinstance(oop, dict):
            raise DataFileError(str(path), "object_of_prep must map a preposition to lemmas", key)
        if not all(isinstance(p, str) for p in oop):  # YAML 1.1 reads an unquoted `on` as true
            raise DataFileError(str(path), "object_of_prep prepositions must be strings (quote 'on')", key)
        pat.object_of_prep = {p: frozenset(_str_list(v, path, f"{key}.object_of_prep.{p}")) for p, v in oop.items()}
    pat.content = _slot_list(raw.get("content", []), path, f"{key}.content")
    pat.recipient = _slot_list(raw.get("recipient", []), path, f"{key}.recipient")
    if "ccomp_aux" in raw:
        pat.ccomp_aux = frozenset(_str_list(raw["ccomp_aux"], path, f"{key}.ccomp_aux"))
    pat.intent = bool(raw.get("intent", False))
    pat.negated_only = bool(raw.get("negated_only", False))
    pat.patient_acts = _flag(raw, "patient_acts", path, key) or False
    if "content_negated" in raw:
        pat.content_negated = _flag(raw, "content_negated", path, key)
        if not any(slot.split(":")[0] in ("xcomp", "ccomp") for slot in pat.content):
            raise DataFileError(str(path), "content_negated needs an xcomp or ccomp content slot", key)
    if "content_events" in raw:
        pat.content_events = frozenset(v.upper() for v in _str_list(raw["content_events"], path,
                                                                      f"{key}.content_events"))
        if pat.content_events - set(modes) or not pat.content:
            raise DataFileError(str(path), "content_events needs content slots and PLOVER event types", key)
    prio = raw.get("priority", 1)
    if not isinstance(prio, int):
        raise DataFileError(str(path), f"priority must be an integer, found {prio!r}", key)
    pat.priority = prio
    restrict = raw.get("restrict", {})
    if not isinstance(restrict, dict) or set(restrict) - {"subject", "object", "addressee", "topic", "predicate"}:
        raise DataFileError(str(path), "restrict must map 'subject', 'object', 'addressee' or 'topic' to semantic "
                            "classes, or 'predicate' to polarities",
                            key)
    for role, value in restrict.items():
        classes = frozenset(_str_list(value, path, f"{key}.restrict.{role}"))
        if role == "predicate":
            if classes - POLARITIES:
                raise DataFileError(str(path), f"unknown polarities {sorted(classes - POLARITIES)}; allowed: "
                                               f"{sorted(POLARITIES)}", f"{key}.restrict.{role}")
            pat.predicate_polarities = classes
            continue
        if classes - CLASSES:
            raise DataFileError(str(path), f"unknown classes {sorted(classes - CLASSES)}; allowed: {sorted(CLASSES)}",
                                f"{key}.restrict.{role}")
        setattr(pat, f"{role}_classes", classes)
    return pat


def load_patterns(path: Path, modes: dict[str, list[str]]) -> list[Pattern]:
    """Read one pattern file (`patterns:` list) and validate every entry."""
    data = read_yaml(path)
    if not isinstance(data.get("patterns"), list):
        raise DataFileError(str(path), "expected a mapping with a 'patterns' list")
    return [_pattern(raw, path, i, modes) for i, raw in enumerate(data["patterns"])]


def _load_markers(path: Path, modes: dict[str, list[str]]) -> dict[str, Any]:
    data = read_yaml(path)
    markers: dict[str, Any] = {}
    for name in MARKER_LISTS:
        if name not in data:
            raise DataFileError(str(path), "missing list", name)
        values = _str_list(data[name], path, name)
        markers[name] = frozenset(v.upper() for v in values) if name in UPPER_LISTS else frozenset(values)
    for name in MARKER_MAPS:
        value = data.get(name)
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            raise DataFileError(str(path), "expected a mapping of names to names", name)
        markers[name] = dict(value)
    for name in ("sense_complements", "other_sense_complements"):
        senses = data.get(name)
        if not isinstance(senses, dict):
            raise DataFileError(str(path), "expected a mapping of verb -> child constraints", name)
        markers[name] = {str(verb).lower(): _child_specs(specs, path, f"{name}.{verb}")
                         for verb, specs in senses.items()}
    for bad in markers["negated_intent_reject"] - set(modes):
        raise DataFileError(str(path), f"unknown event type {bad!r}", "negated_intent_reject")
    for src, dst in markers["intent_transform"].items():
        if src not in modes or dst not in modes:
            raise DataFileError(str(path), f"unknown event type in {src!r}: {dst!r}", "intent_transform")
    return markers


def load_ontology(path: Path = DATA_DIR / "ontology.yaml") -> tuple[
        dict[str, list[str]], dict[str, str], dict[str, dict[str, str]]]:
    """`ontology.yaml`: the types and their modes, and the crosswalk from PLOVER 0.5b1 names and modes."""
    data = read_yaml(path)
    if not isinstance(data.get("events"), dict):
        raise DataFileError(str(path), "expected an 'events' mapping of type -> modes")
    modes = {k: _str_list(v or [], path, f"events.{k}") for k, v in data["events"].items()}
    legacy = data.get("legacy_names") or {}
    legacy_modes = data.get("legacy_modes") or {}
    if not isinstance(legacy_modes, dict) or not all(
            isinstance(v, dict) and all(t in modes for t in v.values()) for v in legacy_modes.values()):
        raise DataFileError(str(path), "expected a mapping of old type -> {mode: current type}", "legacy_modes")
    return modes, dict(legacy), {k: dict(v) for k, v in legacy_modes.items()}


def _load_mode_cues(path: Path, modes: dict[str, list[str]]) -> list[tuple[str, str, frozenset[str]]]:
    data = read_yaml(path)
    if not isinstance(data.get("cues"), list):
        raise DataFileError(str(path), "expected a mapping with a 'cues' list")
    cues = []
    for i, cue in enumerate(data["cues"]):
        key = f"cues[{i}]"
        if not isinstance(cue, dict) or cue.get("event") not in modes or cue.get("mode") not in modes[cue["event"]]:
            raise DataFileError(str(path), f"cue needs a known event and one of its modes, found {cue!r}", key)
        cues.append((cue["event"], cue["mode"], frozenset(_str_list(cue.get("lemmas"), path, f"{key}.lemmas"))))
    return cues


def _load_contexts(path: Path) -> list[tuple[str, frozenset[str]]]:
    data = read_yaml(path)
    if not isinstance(data.get("contexts"), dict):
        raise DataFileError(str(path), "expected a mapping with a 'contexts' mapping")
    return [(name, frozenset(_str_list(v, path, f"contexts.{name}"))) for name, v in data["contexts"].items()]


def load_lexicon(extra_files: Iterable[Path] = (), data_dir: Path = DATA_DIR) -> Lexicon:
    """Load and index all data files; user pattern files come after ours and win ties."""
    modes, legacy, legacy_modes = load_ontology(data_dir / "ontology.yaml")
    patterns = load_patterns(data_dir / "patterns.yaml", modes)
    for extra in extra_files:
        patterns.extend(load_patterns(Path(extra), modes))
    seen: dict[str, str] = {}
    for pat in patterns:
        if pat.id in seen:
            raise DataFileError(pat.source, f"duplicate pattern id (also in {seen[pat.id]})", pat.id)
        seen[pat.id] = pat.source
    index: dict[tuple[str, str], list[Pattern]] = {}
    for order, pat in enumerate(patterns):
        pat.order = order
        for pos_class, lemmas in (("verb", pat.verbs), ("noun", pat.nouns), ("adj", pat.adjs)):
            for lemma in lemmas:
                index.setdefault((pos_class, lemma), []).append(pat)
    return Lexicon(patterns=patterns, index=index, markers=_load_markers(data_dir / "markers.yaml", modes),
                   mode_cues=_load_mode_cues(data_dir / "modes.yaml", modes),
                   contexts=_load_contexts(data_dir / "contexts.yaml"), modes=modes, legacy_names=legacy,
                   legacy_modes=legacy_modes)
