"""WARC reader: HTML responses become articles, the rest is skipped or a Failure."""

from __future__ import annotations

from io import BytesIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from eventwire.ingest.warc import is_warc, read_warc, url_id, write_html_warc
from eventwire.model import Article, Failure
from eventwire.settings import Settings

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Meridian Wire</title>
<meta property="og:site_name" content="Meridian Wire">
<meta property="article:published_time" content="2026-03-0{day}T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>{title}</h1>
<p>Farmers in the Ostvale district of Callis blocked the main highway on Monday to protest a new tax on diesel,
the regional police said. Several hundred tractors stood across both lanes for most of the day.</p>
<p>The agriculture minister of Callis, Petra Lind, said the government would meet farm unions on Thursday
to discuss the tax, which took effect at the start of the month.</p>
<p>Union leaders said the blockade would continue until the tax was suspended.</p></article>
<footer>Copyright Meridian Wire</footer></body></html>"""


def _page(n: int) -> bytes:
    return PAGE.format(title=f"Farmers block highway in Ostvale, day {n}", day=n + 1).encode("utf-8")


def _response(writer: WARCWriter, url: str, body: bytes, content_type: str = "text/html; charset=utf-8",
              status: str = "200 OK") -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=headers))


def _warc(path, compress: bool) -> list[str]:
    urls = [f"https://meridian.example/world/2026/03/0{n + 1}/ostvale" for n in range(3)]
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=compress)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "eventwire tests"}))
        _response(writer, urls[0], _page(0))
        _response(writer, "https://meridian.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        _response(writer, urls[1], _page(1))
        _response(writer, "https://meridian.example/old", b"<html>moved</html>", status="301 Moved Permanently")
        request = StatusAndHeaders("GET /x HTTP/1.1", [("Host", "meridian.example")], is_http_request=True)
        writer.write_record(writer.create_warc_record(urls[2], "request", payload=BytesIO(b""), http_headers=request))
        _response(writer, urls[2], _page(2))
    return urls


@pytest.mark.parametrize("compress", [False, True])
def test_read_warc_html_responses_become_articles(tmp_path, compress):
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    urls = _warc(path, compress)
    items = list(read_warc(path, Settings()))
    assert all(isinstance(a, Article) for a in items), items
    assert [a.url for a in items] == urls
    assert [a.id for a in items] == [url_id(u) for u in urls]
    assert all(a.source.startswith(f"{path}#offset=") for a in items)
    assert "Ostvale" in items[0].raw_text and "Copyright" not in items[0].raw_text
    assert items[0].title.startswith("Farmers block highway")
    assert items[0].date == "2026-03-01"


def test_read_warc_garbage_after_records_is_failure(tmp_path):
    path = tmp_path / "crawl.warc"
    urls = _warc(path, compress=False)
    with open(path, "ab") as fh:
        fh.write(b"THIS IS NOT A WARC RECORD\r\n" * 20)
    items = list(read_warc(path, Settings()))
    assert [a.url for a in items if isinstance(a, Article)] == urls
    assert isinstance(items[-1], Failure) and items[-1].stage == "ingest"
    assert str(path) in items[-1].source and "unreadable WARC record" in items[-1].reason


def test_read_warc_truncated_gzip_is_failure(tmp_path):
    whole = tmp_path / "whole.warc.gz"
    _warc(whole, compress=True)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: len(data) - 700])
    items = list(read_warc(cut, Settings()))
    assert isinstance(items[-1], Failure)
    assert all(isinstance(a, Article) for a in items[:-1]) and len(items) >= 2


def test_read_warc_oversized_payload_is_failure_and_reading_goes_on(tmp_path):
    path = tmp_path / "big.warc.gz"
    big = _page(0).replace(b"</article>", b"<p>" + b"word " * 5000 + b"</p></article>")
    write_html_warc(path, [("https://meridian.example/big", big), ("https://meridian.example/small", _page(1))])
    items = list(read_warc(path, Settings(max_bytes=10_000)))
    assert isinstance(items[0], Failure) and "over the limit" in items[0].reason
    assert isinstance(items[1], Article) and items[1].url == "https://meridian.example/small"


def test_read_warc_missing_file_is_failure(tmp_path):
    (item,) = read_warc(tmp_path / "nope.warc.gz", Settings())
    assert isinstance(item, Failure) and "nope.warc.gz" in item.source


def test_is_warc_names():
    assert is_warc("a/b.warc.gz") and is_warc("B.WARC") and not is_warc("b.html")
