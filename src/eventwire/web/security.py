"""Request limits and optional token authentication, as one ASGI middleware.

- Request bodies over `max_body` bytes are refused with 413 (the app only
  reads; a client streaming an endless body must not fill memory), as are
  query strings over `max_query` bytes (414).
- With a `token`, every request needs it: `Authorization: Bearer TOKEN`, or
  `?token=TOKEN` once in a browser, which answers with a redirect setting an
  HttpOnly cookie so that links keep working. Tokens are compared in
  constant time. `eventwire serve` requires a token when it listens on
  anything but the loopback interface.
"""

from __future__ import annotations

import hmac
import json
import re
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, urlencode

from starlette.types import ASGIApp, Message, Receive, Scope, Send

MAX_BODY = 64 * 1024
MAX_QUERY = 8 * 1024
COOKIE = "eventwire_token"
TOKEN_CHARS = re.compile(r"[A-Za-z0-9._~+/=-]+")  # safe in a header and a cookie as they are
LOOPBACK = ("127.0.0.1", "::1", "localhost")


def is_loopback(host: str) -> bool:
    return host in LOOPBACK or host.startswith("127.")


def check_token(token: str | None) -> None:
    """Refuse a token too short to resist guessing, or one that cannot travel in a header or cookie as is."""
    if token is not None and (len(token) < 8 or not TOKEN_CHARS.fullmatch(token)):
        raise ValueError("the token must be at least 8 characters from A-Z a-z 0-9 . _ ~ + / = -")


class Guard:
    """Refuses oversized requests and, when a token is set, unauthenticated ones."""

    def __init__(self, app: ASGIApp, token: str | None = None, max_body: int = MAX_BODY, max_query: int = MAX_QUERY):
        check_token(token)
        self.app = app
        self.token = token.encode("utf-8") if token else None
        self.max_body = max_body
        self.max_query = max_query

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        if len(scope.get("query_string", b"")) > self.max_query:
            await _error(send, 414, f"query string over {self.max_query} bytes")
            return
        length = headers.get("content-length", "")
        if length and (not length.isdigit() or int(length) > self.max_body):
            await _error(send, 413, f"request body over {self.max_body} bytes")
            return
        if self.token is not None and not await self._authorised(scope, headers, send):
            return
        await self.app(scope, self._limited(receive), send)

    async def _authorised(self, scope: Scope, headers: dict[str, str], send: Send) -> bool:
        """True when the request carries the token; otherwise answers it (401, or a cookie-setting redirect)."""
        auth = headers.get("authorization", "")
        if auth.lower().startswith("bearer ") and self._matches(auth[7:].strip()):
            return True
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:  # noqa: BLE001 (a malformed Cookie header is just no cookie)
            cookie = SimpleCookie()
        if COOKIE in cookie and self._matches(cookie[COOKIE].value):
            return True
        pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
        given = [v for k, v in pairs if k == "token"]
        if given and self._matches(given[0]):
            rest = urlencode([(k, v) for k, v in pairs if k != "token"])
            location = scope.get("path", "/") + (f"?{rest}" if rest else "")
            await send({"type": "http.response.start", "status": 303, "headers": [
                (b"location", location.encode("latin-1")),
                (b"set-cookie", f"{COOKIE}={given[0]}; HttpOnly; SameSite=Strict; Path=/".encode("latin-1"))]})
            await send({"type": "http.response.body", "body": b""})
            return False
        await _error(send, 401, "this server needs a token: send `Authorization: Bearer TOKEN` "
                                "or open any page once with ?token=TOKEN", [(b"www-authenticate", b"Bearer")])
        return False

    def _matches(self, candidate: str) -> bool:
        return hmac.compare_digest(candidate.encode("utf-8", "replace"), self.token or b"")

    def _limited(self, receive: Receive) -> Receive:
        """`receive` that stops a body (e.g. chunked, without Content-Length) once it passes the limit."""
        seen = 0

        async def wrapped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        return wrapped


class BodyTooLarge(Exception):
    """A streamed request body passed the limit (the app's error handler answers 500; the body is never kept)."""

    def __init__(self, limit: int):
        super().__init__(f"request body over {limit} bytes")


async def _error(send: Send, status: int, message: str, extra: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps({"error": {"status": status, "message": message}}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            *(extra or [])]})
    await send({"type": "http.response.body", "body": body})
