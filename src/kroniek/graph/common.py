"""Small helpers the graph modules share: actor references and date buckets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.errors import InputError
from kroniek.kb import Actor, KnowledgeBase


def resolve(kb: KnowledgeBase, reference: str) -> Actor:
    """An actor from a code (RUS), a KB id (rus) or a name (Rusland, Nagorno-Karabakh)."""
    reference = reference.strip()
    actor = kb.by_code(reference) or kb.get(reference) or kb.get(reference.lower())
    if actor is None:
        hits = kb.lookup(reference)
        actor = hits[0][0] if hits else None
    if actor is None:
        close = [a.code or a.id for a, _ in kb.suggest(reference, limit=3)]
        hint = f" (did you mean {', '.join(close)}?)" if close else ""
        raise InputError(f"unknown actor {reference!r}{hint}")
    return actor


def ident(kb: KnowledgeBase, actor: Actor) -> str:
    """How events and relations refer to an actor: its event code, else its KB id."""
    return kb.code_of(actor.id) or actor.id


def bucket(day: dt.date, by: str) -> dt.date:
    """The first day of the period ``day`` falls in: itself, its ISO week's Monday, its month."""
    if by == "week":
        return day - dt.timedelta(days=day.weekday())
    if by == "month":
        return day.replace(day=1)
    return day


def period_start(day: Any, by: str, dialect: str) -> sa.ColumnElement[Any]:
    """SQL for :func:`bucket`, so grouping by week or month happens in the database.

    SQLite's ``date(d, '-6 days', 'weekday 1')`` is the Monday on or before ``d``; in
    PostgreSQL ``date_trunc`` does the same for ISO weeks and months.
    """
    if by == "day":
        return day  # type: ignore[no-any-return]
    if dialect == "postgresql":
        return sa.cast(sa.func.date_trunc(by, day), sa.Date)
    if by == "week":
        return sa.func.date(day, "-6 days", "weekday 1")
    return sa.func.date(day, "start of month")


def as_date(value: str | dt.date) -> dt.date:
    """A period start as the database returns it (SQLite gives text for computed dates)."""
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value[:10])


@contextmanager
def connected(bind: Engine | Connection) -> Iterator[Connection]:
    """A connection from an engine (closed afterwards), or the caller's own connection."""
    if isinstance(bind, Connection):
        yield bind
    else:
        with bind.connect() as connection:
            yield connection


def parse_day(value: str | dt.date | None, what: str = "date") -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date (YYYY-MM-DD)") from None
