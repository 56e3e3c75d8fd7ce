"""One error shape for every 4xx/5xx, and no stack traces (like Datasette's test_error_shape)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from eventwire.errors import StoreError
from eventwire.web import create_app


def assert_error(response, status: int) -> str:
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert "Traceback" not in response.text
    return body["error"]["message"]


@pytest.mark.parametrize(("url", "status", "needle"), [
    ("/api/events?limit=0", 422, "limit"),
    ("/api/events?limit=1001", 422, "limit"),
    ("/api/events?offset=-1", 422, "offset"),
    ("/api/events?event=EXPLODE", 422, "event"),
    ("/api/events?date_from=2025-13-01", 422, "date_from"),
    ("/api/events?date_from=2025-06-05&date_to=2025-06-01", 400, "after"),
    ("/api/events?format=xml", 422, "format"),
    ("/api/quotes?kind=shouted", 422, "kind"),
    ("/api/events/a9:e9", 404, "a9:e9"),
    ("/api/actors/Nobody%20At%20All", 404, "Nobody At All"),
    ("/api/no-such-list", 404, "/api/no-such-list"),
    ("/api/actors/AC%2FDC", 404, "AC/DC"),
    ("/events/a9:e9.json", 404, "a9:e9"),
])
def test_error_shape_names_the_problem(client, url, status, needle):
    assert needle in assert_error(client.get(url), status)


def test_error_shape_for_writes_says_read_only(client):
    assert "read-only" in assert_error(client.post("/api/events", json={}), 405)
    assert "read-only" in assert_error(client.delete("/api/events/a1:e0"), 405)


def test_error_shape_hides_internal_errors(fixture_db, monkeypatch):
    from eventwire.web import views

    def boom(*args, **kwargs):
        raise RuntimeError("secret detail of the server")

    monkeypatch.setattr(views, "event", boom)
    with TestClient(create_app(fixture_db), raise_server_exceptions=False) as c:
        r = c.get("/api/events/a1:e0")
    message = assert_error(r, 500)
    assert "secret" not in r.text and "internal error" in message


def test_error_page_for_browsers_is_html(client):
    r = client.get("/events/a9:e9", headers={"accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "a9:e9" in r.text and "Traceback" not in r.text


def test_create_app_refuses_missing_database(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "absent.duckdb")


def test_app_is_read_only(fixture_db):
    app = create_app(fixture_db)
    cur = app.state.db.cursor()
    with pytest.raises(Exception, match="read-only"):
        cur.execute("DELETE FROM events")
