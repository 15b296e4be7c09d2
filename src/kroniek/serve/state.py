"""What one running app holds: the database engine, the KB and a lazily started pipeline."""

from __future__ import annotations

import threading
from collections import OrderedDict
from functools import cached_property
from typing import TYPE_CHECKING, Any

from fastapi import Request
from sqlalchemy.engine import Engine

from kroniek.kb import KnowledgeBase, load_kb

if TYPE_CHECKING:
    from kroniek.pipeline import Pipeline

DEFAULT_MAX_BODY = 5 * 1024 * 1024
EXPLANATIONS_KEPT = 32


class AppState:
    def __init__(self, engine: Engine, token: str | None, read_only: bool,
                 max_body: int = DEFAULT_MAX_BODY, write_engine: Engine | None = None) -> None:
        self.engine = engine  # read-only: every page and GET of the API
        self._write_engine = write_engine  # only with a token, for POST ingests
        self.token = token or None
        # Writes need a token: without one the app is read-only whatever ``read_only`` says,
        # so a forgotten flag can never open the database to anonymous writes.
        self.writable = self.token is not None
        self.read_only = read_only or not self.writable
        self.max_body = max_body
        self._pipeline: Pipeline | None = None
        # Frog analyses one text at a time; one lock serialises ingest requests on it.
        self.pipeline_lock = threading.Lock()
        # "Why this record" analyses a whole article once more; the last few are kept
        # (under pipeline_lock), so the other events of an article cost no Frog time.
        self.explanations: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()
        self.explanations_kept = EXPLANATIONS_KEPT

    @property
    def write_engine(self) -> Engine:
        if self._write_engine is None:
            raise RuntimeError("this app was created without a token: it has no writer")
        return self._write_engine

    @cached_property
    def kb(self) -> KnowledgeBase:
        return load_kb()

    def pipeline(self) -> Pipeline:
        """One pipeline per app, started on the first write (or explanation) and kept warm
        after it."""
        if self._pipeline is None:
            from kroniek.pipeline import Pipeline

            self._pipeline = Pipeline()
        return self._pipeline

    def use_pipeline(self, pipeline: Pipeline) -> None:
        """Analyse with ``pipeline`` (one reaching an already running Frog, say) instead of
        starting one on the first write or explanation."""
        self._pipeline = pipeline

    def close(self) -> None:
        if self._pipeline is not None:
            self._pipeline.close()
            self._pipeline = None
        self.engine.dispose()
        if self._write_engine is not None:
            self._write_engine.dispose()


def get_state(request: Request) -> AppState:
    return request.app.state.kroniek  # type: ignore[no-any-return]
