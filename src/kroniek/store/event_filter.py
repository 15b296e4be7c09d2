"""The event filter the CLI, the exports, the scorer and the web share, as SQL.

One definition of what ``--actor RUS --since 2020-01-01`` or ``?actor=RUS&date_from=...``
selects. :func:`selection` also chooses how to read it fast: an actor given as an event
code is read from the participants' (code, role, date) index, newest first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

import sqlalchemy as sa

from kroniek.store import schema as t
from kroniek.store import search

e, p, d, s = t.events, t.event_participants, t.documents, t.sentences


@dataclass(frozen=True)
class EventFilter:
    """Which events to read: the CLI (``kroniek events``, exports, the scorer) and the web
    (pages, API, CSV) share it. Every field is optional."""

    type: str | None = None
    mode: str | None = None
    status: str | None = None
    actor: str | None = None  # event code (RUS) or KB id (rus, vladimir-putin)
    recipient: str | None = None
    date_from: dt.date | None = None  # events whose interval ends on or after this day
    date_to: dt.date | None = None  # events whose interval starts on or before this day
    q: str | None = None  # text in the trigger or evidence sentence
    document_ids: tuple[str, ...] | None = None
    location: str | None = None
    include_furniture: bool = False  # pull quotes and fact boxes repeat the article
    limit: int | None = None

    def query_args(self) -> dict[str, str]:
        """The filter as URL parameters, for links that keep it (CSV, pages, facets)."""
        out: dict[str, str] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name in {"include_furniture", "limit"} or value in (None, ""):
                continue
            if field.name == "document_ids":
                out["document"] = value[0]
            else:
                out[field.name] = value.isoformat() if isinstance(value, dt.date) else value
        return out


def _participant(role: str, who: str, f: EventFilter) -> sa.ColumnElement[bool]:
    # Codes are upper case (RUS), KB ids lower case (rus): one parameter serves both.
    match = (p.c.code == who if who == who.upper()
             else sa.or_(p.c.code == who.upper(), p.c.actor_id == who))
    ids = sa.select(p.c.event_id).where(p.c.role == role, match)
    if f.date_to:
        ids = ids.where(p.c.date_start <= f.date_to)
    return e.c.id.in_(ids)


@dataclass
class Selection:
    """The FROM clause, conditions and date column of a filtered event query.

    With an actor (or recipient) given as an event code, the query starts from that
    code's participant rows and orders by their copy of the event date, so SQLite walks
    the (code, role, date_start) index from the newest event and stops at the page's
    end instead of collecting every event of a busy actor first.
    """

    source: sa.FromClause
    where: list[sa.ColumnElement[bool]]
    date: sa.ColumnElement[Any]
    id: sa.ColumnElement[int]
    # Whether "newest first" costs only an index walk. A text search alone matches events
    # all over the date index, so capped counts and facet samples then take any matches.
    dated_walk: bool = True


def selection(f: EventFilter, dialect: str) -> Selection:
    driver = next(((role, who) for role, who in (("actor", f.actor), ("recipient", f.recipient))
                   if who and who == who.upper()), None)
    if driver is None:
        return Selection(e, conditions(f, dialect), e.c.date_start, e.c.id, not f.q)
    role, code = driver
    by, twin = p.alias("by"), p.alias("twin")
    # An event naming the code twice in one role still appears once: its first position.
    first = ~sa.exists().where(twin.c.event_id == by.c.event_id, twin.c.role == role,
                               twin.c.code == code, twin.c.position < by.c.position)
    where = [by.c.role == role, by.c.code == code, first,
             *conditions(dataclasses.replace(f, **{role: None}), dialect)]
    if f.date_to:
        where.append(by.c.date_start <= f.date_to)
    return Selection(by.join(e, e.c.id == by.c.event_id), where, by.c.date_start,
                     by.c.event_id)


def conditions(f: EventFilter, dialect: str) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = []
    if f.type:
        where.append(e.c.type == f.type.upper())
    if f.mode:
        where.append(e.c.mode == f.mode)
    if f.status:
        where.append(e.c.status == f.status.lower())
    if not f.include_furniture:
        where.append(e.c.furniture.is_(False))
    if f.actor:
        where.append(_participant("actor", f.actor, f))
    if f.recipient:
        where.append(_participant("recipient", f.recipient, f))
    if f.date_from:
        where.append(sa.func.coalesce(e.c.date_end, e.c.date_start) >= f.date_from)
    if f.date_to:
        where.append(e.c.date_start <= f.date_to)
    if f.document_ids is not None:
        where.append(e.c.document_id.in_(list(f.document_ids)))
    if f.location:
        where.append(e.c.location == f.location)
    if f.q:
        where.append(_text_condition(f.q, dialect))
    return where


def _text_condition(text: str, dialect: str) -> sa.ColumnElement[bool]:
    indexed = search.matching_events(dialect, text)
    if indexed is not None:
        return e.c.id.in_(indexed)
    pattern = f"%{text.lower()}%"
    sentence_text = (
        sa.select(sa.func.substr(d.c.text, s.c.start + 1, s.c.end - s.c.start))
        .join(s, s.c.document_id == d.c.id)
        .where(d.c.id == e.c.document_id, s.c.sentence_index == e.c.sentence_index)
        .scalar_subquery()
    )
    return sa.or_(sa.func.lower(e.c.trigger).like(pattern),
                  sa.func.lower(sentence_text).like(pattern))
