"""Candidate mentions and the choice of a non-overlapping set among them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kroniek.model import Mention

COMPONENT = "link"


@dataclass
class Candidate:
    """A span the linker may turn into a mention; token indices are document-wide."""

    sentence: int
    first: int  # first token
    last: int  # last token (inclusive)
    start: int  # character offsets into the document
    end: int
    label: str
    actor_id: str | None
    method: str
    score: float
    rank: int = 5  # lower wins between spans of equal length
    national: bool = False  # a national of the state, not the state acting (code None)
    code: str | None = None  # fixed code and sector (a role whose holder is unknown)
    sector: str | None = None
    component: str = COMPONENT
    # A generic reference whose state only the whole article can tell: ("generic" or
    # "domestic", sector) or ("office", office key); resolved after the last sentence.
    pending: tuple[str, str] | None = None
    against: str | None = None  # a state whose side the phrase is not ("pro-Russische")

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end


def select(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Longest span first, then linked over unlinked, then by rank; no overlaps; by start."""
    ordered = sorted(
        candidates,
        key=lambda c: (-c.length, c.actor_id is None and c.code is None, c.rank, -c.score),
    )
    chosen: list[Candidate] = []
    for candidate in ordered:
        if candidate.length <= 0 or any(candidate.overlaps(kept) for kept in chosen):
            continue
        chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def to_mention(candidate: Candidate, text: str, code: str | None, sector: str | None) -> Mention:
    return Mention(
        sentence=candidate.sentence,
        start=candidate.start,
        end=candidate.end,
        text=text[candidate.start : candidate.end],
        label=candidate.label,
        actor_id=candidate.actor_id,
        method=candidate.method,
        score=round(candidate.score, 3),
        component=candidate.component,
        code=code,
        sector=sector,
    )
