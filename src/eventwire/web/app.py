"""The FastAPI application: `create_app(db_path)` serves one database read-only.

    eventwire serve --db eventwire.duckdb          # http://127.0.0.1:8000/, API docs at /docs

Pages are server-rendered (Jinja2 templates, SVG charts, a little
hand-written JavaScript in static/), the REST API lives under /api/ with its
OpenAPI schema at /openapi.json. Nothing is loaded from another host: the
Content-Security-Policy header allows this origin only.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from fastapi_offline import FastAPIOffline

from .. import __version__
from . import api, errors, pages, queries
from .db import Database
from .security import MAX_BODY, Guard, check_token

HERE = Path(__file__).resolve().parent
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                               "script-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
DOC_PAGES = ("/docs", "/redoc")
DOCS_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; " \
           "script-src 'self' 'unsafe-inline'; worker-src 'self' blob:; frame-ancestors 'none'"


def create_app(db_path: str | Path, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """The web app over the DuckDB database at `db_path`, opened read-only.

    With `token`, every request must carry it (see security.py); request bodies over `max_body` bytes
    are refused. Raises `eventwire.errors.StoreError` (naming the file) when it cannot be opened.
    """
    check_token(token)  # before opening anything: a bad token is a usage error
    db = Database(db_path)
    db.prepare(queries.index_sql())

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    # FastAPIOffline serves Swagger UI / ReDoc from files shipped in its wheel instead of a CDN.
    app = FastAPIOffline(title="eventwire", version=__version__, lifespan=lifespan,
                         description="Events, statements and framing extracted from news articles (read-only).")
    app.state.db = db
    app.state.templates = Jinja2Templates(directory=HERE / "templates")
    app.state.templates.env.globals["version"] = __version__
    errors.install(app)

    @app.middleware("http")
    async def drop_blank_filters(request: Request, call_next):  # noqa: ANN001, ANN202
        """HTML forms send empty fields (`event=`); on pages they mean "no filter". The API stays strict."""
        if not request.url.path.startswith("/api/") and request.scope.get("query_string"):
            pairs = [(k, v) for k, v in parse_qsl(request.scope["query_string"].decode("latin-1"),
                                                  keep_blank_values=True) if v != ""]
            request.scope["query_string"] = urlencode(pairs).encode("latin-1")
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202 (Starlette's signature)
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        if request.url.path in DOC_PAGES:  # Swagger UI and ReDoc start with an inline script
            response.headers["Content-Security-Policy"] = DOCS_CSP
        return response

    app.add_middleware(Guard, token=token, max_body=max_body)  # added last = outermost: checked first
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
