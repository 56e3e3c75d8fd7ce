"""The `eventwire` command line: parse options, call the library, format output.

Exit codes: 0 everything worked; 1 the command completed but some inputs
or records failed (listed on stderr and, for `run`, stored in the
`failures` table); 2 usage or setup error (bad option, missing model,
locked database).

Commands import the parts they call inside their function, so `eventwire
--help` starts without loading spaCy or the web stack.
"""

from __future__ import annotations

import functools
import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .errors import EventwireError
from .model import Article, Failure, is_counted
from .settings import Settings

OK, FAILURES, USAGE = 0, 1, 2
DEFAULT_DB = Settings().db

err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)  # file names may contain [brackets]

app = typer.Typer(name="eventwire", no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  pretty_exceptions_enable=False,
                  help="Political-conflict news to checkable data: PLOVER events, attributed quotes, "
                       "coverage and framing labels.")
evaluate_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                           help="Score a stage against gold data (precision, recall, F1).")
actors_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                         help="Look up and review actor dictionary entries.")
app.add_typer(evaluate_app, name="evaluate")
app.add_typer(actors_app, name="actors")

# Options shared by the commands that run the pipeline.
DbOpt = typer.Option(DEFAULT_DB, "--db", metavar="PATH", help="Database: a DuckDB file, or a postgresql:// URL.")
ModelOpt = typer.Option(None, "--model", metavar="NAME", help="spaCy pipeline to use (default from config.toml).")
ActorsOpt = typer.Option(None, "--actors", metavar="FILE", help="Extra actor dictionary file (repeatable).")
PatternsOpt = typer.Option(None, "--patterns", metavar="FILE", help="Extra event pattern file (repeatable).")
BatchOpt = typer.Option(None, "--batch-size", min=1, metavar="N", help="Documents per spaCy batch.")
WorkersOpt = typer.Option(1, "--workers", "-w", min=1, metavar="N",
                          help="Worker processes, each loading the pipeline once; same records as 1.")
DaskOpt = typer.Option(None, "--dask", metavar="ADDRESS",
                       help="Run on a Dask cluster: local:N (N local workers) or a scheduler address.")
ParquetOpt = typer.Option(None, "--parquet", metavar="DIR|URI",
                          help="With --dask: where workers write Parquet partitions (default DB.parquet).")
JsonOpt = typer.Option(False, "--json", help="Print machine-readable JSON instead of a report.")
PathsArg = typer.Argument(..., metavar="PATH", help="Files or folders to read (text, HTML, JSONL, CSV); - = stdin.")
JsonlOutOpt = typer.Option(None, "-o", "--output", metavar="FILE", help="JSONL file to write (default stdout).")
MinConfidenceOpt = typer.Option(None, "--min-confidence", min=0.0, max=1.0, metavar="X",
                                help="Count and show only events with confidence >= X (default: config.toml "
                                     "[events] min_confidence); events without a confidence always count.")
AllOpt = typer.Option(False, "--all", help="Show every event, whatever its confidence.")


# ---- plumbing ----------------------------------------------------------------------------------------------

def fail(message: str, code: int = USAGE) -> typer.Exit:
    """Print `message` to stderr and return the Exit to raise."""
    err.print(f"[bold red]error:[/] {escape(message)}", markup=True)
    return typer.Exit(code)


def clean_errors(func: Callable) -> Callable:
    """Turn library errors into a one-line message and exit code 2 (no traceback)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except EventwireError as exc:
            raise fail(str(exc)) from exc
        except BrokenPipeError:  # `eventwire export | head`
            sys.stderr.close()
            raise typer.Exit(OK) from None

    return wrapper


def threshold(min_confidence: float | None, show_all: bool) -> float | None:
    """The confidence events must reach to be counted and shown: None (every event) with --all."""
    if show_all and min_confidence is not None:
        raise fail("--all shows every event: give either --all or --min-confidence, not both")
    if show_all:
        return None
    return Settings().min_confidence if min_confidence is None else min_confidence


def make_settings(model: str | None = None, actors: list[Path] | None = None, patterns: list[Path] | None = None,
                  batch_size: int | None = None, min_confidence: float | None = None,
                  show_all: bool = False) -> Settings:
    changes: dict[str, Any] = {"actor_files": list(actors or []), "pattern_files": list(patterns or []),
                               "min_confidence": threshold(min_confidence, show_all)}
    for path in changes["actor_files"] + changes["pattern_files"]:
        if not path.is_file():
            raise fail(f"{path}: no such file")
    if model:
        changes["model"] = model
    if batch_size:
        changes["batch_size"] = batch_size
    return Settings().replace(**changes)


def ingest(paths: list[str], settings: Settings) -> Iterator[Article | Failure]:
    """Articles and failures from files/folders; `-` reads stdin."""
    from .ingest import read_paths, read_stream

    files = [p for p in paths if p != "-"]
    if "-" in paths:
        yield from read_stream(sys.stdin.buffer, settings, name="<stdin>")
    if files:
        yield from read_paths(files, settings)


@contextmanager
def output(path: Path | None) -> Iterator[IO[str]]:
    """A text file to write, or stdout for None / '-'."""
    if path is None or str(path) == "-":
        yield sys.stdout
        return
    if not path.resolve().parent.is_dir():
        raise fail(f"{path}: folder {path.resolve().parent} does not exist")
    with path.open("w", encoding="utf-8") as fh:
        yield fh


def show_failures(failures: list[Failure]) -> None:
    for f in failures:
        where = f"{f.source} [{f.article_id}]" if f.article_id and f.article_id not in f.source else f.source
        reason = f.reason.removeprefix(f"{f.source}: ")  # readers often name the file in the reason too
        err.print(f"[red]failed[/] {escape(where)} ({escape(f.stage)}): {escape(reason)}", markup=True)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"eventwire {__version__}")
        raise typer.Exit(OK)


@app.callback()
def main_options(version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                              help="Print the version and exit."),
                 verbose: bool = typer.Option(False, "--verbose", "-v",
                                              help="Log what the stages do (to stderr).")) -> None:
    """Political-conflict news to checkable data: PLOVER events, attributed quotes, coverage and framing labels."""
    # Failures are listed by the commands themselves; library warnings would repeat them, so only -v shows logs.
    logging.basicConfig(level=logging.INFO if verbose else logging.ERROR, format="%(message)s",
                        handlers=[RichHandler(console=err, show_path=False)], force=True)


# ---- run / extract / export --------------------------------------------------------------------------------

@app.command()
@clean_errors
def run(paths: list[str] = PathsArg,
        db: str = DbOpt, model: str | None = ModelOpt, actors: list[Path] | None = ActorsOpt,
        patterns: list[Path] | None = PatternsOpt, batch_size: int | None = BatchOpt,
        workers: int = WorkersOpt, dask: str | None = DaskOpt, parquet: str | None = ParquetOpt,
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
        min_confidence: float | None = MinConfidenceOpt, show_all: bool = AllOpt) -> None:
    """Ingest, process and store articles; re-running on the same input adds nothing.

    Every event is stored; the summary says how many fall below the confidence threshold."""
    from .pipeline import run_into_store
    from .store import open_store

    settings = make_settings(model, actors, patterns, batch_size, min_confidence, show_all)
    args = {"paths": paths, "db": db, "model": settings.model, "actors": [str(a) for a in settings.actor_files],
            "patterns": [str(p) for p in settings.pattern_files], "batch_size": settings.batch_size}
    if dask:
        from .framing.cluster import assign_clusters
        from .parallel import run_dask
        from .store.parquet import load_parquet

        out = parquet or f"{db}.parquet"
        run_dask(paths, settings, dask, out)
        with open_store(db) as store:
            show_summary(load_parquet(store, out, args={**args, "dask": dask, "parquet": out},
                                      cluster=assign_clusters), db)
        return
    from .parallel import process_parallel

    with open_store(db) as store, progress_bar(quiet) as advance:
        summary = run_into_store(ingest(paths, settings), store, settings, args=args, on_article=advance,
                                 process=lambda items: process_parallel(items, settings, workers))
    show_summary(summary.counts(), db)
    show_failures(summary.failures)
    if summary.failures:
        raise typer.Exit(FAILURES)


@contextmanager
def progress_bar(quiet: bool) -> Iterator[Callable[[Article], None]]:
    """A per-article callback driving a rich progress display on stderr (off when quiet or not a TTY)."""
    if quiet or not err.is_terminal:
        yield lambda article: None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               TimeElapsedColumn(), TextColumn("{task.fields[current]}", markup=False))
    with Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("articles", total=None, current="")
        yield lambda article: progress.update(task, advance=1, current=article.id[:40])


def show_summary(counts: dict[str, Any], db: str) -> None:
    title = f"eventwire run -> {db}"
    table = Table(title=title, show_header=False, min_width=len(title) + 4)
    table.add_column("what")
    table.add_column("count", justify="right")
    for key, value in counts.items():
        table.add_row(f"articles {key}" if key in ("read", "new", "changed", "unchanged") else key, str(value))
    Console(highlight=False).print(table)


@app.command()
@clean_errors
def extract(paths: list[str] = PathsArg, out: Path | None = JsonlOutOpt,
            model: str | None = ModelOpt, actors: list[Path] | None = ActorsOpt,
            patterns: list[Path] | None = PatternsOpt, batch_size: int | None = BatchOpt,
            workers: int = WorkersOpt, min_confidence: float | None = MinConfidenceOpt,
            show_all: bool = AllOpt) -> None:
    """Process articles without a database: one JSON object per article per line.

    Events below the confidence threshold are left out unless --all."""
    from .parallel import process_parallel

    settings = make_settings(model, actors, patterns, batch_size, min_confidence, show_all)
    failed = 0
    with output(out) as fh:
        for item in process_parallel(ingest(paths, settings), settings, workers):
            failures = [item] if isinstance(item, Failure) else item.failures
            if isinstance(item, Article):
                item.events = [e for e in item.events if is_counted(e.confidence, settings.min_confidence)]
                fh.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
            show_failures(failures)
            failed += len(failures)
    if failed:
        raise typer.Exit(FAILURES)


@app.command()
@clean_errors
def export(fmt: str = typer.Option(..., "--format", "-f", metavar="plover|csv|parquet",
                                   help="plover (JSONL of events), csv or parquet."),
           out: str | None = typer.Option(None, "-o", "--output", metavar="PATH",
                                          help="plover: file (default stdout); csv/parquet: folder (required)."),
           db: str = DbOpt, min_confidence: float | None = MinConfidenceOpt, show_all: bool = AllOpt) -> None:
    """Dump the database: PLOVER event JSONL, or one CSV/Parquet file per table.

    Events below the confidence threshold are left out unless --all."""
    from .store import export as export_store
    from .store import open_store

    with open_store(db, read_only=True) as store:
        written = export_store(store, fmt, out, min_confidence=threshold(min_confidence, show_all))
    for path, rows in written.items():
        if path != "<stdout>":
            err.print(f"{path}: {rows} rows")


# ---- commands backed by other stages -----------------------------------------------------------------------

@app.command()
@clean_errors
def code(file: str = typer.Argument("-", metavar="FILE",
                                    help="JSONL with id, text, optional date and publication; - = stdin."),
         out: Path | None = JsonlOutOpt,
         model: str | None = ModelOpt, actors: list[Path] | None = ActorsOpt,
         patterns: list[Path] | None = PatternsOpt, min_confidence: float | None = MinConfidenceOpt,
         show_all: bool = AllOpt) -> None:
    """Code sentences or stories into PLOVER events, one event per line (text_id = input id).

    Events below the confidence threshold are left out unless --all."""
    from .events.code import code_jsonl
    from .pipeline import Pipeline

    settings = make_settings(model, actors, patterns, min_confidence=min_confidence, show_all=show_all)
    pipeline = Pipeline(settings)
    errors = 0
    with open_input(file) as lines, output(out) as fh:
        for record in code_jsonl(lines, pipeline):
            if "error" in record and "event" not in record:
                line = record.get("line")
                line = f"line {line}" if isinstance(line, int) else line  # code_jsonl gives n or "line n"
                where = " ".join(str(p) for p in ("<stdin>" if file == "-" else file, line,
                                                  record.get("text_id") and f"id={record['text_id']}") if p)
                err.print(f"[red]failed[/] {escape(where)}: {escape(str(record['error']))}", markup=True)
                errors += 1
                continue
            if is_counted(record.get("confidence"), settings.min_confidence):
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    if errors:
        raise typer.Exit(FAILURES)


STATEMENT_ACTS = ("speech", "belief", "intention", "perception")


def _acts(chosen: list[str] | None) -> tuple[str, ...]:
    """The statement acts asked for (`--act`); speech when none is, every act for "all"."""
    if not chosen:
        return ("speech",)
    if "all" in chosen:
        return STATEMENT_ACTS
    unknown = [a for a in chosen if a not in STATEMENT_ACTS]
    if unknown:
        raise fail(f"--act {unknown[0]}: expected one of {', '.join(STATEMENT_ACTS)} or all")
    return tuple(chosen)


@contextmanager
def open_input(file: str) -> Iterator[IO[str]]:
    if file == "-":
        yield sys.stdin
        return
    path = Path(file)
    if not path.is_file():
        raise fail(f"{file}: no such file")
    with path.open(encoding="utf-8", errors="replace") as fh:
        yield fh


def report(evaluate: Callable[..., dict[str, Any]], formatter: Callable[[dict[str, Any]], str], gold_arg: Path,
           as_json: bool, settings: Settings, **kwargs: Any) -> None:
    """Run an evaluation function and print its report (or JSON metrics)."""
    if not gold_arg.exists():
        raise fail(f"{gold_arg}: no such gold file or folder")
    metrics = evaluate(gold_arg, settings, **kwargs)
    if as_json:
        print_json(metrics)
    else:
        typer.echo(formatter(metrics))


@evaluate_app.command("quotes")
@clean_errors
def evaluate_quotes(gold: Path = typer.Option(..., "--gold", metavar="DIR",
                                              help="BRAT folder with text/ and attributions/."),
                    as_json: bool = JsonOpt,
                    limit: int | None = typer.Option(None, "--limit", min=1, metavar="N",
                                                     help="Score only the first N texts."),
                    judged: Path | None = typer.Option(None, "--judged", metavar="FILE",
                                                       help="Also score a judged statement set (eval/judged/)."),
                    model: str | None = ModelOpt, actors: list[Path] | None = ActorsOpt) -> None:
    """Score quote attribution against BRAT gold."""
    from .evaluate import quotes as evaluation

    if judged is not None and not judged.is_file():
        raise fail(f"{judged}: no such judged statement file")
    report(evaluation.evaluate_quotes, evaluation.format_report, gold, as_json, make_settings(model, actors),
           limit=limit, judged=judged)


@evaluate_app.command("events")
@clean_errors
def evaluate_events(gold: Path = typer.Option(..., "--gold", metavar="FILE", help="PLOVER-style JSON gold file."),
                    as_json: bool = JsonOpt, model: str | None = ModelOpt,
                    actors: list[Path] | None = ActorsOpt, patterns: list[Path] | None = PatternsOpt) -> None:
    """Score event coding against PLOVER gold."""
    from .evaluate import events as evaluation

    report(evaluation.evaluate_events, evaluation.format_report, gold, as_json,
           make_settings(model, actors, patterns))


@evaluate_app.command("actors")
@clean_errors
def evaluate_actors(gold: Path = typer.Option(..., "--gold", metavar="FILE", help="PLOVER-style JSON gold file."),
                    as_json: bool = JsonOpt, model: str | None = ModelOpt,
                    actors: list[Path] | None = ActorsOpt) -> None:
    """Score actor country codes (every source and target actor) against PLOVER gold."""
    from .evaluate import actors as evaluation

    report(evaluation.evaluate_actors, evaluation.format_report, gold, as_json, make_settings(model, actors))


@evaluate_app.command("places")
@clean_errors
def evaluate_places(gold: Path = typer.Option(..., "--gold", metavar="DIR",
                                              help="Places gold folder (eval/places_gold) or its places.jsonl."),
                    shared: Path | None = typer.Option(None, "--shared", metavar="DIR",
                                                       help="Reference data folder with the gold's texts "
                                                            "(default: ../shared beside the repository)."),
                    as_json: bool = JsonOpt, model: str | None = ModelOpt,
                    actors: list[Path] | None = ActorsOpt) -> None:
    """Score place mentions: accuracy within 161 km over all gold toponyms, share found, precision."""
    from .evaluate import places as evaluation

    report(evaluation.evaluate_places, evaluation.format_report, gold, as_json, make_settings(model, actors),
           shared=shared)


@evaluate_app.command("gate")
@clean_errors
def evaluate_gate(baseline: Path = typer.Option(Path("eval/baseline.json"), "--baseline", metavar="FILE",
                                                help="Floors file (eval/baseline.json in the repository)."),
                  shared: Path = typer.Option(Path("../shared"), "--shared", metavar="DIR",
                                              help="Reference data folder; suites whose gold is absent skip."),
                  only: list[str] | None = typer.Option(None, "--only", metavar="SUITE", help="Run only this suite."),
                  update: bool = typer.Option(False, "--update", help="Raise floors to what was measured."),
                  allow_lower: bool = typer.Option(False, "--allow-lower",
                                                   help="With --update, also lower floors (a deliberate regression)."),
                  model: str | None = ModelOpt) -> None:
    """Score every stage against its gold and fail when a metric drops below its floor."""
    from .evaluate.gate import format_results, run_gate

    root = baseline.resolve().parent.parent  # eval/baseline.json sits in the repository root's eval/
    results = run_gate(baseline, root, shared, only=only, update=update, allow_lower=allow_lower,
                       settings=make_settings(model), progress=lambda name: err.print(f"scoring {name}..."))
    typer.echo(format_results(results))
    if any(r.status == "drop" for r in results):
        raise typer.Exit(FAILURES)


@evaluate_app.command("labels")
@clean_errors
def evaluate_labels(gold: Path = typer.Option(..., "--gold", metavar="FILE", help="Label gold file."),
                    as_json: bool = JsonOpt, model: str | None = ModelOpt,
                    actors: list[Path] | None = ActorsOpt) -> None:
    """Score framing labels against gold."""
    from .evaluate import labels as evaluation

    report(evaluation.evaluate_labels, evaluation.format_report, gold, as_json, make_settings(model, actors))


@actors_app.command("lookup")
@clean_errors
def actors_lookup(name: str = typer.Argument(..., metavar="NAME",
                                             help="A name or alias, e.g. a person, group or country."),
                  actors: list[Path] | None = ActorsOpt) -> None:
    """Show dictionary entries matching NAME (exact, alias, then fuzzy)."""
    from .actors import lookup

    found = lookup(name, make_settings(actors=actors))
    print_json(found)
    if not found:
        err.print(f"no actor matches {name!r}")
        raise typer.Exit(FAILURES)


@actors_app.command("suggest")
@clean_errors
def actors_suggest(db: str = DbOpt) -> None:
    """Persons whose affiliation came from article text, as dictionary entries to review."""
    from .actors import suggest
    from .store import open_store

    with open_store(db, read_only=True) as store:
        print_json(suggest(store.text_derived_people()))


@app.command()
@clean_errors
def outlets(db: str = DbOpt, as_json: bool = JsonOpt, min_confidence: float | None = MinConfidenceOpt,
            show_all: bool = AllOpt,
            act: list[str] | None = typer.Option(None, "--act", metavar="ACT",
                                                 help="Statements counted: speech (default), belief, intention, "
                                                      "perception or all; repeatable.")) -> None:
    """Per-outlet framing: labels per actor, loaded language, statement shares, clusters covered.

    Clusters are those of events at or above the confidence threshold unless --all."""
    from .framing.report import format_report, outlet_report
    from .store import open_store

    acts = _acts(act)
    with open_store(db, read_only=True) as store:
        data = outlet_report(store, acts, min_confidence=threshold(min_confidence, show_all))
    if as_json:
        print_json(data)
    else:
        typer.echo(format_report(data))


@app.command()
@clean_errors
def serve(db: str = DbOpt,
          host: str = typer.Option("127.0.0.1", "--host", metavar="HOST", help="Interface to listen on."),
          port: int = typer.Option(8000, "--port", min=1, max=65535, metavar="PORT", help="Port to listen on."),
          token: str | None = typer.Option(None, "--token", envvar="EVENTWIRE_TOKEN", metavar="TOKEN",
                                           help="Require this token on every request (Authorization: Bearer); "
                                                "needed when --host is not a loopback address.")
          ) -> None:
    """Web UI and REST API over the database.

    A postgresql:// database is copied into a temporary DuckDB file at start and served from there
    (restart to show later runs).
    """
    import uvicorn

    from .store.snapshot import duckdb_copy
    from .web.app import create_app
    from .web.security import check_token, is_loopback

    if "://" not in db and not Path(db).is_file():
        raise fail(f"{db}: no such database (run `eventwire run ... --db {db}` first)")
    if not token and not is_loopback(host):
        raise fail(f"--host {host} lets other machines connect: give --token (or set EVENTWIRE_TOKEN)")
    try:
        check_token(token or None)
    except ValueError as exc:
        raise fail(f"--token: {exc}") from exc
    with duckdb_copy(db, note=err.print) as path:  # the web app reads DuckDB: a PostgreSQL store is copied
        web_app = create_app(path, token=token or None)
        uvicorn.run(web_app, host=host, port=port, limit_concurrency=200, timeout_keep_alive=5)


@app.command()
@clean_errors
def load(folder: str = typer.Argument(..., metavar="DIR|URI", help="Parquet partitions written by run --dask."),
         db: str = DbOpt) -> None:
    """Merge Parquet partitions into the database (loading twice adds nothing)."""
    from .framing.cluster import assign_clusters
    from .store import open_store
    from .store.parquet import load_parquet

    with open_store(db) as store:
        show_summary(load_parquet(store, folder, cluster=assign_clusters), db)


@app.command()
@clean_errors
def watch(feeds: Path = typer.Argument(..., metavar="FEEDS.txt", help="Feed URLs or paths, one per line."),
          every: str = typer.Option("10m", "--every", metavar="INTERVAL", help="Poll interval: 90s, 10m, 1h."),
          db: str = DbOpt, model: str | None = ModelOpt, actors: list[Path] | None = ActorsOpt,
          alert: list[str] = typer.Option([], "--alert", metavar="FIELD=VALUE",
                                          help="Alert on new events matching, e.g. requested=ASSAULT (repeatable)."),
          alert_to: list[str] = typer.Option([], "--alert-to", metavar="FILE.jsonl|URL",
                                             help="Append alerts to a JSONL file or POST them to a URL (repeatable)."),
          state: Path | None = typer.Option(None, "--state", metavar="FILE", help="Also record seen items here."),
          once: bool = typer.Option(False, "--once", help="Poll once and exit."),
          min_confidence: float | None = MinConfidenceOpt, show_all: bool = AllOpt) -> None:
    """Poll RSS/Atom feeds, process only new items, send alerts; stop with Ctrl-C and restart any time.

    Alerts fire only for events at or above the confidence threshold (every event with --all)."""
    from .watch import make_alerts, parse_interval
    from .watch import watch as watch_feeds

    settings = make_settings(model, actors, None, None, min_confidence, show_all)
    try:
        results = watch_feeds(feeds, settings, db, parse_interval(every), make_alerts(alert, alert_to),
                              once=once, state_path=state)
    except KeyboardInterrupt:
        err.print("watch stopped")
        return
    for result in results:
        err.print(result.counts())


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
