"""The PostgreSQL server the tests may use, and a fresh schema per test.

`.ci/run` starts a real server and exports `EVENTWIRE_TEST_POSTGRES`
(e.g. `postgresql://eventwire:eventwire@127.0.0.1:5432/eventwire_test`);
without it the PostgreSQL tests skip, saying so.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import quote
from uuid import uuid4

from services import skip_or_fail

ENV = "EVENTWIRE_TEST_POSTGRES"


def server_url() -> str:
    """The test server's address, or skip the calling test."""
    url = os.environ.get(ENV)
    if not url:
        skip_or_fail(f"no PostgreSQL server for tests: set {ENV} (.ci/run starts one)")
    return url


def in_schema(url: str, schema: str) -> str:
    """`url` with libpq options that make `schema` the connection's search_path."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options={quote(f'-csearch_path={schema}')}"


@contextmanager
def fresh_schema() -> Iterator[str]:
    """A new, empty schema on the test server (dropped afterwards); yields an address that uses it."""
    import psycopg

    url = server_url()
    schema = f"ewtest_{uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as con:
        con.execute(f"CREATE SCHEMA {schema}")  # a generated name, no user input
    try:
        yield in_schema(url, schema)
    finally:
        with psycopg.connect(url, autocommit=True) as con:
            con.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
