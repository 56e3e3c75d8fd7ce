"""/api/places, the places of one article, and the article page's places list and map,
over examples/articles run through the real CLI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.web.app import create_app


@pytest.fixture(scope="module")
def ex_client(examples_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(examples_db), raise_server_exceptions=False) as c:
        yield c


def test_api_places_lists_resolved_mentions(ex_client):
    page = ex_client.get("/api/places", params={"limit": 500}).json()
    assert page["total"] > 10
    tolsk = [p for p in page["items"] if p["name"] == "Tolsk"]
    assert tolsk and tolsk[0]["country"] == "XAR" and tolsk[0]["lat"] is not None and tolsk[0]["via"] == "own"
    assert all({"article_id", "start", "end", "geonames_id", "feature", "admin1", "reason", "outlet"} <= set(p)
               for p in page["items"])


def test_api_places_filters(ex_client):
    xar = ex_client.get("/api/places", params={"country": "xar", "limit": 500}).json()["items"]
    assert xar and {p["country"] for p in xar} == {"XAR"}
    unresolved = ex_client.get("/api/places", params={"resolved": "false", "limit": 500}).json()["items"]
    assert all(p["lat"] is None and p["reason"] for p in unresolved)
    article_id = xar[0]["article_id"]
    mine = ex_client.get("/api/places", params={"article": article_id}).json()["items"]
    assert mine and {p["article_id"] for p in mine} == {article_id}


def test_article_record_and_page_carry_places(ex_client):
    first = ex_client.get("/api/places", params={"country": "XAR", "limit": 1}).json()["items"][0]
    record = ex_client.get(f"/api/articles/{first['article_id']}").json()
    assert any(p["name"] == first["name"] for p in record["places"])
    html = ex_client.get(f"/articles/{first['article_id']}").text
    assert "Places (" in html and "Places named" in html and first["name"] in html
