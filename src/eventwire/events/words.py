"""The closed word classes of the events stage (`data/words.yaml`), as one typed object.

Prepositions by the role they introduce, imperative openers and group-member
words are knowledge, not code: they live in the data file, one list per concept,
and the stage reads them as attributes of `EventWords` (`default_words()`).
Classes shared with the actors stage (place prepositions, pronoun classes,
relative pronouns) come from `eventwire.actors.words.default_words()`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import load_word_classes

WORDS_FILE = Path(__file__).with_name("data") / "words.yaml"


@dataclass(frozen=True)
class EventWords:
    """Each field is the list of the same name in `data/words.yaml` (see its comments).
    Tuples keep the file's order (prepositions tried one after another)."""

    member_words: frozenset[str]
    argument_span_prepositions: frozenset[str]
    occurrence_place_prepositions: frozenset[str]
    imperative_openers: frozenset[str]
    event_place_prepositions: frozenset[str]
    addressee_prepositions: frozenset[str]
    complement_prepositions: frozenset[str]
    noun_patient_prepositions: frozenset[str]
    object_party_prepositions: tuple[str, ...]
    asking_for_verbs: frozenset[str]
    content_marks: frozenset[str]
    named_cause_events: frozenset[str]
    crowd_events: frozenset[str]
    outsider_nouns: frozenset[str]
    force_modifiers: frozenset[str]
    venue_named_nouns: frozenset[str]
    counted_state_nouns: frozenset[str]
    state_counters: frozenset[str]
    headline_passive_events: frozenset[str]
    standing_rule_heads: frozenset[str]
    grievance_prepositions: tuple[str, ...]
    border_nouns: frozenset[str]
    relation_nouns: frozenset[str]
    helper_nouns: frozenset[str]
    stance_phrase_nouns: frozenset[str]
    on_topic_noun_classes: frozenset[str]
    responsibility_nouns: frozenset[str]
    responsibility_verbs: frozenset[str]
    culprit_prepositions: frozenset[str]
    joining_verbs: frozenset[str]
    carer_nouns: frozenset[str]
    patient_nouns: frozenset[str]
    destination_modes: frozenset[str]
    stance_phrase_prepositions: tuple[str, ...]
    mission_nouns: frozenset[str]
    opposed_party_prepositions: frozenset[str]
    content_object_recipient_prepositions: tuple[str, ...]
    folded_noun_prepositions: tuple[str, ...]
    noun_recipient_prepositions: tuple[str, ...]
    clause_recipient_prepositions: tuple[str, ...]
    nested_place_prepositions: frozenset[str]
    topic_prepositions: frozenset[str]
    many_country_modifiers: frozenset[str]
    mediator_participles: frozenset[str]
    place_event_compounds: frozenset[str]
    collective_nouns: frozenset[str]
    owning_verbs: frozenset[str]
    word_owning_verbs: frozenset[str]
    force_events: frozenset[str]
    addressed_events: frozenset[str]
    grievance_events: frozenset[str]
    denial_events: frozenset[str]
    directed_prepositions: frozenset[str]
    joined_act_prepositions: frozenset[str]
    unacted_act_prepositions: frozenset[str]
    sequence_prepositions: frozenset[str]
    participation_events: frozenset[str]
    reflexive_free_events: frozenset[str]
    collision_verbs: frozenset[str]
    vehicle_nouns: frozenset[str]
    driving_verbs: frozenset[str]
    ramming_words: frozenset[str]
    threat_suffering_verbs: frozenset[str]
    own_loss_verbs: frozenset[str]


def load_words(path: Path | str = WORDS_FILE) -> EventWords:
    """Read and validate every list; a missing or malformed one raises `DataFileError` naming the file and key."""
    return load_word_classes(EventWords, path)


@lru_cache(maxsize=1)
def default_words() -> EventWords:
    return load_words()
