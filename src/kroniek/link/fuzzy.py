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

THRESHOLD = 88.0
MIN_LENGTH = 5  # shorter names are too easy to confuse


def _forms(actor: Actor) -> Iterable[str]:
    yield actor.name
    for forms in actor.names.values():
        yield from forms
    yield from actor.aliases


def similarity(query: str, form: str, person: bool = True) -> float:
    """Edit similarity of two folded names; for persons a bare surname is compared with
    surnames, for organisations only whole names (or word by word) count."""
    q_words, f_words = query.split(), form.split()
    whole = fuzz.ratio(query, form)
    if len(q_words) > 1 and len(q_words) == len(f_words):
        return min(fuzz.ratio(a, b) for a, b in zip(q_words, f_words, strict=True))
    if not person:
        return whole
    if len(q_words) == 1 and len(f_words) > 1:
        return max(whole, fuzz.ratio(query, f_words[-1]))
    if len(q_words) > 1 and len(f_words) == 1:
        return max(whole, fuzz.ratio(q_words[-1], form) - 5)
    if len(q_words) > 1 and len(f_words) > 1:
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
    person = "person" in kinds
    for actor, _ in kb.fuzzy(surface, kinds=kinds, limit=5):
        best = max(
            (similarity(query, key(form), person) for form in _forms(actor)), default=0.0
        )
        scored.append((best, actor))
    scored.sort(key=lambda item: -item[0])
    if not scored or scored[0][0] < threshold:
        return None
    if len(scored) > 1 and scored[1][0] >= scored[0][0] - 2:
        return None  # two actors about as close: do not guess
    return scored[0][1], scored[0][0] / 100.0


def org_variant(
    kb: KnowledgeBase, surface: str, kinds: set[str], variants: frozenset[str]
) -> Actor | None:
    """An organisation named with another head word: all words equal but one pair of
    interchangeable ones ("Euraziatische Economische Ruimte" ~ "... Unie")."""
    words = key(surface).split()
    if len(words) < 2:
        return None
    for actor, _ in kb.fuzzy(surface, kinds=kinds, limit=5):
        for form in _forms(actor):
            other = key(form).split()
            if len(other) != len(words):
                continue
            differ = [(a, b) for a, b in zip(words, other, strict=True) if a != b]
            if len(differ) == 1 and differ[0][0] in variants and differ[0][1] in variants:
                return actor
    return None
