"""Docs keep up with the code (datasette's test_docs idea)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "eventwire"
STAGES = ["ingest", "clean", "actors", "quotes", "events", "framing", "store", "web"]


@pytest.mark.parametrize("stage", STAGES)
def test_docs_every_stage_has_a_page(stage):
    assert (SRC / stage).is_dir(), f"src/eventwire/{stage} is missing"
    page = ROOT / "docs" / f"{stage}.md"
    assert page.is_file(), f"docs/{stage}.md is missing: every stage gets a page"
    assert len(page.read_text(encoding="utf-8")) > 300, f"docs/{stage}.md is too short to explain the stage"


def test_docs_every_data_folder_has_a_readme():
    folders = [p for p in SRC.rglob("data") if p.is_dir()]
    assert folders, "no data folders found"
    missing = [str(p.relative_to(ROOT)) for p in folders if not (p / "README.md").is_file()]
    assert not missing, f"data folders without README.md: {missing}"


def test_docs_readme_links_resolve():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#]+\.md)\)", text)
    assert links, "README links no docs"
    broken = [link for link in links if not (ROOT / link).is_file()]
    assert not broken, f"README links missing files: {broken}"


def test_docs_readme_names_the_two_setup_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert f"make {target}" in text
        assert re.search(rf"^{target}:", makefile, re.M), f"Makefile has no {target} target"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci, ".ci/run must call the README's test command"
