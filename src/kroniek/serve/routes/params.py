"""Query parameters the API and the pages share, validated once."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Sequence
from typing import Annotated, Literal, get_args

from fastapi import HTTPException, Query

from kroniek.export.names import knowledge_base
from kroniek.model import EventStatus
from kroniek.plover import categories
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


def one_of(name: str, value: str | None, allowed: Sequence[str]) -> str | None:
    """``value`` as spelled in ``allowed`` (case aside), or a 422 naming the nearest and
    all allowed values: an unknown filter must not answer with an empty list."""
    if value is None:
        return None
    by_fold = {item.casefold(): item for item in allowed}
    if value.casefold() in by_fold:
        return by_fold[value.casefold()]
    near = difflib.get_close_matches(value.upper(), [a.upper() for a in allowed], n=2,
                                     cutoff=0.6)
    hint = f"did you mean {' or '.join(by_fold[n.casefold()] for n in near)}? " if near else ""
    raise HTTPException(422, f"{name}: {value!r} is not known; {hint}use one of "
                             f"{', '.join(allowed)}")


# An event code: a state or group code, with a sector for a domestic side (SYR-REB).
_CODE = re.compile(r"[A-Z][A-Z0-9]{1,15}(-[A-Z]{3})?")
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,119}")


def checked_actor(name: str, value: str | None) -> str | None:
    """A code (RUS) or KB id (vladimir-putin) as given; a name (Rusland) is refused with
    the code it stands for, so a client learns what to send instead of getting nothing."""
    if value is None:
        return None
    kb = knowledge_base()
    if kb.by_code(value) or kb.get(value) or _CODE.fullmatch(value):
        return value
    hits = kb.lookup(value)
    if hits:
        actor = hits[0][0]
        code = kb.code_of(actor.id)
        instead = f"the code {code} or the KB id {actor.id}" if code else f"the KB id {actor.id}"
        raise HTTPException(422, f"{name}: {value!r} is a name; use {instead}")
    if _ID.fullmatch(value):
        return value  # an actor read from the text only, with an id of its own
    raise HTTPException(422, f"{name}: {value!r} is neither an event code (RUS, SYR-REB) nor "
                             "a KB id (see /api/v1/actors)")


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
    return EventFilter(type=one_of("type", _blank(type), categories()), mode=_blank(mode),
                       status=one_of("status", _blank(status), get_args(EventStatus)),
                       actor=checked_actor("actor", _blank(actor)),
                       recipient=checked_actor("recipient", _blank(recipient)), date_from=start,
                       date_to=end, q=_blank(q),
                       document_ids=(document,) if _blank(document) else None,
                       location=_blank(location))
