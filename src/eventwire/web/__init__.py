"""Web UI and REST API over an eventwire database.

`create_app(db_path)` returns the FastAPI app that `eventwire serve` runs.
See docs/web.md.
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
