"""Plural back-references: *de twee landen*, *beide partijen* -> the last pair of states.

Conservative like the rest of coreference: only when the previous sentences (within
``window``) name exactly two coded states or armed groups; each gets its own mention over
the phrase's span, so the event coder reads them as one coordinated group.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import yaml

from kroniek.model import Document, Mention


@cache
def _settings() -> tuple[re.Pattern[str], int]:
    data = yaml.safe_load((files("kroniek.link") / "data" / "plural.yaml").read_text())
    phrases = sorted(data["phrases"], key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, phrases)) + r")\b", re.IGNORECASE)
    return pattern, int(data["window"])


def resolve(document: Document, mentions: list[Mention]) -> list[Mention]:
    pattern, window = _settings()
    added: list[Mention] = []
    for match in pattern.finditer(document.text):
        sentence = document.sentence_at(match.start())
        if sentence is None or any(m.start <= match.start() < m.end for m in mentions):
            continue
        before = [m for m in mentions if m.code and m.start < match.start()
                  and sentence - window <= m.sentence <= sentence and m.sector is None]
        pair: dict[str, Mention] = {}
        for mention in reversed(before):
            pair.setdefault(mention.code or "", mention)
            if len(pair) == 2:
                break
        if len(pair) != 2 or len({m.code for m in before}) > 3:
            continue  # too many candidates: better unlinked than wrong
        for antecedent in sorted(pair.values(), key=lambda m: m.start):
            added.append(Mention(
                sentence=sentence, start=match.start(), end=match.end(),
                text=match.group(0), label="PLURAL", actor_id=antecedent.actor_id,
                method="coref-plural", score=0.7, component="link.plural",
                code=antecedent.code, sector=antecedent.sector,
            ))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))
