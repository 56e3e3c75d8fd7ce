"""Character repairs: ftfy, code-page mojibake, spaces and zero-width characters."""

from __future__ import annotations

from eventwire.clean.normalize import fix_mojibake, mojibake_table, normalize_chars


def test_mojibake_table_covers_greek_smart_quotes_and_dashes():
    exact, truncated = mojibake_table()
    assert exact["β€™"] == "’"
    assert exact["β€œ"] == "“"  # 0x9C is undefined in cp1253: shown through cp1252 as œ
    assert exact["β€“"] == "–"
    assert exact["β€¦"] == "…"
    assert "”" in truncated["β€"]  # ” loses its last byte (0x9D is undefined in cp1253 and cp1252)


def test_fix_mojibake_repairs_greek_codepage_quotes():
    raw = "The ministry said: β€œTalks are over.β€ Arveniaβ€™s army β€“ the largest in the region β€“ moved."
    fixed = "The ministry said: “Talks are over.” Arvenia’s army – the largest in the region – moved."
    assert fix_mojibake(raw) == fixed


def test_fix_mojibake_resolves_truncated_quote_by_context():
    assert fix_mojibake("He said β€no deal.β€ Then he left.") == "He said “no deal.” Then he left."
    assert fix_mojibake("the word β€ and more") == "the word β€ and more"  # neither side is a word: left alone


def test_fix_mojibake_repairs_cyrillic_codepage_quotes():
    assert fix_mojibake("вЂњPeace nowвЂќ, they chanted") == "“Peace now”, they chanted"


def test_fix_mojibake_leaves_real_greek_and_russian_alone():
    assert fix_mojibake("Το βιβλίο κοστίζει 5 €") == "Το βιβλίο κοστίζει 5 €"
    assert fix_mojibake("В Москве") == "В Москве"


def test_normalize_chars_runs_ftfy_and_keeps_curly_quotes():
    fixed = normalize_chars("â€œWe will respond,â€\x9d said the Vostran envoy.")
    assert fixed == "“We will respond,” said the Vostran envoy."
    assert normalize_chars("It’s “final”") == "It’s “final”"


def test_normalize_chars_replaces_nbsp_and_drops_zero_width():
    text = normalize_chars("Tolsk\u00a0mayor\u202fsaid\u2007so\u200b.\u200d Done\ufeff\u2060 now")
    assert text == "Tolsk mayor said so. Done now"


def test_normalize_chars_collapses_spaces_and_line_endings():
    assert normalize_chars("  one   two \r\nthree\t\tfour  \rfive ") == "one two\nthree four\nfive"


def test_normalize_chars_unescapes_html_entities_in_plain_text():
    assert normalize_chars("Arvenia &amp; Vostra &#8220;agree&#8221;") == "Arvenia & Vostra “agree”"
