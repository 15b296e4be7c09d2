"""Dates and intervals as written in the KB files."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


class DateError(ValueError):
    """A date or interval in a KB file that cannot be read."""


def parse_date(value: object) -> dt.date | None:
    """Read ``2020-10-08`` (a YAML date or a string); ``None``/empty stays ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError as exc:
            raise DateError(f"bad date {value!r} (want YYYY-MM-DD)") from exc
    raise DateError(f"bad date {value!r} (want YYYY-MM-DD)")


@dataclass(frozen=True, slots=True)
class Span:
    """An inclusive validity interval; open ends are ``None``."""

    start: dt.date | None = None
    end: dt.date | None = None

    def contains(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def label(self) -> str:
        start = self.start.isoformat() if self.start else ""
        end = self.end.isoformat() if self.end else ""
        return f"{start}..{end}" if (start or end) else "always"


def parse_ref(value: object) -> tuple[str, Span, str | None]:
    """Read a dated reference to another actor.

    Either a mapping ``{id, start, end, note}`` or the compact string
    ``"id"`` / ``"id:START..END"`` (either end may be empty).
    """
    if isinstance(value, dict):
        ref = value.get("id")
        if not isinstance(ref, str) or not ref:
            raise DateError(f"reference {value!r} lacks an id")
        span = Span(parse_date(value.get("start")), parse_date(value.get("end")))
        note = value.get("note")
        return ref, _check(span), str(note) if note else None
    if not isinstance(value, str) or not value.strip():
        raise DateError(f"bad reference {value!r} (want 'id' or 'id:START..END')")
    ref, _, interval = value.strip().partition(":")
    if not interval:
        return ref, Span(), None
    if ".." not in interval:
        raise DateError(f"bad interval in {value!r} (want START..END)")
    start, _, end = interval.partition("..")
    return ref, _check(Span(parse_date(start), parse_date(end))), None


def _check(span: Span) -> Span:
    if span.start and span.end and span.end < span.start:
        raise DateError(f"interval ends before it starts: {span.label()}")
    return span
