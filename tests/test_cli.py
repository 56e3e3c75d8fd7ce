"""The command line: exit codes, run/extract/export, and docs/cli.md kept in step with --help.

Regenerate docs/cli.md after changing a command:

    .venv/bin/python tests/test_cli.py
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from eventwire import __version__
from eventwire.cli import app

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "cli.md"
FIXTURES = Path(__file__).with_name("fixtures") / "cli"
START, END = "<!-- cli-help:start -->", "<!-- cli-help:end -->"
runner = CliRunner()


# ---- docs/cli.md ---------------------------------------------------------------------------------------------

def command_paths() -> list[list[str]]:
    """Every command and sub-command, e.g. [], ["run"], ["evaluate", "quotes"]."""
    paths, todo = [], [([], typer.main.get_command(app))]
    while todo:
        path, command = todo.pop(0)
        paths.append(path)
        if hasattr(command, "list_commands"):  # a group
            ctx = command.make_context("eventwire", [], resilient_parsing=True)
            todo[0:0] = [([*path, name], command.get_command(ctx, name)) for name in command.list_commands(ctx)]
    return paths


def render_help() -> str:
    """The --help text of every command, as markdown (fixed width, so it does not depend on the terminal)."""
    parts = []
    for path in command_paths():
        result = runner.invoke(app, [*path, "--help"], prog_name="eventwire", terminal_width=88)
        assert result.exit_code == 0, result.output
        parts.append(f"### `{' '.join(['eventwire', *path])}`\n\n```text\n{result.stdout.rstrip()}\n```\n")
    return "\n".join(parts)


def regenerate(text: str) -> str:
    """docs/cli.md with the generated block replaced by the current help."""
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{render_help()}{END}{tail}"


def test_cli_docs_match_help():
    current = DOCS.read_text(encoding="utf-8")
    assert current == regenerate(current), (
        "docs/cli.md is out of date with the commands' --help; regenerate it with "
        "`.venv/bin/python tests/test_cli.py`")


# ---- commands that need no pipeline -------------------------------------------------------------------------

def test_cli_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.strip() == f"eventwire {__version__}"


def test_cli_no_command_shows_help():
    result = runner.invoke(app, [])
    assert result.exit_code == 2 and "Commands" in result.output


@pytest.fixture
def filled_db(tmp_path) -> str:
    """A database with one hand-built article."""
    from eventwire.model import Article, Entity, Event
    from eventwire.store import open_store

    path = str(tmp_path / "cli.duckdb")
    text = "Vostran police detained two Kelmish reporters in Arn."
    article = Article(id="arn-1", source="arn.txt", text=text, raw_text=text, raw_sha256="f00", outlet="Ledger")
    article.events = [Event(id="arn-1:e0", article_id="arn-1", event="COERCE", mode="arrest",
                            actor=[Entity("Vostran police", code="VST", sector="POL", start=0, end=14)],
                            text_info={"start": 0, "end": len(text)}, event_text=text, rule="coerce/detain")]
    with open_store(path) as store:
        store.save(article)
    return path


def test_cli_export_plover_stdout(filled_db):
    result = runner.invoke(app, ["export", "--format", "plover", "--db", filled_db])
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    assert json.loads(line)["event"] == "COERCE" and json.loads(line)["outlet"] == "Ledger"


def test_cli_export_csv_and_parquet_folders(filled_db, tmp_path):
    for fmt in ("csv", "parquet"):
        result = runner.invoke(app, ["export", "-f", fmt, "-o", str(tmp_path / fmt), "--db", filled_db])
        assert result.exit_code == 0, result.output
        assert (tmp_path / fmt / f"events.{fmt}").is_file() and "events" in result.stderr


def test_cli_export_usage_errors(filled_db, tmp_path):
    result = runner.invoke(app, ["export", "-f", "xml", "--db", filled_db])
    assert result.exit_code == 2 and "unknown export format 'xml'" in result.stderr
    result = runner.invoke(app, ["export", "-f", "csv", "--db", filled_db])
    assert result.exit_code == 2 and "give a folder" in result.stderr
    missing = str(tmp_path / "missing.duckdb")
    result = runner.invoke(app, ["export", "-f", "plover", "--db", missing])
    assert result.exit_code == 2 and f"{missing}: no such database" in result.stderr
    assert "Traceback" not in result.output


def test_cli_evaluate_missing_gold_is_usage_error(tmp_path):
    result = runner.invoke(app, ["evaluate", "events", "--gold", str(tmp_path / "nothing.json")])
    assert result.exit_code == 2 and "nothing.json: no such gold file" in result.stderr


def test_cli_locked_database_is_usage_error(filled_db, tmp_path):
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from eventwire.store import open_store; "
                               f"s = open_store({filled_db!r}); print('ready', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        (tmp_path / "a.txt").write_text("Vostra and Kelmia held talks in Arn.")
        result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--db", filled_db, "--quiet"])
    finally:
        holder.communicate("", timeout=30)
    assert result.exit_code == 2
    assert f"{filled_db}: the database is locked by another process" in result.stderr
    assert "Traceback" not in result.output


def test_cli_outlets_and_suggest_read_the_database(filled_db):
    result = runner.invoke(app, ["outlets", "--db", filled_db, "--json"])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), dict)
    result = runner.invoke(app, ["actors", "suggest", "--db", filled_db])
    assert result.exit_code == 0, result.output
    assert isinstance(json.loads(result.stdout), list)


def test_cli_serve_missing_database_is_usage_error(tmp_path):
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 2 and "none.duckdb: no such database" in result.stderr


# ---- commands that run the pipeline ------------------------------------------------------------------------

@pytest.fixture
def inputs(tmp_path) -> Path:
    """Two good articles, a binary file and an empty file."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in FIXTURES.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "scan.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 8)
    (folder / "blank.txt").write_text("")
    return folder


def _summary(stdout: str) -> dict[str, str]:
    rows = {}
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.strip("│|").split("│")]
        if len(cells) == 2 and cells[1].replace(".", "").isdigit():
            rows[cells[0]] = cells[1]
    return rows


@pytest.mark.slow
def test_cli_run_twice_same_counts_and_failures_stored(inputs, tmp_path):
    from eventwire.store import open_store

    db = str(tmp_path / "run.duckdb")
    first = runner.invoke(app, ["run", str(inputs), "--db", db, "--quiet"])
    assert first.exit_code == 1, first.output  # the bad inputs failed, the run completed
    summary = _summary(first.stdout)
    assert summary["articles read"] == "2" and summary["articles new"] == "2" and summary["failures"] == "2"
    assert "scan.txt" in first.stderr and "blank.txt" in first.stderr
    with open_store(db, read_only=True) as store:
        counts = store.counts()
        assert sorted(Path(f["source"]).name for f in store.query("SELECT source FROM failures")) == \
            ["blank.txt", "scan.txt"]
    second = runner.invoke(app, ["run", str(inputs), "--db", db, "--quiet"])
    assert second.exit_code == 1
    again = _summary(second.stdout)
    assert again["articles unchanged"] == "2" and again["articles new"] == "0"
    with open_store(db, read_only=True) as store:
        after = store.counts()
    assert {k: after[k] for k in ("articles", "quotes", "events", "labels", "entities")} == \
        {k: counts[k] for k in ("articles", "quotes", "events", "labels", "entities")}
    assert after["runs"] == 2


@pytest.mark.slow
def test_cli_extract_one_json_line_per_article(inputs, tmp_path):
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(inputs), "-o", str(out)])
    assert result.exit_code == 1  # the binary and empty files
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(Path(r["article"]["source"]).name for r in lines) == ["kelmish_protest.txt", "vostra_talks.txt"]
    assert all({"article", "quotes", "events", "labels"} <= set(r) for r in lines)
    assert "scan.txt" in result.stderr


@pytest.mark.slow
def test_cli_extract_reads_stdin(inputs):
    text = (FIXTURES / "vostra_talks.txt").read_text()
    result = runner.invoke(app, ["extract", "-"], input=text)
    assert result.exit_code == 0, result.output
    (line,) = result.stdout.splitlines()
    record = json.loads(line)
    assert record["article"]["source"] == "<stdin>" and "Tomas Edren" in record["article"]["text"]


@pytest.mark.slow
def test_cli_code_events_out_errors_to_stderr(inputs, tmp_path):
    lines = tmp_path / "sentences.jsonl"
    lines.write_text(json.dumps({"id": "s1", "text": "Kelmish police arrested two Vostran journalists in Arn.",
                                 "date": "2024-03-20"}) + "\n{broken\n")
    result = runner.invoke(app, ["code", str(lines)])
    assert result.exit_code == 1
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events and all(e["text_id"] == "s1" and "event" in e for e in events)
    assert "sentences.jsonl line 2" in result.stderr


if __name__ == "__main__":
    DOCS.write_text(regenerate(DOCS.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote {DOCS}")
