"""Bad input never crashes a run: fuzzing the readers, the clean stage and the full pipeline.

Hypothesis writes random bytes, random unicode and random-but-structured
JSONL/CSV/HTML files and feeds them to `eventwire.ingest.read_paths`; random
text-like documents go through `Pipeline.process`. Nothing may raise; every
problem must come out as a `Failure` with a reason naming its source, and
every record an article keeps must point inside its text. Fixed
pathological inputs (deep HTML nesting, a 5 MB line, 10,000 quotation
marks...) are checked the same way. Examples are kept few and small so the
file runs in a couple of minutes on a loaded machine.
"""

from __future__ import annotations

import hashlib
import json
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import read_paths
from eventwire.model import Article, Failure
from eventwire.settings import Settings

FUZZ = settings(max_examples=50, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
SUFFIXES = (".txt", ".html", ".jsonl", ".csv", ".tsv", ".xml", "")
QUOTES = '"\'“”‘’«»„‟‹›「」'
WORDS = ("Vostra", "the Kelmish Front", "said", "told reporters", "attacked", "troops", "minister", "on Monday",
         "protesters", "would", "not", "according to", "officials", "in Tolsk", "ceasefire", "warned", "Mr. Ost",
         "Dr.", "U.N.", "who", "that", "and", "—", "...", ";", ":", "(", ")", "\n", "\n\n", "\t")


def make_article(text: str, id: str) -> Article:
    """An article as ingest hands it over (tests/conftest's helper cannot be imported from every test order)."""
    return Article(id=id, source=f"fuzz:{id}", raw_text=text, text=text, date="2024-03-20",
                   raw_sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())


def read_all(path: Path, settings_: Settings | None = None) -> list[Article | Failure]:
    """Everything ingest yields for `path`; checks the no-crash contract on the way."""
    items = list(read_paths([path], settings_ or Settings()))
    for item in items:
        assert isinstance(item, Article | Failure), item
        if isinstance(item, Failure):
            assert item.reason.strip() and item.stage, item
            assert str(path) in item.source or str(path) in item.reason, item
        else:
            assert isinstance(item.raw_text, str) and item.raw_sha256 and item.id
    return items


def check_processed(items: list[Article | Failure]) -> None:
    """After the pipeline: failures have reasons, and every record's offsets lie inside its article's text."""
    for item in items:
        if isinstance(item, Failure):
            assert item.reason.strip()
            continue
        assert all(f.reason.strip() and f.stage for f in item.failures), item.failures
        n = len(item.text)
        for record in (*item.quotes, *item.labels, *item.entities):
            if record.start is not None:
                assert 0 <= record.start <= record.end <= n, record
        for event in item.events:
            span = event.text_info or {}
            assert 0 <= span.get("start", 0) <= span.get("end", 0) <= n, event


@pytest.fixture
def fuzz_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# ---- strategies ------------------------------------------------------------------------------------------------

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                       max_size=4),
                           max_leaves=12)
record_fields = st.sampled_from(["text", "body", "id", "title", "date", "url", "outlet", "byline", "x"])
records = st.dictionaries(record_fields, json_values | st.text(max_size=200), max_size=6)
ATTRIBUTES = ("", " class=x", ' href="', " a=<>", " style='")
TAGS = ("p", "div", "span", "a", "script", "style", "article", "h1", "table", "td", "br", "meta", "title", "body")


@st.composite
def html_pages(draw) -> str:
    """Random nesting of common tags with random text, closed or not, sometimes with a doctype."""
    parts = ["<!doctype html><html><body>"] if draw(st.booleans()) else []
    depth = 0
    for _ in range(draw(st.integers(0, 60))):
        tag = draw(st.sampled_from(TAGS))
        choice = draw(st.integers(0, 3))
        if choice == 0:
            parts.append(f"<{tag}{draw(st.sampled_from(ATTRIBUTES))}>")
            depth += 1
        elif choice == 1 and depth:
            parts.append(f"</{tag}>")
            depth -= 1
        else:
            parts.append(draw(st.text(max_size=80)).replace("\x00", "&#0;"))
    return "".join(parts)


text_like = st.lists(st.sampled_from(WORDS) | st.sampled_from(QUOTES) | st.text(string.ascii_letters, max_size=12),
                     min_size=0, max_size=120).map(" ".join)


# ---- readers ---------------------------------------------------------------------------------------------------

@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_read_paths_random_bytes(fuzz_dir, data, suffix):
    path = fuzz_dir / f"bytes{suffix}"
    path.write_bytes(data)
    read_all(path)


@FUZZ
@given(text=st.text(max_size=3000), suffix=st.sampled_from(SUFFIXES))
def test_read_paths_random_unicode(fuzz_dir, text, suffix):
    path = fuzz_dir / f"unicode{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))  # lone surrogates too: not valid UTF-8
    read_all(path)


@FUZZ
@given(lines=st.lists(records.map(json.dumps) | st.text(max_size=100), max_size=12))
def test_read_paths_random_jsonl(fuzz_dir, lines):
    path = fuzz_dir / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read_all(path)
    assert sum(isinstance(i, Failure) and "#line=" in i.source for i in items) <= len(lines)


@FUZZ
@given(rows=st.lists(st.lists(st.text(max_size=60), min_size=1, max_size=5), max_size=10),
       header=st.sampled_from(["text,title,date", "id\ttext", "body;x", ""]),
       suffix=st.sampled_from([".csv", ".tsv"]))
def test_read_paths_random_csv(fuzz_dir, rows, header, suffix):
    sep = "\t" if suffix == ".tsv" else ","
    path = fuzz_dir / f"table{suffix}"
    path.write_text("\n".join([header, *(sep.join(r) for r in rows)]), encoding="utf-8")
    read_all(path)


@FUZZ
@given(page=html_pages())
def test_read_paths_random_html(fuzz_dir, page):
    path = fuzz_dir / "page.html"
    path.write_text(page, encoding="utf-8")
    read_all(path)


# ---- clean and the full pipeline -------------------------------------------------------------------------------

@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(texts=st.lists(text_like | st.text(max_size=300), min_size=1, max_size=3))
@pytest.mark.slow
def test_pipeline_process_text_like(pipeline, texts):
    articles = [make_article(t, id=f"fz{i}") for i, t in enumerate(texts)]
    items = list(pipeline.process(articles))
    assert [i.id for i in items] == [a.id for a in articles]
    check_processed(items)


def _deep_html(levels: int) -> str:
    return "<html><body>" + "<div>" * levels + "Vostra said talks would resume." + "</div>" * levels


PATHOLOGICAL = {
    "deep_html.html": _deep_html(5000),
    "unclosed_html.html": "<html><body>" + "<p><b><i>Kelmish troops advanced. " * 500,
    "unclosed_quote.txt": 'The minister said: "We will never accept this, and we will ' + "keep saying so " * 400,
    "quotation_marks.txt": "Officials said " + '"' * 10_000 + " nothing more.",
    "curly_marks.txt": "“" * 5000 + "Vostra said it would respond." + "”" * 3000 + "‘" * 2000,
    "long_line.txt": "Vostra " * (5 * 1024 * 1024 // 7),
    "nul_bytes.txt": "Kelmish forces\x00 shelled\x00 Arn, the army said.\x00\n" * 50,
    "long_token.txt": "The council said " + "x" * 200_000 + " was unacceptable.",
    "many_lines.jsonl": "\n".join(json.dumps({"id": f"r{i}", "text": '"' * (i % 7) + "Vostra spoke."})
                                  for i in range(300)),
    "unclosed_json.jsonl": '{"text": "Vostra said' + " more" * 1000 + "\n" + '{"text": [[[[' * 2000,
    "quoted_csv.csv": 'text,title\n"Vostra said ""no"" and then' + " words" * 3000 + "\n",
    "control_chars.txt": "".join(chr(c) for c in range(32)) * 200 + "Tolsk protesters marched.",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pipeline_survives_pathological_file(pipeline, tmp_path, name):
    path = tmp_path / name
    path.write_text(PATHOLOGICAL[name], encoding="utf-8")
    items = read_all(path)
    assert items, "every input gives at least an article or a failure"
    processed = list(pipeline.process(items))
    assert len(processed) == len(items)
    check_processed(processed)


@pytest.mark.slow
def test_run_records_every_failure_with_reason(tmp_path):
    """Through `eventwire run`'s library path: a folder of bad files finishes, each problem in the failures table."""
    from eventwire.pipeline import run_into_store
    from eventwire.store import open_store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "blob.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "empty.html").write_text("<html><body></body></html>")
    (folder / "bad.jsonl").write_text('{"text": "Vostra said."}\nnot json\n[1, 2]\n')
    (folder / "good.txt").write_text("Kelmish troops shelled the town of Arn on Monday, officials said.\n")
    with open_store(str(tmp_path / "db.duckdb")) as store:
        summary = run_into_store(read_paths([folder], Settings()), store)
        logged = store.failures(summary.run_id)
    assert summary.new == 2 and len(summary.failures) >= 4
    assert len(logged) == len(summary.failures) and all(f["reason"] for f in logged)
    assert {Path(f["source"].split("#")[0]).name for f in logged} >= {"blob.txt", "empty.html", "bad.jsonl"}
