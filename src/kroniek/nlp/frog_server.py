"""Run Frog once as a warm TCP server on 127.0.0.1 and talk to it.

Frog takes 5-8 s and ~1.9 GB to load its models, so a process keeps one server for all
documents and restarts it only when it dies. The protocol is Frog's own: send text, then a
line ``EOT``; Frog answers with tab-separated tokens and a line ``READY``.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from kroniek.errors import NLPUnavailable

INSTALL_HINT = "install it with `sudo apt-get install frog frogdata` (or run ./run demo)"
# Frog's parser needs memory quadratic in sentence length; longer sentences are still
# tagged, only not parsed. The chunker keeps real sentences far below this.
MAX_PARSER_TOKENS = 200
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _die_with_parent() -> Callable[[], None] | None:
    """Ask Linux to stop Frog when kroniek dies, even by SIGKILL, when atexit cannot run.

    ``PR_SET_PDEATHSIG`` fires when the thread that started the child exits, so it is set
    only from the main thread (the CLI); a server started from a worker thread relies on
    ``stop`` at exit as before.
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


class FrogServer:
    """A Frog server process owned by this Python process, or an external one to reuse."""

    def __init__(
        self,
        executable: str | None = None,
        address: str | None = None,
        startup_timeout: float = 180.0,
        request_timeout: float = 600.0,
    ) -> None:
        self.executable = executable or os.environ.get("KRONIEK_FROG", "frog")
        external = address or os.environ.get("KRONIEK_FROG_SERVER")
        self.external = external
        self.startup_timeout = startup_timeout
        self.request_timeout = request_timeout
        self.starts = 0
        self.startup_seconds = 0.0  # total time spent waiting for Frog to load
        self._process: subprocess.Popen[bytes] | None = None
        self._socket: socket.socket | None = None
        self._log: Path | None = None
        self._host, self._port = "127.0.0.1", 0
        if external:
            host, _, port = external.rpartition(":")
            self._host, self._port = host or "127.0.0.1", int(port)
        atexit.register(self.stop)

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    @property
    def address(self) -> str:
        """``host:port`` another process can pass as ``KRONIEK_FROG_SERVER`` to share it."""
        return f"{self._host}:{self._port}"

    def start(self) -> None:
        if self.external or self.alive():
            return
        binary = shutil.which(self.executable)
        if binary is None:
            raise NLPUnavailable(f"Frog not found ({self.executable!r}): {INSTALL_HINT}")
        self._port = _free_port()
        handle, log_name = tempfile.mkstemp(prefix="kroniek-frog-", suffix=".log")
        self._log = Path(log_name)
        command = [binary, "-S", str(self._port), f"--max-parser-tokens={MAX_PARSER_TOKENS}"]
        # Frog writes debug files into its working directory; keep them out of the user's.
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=handle,
            stderr=handle,
            cwd=tempfile.gettempdir(),
            start_new_session=True,
            preexec_fn=_die_with_parent(),
        )
        os.close(handle)
        self.starts += 1
        began = time.monotonic()
        deadline = began + self.startup_timeout
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise NLPUnavailable(
                    f"Frog exited at start-up ({self._log_tail()}); {INSTALL_HINT}"
                )
            try:
                self._socket = socket.create_connection((self._host, self._port), timeout=1)
                self._socket.settimeout(self.request_timeout)
                self.startup_seconds += time.monotonic() - began
                return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise NLPUnavailable(f"Frog did not start within {self.startup_timeout:.0f} s")

    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def request(self, text: str) -> str:
        """Send one text and return Frog's tab-separated answer; restart Frog once if needed."""
        for attempt in (1, 2):
            try:
                return self._exchange(text)
            except (OSError, ConnectionError) as error:
                self._drop_socket()
                if self.external:
                    raise NLPUnavailable(
                        f"Frog server at {self._host}:{self._port} failed: {error}"
                    ) from error
                if attempt == 2:
                    raise NLPUnavailable(f"Frog failed twice on one text: {error}") from error
                self.stop()
        raise AssertionError("unreachable")

    def _exchange(self, text: str) -> str:
        if self._socket is None:
            if self.external:
                self._socket = socket.create_connection((self._host, self._port), timeout=30)
                self._socket.settimeout(self.request_timeout)
            else:
                self.start()
        assert self._socket is not None
        # A line holding only EOT would end the request early; no real text has one.
        payload = text.replace("\nEOT\n", "\nEOT.\n")
        self._socket.sendall((payload + "\nEOT\n").encode("utf-8"))
        received = bytearray()
        while not received.endswith(b"READY\n\n") and not received.endswith(b"READY\n"):
            chunk = self._socket.recv(1 << 16)
            if not chunk:
                raise ConnectionError("Frog closed the connection")
            received.extend(chunk)
        answer = received.decode("utf-8", errors="replace")
        return answer[: answer.rfind("READY")]

    def _drop_socket(self) -> None:
        if self._socket is not None:
            try:
                self._socket.close()
            finally:
                self._socket = None

    def stop(self) -> None:
        self._drop_socket()
        if self._process is not None:
            if self._process.poll() is None:
                # Frog forks a child per connection: end the whole process group. SIGKILL
                # at once: Frog 0.20 catches SIGTERM, logs it and then spins instead of
                # exiting (measured: still alive after 10 s), and a server that has
                # answered every request has nothing left to save.
                self._signal_group(signal.SIGKILL)
                self._process.wait()
            self._process = None
        if self._log is not None:
            self._log.unlink(missing_ok=True)
            self._log = None

    def _signal_group(self, signum: int) -> None:
        assert self._process is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signum)

    def _log_tail(self) -> str:
        if self._log is None or not self._log.exists():
            return "no output"
        lines = [line for line in self._log.read_text(errors="replace").splitlines() if line]
        return lines[-1].strip() if lines else "no output"
