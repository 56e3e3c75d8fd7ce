"""Boilerplate line removal: one test per family in data/boilerplate.yaml, plus the tail cut."""

from __future__ import annotations

import pytest

from eventwire.clean import analyse, clean_text

BODY = (
    "The Arvenian parliament voted on Thursday to extend the state of emergency in the northern provinces.\n\n"
    "Opposition deputies walked out of the chamber before the vote, saying the measure was unnecessary.\n\n"
    "The Maren Liberation Front has carried out several attacks in the region since January."
)


def _removed(raw: str) -> dict[str, str]:
    text, removed = clean_text(raw)
    assert "Opposition deputies walked out" in text  # prose always survives
    return {r.text: r.reason for r in removed}


@pytest.mark.parametrize(("line", "reason"), [
    ("Sign Up For The Tolsk Courier Newsletter", "newsletter_signup"),
    ("Subscribe to our newsletter", "newsletter_signup"),
    ("Subscribe", "newsletter_signup"),
    ("I agree to the Terms of Use and the Privacy Policy", "consent"),
    ("This website uses cookies to improve your experience.", "consent"),
    ("Read more: Vostra recalls its ambassador", "related"),
    ("Back to top button", "navigation"),
    ("Share this:", "share"),
    ("Facebook Twitter WhatsApp Telegram Email", "share"),
    ("Click to share on Facebook (Opens in new window)", "share"),
    ("Advertisement", "advertisement"),
    ("Follow us on Telegram and X", "follow_us"),
    ("© 2024 Meridian Wire. All rights reserved.", "rights"),
    ("Photo: Arvenian soldiers at a checkpoint near Keld", "image_credit"),
    ("(Photo by Petra Lund/Meridian Wire)", "image_credit"),
    ("Get the latest Arvenia headlines delivered to your inbox", "newsletter_signup"),
    ("Most Read", "related"),
    ("Continue reading below", "navigation"),
    ("Listen to this article 4 min", "navigation"),
    ("Join our Telegram channel for updates", "follow_us"),
    ("(Reporting by Mira Dast in Tolsk; Editing by Karl Osten)", "credits"),
    ("WATCH: Arvenian troops enter Keld", "media_teaser"),
    ("Support independent journalism in Vostra today.", "donation"),
])
def test_drop_boilerplate_family(line: str, reason: str):
    raw = BODY.replace("\n\nOpposition", f"\n\n{line}\n\nOpposition")
    assert _removed(raw) == {line: reason}


def test_drop_boilerplate_comment_form_and_its_labels_at_the_end():
    form = ["Leave a Reply Cancel reply", "Your email address will not be published. Required fields are marked *",
            "Comment", "Name *", "Email *", "Website",
            "Save my name, email, and website in this browser for the next time I comment."]
    removed = _removed(BODY + "\n\n" + "\n\n".join(form))
    assert set(removed) == set(form)
    assert removed["Website"] == "comment_form"


def test_drop_boilerplate_bare_labels_kept_mid_article():
    raw = BODY.replace("\n\nOpposition", "\n\nWebsite\n\nOpposition") + "\n\n" + BODY.replace("Arvenian", "Vostran")
    assert "Website" not in _removed(raw)


def test_drop_boilerplate_tail_cut_after_related_articles():
    tail = ["Related Articles", "Vostra recalls ambassador from Tolsk", "Border talks collapse in Keld",
            "Tags: Arvenia, Vostra, border"]
    removed = _removed(BODY + "\n\n" + "\n\n".join(tail))
    assert removed == {"Related Articles": "related", "Vostra recalls ambassador from Tolsk": "after_end_marker",
                       "Border talks collapse in Keld": "after_end_marker", "Tags: Arvenia, Vostra, border": "tags"}


def test_drop_boilerplate_inline_related_box_keeps_following_prose():
    raw = BODY.replace("\n\nOpposition", "\n\nRelated Posts\n\nKeld mayor resigns\n\nOpposition")
    text, removed = clean_text(raw)
    assert [r.reason for r in removed] == ["related", "after_end_marker"]
    assert "The Maren Liberation Front has carried out" in text


@pytest.mark.parametrize("line", [
    "Readers who subscribe to the Tolsk Courier newsletter will receive the full report on Monday.",
    "Reporting by the agency suggested the army had withdrawn from Keld.",
    "Watch the border closely, the minister told reporters.",
    "More than 300 people were detained.",
])
def test_drop_boilerplate_prose_with_boilerplate_words_is_kept(line: str):
    raw = BODY.replace("\n\nOpposition", f"\n\n{line}\n\nOpposition")
    assert _removed(raw) == {}


def test_drop_boilerplate_reports_outlet_named_by_signup_line():
    cleaned = analyse(BODY + "\n\nSign Up For The Tolsk Courier Newsletter")
    assert cleaned.header.outlets == ["The Tolsk Courier"]
    assert analyse(BODY + "\n\nSubscribe to our newsletter").header.outlets == []


def test_removed_lines_record_line_numbers_and_text_is_unchanged_elsewhere():
    raw = "Headline about Arvenia\n\nAdvertisement\n\n" + BODY
    text, removed = clean_text(raw)
    assert [(r.line_no, r.reason, r.text) for r in removed] == [(3, "advertisement", "Advertisement")]
    assert text == "Headline about Arvenia\n\n" + BODY
