"""Errors the library raises. Only cli.py prints and exits."""

from __future__ import annotations


class EventwireError(Exception):
    """Base class: a message a user can act on without a debugger."""


class InputError(EventwireError):
    """An input file or record could not be read. Names the file and reason."""

    def __init__(self, source: str, reason: str):
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class DataFileError(EventwireError):
    """A data file (YAML/TSV) shipped or supplied by a user is malformed."""

    def __init__(self, path: str, reason: str, key: str | None = None):
        self.path = path
        self.reason = reason
        self.key = key
        where = f"{path} [{key}]" if key else path
        super().__init__(f"{where}: {reason}")


class PipelineError(EventwireError):
    """The pipeline cannot be assembled (unknown stage, unmet READS)."""


class StoreError(EventwireError):
    """The database cannot be opened or written (locked, wrong schema...)."""
