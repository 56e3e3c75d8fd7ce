"""One error shape for every 4xx/5xx: `{"error": {"status": ..., "message": ...}}`.

API and `.json` answers carry it as JSON; a browser asking for a page gets
the same status and message as a small HTML page. Unexpected exceptions are
logged with their traceback on the server and reach the client only as
"internal error": never a stack trace.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

log = logging.getLogger(__name__)


def error_body(status: int, message: str) -> dict:
    return {"error": {"status": status, "message": message}}


def wants_html(request: Request) -> bool:
    path = request.url.path
    if path.startswith("/api/") or path.endswith(".json") or path in ("/openapi.json",):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str) -> Response:
    if wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status)
    return JSONResponse(error_body(status, message), status_code=status)


def _describe(exc: RequestValidationError) -> str:
    """`limit: Input should be less than or equal to 1000; date_from: ...` from pydantic's errors."""
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ())[1:]) or "request"
        given = err.get("input")
        shown = f" (got {given!r:.60})" if given is not None and not isinstance(given, dict) else ""
        parts.append(f"{where}: {err.get('msg', 'invalid')}{shown}")
    return "; ".join(parts) or "invalid request"


def install(app: FastAPI) -> None:
    """Register the handlers that turn every error into the one shape."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no page or endpoint at {request.url.path}"
        elif exc.status_code == 405:
            message = f"{request.method} is not allowed here: this server is read-only"
        response = error_response(request, exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _describe(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("error serving %s %s", request.method, request.url.path)
        return error_response(request, 500, "internal error (logged on the server)")
