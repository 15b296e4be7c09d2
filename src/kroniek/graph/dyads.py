"""Dyad time series: what two actors did to each other, per day or week, by PLOVER type
and quad, with the summed PLOVER score."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kroniek.errors import InputError
from kroniek.graph.common import bucket
from kroniek.graph.plover import QUADS, quad, score
from kroniek.store import schema as t


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


def _directed(source: str, target: str, since: dt.date | None,
              until: dt.date | None, reciprocal: bool) -> sa.Select[Any]:
    """Events with ``source`` among the actors and ``target`` among the recipients (or, for
    reciprocal events, among the actors too), grouped by day and type."""
    pa = t.event_participants.alias("pa")
    pb = t.event_participants.alias("pb")
    role_b = "actor" if reciprocal else "recipient"
    # The participants table carries the event's date, type and score (schema version 3),
    # so this is a range scan on (code, role, date_start) without touching events.
    query = (
        sa.select(pa.c.date_start, pa.c.type, sa.func.count().label("n"),
                  sa.func.sum(pa.c.plover_score).label("score"),
                  sa.func.count(pa.c.plover_score).label("scored"))
        .select_from(pa)
        .join(pb, sa.and_(pb.c.event_id == pa.c.event_id, pb.c.role == role_b,
                          pb.c.code == target))
        .where(pa.c.role == "actor", pa.c.code == source, pa.c.date_start.is_not(None))
        .group_by(pa.c.date_start, pa.c.type)
    )
    query = query.where(pa.c.reciprocal.is_(True)) if reciprocal else query
    if since:
        query = query.where(pa.c.date_start >= since)
    if until:
        query = query.where(pa.c.date_start <= until)
    return query


def dyad(
    engine: Engine, a: str, b: str, since: dt.date | None = None, until: dt.date | None = None,
    by: str = "day",
) -> Dyad:
    """Counts per PLOVER type and quad and summed score for events between ``a`` and ``b``
    (event codes), both directions and reciprocal, per ``by`` (day|week|month) period."""
    if by not in ("day", "week", "month"):
        raise InputError(f"--by must be day, week or month, not {by!r}")
    a, b = a.upper(), b.upper()
    periods: dict[tuple[dt.date, str], DyadPeriod] = {}
    with engine.connect() as connection:
        for direction, (src, dst, reciprocal) in {
            "A->B": (a, b, False), "B->A": (b, a, False), "A<->B": (a, b, True),
        }.items():
            for day, kind, n, total, scored in connection.execute(
                _directed(src, dst, since, until, reciprocal)
            ):
                period = periods.setdefault(
                    (bucket(day, by), direction), DyadPeriod(bucket(day, by), direction)
                )
                period.counts[kind] = period.counts.get(kind, 0) + n
                name = quad(kind)[1]
                period.quads[name] = period.quads.get(name, 0) + n
                # Events stored without a score count with their category's default.
                period.score += float(total or 0.0) + (n - scored) * score(kind)
                period.events += n
    ordered = sorted(periods.values(), key=lambda p: (p.start, p.direction))
    return Dyad(a, b, since, until, by, ordered)


def quad_names() -> list[str]:
    return list(dict.fromkeys(name for _, name in sorted(QUADS.values())))


def type_totals(result: Dyad) -> dict[str, int]:
    totals: dict[str, int] = defaultdict(int)
    for period in result.periods:
        for kind, n in period.counts.items():
            totals[kind] += n
    return dict(totals)
