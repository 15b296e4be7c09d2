"""Plural back-references: *de twee landen*, *beide partijen* -> the last pair of states.

Conservative like the rest of coreference: only when the previous sentences (within
``window``) name two actors joined by *en*, or, further back, when the article names
only one such pair before the phrase; each gets its own mention over
the phrase's span, so the event coder reads them as one coordinated group. The pair is
the last two different actors named together (*Armenië en Azerbeidzjan*), not merely the
last two named.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

from kroniek.datafiles import load_yaml
from kroniek.model import Document, Mention


def _pattern(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted(phrases, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, ordered)) + r")\b", re.IGNORECASE)


@cache
def _settings() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    data = load_yaml((files("kroniek.link") / "data" / "plural.yaml").read_text())
    return _pattern(data["phrases"]), _pattern(data["near_phrases"]), int(data["window"])


def resolve(document: Document, mentions: list[Mention]) -> list[Mention]:
    pattern, near, window = _settings()
    added: list[Mention] = []
    matches = [(match, False) for match in pattern.finditer(document.text)]
    matches += [(match, True) for match in near.finditer(document.text)]
    for match, near_only in matches:
        sentence = document.sentence_at(match.start())
        if sentence is None or any(m.start <= match.start() < m.end for m in mentions):
            continue
        before = [m for m in mentions if m.code and m.start < match.start()
                  and sentence - window <= m.sentence <= sentence]
        pair = _last_coordinated_pair(document, before)
        if pair is None and not near_only:
            pair = _only_pair(document, [m for m in mentions
                                         if m.code and m.start < match.start()])
        if pair is None:
            continue  # no pair named together: better unlinked than wrong
        for antecedent in pair:
            added.append(Mention(
                sentence=sentence, start=match.start(), end=match.end(),
                text=match.group(0), label="PLURAL", actor_id=antecedent.actor_id,
                method="coref-plural", score=0.7, component="link.plural",
                code=antecedent.code, sector=antecedent.sector,
            ))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def _coordinated_pairs(document: Document, before: list[Mention]) -> list[list[Mention]]:
    """Pairs of different actors joined by *en*, the last first."""
    pairs = []
    for first, second in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        between = document.text[first.end : second.start].lower().replace(",", " , ").split()
        joiner = [word for word in between if word not in {"de", "het"}]  # "Japan en de VS"
        if first.code != second.code and joiner in (["en"], [",", "en"], ["&"]):
            pairs.append([first, second])
    return pairs


def _last_coordinated_pair(document: Document, before: list[Mention]) -> list[Mention] | None:
    pairs = _coordinated_pairs(document, before)
    return pairs[0] if pairs else None


def _only_pair(document: Document, before: list[Mention]) -> list[Mention] | None:
    """Beyond the window: the pair the article names together, if it names only one
    (*Armenië en Azerbeidzjan* in the lead of a report on their war)."""
    pairs = _coordinated_pairs(document, before)
    kinds = {frozenset(m.code for m in pair) for pair in pairs}
    return pairs[0] if len(kinds) == 1 else None
