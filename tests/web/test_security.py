"""Request limits and token authentication (eventwire.web.security), and their `serve` options."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.cli import app as cli_app
from eventwire.web.app import create_app

TOKEN = "team-token-1234"


@pytest.fixture(scope="module")
def guarded(fixture_db):
    with TestClient(create_app(fixture_db, token=TOKEN), raise_server_exceptions=False) as c:
        yield c


def test_guard_refuses_oversized_body(client):
    response = client.post("/api/events", content=b"x" * (65 * 1024))
    assert response.status_code == 413 and "request body" in response.json()["error"]["message"]


def test_guard_refuses_overlong_query(client):
    assert client.get("/api/events?q=" + "a" * 9000).status_code == 414


def test_api_page_size_is_capped(client):
    assert client.get("/api/events?limit=1001").status_code == 422
    assert client.get("/api/events?limit=1000").status_code == 200


def test_token_missing_or_wrong_is_401(guarded):
    assert guarded.get("/api/events").status_code == 401
    response = guarded.get("/api/events", headers={"Authorization": "Bearer wrong-token-000"})
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
    assert guarded.get("/static/style.css").status_code == 401


def test_token_bearer_header_is_accepted(guarded):
    assert guarded.get("/api/events", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_token_query_sets_cookie_then_links_work(fixture_db):
    with TestClient(create_app(fixture_db, token=TOKEN), raise_server_exceptions=False) as browser:
        response = browser.get(f"/events?token={TOKEN}&event=PROTEST", follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/events?event=PROTEST"
        assert "HttpOnly" in response.headers["set-cookie"]
        assert browser.get("/api/events").status_code == 200  # the cookie now authenticates


def test_create_app_refuses_weak_token(fixture_db):
    with pytest.raises(ValueError, match="at least 8 characters"):
        create_app(fixture_db, token="short")


def test_serve_requires_token_off_loopback(fixture_db):
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(fixture_db), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--token" in result.output


def test_serve_unreachable_postgres_is_usage_error():
    result = CliRunner().invoke(cli_app, ["serve", "--db", "postgresql://ann:pw@127.0.0.1:1/ew"])
    assert result.exit_code == 2 and "cannot connect" in result.output and ":pw@" not in result.output
