"""A real HTTP server on 127.0.0.1 for the tests, serving what each test puts on it:
pages, feeds, redirects, errors, a server that never answers, a 50 MB page."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Site:
    """Routes by path; every request is logged with its headers."""

    base: str = ""
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return f"{self.base}{path}"

    def page(self, path: str, body: str | bytes, content_type: str = "text/html; charset=utf-8",
             status: int = 200, headers: dict[str, str] | None = None) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body

        def handler(request: BaseHTTPRequestHandler) -> None:
            request.send_response(status)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                request.send_header(name, value)
            request.end_headers()
            request.wfile.write(data)

        self.routes[path] = handler
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        def handler(request: BaseHTTPRequestHandler) -> None:
            request.send_response(status)
            request.send_header("Location", to)
            request.send_header("Content-Length", "0")
            request.end_headers()

        self.routes[path] = handler
        return self.url(path)

    def silent(self, path: str) -> str:
        """A server that accepts the request and never answers."""
        def handler(_request: BaseHTTPRequestHandler) -> None:
            self.stopping.wait(60)

        self.routes[path] = handler
        return self.url(path)

    def huge(self, path: str, megabytes: int = 50, announce: bool = True) -> str:
        """A page of ``megabytes`` MB, with or without a Content-Length header."""
        chunk = b"<p>De gemeenteraad vergaderde opnieuw over de begroting.</p>\n" * 1000
        total = megabytes * 1024 * 1024

        def handler(request: BaseHTTPRequestHandler) -> None:
            request.send_response(200)
            request.send_header("Content-Type", "text/html")
            if announce:
                request.send_header("Content-Length", str(total))
            request.end_headers()
            sent = 0
            try:
                request.wfile.write(b"<!doctype html><html><body>")
                while sent < total:
                    request.wfile.write(chunk)
                    sent += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up at its size limit, as it should

        self.routes[path] = handler
        return self.url(path)

    def flaky(self, path: str, body: str, failures: int, status: int = 500) -> str:
        """``failures`` answers of ``status`` first, then the page."""
        count = {"n": 0}

        def handler(request: BaseHTTPRequestHandler) -> None:
            count["n"] += 1
            if count["n"] <= failures:
                request.send_response(status)
                request.send_header("Content-Length", "0")
                request.end_headers()
                return
            data = body.encode()
            request.send_response(200)
            request.send_header("Content-Type", "text/html; charset=utf-8")
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)

        self.routes[path] = handler
        return self.url(path)

    def feed(self, path: str, body: str, etag: str,
             last_modified: str = "Thu, 14 Mar 2024 09:30:00 GMT",
             content_type: str = "application/rss+xml; charset=utf-8") -> str:
        """A feed that answers 304 to a request carrying its current ETag or date."""
        data = body.encode()

        def handler(request: BaseHTTPRequestHandler) -> None:
            # RFC 9110: If-None-Match, when sent, decides; the date only without it.
            tag = request.headers.get("If-None-Match")
            if tag == etag or (tag is None and
                               request.headers.get("If-Modified-Since") == last_modified):
                request.send_response(304)
                request.send_header("ETag", etag)
                request.send_header("Content-Length", "0")
                request.end_headers()
                return
            request.send_response(200)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(data)))
            request.send_header("ETag", etag)
            request.send_header("Last-Modified", last_modified)
            request.end_headers()
            request.wfile.write(data)

        self.routes[path] = handler
        return self.url(path)

    def slow(self, path: str, body: str, seconds: float) -> str:
        """A page that takes ``seconds`` to answer."""
        data = body.encode()

        def handler(request: BaseHTTPRequestHandler) -> None:
            self.stopping.wait(seconds)
            request.send_response(200)
            request.send_header("Content-Type", "text/html; charset=utf-8")
            request.send_header("Content-Length", str(len(data)))
            request.end_headers()
            request.wfile.write(data)

        self.routes[path] = handler
        return self.url(path)

    def hits(self, path: str) -> int:
        return sum(1 for requested, _ in self.requests if requested == path)


def _handler_class(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out as two writes; with Nagle's algorithm and delayed ACKs
        # each keep-alive answer would wait 40 ms.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            path = self.path.split("?")[0]
            site.requests.append((path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(path)
            if route is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            route(self)

        def log_message(self, *_args: object) -> None:
            pass

    return Handler


def serve() -> Iterator[Site]:
    site = Site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_class(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield site
    site.stopping.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)
    time.sleep(0)


@pytest.fixture
def site() -> Iterator[Site]:
    """A fresh server for one test."""
    yield from serve()
