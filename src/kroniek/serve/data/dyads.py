"""Dyads: what two actors did to each other over time, and the busiest pairs."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.serve.data.codes import score_expression
from kroniek.store import schema as t

e, p = t.events, t.event_participants


def period(granularity: str) -> sa.ColumnElement[str]:
    """Dates as ISO text cut to ``day`` (10 chars) or ``month`` (7), in SQLite and PostgreSQL."""
    return sa.func.substr(sa.cast(e.c.date_start, sa.String), 1, 10 if granularity == "day" else 7)


def _pair(a: str, b: str, directed: bool) -> tuple[Any, Any, sa.ColumnElement[bool]]:
    src, dst = p.alias("src"), p.alias("dst")
    forward = sa.and_(src.c.code == a, dst.c.code == b)
    where = forward if directed else sa.or_(forward, sa.and_(src.c.code == b, dst.c.code == a))
    return src, dst, where


def series(connection: Connection, a: str, b: str, granularity: str = "month",
           directed: bool = False) -> list[dict[str, Any]]:
    """Score and event count per period for the dyad (both directions unless ``directed``)."""
    src, dst, where = _pair(a, b, directed)
    bucket = period(granularity)
    events = (sa.select(e.c.id).distinct()
              .select_from(e.join(src, sa.and_(src.c.event_id == e.c.id, src.c.role == "actor"))
                           .join(dst, sa.and_(dst.c.event_id == e.c.id,
                                              dst.c.role == "recipient")))
              .where(where, e.c.date_start.is_not(None)).subquery())
    query = (sa.select(bucket.label("period"), sa.func.count().label("events"),
                       sa.func.sum(score_expression(e)).label("score"),
                       sa.func.sum(sa.case((score_expression(e) > 0, 1), else_=0))
                       .label("cooperation"),
                       sa.func.sum(sa.case((score_expression(e) < 0, 1), else_=0))
                       .label("conflict"))
             .select_from(e.join(events, events.c.id == e.c.id))
             .group_by(bucket).order_by(bucket))
    return [dict(row._mapping) for row in connection.execute(query)]


def event_ids(connection: Connection, a: str, b: str, directed: bool = False,
              limit: int = 500) -> list[int]:
    src, dst, where = _pair(a, b, directed)
    query = (sa.select(e.c.id, e.c.date_start).distinct()
             .select_from(e.join(src, sa.and_(src.c.event_id == e.c.id, src.c.role == "actor"))
                          .join(dst, sa.and_(dst.c.event_id == e.c.id, dst.c.role == "recipient")))
             .where(where).order_by(e.c.date_start.desc().nulls_last()).limit(limit))
    return [row[0] for row in connection.execute(query)]


def dyad_totals(limit: int) -> sa.Select[Any]:
    """Events and summed score per (actor, recipient) pair, busiest first; callers add
    their own date and type conditions on ``events``."""
    src, dst = p.alias("src"), p.alias("dst")
    return (sa.select(src.c.code.label("actor"), dst.c.code.label("recipient"),
                      sa.func.count().label("events"),
                      sa.func.sum(score_expression(e)).label("score"))
            .select_from(e.join(src, sa.and_(src.c.event_id == e.c.id, src.c.role == "actor"))
                         .join(dst, sa.and_(dst.c.event_id == e.c.id,
                                            dst.c.role == "recipient")))
            .where(src.c.code != dst.c.code)
            .group_by(src.c.code, dst.c.code)
            .order_by(sa.func.count().desc()).limit(limit))


def top_dyads(connection: Connection, since: dt.date | None = None,
              limit: int = 10) -> list[dict[str, Any]]:
    """The busiest (actor, recipient) pairs, optionally only since a date (keeps it fast)."""
    query = dyad_totals(limit)
    if since is not None:
        query = query.where(e.c.date_start >= since)
    return [dict(row._mapping) for row in connection.execute(query)]
