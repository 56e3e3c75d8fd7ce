"""RSS/Atom feeds from a local HTTP server: items become articles, errors become failures."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from eventwire.errors import InputError
from eventwire.ingest.feeds import feed_items, fetch_url, read_feed, read_feed_bytes, sniff_feed, url_id
from eventwire.model import Article, Failure
from eventwire.settings import Settings
from localsite import Site

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title} | Callis Herald</title>
<meta property="og:site_name" content="The Callis Herald"></head><body><nav><a href="/">Home</a></nav>
<article><h1>{title}</h1>
<p>Dock workers in the port city of Selvik walked off the job on Tuesday after talks over pay broke down,
the harbour authority of Callis said, leaving dozens of ships waiting at anchor outside the harbour.</p>
<p>The union leader, Mara Kova, said the strike would last until the port operator raised wages.</p>
<p>Story {n} of the series.</p></article><footer>All rights reserved</footer></body></html>"""

LONG = " ".join(["Officials of the Callis fisheries board met trawler crews in Selvik on Wednesday to discuss quotas."]
                * 10)


def rss(base: str, items: list[int]) -> str:
    entries = "".join(
        f"<item><title>Dock strike story {n}</title><link>{base}/news/{n}</link><guid>{base}/news/{n}</guid>"
        f"<pubDate>Tue, 0{n} Mar 2026 08:00:00 GMT</pubDate><description>Short teaser {n}.</description></item>"
        for n in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>The Callis Herald</title><link>{base}/</link>'
            f"<description>News</description>{entries}</channel></rss>")


def atom(base: str) -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Selvik Harbour News</title><id>{base}/atom</id><updated>2026-03-04T10:00:00Z</updated>"
            f"<entry><title>Fisheries board meets crews</title><link href=\"{base}/fish\"/><id>urn:fish</id>"
            f"<updated>2026-03-04T10:00:00Z</updated><content type=\"html\">&lt;p&gt;{LONG}&lt;/p&gt;</content></entry>"
            f"<entry><title>Dock strike story 9</title><link href=\"{base}/news/9\"/><id>urn:nine</id>"
            f"<updated>2026-03-04T09:00:00Z</updated><summary>Teaser.</summary></entry></feed>")


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    for n in (1, 2, 3, 9):
        s.add(f"/news/{n}", PAGE.format(title=f"Dock strike story {n}", n=n))
    s.add("/rss", rss(s.base, [1, 2, 3]), "application/rss+xml")
    s.add("/atom", atom(s.base), "application/atom+xml")
    yield s
    s.close()


def test_read_feed_rss_fetches_linked_pages(site):
    items = list(read_feed(site.base + "/rss", Settings()))
    assert all(isinstance(a, Article) for a in items), items
    assert [a.url for a in items] == [f"{site.base}/news/{n}" for n in (1, 2, 3)]
    assert [a.id for a in items] == [url_id(a.url) for a in items]
    assert "Selvik" in items[0].raw_text and "All rights reserved" not in items[0].raw_text
    assert items[1].date == "2026-03-02" and items[0].title == "Dock strike story 1"
    assert {f"/news/{n}" for n in (1, 2, 3)} <= set(site.hits)


def test_read_feed_atom_uses_full_content_without_fetching(site):
    fish, nine = read_feed(site.base + "/atom", Settings())
    assert isinstance(fish, Article) and "trawler crews" in fish.raw_text
    assert "/fish" not in site.hits  # full content in the feed: no page fetch
    assert fish.date == "2026-03-04" and fish.url == site.base + "/fish"
    assert isinstance(nine, Article) and "/news/9" in site.hits


def test_read_feed_from_file(tmp_path, site):
    path = tmp_path / "herald.rss"
    path.write_text(rss(site.base, [2]), encoding="utf-8")
    (article,) = read_feed(str(path), Settings())
    assert isinstance(article, Article) and article.url == site.base + "/news/2"


def test_read_feed_server_error_is_failure(site):
    site.add("/broken", "oops", status=500)
    (failure,) = read_feed(site.base + "/broken", Settings())
    assert isinstance(failure, Failure) and "HTTP 500" in failure.reason and "/broken" in failure.source


def test_read_feed_timeout_is_failure(site):
    site.add("/slow", rss(site.base, [1]), "application/rss+xml", delay=3.0)
    started = time.monotonic()
    (failure,) = read_feed(site.base + "/slow", Settings(), timeout=0.5)
    assert isinstance(failure, Failure) and "timed out" in failure.reason.lower()
    assert time.monotonic() - started < 2.5


def test_read_feed_missing_page_is_failure_others_go_on(site):
    site.routes.pop("/news/2")
    items = list(read_feed(site.base + "/rss", Settings()))
    assert [type(x).__name__ for x in items] == ["Article", "Failure", "Article"]
    assert "HTTP 404" in items[1].reason and items[1].article_id == url_id(site.base + "/news/2")


def test_feed_items_not_a_feed_raises(site):
    site.add("/page", "<html><body><p>just a page</p></body></html>")
    with pytest.raises(InputError, match="not a readable RSS/Atom feed"):
        feed_items(site.base + "/page", Settings())


def test_fetch_url_size_cap(site):
    site.add("/huge", b"x" * 5000, "text/plain")
    with pytest.raises(InputError, match="over the limit"):
        fetch_url(site.base + "/huge", max_bytes=1000)


def test_read_feed_bytes_reader_signature(site):
    from eventwire.ingest.readers import Source

    data = rss(site.base, [1, 3]).encode("utf-8")
    items = list(read_feed_bytes(data, Source("saved/herald.rss", "herald"), Settings()))
    assert [a.url for a in items] == [f"{site.base}/news/1", f"{site.base}/news/3"]


def test_sniff_feed_rss_atom_not_html(site):
    assert sniff_feed(rss(site.base, [1])) and sniff_feed(atom(site.base))
    assert not sniff_feed(PAGE.format(title="x", n=1))
