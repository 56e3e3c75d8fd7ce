"""Services some tests need (a browser, a PostgreSQL server): skip locally, fail in CI."""

from __future__ import annotations

import os

import pytest


def skip_or_fail(reason: str) -> None:
    """Skip a test whose service is missing, but fail in CI, where .ci/run installs it.

    `.ci/run` sets EVENTWIRE_REQUIRE_SERVICES=1 so that a broken install step
    turns CI red instead of hiding behind skips.
    """
    if os.environ.get("EVENTWIRE_REQUIRE_SERVICES") == "1":
        pytest.fail(f"required service missing in CI: {reason}")
    pytest.skip(reason)
