"""Query parameters the API and the pages share, validated once."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import HTTPException, Query

from kroniek.store.event_filter import EventFilter

Text = Annotated[str | None, Query(max_length=200)]
# Dates arrive as text: HTML forms send an empty field as "", which must mean "no date".
Day = Annotated[str | None, Query(max_length=10, description="ISO date, e.g. 2020-10-09",
                                  examples=["2020-10-09"])]


def day(value: str | None, name: str) -> dt.date | None:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise HTTPException(422, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Sort = Annotated[Literal["date", "type", "status", "score", "id"], Query()]
Order = Annotated[Literal["asc", "desc"], Query()]


def _blank(value: str | None) -> str | None:
    # Empty form fields arrive as "": they mean "no filter", not "equals the empty string".
    return value.strip() or None if value is not None else None


def event_filter(
    type: Annotated[str | None, Query(max_length=20, description="PLOVER type, e.g. ASSAULT")]
    = None,
    mode: Text = None,
    status: Annotated[str | None, Query(max_length=20, description="asserted, alleged, ...")]
    = None,
    actor: Annotated[str | None, Query(max_length=120, description="code (RUS) or KB id")]
    = None,
    recipient: Annotated[str | None, Query(max_length=120)] = None,
    date_from: Day = None,
    date_to: Day = None,
    q: Annotated[str | None, Query(max_length=200, description="text in the evidence")] = None,
    document: Annotated[str | None, Query(max_length=64)] = None,
    location: Annotated[str | None, Query(max_length=120)] = None,
) -> EventFilter:
    start, end = day(date_from, "date_from"), day(date_to, "date_to")
    if start and end and start > end:
        raise HTTPException(422, "date_from is after date_to")
    return EventFilter(type=_blank(type), mode=_blank(mode), status=_blank(status),
                       actor=_blank(actor), recipient=_blank(recipient), date_from=start,
                       date_to=end, q=_blank(q),
                       document_ids=(document,) if _blank(document) else None,
                       location=_blank(location))
