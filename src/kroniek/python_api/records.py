"""Typed records the Python API hands out: one event as the CSV/Parquet export's flat row,
one stored document, one ingest's outcome.

The event fields are the export's columns (``kroniek.export.flat.COLUMNS``, documented in
``docs/formats.md``), with dates as ``datetime.date`` and lists as tuples.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from typing import Any

from kroniek.export.flat import COLUMNS


def _day(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


@dataclass(frozen=True)
class EventRecord:
    """One coded event, counted as the exports count it (negated and hypothetical events
    only when asked for with ``status=``)."""

    id: str
    document_id: str
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    event_type: str
    mode: str | None
    quad: int
    plover_score: float | None
    status: str
    contexts: tuple[str, ...]
    actor_codes: tuple[str, ...]
    actor_names: tuple[str, ...]
    actor_sectors: tuple[str, ...]
    recipient_codes: tuple[str, ...]
    recipient_names: tuple[str, ...]
    recipient_sectors: tuple[str, ...]
    place_id: str | None
    place_name: str | None
    latitude: float | None
    longitude: float | None
    dead: float | None
    injured: float | None
    displaced: float | None
    arrested: float | None
    trigger: str | None
    sentence: str | None
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    source: str | None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> EventRecord:
        values = dict(row)
        for name in ("date_start", "date_end", "published"):
            values[name] = _day(values[name])
        for name, value in values.items():
            if isinstance(value, list):
                values[name] = tuple(value)
        return cls(**values)


# The record and the export must not drift apart: a column added to one is added to both.
assert tuple(f.name for f in fields(EventRecord)) == COLUMNS, "EventRecord != export columns"


@dataclass(frozen=True)
class DocumentRecord:
    """A stored document with its counts, newest first as ``kroniek docs`` lists them."""

    id: str
    title: str | None
    source: str | None
    published: dt.date | None
    published_precision: str | None
    words: int | None
    sentences: int
    entities: int
    events: int

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> DocumentRecord:
        return cls(id=row["id"], title=row["title"], source=row["source"],
                   published=_day(row["published_start"]),
                   published_precision=row["published_precision"], words=row["words"],
                   sentences=row["sentences"], entities=row["entities"],
                   events=row["events"])


@dataclass(frozen=True)
class IngestResult:
    """What one ``Kroniek.ingest`` stored: counts, a reason per failed input, the ids."""

    new: int
    replaced: int
    skipped: int
    failed: int
    errors: tuple[str, ...]
    notes: tuple[str, ...]
    document_ids: tuple[str, ...]
    replacements: tuple[dict[str, str | None], ...] = field(default=())
    events: int = 0
