"""Publication dates as intervals with a precision."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateutil import parser as dateutil_parser

from kroniek.model import DateInterval

_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
# dateutil reads "-2020-01-01" as 2020-01-01 and "13" as the 13th of this month: a date
# must start with a digit or a letter and name a four-digit year.
_READABLE = re.compile(r"^(?=[0-9A-Za-z]).*?(?<!\d)\d{4}(?!\d)")
# Publication dates outside these years are typing errors (9999-12-31, 0001-01-01); they
# are refused rather than handed on as the reference date of the article's time expressions.
EARLIEST_YEAR, LATEST_YEAR = 1800, 2200


def interval_from_iso(value: str) -> DateInterval:
    """``2020``, ``2020-10`` or ``2020-10-09`` (or any full date dateutil reads) as an interval.

    Raises ValueError with a readable message for anything else.
    """
    value = value.strip()
    match = _ISO_PARTIAL.match(value)
    if match:
        year = int(match.group(1))
        if match.group(2) is None:
            return DateInterval(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"month {month} out of range in date {value!r}")
        if match.group(3) is None:
            last = calendar.monthrange(year, month)[1]
            return DateInterval(dt.date(year, month, 1), dt.date(year, month, last), "month")
        day = dt.date(year, month, int(match.group(3)))
        return DateInterval(day, day, "day")
    if not _READABLE.match(value):
        raise ValueError(f"not a date: {value!r}")
    try:
        parsed = dateutil_parser.isoparse(value)
    except ValueError:
        try:
            parsed = dateutil_parser.parse(value, dayfirst=True)
        except (ValueError, OverflowError) as error:
            raise ValueError(f"not a date: {value!r}") from error
    return DateInterval(parsed.date(), parsed.date(), "day")


def publication_interval(value: str) -> DateInterval:
    """A publication date as :func:`interval_from_iso` reads it, within the plausible years."""
    interval = interval_from_iso(value)
    if not EARLIEST_YEAR <= interval.start.year <= LATEST_YEAR:
        raise ValueError(f"publication date {value.strip()!r} is outside the years "
                         f"{EARLIEST_YEAR}-{LATEST_YEAR}")
    return interval


_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(\d{2})(?:-(\d{2}))?(?!\d)")


def interval_from_filename(name: str) -> DateInterval | None:
    """A date embedded in a file name such as ``nos-2020-10-karabach.txt``."""
    match = _FILENAME_DATE.search(name)
    if not match:
        return None
    try:
        return interval_from_iso("-".join(part for part in match.groups() if part))
    except ValueError:
        return None
