"""A client of a Frog server speaking Frog's socket protocol: the text, then a line ``EOT``;
the answer is tab-separated tokens and a line ``READY``.

The first exchange on each connection is a probe with a tiny text, so an address that is
not Frog (or a Frog that hangs) is reported in one line within ``PROBE_TIMEOUT`` seconds
instead of after a long request timeout.
"""

from __future__ import annotations

import socket
import time

from kroniek.errors import NLPUnavailable
from kroniek.nlp.frog_endpoint import VARIABLE, Endpoint

PROBE_TIMEOUT = 30.0
PROBE_TEXT = "Dit is een proef ."
# No honest answer to a request of at most 20,000 characters is this large.
MAX_ANSWER_BYTES = 64 << 20
READY = b"READY\n"


def send_frog_request(connection: socket.socket, text: str) -> None:
    # A line holding only EOT would end the request early; no real text has one.
    payload = text.replace("\nEOT\n", "\nEOT.\n")
    connection.sendall((payload + "\nEOT\n").encode("utf-8"))


def receive_frog_answer(connection: socket.socket, timeout: float, limit: int) -> str:
    """Read up to ``READY`` within ``timeout`` seconds in all; TimeoutError or ConnectionError."""
    deadline = time.monotonic() + timeout
    received = bytearray()
    while not (received.endswith(READY) or received.endswith(READY + b"\n")):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        connection.settimeout(remaining)
        chunk = connection.recv(1 << 16)
        if not chunk:
            raise ConnectionError("it closed the connection")
        received.extend(chunk)
        if len(received) > limit:
            raise ConnectionError(f"it sent over {limit} bytes without a READY line")
    answer = received.decode("utf-8", errors="replace")
    return answer[: answer.rfind("READY")]


def _looks_like_frog(answer: str) -> bool:
    fields = answer.lstrip("\n").split("\n", 1)[0].split("\t")
    return len(fields) >= 8 and fields[0] == "1"


class _Failed(Exception):
    """An exchange that failed; the message completes a sentence about the server."""


class FrogConnection:
    """One connection to an external Frog server, opened (and probed) on first use."""

    def __init__(self, endpoint: Endpoint, request_timeout: float) -> None:
        self.endpoint = endpoint
        self.request_timeout = request_timeout
        self._socket: socket.socket | None = None

    def request(self, text: str) -> str:
        if self._socket is None:
            self._socket = self.endpoint.connect(PROBE_TIMEOUT)
            try:
                probe = self._exchange(PROBE_TEXT, PROBE_TIMEOUT, 1 << 20)
            except _Failed as failure:
                raise NLPUnavailable(
                    f"{VARIABLE}={self.endpoint} is not a working Frog server: {failure}"
                ) from None
            if not _looks_like_frog(probe):
                self.close()
                first = probe.strip().split("\n", 1)[0][:60]
                raise NLPUnavailable(
                    f"{VARIABLE}={self.endpoint} is not a Frog server "
                    f"(it answered {first!r} to a test sentence)"
                )
        try:
            return self._exchange(text, self.request_timeout, MAX_ANSWER_BYTES)
        except _Failed as failure:
            raise NLPUnavailable(f"the Frog server {VARIABLE}={self.endpoint} {failure}") \
                from None

    def _exchange(self, text: str, timeout: float, limit: int) -> str:
        assert self._socket is not None
        try:
            send_frog_request(self._socket, text)
            return receive_frog_answer(self._socket, timeout, limit)
        except TimeoutError:
            self.close()
            raise _Failed(f"gave no answer within {timeout:g} s") from None
        except (OSError, ConnectionError) as error:
            self.close()
            reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
            raise _Failed(f"failed: {reason}") from None

    def close(self) -> None:
        if self._socket is not None:
            try:
                self._socket.close()
            finally:
                self._socket = None
