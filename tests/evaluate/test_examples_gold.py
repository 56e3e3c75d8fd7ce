"""Our hand-written gold for examples/ stays in step with its specs and texts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parents[2] / "eval" / "examples_gold"


@pytest.mark.parametrize("script", ["build_events.py", "build_quotes.py"])
def test_examples_gold_built_files_are_current(script):
    # --check rebuilds in memory from the spec and the cleaned example texts and
    # fails when the committed gold differs (a spec, an article or the cleaner changed).
    done = subprocess.run([sys.executable, str(GOLD / script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
