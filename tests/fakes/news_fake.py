"""A loopback fake of news sites for feed and page tests: RSS/Atom feeds, article pages, and misbehaviour.

Usage::

    with FakeNews() as news:                              # serves http://127.0.0.1:<free port>
        news.add("/feed.xml", rss_body, content_type="application/rss+xml", etag='"v1"')
        news.add("/slow", "<html>...", delay=2.0)          # answers after 2 s
        news.add("/gone", "", status=404)
        news.add("/huge", b"x" * 10_000_000, content_type="text/html", chunked=True)
        news.url("/feed.xml")                              # http://127.0.0.1:PORT/feed.xml
        news.requests                                      # [(path, headers)], in arrival order

A route with an `etag` or `last_modified` answers 304 with no body when the request's If-None-Match /
If-Modified-Since matches. Unknown paths answer 404.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    chunked: bool = False  # no Content-Length: the client learns the size only by reading


class _Handler(BaseHTTPRequestHandler):
    server: "_Server"
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        fake = self.server.fake
        fake.requests.append((self.path, dict(self.headers.items())))
        route = fake.routes.get(self.path)
        if route is None:
            return self._send(404, b"not found", "text/plain")
        if route.delay:
            time.sleep(route.delay)
        if self._unchanged(route):
            return self._send(304, b"", None, route)
        self._send(route.status, route.body, route.content_type, route)

    def _unchanged(self, route: Route) -> bool:
        if route.etag and self.headers.get("If-None-Match") == route.etag:
            return True
        return bool(route.last_modified and self.headers.get("If-Modified-Since") == route.last_modified)

    def _send(self, status: int, body: bytes, content_type: str | None, route: Route | None = None) -> None:
        try:
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if route and route.etag:
                self.send_header("ETag", route.etag)
            if route and route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if route and route.chunked and status == 200:
                self.send_header("Connection", "close")
                self.end_headers()
                for start in range(0, len(body), 65536):
                    self.wfile.write(body[start:start + 65536])
                return
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (size cap, timeout): that is what some tests want


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: "FakeNews"

    def handle_error(self, request, client_address) -> None:
        """A client hanging up (size cap, timeout) is expected here, not worth a traceback."""


class FakeNews:
    """News sites on 127.0.0.1, in a background thread, for the duration of a `with` block."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.fake = self
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "FakeNews":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: str | bytes, **options) -> str:
        """Serve `body` at `path` (str bodies are sent as UTF-8); returns the full URL."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)
        return self.url(path)

    def hits(self, path: str) -> list[dict[str, str]]:
        """Headers of every request for `path`."""
        return [headers for p, headers in self.requests if p == path]
