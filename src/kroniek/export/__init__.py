"""Stage 7: exports of stored events. Each format is one writer function.

A writer takes the engine, an :class:`~kroniek.store.event_filter.EventFilter` and a
target path (``None`` for standard output) and returns how many records it wrote;
``kroniek export`` finds writers by format name in ``kroniek.cli.export.FORMATS``.
"""

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Engine

from kroniek.export.plover import export_plover, plover_record, reduce_event
from kroniek.store.event_filter import EventFilter

Writer = Callable[[Engine, EventFilter, Path | None], int]

__all__ = ["EventFilter", "Writer", "export_plover", "plover_record", "reduce_event"]
