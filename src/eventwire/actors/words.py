"""The closed word classes of the actors stage (`data/words.yaml`), as one typed object.

Honorifics, place prepositions, title nouns, determiners and the like are
knowledge, not code: they live in the data file, one list per concept, and
the stage reads them as attributes of `ActorWords` (`default_words()`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_word_classes

WORDS_FILE = Path(__file__).with_name("data") / "words.yaml"


@dataclass(frozen=True)
class ActorWords:
    """Each field is the list of the same name in `data/words.yaml` (see its comments)."""

    honorifics: frozenset[str]
    place_prepositions: frozenset[str]
    person_titles: frozenset[str]
    body_heads: frozenset[str]
    determiners: frozenset[str]
    articles: frozenset[str]
    title_joiners: frozenset[str]
    owner_suffixes: frozenset[str]
    stance_prefixes: frozenset[str]
    definite_country_first_words: frozenset[str]
    definite_country_last_words: tuple[str, ...]
    invariable_demonym_endings: tuple[str, ...]
    date_lead_words: tuple[str, ...]
    masculine_pronouns: frozenset[str]
    feminine_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    neuter_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    definite_determiners: frozenset[str]
    target_prepositions: frozenset[str]
    attribution_heads: frozenset[str]
    leader_bodies: frozenset[str]
    demonstratives: frozenset[str]
    impersonal_subjects: frozenset[str]
    owner_prepositions: frozenset[str]
    website_nouns: frozenset[str]
    relation_nouns: frozenset[str]
    us_party_members: frozenset[str]


def load_words(path: Path | str = WORDS_FILE) -> ActorWords:
    """Read and validate every list; a missing or malformed one raises `DataFileError` naming the file and key."""
    return load_word_classes(ActorWords, path)


@lru_cache(maxsize=1)
def default_words() -> ActorWords:
    return load_words()
