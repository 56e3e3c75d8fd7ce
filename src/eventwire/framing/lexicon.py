"""Loading the framing data files (`data/`) through one validating loader.

`descriptors.yaml` holds the head nouns and modifiers that make a noun phrase
a label (`DescriptorLexicon`); `loaded.yaml` the team's loaded terms, the
loaded-language model's weights and the reporting supersenses; with the
evaluative word table derived from VADER and WordNet (`eventwire.nlp.lexicon`)
they make the `LoadedLanguageLexicon`. Errors name the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..datafiles import read_yaml, word_list
from ..errors import DataFileError
from ..nlp.lexicon import EVALUATIVE, evaluative_table, load_evaluative

DATA_DIR = Path(__file__).with_name("data")
HEAD_CATEGORIES = ("group", "person", "state")
LOADED_CATEGORIES = ("evaluative", "emotive", "intensifier", "distancing")
POS_TAGS = ("ADJ", "ADV", "NOUN", "VERB")


@dataclass(frozen=True)
class Head:
    word: str
    category: str  # group | person | state
    bare: bool  # labels without a modifier ("the regime")


@dataclass(frozen=True)
class DescriptorLexicon:
    """What makes a noun phrase a label for an actor (descriptors.yaml)."""

    heads: dict[str, Head]  # lower-cased word (may be two words) -> Head
    modifiers: dict[str, str]  # lower-cased modifier -> category
    sponsor_suffixes: frozenset[str]  # "backed" in "Vostra-backed"
    neutral_modifiers: frozenset[str]
    trailing_prepositions: frozenset[str]  # open a short phrase after a label head ("the group in the valley")


@dataclass(frozen=True)
class LoadedLanguageLexicon:
    """The loaded-language model's knowledge: word priors, the team's terms, weights (loaded.yaml, evaluative.tsv)."""

    loaded: dict[str, str]  # the team's terms: lower-cased term (one or more words) -> category
    category_strengths: dict[str, float]  # category of the team's terms -> strength
    evaluative: dict[tuple[str, str], tuple[float, str, str, str, int]]  # (word, POS or *) -> (prior, source,
    # supersense, polarity, number of WordNet senses)
    source_weights: dict[str, float]  # evaluative.tsv source -> weight
    pos_weights: dict[str, float]  # coarse POS -> weight
    judgement_sources: frozenset[str]  # sources that judge by definition: never damped as reporting words
    reporting_supersenses: frozenset[str]  # WordNet lexicographer files of reporting vocabulary
    reporting_factor: float  # how much reporting vocabulary keeps of its strength
    positive_weight: float  # praise is rarely loaded in news; weight of positive-valence words
    unrated_pos: frozenset[str]  # parts of speech whose words no resource rates are still scored, by context
    unrated_shown_pos: frozenset[str]  # of those, the parts of speech whose words may be shown
    figurative_prepositions: frozenset[str]  # after a verb of striking, mark it used of words ("slammed X for")
    suffix_classes: tuple[str, ...]  # derivational endings the calibration weighs ("-ous", "-ism")
    calibration: dict[str, float]  # logistic weights of the hit features ("bias" included); empty: heuristic


@dataclass(frozen=True)
class FramingLexicons:
    """Both framing lexicons, loaded together once per process."""

    descriptors: DescriptorLexicon
    loaded: LoadedLanguageLexicon


def _entries(path: Path, data: dict[str, Any], key: str, fields: dict[str, type]) -> list[dict[str, Any]]:
    """A required list of mappings, each with exactly `fields` of the given types."""
    items = data.get(key)
    if not isinstance(items, list) or not items:
        raise DataFileError(str(path), "expected a non-empty list of entries", key)
    for i, item in enumerate(items):
        if not isinstance(item, dict) or set(item) != set(fields):
            raise DataFileError(str(path), f"entry {i} is {item!r}, expected keys {sorted(fields)}", key)
        for name, kind in fields.items():
            if not isinstance(item[name], kind) or (kind is str and not item[name].strip()):
                raise DataFileError(str(path), f"entry {i} field {name!r} is {item[name]!r}, "
                                               f"expected {kind.__name__}", key)
    return items


def _load_descriptors(path: Path) -> dict[str, Any]:
    data = read_yaml(path)
    heads: dict[str, Head] = {}
    for i, entry in enumerate(_entries(path, data, "heads", {"word": str, "category": str, "bare": bool})):
        word = " ".join(entry["word"].lower().split())
        if entry["category"] not in HEAD_CATEGORIES:
            raise DataFileError(str(path), f"entry {i} ({word}) has category {entry['category']!r}, "
                                           f"expected one of {list(HEAD_CATEGORIES)}", "heads")
        if word in heads:
            raise DataFileError(str(path), f"entry {i} {word!r} is listed twice", "heads")
        heads[word] = Head(word, entry["category"], entry["bare"])
    modifiers: dict[str, str] = {}
    for i, entry in enumerate(_entries(path, data, "modifiers", {"word": str, "category": str})):
        word = entry["word"].lower().strip()
        if word in modifiers:
            raise DataFileError(str(path), f"entry {i} {word!r} is listed twice", "modifiers")
        modifiers[word] = entry["category"]
    return {"heads": heads, "modifiers": modifiers,
            "sponsor_suffixes": frozenset(word_list(path, data, "sponsor_suffixes")),
            "neutral_modifiers": frozenset(word_list(path, data, "neutral_modifiers")),
            "trailing_prepositions": frozenset(word_list(path, data, "trailing_prepositions"))}


def _weights(path: Path, data: dict[str, Any], key: str, names: tuple[str, ...] | None = None) -> dict[str, float]:
    items = data.get(key)
    if not isinstance(items, dict) or not items:
        raise DataFileError(str(path), "expected a mapping of names to numbers", key)
    for name, value in items.items():
        if not isinstance(value, int | float) or not 0 <= value <= 1:
            raise DataFileError(str(path), f"{name!r} is {value!r}, expected a number in [0, 1]", key)
        if names is not None and name not in names:
            raise DataFileError(str(path), f"unknown name {name!r}; expected one of {list(names)}", key)
    return {str(k): float(v) for k, v in items.items()}


def _pos_list(path: Path, data: dict[str, Any], key: str) -> list[str]:
    tags = [t.upper() for t in word_list(path, data, key)]
    bad = [t for t in tags if t not in POS_TAGS]
    if bad:
        raise DataFileError(str(path), f"unknown parts of speech {bad}; expected some of {list(POS_TAGS)}", key)
    return tags


def _load_calibration(path: Path) -> dict[str, float]:
    if not path.exists():
        return {}
    data = read_yaml(path)
    weights = data.get("weights")
    if not isinstance(weights, dict) or not all(isinstance(v, int | float) for v in weights.values()):
        raise DataFileError(str(path), "expected a mapping of feature names to numbers", "weights")
    return {str(k): float(v) for k, v in weights.items()}


def _load_loaded(path: Path, table_path: Path) -> LoadedLanguageLexicon:
    data = read_yaml(path)
    unknown = set(data) - set(LOADED_CATEGORIES) - {"model"}
    if unknown:
        raise DataFileError(str(path), f"unknown keys {sorted(unknown)}; expected {list(LOADED_CATEGORIES)} "
                                       f"and model")
    loaded: dict[str, str] = {}
    for category in LOADED_CATEGORIES:
        for term in word_list(path, data, category):
            if term in loaded:
                raise DataFileError(str(path), f"{term!r} is also listed under {loaded[term]}", category)
            loaded[term] = category
    model = data.get("model")
    if not isinstance(model, dict):
        raise DataFileError(str(path), "expected a mapping", "model")
    where = f"{path} [model]"
    for key in ("reporting_factor", "positive_weight"):
        value = model.get(key)
        if not isinstance(value, int | float) or not 0 <= value <= 1:
            raise DataFileError(where, f"{key} is {value!r}, expected a number in [0, 1]")
    return LoadedLanguageLexicon(
        loaded=loaded,
        category_strengths=_weights(Path(where), model, "category_strengths",
                                    (*LOADED_CATEGORIES, "label_word", "figurative")),
        # the shipped table is read once per process (the event coder reads it too)
        evaluative=evaluative_table() if table_path == EVALUATIVE else load_evaluative(table_path),
        source_weights=_weights(Path(where), model, "source_weights"),
        pos_weights=_weights(Path(where), model, "pos_weights", POS_TAGS),
        judgement_sources=frozenset(word_list(Path(where), model, "judgement_sources")),
        reporting_supersenses=frozenset(word_list(Path(where), model, "reporting_supersenses")),
        reporting_factor=float(model["reporting_factor"]),
        positive_weight=float(model["positive_weight"]),
        unrated_pos=frozenset(_pos_list(Path(where), model, "unrated_pos")),
        unrated_shown_pos=frozenset(_pos_list(Path(where), model, "unrated_shown_pos")),
        figurative_prepositions=frozenset(word_list(Path(where), model, "figurative_prepositions")),
        suffix_classes=tuple(word_list(Path(where), model, "suffix_classes")),
        calibration=_load_calibration(path.with_name("calibration.yaml")))


def load_lexicon(data_dir: Path = DATA_DIR, table: Path = EVALUATIVE) -> FramingLexicons:
    """Read and validate `descriptors.yaml` and `loaded.yaml` from `data_dir`, and the evaluative word
    table (`eventwire/nlp/data/evaluative.tsv`)."""
    return FramingLexicons(DescriptorLexicon(**_load_descriptors(data_dir / "descriptors.yaml")),
                           _load_loaded(data_dir / "loaded.yaml", table))


def shown_threshold() -> float:
    """`[framing] loaded_threshold` of config.toml: loaded labels below this strength are not shown."""
    import tomllib

    from ..settings import CONFIG_PATH

    with CONFIG_PATH.open("rb") as fh:
        return float(tomllib.load(fh).get("framing", {}).get("loaded_threshold", 0.0))


def unrated_threshold() -> float:
    """`[framing] unrated_threshold` of config.toml: a word no resource rates (judged by its context alone) is
    shown only from this strength (and never below the shown threshold)."""
    import tomllib

    from ..settings import CONFIG_PATH

    with CONFIG_PATH.open("rb") as fh:
        return float(tomllib.load(fh).get("framing", {}).get("unrated_threshold", 1.0))


def sentence_threshold() -> float:
    """`[framing] sentence_threshold` of config.toml: a sentence is loaded when the sentence model's
    probability (framing/sentences.py) reaches it."""
    import tomllib

    from ..settings import CONFIG_PATH

    with CONFIG_PATH.open("rb") as fh:
        framing = tomllib.load(fh).get("framing", {})
    return float(framing.get("sentence_threshold", framing.get("loaded_threshold", 0.0)))


# Descriptor modifier categories that judge (not "alignment": "state-run" is a fact about a body).
JUDGING_MODIFIERS = ("ideology", "violence", "evaluation", "distancing")


def label_words(lex: DescriptorLexicon) -> list[str]:
    """descriptors.yaml modifiers that judge whom they describe ("leftist", "fanatical", "so-called")."""
    return [w for w, category in lex.modifiers.items() if category in JUDGING_MODIFIERS]
