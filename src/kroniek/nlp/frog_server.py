"""kroniek's one warm Frog: its own over pipes, or an external server to reuse.

Frog takes 5-30 s and ~1.9 GB to load its models, so a process keeps one Frog for all
documents and restarts it only when it dies. Its own Frog listens on no socket
(:mod:`kroniek.nlp.frog_pipe`); ``address`` shares it with other local processes over a
Unix socket only this user can open. ``KRONIEK_FROG_SERVER`` (``host:port`` of a
``frog -S PORT``, or ``unix:PATH``) reuses a running one instead.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from kroniek.errors import NLPUnavailable
from kroniek.nlp.frog_connection import PROBE_TEXT, FrogConnection
from kroniek.nlp.frog_endpoint import VARIABLE, parse_endpoint
from kroniek.nlp.frog_pipe import FrogPipe, FrogSilent
from kroniek.nlp.frog_share import FrogShare

INSTALL_HINT = "install it with `sudo apt-get install frog frogdata` (or run ./run demo)"
# Frog's parser needs memory quadratic in sentence length; longer sentences are still
# tagged, only not parsed. The chunker keeps real sentences far below this.
MAX_PARSER_TOKENS = 200
# A request is at most 20,000 characters (nlp.chunking), which Frog answers in well under
# 10 s (~480 words/s); 120 s without an answer means it hangs or is not Frog.
REQUEST_TIMEOUT = 120.0
# Texts sent to kroniek's own Frog in one go (see answers); bounds the answer held in memory.
BATCH_CHARS = 100_000


class FrogServer:
    """A Frog process owned by this Python process, or an external Frog server to reuse."""

    def __init__(
        self,
        executable: str | None = None,
        address: str | None = None,
        startup_timeout: float = 180.0,
        request_timeout: float = REQUEST_TIMEOUT,
    ) -> None:
        self.executable = executable or os.environ.get("KRONIEK_FROG", "frog")
        external = address or os.environ.get(VARIABLE)
        self.endpoint = parse_endpoint(external) if external else None
        self.external = str(self.endpoint) if self.endpoint else None
        self.startup_timeout = startup_timeout
        self.request_timeout = request_timeout
        self.starts = 0
        self.startup_seconds = 0.0  # total time spent waiting for Frog to load
        self._pipe: FrogPipe | None = None
        self._connection = FrogConnection(self.endpoint, request_timeout) \
            if self.endpoint else None
        self._share: FrogShare | None = None
        self._log: Path | None = None
        self._lock = threading.RLock()  # one text at a time through one Frog
        atexit.register(self.stop)

    @property
    def pid(self) -> int | None:
        return self._pipe.process.pid if self._pipe else None

    @property
    def address(self) -> str:
        """What another local process can pass as ``KRONIEK_FROG_SERVER`` to share this Frog."""
        if self.external:
            return self.external
        with self._lock:
            if self._share is None:
                self._share = FrogShare(self.request)
            return f"unix:{self._share.path}"

    def start(self) -> None:
        with self._lock:
            if self.external or self.alive():
                return
            self._stop_frog()  # a Frog that died: close its pipes, drop its log
            binary = shutil.which(self.executable)
            if binary is None:
                raise NLPUnavailable(f"Frog not found ({self.executable!r}): {INSTALL_HINT}")
            handle, log_name = tempfile.mkstemp(prefix="kroniek-frog-", suffix=".log")
            os.close(handle)
            self._log = Path(log_name)
            command = [binary, f"--max-parser-tokens={MAX_PARSER_TOKENS}"]
            try:
                self._pipe = FrogPipe(command, self._log)
            except OSError as error:
                raise NLPUnavailable(f"Frog cannot be started ({error.strerror}); "
                                     f"{INSTALL_HINT}") from None
            self.starts += 1
            try:
                self.startup_seconds += self._pipe.wait_for_start(self.startup_timeout,
                                                                  PROBE_TEXT)
            except FrogSilent:
                self._stop_frog()
                raise NLPUnavailable(
                    f"Frog did not start within {self.startup_timeout:.0f} s"
                ) from None
            except ConnectionError:
                tail = self._log_tail()
                self._stop_frog()
                raise NLPUnavailable(f"Frog exited at start-up ({tail}); {INSTALL_HINT}") \
                    from None

    def alive(self) -> bool:
        return self._pipe is not None and self._pipe.alive()

    def answers(self, texts: Iterable[str]) -> Iterator[str]:
        """Frog's answers to ``texts``, their sentences in order.

        Its own Frog gets many texts per request as blank-line separated blocks (each block
        is tokenised on its own, as a separate request would be): one end marker per
        ``BATCH_CHARS`` instead of per text, whose extra sentence cost ~20 % of the time on
        paragraph-sized texts. A ``frog -S`` server joins blocks, so it gets one text each.
        """
        if self._connection is not None:
            yield from (self.request(text) for text in texts)
            return
        batch: list[str] = []
        size = 0
        for text in texts:
            batch.append(text)
            size += len(text)
            if size >= BATCH_CHARS:
                yield self.request("\n\n".join(batch))
                batch, size = [], 0
        if batch:
            yield self.request("\n\n".join(batch))

    def request(self, text: str) -> str:
        """Frog's tab-separated answer to one text; restart a crashed Frog once."""
        with self._lock:
            if self._connection is not None:
                return self._connection.request(text)
            for attempt in (1, 2):
                self.start()
                assert self._pipe is not None
                try:
                    return self._pipe.request(text, self.request_timeout)
                except FrogSilent:
                    self._stop_frog()
                    raise NLPUnavailable(
                        f"Frog gave no answer for {self.request_timeout:.0f} s on one text; "
                        "stopped it"
                    ) from None
                except (OSError, ConnectionError) as error:
                    self._stop_frog()
                    if attempt == 2:
                        raise NLPUnavailable(f"Frog failed twice on one text: {error}") \
                            from None
            raise AssertionError("unreachable")

    def stop(self) -> None:
        """Stop Frog and stop sharing it (at exit too)."""
        with self._lock:
            if self._share is not None:
                self._share.close()
                self._share = None
            self._stop_frog()

    def _stop_frog(self) -> None:
        if self._connection is not None:
            self._connection.close()
        if self._pipe is not None:
            self._pipe.stop()
            self._pipe = None
        if self._log is not None:
            self._log.unlink(missing_ok=True)
            self._log = None

    def _signal_group(self, signum: int) -> None:
        """Signal Frog's process group (tests use it to simulate a crash)."""
        if self._pipe is not None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self._pipe.process.pid, signum)
            if signum == signal.SIGKILL:
                self._pipe.process.wait()

    def _log_tail(self) -> str:
        if self._log is None or not self._log.exists():
            return "no output"
        lines = [line for line in self._log.read_text(errors="replace").splitlines() if line]
        return lines[-1].strip() if lines else "no output"
