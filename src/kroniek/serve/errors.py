"""Database errors during a request: a one-line 503, and one line in the log.

The database can fail under a running server: the file is deleted, damaged, on a disk that
fails, or locked for too long. Such a request answers 503 (the service, not the request,
is at fault) with one line saying what failed, as JSON or, for a browser, the error page;
never a traceback. The log gets the line of ``store.failures`` (with the database's path
and what to do), at most once a minute per kind of error, so a failing database under load
does not flood it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from kroniek.store import failures

log = logging.getLogger("kroniek.serve")
REPEAT_AFTER_SECONDS = 60.0


class OncePerInterval:
    """Lets a message through once per ``seconds``; the next one says how many it held."""

    def __init__(self, seconds: float = REPEAT_AFTER_SECONDS) -> None:
        self.seconds = seconds
        self._last: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()

    def admit(self, message: str) -> str | None:
        now = time.monotonic()
        with self._lock:
            last, held = self._last.get(message, (-self.seconds, 0))
            if now - last < self.seconds:
                self._last[message] = (last, held + 1)
                return None
            self._last[message] = (now, 0)
        return message + (f" (and {held} more like it)" if held else "")


def install(app: FastAPI, database: str) -> None:
    """Answer database errors of ``app``'s requests in one line; ``database`` names it in
    the log (answers say "the database": a client need not learn the server's paths)."""

    gate = OncePerInterval()

    async def database_error(request: Request, error: Exception) -> Response:
        logged = gate.admit(failures.describe(error, database))
        if logged is not None:
            log.error("%s %s: %s", request.method, request.url.path, logged)
        # What failed, without the path and the advice, which are for the server's operator.
        detail = f"the database failed ({failures.first_line(error)}); see the server log"
        if _wants_html(request):
            from kroniek.serve.routes.pages import error_page

            return error_page(request, 503, detail)
        return JSONResponse({"detail": detail}, status_code=503)

    app.add_exception_handler(sa.exc.DBAPIError, database_error)
    app.add_exception_handler(sqlite3.Error, database_error)


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and "text/html" in request.headers.get(
        "accept", "")
