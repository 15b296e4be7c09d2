"""kroniek's time expressions against ``dateparser`` on our composed phrases, in one run.

Reads ``tests/data/timex/phrases.yaml`` (one Dutch sentence per phrase, its publication date,
the interval a reader resolves its time expression to) and prints, per category, how often
each system gives exactly that interval ("exact") and how often its answer lies inside it
("within": a single day inside "twee weken geleden"'s week counts; lenient to systems that
answer with one day). With ``--write`` the table replaces the section "## Time expressions"
of ``docs/quality.md``.

How kroniek is called: the sentence is analysed by Frog (tense comes from its analysis), the
publication day is set as the document's date, and the expression overlapping the phrase is
taken from :func:`kroniek.extract.timex.find_time_expressions`.

How dateparser is called, two ways, each given the publication day as ``RELATIVE_BASE`` and
the clause's tense (where the phrase records one) as ``PREFER_DATES_FROM`` (past -> past,
present and future -> future):

- *search*: ``dateparser.search.search_dates(sentence, languages=["nl"], settings=...)`` and
  the found date whose text overlaps the phrase (one day);
- *phrase*: ``DateDataParser(languages=["nl"]).get_date_data(phrase)`` on the gold phrase
  itself, its date widened by the ``period`` it reports (week, month, year).

"dateparser best" counts a phrase when either way is exact: its best chance. Usage::

    PYTHONPATH=src .venv/bin/python bench/timex_compare.py [--write]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import sys
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
PHRASES = ROOT / "tests" / "data" / "timex" / "phrases.yaml"
REPORT = ROOT / "docs" / "quality.md"
SECTION = "## Time expressions"

Span = tuple[dt.date, dt.date]
# kroniek raising on a phrase: never equal to a gold interval, counted as wrong and reported
CRASH: Span = (dt.date.min, dt.date.min)


@dataclass(frozen=True)
class Phrase:
    category: str
    reference: dt.date
    text: str
    phrase: str
    start: dt.date | None
    end: dt.date | None
    tense: str | None

    @property
    def gold(self) -> Span | None:
        if self.start is None:
            return None
        return self.start, self.end or self.start

    @property
    def phrase_span(self) -> tuple[int, int]:
        at = self.text.index(self.phrase)
        return at, at + len(self.phrase)


def load_phrases(path: Path = PHRASES) -> list[Phrase]:
    groups = yaml.safe_load(path.read_text("utf-8"))
    return [Phrase(group["category"], group["ref"], item["text"], str(item["phrase"]),
                   item.get("start"), item.get("end"), item.get("tense"))
            for group in groups for item in group["phrases"]]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _best_overlapping(phrase: Phrase, found: Iterable[tuple[tuple[int, int], Span]]
                      ) -> Span | None:
    """The answer whose text overlaps the phrase most (the first on a tie), or None."""
    best: tuple[int, Span] | None = None
    for where, span in found:
        overlap = _overlap(where, phrase.phrase_span)
        if overlap and (best is None or overlap > best[0]):
            best = (overlap, span)
    return best[1] if best else None


# --- kroniek --------------------------------------------------------------------------------

def kroniek_answers(phrases: list[Phrase], analyse: Callable[[str], object]) -> list[Span | None]:
    """kroniek's interval for each phrase; ``analyse`` turns a text into a Frog-analysed
    :class:`kroniek.model.Document`."""
    from kroniek.extract.timex import find_time_expressions
    from kroniek.model import DateInterval, Document

    answers: list[Span | None] = []
    for phrase in phrases:
        document = analyse(phrase.text)
        assert isinstance(document, Document)
        document.published = DateInterval(phrase.reference, phrase.reference, "day")
        try:
            expressions = find_time_expressions(document)
        except Exception as error:  # measured, not hidden: see CRASH
            print(f"kroniek raised {type(error).__name__} on {phrase.text!r}", file=sys.stderr)
            answers.append(CRASH)
            continue
        found = [((e.start, e.end), (e.interval.start, e.interval.end)) for e in expressions]
        answers.append(_best_overlapping(phrase, found))
    return answers


# --- dateparser -----------------------------------------------------------------------------

def _settings(phrase: Phrase) -> dict[str, object]:
    settings: dict[str, object] = {
        "RELATIVE_BASE": dt.datetime.combine(phrase.reference, dt.time(12, 0)),
    }
    if phrase.tense == "past":
        settings["PREFER_DATES_FROM"] = "past"
    elif phrase.tense in ("present", "future"):
        settings["PREFER_DATES_FROM"] = "future"
    return settings


def dateparser_search(phrase: Phrase) -> Span | None:
    from dateparser.search import search_dates

    try:
        results = search_dates(phrase.text, languages=["nl"], settings=_settings(phrase)) or []
    except Exception:  # a crash of the other system counts as no answer
        return None
    found, cursor = [], 0
    for text, moment in results:
        at = phrase.text.find(text, cursor)
        if at < 0:
            at = phrase.text.find(text)
        if at < 0:
            continue
        cursor = at + len(text)
        found.append(((at, at + len(text)), (moment.date(), moment.date())))
    return _best_overlapping(phrase, found)


def _widen(day: dt.date, period: str | None) -> Span:
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if period == "month":
        return day.replace(day=1), day.replace(day=calendar.monthrange(day.year, day.month)[1])
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


def dateparser_phrase(phrase: Phrase) -> Span | None:
    from dateparser.date import DateDataParser

    try:
        data = DateDataParser(languages=["nl"], settings=_settings(phrase)).get_date_data(
            phrase.phrase)
    except Exception:  # a crash of the other system counts as no answer
        return None
    if data.date_obj is None:
        return None
    return _widen(data.date_obj.date(), data.period)


# --- scoring --------------------------------------------------------------------------------

def exact(answer: Span | None, gold: Span | None) -> bool:
    return answer == gold


def within(answer: Span | None, gold: Span | None) -> bool:
    if gold is None or answer is None:
        return answer == gold
    return gold[0] <= answer[0] <= answer[1] <= gold[1]


@dataclass
class Scores:
    """Per category: phrase count and, per system, how many are exact and within."""

    systems: list[str]
    rows: dict[str, dict[str, list[int]]]  # category -> system -> [exact, within]
    counts: dict[str, int]

    def accuracy(self, system: str, category: str | None = None, measure: int = 0) -> float:
        categories = [category] if category else list(self.counts)
        total = sum(self.counts[c] for c in categories)
        return sum(self.rows[c][system][measure] for c in categories) / total if total else 0.0


def score(phrases: list[Phrase], answers: dict[str, list[Span | None]]) -> Scores:
    systems = list(answers)
    rows: dict[str, dict[str, list[int]]] = {}
    counts: dict[str, int] = {}
    for index, phrase in enumerate(phrases):
        row = rows.setdefault(phrase.category, {s: [0, 0] for s in systems})
        counts[phrase.category] = counts.get(phrase.category, 0) + 1
        for system in systems:
            answer = answers[system][index]
            row[system][0] += exact(answer, phrase.gold)
            row[system][1] += within(answer, phrase.gold)
    return Scores(systems, rows, counts)


def best_of(*columns: list[Span | None], gold: list[Span | None]) -> list[Span | None]:
    """Per phrase, the first column's answer that is exact, else the first column's."""
    merged = []
    for index, truth in enumerate(gold):
        options = [column[index] for column in columns]
        merged.append(next((o for o in options if exact(o, truth)), options[0]))
    return merged


def all_answers(phrases: list[Phrase], analyse: Callable[[str], object]
                ) -> dict[str, list[Span | None]]:
    ours = kroniek_answers(phrases, analyse)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        search = [dateparser_search(p) for p in phrases]
        whole = [dateparser_phrase(p) for p in phrases]
    best = best_of(search, whole, gold=[p.gold for p in phrases])
    return {"kroniek": ours, "dateparser search": search, "dateparser phrase": whole,
            "dateparser best": best}


def table(scores: Scores) -> str:
    header = "| category | n | " + " | ".join(f"{s} exact / within" for s in scores.systems) \
        + " |"
    lines = [header, "|---|---:|" + "---:|" * len(scores.systems)]
    for category in sorted(scores.counts):
        cells = [f"{scores.accuracy(s, category, 0):.2f} / {scores.accuracy(s, category, 1):.2f}"
                 for s in scores.systems]
        lines.append(f"| {category} | {scores.counts[category]} | " + " | ".join(cells) + " |")
    cells = [f"**{scores.accuracy(s, None, 0):.3f}** / {scores.accuracy(s, None, 1):.3f}"
             for s in scores.systems]
    lines.append(f"| all | {sum(scores.counts.values())} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", action="store_true", help="update docs/quality.md")
    parser.add_argument("--wrong", action="store_true", help="list kroniek's wrong phrases")
    args = parser.parse_args(argv)

    from kroniek.model import Document
    from kroniek.nlp import FrogBackend, FrogServer

    server = FrogServer()
    server.start()
    try:
        backend = FrogBackend(server)

        def analyse(text: str) -> Document:
            document = Document(id="timex", text=text, source="timex", key="timex")
            backend.analyse(document)
            return document

        phrases = load_phrases()
        answers = all_answers(phrases, analyse)
    finally:
        server.stop()
    scores = score(phrases, answers)
    print(table(scores))
    if args.wrong:
        for phrase, answer in zip(phrases, answers["kroniek"], strict=True):
            if not exact(answer, phrase.gold):
                print(f"{phrase.category}: {phrase.text!r} [{phrase.phrase}] "
                      f"want {phrase.gold} got {answer}")
    if args.write:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from report import write_section

        write_section(REPORT, SECTION, f"{SECTION}\n\n{section_text(scores, len(phrases))}")
    return 0


def section_text(scores: Scores, count: int) -> str:
    return (
        f"Measured by `bench/timex_compare.py` on the {count} composed phrases of "
        "`tests/data/timex/phrases.yaml` (their conventions are in the file's header), "
        "kroniek and `dateparser` in the same run. *exact*: the interval a reader resolves "
        "the expression to; *within*: the answer lies inside it. dateparser is called twice "
        "with the publication day as `RELATIVE_BASE` and the phrase's tense as "
        "`PREFER_DATES_FROM`: `search_dates` on the sentence, and `DateDataParser."
        "get_date_data` on the gold phrase widened by its `period`; *best* counts a phrase "
        "when either is exact.\n\n"
        f"{table(scores)}\n"
    )


if __name__ == "__main__":
    raise SystemExit(main())
