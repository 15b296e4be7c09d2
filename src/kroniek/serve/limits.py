"""Limits: request bodies over the limit get a clear 413 before they are read whole, and
only a few reads render at once."""

from __future__ import annotations

import json
import os

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """ASGI middleware: checks Content-Length, then counts what actually arrives."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.max_bytes:
            await self._refuse(send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": f"request body larger than the limit of "
                                     f"{self.max_bytes // 1024} KB"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


def read_workers() -> int:
    """How many reads render at once: a few per core, since rendering holds the GIL."""
    return max(4, min(32, 2 * (os.cpu_count() or 1)))


class ReadConcurrency:
    """ASGI middleware: at most ``workers`` GET/HEAD requests run their endpoint at once.

    The others wait on the event loop, which costs nothing, instead of as threads fighting
    for the GIL: with 20 clients and 40 threads the server did fewer requests per second
    than with one client. A slot is given back when the response starts, so a slow reader
    of a long download does not hold it; writes (POST) never wait here.
    """

    def __init__(self, app: ASGIApp, workers: int | None = None) -> None:
        self.app = app
        self.workers = workers or read_workers()
        self._slots: anyio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if self._slots is None:  # created on the server's event loop, not at import
            self._slots = anyio.Semaphore(self.workers)
        slots = self._slots
        await slots.acquire()
        held = True

        async def releasing_send(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start" and held:
                held = False
                slots.release()
            await send(message)

        try:
            await self.app(scope, receive, releasing_send)
        finally:
            if held:
                slots.release()
