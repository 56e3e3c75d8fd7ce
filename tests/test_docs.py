"""Docs keep up with the code (datasette's test_docs idea)."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

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


# ---- every command the docs show runs ------------------------------------------------------------------------
#
# Each `eventwire ...` line of a ```sh (or unlabelled) block, and each inline `eventwire ...` span, of
# README.md and docs/*.md runs here, as written, inside a small workspace (see `workspace`): the
# paths the docs name (examples/articles, corpus/, ../shared/gold/...) hold two of our example
# articles and their gold, so each command runs in seconds. Three substitutions, and only these:
#   - a postgresql:// address becomes the test server's (EVENTWIRE_TEST_POSTGRES, which .ci/run
#     provides; without it the test skips locally and fails in CI);
#   - `serve` gets a free --port and is stopped once its home page answers;
#   - `watch` gets --once (one poll of a feed file in the workspace, no network).
# A synopsis (`eventwire serve [--db FILE]`, `eventwire -v COMMAND ...`) and a command named in the
# text (`eventwire run`) are checked against the command's --help instead: every option they show exists.

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
GROUPS = {"evaluate", "actors"}
EXAMPLE_IDS = ("01_mlf_leader_calls_for_attacks", "02_kelm_strikes_tolsk_courier")
_FENCE = re.compile(r"^\s*```(\w*)")
_INLINE = re.compile(r"`((?:[A-Z_]+=\S+ )*eventwire(?: [^`]*)?)`")
_COMMENT = re.compile(r"\s+#\s.*$")
_PLACEHOLDER = re.compile(r"^[A-Z][A-Z_|.]*$")  # FILE, DIR, N, COMMAND, DIR|URI


@dataclass(frozen=True)
class Shown:
    """One command line as a page shows it."""

    where: str
    line: str
    in_block: bool  # a code block shows a command to type; inline text may only name it


def shown_commands() -> list[Shown]:
    found = []
    for page in PAGES:
        block = None
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{page.relative_to(ROOT)}:{n}"
            if fence := _FENCE.match(line):
                block = None if block is not None else fence.group(1)
                continue
            if block is None:
                found += [Shown(where, m.group(1), False) for m in _INLINE.finditer(line)]
            elif block in ("sh", "bash", ""):
                command = _COMMENT.sub("", line).strip()
                if re.match(r"^(?:[A-Z_]+=\S+\s+)*eventwire\b", command):
                    found.append(Shown(where, command, True))
    return found


def test_docs_show_commands():
    shown = shown_commands()
    assert len(shown) > 20 and any(s.where.startswith("README.md") for s in shown)


def _argv(command: str) -> tuple[dict[str, str], list[str]]:
    """(environment assignments, argv after `eventwire`) as the shell would expand them."""
    expanded = subprocess.run(["bash", "-c", f"printf '%s\\0' {command}"], capture_output=True, text=True,
                              check=True).stdout.split("\0")[:-1]
    env = {}
    while expanded and re.match(r"^[A-Z_]+=", expanded[0]):
        name, _, value = expanded.pop(0).partition("=")
        env[name] = "docs-token-" + "x" * 24 if value == "..." else value
    assert expanded[0] == "eventwire", command
    return env, expanded[1:]


def _command_path(argv: list[str]) -> list[str]:
    if argv and argv[0] in GROUPS and len(argv) > 1 and not argv[1].startswith("-"):
        return argv[:2]
    return argv[:1] if argv and not argv[0].startswith("-") else []


def _is_synopsis(args: list[str]) -> bool:
    return any("[" in a or a == "..." or _PLACEHOLDER.match(a) for a in args)


def _help_lists_options(path: list[str], args: list[str]) -> None:
    command_path = [a for a in path if not _PLACEHOLDER.match(a)]
    result = CliRunner().invoke(app, [*command_path, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    options = [a.strip("[]").split("=")[0] for a in args if a.strip("[]").startswith("-")]
    missing = [o for o in options if o not in result.stdout]
    assert not missing, f"eventwire {' '.join(command_path)} has no {missing}"


def _write_workspace(base: Path) -> Path:
    """The files the pages' commands name, small: two example articles, their gold, a feed, a WARC."""
    from eventwire.ingest.warc import write_html_warc

    ws, shared = base / "ws", base / "shared"
    articles = ws / "examples" / "articles"
    articles.mkdir(parents=True)
    for name in EXAMPLE_IDS:
        shutil.copy(ROOT / "examples" / "articles" / f"{name}.txt", articles)
    shutil.copy(ROOT / "examples" / "actors.yaml", ws / "examples")
    for folder in ("corpus", "feeds"):
        shutil.copytree(articles, ws / folder)
    gold = ROOT / "eval" / "examples_gold"
    events = [r for r in json.loads((gold / "events.json").read_text(encoding="utf-8"))
              if r.get("article_id") in EXAMPLE_IDS]
    (ws / "eval" / "examples_gold" / "quotes").mkdir(parents=True)
    (ws / "eval" / "examples_gold" / "events.json").write_text(json.dumps(events), encoding="utf-8")
    labels = [line for line in (ROOT / "eval" / "labels_gold.jsonl").read_text(encoding="utf-8").splitlines()
              if any(f'"{name}"' in line for name in EXAMPLE_IDS)]
    (ws / "eval" / "labels_gold.jsonl").write_text("\n".join(labels) + "\n", encoding="utf-8")
    for sub in ("text", "attributions"):
        target = ws / "eval" / "examples_gold" / "quotes" / sub
        target.mkdir()
        for path in (gold / "quotes" / sub).iterdir():
            if path.name.startswith(EXAMPLE_IDS):
                shutil.copy(path, target)
    _write_judged_sets(ws, shared, articles)
    (shared / "gold" / "plover-gsr").mkdir(parents=True)
    (shared / "gold" / "plover-gsr" / "PLOVER_GSR_CAMEO.json").write_text(json.dumps(events), encoding="utf-8")
    shutil.copytree(ws / "eval" / "examples_gold" / "quotes", shared / "gold" / "polnear-dev")
    (ws / "sentences.jsonl").write_text(
        '{"id": "s1", "text": "Arvenian troops shelled the town of Keld on Monday.", "date": "2026-03-02"}\n'
        '{"id": "s2", "text": "Vostra called on Arvenia to withdraw its forces."}\n', encoding="utf-8")
    story = (articles / f"{EXAMPLE_IDS[1]}.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{p}</p>" for p in story.split("\n\n")[1:])
    item = (f"<item><title>Kelm strikes</title><link>https://courier.example/kelm</link>"
            f"<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate><description><![CDATA[{body}]]></description></item>")
    (ws / "feed.xml").write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Tolsk Courier</title>'
                                 f"{item}</channel></rss>", encoding="utf-8")
    (ws / "feeds.txt").write_text(f"{ws / 'feed.xml'}\n", encoding="utf-8")
    page = f"<html><head><title>Kelm strikes</title></head><body><article>{body}</article></body></html>"
    write_html_warc(ws / "crawl.warc.gz", [("https://courier.example/kelm", page.encode("utf-8"))])
    return ws


def _write_judged_sets(ws: Path, shared: Path, articles: Path) -> None:
    """Small judged sets in the real files' formats, on our example article (the mock polnear-dev text):
    the judged events, the no-event sentences, the places gold and a BABE-format CSV."""
    name = EXAMPLE_IDS[0]
    text = (articles / f"{name}.txt").read_text(encoding="utf-8")
    word = text.index("called")
    (ws / "eval" / "judged").mkdir(parents=True)
    (ws / "eval" / "judged" / "events_polnear20.jsonl").write_text(json.dumps(
        {"article": name, "trigger": [word, word + 6], "sentence": [0, len(text)], "event": "REQUEST",
         "rule": "request", "actor_spans": [], "recipient_spans": [], "type": "y", "actor": "-",
         "recipient": "-", "round": 1}) + "\n", encoding="utf-8")
    (ws / "eval" / "no_events.jsonl").write_text(
        '{"id": "ne0", "category": "disaster", "text": "A storm flooded the coast of Dorvat.", "expected": []}\n',
        encoding="utf-8")
    (ws / "eval" / "places_gold").mkdir(parents=True)
    (ws / "eval" / "places_gold" / "places.jsonl").write_text(json.dumps(
        {"set": "polnear-dev", "article": name, "start": 0, "end": 4, "geonames_id": None, "name": "Nowhere",
         "lat": 0.0, "lon": 0.0, "feature": "P.PPL", "country": None}) + "\n", encoding="utf-8")
    (shared / "gold" / "babe").mkdir(parents=True)
    (shared / "gold" / "babe" / "final_labels_SG2.csv").write_text(
        "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words\n"
        "The reckless minister slammed the harbour workers.;;;;;Biased;;['reckless', 'slammed']\n"
        "The council met on Tuesday to discuss the budget.;;;;;Non-biased;;[]\n", encoding="utf-8")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    ws = _write_workspace(tmp_path_factory.mktemp("docs"))
    cwd = Path.cwd()
    os.chdir(ws)
    try:
        result = CliRunner().invoke(app, ["run", "examples/articles", "--actors", "examples/actors.yaml", "-q"])
    finally:
        os.chdir(cwd)
    assert result.exit_code == 0, result.output
    shutil.copy(ws / "eventwire.duckdb", ws / "news.duckdb")
    return ws


@pytest.fixture(scope="module")
def docs_postgres() -> Iterator[str]:
    """One fresh schema on the test server for the pages' PostgreSQL commands (they build on each other)."""
    from pgserver import fresh_schema

    with fresh_schema() as url:
        yield url


def _postgres(argv: list[str], request: pytest.FixtureRequest) -> list[str]:
    if not any(a.startswith(("postgresql://", "postgres://")) for a in argv):
        return argv
    url = request.getfixturevalue("docs_postgres")
    return [url if a.startswith(("postgresql://", "postgres://")) else a for a in argv]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(argv: list[str], env: dict[str, str], cwd: Path) -> None:
    port = _free_port()
    token = env.get("EVENTWIRE_TOKEN") or (argv[argv.index("--token") + 1] if "--token" in argv else None)
    exe = Path(sys.executable).with_name("eventwire")
    proc = subprocess.Popen([str(exe), *argv, "--port", str(port)], cwd=cwd, env={**os.environ, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/api/events?limit=1",
                                         headers={"Authorization": f"Bearer {token}"} if token else {})
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, proc.communicate()[0]
            try:
                with urllib.request.urlopen(request, timeout=5) as response:
                    assert response.status == 200
                    return
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.5)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.slow
@pytest.mark.parametrize("shown", shown_commands(), ids=lambda s: s.where)
def test_docs_command_runs(shown, workspace, monkeypatch, request):
    monkeypatch.chdir(workspace)
    for command in shown.line.split(" && "):
        env, argv = _argv(command)
        path = _command_path(argv)
        args = argv[len(path):]
        if (not args and not shown.in_block) or _is_synopsis(args):
            _help_lists_options(path, args)
            continue
        argv = _postgres(argv, request)
        if path == ["serve"]:
            _serve(argv, env, workspace)
            continue
        if path == ["watch"]:
            argv = [*argv, "--once"]
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        result = CliRunner().invoke(app, argv)
        assert result.exit_code == 0, f"{shlex.join(['eventwire', *argv])}\n{result.output}"


def test_docs_synopsis_with_an_unknown_option_fails():
    _help_lists_options(["serve"], ["[--db", "FILE]", "[--port", "N]"])
    with pytest.raises(AssertionError, match="has no"):
        _help_lists_options(["serve"], ["[--dbase", "FILE]"])
