"""Descriptor patterns of eventwire/framing/descriptors.py, on texts about invented actors."""

from __future__ import annotations

from eventwire.model import Article


def descriptors(article: Article) -> list[tuple[str, str | None, str]]:
    return [(lab.text, lab.actor, lab.voice) for lab in article.labels if lab.kind == "descriptor"]


FRONT = {"Red Lantern Front": ("Red Lantern Front", "ORG", "REB"), "RLF": ("Red Lantern Front", "ORG", "REB")}
FOSK = {"Ilan Fosk": ("Ilan Fosk", "PERSON", "GOV"), "Fosk": ("Ilan Fosk", "PERSON", "GOV")}
MARA = {"Mara Tesk": ("Mara Tesk", "PERSON", "REB"), "Tesk": ("Mara Tesk", "PERSON", "REB")}


def test_descriptor_apposition_after_name(frame):
    text = "Mara Tesk, the hardline leader of the Red Lantern Front, spoke in a video on Friday."
    assert ("hardline leader", "Mara Tesk", "writer") in descriptors(frame(text, {**MARA, **FRONT}))


def test_descriptor_apposition_with_possessor(frame):
    text = "The Red Lantern Front, the province's largest resistance movement, took the bridge."
    assert descriptors(frame(text, FRONT)) == [("resistance movement", "Red Lantern Front", "writer")]


def test_descriptor_apposition_before_name(frame):
    text = "Officials said that the terrorist organization, Red Lantern Front, had planted the bomb."
    assert descriptors(frame(text, FRONT)) == [("terrorist organization", "Red Lantern Front", "writer")]


def test_descriptor_premodifier_group_before_name(frame):
    text = "The separatist militant group Red Lantern Front seized the town of Orvel on Tuesday."
    assert descriptors(frame(text, FRONT)) == [("separatist militant group", "Red Lantern Front", "writer")]


def test_descriptor_label_word_before_title_and_name(frame):
    text = "The tax was raised by the administration of leftist Governor Ilan Fosk last spring."
    assert descriptors(frame(text, FOSK)) == [("leftist", "Ilan Fosk", "writer")]


def test_descriptor_sponsored_by_hyphen_compound(frame):
    text = "The RLF, a Kessar-backed militia, denied the report on Sunday."
    assert descriptors(frame(text, FRONT)) == [("Kessar-backed militia", "Red Lantern Front", "writer")]


def test_descriptor_predicate_nominal(frame):
    text = "The Red Lantern Front is a violent extremist organization."
    assert descriptors(frame(text, FRONT)) == [("violent extremist organization", "Red Lantern Front", "writer")]


def test_descriptor_negated_predicate_is_not_a_label(frame):
    text = "The Red Lantern Front is not a terrorist organization."
    assert descriptors(frame(text, FRONT)) == []


def test_descriptor_anaphor_resolves_to_recent_actor(frame):
    text = "Fighters of the RLF seized the bridge on Monday. The armed group withdrew two days later."
    assert descriptors(frame(text, FRONT)) == [("armed group", "Red Lantern Front", "writer")]


def test_descriptor_anaphor_person_head_takes_person(frame):
    text = "Mara Tesk spoke for an hour. Later the militant leader urged students to leave their classes."
    assert descriptors(frame(text, {**MARA, **FRONT})) == [("militant leader", "Mara Tesk", "writer")]


def test_descriptor_plain_heads_and_names_are_not_labels(frame):
    text = ("The RLF said on Monday that the group would talk. Its spokesman, Ilan Fosk, said the Kessarian "
            "group had no role. The Red Lantern Front leader Mara Tesk agreed.")
    assert descriptors(frame(text, {**FRONT, **FOSK, **MARA})) == []


def test_descriptor_new_referent_with_complement_is_not_anaphoric(frame):
    text = "The RLF fought on. The Kessar-backed network of smugglers that supplies it grew rich."
    assert descriptors(frame(text, FRONT)) == []


def test_descriptor_inside_quote_takes_speaker_voice(frame):
    text = "\u201cThe Red Lantern Front is a terrorist organization,\u201d Governor Ilan Fosk said."
    start, end = 1, text.index(",\u201d")
    article = frame(text, {**FRONT, **FOSK}, quotes=[(start, end, "Ilan Fosk")])
    assert descriptors(article) == [("terrorist organization", "Red Lantern Front", "Ilan Fosk")]


def test_descriptor_offsets_index_article_text(frame):
    text = "Mara Tesk, the hardline leader of the Red Lantern Front, spoke."
    article = frame(text, {**MARA, **FRONT})
    for lab in article.labels:
        assert text[lab.start:lab.end] == lab.text or lab.kind == "category"
