"""What the scorer compares on the system side, and the counts it produces.

Plain values, independent of the database, so the scoring rules are testable with
hand-built data.
"""

from __future__ import annotations

import datetime as dt
import statistics
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class SystemEvent:
    type: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...] = ()
    reciprocal: bool = False
    status: str | None = "asserted"
    mode: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    furniture: bool = False
    confidence: float = 1.0
    index: int = 0  # order in the document
    sentence: str = ""
    trigger: str = ""


@dataclass(frozen=True)
class SystemRelation:
    type: str
    source: str
    target: str
    sentence: str = ""


@dataclass(frozen=True)
class SystemFigure:
    kind: str
    value: float
    qualifier: str | None = None
    unit: str = "people"
    sentence: str = ""


@dataclass(frozen=True)
class SystemQuote:
    text: str
    speaker: str | None = None  # event code of the speaker
    speaker_name: str | None = None  # KB name of speaker_actor_id, when known
    sentence: str = ""


@dataclass
class SystemDocument:
    id: str
    actor_codes: set[str] = field(default_factory=set)
    events: list[SystemEvent] = field(default_factory=list)
    relations: list[SystemRelation] = field(default_factory=list)
    figures: list[SystemFigure] = field(default_factory=list)
    quotes: list[SystemQuote] = field(default_factory=list)


@dataclass
class PRF:
    """Precision counts system items, recall counts gold items, so the two ``tp`` may differ:
    one gold triple with a ``*`` recipient can be matched by several system triples."""

    tp: int = 0  # system items that match a required gold item
    fp: int = 0
    fn: int = 0
    found: int = 0  # required gold items matched

    def __iadd__(self, other: PRF) -> PRF:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.found += other.found
        return self

    @property
    def p(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def r(self) -> float | None:
        return self.found / (self.found + self.fn) if self.found + self.fn else None

    @property
    def f1(self) -> float | None:
        if self.p is None and self.r is None:
            return None
        # Nothing predicted (or nothing to find) while the other side is non-empty: F1 is 0.
        p, r = self.p or 0.0, self.r or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"p": _round(self.p), "r": _round(self.r), "f1": _round(self.f1),
                "tp": self.tp, "fp": self.fp, "fn": self.fn, "found": self.found}


@dataclass
class Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def __iadd__(self, other: Tally) -> Tally:
        self.correct += other.correct
        self.total += other.total
        return self

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(frozen=True)
class ErrorItem:
    """One thing to fix: a false positive, a miss or a wrong attribute, with its evidence."""

    layer: str  # event, event-actor, status, mode, date, actor, relation, figure, quote
    kind: str  # false positive | missed | wrong
    what: str
    evidence: str = ""


@dataclass
class Score:
    """Scores of one document, a file or the total; ``+=`` micro-averages."""

    events_strict: PRF = field(default_factory=PRF)
    events_actor: PRF = field(default_factory=PRF)
    status: Tally = field(default_factory=Tally)
    mode: Tally = field(default_factory=Tally)
    date: Tally = field(default_factory=Tally)
    date_widths: list[int] = field(default_factory=list)
    actors: PRF = field(default_factory=PRF)
    relations: PRF = field(default_factory=PRF)
    figures: Tally = field(default_factory=Tally)
    quotes: Tally = field(default_factory=Tally)
    duplicates: int = 0  # system triples dropped as duplicates of another in the document
    errors: list[ErrorItem] = field(default_factory=list)

    def __iadd__(self, other: Score) -> Score:
        for name in ("events_strict", "events_actor", "status", "mode", "date", "actors",
                     "relations", "figures", "quotes"):
            value = getattr(self, name)
            value += getattr(other, name)
        self.date_widths.extend(other.date_widths)
        self.duplicates += other.duplicates
        self.errors.extend(other.errors)
        return self

    @property
    def date_median_width_days(self) -> float | None:
        return float(statistics.median(self.date_widths)) if self.date_widths else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "events_strict": self.events_strict.as_dict(),
            "events_actor": self.events_actor.as_dict(),
            "status_accuracy": _round(self.status.value),
            "mode_accuracy": _round(self.mode.value),
            "date_accuracy": _round(self.date.value),
            "date_median_width_days": self.date_median_width_days,
            "actors": self.actors.as_dict(),
            "relations": self.relations.as_dict(),
            "figure_recall": _round(self.figures.value),
            "quote_recall": _round(self.quotes.value),
            "counts": {"status": [self.status.correct, self.status.total],
                       "mode": [self.mode.correct, self.mode.total],
                       "date": [self.date.correct, self.date.total],
                       "figures": [self.figures.correct, self.figures.total],
                       "quotes": [self.quotes.correct, self.quotes.total],
                       "duplicate_system_triples": self.duplicates},
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
