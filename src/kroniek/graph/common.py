"""Small helpers the graph modules share: actor references and date buckets."""

from __future__ import annotations

import datetime as dt

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
        close = [a.code or a.id for a, _ in kb.fuzzy(reference, limit=3)]
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


def parse_day(value: str | dt.date | None, what: str = "date") -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what} {value!r} is not a date (YYYY-MM-DD)") from None
