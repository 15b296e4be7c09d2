"""Dutch names of holidays and feasts, and the days they fall on in a given year.

Christian feasts follow Easter (``dateutil.easter``); Dutch national days are fixed days with
their own rules (Koningsdag moves to Saturday when 27 April is a Sunday); the Islamic feasts
come from a table of announced dates (``data/holidays.yaml``), because they depend on the
sighting of the moon, not on arithmetic.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any, cast

from dateutil.easter import easter

from kroniek.datafiles import load_yaml

DATA = Path(__file__).resolve().parent / "data" / "holidays.yaml"

Span = tuple[dt.date, dt.date]


@cache
def _data() -> dict[str, Any]:
    return cast(dict[str, Any], load_yaml(DATA.read_text(encoding="utf-8")))


def holiday_names() -> list[str]:
    return list(_data()["names"])


def _islamic(table: str, year: int) -> list[Span]:
    data = _data()
    feasts: list[dt.date] = data["eid_al_fitr"]
    if table == "eid_al_fitr":
        return [(day, day) for day in feasts if day.year == year]
    spans = []
    for start in data["ramadan_start"]:
        end = next((day for day in feasts if day > start), None)
        if end is not None and start.year <= year <= end.year:
            spans.append((start, end - dt.timedelta(days=1)))
    return spans


def _first_day(rule: dict[str, Any], year: int) -> dt.date | None:
    if "easter" in rule:
        return easter(year) + dt.timedelta(days=int(rule["easter"]))
    if "nth_weekday" in rule:
        month, weekday, nth = rule["nth_weekday"]
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    month, day = rule["fixed"]
    date = dt.date(year, month, day)
    if date.weekday() == 6 and "sunday" in rule:
        date += dt.timedelta(days=int(rule["sunday"]))
    return date


def holiday_spans(name: str, year: int) -> list[Span]:
    """The days the holiday ``name`` covers that begin in ``year`` (Ramadan: that touch it);
    empty when it did not exist then or the table does not reach that year."""
    rule = _data()["names"].get(name.lower())
    if rule is None or not rule.get("from", year) <= year <= rule.get("until", year):
        return []
    if "islamic" in rule:
        return _islamic(rule["islamic"], year)
    start = _first_day(rule, year)
    if start is None:
        return []
    return [(start, start + dt.timedelta(days=int(rule.get("days", 1)) - 1))]
