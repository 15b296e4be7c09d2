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
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from dateutil.relativedelta import relativedelta

from kroniek.datafiles import load_yaml
from kroniek.extract.clauses import clause_ids
from kroniek.extract.clauses import finite as _finite
from kroniek.extract.figures import parse_number
from kroniek.model import DateInterval, DatePrecision, Document, Token

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

def _month_span(year: int, month: int, days: tuple[int, int] = (1, 31)) -> Span:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(days[0], last)), dt.date(year, month, min(days[1], last))


def _week_span(day: dt.date, weeks: int) -> Span:
    monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=weeks)
    return monday, monday + dt.timedelta(days=6)


def _unit_delta(unit: str, amount: float) -> relativedelta:
    whole = round(amount)
    if unit == "day":
        return relativedelta(days=whole)
    if unit == "week":
        return relativedelta(weeks=whole)
    if unit == "month":
        return relativedelta(months=whole)
    return relativedelta(years=whole)


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


def _nearest_year(day: int, month: int, anchor: dt.date, tense: str,
                  parts: tuple[int, int] | None = None) -> Span | None:
    """A day or month written without a year: the occurrence nearest the anchor that fits the
    tense (past and since: not after the anchor; future: not before it)."""
    options: list[tuple[int, int, Span]] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            span = _month_span(year, month, parts) if parts else \
                (dt.date(year, month, day), dt.date(year, month, day))
        except ValueError:
            continue
        wrong = (tense == "past" and span[0] > anchor) or (tense == "future" and span[1] < anchor)
        distance = 0 if span[0] <= anchor <= span[1] else \
            min(abs((span[0] - anchor).days), abs((span[1] - anchor).days))
        options.append((int(wrong), distance, span))
    return min(options)[2] if options else None


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
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    data = _data()
    full_months = [m for m in data["months"] if len(m) > 3 and m != "sept"] + ["mei"]
    month = _alt(data["months"])
    weekday = _alt(data["weekdays"])
    parts = _alt(data["day_parts"])
    mpart = _alt(data["month_parts"])
    units = _alt(data["units"])
    number = r"\d+|[a-zëé]+"
    flags = re.IGNORECASE
    # the dot of "3 okt." belongs to the date, the one after "3 oktober." ends the sentence
    abbreviation_dot = r"(?:(?<=sept)\.|(?<=jan|feb|mrt|apr|aug|sep|okt|nov|dec)\.)?"
    return {
        "since_date": re.compile(rf"\bsinds\s+(?P<day>\d{{1,2}})\s+(?P<month>{month})"
                                 rf"{abbreviation_dot}"
                                 rf"(?:\s+(?P<year>\d{{4}}))?\b", flags),
        "since_month": re.compile(rf"\bsinds\s+(?:(?P<part>{mpart})\s+)?(?P<month>"
                                  rf"{_alt(full_months)})(?:\s+(?P<year>\d{{4}}))?\b", flags),
        "since_year": re.compile(r"\bsinds\s+(?:(?P<part>begin|eind|medio)\s+)?"
                                 r"(?P<year>(?:19|20)\d{2})\b", flags),
        "date": re.compile(rf"\b(?:(?:{weekday})\s+)?(?P<day>\d{{1,2}})(?:e|ste|de)?\s+"
                           rf"(?P<month>{month})\b{abbreviation_dot}"
                           rf"(?:\s+(?P<year>\d{{4}}))?", flags),
        "month": re.compile(rf"\b(?:(?P<part>{mpart})\s+)?(?P<month>{_alt(full_months)})\b"
                            rf"(?:\s+(?P<year>\d{{4}}))?", flags),
        "year": re.compile(r"\b(?:(?P<prep>in|vanaf|tot|voor|na|rond|begin|eind|medio|"
                           r"halverwege|het\s+jaar|sinds)\s+)(?P<year>(?:19|20)\d{2})\b", flags),
        "span": re.compile(rf"\b(?:de|het|in\s+de|in\s+het)\s+(?P<dir>afgelopen|voorbije|"
                           rf"laatste|komende|volgende)\s+(?:(?P<n>{number})\s+)?"
                           rf"(?P<unit>{units})\b", flags),
        "ago": re.compile(rf"\b(?P<n>{number})\s+(?P<unit>{units})\s+geleden\b", flags),
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


Duration = tuple[int, int, float, str, bool]  # offset, sentence, amount, unit, approximate


def _raw_expressions(document: Document,
                     only: int | None = None) -> tuple[list[_Raw], list[Duration]]:
    """Every expression in the text (or in sentence ``only``), plus durations ("zowat twee
    weken nadat") used only as evidence for the publication date."""
    data = _data()
    months: dict[str, int] = data["months"]
    weekdays: dict[str, int] = data["weekdays"]
    month_parts: dict[str, list[int]] = data["month_parts"]
    patterns = _patterns()
    found: list[_Raw] = []
    durations: list[Duration] = []
    # One sentence is looked up, not searched for: callers ask once per event.
    sentences = document.sentences if only is None else document.sentences[only: only + 1]
    for sentence in sentences:
        if only is not None and sentence.index != only:
            continue
        text = document.text[sentence.start: sentence.end]
        taken: list[tuple[int, int]] = []

        def free(match: re.Match[str], taken: list[tuple[int, int]] = taken) -> bool:
            return not any(s < match.end() and match.start() < e for s, e in taken)

        def add(match: re.Match[str], kind: str, resolve: Resolver, relative: bool = True,
                sentence: int = sentence.index, offset: int = sentence.start,
                taken: list[tuple[int, int]] = taken, **extra: Any) -> None:
            taken.append((match.start(), match.end()))
            tense = clause_tense(document, sentence, offset + match.start())
            found.append(_Raw(offset + match.start(), offset + match.end(), sentence, kind,
                              resolve, relative, tense, **extra))

        def tense_of(match: re.Match[str], sentence: int = sentence.index,
                     offset: int = sentence.start) -> str:
            return clause_tense(document, sentence, offset + match.start())

        for match in patterns["duration"].finditer(text):
            amount = _amount(match.group("n"))
            unit = data["units"][match.group("unit").lower()]
            if amount is not None:
                durations.append((sentence.start + match.start(), sentence.index, amount, unit,
                                  bool(match.group("approx"))))

        for match in patterns["since_date"].finditer(text):
            day, month = int(match.group("day")), months[match.group("month").lower()]
            year = int(match.group("year")) if match.group("year") else None

            def since_date(p: dt.date, day: int = day, month: int = month,
                           year: int | None = year) -> Span | None:
                try:
                    start = dt.date(year, month, day) if year else \
                        cast(Span, _nearest_year(day, month, p, "past"))[0]
                except (ValueError, TypeError):
                    return None
                return (start, max(start, p))

            add(match, "since", since_date, relative=True)
        for match in patterns["since_month"].finditer(text):
            if not free(match):
                continue
            month = months[match.group("month").lower()]
            part = tuple(month_parts[match.group("part").lower()]) if match.group("part") \
                else (1, 31)
            year = int(match.group("year")) if match.group("year") else None

            def since_month(p: dt.date, month: int = month, part: tuple[int, ...] = part,
                            year: int | None = year) -> Span | None:
                bounds = (part[0], part[1])
                span = _month_span(year, month, bounds) if year else \
                    _nearest_year(1, month, p, "past", bounds)
                return (span[0], max(span[0], p)) if span else None

            add(match, "since", since_month)
        for match in patterns["since_year"].finditer(text):
            if not free(match):
                continue
            year = int(match.group("year"))
            add(match, "since", lambda p, y=year: (dt.date(y, 1, 1), max(dt.date(y, 1, 1), p)))
        for match in patterns["date"].finditer(text):
            if not free(match):
                continue
            day, month = int(match.group("day")), months[match.group("month").lower()]
            if match.group("year"):
                try:
                    exact = dt.date(int(match.group("year")), month, day)
                except ValueError:
                    continue
                add(match, "date", lambda p, d=exact: (d, d), relative=False)
                continue
            tense = tense_of(match)

            def date(p: dt.date, day: int = day, month: int = month,
                     tense: str = tense) -> Span | None:
                return _nearest_year(day, month, p, tense)

            add(match, "date", date)
        for match in patterns["relative_week_day"].finditer(text):
            if not free(match):
                continue
            weeks = -1 if match.group("mod").lower() == "vorige" else 1
            weekday = weekdays[match.group("weekday").lower()]

            def week_day(p: dt.date, weeks: int = weeks, weekday: int = weekday) -> Span:
                day = _week_span(p, weeks)[0] + dt.timedelta(days=weekday)
                return (day, day)

            add(match, "weekday", week_day)
        for match in patterns["span"].finditer(text):
            if not free(match):
                continue
            amount = _amount(match.group("n")) if match.group("n") else 1.0
            if amount is None:
                continue
            unit = data["units"][match.group("unit").lower()]
            forward = match.group("dir").lower() in ("komende", "volgende")

            def span(p: dt.date, unit: str = unit, amount: float = amount,
                     forward: bool = forward) -> Span:
                delta = _unit_delta(unit, amount)
                return (p, p + delta) if forward else (p - delta, p)

            add(match, "span", span, span_days=(unit, amount) if not forward else None)
        for match in patterns["ago"].finditer(text):
            if not free(match):
                continue
            amount = _amount(match.group("n"))
            if amount is None:
                continue
            unit = data["units"][match.group("unit").lower()]

            def ago(p: dt.date, unit: str = unit, amount: float = amount) -> Span:
                day = p - _unit_delta(unit, amount)
                if unit == "day":
                    return (day, day)
                if unit == "week":  # "twee weken geleden" is rarely to the day
                    return (day - dt.timedelta(days=3), day + dt.timedelta(days=3))
                if unit == "month":
                    return _month_span(day.year, day.month)
                return (dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))

            add(match, "ago", ago)
        for match in patterns["relative_unit"].finditer(text):
            if not free(match):
                continue
            direction = int(data["relative_modifiers"][match.group("mod").lower()])
            unit = match.group("unit").lower()
            part = match.group("part").lower() if match.group("part") else None

            def relative_unit(p: dt.date, direction: int = direction, unit: str = unit,
                              part: str | None = part) -> Span:
                if unit == "week":
                    start, end = _week_span(p, direction)
                    if part in ("begin",):
                        return (start, start + dt.timedelta(days=2))
                    if part in ("eind", "einde"):
                        return (start + dt.timedelta(days=3), end)
                    return (start, end)
                if unit == "maand":
                    month = p + relativedelta(months=direction)
                    bounds = tuple(month_parts[part]) if part else (1, 31)
                    return _month_span(month.year, month.month, (bounds[0], bounds[1]))
                year = p.year + direction
                if part == "begin":
                    return (dt.date(year, 1, 1), dt.date(year, 3, 31))
                if part in ("eind", "einde"):
                    return (dt.date(year, 10, 1), dt.date(year, 12, 31))
                if part in ("half", "medio", "midden"):
                    return (dt.date(year, 5, 1), dt.date(year, 8, 31))
                return (dt.date(year, 1, 1), dt.date(year, 12, 31))

            kind = {"week": "relative_week", "maand": "relative_month"}.get(unit, "relative_year")
            add(match, kind, relative_unit)
        for match in patterns["month"].finditer(text):
            if not free(match):
                continue
            month = months[match.group("month").lower()]
            bounds = tuple(month_parts[match.group("part").lower()]) if match.group("part") \
                else (1, 31)
            if match.group("year"):
                fixed = _month_span(int(match.group("year")), month, (bounds[0], bounds[1]))
                add(match, "month", lambda p, s=fixed: s, relative=False)
                continue
            tense = tense_of(match)

            def in_month(p: dt.date, month: int = month, bounds: tuple[int, ...] = bounds,
                         tense: str = tense) -> Span | None:
                return _nearest_year(1, month, p, tense, (bounds[0], bounds[1]))

            add(match, "month", in_month)
        for match in patterns["year"].finditer(text):
            if not free(match):
                continue
            year = int(match.group("year"))
            prep = match.group("prep").lower()
            span = (dt.date(year, 1, 1), dt.date(year, 12, 31))
            if prep == "begin":
                span = (dt.date(year, 1, 1), dt.date(year, 3, 31))
            elif prep == "eind":
                span = (dt.date(year, 10, 1), dt.date(year, 12, 31))
            add(match, "year", lambda p, s=span: s, relative=False)
        for match in patterns["weekday"].finditer(text):
            if not free(match):
                continue
            weekday = weekdays[match.group("weekday").lower()]
            modifier = (match.group("mod") or "").lower()
            tense = tense_of(match)
            if modifier in ("vorige", "afgelopen", "voorbije"):
                tense = "past"
            elif modifier in ("volgende", "komende"):
                tense = "future"

            def on_weekday(p: dt.date, weekday: int = weekday, tense: str = tense) -> Span:
                back = (p.weekday() - weekday) % 7 or 7  # the last one strictly before p
                ahead = (weekday - p.weekday()) % 7  # the next one, p itself included
                last, following = p - dt.timedelta(days=back), p + dt.timedelta(days=ahead)
                if tense == "past":
                    return (last, last)
                if tense in ("future", "present"):
                    return (following, following)
                return (last, following)

            add(match, "weekday", on_weekday, weekday=weekday, bare_weekday=not modifier)
        for match in patterns["relative_day"].finditer(text):
            if not free(match):
                continue
            word = match.group("word").lower()
            if word == "morgen" and re.search(r"\b(?:de|deze|die|elke)\s+$",
                                              text[: match.start()], re.IGNORECASE):
                continue  # "in de morgen": the morning, not tomorrow
            offsets = data["relative_days"][word]
            low, high = (offsets, offsets) if isinstance(offsets, int) else offsets
            add(match, "relative_day", lambda p, lo=low, hi=high: (
                p + dt.timedelta(days=lo), p + dt.timedelta(days=hi)))
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
            centre = origin + _unit_delta(unit, amount)
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
