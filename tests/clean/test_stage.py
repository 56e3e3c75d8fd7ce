"""The clean stage object, and the validating loader of its data files."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventwire.clean import clean_text, make_stage
from eventwire.clean.normalize import normalize_chars
from eventwire.clean.rules import load_boilerplate, load_header_rules
from eventwire.errors import DataFileError
from eventwire.model import Article
from eventwire.pipeline import Context
from eventwire.settings import Settings

RAW = ("Vostra closes\u00a0border crossing\r\n\r\n"
       "The Kingdom of Vostra closed its main border crossing with Arvenia on Saturday, citing attacks "
       "by the Maren Liberation Front.\r\n\r\n\r\n"
       "Traders said hundreds of lorries were stranded.\u200b\r\n\r\nAdvertisement\r\n")


def test_make_stage_declares_reads_and_writes():
    stage = make_stage(Context(Settings()))
    assert (stage.name, stage.reads, stage.writes) == (
        "clean", ("raw_text",), ("text", "language", "removed", "title", "byline", "date", "outlet"))


def test_clean_stage_fills_text_language_removed_and_keeps_raw():
    article = Article(id="v1", source="test:v1", raw_text=RAW)
    make_stage(Context(Settings()))(article)
    assert article.raw_text == RAW
    assert article.text == ("Vostra closes border crossing\n\nThe Kingdom of Vostra closed its main border crossing "
                            "with Arvenia on Saturday, citing attacks by the Maren Liberation Front.\n\n"
                            "Traders said hundreds of lorries were stranded.")
    assert article.language == "en"
    assert [(r.line_no, r.reason) for r in article.removed] == [(8, "advertisement")]


def test_clean_stage_drops_line_with_overlong_token():
    junk = "x" * 50
    article = Article(id="v2", source="test:v2", raw_text=f"Tolsk council votes\n\n{junk}\n\nThe council met.")
    make_stage(Context(Settings(max_token_chars=40)))(article)
    assert article.text == "Tolsk council votes\n\nThe council met."
    assert [(r.line_no, r.reason) for r in article.removed] == [(3, "long_token")]


def test_load_boilerplate_error_names_file_and_key(tmp_path):
    bad = tmp_path / "boilerplate.yaml"
    bad.write_text("patterns:\n  - name: broken\n    pattern: '(unclosed'\n    comment: test\n", encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_boilerplate(bad)
    assert str(bad) in str(err.value) and "patterns[0]" in str(err.value) and "regular expression" in str(err.value)


def test_load_boilerplate_rejects_missing_comment(tmp_path):
    bad = tmp_path / "boilerplate.yaml"
    bad.write_text("patterns:\n  - name: nameless\n    pattern: 'x'\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"patterns\[0\].*comment"):
        load_boilerplate(bad)


def test_load_header_rules_rejects_bad_word_list(tmp_path):
    bad = tmp_path / "header.yaml"
    bad.write_text("name_pattern: '[A-Z]\\w*'\ndate_pattern: '\\d{4}'\n"
                   "bylines:\n  - {name: b, pattern: 'By NAME', comment: c}\n"
                   "date_lines:\n  - {name: d, pattern: 'DATE', comment: c}\n"
                   "datelines:\n  - {name: l, pattern: '(?P<outlet>X)', comment: c}\n"
                   "caption_role_words: leader\nname_connectors: [of]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="caption_role_words"):
        load_header_rules(bad)


def test_load_header_rules_rejects_bad_macro(tmp_path):
    bad = tmp_path / "header.yaml"
    bad.write_text("name_pattern: '[A-Z'\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"header.yaml \[name_pattern\]: bad regular expression"):
        load_header_rules(bad)


def test_shipped_data_files_load():
    assert len(load_boilerplate()) > 10
    assert load_header_rules().role_words


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_clean_text_never_fails_and_loses_nothing_silently(raw: str):
    text, removed = clean_text(raw, max_token_chars=40)
    assert "\u00a0" not in text and "\u200b" not in text and "\r" not in text
    assert "\n\n\n" not in text and text == text.strip("\n")
    kept_lines = [ln for ln in text.split("\n") if ln]
    normalized_lines = [ln for ln in normalize_chars(raw).split("\n") if ln]
    assert len(kept_lines) + len(removed) == len(normalized_lines)  # every non-empty line is kept or recorded
