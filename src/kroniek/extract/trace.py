"""Why the coder did what it did, for ``kroniek explain`` and the web's "why this record".

The coder's functions call :func:`note` at each decision (a trigger matched or blocked, the
clause and argument candidates, an event dropped and why, the status cue). Outside
:func:`tracing` a note costs one context-variable lookup and records nothing, so the
ingest path pays nothing for the explanations.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Step:
    sentence: int
    stage: str  # trigger | blocked | clause | arguments | dropped | status | date | rule
    message: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass
class Trace:
    steps: list[Step] = field(default_factory=list)

    def for_sentence(self, sentence: int) -> list[Step]:
        return [step for step in self.steps if step.sentence == sentence]


_current: ContextVar[Trace | None] = ContextVar("kroniek_trace", default=None)


def active() -> bool:
    return _current.get() is not None


def note(sentence: int, stage: str, message: str, **detail: Any) -> None:
    trace = _current.get()
    if trace is not None:
        trace.steps.append(Step(sentence, stage, message, detail))


@contextmanager
def tracing() -> Iterator[Trace]:
    """Record the coder's decisions made inside the ``with`` block."""
    trace = Trace()
    token = _current.set(trace)
    try:
        yield trace
    finally:
        _current.reset(token)


@contextmanager
def paused() -> Iterator[None]:
    """Record nothing inside the ``with`` block: for a second look at what the coder has
    already decided (the place of an event re-reads its sentence's triggers), which would
    otherwise show in the explanation as candidates of their own."""
    token = _current.set(None)
    try:
        yield
    finally:
        _current.reset(token)
