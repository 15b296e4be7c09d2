"""The offices lexicon: office keys, their default sector and rank, and Dutch/English phrases."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from kroniek.kb.text import fold, strip_article

DATA = Path(__file__).with_name("data") / "offices.yaml"
GENERIC_LEADER = "leader"  # resolved per state/org by KnowledgeBase.leader_office
# Words that qualify an office without changing it ("oud-premier" is still a premier phrase;
# whether the person still holds it is the date check's job).
_PREFIXES = (
    "oud ",
    "ex ",
    "voormalig ",
    "voormalige ",
    "former ",
    "toenmalig ",
    "toenmalige ",
    "waarnemend ",
    "waarnemende ",
    "interim ",
    "acting ",
    "nieuwe ",
    "nieuw ",
)
_COMPLEMENTS = frozenset({"van", "of", "der", "des", "voor", "in"})


@dataclass(frozen=True)
class Office:
    key: str
    label: str
    sector: str
    rank: int  # lower wins when a person holds several offices at once


@dataclass
class OfficeTable:
    offices: dict[str, Office]
    phrases: dict[str, str] = field(default_factory=dict)  # folded phrase -> office key

    def add_phrases(self, phrases: Mapping[str, str]) -> None:
        for phrase, office in phrases.items():
            self.phrases[fold(strip_article(phrase))] = office

    def office_key(self, phrase: str) -> str | None:
        """Office key of a role phrase.

        Leading modifiers ("Russische", "oud-") are skipped and a trailing complement
        ("van Rusland", "of Japan") may be cut off: "president van Rusland" -> head_of_state.
        """
        words = fold(strip_article(phrase)).split()
        for start in range(len(words)):
            head = words[start:]
            if any(" ".join(head).startswith(p) for p in _PREFIXES):
                continue
            for end in range(len(head), 0, -1):
                if end < len(head) and head[end] not in _COMPLEMENTS:
                    continue
                found = self.phrases.get(" ".join(head[:end]))
                if found:
                    return found
        return None

    def sector(self, office: str) -> str:
        found = self.offices.get(office)
        return found.sector if found else "GOV"

    def rank(self, office: str) -> int:
        found = self.offices.get(office)
        return found.rank if found else 99


def load_offices(path: Path = DATA) -> OfficeTable:
    with path.open(encoding="utf-8") as handle:
        doc: dict[str, Any] = yaml.load(handle, Loader=yaml.CSafeLoader)
    offices: dict[str, Office] = {}
    table = OfficeTable(offices)
    for key, spec in doc["offices"].items():
        offices[key] = Office(
            key, spec.get("label", key.replace("_", " ")), spec["sector"], int(spec["rank"])
        )
        table.add_phrases({phrase: key for phrase in spec.get("phrases", [])})
    return table
