"""Each reader (text, HTML, JSONL, CSV/TSV) and the stream entry point."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from eventwire.clean import CleanStage
from eventwire.ingest import read_paths, read_stream
from eventwire.model import Article, Failure
from eventwire.settings import Settings

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
SETTINGS = Settings()


def _read(*paths: Path | str) -> list[Article | Failure]:
    """Ingest, then the clean stage, which fills metadata from the text's own lines."""
    return [_clean(item) for item in read_paths([str(p) for p in paths], SETTINGS)]


def _clean(item):
    if isinstance(item, Article):
        CleanStage(SETTINGS)(item)
    return item


def _one(path: Path) -> Article:
    (article,) = _read(path)
    assert isinstance(article, Article)
    return article


def test_read_text_fills_metadata_from_header_lines():
    path = FIX / "corpus" / "arvenia_truce.txt"
    (raw,) = read_paths([str(path)], SETTINGS)
    assert (raw.text, raw.title, raw.byline, raw.date) == ("", None, None, None)  # the clean stage fills them
    article = _one(path)
    assert article.id == "arvenia_truce"
    assert article.source == str(path)
    assert article.title == "Arvenia rejects Vostra truce plan as border clashes spread"
    assert (article.byline, article.outlet, article.date) == ("Mira Dast", "The Tolsk Courier", "2024-03-20")
    assert article.raw_text == path.read_text(encoding="utf-8")
    assert article.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert article.text.startswith("Arvenia rejects") and "By Mira Dast" not in article.text
    assert article.meta["format"] == "text"


def test_read_text_caption_is_not_the_title():
    article = _one(FIX / "corpus" / "nested" / "reyk_caption.txt")
    assert article.title is None
    assert article.outlet == "The Meridian Wire"  # named by the newsletter sign-up line


def test_read_text_signature_line_gives_outlet():
    article = _one(FIX / "corpus" / "nested" / "mlf_signature.txt")
    assert article.title == "Maren Liberation Front Claims Attack on Arvenian Convoy"
    assert article.outlet == "The Keld Herald"


def test_read_html_uses_trafilatura_text_and_metadata():
    article = _one(FIX / "corpus" / "page.html")
    assert article.title == "Vostra closes border crossing"
    assert article.byline == "Petra Lund"
    assert article.outlet == "Vostra Today"
    assert article.date == "2024-02-11"
    assert article.url == "https://www.vostratoday.example/world/border-crossing"
    assert "closed its main border crossing" in article.raw_text
    assert "<p>" not in article.raw_text and "Subscribe" not in article.raw_text and "Home" not in article.raw_text
    assert article.meta["format"] == "html"


def test_read_html_sniffed_from_a_txt_file(tmp_path):
    page = tmp_path / "saved_page.txt"
    page.write_bytes((FIX / "corpus" / "page.html").read_bytes())
    assert _one(page).title == "Vostra closes border crossing"


def test_read_jsonl_rows_keep_ids_and_fields_and_failures_do_not_stop_the_file():
    items = _read(FIX / "batch.jsonl")
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, Failure)]
    assert [a.id for a in articles] == ["mw-101", "batch-2", "7", "mw-102"]
    first = articles[0]
    assert (first.title, first.date, first.outlet, first.byline) == (
        "Arvenia and Vostra agree prisoner exchange", "2024-01-15", "Meridian Wire", "Karl Osten")
    assert first.source.endswith("batch.jsonl#line=1")
    assert first.raw_sha256 == hashlib.sha256(
        (FIX / "batch.jsonl").read_text(encoding="utf-8").split("\n")[0].encode("utf-8")).hexdigest()
    assert articles[2].date == "2024-01-15" and articles[2].title is None
    assert [f.source.rsplit("#", 1)[1] for f in failures] == ["line=4", "line=5", "line=6"]
    assert "malformed JSON" in failures[0].reason and "batch.jsonl#line=4" in failures[0].reason
    assert "no `text` field" in failures[1].reason
    assert all(f.stage == "ingest" for f in failures)


def test_read_tsv_rows_without_id_use_stem_and_line():
    items = _read(FIX / "batch.tsv")
    assert [(type(i).__name__, getattr(i, "id", None)) for i in items] == [
        ("Article", "t-1"), ("Article", "batch-3"), ("Failure", None)]
    assert items[0].title == "Tolsk council votes" and items[0].date == "2024-03-01"
    assert items[2].source.endswith("batch.tsv#line=4")


def test_read_csv_handles_quoted_multiline_text():
    first, second = _read(FIX / "batch.csv")
    assert first.id == "c-1" and first.outlet == "Vostra Today"
    assert first.raw_text.startswith("The Kingdom of Vostra opened a consulate") and "\n\nOfficials" in first.raw_text
    assert second.source.endswith("batch.csv#line=5")


def test_read_text_wire_dateline_goes_to_meta_not_outlet(tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("Keld mayor resigns\n\nKELD, Arvenia (AP) - The mayor of Keld resigned on Monday.\n\n"
                    "Council officials said a successor would be chosen next week.\n", encoding="utf-8")
    article = _one(path)
    assert (article.outlet, article.meta["wire"]) == (None, "Associated Press")


def test_read_csv_without_text_column_is_a_failure(tmp_path):
    table = tmp_path / "no_text.csv"
    table.write_text("id,title\n1,Tolsk\n", encoding="utf-8")
    (failure,) = _read(table)
    assert isinstance(failure, Failure) and "no `text` column" in failure.reason


def test_read_stream_guesses_jsonl_html_and_text():
    jsonl = io.BytesIO(b'{"id": "s1", "text": "Arvenia and Vostra resumed talks."}\n')
    assert [a.id for a in read_stream(jsonl, SETTINGS)] == ["s1"]
    html = io.BytesIO((FIX / "corpus" / "page.html").read_bytes())
    assert _clean(next(read_stream(html, SETTINGS))).title == "Vostra closes border crossing"
    (text,) = map(_clean, read_stream(io.StringIO("Keld mayor resigns\n\nThe mayor of Keld resigned on Monday."),
                                      SETTINGS))
    assert (text.id, text.source, text.title) == ("stdin", "<stdin>", "Keld mayor resigns")


def test_read_stream_forced_format_and_unknown_format():
    (article,) = read_stream(io.BytesIO(b'{"text": "not parsed as JSON"}'), SETTINGS, fmt="text")
    assert article.raw_text == '{"text": "not parsed as JSON"}'
    (failure,) = read_stream(io.BytesIO(b"x"), SETTINGS, fmt="pdf")
    assert isinstance(failure, Failure) and "unknown format 'pdf'" in failure.reason
