"""Calendar arithmetic for time expressions: the days of a month, week, quarter or season, a
step of N units, and which yearly occurrence of something a clause means."""

from __future__ import annotations

import calendar
import datetime as dt
import math
from collections.abc import Callable

from dateutil.relativedelta import relativedelta

Span = tuple[dt.date, dt.date]
Occurrences = Callable[[int], list[Span]]  # the spans of something recurring, per year


def month_span(year: int, month: int, days: tuple[int, int] = (1, 31)) -> Span:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(days[0], last)), dt.date(year, month, min(days[1], last))


def months_span(year: int, first: int, last: int) -> Span:
    """From the first day of month ``first`` to the end of month ``last`` (in the next year
    when ``last`` comes before ``first``, as for winter)."""
    end_year = year + 1 if last < first else year
    return dt.date(year, first, 1), month_span(end_year, last)[1]


def week_span(day: dt.date, weeks: int) -> Span:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6)


def unit_delta(unit: str, amount: float) -> relativedelta:
    if unit == "hour":  # dates only: "binnen 48 uur" reaches two days on
        return relativedelta(days=math.ceil(amount / 24))
    whole = round(amount)
    if unit == "day":
        return relativedelta(days=whole)
    if unit == "week":
        return relativedelta(weeks=whole)
    if unit == "month":
        return relativedelta(months=whole)
    return relativedelta(years=whole)


def around(day: dt.date, unit: str) -> Span:
    """The interval a reader means by a day reached by counting units ("twee weken geleden",
    "over drie maanden"): the day itself, a week's count give or take three days, the calendar
    month or year."""
    if unit in ("day", "hour"):
        return day, day
    if unit == "week":
        return day - dt.timedelta(days=3), day + dt.timedelta(days=3)
    if unit == "month":
        return month_span(day.year, day.month)
    return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


def quarter_span(year: int, quarter: int) -> Span:
    return months_span(year, 3 * quarter - 2, 3 * quarter)


def half_span(year: int, half: int) -> Span:
    return months_span(year, 6 * half - 5, 6 * half)


def occurrences(each_year: Occurrences, anchor: dt.date) -> list[Span]:
    spans: list[Span] = []
    for year in range(anchor.year - 2, anchor.year + 3):
        try:
            spans.extend(each_year(year))
        except ValueError:  # 29 February, 31 April: not in that year
            continue
    return spans


def pick(each_year: Occurrences, anchor: dt.date, tense: str,
         direction: int | None = None) -> Span | None:
    """The occurrence a clause means. ``direction`` -1 (*vorige*, *afgelopen*): the last one
    that ended before the anchor; 1 (*komende*, *volgende*): the first that begins after it;
    0 (*deze*): the one around the anchor if any. Otherwise the nearest that fits the tense
    (past: not after the anchor; future and present: not before it, as news in the present
    tense with a date announces: "met Kerst moet het akkoord er liggen")."""
    spans = occurrences(each_year, anchor)
    if direction == -1:
        return max((s for s in spans if s[1] < anchor), default=None, key=lambda s: s[1])
    if direction == 1:
        return min((s for s in spans if s[0] > anchor), default=None)
    if direction == 0:
        inside = [s for s in spans if s[0] <= anchor <= s[1]]
        if inside:
            return inside[0]
    options = []
    for span in spans:
        wrong = (tense == "past" and span[0] > anchor) or \
            (tense in ("future", "present") and span[1] < anchor)
        distance = 0 if span[0] <= anchor <= span[1] else \
            min(abs((span[0] - anchor).days), abs((span[1] - anchor).days))
        options.append((int(wrong), distance, span))
    return min(options)[2] if options else None
