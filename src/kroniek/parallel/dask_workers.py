"""Analysers on a Dask distributed cluster: ``kroniek ingest --scheduler tcp://HOST:PORT``.

Each Dask worker process keeps one warm Frog for its lifetime, held by this module (one per
process) and started by :class:`FrogPlugin` when the worker joins, or when a client first
registers the plugin; a Frog that dies is restarted by :class:`kroniek.nlp.FrogServer` on
the next text. A worker lost mid-document is Dask's to handle: the scheduler runs its tasks
again on another worker. Only the client writes the store, one transaction per document
in input order; a document analysed twice (a retry, or two clients ingesting the same
files) is stored once, because saving a stored text is "skipped" (kroniek.store.save).

Workers need kroniek importable and run best with one thread each (one Frog answers one
text at a time):  ``dask worker tcp://HOST:8786 --nthreads 1 --preload
kroniek.parallel.dask_workers`` starts the Frog with the worker (see docs/scaling.md).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import CancelledError
from typing import Any

from kroniek.errors import InputError, KroniekError
from kroniek.model import Document
from kroniek.parallel import job

try:
    from distributed import WorkerPlugin
except ImportError:  # only the client side needs it installed to import this module
    WorkerPlugin = object  # type: ignore[assignment,misc]

NAME = "kroniek-frog"
CONNECT_SECONDS = 30.0


class _Warm:
    """This process's pipeline, loaded in the background so the worker keeps answering
    the scheduler while Frog loads (5-30 s)."""

    def __init__(self) -> None:
        self.ready = threading.Event()
        self.lock = threading.Lock()  # one document at a time through one Frog
        self.pipeline: Any = None
        self.failure = "the analyser did not start"
        threading.Thread(target=self._load, name="kroniek-frog-start", daemon=True).start()

    def _load(self) -> None:
        from kroniek.pipeline import Pipeline

        try:
            pipeline = Pipeline()
            start = getattr(pipeline.backend, "start", None)
            if start is not None:
                start()
            self.pipeline = pipeline
        except KroniekError as error:
            self.failure = str(error)
        finally:
            self.ready.set()


_warm: _Warm | None = None
_warm_lock = threading.Lock()


def warm() -> _Warm:
    global _warm
    with _warm_lock:
        if _warm is None:
            _warm = _Warm()
        return _warm


class FrogPlugin(WorkerPlugin):  # type: ignore[misc]
    """Start this worker's Frog; registering it again (every client does) changes nothing."""

    idempotent = True
    name = NAME

    def setup(self, worker: Any) -> None:
        warm()


async def dask_setup(worker: Any) -> None:
    """``dask worker --preload kroniek.parallel.dask_workers``: warm Frog from the start."""
    await worker.plugin_add(FrogPlugin(), name=NAME)


def analyse_on_worker(document: Document) -> job.Analysed:
    """The Dask task: analyse one document with this worker's warm pipeline."""
    holder = warm()
    holder.ready.wait()
    try:
        from distributed import get_worker

        who = str(get_worker().address)
    except (ImportError, ValueError):
        who = str(os.getpid())
    if holder.pipeline is None:
        return job.unavailable(holder.failure, who)
    with holder.lock:
        return job.run(holder.pipeline, document, worker=who)


class DaskAnalysers:
    """Documents analysed by the workers of the Dask scheduler at ``address``."""

    def __init__(self, address: str, connect_seconds: float = CONNECT_SECONDS) -> None:
        if not address.startswith(("tcp://", "tls://", "inproc://", "ucx://")):
            raise InputError(f"--scheduler must be a Dask address such as "
                             f"tcp://HOST:8786, not {address!r}")
        try:
            from distributed import Client
        except ImportError:
            raise KroniekError("--scheduler needs Dask: pip install 'dask[distributed]'") \
                from None
        self.address = address
        try:
            self.client = Client(address, timeout=connect_seconds, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise KroniekError(f"cannot reach the Dask scheduler at {address} "
                               f"({type(error).__name__}: {error})") from None
        self.client.register_plugin(FrogPlugin(), name=NAME)
        self.workers = max(1, len(self.client.scheduler_info().get("workers", {})))

    def submit(self, document: Document) -> Any:
        # pure=False: every submission is its own task, never a cached result of another.
        return self.client.submit(analyse_on_worker, document, pure=False, retries=1)

    def result(self, future: Any) -> job.Analysed:
        try:
            return future.result()  # type: ignore[no-any-return]
        except CancelledError:
            raise KroniekError(f"the Dask scheduler at {self.address} cancelled the work "
                               "(was it stopped?); what was stored stays stored, run the "
                               "same command again to complete the rest") from None
        except (OSError, TimeoutError) as error:
            raise KroniekError(f"lost the Dask scheduler at {self.address} ({error}); what "
                               "was stored stays stored, run again to complete the rest") \
                from None
        except Exception as error:  # KilledWorker: the document killed worker after worker
            raise KroniekError(f"Dask could not analyse a document "
                               f"({type(error).__name__}: {error}); what was stored stays "
                               "stored, run again to complete the rest") from None

    def close(self) -> None:
        self.client.close()
