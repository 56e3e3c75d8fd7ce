"""The framing stage as a whole (eventwire/framing/__init__.py)."""

from __future__ import annotations

from eventwire.framing import make_stage
from eventwire.model import Label
from eventwire.pipeline import Context
from eventwire.settings import Settings

FRONT = {"Red Lantern Front": ("Red Lantern Front", "ORG", "REB"), "RLF": ("Red Lantern Front", "ORG", "REB")}


def test_make_stage_declares_reads_and_writes():
    stage = make_stage(Context(Settings()))
    assert stage.name == "framing"
    assert stage.reads == ("doc", "entities", "quotes", "events")
    assert stage.writes == ("labels",)


def test_stage_keeps_scare_quotes_and_renumbers_in_offset_order(frame):
    text = "The RLF, a Kessar-backed militia, rejected the \u2018peace plan\u2019 as a barbaric trick."
    start = text.index("peace")
    scare = Label(id="fx:l0", article_id="fx", text="peace plan", start=start, end=start + 10, kind="scare_quote")
    article = frame(text, FRONT, labels=[scare])
    kinds = [(lab.kind, lab.text) for lab in article.labels]
    assert ("scare_quote", "peace plan") in kinds
    assert ("descriptor", "Kessar-backed militia") in kinds
    assert [lab.id for lab in article.labels] == [f"fx:l{n}" for n in range(len(article.labels))]
    assert [lab.start for lab in article.labels] == sorted(lab.start for lab in article.labels)


def test_stage_rerun_does_not_duplicate_its_labels(frame, spacy_nlp, lexicon):
    from eventwire.framing import frame_article
    from eventwire.framing.language import LoadedLanguageModel

    text = "The RLF, a Kessar-backed militia, carried out a barbaric raid."
    article = frame(text, FRONT)
    again = frame_article(article, spacy_nlp(text), lexicon, LoadedLanguageModel(lexicon.loaded))
    assert [(lab.kind, lab.start) for lab in again] == [(lab.kind, lab.start) for lab in article.labels]


def test_stage_uses_parser_entities_when_actors_stage_absent(spacy_nlp):
    from eventwire.model import Article

    stage = make_stage(Context(Settings()))
    text = "Officials said that the militant group, Hamdar Brigade, had planted the bomb near Orvel."
    article = Article(id="a", source="t", text=text)
    stage(article, spacy_nlp(text))
    assert all(lab.id.startswith("a:l") for lab in article.labels)
