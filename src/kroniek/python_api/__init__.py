"""Kroniek from Python: ``kroniek.open(path)`` and what it returns.

See ``docs/python.md``. The names here are the public API; everything else in kroniek
may change between versions.
"""

from kroniek.python_api.handle import Kroniek, dyad_frame, open
from kroniek.python_api.records import DocumentRecord, EventRecord, IngestResult
from kroniek.python_api.results import EventResult

__all__ = ["DocumentRecord", "EventRecord", "EventResult", "IngestResult", "Kroniek",
           "dyad_frame", "open"]
