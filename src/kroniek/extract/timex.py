"""Dutch temporal expressions normalised against the publication date, and the publication date
itself narrowed from evidence in the text.

Why not ``dateparser``: it reads absolute Dutch dates well, but it resolves relative expressions
("vrijdag", "de afgelopen 13 dagen", "eind vorige maand") against a single *day*, while
kroniek's anchor is often known only to the month, and the direction of a weekday depends on
the tense of its clause ("donderdag had ... gewaarschuwd" is the last Thursday, "reizen
vrijdag af" the next Friday), which needs Frog's analysis. So every expression here is a
function of a candidate publication day; resolving it against an interval anchor is the union
over the anchor's days, and refining the anchor is keeping the days on which all the text's
evidence fits. Date arithmetic is ``dateutil.relativedelta``; the vocabulary is
``data/timex.yaml``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from dateutil.relativedelta import relativedelta

from kroniek.datafiles import load_yaml
from kroniek.extract.calendar_spans import (
    Occurrences,
    around,
    half_span,
    month_span,
    months_span,
    pick,
    quarter_span,
    unit_delta,
    week_span,
)
from kroniek.extract.clauses import clause_ids
from kroniek.extract.clauses import finite as _finite
from kroniek.extract.figures import parse_number
from kroniek.extract.holidays import holiday_names, holiday_spans
from kroniek.model import DateInterval, DatePrecision, Document, Sentence, Token

DATA = Path(__file__).resolve().parent / "data" / "timex.yaml"

Span = tuple[dt.date, dt.date]
Resolver = Callable[[dt.date], Span | None]


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str
    sentence: int
    interval: DateInterval
    kind: str  # weekday|relative_day|relative_week|relative_month|relative_year|since|date|month
    #            |year|span|ago
    inferred: bool  # the interval depends on the publication date, not on the text alone


@cache
def _data() -> dict[str, Any]:
    return cast(dict[str, Any], load_yaml(DATA.read_text(encoding="utf-8")))


# --- tense (also used by kroniek.extract.status) ---------------------------------------

def token_at(document: Document, offset: int) -> Token | None:
    return document.token_at(offset)


def clause_tense(document: Document, sentence: int, offset: int) -> str:
    """``past``, ``future``, ``present`` or ``unknown`` for the clause around a character offset.

    Past: a past-tense finite verb, or *hebben/zijn* + participle (perfect). Future: *zullen*,
    *gaan* + infinitive, or *zou* + infinitive (a plan told in the past). Present otherwise.
    """
    token = token_at(document, offset)
    if token is None or token.sentence != sentence:
        return "unknown"
    ids, _ = clause_ids(document, sentence)
    tokens = document.sentence_tokens(sentence)
    clause = ids[token.index - tokens[0].index]
    members = [t for t, c in zip(tokens, ids, strict=True) if c == clause]
    finite = [t for t in members if _finite(t)]
    participle = any(t.pos == "WW" and t.features.startswith("vd") for t in members)
    infinitive = any(t.pos == "WW" and t.features.startswith("inf") for t in members)
    if not finite:
        return "past" if participle else "unknown"
    verb = finite[0]
    lemma = verb.lemma.lower()
    if "verl" in verb.features:
        if lemma == "zullen" and not participle:
            return "future"
        return "past"
    if lemma in _data()["future_auxiliaries"] and (lemma == "zullen" or infinitive):
        return "future"
    if lemma in _data()["perfect_auxiliaries"] and participle:
        return "past"
    return "present"


# --- date helpers -------------------------------------------------------------------------

def _precision(span: Span) -> DatePrecision:
    start, end = span
    if start == end:
        return "day"
    if start.day == 1 and start.year == end.year and start.month == end.month and \
            end.day == calendar.monthrange(end.year, end.month)[1]:
        return "month"
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return "year"
    return "unknown"  # an arbitrary interval: DateInterval.iso() prints start/end


def _one_day(year: int, month: int, day: int, weekday: int | None = None) -> list[Span]:
    date = dt.date(year, month, day)
    return [(date, date)] if weekday is None or date.weekday() == weekday else []


def _nearest_year(day: int, month: int, anchor: dt.date, tense: str,
                  parts: tuple[int, int] | None = None, weekday: int | None = None
                  ) -> Span | None:
    """A day or month written without a year: the occurrence nearest the anchor that fits the
    tense (past and since: not after the anchor; future: not before it). A weekday written with
    the day ("zaterdag 13 maart") picks the year in which the day is that weekday."""
    if parts:
        return pick(lambda y: [month_span(y, month, parts)], anchor, tense)
    if weekday is not None:
        fitting = pick(lambda y: _one_day(y, month, day, weekday), anchor, tense)
        if fitting is not None:
            return fitting
    return pick(lambda y: _one_day(y, month, day), anchor, tense)


def _weekday_span(p: dt.date, weekday: int, tense: str, direction: int | None) -> Span:
    """A weekday against publication day ``p``: the day itself when it is that weekday and no
    modifier says otherwise; else the last one before it for past clauses and *vorige*/
    *afgelopen*, the next one for present and future clauses and *komende*/*volgende*."""
    if direction is None and p.weekday() == weekday:
        return (p, p)
    last = p - dt.timedelta(days=(p.weekday() - weekday) % 7 or 7)
    following = p + dt.timedelta(days=(weekday - p.weekday()) % 7 or 7)
    if direction == -1 or (direction is None and tense == "past"):
        return (last, last)
    if direction == 1 or tense in ("future", "present"):
        return (following, following)
    return (last, following)


# --- patterns ----------------------------------------------------------------------------

@dataclass
class _Raw:
    start: int
    end: int
    sentence: int
    kind: str
    resolve: Resolver
    relative: bool  # depends on the publication date
    tense: str
    weekday: int | None = None  # for the weekday constraint in refinement
    bare_weekday: bool = False
    since_day: dt.date | None = None  # "sinds 27 september" resolved (for durations)
    span_days: tuple[str, float] | None = None  # "de afgelopen 13 dagen"


def _alt(words: list[str] | dict[str, Any]) -> str:
    return "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words), key=len,
                           reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()
    full_months = [m for m in data["months"] if len(m) > 3 and m != "sept"] + ["mei"]
    month = _alt(data["months"])
    full = _alt(full_months)
    weekday = _alt(data["weekdays"])
    abbreviation = _alt(data["weekday_abbreviations"])
    parts = _alt(data["day_parts"])
    mpart = _alt(data["month_parts"])
    ypart = _alt(data["year_parts"])
    units = _alt(data["units"])
    modifier = _alt(data["relative_modifiers"])
    season = _alt(data["seasons"])
    separator = _alt(data["range_separators"])
    number = r"\d+|[a-zëé]+"
    year = r"\d{4}"
    flags = re.IGNORECASE
    # the dot of "3 okt." belongs to the date, the one after "3 oktober." ends the sentence
    dot = r"(?:(?<=sept)\.|(?<=jan|feb|mrt|apr|aug|sep|okt|nov|dec)\.)?"
    day = r"\d{1,2}(?:e|ste|de)?"
    return {
        "since_date": re.compile(rf"\bsinds\s+(?P<day>\d{{1,2}})\s+(?P<month>{month})"
                                 rf"{dot}(?:\s+(?P<year>{year}))?\b", flags),
        "since_month": re.compile(rf"\bsinds\s+(?:(?P<part>{mpart})\s+)?(?P<month>"
                                  rf"{full})(?:\s+(?P<year>{year}))?\b", flags),
        "since_year": re.compile(rf"\bsinds\s+(?:(?P<part>begin|eind|medio)\s+)?"
                                 rf"(?P<year>{year})\b", flags),
        "holiday": re.compile(rf"\b(?:(?P<mod>{modifier})\s+)?(?P<name>"
                              rf"{_alt(holiday_names())})\b(?:\s+(?:van\s+)?(?P<year>{year})\b)?",
                              flags),
        "day_range": re.compile(rf"(?<![\d/.-])\b(?P<d1>{day})(?:\s+(?P<m1>{month}){dot})?\s*"
                                rf"(?:{separator})\s*(?P<d2>{day})\s+(?P<m2>{month})\b{dot}"
                                rf"(?:\s+(?P<year>{year})\b)?", flags),
        "month_range": re.compile(rf"\b(?:van|tussen)\s+(?P<m1>{full})\s+(?:{separator})\s+"
                                  rf"(?P<m2>{full})\b(?:\s+(?P<year>{year})\b)?", flags),
        "year_range": re.compile(rf"\b(?:(?:van|tussen)\s+(?P<y1>{year})\s+(?:{separator})\s+"
                                 rf"|(?P<y1b>(?:19|20)\d{{2}})\s*[-–]\s*)(?P<y2>{year})\b", flags),
        "weekday_range": re.compile(rf"\b(?P<w1>{weekday})\s+(?:tot\s+en\s+met|t/m|tot)\s+"
                                    rf"(?P<w2>{weekday})\b", flags),
        "numeric_date": re.compile(r"(?<![\d/.,-])(?P<day>\d{1,2})(?P<sep>[-/.])(?P<month>"
                                   r"\d{1,2})(?P=sep)(?P<year>\d{4})(?![\d/-])", flags),
        "iso_date": re.compile(r"(?<![\d/.,-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
                               r"(?![\d/-])", flags),
        "numeric_day_month": re.compile(rf"\b(?:{_alt(data['numeric_date_cues'])})\s+"
                                        rf"(?:(?:{weekday})\s+)?(?P<date>(?P<day>\d{{1,2}})"
                                        rf"[-/](?P<month>\d{{1,2}}))(?![-/.,]?\d)", flags),
        "date": re.compile(rf"\b(?:(?P<weekday>{weekday})\s+|(?P<abbr>{abbreviation})\.\s*)?"
                           rf"(?P<day>\d{{1,2}})(?:e|ste|de)?\s+(?P<month>{month})\b{dot}"
                           rf"(?:\s+(?P<year>{year}))?", flags),
        "abbreviated_weekday": re.compile(rf"\b(?:op|vanaf|tot|sinds|per|voor|na)\s+"
                                          rf"(?P<abbr>(?:{abbreviation})\.)(?!\s*\d)", flags),
        "quarter": re.compile(rf"\b(?:(?:in\s+)?(?:het|de)\s+)?(?P<ord>"
                              rf"{_alt(data['quarter_ordinals'])})\s+(?P<unit>kwartaal|helft|"
                              rf"jaarhelft|halfjaar)\b(?:\s+van\s+(?:(?P<year>{year})\b|"
                              rf"(?P<mod>{modifier})\s+jaar\b|(?P<this>het\s+jaar)\b))?", flags),
        "quarter_code": re.compile(rf"\bQ(?P<q>[1-4])(?:\s+(?P<year>{year}))?\b", flags),
        "relative_quarter": re.compile(rf"\b(?P<mod>{modifier})\s+kwartaal\b", flags),
        "season_year": re.compile(rf"\b(?P<season>{season})\s+(?:van\s+)?(?P<year>{year})\b",
                                  flags),
        "relative_season": re.compile(rf"\b(?P<mod>{modifier})\s+(?P<season>{season})\b", flags),
        "season": re.compile(rf"\b(?:in\s+)?(?:de|het)\s+(?P<season>{season})\b", flags),
        "month_relative_year": re.compile(rf"\b(?:(?P<part>{mpart})\s+)?(?P<month>{full})\s+"
                                          rf"(?:van\s+)?(?P<mod>{modifier})\s+jaar\b", flags),
        "month": re.compile(rf"\b(?:(?P<part>{mpart})\s+)?(?P<month>{full})\b"
                            rf"(?:\s+(?P<year>{year}))?", flags),
        "year": re.compile(rf"\b(?:(?P<prep>in|vanaf|tot|voor|na|rond|{ypart}|het\s+jaar|"
                           rf"sinds)\s+)(?P<year>{year})\b", flags),
        "span": re.compile(rf"\b(?:de|het|in\s+de|in\s+het)\s+(?P<dir>afgelopen|voorbije|"
                           rf"laatste|komende|volgende)\s+(?:(?P<n>{number})\s+)?"
                           rf"(?P<unit>{units})\b", flags),
        "bare_span": re.compile(rf"\b(?P<dir>afgelopen|voorbije|laatste|komende|volgende)\s+"
                                rf"(?P<n>{number})\s+(?P<unit>{units})\b", flags),
        "ago": re.compile(rf"\b(?P<n>{number})\s+(?P<unit>{units})\s+geleden\b", flags),
        "ahead": re.compile(rf"\b(?P<prep>over|binnen)\s+(?P<n>{number})\s+(?P<unit>{units})\b"
                            r"(?!\s+geleden)", flags),
        "relative_week_day": re.compile(rf"\b(?P<mod>vorige|volgende|komende)\s+week\s+"
                                        rf"(?P<weekday>{weekday})(?:{parts})?\b", flags),
        "relative_unit": re.compile(rf"\b(?:(?P<part>{mpart})\s+)?(?P<mod>vorige|vorig|volgende|"
                                    rf"volgend|komende|deze|dit|verleden)\s+"
                                    rf"(?P<unit>week|maand|jaar)\b", flags),
        "weekday": re.compile(rf"\b(?:(?P<mod>vorige|afgelopen|volgende|komende|voorbije)\s+)?"
                              rf"(?P<weekday>{weekday})(?:{parts})?\b", flags),
        "relative_day": re.compile(rf"\b(?P<word>{_alt(data['relative_days'])})\b", flags),
        "duration": re.compile(rf"\b(?:(?P<approx>{_alt(data['approximate'])})\s+)?"
                               rf"(?P<n>{number})\s+(?P<unit>{units})\s+(?P<rel>nadat|na|sinds|"
                               rf"later)\b", flags),
    }


def _amount(text: str | None) -> float | None:
    if text is None:
        return None
    return parse_number(text)


def _plausible(resolve: Resolver) -> Resolver:
    """``resolve`` that answers None instead of raising on dates past the calendar's ends
    ("8000 jaar geleden") and for years no news text dates an event in (9999, 0001)."""
    low, high = _data()["plausible_years"]

    def checked(p: dt.date) -> Span | None:
        try:
            span = resolve(p)
        except (OverflowError, ValueError):
            return None
        if span is None or span[0].year < low or span[1].year > high:
            return None
        return span

    return checked


Duration = tuple[int, int, float, str, bool]  # offset, sentence, amount, unit, approximate


class _Scan:
    """One sentence being searched: what each pattern found, and which characters are taken
    (patterns run from the most specific; a later one never claims taken text)."""

    def __init__(self, document: Document, sentence: Sentence) -> None:
        self.document = document
        self.sentence = sentence.index
        self.offset = sentence.start
        self.text = document.text[sentence.start: sentence.end]
        self.taken: list[tuple[int, int]] = []
        self.found: list[_Raw] = []

    def free(self, match: re.Match[str], group: str | int = 0) -> bool:
        start, end = match.span(group)
        return not any(s < end and start < e for s, e in self.taken)

    def matches(self, name: str, group: str | int = 0) -> Iterator[re.Match[str]]:
        for match in _patterns()[name].finditer(self.text):
            if self.free(match, group):
                yield match

    def tense(self, match: re.Match[str], group: str | int = 0) -> str:
        return clause_tense(self.document, self.sentence, self.offset + match.start(group))

    def tense_after(self, end: int) -> str:
        """The tense of what follows an abbreviation: Frog reads "zat." as a verb and often
        ends the sentence at its dot, so the clause it dates is the next sentence."""
        rest = self.text[end:]
        if rest.strip(" .") or self.sentence + 1 >= len(self.document.sentences):
            ahead = len(rest) - len(rest.lstrip(" "))
            return clause_tense(self.document, self.sentence, self.offset + end + ahead)
        following = self.document.sentences[self.sentence + 1]
        return clause_tense(self.document, following.index, following.start)

    def add(self, match: re.Match[str], kind: str, resolve: Resolver, relative: bool = True,
            group: str | int = 0, tense: str | None = None, **extra: Any) -> None:
        start, end = match.span(group)
        self.taken.append((start, end))
        self.found.append(_Raw(self.offset + start, self.offset + end, self.sentence, kind,
                               _plausible(resolve), relative, tense or self.tense(match, group),
                               **extra))


def _direction(word: str | None) -> int | None:
    if not word:
        return None
    return int(_data()["relative_modifiers"][word.lower()])


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _month(text: str) -> int:
    return int(_data()["months"][text.lower()])


def _durations(scan: _Scan) -> list[Duration]:
    found = []
    for match in _patterns()["duration"].finditer(scan.text):
        amount = _amount(match.group("n"))
        unit = _data()["units"][match.group("unit").lower()]
        if amount is not None:
            found.append((scan.offset + match.start(), scan.sentence, amount, unit,
                          bool(match.group("approx"))))
    return found


def _scan_since(scan: _Scan) -> None:
    month_parts: dict[str, list[int]] = _data()["month_parts"]
    for match in scan.matches("since_date"):
        day, month = int(match.group("day")), _month(match.group("month"))
        year = _year(match.group("year"))

        def since_date(p: dt.date, day: int = day, month: int = month,
                       year: int | None = year) -> Span | None:
            start = dt.date(year, month, day) if year else \
                cast(Span, _nearest_year(day, month, p, "past"))[0]
            return (start, max(start, p))

        scan.add(match, "since", since_date)
    for match in scan.matches("since_month"):
        month = _month(match.group("month"))
        part = month_parts[match.group("part").lower()] if match.group("part") else [1, 31]
        year = _year(match.group("year"))

        def since_month(p: dt.date, month: int = month, bounds: tuple[int, int] = (
                part[0], part[1]), year: int | None = year) -> Span | None:
            span = month_span(year, month, bounds) if year else \
                _nearest_year(1, month, p, "past", bounds)
            return (span[0], max(span[0], p)) if span else None

        scan.add(match, "since", since_month)
    for match in scan.matches("since_year"):
        first = int(match.group("year"))
        scan.add(match, "since", lambda p, y=first: (dt.date(y, 1, 1), max(dt.date(y, 1, 1), p)))


def _scan_holidays(scan: _Scan) -> None:
    for match in scan.matches("holiday"):
        name = " ".join(match.group("name").lower().split())
        year = _year(match.group("year"))
        direction = _direction(match.group("mod"))
        tense = scan.tense(match)
        if name == "oud en nieuw" and not re.search(r"\b(?:met|rond|tijdens|na|voor|sinds)\s+$",
                                                    scan.text[: match.start()], re.IGNORECASE):
            continue  # "oud en nieuw materieel"

        def holiday(p: dt.date, name: str = name, year: int | None = year,
                    direction: int | None = direction, tense: str = tense) -> Span | None:
            if year is not None:
                spans = holiday_spans(name, year)
                starting = [s for s in spans if s[0].year == year]
                return (starting or spans or [None])[0]
            return pick(lambda y: holiday_spans(name, y), p, tense, direction)

        scan.add(match, "holiday", holiday, relative=year is None)


def _scan_ranges(scan: _Scan) -> None:
    for match in scan.matches("day_range"):
        d1, d2 = (int(re.match(r"\d+", match.group(g)).group()) for g in ("d1", "d2"))  # type: ignore[union-attr]
        m2 = _month(match.group("m2"))
        m1 = _month(match.group("m1")) if match.group("m1") else m2
        year = _year(match.group("year"))
        tense = scan.tense(match)

        def each_year(y: int, d1: int = d1, m1: int = m1, d2: int = d2, m2: int = m2
                      ) -> list[Span]:
            start = dt.date(y, m1, d1)
            end = dt.date(y if (m2, d2) >= (m1, d1) else y + 1, m2, d2)
            return [(start, end)] if start <= end else []

        def day_range(p: dt.date, each_year: Occurrences = each_year, year: int | None = year,
                      tense: str = tense, first: tuple[int, int] = (m1, d1),
                      last: tuple[int, int] = (m2, d2)) -> Span | None:
            if year is not None:  # the year is written at the end: "30 december tot 2 januari 2021"
                spans = each_year(year if first <= last else year - 1)
                return spans[0] if spans else None
            return pick(each_year, p, tense)

        scan.add(match, "span", day_range, relative=year is None)
    for match in scan.matches("month_range"):
        m1, m2 = _month(match.group("m1")), _month(match.group("m2"))
        year = _year(match.group("year"))
        tense = scan.tense(match)

        def month_range(p: dt.date, m1: int = m1, m2: int = m2, year: int | None = year,
                        tense: str = tense) -> Span | None:
            if year is not None:
                return months_span(year if m1 <= m2 else year - 1, m1, m2)
            return pick(lambda y: [months_span(y, m1, m2)], p, tense)

        scan.add(match, "span", month_range, relative=year is None)
    for match in scan.matches("year_range"):
        y1, y2 = int(match.group("y1") or match.group("y1b")), int(match.group("y2"))
        if y2 < y1:
            continue
        scan.add(match, "span", lambda p, a=y1, b=y2: (dt.date(a, 1, 1), dt.date(b, 12, 31)),
                 relative=False)
    weekdays: dict[str, int] = _data()["weekdays"]
    for match in scan.matches("weekday_range"):
        w1, w2 = weekdays[match.group("w1").lower()], weekdays[match.group("w2").lower()]
        tense = scan.tense(match)

        def weekday_range(p: dt.date, w1: int = w1, w2: int = w2, tense: str = tense) -> Span:
            start = _weekday_span(p, w1, tense, None)[0]
            return (start, start + dt.timedelta(days=(w2 - w1) % 7))

        scan.add(match, "span", weekday_range)


def _scan_dates(scan: _Scan) -> None:
    for name in ("numeric_date", "iso_date"):
        for match in scan.matches(name):
            try:
                exact = dt.date(int(match.group("year")), int(match.group("month")),
                                int(match.group("day")))
            except ValueError:
                continue
            scan.add(match, "date", lambda p, d=exact: (d, d), relative=False)
    for match in scan.matches("numeric_day_month", "date"):
        day, month = int(match.group("day")), int(match.group("month"))
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        tense = scan.tense(match, "date")
        scan.add(match, "date", lambda p, d=day, m=month, t=tense: _nearest_year(d, m, p, t),
                 group="date")
    abbreviations: dict[str, int] = _data()["weekday_abbreviations"]
    weekdays: dict[str, int] = _data()["weekdays"]
    for match in scan.matches("date"):
        day, month = int(match.group("day")), _month(match.group("month"))
        named = match.group("weekday") or match.group("abbr")
        weekday = (weekdays.get(named.lower(), abbreviations.get(named.lower()))
                   if named else None)
        if match.group("year"):
            try:
                exact = dt.date(int(match.group("year")), month, day)
            except ValueError:
                continue
            scan.add(match, "date", lambda p, d=exact: (d, d), relative=False)
            continue
        tense = scan.tense(match)

        def date(p: dt.date, day: int = day, month: int = month, tense: str = tense,
                 weekday: int | None = weekday) -> Span | None:
            return _nearest_year(day, month, p, tense, weekday=weekday)

        scan.add(match, "date", date)
    for match in scan.matches("abbreviated_weekday", "abbr"):
        weekday = abbreviations[match.group("abbr")[:-1].lower()]
        tense = scan.tense_after(match.end("abbr"))
        scan.add(match, "weekday", lambda p, w=weekday, t=tense: _weekday_span(p, w, t, None),
                 group="abbr", tense=tense, weekday=weekday, bare_weekday=True)


def _scan_counted(scan: _Scan) -> None:
    data = _data()
    weekdays: dict[str, int] = data["weekdays"]
    for match in scan.matches("relative_week_day"):
        weeks = -1 if match.group("mod").lower() == "vorige" else 1
        weekday = weekdays[match.group("weekday").lower()]

        def week_day(p: dt.date, weeks: int = weeks, weekday: int = weekday) -> Span:
            day = week_span(p, weeks)[0] + dt.timedelta(days=weekday)
            return (day, day)

        scan.add(match, "weekday", week_day)
    for name in ("span", "bare_span"):
        for match in scan.matches(name):
            amount = _amount(match.group("n")) if match.group("n") else 1.0
            if amount is None:
                continue
            unit = data["units"][match.group("unit").lower()]
            forward = match.group("dir").lower() in ("komende", "volgende")

            def span(p: dt.date, unit: str = unit, amount: float = amount,
                     forward: bool = forward) -> Span:
                delta = unit_delta(unit, amount)
                return (p, p + delta) if forward else (p - delta, p)

            scan.add(match, "span", span, span_days=(unit, amount) if not forward else None)
    for match in scan.matches("ago"):
        amount = _amount(match.group("n"))
        if amount is None:
            continue
        unit = data["units"][match.group("unit").lower()]
        scan.add(match, "ago", lambda p, u=unit, n=amount: around(p - unit_delta(u, n), u))
    for match in scan.matches("ahead"):
        amount = _amount(match.group("n"))
        if amount is None:
            continue
        unit = data["units"][match.group("unit").lower()]
        within = match.group("prep").lower() == "binnen"

        def ahead(p: dt.date, unit: str = unit, amount: float = amount,
                  within: bool = within) -> Span:
            end = p + unit_delta(unit, amount)
            return (p, end) if within else around(end, unit)

        scan.add(match, "span" if within else "ahead", ahead)


def _scan_periods(scan: _Scan) -> None:
    """Quarters, half years and seasons."""
    data = _data()
    for match in scan.matches("quarter"):
        unit = match.group("unit").lower()
        if unit == "kwartaal":
            number = int(data["quarter_ordinals"][match.group("ord").lower()])
            period: Callable[[int, int], Span] = quarter_span
        elif match.group("ord").lower() in data["half_ordinals"] and (
                match.group("year") or match.group("mod") or match.group("this")):
            number, period = int(data["half_ordinals"][match.group("ord").lower()]), half_span
        else:
            continue  # "de tweede helft" of a match, not of a year
        year = _year(match.group("year"))
        shift = _direction(match.group("mod")) if match.group("mod") else \
            (0 if match.group("this") else None)
        tense = scan.tense(match)

        def in_period(p: dt.date, number: int = number, period: Callable[[int, int], Span] =
                      period, year: int | None = year, shift: int | None = shift,
                      tense: str = tense) -> Span:
            if year is not None:
                return period(year, number)
            if shift is not None:
                return period(p.year + shift, number)
            return cast(Span, pick(lambda y: [period(y, number)], p, tense))

        scan.add(match, "quarter", in_period, relative=year is None)
    for match in scan.matches("quarter_code"):
        number, year = int(match.group("q")), _year(match.group("year"))
        tense = scan.tense(match)
        scan.add(match, "quarter", lambda p, q=number, y=year, t=tense: quarter_span(y, q) if y
                 else pick(lambda x: [quarter_span(x, q)], p, t), relative=year is None)
    for match in scan.matches("relative_quarter"):
        shift = cast(int, _direction(match.group("mod")))

        def relative_quarter(p: dt.date, shift: int = shift) -> Span:
            index = p.year * 4 + (p.month - 1) // 3 + shift
            return quarter_span(index // 4, index % 4 + 1)

        scan.add(match, "quarter", relative_quarter)
    seasons: dict[str, list[int]] = data["seasons"]
    for match in scan.matches("season_year"):
        first, last = seasons[match.group("season").lower()]
        fixed = months_span(int(match.group("year")), first, last)
        scan.add(match, "season", lambda p, s=fixed: s, relative=False)
    for name in ("relative_season", "season"):
        for match in scan.matches(name):
            first, last = seasons[match.group("season").lower()]
            direction = _direction(match.groupdict().get("mod"))
            tense = scan.tense(match)
            scan.add(match, "season", lambda p, f=first, la=last, d=direction, t=tense: pick(
                lambda y: [months_span(y, f, la)], p, t, d))


def _scan_calendar(scan: _Scan) -> None:
    """Weeks, months and years: relative ("vorige maand", "maart vorig jaar"), named ("eind
    september 2020") and counted ("in 1991", "medio 2021")."""
    data = _data()
    month_parts: dict[str, list[int]] = data["month_parts"]
    year_parts: dict[str, list[int]] = data["year_parts"]
    for match in scan.matches("month_relative_year"):
        month = _month(match.group("month"))
        part = month_parts[match.group("part").lower()] if match.group("part") else [1, 31]
        shift = cast(int, _direction(match.group("mod")))
        scan.add(match, "month", lambda p, m=month, b=(part[0], part[1]), s=shift: month_span(
            p.year + s, m, b))
    for match in scan.matches("relative_unit"):
        direction = cast(int, _direction(match.group("mod")))
        unit = match.group("unit").lower()
        part = match.group("part").lower() if match.group("part") else None

        def relative_unit(p: dt.date, direction: int = direction, unit: str = unit,
                          part: str | None = part) -> Span:
            if unit == "week":
                start, end = week_span(p, direction)
                if part in ("begin",):
                    return (start, start + dt.timedelta(days=2))
                if part in ("eind", "einde"):
                    return (start + dt.timedelta(days=3), end)
                return (start, end)
            if unit == "maand":
                month = p + relativedelta(months=direction)
                bounds = month_parts[part] if part else [1, 31]
                return month_span(month.year, month.month, (bounds[0], bounds[1]))
            year = p.year + direction
            if part in year_parts:
                return months_span(year, *year_parts[part])
            return (dt.date(year, 1, 1), dt.date(year, 12, 31))

        kind = {"week": "relative_week", "maand": "relative_month"}.get(unit, "relative_year")
        scan.add(match, kind, relative_unit)
    for match in scan.matches("month"):
        month = _month(match.group("month"))
        bounds = month_parts[match.group("part").lower()] if match.group("part") else [1, 31]
        if match.group("year"):
            year = int(match.group("year"))
            scan.add(match, "month", lambda p, y=year, m=month, b=(bounds[0], bounds[1]):
                     month_span(y, m, b), relative=False)
            continue
        tense = scan.tense(match)

        def in_month(p: dt.date, month: int = month, bounds: tuple[int, int] = (
                bounds[0], bounds[1]), tense: str = tense) -> Span | None:
            return _nearest_year(1, month, p, tense, bounds)

        scan.add(match, "month", in_month)
    for match in scan.matches("year"):
        year = int(match.group("year"))
        prep = " ".join(match.group("prep").lower().split())
        months = year_parts.get(prep, [1, 12])
        scan.add(match, "year", lambda p, y=year, m=months: months_span(y, m[0], m[1]),
                 relative=False)


def _scan_days(scan: _Scan) -> None:
    data = _data()
    weekdays: dict[str, int] = data["weekdays"]
    for match in scan.matches("weekday"):
        weekday = weekdays[match.group("weekday").lower()]
        direction = _direction(match.group("mod"))
        tense = scan.tense(match)
        scan.add(match, "weekday", lambda p, w=weekday, t=tense, d=direction: _weekday_span(
            p, w, t, d), weekday=weekday, bare_weekday=direction is None)
    for match in scan.matches("relative_day"):
        word = match.group("word").lower()
        if word == "morgen" and re.search(r"\b(?:de|deze|die|elke)\s+$",
                                          scan.text[: match.start()], re.IGNORECASE):
            continue  # "in de morgen": the morning, not tomorrow
        offsets = data["relative_days"][word]
        low, high = (offsets, offsets) if isinstance(offsets, int) else offsets
        scan.add(match, "relative_day", lambda p, lo=low, hi=high: (
            p + dt.timedelta(days=lo), p + dt.timedelta(days=hi)))


# From the most specific to the least: a holiday before the weekday in "Goede Vrijdag", a range
# before its dates, "maart vorig jaar" before "vorig jaar".
_SCANNERS: list[Callable[[_Scan], None]] = [
    _scan_since, _scan_holidays, _scan_ranges, _scan_dates, _scan_counted, _scan_periods,
    _scan_calendar, _scan_days]


def _raw_expressions(document: Document,
                     only: int | None = None) -> tuple[list[_Raw], list[Duration]]:
    """Every expression in the text (or in sentence ``only``), plus durations ("zowat twee
    weken nadat") used only as evidence for the publication date."""
    found: list[_Raw] = []
    durations: list[Duration] = []
    # One sentence is looked up, not searched for: callers ask once per event.
    sentences = document.sentences if only is None else document.sentences[only: only + 1]
    for sentence in sentences:
        if only is not None and sentence.index != only:
            continue
        scan = _Scan(document, sentence)
        durations.extend(_durations(scan))
        for scanner in _SCANNERS:
            scanner(scan)
        found.extend(scan.found)
    found.sort(key=lambda r: r.start)
    # "sinds 27 september": remember its day for the durations of refinement
    for raw in found:
        if raw.kind == "since" and re.match(r"sinds\s+\d", document.text[raw.start: raw.end],
                                            re.IGNORECASE):
            probe = raw.resolve(document.published.end) if document.published else None
            if probe and raw.relative:
                raw.since_day = probe[0]
    return found, durations


def _days(interval: DateInterval) -> list[dt.date]:
    return [interval.start + dt.timedelta(days=i) for i in range(interval.width_days)]


def _resolve(raw: _Raw, anchor: DateInterval | None) -> Span | None:
    if not raw.relative:
        return raw.resolve(dt.date.today())
    if anchor is None:
        return None
    spans = [s for s in (raw.resolve(day) for day in _days(anchor)) if s is not None]
    if not spans:
        return None
    return min(s[0] for s in spans), max(s[1] for s in spans)



# --- publication date ----------------------------------------------------------------------

def refine_publication_date(document: Document) -> None:
    """Narrow a month- or year-precision publication date to the days on which the text's own
    evidence fits. Each piece of evidence keeps a set of candidate days; a piece that would
    leave none is ignored (it contradicts the rest), so the result never widens:

    - a since-date plus a counted duration: "sinds 27 september" + "de afgelopen 13 dagen" puts
      the article 12 or 13 days after it; "zowat twee weken nadat" within a few days of 14;
    - an explicit day in a past-tense clause is not after publication, in a future one not
      before it; a since-date is not after it;
    - bare weekdays ("donderdag had ...", "vrijdag reizen ... af"): the past ones are the last
      such day before publication, the future ones the next; together they name days of one
      news week, so they must all fall within seven days of each other.
    """
    published = document.published
    if published is None or published.precision not in ("month", "year") or not document.sentences:
        return
    candidates = set(_days(published))
    raws, durations = _raw_expressions(document)

    def narrow(keep: set[dt.date]) -> None:
        nonlocal candidates
        if candidates & keep:
            candidates &= keep

    since_days = {r.since_day for r in raws if r.since_day is not None}
    if len(since_days) == 1:
        [origin] = since_days
        for raw in raws:
            if raw.span_days and raw.span_days[0] == "day":
                count = int(raw.span_days[1])
                narrow({origin + dt.timedelta(days=count - 1), origin + dt.timedelta(days=count)})
        for _, _, amount, unit, approximate in durations:
            if unit not in ("day", "week"):
                continue
            centre = origin + unit_delta(unit, amount)
            slack = (3 if unit == "week" else 1) if approximate else (1 if unit == "week" else 0)
            narrow({centre + dt.timedelta(days=d) for d in range(-slack, slack + 1)})
    for raw in raws:
        if raw.kind in ("date", "since") and raw.relative:
            for day in list(candidates):
                span = raw.resolve(day)
                if span is None:
                    continue
                if raw.kind == "since" or raw.tense == "past":
                    if span[0] > day:
                        narrow(candidates - {day})
                elif raw.tense == "future" and span[1] < day:
                    narrow(candidates - {day})
    weekday_raws = [r for r in raws if r.bare_weekday]
    if weekday_raws:
        fitting = set()
        for day in candidates:
            resolved = [r.resolve(day) for r in weekday_raws]
            if all(s is not None and s[0] == s[1] for s in resolved):
                firsts = [cast(Span, s)[0] for s in resolved]
                if (max(firsts) - min(firsts)).days <= 6:
                    fitting.add(day)
        narrow(fitting)
    start, end = min(candidates), max(candidates)
    if (start, end) == (published.start, published.end):
        return
    precision: DatePrecision = "day" if start == end else published.precision
    document.published = DateInterval(start, end, precision)
    document.date_inferred = True


# --- expressions ----------------------------------------------------------------------------

def find_time_expressions(document: Document) -> list[TimeExpression]:
    """All time expressions, resolved against ``document.published`` (call
    :func:`refine_publication_date` first to get exact days where the text allows)."""
    raws, _ = _raw_expressions(document)
    return _to_expressions(document, raws)


def _to_expressions(document: Document, raws: list[_Raw]) -> list[TimeExpression]:
    expressions = []
    for raw in raws:
        span = _resolve(raw, document.published)
        if span is None:
            continue
        expressions.append(TimeExpression(
            start=raw.start, end=raw.end, text=document.text[raw.start: raw.end],
            sentence=raw.sentence, interval=DateInterval(span[0], span[1], _precision(span)),
            kind=raw.kind, inferred=raw.relative))
    return expressions


def time_for(document: Document, sentence: int, offset: int | None = None) -> TimeExpression | None:
    """The expression dating an event in this sentence: the one nearest the event's offset
    (the first one without an offset), or None when the sentence has none."""
    raws, _ = _raw_expressions(document, only=sentence)
    mine = _to_expressions(document, raws)
    if not mine:
        return None
    if offset is None:
        return mine[0]
    return min(mine, key=lambda e: 0 if e.start <= offset < e.end else
               min(abs(e.start - offset), abs(e.end - offset)))
