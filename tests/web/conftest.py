"""Fixtures for the web tests: databases, a test client, a live server and a browser.

`fixture_db` is hand-written (fast, exact expectations); `examples_db` is built
from examples/articles by the real `eventwire run`, once per session.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.web import create_app
from services import skip_or_fail

from .fixture_db import build

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
ARTIFACTS = ROOT / "tests" / "_artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("web") / "fixture.duckdb")


@pytest.fixture(scope="session")
def client(fixture_db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(fixture_db), raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def examples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/articles run through the real CLI (pipeline + store + clustering)."""
    db = tmp_path_factory.mktemp("examples") / "examples.duckdb"
    cmd = [sys.executable, "-m", "eventwire", "run", str(EXAMPLES / "articles"), "--actors",
           str(EXAMPLES / "actors.yaml"), "--db", str(db), "--quiet"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    if done.returncode != 0 or not db.is_file():
        pytest.fail(f"`eventwire run` on examples failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return db


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving an app on 127.0.0.1 in a background thread."""

    def __init__(self, db: Path):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(create_app(db), host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"uvicorn did not start on {self.url}")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_examples(examples_db: Path) -> Iterator[LiveServer]:
    with LiveServer(examples_db) as server:
        yield server


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        skip_or_fail("Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)")
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_examples: LiveServer):  # noqa: ANN001 (playwright types are optional)
    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=live_examples.url,
                                  accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


def screenshot(page, name: str) -> Path:  # noqa: ANN001
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
