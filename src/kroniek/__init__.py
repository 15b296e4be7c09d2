"""Kroniek: a temporal knowledge graph of international politics and conflict from Dutch news.

``kroniek.open(path)`` opens a database for analysis (see ``docs/python.md``).
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

try:
    __version__ = version("kroniek")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

if TYPE_CHECKING:
    from kroniek.python_api import (
        DocumentRecord,
        EventRecord,
        EventResult,
        IngestResult,
        Kroniek,
        dyad_frame,
        open,
    )

__all__ = ["DocumentRecord", "EventRecord", "EventResult", "IngestResult", "Kroniek",
           "__version__", "dyad_frame", "open"]
_PUBLIC = frozenset(__all__) - {"__version__"}


def __getattr__(name: str) -> Any:
    # Imported on first use: the command line and the pipeline's own modules import
    # ``kroniek.*`` submodules and should not pay for (or cycle through) the Python API.
    if name in _PUBLIC:
        from kroniek import python_api

        return getattr(python_api, name)
    raise AttributeError(f"module 'kroniek' has no attribute {name!r}")
