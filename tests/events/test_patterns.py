"""The pattern loader: validation errors name file and key; user files extend."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events.patterns import DATA_DIR, load_lexicon, load_patterns

MODES = {"ACCUSE": ["disapprove"], "REJECT": []}


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "mine.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_load_lexicon_shipped_files_are_valid():
    lex = load_lexicon()
    assert {p.event for p in lex.patterns} == set(lex.modes)  # every PLOVER type has patterns
    assert any(p.id == "request.call_for" for p in lex.lookup("verb", "call"))


@pytest.mark.parametrize("body, reason", [
    ("patterns:\n  - {id: x.y, event: SCOLD, verbs: [chide]}\n", "'event' must be one of"),
    ("patterns:\n  - {id: x.y, event: ACCUSE, mode: shout, verbs: [chide]}\n", "not a mode of ACCUSE"),
    ("patterns:\n  - {id: x.y, event: ACCUSE, verbs: [chide], colour: red}\n", "unknown keys"),
    ("patterns:\n  - {id: x.y, event: ACCUSE}\n", "at least one of verbs/nouns/adjs"),
    ("patterns:\n  - {id: x.y, event: ACCUSE, verbs: [chide], with: [prep]}\n", "dep:lemma"),
    ("patterns:\n  - {id: x.y, event: ACCUSE, verbs: [chide], content: [subject]}\n", "unknown slot"),
    ("patterns: [\n", "not valid YAML"),
    ("patterns:\n  - {id: x.y, event: REJECT, verbs: [put], object_of_prep: {on: [hold]}}\n", "quote 'on'"),
    ("patterns:\n  - {id: x.y, event: REJECT, verbs: [warn], content: [xcomp], content_negated: maybe}\n",
     "content_negated must be true or false"),
    ("patterns:\n  - {id: x.y, event: REJECT, verbs: [warn], content: [dobj], content_negated: true}\n",
     "needs an xcomp or ccomp content slot"),
    ("patterns:\n  - {id: x.y, event: ACCUSE, verbs: [call], restrict: {predicate: [rude]}}\n", "unknown polarities"),
    ("patterns:\n  - {id: x.y, event: REJECT, verbs: [disarm], patient_acts: often}\n",
     "patient_acts must be true or false"),
    ("patterns:\n  - {id: x.y, event: REJECT, nouns: [strike], head: [pobj]}\n", "dep:lemma"),
    ("patterns:\n  - {id: x.y, event: REJECT, verbs: [gear], content: [xcomp], content_events: [brawl]}\n",
     "content_events needs content slots and PLOVER event types"),
])
def test_load_patterns_errors_name_file_and_key(tmp_path, body, reason):
    path = _write(tmp_path, body)
    with pytest.raises(DataFileError) as err:
        load_patterns(path, MODES)
    assert str(path) in str(err.value) and reason in str(err.value)


def test_load_lexicon_duplicate_id_is_refused(tmp_path):
    path = _write(tmp_path, "patterns:\n  - {id: request.call_for, event: REQUEST, verbs: [beseech]}\n")
    with pytest.raises(DataFileError, match="duplicate pattern id"):
        load_lexicon([path])


def test_load_lexicon_user_file_adds_patterns(tmp_path):
    path = _write(tmp_path, "patterns:\n  - {id: mine.chide, event: ACCUSE, mode: disapprove, verbs: [chide]}\n")
    lex = load_lexicon([path])
    assert [p.id for p in lex.lookup("verb", "chide")] == ["mine.chide"]


def test_load_lexicon_markers_missing_list_is_reported(tmp_path):
    for name in ("ontology.yaml", "patterns.yaml", "modes.yaml", "contexts.yaml"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "markers.yaml").write_text("light_verbs: [launch]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"markers.yaml \[light_nouns\]"):
        load_lexicon(data_dir=tmp_path)


def test_load_lexicon_bad_legacy_mode_is_reported(tmp_path):
    for name in ("markers.yaml", "patterns.yaml", "modes.yaml", "contexts.yaml"):
        (tmp_path / name).write_text((DATA_DIR / name).read_text(encoding="utf-8"), encoding="utf-8")
    ontology = (DATA_DIR / "ontology.yaml").read_text(encoding="utf-8")
    (tmp_path / "ontology.yaml").write_text(ontology.replace("destroy: ASSAULT", "destroy: SMASH"), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"ontology.yaml \[legacy_modes\]"):
        load_lexicon(data_dir=tmp_path)
