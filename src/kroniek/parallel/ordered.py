"""One writer storing, in input order, what several analysers return.

Documents are read, identified and checked against the store here (cheap), sent to the
analysers a few at a time (``IN_FLIGHT`` per analyser, so none waits while the writer
stores), and stored one transaction each in the order they were read: the outcome counts,
document ids, errors and replacements come out as one analyser would produce them, and a
run cut short has stored a prefix of its input, which a rerun skips.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy.engine import Engine

from kroniek.errors import InputError
from kroniek.ingest import RawArticle, expand
from kroniek.ingest.decode import DEFAULT_MAX_BYTES
from kroniek.ingest.fetch import Fetcher
from kroniek.model import Document
from kroniek.parallel import job
from kroniek.pipeline import IngestSummary, Progress, articles, prepare, store, story_index
from kroniek.store.writer import stored_id_for

# Documents sent ahead per analyser: one being analysed, one waiting for it.
IN_FLIGHT = 2


class Analysers(Protocol):
    """Where documents are analysed: local processes or a Dask cluster."""

    workers: int

    def submit(self, document: Document) -> Any: ...

    def result(self, handle: Any) -> job.Analysed: ...

    def close(self) -> None: ...


@dataclass
class _Entry:
    """One input article on its way to the store."""

    size: int
    error: InputError | None = None
    document: Document | None = None
    handle: Any = None  # the analysers' handle; None: not sent (yet)
    early: IngestSummary = field(default_factory=IngestSummary)  # what prepare() counted


class OrderedWriter:
    def __init__(self, engine: Engine, analysers: Analysers, replace: bool,
                 check_language: bool, progress: Progress | None) -> None:
        self.engine = engine
        self.analysers = analysers
        self.replace = replace
        self.check_language = check_language
        self.progress = progress
        self.summary = IngestSummary()
        self._stories = story_index(engine)
        self._sent: set[str] = set()
        self._frogs: dict[str, tuple[int, float]] = {}  # analyser -> (starts, start-up s)
        self._began = time.perf_counter()

    def run(self, items: Iterable[tuple[RawArticle | InputError, int]]) -> IngestSummary:
        window: deque[_Entry] = deque()
        limit = IN_FLIGHT * self.analysers.workers
        for item, size in items:
            window.append(self._enter(item, size))
            # The head is stored as soon as it can be: at once when it was not sent (failed,
            # skipped), otherwise when the window is full and it must be waited for.
            while window and (window[0].handle is None
                              or sum(e.handle is not None for e in window) >= limit):
                self._finish(window.popleft())
        while window:
            self._finish(window.popleft())
        return self.summary

    def _enter(self, item: RawArticle | InputError, size: int) -> _Entry:
        entry = _Entry(size)
        if isinstance(item, InputError):
            entry.error = item
            return entry
        try:
            entry.document = prepare(item, self.engine, self.replace, self.check_language,
                                     entry.early)
        except InputError as error:
            entry.error = error
            return entry
        document = entry.document
        # A second copy of a text sent earlier in this run waits for the first to be
        # stored, and is then skipped, as one analyser in input order would do.
        if document is not None and (self.replace or document.id not in self._sent):
            self._sent.add(document.id)
            entry.handle = self.analysers.submit(document)
        return entry

    def _finish(self, entry: _Entry) -> None:
        summary = self.summary
        words = 0
        try:
            if entry.error is not None:
                raise entry.error
            summary.notes.extend(entry.early.notes)
            summary.skipped += entry.early.skipped
            summary.document_ids.extend(entry.early.document_ids)
            document = entry.document
            if document is not None:
                if entry.handle is None:
                    if stored_id_for(self.engine, document.id):
                        summary.skipped += 1
                        summary.document_ids.append(document.id)
                        document = None
                    else:  # its first copy failed: analyse this one
                        entry.handle = self.analysers.submit(document)
                if document is not None:
                    words = self._store(self.analysers.result(entry.handle))
        except InputError as error:
            summary.failed += 1
            summary.errors.append(str(error))
        summary.seconds = time.perf_counter() - self._began
        if self.progress:
            self.progress(entry.size, words, summary)

    def _store(self, result: job.Analysed) -> int:
        if result.worker:
            self._frogs[result.worker] = (result.starts, result.startup_seconds)
            self.summary.nlp_starts = sum(starts for starts, _ in self._frogs.values())
            self.summary.nlp_startup_seconds = sum(s for _, s in self._frogs.values())
        if result.status == "fatal":
            job.raise_fatal(result)
        if result.status == "failed" or result.document is None:
            raise InputError(result.message)
        return store(result.document, result.actors, result.backend, self.engine,
                     self.replace, self.summary, self._stories)


def ingest_parallel(
    arguments: list[str],
    engine: Engine,
    analysers: Analysers,
    replace: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
    progress: Progress | None = None,
    fetcher: Fetcher | None = None,
) -> IngestSummary:
    """:func:`kroniek.pipeline.ingest` with the analysis done by ``analysers``."""
    own = fetcher is None
    web = fetcher or Fetcher(max_bytes=max_bytes)
    try:
        items = articles(expand(arguments), max_bytes, web)
        return OrderedWriter(engine, analysers, replace, check_language, progress).run(items)
    finally:
        if own:
            web.close()
