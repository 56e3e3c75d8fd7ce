"""Ids, order and dispatch of `read_paths` (eventwire/ingest/__init__.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from eventwire.ingest import read_paths
from eventwire.ingest.readers import READERS, reader_for, register_reader
from eventwire.model import Article
from eventwire.settings import Settings

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
BODY = "Keld mayor resigns\n\nThe mayor of Keld resigned on Monday after a row over the city budget.\n"


def test_read_paths_folder_order_is_sorted_recursive_and_skips_hidden():
    ids = [a.id for a in read_paths([str(FIX / "corpus")], Settings())]
    assert ids == ["arvenia_truce", "mlf_signature", "reyk_caption", "page"]  # nested/ sorts before page.html


def test_read_paths_keeps_argument_order_and_reads_a_file_once():
    corpus = FIX / "corpus"
    paths = [str(corpus / "page.html"), str(corpus), str(corpus / "page.html")]
    assert [a.id for a in read_paths(paths, Settings())] == ["page", "arvenia_truce", "mlf_signature",
                                                             "reyk_caption"]


def test_read_paths_same_id_twice_is_disambiguated_deterministically(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(BODY, encoding="utf-8")
    first, second = read_paths([str(tmp_path)], Settings())
    suffix = hashlib.sha1(second.source.encode("utf-8")).hexdigest()[:6]
    assert (first.id, second.id) == ("report", f"report~{suffix}")
    assert second.meta["id_given"] == "report"
    assert [a.id for a in read_paths([str(tmp_path)], Settings())] == [first.id, second.id]  # same on a re-run


def test_read_paths_text_without_extension_and_jsonl_sniffed(tmp_path):
    (tmp_path / "a_notes").write_text(BODY, encoding="utf-8")
    (tmp_path / "b_rows.data").write_text('{"id": "r1", "text": "Vostra reopened the border."}\n', encoding="utf-8")
    first, second = read_paths([str(tmp_path)], Settings())
    assert (first.id, first.meta["format"]) == ("a_notes", "text")
    assert (second.id, second.meta["format"]) == ("r1", "jsonl")


def test_reader_for_matches_longest_name_ending():
    assert reader_for("crawl.warc.gz").name == "warc"
    assert reader_for("rows.NDJSON").name == "jsonl"
    assert reader_for("story.txt") is None  # content decides (a saved page may be named .txt)
    assert reader_for("story.txt", "Plain words").name == "text"


def test_register_reader_adds_a_format_in_one_place(tmp_path):
    def read_upper(data: bytes, source, settings):
        yield Article(id=source.stem, source=source.name, raw_text=data.decode().upper())

    register_reader("shout", read_upper, (".shout",))
    try:
        (tmp_path / "x.shout").write_bytes(b"vostra")
        (article,) = read_paths([str(tmp_path / "x.shout")], Settings())
        assert article.raw_text == "VOSTRA"
    finally:
        del READERS["shout"]


def test_read_paths_symlink_loop_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [a.id for a in read_paths(tmp_path, Settings())] == ["a"]  # a single path is accepted too
