"""Dyad time series: what two actors did to each other, per day or week, by PLOVER type
and quad, with the summed PLOVER score."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.errors import InputError
from kroniek.graph.common import as_date, connected, period_start
from kroniek.graph.plover import QUADS, quad, score
from kroniek.store.schema import dyad_days


@dataclass
class DyadPeriod:
    start: dt.date
    direction: str  # "A->B", "B->A" or "A<->B" (reciprocal)
    counts: dict[str, int] = field(default_factory=dict)  # PLOVER type -> events
    quads: dict[str, int] = field(default_factory=dict)  # quad name -> events
    score: float = 0.0
    events: int = 0


@dataclass
class Dyad:
    a: str
    b: str
    since: dt.date | None
    until: dt.date | None
    by: str
    periods: list[DyadPeriod]

    @property
    def total_score(self) -> float:
        return sum(p.score for p in self.periods)

    @property
    def total_events(self) -> int:
        return sum(p.events for p in self.periods)

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a, "b": self.b, "by": self.by,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            "events": self.total_events, "score": self.total_score,
            "periods": [
                {**asdict(p), "start": p.start.isoformat()} for p in self.periods
            ],
        }


# Directions as the dyad_days table stores them from ``a``'s end.
DIRECTIONS = {"actor": "A->B", "recipient": "B->A", "mutual": "A<->B"}


def category_score(type_column: sa.ColumnElement[str]) -> sa.ColumnElement[float]:
    """SQL for a PLOVER category's base score, for events stored without their own."""
    return sa.case({kind: score(kind) for kind in QUADS}, value=type_column, else_=0.0)


def default_score_sum(table: sa.Table) -> sa.ColumnElement[float]:
    """Summed score of aggregate rows, counting events stored without a score with their
    category's default score."""
    return sa.func.sum(table.c.score
                       + (table.c.events - table.c.scored) * category_score(table.c.type))


def dyad(
    bind: Engine | Connection, a: str, b: str, since: dt.date | None = None,
    until: dt.date | None = None, by: str = "day",
) -> Dyad:
    """Counts per PLOVER type and quad and summed score for events between ``a`` and ``b``
    (event codes), both directions and reciprocal, per ``by`` (day|week|month) period.

    Reads the daily totals in ``dyad_days`` (one range of the primary key) and groups them
    into periods in the database.
    """
    if by not in ("day", "week", "month"):
        raise InputError(f"--by must be day, week or month, not {by!r}")
    a, b = a.upper(), b.upper()
    d = dyad_days
    periods: dict[tuple[dt.date, str], DyadPeriod] = {}
    with connected(bind) as connection:
        start = period_start(d.c.day, by, connection.dialect.name).label("start")
        query = (
            sa.select(d.c.direction, start, d.c.type, sa.func.sum(d.c.events),
                      default_score_sum(d))
            .where(d.c.code == a, d.c.other == b)
            .group_by(d.c.direction, start, d.c.type)
        )
        if since:
            query = query.where(d.c.day >= since)
        if until:
            query = query.where(d.c.day <= until)
        for stored_direction, first, kind, n, total in connection.execute(query):
            direction = DIRECTIONS[stored_direction]
            day = as_date(first)
            period = periods.setdefault((day, direction), DyadPeriod(day, direction))
            period.counts[kind] = period.counts.get(kind, 0) + n
            name = quad(kind)[1]
            period.quads[name] = period.quads.get(name, 0) + n
            period.score += float(total or 0.0)
            period.events += n
    ordered = sorted(periods.values(), key=lambda p: (p.start, p.direction))
    return Dyad(a, b, since, until, by, ordered)


def counterparts(bind: Engine | Connection, code: str, since: dt.date | None = None,
                 until: dt.date | None = None) -> list[dict[str, Any]]:
    """Everyone ``code`` acted on or was acted on by in the window: events and summed
    score per counterpart, most events first."""
    d = dyad_days
    query = (
        sa.select(d.c.other.label("code"), sa.func.sum(d.c.events).label("events"),
                  default_score_sum(d).label("score"))
        .where(d.c.code == code, d.c.direction.in_(("actor", "recipient")))
        .group_by(d.c.other).order_by(sa.func.sum(d.c.events).desc())
    )
    if since:
        query = query.where(d.c.day >= since)
    if until:
        query = query.where(d.c.day <= until)
    with connected(bind) as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def busiest_pairs(bind: Engine | Connection, since: dt.date | None = None,
                  until: dt.date | None = None, event_type: str | None = None,
                  limit: int = 20) -> list[dict[str, Any]]:
    """(actor, recipient) pairs with the most events in the window, with summed score."""
    d = dyad_days
    query = (
        sa.select(d.c.code.label("actor"), d.c.other.label("recipient"),
                  sa.func.sum(d.c.events).label("events"), default_score_sum(d).label("score"))
        .where(d.c.direction == "actor", d.c.code != d.c.other)
        .group_by(d.c.code, d.c.other).order_by(sa.func.sum(d.c.events).desc()).limit(limit)
    )
    if since:
        query = query.where(d.c.day >= since)
    if until:
        query = query.where(d.c.day <= until)
    if event_type:
        query = query.where(d.c.type == event_type.upper())
    with connected(bind) as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def quad_names() -> list[str]:
    return list(dict.fromkeys(name for _, name in sorted(QUADS.values())))


def type_totals(result: Dyad) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for period in result.periods:
        for kind, n in period.counts.items():
            totals[kind] += n
    return dict(totals)
