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
PRONOUN_KINDS = ("person", "group")


@dataclass(frozen=True)
class CueWords:
    """Cue verbs, cue phrases and reference words, all lower-cased."""

    verbs: dict[str, str]  # lemma -> category (speech | belief | evidence | stance)
    source_prepositions: frozenset[tuple[str, str]]  # ("according", "to")
    attribution_nouns: frozenset[str]
    cue_nouns: frozenset[str]  # "X's claim that ...": nouns that are cues
    relay_verbs: frozenset[str]
    clause_only_verbs: frozenset[str]  # cues only with a clause or quote as content
    non_speaker_labels: frozenset[str]  # "Editor's note:" and the like
    relay_nouns: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> person | group
    person_nouns: frozenset[str]
    group_nouns: frozenset[str]
    sources: tuple[str, ...] = field(default=())  # the files it was read from


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
    return CueWords(
        verbs=verbs,
        source_prepositions=frozenset(preps),
        attribution_nouns=frozenset(word_list(cues_path, cues, "attribution_nouns")),
        cue_nouns=frozenset(word_list(cues_path, cues, "cue_nouns")),
        relay_verbs=frozenset(word_list(cues_path, cues, "relay_verbs")),
        clause_only_verbs=frozenset(word_list(cues_path, cues, "clause_only_verbs")),
        non_speaker_labels=frozenset(word_list(cues_path, cues, "non_speaker_labels")),
        relay_nouns=frozenset(word_list(cues_path, cues, "relay_nouns")),
        pronouns=_load_pronouns(refs_path, refs),
        person_nouns=frozenset(word_list(refs_path, refs, "person_nouns")),
        group_nouns=frozenset(word_list(refs_path, refs, "group_nouns")),
        sources=(str(verbs_path), str(cues_path), str(refs_path)),
    )
