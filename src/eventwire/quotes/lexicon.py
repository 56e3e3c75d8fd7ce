"""Loading the quote stage's word lists (`data/*.yaml`) through one validating loader.

Every list a linguist might edit lives in `data/` (see `data/README.md`); this
module checks its shape and turns it into sets the extractor can look up.
Errors name the file and the key, so a bad entry can be fixed without a debugger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..datafiles import read_yaml, word_list
from ..errors import DataFileError

DATA_DIR = Path(__file__).with_name("data")
VERB_CATEGORIES = ("speech", "belief", "evidence", "stance")
ACTS = ("speech", "belief", "intention", "perception")
FALLBACK_ACTS = {"belief": "belief", "evidence": "perception"}  # a verb the VerbNet table lacks
PRONOUN_KINDS = ("person", "group")


@dataclass(frozen=True)
class CueWords:
    """Cue verbs, cue phrases and reference words, all lower-cased."""

    verbs: dict[str, str]  # lemma -> category (speech | belief | evidence | stance)
    source_prepositions: frozenset[tuple[str, str]]  # ("according", "to")
    attribution_nouns: frozenset[str]
    issuing_verbs: frozenset[str]  # "issued a statement": the subject speaks through it
    cue_nouns: frozenset[str]  # "X's claim that ...": nouns that are cues
    relay_verbs: frozenset[str]
    clause_only_verbs: frozenset[str]  # cues only with a clause or quote as content
    non_speaker_labels: frozenset[str]  # "Editor's note:" and the like
    relay_nouns: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> person | group
    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    sources: tuple[str, ...] = field(default=())  # the files it was read from
    acts: dict[str, str] = field(default_factory=dict)  # verb lemma -> speech|belief|intention|perception
    noun_acts: dict[str, str] = field(default_factory=dict)  # cue noun -> act, when not speech

    def act_of(self, doc, cue) -> str:
        """What a cue reports: its verb's act from the VerbNet-derived table (`data/verbnet/`),
        a cue noun's from `cues.yaml`; speech for "according to" and verbs the table lacks."""
        if cue.category == "source":
            return "speech"
        lemma = doc[cue.head].lemma_.lower()
        if doc[cue.head].pos_ == "NOUN":
            return self.noun_acts.get(lemma, "speech")
        return self.acts.get(lemma) or FALLBACK_ACTS.get(cue.category, "speech")


def _load_verbs(path: Path) -> dict[str, str]:
    data = read_yaml(path)
    unknown = set(data) - set(VERB_CATEGORIES)
    if unknown:
        raise DataFileError(str(path), f"unknown categories {sorted(unknown)}; expected {list(VERB_CATEGORIES)}")
    verbs: dict[str, str] = {}
    for category in VERB_CATEGORIES:
        for lemma in word_list(path, data, category):
            verbs.setdefault(lemma, category)  # first category wins: speech before belief before evidence
    return verbs


def _load_pronouns(path: Path, data: dict[str, Any]) -> dict[str, str]:
    table = data.get("pronouns")
    if not isinstance(table, dict) or not table:
        raise DataFileError(str(path), "expected a mapping pronoun -> person|group", "pronouns")
    out = {}
    for word, kind in table.items():
        if kind not in PRONOUN_KINDS:
            raise DataFileError(str(path), f"{word!r} has kind {kind!r}, expected one of {PRONOUN_KINDS}",
                                "pronouns")
        out[str(word).lower()] = kind
    return out


def load_acts(path: Path) -> tuple[dict[str, str], set[str]]:
    """`verbnet/cue_acts.tsv`: lemma -> act, and the lemmas whose class makes them cues."""
    acts, cues = {}, set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 4 or parts[1] not in ACTS:
            raise DataFileError(str(path), f"line {n}: expected lemma, act ({'|'.join(ACTS)}), yes|no, classes")
        acts[parts[0]] = parts[1]
        if parts[2] == "yes":
            cues.add(parts[0])
    return acts, cues


def _noun_acts(path: Path, data: dict[str, Any]) -> dict[str, str]:
    table = data.get("cue_noun_acts") or {}
    out = {}
    for act, nouns in table.items():
        if act not in ACTS:
            raise DataFileError(str(path), f"unknown act {act!r}; expected one of {list(ACTS)}", "cue_noun_acts")
        out.update({str(n).lower(): act for n in nouns})
    return out


def load_lexicon(data_dir: Path = DATA_DIR) -> CueWords:
    """Read and validate `speech_verbs.yaml`, `cues.yaml` and `references.yaml` from `data_dir`."""
    verbs_path, cues_path, refs_path = (data_dir / n for n in ("speech_verbs.yaml", "cues.yaml", "references.yaml"))
    verbs = _load_verbs(verbs_path)
    cues = read_yaml(cues_path)
    preps = set()
    for phrase in word_list(cues_path, cues, "source_prepositions"):
        parts = phrase.split()
        if len(parts) != 2:
            raise DataFileError(str(cues_path), f"{phrase!r} must be two words: head and preposition",
                                "source_prepositions")
        preps.add((parts[0], parts[1]))
    refs = read_yaml(refs_path)
    acts, derived_cues = load_acts(data_dir / "verbnet" / "cue_acts.tsv")
    clause_only = set(word_list(cues_path, cues, "clause_only_verbs"))
    for lemma in derived_cues - set(verbs):
        # a communication verb of VerbNet the curated list lacks: a cue with a clause or quote only
        verbs[lemma] = "speech"
        clause_only.add(lemma)
    return CueWords(
        verbs=verbs,
        source_prepositions=frozenset(preps),
        attribution_nouns=frozenset(word_list(cues_path, cues, "attribution_nouns")),
        issuing_verbs=frozenset(word_list(cues_path, cues, "issuing_verbs")),
        cue_nouns=frozenset(word_list(cues_path, cues, "cue_nouns")),
        relay_verbs=frozenset(word_list(cues_path, cues, "relay_verbs")),
        clause_only_verbs=frozenset(clause_only),
        non_speaker_labels=frozenset(word_list(cues_path, cues, "non_speaker_labels")),
        relay_nouns=frozenset(word_list(cues_path, cues, "relay_nouns")),
        pronouns=_load_pronouns(refs_path, refs),
        person_nouns=frozenset(word_list(refs_path, refs, "person_nouns")),
        group_nouns=frozenset(word_list(refs_path, refs, "group_nouns")),
        sources=(str(verbs_path), str(cues_path), str(refs_path)),
        acts=acts,
        noun_acts=_noun_acts(cues_path, cues),
    )
