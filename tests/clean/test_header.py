"""Title, caption, byline, date line and signature heuristics (eventwire/clean/header.py)."""

from __future__ import annotations

from eventwire.clean import analyse
from eventwire.clean.header import is_caption, looks_like_headline
from eventwire.clean.rules import default_header_rules

LEAD = ("The Arvenian government on Tuesday rejected a truce proposal from the Kingdom of Vostra, "
        "saying the plan would leave its northern villages exposed to further attacks.")
SECOND = "Vostra said the proposal remained open and urged Arvenian President Tomas Reyk to reconsider."


def test_header_title_is_first_line_and_stays_in_text():
    cleaned = analyse(f"Arvenia rejects Vostra truce plan\n\n{LEAD}\n\n{SECOND}")
    assert cleaned.header.title == "Arvenia rejects Vostra truce plan"
    assert cleaned.text.startswith("Arvenia rejects Vostra truce plan\n\n")


def test_header_no_title_when_text_starts_with_lead_paragraph():
    assert analyse(f"{LEAD}\n{SECOND}").header.title is None


def test_header_no_title_for_a_single_line_text():
    assert analyse("Vostra closes its border.").header.title is None


def test_header_caption_is_dropped_and_title_left_empty_before_a_paragraph():
    cleaned = analyse(f"Arvenian President Tomas Reyk\n\n{LEAD}\n\n{SECOND}")
    assert cleaned.header.captions == ["Arvenian President Tomas Reyk"]
    assert cleaned.header.title is None
    assert [(r.line_no, r.reason) for r in cleaned.removed] == [(1, "caption")]
    assert cleaned.text.startswith("The Arvenian government")


def test_header_caption_followed_by_headline_gives_the_headline():
    cleaned = analyse(f"Arvenian President Tomas Reyk\n\nArvenia rejects Vostra truce plan\n\n{LEAD}\n\n{SECOND}")
    assert cleaned.header.title == "Arvenia rejects Vostra truce plan"


def test_is_caption_needs_the_name_repeated_in_the_article():
    rules = default_header_rules()
    assert is_caption("Arvenian President Tomas Reyk", SECOND, rules)
    assert not is_caption("Arvenian President Tomas Reyk", LEAD, rules)  # the article never names him
    assert is_caption("Tomas Reyk", SECOND, rules)


def test_is_caption_rejects_headlines():
    rules = default_header_rules()
    body = LEAD + " " + SECOND + " Tomas Reyk Warns Vostra"
    assert not is_caption("President Tomas Reyk warns Vostra", body, rules)  # lower-case verb
    assert not is_caption("Reyk: ‘We Will Not Yield’", body, rules)  # quotes and colon
    assert not is_caption("Arvenia Rejects Truce", body, rules)  # a bare capitalised line the text does not repeat


def test_looks_like_headline_length_and_sentences():
    assert looks_like_headline("Vostra’s envoy: talks in Tolsk ‘went nowhere’")
    assert looks_like_headline("Keld could fall. Again.")
    assert looks_like_headline("Arvenia and Vostra trade fire across the border.")
    assert looks_like_headline("Ready for Reyk vs. Hostra?;")
    assert not looks_like_headline(LEAD)
    assert not looks_like_headline("Vostra closed the border. Traders were stranded. Prices rose in Tolsk markets.")


def test_header_headline_continues_with_deck_after_semicolon():
    cleaned = analyse(f"Reyk calls early elections;\nOpposition demands observers for the vote.\n\n{LEAD}\n\n{SECOND}")
    assert cleaned.header.title == "Reyk calls early elections; Opposition demands observers for the vote."


def test_header_byline_with_outlet_is_dropped_and_recorded():
    cleaned = analyse(f"Arvenia rejects truce\n\nBy Mira Dast and Karl Osten, The Tolsk Courier\n\n{LEAD}\n\n{SECOND}")
    assert cleaned.header.byline == "Mira Dast and Karl Osten"
    assert cleaned.header.outlets == ["The Tolsk Courier"]
    assert [r.reason for r in cleaned.removed] == ["byline"]


def test_header_byline_without_outlet():
    cleaned = analyse(f"Arvenia rejects truce\nBy Mira Dast\n{LEAD}\n{SECOND}")
    assert cleaned.header.byline == "Mira Dast"
    assert cleaned.header.outlets == []


def test_header_sentence_starting_with_by_is_not_a_byline():
    cleaned = analyse(f"Arvenia rejects truce\n\nBy Tuesday, Arvenian forces had left Keld.\n\n{LEAD}")
    assert cleaned.header.byline is None
    assert cleaned.removed == []


def test_header_date_line_is_dropped_and_reported():
    cleaned = analyse(f"Arvenia rejects truce\n\nPublished: 20 March 2024, 10:31 am GMT\n\n{LEAD}\n\n{SECOND}")
    assert cleaned.header.date_text == "20 March 2024"
    assert [r.reason for r in cleaned.removed] == ["date_line"]


def test_header_byline_with_outlet_and_date():
    cleaned = analyse(f"Arvenia rejects truce\nBy Mira Dast | Meridian Wire | March 20, 2024\n{LEAD}\n{SECOND}")
    assert (cleaned.header.byline, cleaned.header.outlets, cleaned.header.date_text) == (
        "Mira Dast", ["Meridian Wire"], "March 20, 2024")


def test_header_wire_dateline_names_the_agency_not_the_outlet():
    lead = "TOLSK, Arvenia, March 19 (Meridian Wire) - " + LEAD
    cleaned = analyse(f"Arvenia rejects truce\n\n{lead}\n\n{SECOND}")
    assert (cleaned.header.wire, cleaned.header.outlets) == ("Meridian Wire", [])
    assert cleaned.removed == [] and lead in cleaned.text
    assert analyse(f"{lead}\n\n{SECOND}").header.wire == "Meridian Wire"  # no headline: same


def test_header_parenthesis_in_ordinary_lead_is_not_a_dateline():
    lead = "The Maren Liberation Front (MLF) - an armed group - said on Sunday it had attacked a convoy."
    assert analyse(f"Arvenia rejects truce\n\n{lead}\n\n{SECOND}").header.wire is None


def test_header_posted_on_date_by_line():
    cleaned = analyse(f"Arvenia rejects truce\n\nPosted on 2024-03-20 by admin\n\n{LEAD}\n\n{SECOND}")
    assert cleaned.header.date_text == "2024-03-20"
    assert [r.reason for r in cleaned.removed] == ["date_line"]


def test_header_signature_line_at_the_end_names_the_outlet():
    cleaned = analyse(f"Arvenia rejects truce\n\n{LEAD}\n\n{SECOND}\n\nThe Keld Herald\n\nRelated Articles")
    assert cleaned.header.signature == "The Keld Herald"
    assert cleaned.header.outlets == ["The Keld Herald"]
    assert cleaned.text.endswith("to reconsider.")


def test_header_last_sentence_is_not_a_signature():
    cleaned = analyse(f"Arvenia rejects truce\n\n{LEAD}\n\n{SECOND}\n\nTalks resume Monday.")
    assert cleaned.header.signature is None
