"""The export formats by name, as ``kroniek export --format NAME`` finds them.

A writer takes the engine, an :class:`~kroniek.store.event_filter.EventFilter`, a target
path (``None`` for standard output) and :class:`~kroniek.export.options.ExportOptions`,
and returns how many records it wrote. A new format is one entry here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Engine

from kroniek.export.cameo import export_cameo
from kroniek.export.graphml import export_graphml
from kroniek.export.jsonld import export_jsonld
from kroniek.export.options import ExportOptions
from kroniek.export.plover import export_plover
from kroniek.export.tables import export_csv, export_parquet
from kroniek.store.event_filter import EventFilter

Writer = Callable[[Engine, EventFilter, Path | None, ExportOptions | None], int]

FORMATS: dict[str, Writer] = {
    "plover": export_plover,
    "csv": export_csv,
    "parquet": export_parquet,
    "graphml": export_graphml,
    "cameo": export_cameo,
    "jsonld": export_jsonld,
}

# What the count a writer returns is, for the "N ... written" line.
UNITS = {"graphml": "edge(s)"}
