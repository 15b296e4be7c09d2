"""Filter values as users give them (``--type ASSALT``, ``status="maybe"``, ``"Rusland"``),
checked once and turned into the store's :class:`~kroniek.store.event_filter.EventFilter`.

The command line (``kroniek events``, ``export``, ``dyad``, ``actor``) and the Python API
(:mod:`kroniek.python_api`) read their filters here, so a value means the same thing, and
a bad one gets the same one-line error naming the nearest valid values, in both. The web
API keeps its own checks in ``serve/routes/params.py`` because it answers 422 with
FastAPI's error shape, but it uses the same lists of allowed values.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Collection
from typing import get_args

from kroniek.errors import BadValue
from kroniek.export.names import knowledge_base
from kroniek.graph.common import ident
from kroniek.ingest.pubdate import interval_from_iso
from kroniek.model import EventStatus
from kroniek.plover import categories, modes
from kroniek.store.event_filter import EventFilter

STATUSES: tuple[str, ...] = get_args(EventStatus)

# How a parameter is named in an error: ``--type`` on the command line, ``type`` in Python.
Spell = Callable[[str], str]


def option(name: str) -> str:
    return f"--{name}"


def keyword(name: str) -> str:
    return name


def _nearest(value: str, allowed: Collection[str]) -> str:
    near = difflib.get_close_matches(value.upper(), [a.upper() for a in allowed], n=2,
                                     cutoff=0.6)
    by_upper = {a.upper(): a for a in allowed}
    return f"did you mean {' or '.join(by_upper[n] for n in near)}? " if near else ""


def plover_type(value: str, spell: Spell = option) -> str:
    known = categories()
    if value.upper() in known:
        return value.upper()
    raise BadValue(f"{spell('type')} {value!r} is not a PLOVER type: "
                   f"{_nearest(value, known)}use one of {', '.join(known)}")


def status(value: str, spell: Spell = option) -> str:
    if value.lower() in STATUSES:
        return value.lower()
    raise BadValue(f"{spell('status')} {value!r}: {_nearest(value, STATUSES)}"
                   f"use one of {', '.join(STATUSES)}")


def mode(value: str, event_type: str | None, also: Collection[str] = (),
         spell: Spell = option) -> str:
    """A PLOVER mode (of ``event_type`` when given), or one found in the data (``also``)."""
    known = sorted(set(modes(event_type)) | set(also))
    if value.lower() in known:
        return value.lower()
    of = f" of {event_type}" if event_type else ""
    raise BadValue(f"{spell('mode')} {value!r} is not a mode{of}: {_nearest(value, known)}"
                   f"use one of {', '.join(known) or '(none)'}")


def actor(value: str | None, spell: Spell = option, name: str = "actor") -> str | None:
    """A code or KB id as given, or the actor a name stands for (``Rusland`` -> ``RUS``)."""
    if not value:
        return None
    kb = knowledge_base()
    if kb.by_code(value) or kb.get(value):
        return value
    hits = kb.lookup(value)
    if not hits:
        raise BadValue(f"{spell(name)} {value!r}: no actor has that code, id or name "
                       "(see `kroniek kb search`)")
    return ident(kb, hits[0][0])


def date_range(since: str | dt.date | None, until: str | dt.date | None,
               spell: Spell = option) -> tuple[dt.date | None, dt.date | None]:
    """``since``/``until`` as days: a year or month reaches from its first day (since) or
    to its last (until); a ``datetime.date`` is that day."""

    def day(value: str | dt.date | None, name: str, end: bool) -> dt.date | None:
        if value is None or value == "":
            return None
        if isinstance(value, dt.date):
            return value.date() if isinstance(value, dt.datetime) else value
        try:
            interval = interval_from_iso(str(value))
        except ValueError as error:
            raise BadValue(f"{spell(name)}: {error}") from None
        return interval.end if end else interval.start

    since_day, until_day = day(since, "since", False), day(until, "until", True)
    if since_day and until_day and since_day > until_day:
        raise BadValue(f"{spell('since')} {since} is after {spell('until')} {until}")
    return since_day, until_day


def event_filter(*, actor_: str | None = None, recipient: str | None = None,
                 type_: str | None = None, mode_: str | None = None,
                 status_: str | None = None, since: str | dt.date | None = None,
                 until: str | dt.date | None = None, place: str | None = None,
                 text: str | None = None, limit: int | None = None,
                 known_modes: Collection[str] = (), spell: Spell = option) -> EventFilter:
    """Every filter value checked; the first bad one raises :class:`BadValue`."""
    event_type = plover_type(type_, spell) if type_ else None
    since_day, until_day = date_range(since, until, spell)
    if limit is not None and limit < 1:
        raise BadValue(f"{spell('limit')} must be at least 1")
    return EventFilter(
        actor=actor(actor_, spell, "actor"), recipient=actor(recipient, spell, "recipient"),
        type=event_type,
        mode=mode(mode_, event_type, known_modes, spell) if mode_ else None,
        status=status(status_, spell) if status_ else None,
        date_from=since_day, date_to=until_day, location=place or None, q=text or None,
        limit=limit)
