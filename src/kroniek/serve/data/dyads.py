"""Dyads: what two actors did to each other over time, and the busiest pairs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek import graph
from kroniek.store import schema as t

p = t.event_participants


def series(connection: Connection, a: str, b: str, granularity: str = "month",
           directed: bool = False) -> list[dict[str, Any]]:
    """Score and event count per period for the dyad: both directions and reciprocal
    events, or only what ``a`` did to ``b`` when ``directed``."""
    result = graph.dyad(connection, a, b, by=granularity)
    cut = 10 if granularity == "day" else 7
    periods: dict[str, dict[str, Any]] = {}
    for part in result.periods:
        if directed and part.direction != "A->B":
            continue
        key = part.start.isoformat()[:cut]
        row = periods.setdefault(key, {"period": key, "events": 0, "score": 0.0, "quads": {}})
        row["events"] += part.events
        row["score"] += part.score
        for quad, count in part.quads.items():
            row["quads"][quad] = row["quads"].get(quad, 0) + count
    return [periods[key] for key in sorted(periods)]


def event_ids(connection: Connection, a: str, b: str, directed: bool = False,
              limit: int = 500) -> list[int]:
    """The newest events from ``a`` to ``b`` (and from ``b`` to ``a`` unless ``directed``).

    One query per direction, each walking the participants' (code, role, date) index
    backwards from the newest event, so only about ``limit`` matches are read.
    """
    found: dict[int, dt.date | None] = {}
    for source, target in [(a, b)] if directed else [(a, b), (b, a)]:
        src, dst = p.alias("src"), p.alias("dst")
        query = (sa.select(src.c.event_id, src.c.date_start)
                 .join(dst, sa.and_(dst.c.event_id == src.c.event_id,
                                    dst.c.role == "recipient", dst.c.code == target))
                 .where(src.c.code == source, src.c.role == "actor")
                 .order_by(src.c.date_start.desc(), src.c.event_id.desc()).limit(limit))
        found.update((event_id, day) for event_id, day in connection.execute(query))
    newest = sorted(found.items(), key=lambda item: (item[1] or dt.date.min, item[0]),
                    reverse=True)
    return [event_id for event_id, _ in newest[:limit]]


def top_dyads(connection: Connection, since: dt.date | None = None,
              limit: int = 10) -> list[dict[str, Any]]:
    """The busiest (actor, recipient) pairs, optionally only since a date."""
    return graph.busiest_pairs(connection, since=since, limit=limit)
