"""Security headers on every response, HEAD for every GET route, and the Host check.

One pure ASGI middleware (no ``BaseHTTPMiddleware``, which costs a task per request), placed
outermost so error answers, 413s and static files get the same headers as pages.
"""

from __future__ import annotations

import ipaddress
import json
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Everything the pages use comes from the server itself: one stylesheet, one script
# (network.js), inline SVG. The graph data is a <script type="application/json"> block,
# which is never executed and so needs no 'unsafe-inline'.
CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
])
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
_OURS = {name for name, _ in SECURITY_HEADERS}
LOOPBACK_NAMES = frozenset({"localhost"})
log = logging.getLogger("kroniek.serve")


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def host_name(header: str) -> str:
    """The name in a Host header without its port: ``[::1]:8000`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:].split("]", 1)[0]
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class SecurityHeaders:
    """Adds the headers; answers HEAD as GET without a body; checks Host on loopback.

    The Host check guards against DNS rebinding: a page on ``evil.example`` that makes its
    name resolve to 127.0.0.1 would otherwise read this server from the victim's browser.
    It applies when the connection arrived on a loopback address (the server was bound to
    127.0.0.1 or ::1, or to all addresses and reached through loopback); then the Host must
    name a loopback address or ``localhost``, or one of ``allowed_hosts``.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...] = ()) -> None:
        self.app = app
        self.allowed_hosts = frozenset(h.lower() for h in allowed_hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        head = scope["method"] == "HEAD"
        started = False

        async def secured_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", ()) if k.lower() not in _OURS]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            elif message["type"] == "http.response.body" and head:
                if message.get("more_body", False):
                    return  # drop the body of the GET we ran; only the last, empty, goes out
                message = {**message, "body": b""}
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            await _answer(secured_send, 400, refusal)
            return
        if head:
            scope = {**scope, "method": "GET"}
        try:
            await self.app(scope, receive, secured_send)
        except Exception:
            # A bug must not reach the client as a traceback, nor as an answer without
            # the headers (Starlette's own 500 is sent outside every middleware).
            log.exception("%s %s failed", scope["method"], scope.get("path"))
            if started:
                raise
            await _answer(secured_send, 500, "internal error; the server log has the details")

    def _refusal(self, scope: Scope) -> str | None:
        server = scope.get("server")
        if not server or not isinstance(server[0], str) or not is_loopback(server[0]):
            return None
        given = dict(scope.get("headers") or []).get(b"host")
        if given is None:
            return None  # HTTP/1.0 without Host: no browser sends that, so no rebinding
        name = host_name(given.decode("latin-1"))
        if is_loopback(name) or name in self.allowed_hosts:
            return None
        return (f"Host {name!r} is not this server: on a loopback address it answers only "
                "to localhost and 127.0.0.1 (set KRONIEK_ALLOWED_HOSTS to add names)")


async def _answer(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
