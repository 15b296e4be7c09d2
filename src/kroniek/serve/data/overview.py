"""The overview page: counts, recent events and a per-day timeline by quad."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.plover import UNREAL_STATUSES
from kroniek.serve.data.codes import QUADS, quad_of
from kroniek.store import schema as t

e = t.events


def counts(connection: Connection) -> dict[str, int]:
    tables = {"documents": t.documents, "events": t.events, "actors": t.actors,
              "mentions": t.mentions, "relations": t.relations, "quotes": t.quotes,
              "figures": t.figures}
    return {name: int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar()
                      or 0) for name, table in tables.items()}


def latest_date(connection: Connection) -> dt.date | None:
    value = connection.execute(sa.select(sa.func.max(e.c.date_start))).scalar()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value  # type: ignore[no-any-return]


def timeline(connection: Connection, days: int = 90) -> dict[str, Any]:
    """Events per day and quad over the ``days`` before the newest event date."""
    last = latest_date(connection)
    if last is None:
        return {"start": None, "end": None, "days": []}
    first = last - dt.timedelta(days=days - 1)
    # Grouped on the column itself so the (date_start, type) index answers it. Only what
    # happened is counted (kroniek.plover.counted): no negated or hypothetical events, no
    # page furniture repeating the article.
    rows = connection.execute(
        sa.select(e.c.date_start, e.c.type, sa.func.count())
        .where(e.c.date_start >= first, e.c.date_start <= last,
               e.c.status.not_in(sorted(UNREAL_STATUSES)),
               sa.func.coalesce(e.c.furniture, False).is_(False))
        .group_by(e.c.date_start, e.c.type))
    per_day: dict[str, dict[str, int]] = {}
    for day, event_type, count in rows:
        quads = per_day.setdefault(day.isoformat(), dict.fromkeys(QUADS, 0))
        quads[quad_of(event_type)] += count
    out = []
    for offset in range(days):
        day = (first + dt.timedelta(days=offset)).isoformat()
        out.append({"day": day, **per_day.get(day, dict.fromkeys(QUADS, 0))})
    return {"start": first.isoformat(), "end": last.isoformat(), "days": out}
