"""Share a process's own Frog with other local processes over a Unix socket.

The socket lives in a fresh directory only this user can enter (mode 0700), so no other
machine and no other user reaches Frog. It speaks Frog's own socket protocol (text, ``EOT``;
answer, ``READY``), so ``KRONIEK_FROG_SERVER=unix:PATH`` is read like ``host:port``.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from kroniek.errors import NLPUnavailable

END_OF_TEXT = b"\nEOT\n"
MAX_REQUEST_BYTES = 16 << 20


class FrogShare:
    """A listening Unix socket whose connections are answered by ``answer(text)``."""

    def __init__(self, answer: Callable[[str], str]) -> None:
        self._answer = answer
        self._directory = Path(tempfile.mkdtemp(prefix="kroniek-frog-"))
        self.path = str(self._directory / "frog.socket")
        self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._listener.bind(self.path)
        self._listener.listen(16)
        threading.Thread(target=self._accept, name="kroniek-frog-share", daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:  # closed by close()
                return
            threading.Thread(target=self._serve, args=(connection,), daemon=True).start()

    def _serve(self, connection: socket.socket) -> None:
        with connection:
            buffer = bytearray()
            while True:
                end = buffer.find(END_OF_TEXT)
                if end < 0:
                    if len(buffer) > MAX_REQUEST_BYTES:
                        return
                    try:
                        chunk = connection.recv(1 << 16)
                    except OSError:
                        return
                    if not chunk:
                        return
                    buffer.extend(chunk)
                    continue
                text = buffer[:end].decode("utf-8", errors="replace")
                del buffer[: end + len(END_OF_TEXT)]
                try:
                    answer = self._answer(text)
                    connection.sendall((answer + "READY\n").encode("utf-8"))
                except (NLPUnavailable, OSError):
                    return  # the client sees the connection close and reports it

    def close(self) -> None:
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        shutil.rmtree(self._directory, ignore_errors=True)
