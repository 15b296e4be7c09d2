"""Fuzzy matching of names the KB lacks in exactly that spelling (Pasjinjan -> Pashinyan).

rapidfuzz's WRatio (what :meth:`KnowledgeBase.fuzzy` ranks by) rewards partial matches,
so "Spartak Moskou" scores 90 against "Moskou". The KB's ranking only proposes actors;
the decision uses the plain edit ratio between whole forms, or between surnames when one
side is a bare surname. The threshold is measured (docs/quality.md, "Linking thresholds").
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz

from kroniek.kb import Actor, KnowledgeBase
from kroniek.kb.text import key

THRESHOLD = 85.0
MIN_LENGTH = 5  # shorter names are too easy to confuse


def _forms(actor: Actor) -> Iterable[str]:
    yield actor.name
    for forms in actor.names.values():
        yield from forms
    yield from actor.aliases


def similarity(query: str, form: str) -> float:
    """Edit similarity of two folded names; a bare surname is compared with surnames."""
    q_words, f_words = query.split(), form.split()
    whole = fuzz.ratio(query, form)
    if len(q_words) == 1 and len(f_words) > 1:
        return max(whole, fuzz.ratio(query, f_words[-1]))
    if len(q_words) > 1 and len(f_words) == 1:
        return max(whole, fuzz.ratio(q_words[-1], form) - 5)
    if len(q_words) > 1 and len(f_words) > 1:
        # same number of words: every word must be close, not just the sum
        if len(q_words) == len(f_words):
            return min(fuzz.ratio(a, b) for a, b in zip(q_words, f_words, strict=True))
        return max(whole, fuzz.ratio(q_words[-1], f_words[-1]) - 5)
    return whole


def best_match(
    kb: KnowledgeBase, surface: str, kinds: set[str], threshold: float = THRESHOLD
) -> tuple[Actor, float] | None:
    """The closest actor of one of ``kinds`` scoring at least ``threshold``, if unambiguous."""
    query = key(surface)
    if len(query.replace(" ", "")) < MIN_LENGTH:
        return None
    scored: list[tuple[float, Actor]] = []
    for actor, _ in kb.fuzzy(surface, kinds=kinds, limit=5):
        best = max((similarity(query, key(form)) for form in _forms(actor)), default=0.0)
        scored.append((best, actor))
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < threshold:
        return None
    if len(scored) > 1 and scored[1][0] >= scored[0][0] - 2:
        return None  # two actors about as close: do not guess
    return scored[0][1], scored[0][0] / 100.0
