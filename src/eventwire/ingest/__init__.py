"""Ingest: files, folders and stdin -> `Article` objects (or `Failure` records).

Public API (docs/ingest.md):
- `read_paths(paths, settings)`: files and folders, recursively, in a
  deterministic order (arguments in the order given, folder entries sorted,
  hidden files and folders skipped), dispatched by extension or content.
- `read_stream(stream, settings, name="<stdin>", fmt=None)`: one stream,
  format guessed from content unless `fmt` names a reader.
- `register_reader(name, read, extensions, sniff)`: add a format.

Nothing raises out of these for bad input: each problem is a `Failure` naming
the file (and line) and the reason, and the run goes on. Articles leave
ingest with `raw_text` set and `text` empty: the clean stage fills it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from ..model import Article, Failure
from ..settings import Settings, tuning
from .readers import READERS, Source, guess_reader, reader_for, register_reader

__all__ = ["IdRegistry", "read_paths", "read_stream", "register_reader"]

SNIFF_CHARS = int(tuning("ingest.sniff")["sniff_chars"])  # see config.toml


class IdRegistry:
    """Gives every article of a run a distinct id, deterministically.

    The first input keeps its id; a later one with the same id gets
    `~` + the first 6 hex digits of sha1(its source) appended (and a counter
    on the rare second clash), so re-runs give the same ids.
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()

    def assign(self, article: Article) -> Article:
        if article.id in self.seen:
            base = f"{article.id}~{hashlib.sha1(article.source.encode('utf-8')).hexdigest()[:6]}"
            candidate, n = base, 1
            while candidate in self.seen:
                n += 1
                candidate = f"{base}{n}"
            article.meta["id_given"] = article.id
            article.id = candidate
        self.seen.add(article.id)
        return article


def _fail(source: str, reason: str) -> Failure:
    return Failure(source=source, stage="ingest", reason=f"{source}: {reason}")


def _walk(root: Path, visited: set[Path] | None = None) -> Iterator[Path | Failure]:
    """Files under `root`, sorted, hidden entries skipped; unreadable folders become Failures.

    A folder reached twice through symbolic links is read once (no endless loop).
    """
    visited = set() if visited is None else visited
    real = root.resolve()
    if real in visited:
        return
    visited.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield _fail(str(root), f"cannot read folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError as exc:
            yield _fail(str(path), f"cannot read: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(path, visited)
        else:
            yield path


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | Failure]:
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists():
            yield _fail(str(path), "no such file or folder")
            continue
        for item in _walk(path) if path.is_dir() else [path]:
            if isinstance(item, Path):
                key = item.resolve()
                if key in seen:  # the same file named twice (or via a folder): read once
                    continue
                seen.add(key)
            yield item


def read_file(path: Path, settings: Settings) -> Iterator[Article | Failure]:
    """One file: size checked by `stat` before anything is read (streaming readers excepted)."""
    spec = reader_for(path.name)
    if spec is not None and spec.reads_path:
        try:
            yield from spec.read(path, settings)
        except Exception as exc:  # a reader bug must not end the run
            yield _fail(str(path), f"{spec.name} reader failed: {type(exc).__name__}: {exc}")
        return
    try:
        size = path.stat().st_size
        if not path.is_file():
            yield _fail(str(path), "not a regular file")
            return
        if size > settings.max_bytes:
            yield _fail(str(path), f"file has {size} bytes, over the limit of {settings.max_bytes} "
                                   f"(ingest.max_bytes); not read")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield _fail(str(path), f"cannot read: {exc.strerror or exc}")
        return
    spec = spec or reader_for(path.name, data[:SNIFF_CHARS].decode("utf-8", errors="replace"))
    try:
        yield from spec.read(data, Source(str(path), path.stem), settings)
    except Exception as exc:  # a reader bug on odd input must not end the run: the rest of the file is lost
        yield _fail(str(path), f"{spec.name} reader failed: {type(exc).__name__}: {exc}")


def read_paths(paths: Iterable[str | Path], settings: Settings) -> Iterator[Article | Failure]:
    """Articles (and Failures) from files and folders; see the module doc for order and dispatch."""
    if isinstance(paths, str | Path):  # one path, not an iterable of its characters
        paths = [paths]
    ids = IdRegistry()
    for item in _expand(paths):
        if isinstance(item, Failure):
            yield item
            continue
        for record in read_file(item, settings):
            yield ids.assign(record) if isinstance(record, Article) else record


def read_stream(stream: IO, settings: Settings, name: str = "<stdin>", fmt: str | None = None
                ) -> Iterator[Article | Failure]:
    """Articles from a stream (text or binary): HTML, JSONL or plain text, guessed from content.

    `fmt` forces a reader by name ("text", "html", "jsonl", "csv"). At most
    `settings.max_bytes` are read; a longer stream is refused.
    """
    if fmt is not None and fmt not in READERS:
        yield _fail(name, f"unknown format {fmt!r}; known: {sorted(READERS)}")
        return
    data = getattr(stream, "buffer", stream).read(settings.max_bytes + 1)
    if isinstance(data, str):
        data = data.encode("utf-8")
    if len(data) > settings.max_bytes:
        yield _fail(name, f"input is over the limit of {settings.max_bytes} bytes (ingest.max_bytes); not read")
        return
    stem = name.strip("<>") or "stdin"
    spec = READERS[fmt] if fmt else guess_reader(data[:SNIFF_CHARS].decode("utf-8", errors="replace"))
    ids = IdRegistry()
    for record in spec.read(data, Source(name, stem), settings):
        yield ids.assign(record) if isinstance(record, Article) else record
