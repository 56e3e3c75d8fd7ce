"""Loading the quote stage's word lists (`data/*.yaml`) through one validating loader.

Every list a linguist might edit lives in `data/` (see `data/README.md`); this
module checks its shape and turns it into sets the extractor can look up.
Errors name the file and the key, so a bad entry can be fixed without a debugger.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import DataFileError

DATA_DIR = Path(__file__).with_name("data")
VERB_CATEGORIES = ("speech", "belief", "evidence", "stance")
PRONOUN_KINDS = ("person", "group")


@dataclass(frozen=True)
class Lexicon:
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


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except OSError as exc:
        raise DataFileError(str(path), f"cannot be read: {exc}") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), f"is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(str(path), f"expected a mapping at the top level, found {type(data).__name__}")
    return data


def _word_list(path: Path, data: dict[str, Any], key: str) -> list[str]:
    """A required list of non-empty strings without duplicates, lower-cased."""
    if key not in data:
        raise DataFileError(str(path), "missing required key", key)
    items = data[key]
    if not isinstance(items, list) or not items:
        raise DataFileError(str(path), "expected a non-empty list of words", key)
    seen: set[str] = set()
    out = []
    for i, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise DataFileError(str(path), f"entry {i} is {item!r}, expected a non-empty string", key)
        word = " ".join(item.lower().split())
        if word in seen:
            raise DataFileError(str(path), f"entry {i} {item!r} is listed twice", key)
        seen.add(word)
        out.append(word)
    return out


def _load_verbs(path: Path) -> dict[str, str]:
    data = _read_yaml(path)
    unknown = set(data) - set(VERB_CATEGORIES)
    if unknown:
        raise DataFileError(str(path), f"unknown categories {sorted(unknown)}; expected {list(VERB_CATEGORIES)}")
    verbs: dict[str, str] = {}
    for category in VERB_CATEGORIES:
        for lemma in _word_list(path, data, category):
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


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read and validate `speech_verbs.yaml`, `cues.yaml` and `references.yaml` from `data_dir`."""
    verbs_path, cues_path, refs_path = (data_dir / n for n in ("speech_verbs.yaml", "cues.yaml", "references.yaml"))
    verbs = _load_verbs(verbs_path)
    cues = _read_yaml(cues_path)
    preps = set()
    for phrase in _word_list(cues_path, cues, "source_prepositions"):
        parts = phrase.split()
        if len(parts) != 2:
            raise DataFileError(str(cues_path), f"{phrase!r} must be two words: head and preposition",
                                "source_prepositions")
        preps.add((parts[0], parts[1]))
    refs = _read_yaml(refs_path)
    return Lexicon(
        verbs=verbs,
        source_prepositions=frozenset(preps),
        attribution_nouns=frozenset(_word_list(cues_path, cues, "attribution_nouns")),
        cue_nouns=frozenset(_word_list(cues_path, cues, "cue_nouns")),
        relay_verbs=frozenset(_word_list(cues_path, cues, "relay_verbs")),
        clause_only_verbs=frozenset(_word_list(cues_path, cues, "clause_only_verbs")),
        non_speaker_labels=frozenset(_word_list(cues_path, cues, "non_speaker_labels")),
        relay_nouns=frozenset(_word_list(cues_path, cues, "relay_nouns")),
        pronouns=_load_pronouns(refs_path, refs),
        person_nouns=frozenset(_word_list(refs_path, refs, "person_nouns")),
        group_nouns=frozenset(_word_list(refs_path, refs, "group_nouns")),
        sources=(str(verbs_path), str(cues_path), str(refs_path)),
    )
