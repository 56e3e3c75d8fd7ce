"""The on-disk cache of compiled lookup tables (actor dictionary, gazetteer).

Compiling them takes seconds; a pickle under `$EVENTWIRE_CACHE_DIR` (default
`$XDG_CACHE_HOME/eventwire` or `~/.cache/eventwire`) loads in a fraction of that.
The file name carries a hash of everything the table is built from, so a change
of data file, library or format makes a new file instead of a stale read.
"""

from __future__ import annotations

import logging
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


def cache_dir() -> Path:
    base = os.environ.get("EVENTWIRE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "eventwire")
    return Path(base)


def cached(path: Path | None, build: Callable[[], T]) -> T:
    """The object pickled at `path`, or `build()` (then written to `path`). A stale, truncated or
    unwritable cache is rebuilt or skipped, never fatal; `path` None means no cache."""
    if path is not None and path.is_file():
        try:
            with path.open("rb") as fh:
                return pickle.load(fh)
        except Exception as exc:  # noqa: BLE001 - any unreadable pickle is rebuilt
            log.info("cache %s unreadable (%s); rebuilding", path, exc)
    result = build()
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as fh:
                pickle.dump(result, fh, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)  # atomic: a concurrent reader never sees half a file
        except OSError as exc:  # read-only home: run without a cache
            log.info("cannot write cache %s: %s", path, exc)
    return result
