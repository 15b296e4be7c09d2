"""kroniek's own Frog, talked to over its stdin and stdout: no socket, nothing to reach.

Debian's Frog 0.20 can listen only on every interface (``frog -S PORT`` binds the
wildcard address, and neither Frog nor ticcutils has an option for the host), and it has
no authentication. Over pipes no other machine, user or process can talk to it, and Frog
stops by itself when kroniek dies however it dies: its stdin reaches end of file, and a
write of an answer nobody reads ends it with SIGPIPE.

Frog reads blank-line separated blocks from stdin and prints each sentence as tab-separated
token lines and a blank line. After each text a one-word block ``self.sentinel`` follows;
its answer line marks the end of the text's answer.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import secrets
import select
import signal
import string
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
READ_PAUSE = 0.005  # seconds


class FrogSilent(Exception):
    """Frog sent nothing for the whole request timeout."""


def _die_with_parent() -> Callable[[], None] | None:
    """Also ask Linux to kill Frog when the thread that started it ends (a second guard).

    ``PR_SET_PDEATHSIG`` fires when the starting *thread* exits, so it is set only from the
    main thread; from a worker thread (``serve``) the closed pipe alone stops Frog.
    """
    if not sys.platform.startswith("linux") or threading.current_thread() is not \
            threading.main_thread():
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    parent = os.getpid()

    def set_death_signal() -> None:
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)

    return set_death_signal


class FrogPipe:
    """One Frog process reading texts on stdin and answering on stdout."""

    def __init__(self, command: list[str], log: Path) -> None:
        self.sentinel = "kroniekeinde" + "".join(
            secrets.choice(string.ascii_lowercase) for _ in range(10)
        )
        self._marker = f"1\t{self.sentinel}\t".encode()
        with log.open("wb") as handle:
            # Frog writes debug files into its working directory; keep them out of the user's.
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=handle,
                cwd=tempfile.gettempdir(),
                start_new_session=True,
                preexec_fn=_die_with_parent(),
            )
        assert self.process.stdin is not None and self.process.stdout is not None
        self._in = self.process.stdin.fileno()
        self._out = self.process.stdout.fileno()
        os.set_blocking(self._in, False)
        self._pending = bytearray()  # answer bytes read but not yet returned

    def alive(self) -> bool:
        return self.process.poll() is None

    def request(self, text: str, timeout: float) -> str:
        """Frog's answer to ``text``; FrogSilent after ``timeout`` s without progress,
        ConnectionError if Frog dies.

        Writing and reading interleave, so a text of any length cannot deadlock with Frog
        blocked on a full stdout while kroniek is still writing its stdin.
        """
        # A blank line inside the text only starts a new block, so nothing is lost; the
        # sentinel must be a block of its own, after a blank line.
        payload = (text.replace("\r", " ") + "\n\n" + self.sentinel + "\n\n").encode("utf-8")
        unsent = memoryview(payload)
        received, self._pending = self._pending, bytearray()
        search_from, marker_at = 0, -1
        while True:
            if marker_at < 0:
                marker_at = self._find_marker(received, search_from)
                search_from = max(len(received) - len(self._marker), 0)
            if marker_at >= 0:
                end = received.find(b"\n\n", marker_at)
                if end >= 0:
                    self._pending = received[end + 2:]
                    return received[:marker_at].decode("utf-8", errors="replace")
            readable, writable, _ = select.select(
                [self._out], [self._in] if unsent else [], [], timeout)
            if not readable and not writable:
                raise FrogSilent
            if writable:
                try:
                    unsent = unsent[os.write(self._in, unsent[: 1 << 16]):]
                except BlockingIOError:
                    pass
                except BrokenPipeError as error:
                    raise ConnectionError("Frog closed its input") from error
            if readable:
                chunk = os.read(self._out, 1 << 16)
                if not chunk:
                    raise ConnectionError("Frog exited")
                received.extend(chunk)
                if not unsent and len(chunk) < 1 << 14:
                    # Frog flushes every token line; let lines gather in the pipe instead of
                    # waking up per line, which takes CPU from Frog on a busy machine.
                    time.sleep(READ_PAUSE)

    def _find_marker(self, received: bytearray, start: int) -> int:
        """Where the sentinel's token line starts (at the start of a line), or -1."""
        found = received.find(self._marker, start)
        while found > 0 and received[found - 1] != ord("\n"):
            found = received.find(self._marker, found + 1)
        return found

    def stop(self) -> None:
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                if stream is not None:
                    stream.close()
        if self.process.poll() is None:
            # Frog forks nothing in this mode, but end the whole group to be sure. SIGKILL
            # at once: Frog 0.20 catches SIGTERM and then spins instead of exiting
            # (measured: still alive after 10 s), and it has nothing left to save.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def wait_for_start(self, timeout: float, probe: str) -> float:
        """Seconds Frog took to answer ``probe`` (its models load first); raises on failure."""
        began = time.monotonic()
        self.request(probe, timeout)
        return time.monotonic() - began
