"""N analyser processes on this machine, each with its own warm Frog.

Why processes, each owning a Frog, rather than N Frog servers driven by threads of one
Python process: after Frog, kroniek's own stages (alignment, linking, extraction) are pure
Python and would serialise on the GIL, and one process per analyser keeps a crash (or
Frog's ~1.9 GB) confined to it. Each process starts its Frog over pipes (no socket) from
its main thread, so Linux kills that Frog when the process dies; the process itself leaves
as soon as the ingest that started it is gone (see ``_watch_parent``), so a ``kill -9`` of
``kroniek ingest`` leaves no analyser or Frog behind. Only the parent writes the database.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from kroniek.errors import KroniekError, NLPUnavailable
from kroniek.model import Document
from kroniek.parallel import job

# Set in each analyser process by _start; the process's Pipeline or why it has none.
_pipeline: object | None = None
_failure: str | None = None
PARENT_CHECK_SECONDS = 0.5
ONE_THREAD = ("OMP_NUM_THREADS",)


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(PARENT_CHECK_SECONDS)
        if os.getppid() != parent:
            os._exit(1)  # its Frog follows: PR_SET_PDEATHSIG and end of file on its stdin


def _start(parent: int) -> None:
    """In a new analyser process: load the stages and start its Frog once, for all texts."""
    global _pipeline, _failure
    # Ctrl-C reaches the whole process group; the parent alone decides what to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # One core per analyser: Frog's OpenMP threads (8 by default) fight the other analysers
    # for the cores; measured (bench/workers.py) one thread per Frog is 3-4x faster on a
    # busy 2-core machine. Dask's workers set the same; a user's own value is kept.
    for variable in ONE_THREAD:
        os.environ.setdefault(variable, "1")
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    from kroniek.pipeline import Pipeline

    try:
        pipeline = Pipeline()
        backend_start = getattr(pipeline.backend, "start", None)
        if backend_start is not None:
            backend_start()
        _pipeline = pipeline
    except KroniekError as error:
        _failure = str(error)


def _analyse(document: Document) -> job.Analysed:
    if _pipeline is None:
        return job.unavailable(_failure or "the analyser did not start", str(os.getpid()))
    return job.run(_pipeline, document)


class ProcessAnalysers:
    """Analyse documents in ``workers`` local processes; ``submit`` returns a Future."""

    def __init__(self, workers: int) -> None:
        if workers < 1:
            raise ValueError("at least one analyser")
        self.workers = workers
        # spawn, not fork: the parent has threads (progress bar, fetcher) a fork would copy
        # mid-state, and a fresh interpreter holds none of the parent's open database.
        self._pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
            initializer=_start, initargs=(os.getpid(),))

    def submit(self, document: Document) -> Future[job.Analysed]:
        return self._pool.submit(_analyse, document)

    @staticmethod
    def result(future: Future[job.Analysed]) -> job.Analysed:
        try:
            return future.result()
        except BrokenProcessPool:
            raise NLPUnavailable(
                "an analyser process died (out of memory?); what was stored stays stored, "
                "run the same command again to complete the rest") from None

    def pids(self) -> list[int]:
        """The analyser processes running now (for measurements)."""
        return list(self._pool._processes)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
