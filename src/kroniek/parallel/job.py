"""What one analyser does with one document, the same in a local process and on Dask.

The result says how it went instead of raising: an exception raised in another process
(or on another machine) arrives without its one-line message intact, and a worker that
cannot start Frog must still answer every document with the reason.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Literal

from kroniek.errors import InputError, KroniekError, NLPUnavailable
from kroniek.model import Document
from kroniek.store import ActorRow

Status = Literal["analysed", "failed", "fatal"]


@dataclass
class Analysed:
    """A document back from an analyser, or why it is not."""

    status: Status
    document: Document | None = None
    actors: list[ActorRow] = field(default_factory=list)
    backend: str = "frog"
    message: str = ""  # failed: this document's one-line error; fatal: why the run must end
    nlp: bool = False  # fatal because the NLP engine is unavailable (exit code 3)
    worker: str = ""  # which analyser, to count each one's Frog starts once
    starts: int = 0
    startup_seconds: float = 0.0


def run(pipeline: object, document: Document, worker: str | None = None) -> Analysed:
    """Analyse ``document`` with ``pipeline`` (a :class:`kroniek.pipeline.Pipeline`)."""
    from kroniek.pipeline import Pipeline, analyse

    assert isinstance(pipeline, Pipeline)
    who = worker or str(os.getpid())

    def counted(result: Analysed) -> Analysed:
        result.worker = who
        result.starts = pipeline.backend.starts
        result.startup_seconds = pipeline.backend.startup_seconds
        return result

    try:
        analyse(pipeline, document)
        actors = pipeline.actors(document)
    except InputError as error:
        return counted(Analysed("failed", message=str(error)))
    except NLPUnavailable as error:
        return counted(Analysed("fatal", message=str(error), nlp=True))
    except KroniekError as error:
        return counted(Analysed("fatal", message=str(error)))
    except (OSError, MemoryError) as error:  # this machine, not this document, is at fault
        return counted(Analysed("fatal", message=f"an analyser failed: {error!r}"))
    document._indexes.clear()  # caches, rebuilt on use; not worth sending back
    return counted(Analysed("analysed", document, actors, pipeline.backend.name))


def unavailable(message: str, worker: str = "") -> Analysed:
    """The answer of an analyser whose Frog could not be started."""
    return Analysed("fatal", message=message, nlp=True, worker=worker)


def raise_fatal(result: Analysed) -> None:
    if result.nlp:
        raise NLPUnavailable(result.message)
    raise KroniekError(result.message)
