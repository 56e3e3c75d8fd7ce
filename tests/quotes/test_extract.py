"""Direct, indirect, mixed, split and floating quotes through the real pipeline
(eventwire/quotes/extract.py, cues.py, layout.py). All people and places are invented."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _only(article):
    assert len(article.quotes) == 1, [(q.text, q.kind) for q in article.quotes]
    return article.quotes[0]


@pytest.mark.parametrize("text", [
    "“We will stay in the valley,” said Ilse Varga.",
    "«We will stay in the valley», said Ilse Varga.",
    "\"We will stay in the valley,\" said Ilse Varga.",
    "'We will stay in the valley,' said Ilse Varga.",
    "„We will stay in the valley“, said Ilse Varga.",
])
def test_extract_direct_quote_each_style(run_text, text):
    article = run_text(text)
    q = _only(article)
    assert q.kind == "direct" and q.text == "We will stay in the valley"
    assert article.text[q.start:q.end] == q.text
    assert q.cue.text == "said" and q.speaker.name == "Ilse Varga"
    assert q.id == "t1:q0" and q.article_id == "t1"


def test_extract_split_quote_shares_cue_and_speaker(run_text):
    article = run_text("“The talks are over,” Tavo Renn said, “and we will defend every village.”")
    first, second = article.quotes
    assert first.text == "The talks are over" and second.text == "and we will defend every village."
    assert first.kind == second.kind == "direct"
    assert first.cue == second.cue and first.speaker.name == second.speaker.name == "Tavo Renn"
    assert [q.id for q in article.quotes] == ["t1:q0", "t1:q1"]


def test_extract_said_that_is_indirect(run_text):
    q = _only(run_text("Tavo Renn said that the army would leave the border town by Friday."))
    assert q.kind == "indirect" and q.text.endswith("the army would leave the border town by Friday")
    assert q.cue.text == "said" and q.speaker.text == "Tavo Renn"


def test_extract_told_keeps_recipient_out_of_content(run_text):
    q = _only(run_text("Tavo Renn told reporters the army would leave the border town by Friday."))
    assert q.text == "the army would leave the border town by Friday"
    assert q.cue.text == "told" and q.speaker.name == "Tavo Renn"


def test_extract_accused_of(run_text):
    q = _only(run_text("The Karsh Front accused the Velorian army of shelling farms near the river."))
    assert q.cue.text == "accused" and "shelling farms near the river" in q.text
    assert q.speaker.text == "The Karsh Front"


def test_extract_according_to_names_the_source(run_text):
    q = _only(run_text("The ceasefire in the valley collapsed on Sunday, according to the Drovian foreign ministry."))
    assert q.kind == "indirect" and q.text == "The ceasefire in the valley collapsed on Sunday"
    assert q.cue.text == "according to" and q.speaker.text == "the Drovian foreign ministry"


def test_extract_mixed_quote_holds_fragment(run_text):
    article = run_text("Tavo Renn said the peace plan was “dead on arrival” and would not be revived.")
    q = _only(article)
    assert q.kind == "mixed" and "“dead on arrival”" in q.text
    assert not [lab for lab in article.labels if lab.kind == "scare_quote"]


def test_extract_parenthetical_cue(run_text):
    # the cue clause splits the statement in two, as a split direct quote is split
    head, tail = run_text("The old bridge, Tavo Renn said, will be rebuilt before the winter.").quotes
    assert (head.text, tail.text) == ("The old bridge", "will be rebuilt before the winter")
    assert head.kind == tail.kind == "indirect" and head.cue == tail.cue
    assert head.speaker.name == tail.speaker.name == "Tavo Renn"


def test_extract_floating_paragraph_inherits_speaker(run_text):
    text = ("“We have waited long enough for the envoys,” Ilse Varga said on Monday.\n"
            "“The farmers cannot plant while the shelling goes on. Nobody in the valley can.”")
    first, floating = run_text(text).quotes
    assert not first.floating and floating.floating
    assert floating.cue is None and floating.speaker.name == "Ilse Varga"
    assert floating.text.startswith("The farmers cannot plant")


def test_extract_pronoun_resolves_to_previous_person(run_text):
    text = ("Tavo Renn, the Velorian defence minister, visited the front on Monday.\n"
            "“The line will hold through the winter,” he continued.")
    q = _only(run_text(text))
    assert q.speaker.text == "he" and q.speaker.name == "Tavo Renn"
    assert q.cue.text == "continued"


def test_extract_scare_quote_is_a_label_not_a_quote(run_text):
    article = run_text("Officials in Veloria debated the so-called “peace plan” for three hours on Monday.")
    assert article.quotes == []
    labels = [lab for lab in article.labels if lab.kind == "scare_quote"]
    assert [(lab.text, lab.voice) for lab in labels] == [("peace plan", "writer")]
    assert article.text[labels[0].start:labels[0].end] == "peace plan"


def test_extract_transcript_speaker_label(run_text):
    text = "MODERATOR: Welcome back to the debate on the river treaty.\nRENN: Thank you for having me tonight."
    quotes = run_text(text).quotes
    found = [(q.kind, q.speaker.text, q.cue.text) for q in quotes]
    assert found == [("direct", "MODERATOR", ":"), ("direct", "RENN", ":")]
    assert quotes[1].text == "Thank you for having me tonight"


def test_extract_dash_signature(run_text):
    q = _only(run_text("“The valley deserves better than this war.” ― Ilse Varga, farmer"))
    assert q.kind == "direct" and q.speaker.text == "Ilse Varga" and q.cue.text == "―"


def test_extract_floating_paragraph_after_reported_speech(run_text):
    text = ("Tavo Renn said on Monday that the talks with Drovia had failed.\n"
            "“We were betrayed by the envoys, every one of them.”")
    reported, floating = run_text(text).quotes
    assert reported.kind == "indirect" and floating.floating and floating.cue is None
    assert floating.speaker.name == "Tavo Renn" and floating.speaker.text == "Tavo Renn"


def test_extract_short_quote_paragraph_is_not_floating(run_text):
    text = "“We have waited long enough,” Ilse Varga said on Monday.\n“The Valley Speaks.”"
    assert [q.floating for q in run_text(text).quotes] == [False]


def test_extract_object_content_runs_through_complements(run_text):
    # "cited X as a reason to Y": the content is everything the verb governs after it, not the bare object
    q = _only(run_text("The minister cited the drought as a reason to delay the vote."))
    assert q.text == "the drought as a reason to delay the vote" and q.cue.text == "cited"


def test_extract_told_object_to_infinitive(run_text):
    # an order: "told X to Y" reports what was asked, though "told" alone takes only a clause
    q = _only(run_text("Tavo Renn told his aides to leave the capital before dawn."))
    assert q.text == "his aides to leave the capital before dawn" and q.speaker.name == "Tavo Renn"


def test_extract_told_object_alone_is_no_quote(run_text):
    assert run_text("Tavo Renn told reporters about the plan.").quotes == []


def test_extract_evidence_verb_with_object(run_text):
    # "the survey shows X ahead": evidence verbs present their object as the finding
    q = _only(run_text("A survey by the Brennick Institute shows the governor ahead in every province."))
    assert q.text == "the governor ahead in every province" and q.cue.text == "shows"


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Ilse Varga likened the new tariff to a tax on farmers.", "likened", "the new tariff to a tax on farmers"),
    ("Ilse Varga expressed concern about the border closures.", "expressed", "concern about the border closures"),
])
def test_extract_characterising_speech_verbs(run_text, text, cue, content):
    q = _only(run_text(text))
    assert (q.cue.text, q.text) == (cue, content) and q.speaker.name == "Ilse Varga"


def test_extract_headline_source_label(run_text):
    # "Poll: ..." / "Renn: ..." as a headline names the source of the claim after the colon
    q = _only(run_text("Poll: Renn and Varga Level Before Debate\n\nThe survey was released on Monday."))
    assert (q.kind, q.speaker.text, q.cue.text) == ("indirect", "Poll", ":")
    assert q.text == "Renn and Varga Level Before Debate"


def test_extract_title_cased_label_in_body_is_no_source(run_text):
    # only the headline gets the title-case reading; in the body an unknown label needs a name
    text = "Renn wins the vote.\n\nBig Picture: the valley is quiet before the harvest."
    assert run_text(text).quotes == []


@pytest.mark.parametrize("text, content", [
    # the preposition belongs to the cue: "called for X" reports X
    ("Ilse Varga called for an inquiry into the shelling of Dorvat.", "an inquiry into the shelling of Dorvat"),
    # a non-restrictive relative clause after the object is the writer's addition
    ("Tavo Renn praised the new border treaty, which the council will debate next week.", "the new border treaty"),
    # a bare infinitive coordinated with the content stays in it
    ("The two ministers agreed to share a currency and rely on one another for border patrols.",
     "to share a currency and rely on one another for border patrols"),
])
def test_extract_object_content_boundaries(run_text, text, content):
    q = _only(run_text(text))
    assert q.text == content


def test_extract_that_clause_the_parser_hung_on_the_object(run_text):
    # "told a meeting of X that ...": the that-clause is the content, not a relative clause
    q = _only(run_text("In Tarn last week, Ilse Varga told a meeting of farmers that few people understood "
                       "the cost of the drought better than the herders."))
    assert q.text.startswith("that few people understood") and q.speaker.name == "Ilse Varga"


def test_clause_of_a_statement_with_the_same_speaker_is_not_a_second_statement(run_text):
    article = run_text("Ilse Varga vowed not to repeat the mistake of the last winter.")
    assert [q.cue.text for q in article.quotes] == ["vowed"]
    assert article.quotes[0].act == "intention"


def test_clause_with_its_own_speaker_stays_a_statement(run_text):
    article = run_text("Edvin Marlo said the council planned to close the northern road.")
    cues = sorted(q.cue.text for q in article.quotes)
    assert cues == ["planned", "said"]
    planned = next(q for q in article.quotes if q.cue.text == "planned")
    assert planned.act == "intention"
