"""The document-level who-is-who model (eventwire/actors/whoiswho.py), through the speakers it
gives the quotes stage: invented people and organisations, one general pattern per test."""

from __future__ import annotations

import pytest

from eventwire.actors.whoiswho import Forenames, load_forenames

pytestmark = pytest.mark.slow


def _speaker(article, phrase: str):
    q = next(q for q in article.quotes if phrase in q.text)
    return q.speaker


def test_forename_table_comes_from_the_packaged_resource():
    names = load_forenames()
    assert names.gender("Margaret") == "f" and names.gender("Robert") == "m"
    assert Forenames({}).gender("Margaret") is None


def test_missing_forename_resource_is_an_error_not_a_silent_loss_of_gender(monkeypatch):
    import importlib.util

    from eventwire.errors import PipelineError

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a, **k: None if name == "nomquamgender" else real(name, *a, **k))
    with pytest.raises(PipelineError, match="nomquamgender"):
        load_forenames()


def test_pronoun_agrees_in_gender_with_its_antecedent(run_text):
    text = ("Margaret Olden, the mayor of Vessa, met Robert Kalin on Monday.\n"
            "“The bridge will be rebuilt,” she said.")
    sp = _speaker(run_text(text), "bridge will be rebuilt")
    assert sp.name == "Margaret Olden" and sp.via == "pronoun"


def test_honorific_gives_the_gender_a_surname_alone_cannot(run_text):
    text = ("Mr. Kastrup met Ms. Varolen in Vessa on Monday.\n"
            "“The bridge will be rebuilt,” she said.")
    sp = _speaker(run_text(text), "bridge will be rebuilt")
    assert sp.name == "Varolen" and sp.via == "pronoun"


def test_pronoun_prefers_the_subject_who_spoke_over_a_later_object(run_text):
    text = ("Robert Kalin said he expects Margaret Olden to resign. "
            "But he said the council would be mistaken to wait.")
    article = run_text(text)
    sp = _speaker(article, "council would be mistaken")
    assert sp.name == "Robert Kalin"


def test_descriptor_in_apposition_is_found_again(run_text):
    text = ("The Karsh Front, a farmers' movement, blocked the northern road on Monday. "
            "Police cleared the road by evening.\n"
            "The movement said that the blockade would resume on Friday.")
    sp = _speaker(run_text(text), "blockade would resume")
    assert sp.name == "Karsh Front" and sp.via == "descriptor"


def test_title_descriptor_resolves_to_the_nearest_compatible_person(run_text):
    text = ("Rep. Tomas Ardell, a Vessa lawmaker, called on the president to act. "
            "The Vessa congressman said the delay was dangerous.")
    sp = _speaker(run_text(text), "delay was dangerous")
    assert sp.name == "Tomas Ardell"


def test_full_name_with_another_forename_is_another_person(run_text):
    text = ("Robert Kalin spoke first. Later, Anna Kalin said that the farm would be sold.")
    sp = _speaker(run_text(text), "farm would be sold")
    assert sp.name == "Anna Kalin"


def test_coordinated_speakers_are_all_listed(run_text):
    q = run_text("Margaret Olden and Robert Kalin said the bridge would be rebuilt.").quotes[0]
    assert [s.name for s in q.speakers] == ["Margaret Olden", "Robert Kalin"]
    assert q.speaker.name == "Margaret Olden"


def test_plural_pronoun_after_coordination_gives_both(run_text):
    text = ("Margaret Olden and Robert Kalin sent a letter to the council on Thursday.\n"
            "“The bridge must be rebuilt,” they wrote.")
    q = next(q for q in run_text(text).quotes if "bridge must" in q.text)
    assert [s.name for s in q.speakers] == ["Margaret Olden", "Robert Kalin"]


def test_abstract_noun_is_never_a_speaker(run_text):
    article = run_text("The details of the plan suggest that the dam will be built in May.")
    for q in article.quotes:
        assert q.speaker is None or q.speaker.name is None or "detail" not in q.speaker.name.lower()


def test_document_speaks_for_its_author(run_text):
    text = ("The Karsh Front issued a statement on Monday.\n"
            "The statement said that the farmers would not leave the valley.")
    sp = _speaker(run_text(text), "farmers would not leave")
    assert sp.name == "Karsh Front" and sp.via == "document"


def test_relative_pronoun_takes_the_noun_it_modifies(run_text):
    sp = _speaker(run_text("Robert Kalin, who said the valley would flood, left the meeting early."), "valley would")
    assert sp is not None and sp.name == "Robert Kalin"


def test_headline_descriptor_is_the_person_the_body_names(run_text):
    text = ("Dam Was Never Safe, Former Vessa Doctor Says\n\n"
            "Dr. Margaret Olden, who treated workers at the dam for a decade, said the cracks were known in 2019.")
    q = next(q for q in run_text(text).quotes if "Dam Was Never Safe" in q.text)
    assert q.speaker.name == "Margaret Olden" and q.speaker.via == "descriptor"


def test_coded_description_gives_the_speaker_its_side(run_text):
    """A description such as "a senior Afghan official" as a speaker keeps the country the actors stage found."""
    text = "“The checkpoint was attacked at dawn,” a senior Afghan official said on Monday."
    sp = _speaker(run_text(text), "checkpoint was attacked")
    assert (sp.code, sp.sector) == ("AFG", "GOV")


def test_the_country_refers_back_to_a_country_never_to_an_organisation(run_text):
    text = ("The Karsh Front met Norway's prime minister in Oslo on Monday.\n"
            "The country said that it would send more aid to the valley.")
    sp = _speaker(run_text(text), "send more aid")
    assert sp.name != "Karsh Front"


def test_the_ministry_never_refers_back_to_a_country(run_text):
    text = ("Norway hosted the talks with the Karsh Front on Monday.\n"
            "The ministry said that the talks would resume in March.")
    sp = _speaker(run_text(text), "talks would resume")
    assert sp.name != "Norway"


def test_a_description_after_a_comma_is_no_second_party():
    """The parser sometimes reads "China, Pyongyang's only ally and its lifeline," as a coordination."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from eventwire.actors.whoiswho import _conjuncts

    vocab = English().vocab  # lexical attributes: lower-case forms

    words = ["Norway", ",", "Vostra", "'s", "ally", "and", "its", "lender", ",", "said", "no", "."]
    heads = [9, 0, 4, 2, 0, 4, 7, 4, 0, 9, 9, 9]
    deps = ["nsubj", "punct", "poss", "case", "conj", "cc", "poss", "conj", "punct", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PART", "NOUN", "CCONJ", "PRON", "NOUN", "PUNCT", "VERB", "DET", "PUNCT"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert _conjuncts(doc[0]) == []
    words = ["Ostrova", ",", "Dorn", "and", "Varo", "said", "no", "."]
    doc = Doc(vocab, words=words, heads=[5, 0, 0, 2, 2, 5, 5, 5],
              deps=["nsubj", "punct", "conj", "cc", "conj", "ROOT", "dobj", "punct"],
              pos=["PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB", "DET", "PUNCT"])
    assert [t.text for t in _conjuncts(doc[0])] == ["Dorn", "Varo"]
