"""What a user can ask of an export beyond the event filter."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExportOptions:
    # GraphML: also write actors that take part in no selected event or relation.
    isolated: bool = False
