"""A tiny web site on 127.0.0.1 for feed, page and webhook tests (no network)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    """path -> (status, content type, body, delay in seconds); POSTed JSON is kept in `posts`."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, str, bytes, float]] = {}
        self.hits: list[str] = []
        self.posts: list[dict] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                site.hits.append(self.path)
                status, ctype, body, delay = site.routes.get(self.path, (404, "text/plain", b"not found", 0.0))
                time.sleep(delay)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("Content-Length", 0))
                site.posts.append(json.loads(self.rfile.read(length)))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def add(self, path: str, body: str | bytes, ctype: str = "text/html; charset=utf-8", status: int = 200,
            delay: float = 0.0) -> str:
        self.routes[path] = (status, ctype, body.encode("utf-8") if isinstance(body, str) else body, delay)
        return self.base + path

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
