"""Loaded language and unattributed claims (eventwire/framing/language.py)."""

from __future__ import annotations

from eventwire.framing.language import LanguageFinder

FRONT = {"Red Lantern Front": ("Red Lantern Front", "ORG", "REB")}


def loaded(article):
    return [(lab.text, lab.start, lab.end) for lab in article.labels if lab.kind == "loaded"]


def test_loaded_hits_with_offsets_and_inflections(frame):
    text = "The barbaric raid was called a massacre. Witnesses counted three massacres this year."
    hits = loaded(frame(text, {}))
    assert [h[0] for h in hits] == ["barbaric", "massacre", "massacres"]
    for word, start, end in hits:
        assert text[start:end] == word


def test_loaded_multiword_and_hyphenated_terms(frame):
    text = "The so-called council met while the world watched with bated breath."
    assert [h[0] for h in loaded(frame(text, {}))] == ["so-called", "bated breath"]


def test_loaded_terms_inside_names_are_skipped(frame):
    text = "The Heroic Dawn Party met the Red Lantern Front on Monday."
    assert loaded(frame(text, {"Heroic Dawn Party": ("Heroic Dawn Party", "ORG", "PTY"), **FRONT})) == []


def test_loaded_category_undoes_inflection(lexicon):
    finder = LanguageFinder(lexicon)
    assert finder.category("Massacres") == "emotive"
    assert finder.category("unprecedented") == "intensifier"
    assert finder.category("table") is None


def test_unattributed_evaluative_sentence_is_marked(frame):
    text = "The raid on Orvel was a barbaric act. The minister said the raid was barbaric."
    article = frame(text, {})
    cats = [lab for lab in article.labels if lab.kind == "category"]
    assert len(cats) == 1
    assert cats[0].text == "unattributed evaluative claim"
    assert text[cats[0].start:cats[0].end].startswith("The raid on Orvel was a barbaric act.")


def test_unattributed_ignores_intensifiers_and_quotes(frame):
    text = ("Prices rose by an unprecedented amount. "
            "\u201cIt was a barbaric and heinous attack on our homes,\u201d she said.")
    assert [lab for lab in frame(text, {}).labels if lab.kind == "category"] == []


def test_loaded_inside_quote_has_speaker_voice(frame):
    text = "\u201cThey carried out a massacre in our town,\u201d Mara Tesk said."
    article = frame(text, {}, quotes=[(1, text.index(",\u201d"), "Mara Tesk")])
    assert [(lab.text, lab.voice) for lab in article.labels if lab.kind == "loaded"] == [("massacre", "Mara Tesk")]
