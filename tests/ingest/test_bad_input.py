"""Bad input: each problem is a Failure naming the file and the reason; the run goes on."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from eventwire.ingest import read_paths, read_stream
from eventwire.ingest.decode import NotText, decode_bytes
from eventwire.model import Article, Failure
from eventwire.settings import Settings

GOOD = "Keld mayor resigns\n\nThe mayor of Keld, Ivo Marek, resigned on Monday after a row over the city budget.\n"


def _read(paths: list[Path], settings: Settings | None = None) -> list[Article | Failure]:
    return list(read_paths([str(p) for p in paths], settings or Settings()))


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "zz_good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


def _only_failure(items: list[Article | Failure], path: Path) -> Failure:
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == 1 and isinstance(items[-1], Article)  # the good file after it is still read
    assert failures[0].stage == "ingest" and str(path) in failures[0].reason
    return failures[0]


def test_read_paths_binary_file_is_refused(tmp_path):
    binary = tmp_path / "a_image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    failure = _only_failure(_read([binary, _good(tmp_path)]), binary)
    assert "binary" in failure.reason


def test_read_paths_empty_file_is_refused(tmp_path):
    empty = tmp_path / "a_empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "b_blank.txt"
    blank.write_bytes(b"  \n\n \t\n")
    items = _read([empty, blank, _good(tmp_path)])
    assert ["empty file" in getattr(i, "reason", "") for i in items] == [True, True, False]


def test_read_paths_undecodable_bytes_fall_back_to_cp1252(tmp_path):
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Tolsk council votes\n\nThe mayor said: \u201cNo caf\u00e9 closes.\u201d\n".encode("cp1252"))
    (article,) = _read([legacy])
    assert "\u201cNo caf\u00e9 closes.\u201d" in article.raw_text
    assert article.meta["encoding"] == "utf-8+cp1252"


def test_decode_bytes_mixed_utf8_and_cp1252_keeps_both():
    text, encoding = decode_bytes("Arvenia’s envoy".encode() + b" \x93quoted\x94")
    assert (text, encoding) == ("Arvenia’s envoy \u201cquoted\u201d", "utf-8+cp1252")


def test_decode_bytes_bom_decides_encoding():
    assert decode_bytes("\ufeffVostra".encode("utf-8")) == ("Vostra", "utf-8-sig")
    assert decode_bytes("Vostra closes border".encode("utf-16")) == ("Vostra closes border", "utf-16")


def test_decode_bytes_control_characters_are_binary():
    with pytest.raises(NotText, match="control bytes"):
        decode_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"text")


def test_read_paths_file_over_size_limit_is_refused_without_reading(tmp_path):
    big = tmp_path / "a_big.txt"
    with big.open("wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB of NUL bytes; reading it would also fail as binary
    failure = _only_failure(_read([big, _good(tmp_path)]), big)
    assert "50000000 bytes, over the limit of 20000000" in failure.reason and "not read" in failure.reason


def test_read_paths_huge_sparse_file_is_never_read(tmp_path):
    huge = tmp_path / "a_huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(1 << 40)  # 1 TiB, sparse: reading it would exhaust memory, so the stat check must win
    failure = _only_failure(_read([huge, _good(tmp_path)]), huge)
    assert "not read" in failure.reason


def test_read_paths_line_without_spaces_is_dropped_and_recorded(tmp_path):
    path = tmp_path / "a_token.txt"
    path.write_text(GOOD + "A" * 5_000_000 + "\n", encoding="utf-8")
    (article,) = _read([path])
    from eventwire.clean import clean_text

    text, removed = clean_text(article.raw_text)
    assert [(r.line_no, r.reason) for r in removed] == [(4, "long_token")]
    assert text.startswith("Keld mayor resigns") and "AAAA" not in text


def test_read_paths_file_of_one_overlong_token_is_stored_with_a_failure_not_coded(tmp_path):
    from eventwire.pipeline import Pipeline

    path = tmp_path / "a_token.txt"
    path.write_bytes(b"Q" * 5_000_000)
    pipeline = Pipeline(Settings().replace(doc_stages=[]))
    article, good = pipeline.process(_read([path, _good(tmp_path)]))
    (failure,) = article.failures
    assert failure.stage == "clean" and str(path) in failure.reason
    assert "no article text" in failure.reason and "long_token" in failure.reason
    assert article.text == "" and article.meta["uncodable"]
    assert good.text.startswith("Keld mayor resigns") and not good.failures


def test_read_paths_missing_path_is_a_failure(tmp_path):
    missing = tmp_path / "a_missing.txt"
    failure = _only_failure(_read([missing, _good(tmp_path)]), missing)
    assert "no such file or folder" in failure.reason


def test_read_paths_broken_link_in_folder_is_a_failure(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a_link.txt").symlink_to(tmp_path / "gone.txt")
    (folder / "b_good.txt").write_text(GOOD, encoding="utf-8")
    items = _read([folder])
    assert isinstance(items[0], Failure) and "a_link.txt" in items[0].reason
    assert isinstance(items[1], Article)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_read_paths_unreadable_folder_is_a_failure(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        (failure,) = _read([locked])
    finally:
        locked.chmod(0o755)
    assert isinstance(failure, Failure) and "cannot read folder" in failure.reason


@hyp_settings(max_examples=150, deadline=None)
@given(st.binary(max_size=600))
def test_read_stream_never_raises_on_arbitrary_bytes(data: bytes):
    items = list(read_stream(io.BytesIO(data), Settings()))
    assert items and all(isinstance(i, (Article, Failure)) for i in items)
    for item in items:
        if isinstance(item, Failure):
            assert item.reason.startswith("<stdin>") and item.stage == "ingest"
