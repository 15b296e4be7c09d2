"""Word lists for actors from context (``data/context.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kroniek.datafiles import load_yaml
from kroniek.kb.text import fold

DATA = Path(__file__).with_name("data") / "context.yaml"


@dataclass(frozen=True)
class ContextWords:
    generic_nouns: dict[str, str]  # folded lemma or form -> sector
    capitalised_generics: frozenset[str]
    domestic_sides: dict[str, str]  # folded lemma or form -> sector of ISO3-SECTOR
    portfolios: frozenset[str]
    complement_prepositions: frozenset[str]
    contextual_offices: frozenset[str]
    descriptor_nouns: dict[str, str]  # -> sector
    party_members: dict[str, tuple[str, str]]  # -> (state code, sector)
    party_adjectives: dict[str, str]  # -> state code
    proper_adjective_endings: tuple[str, ...]
    domestic_sectors: frozenset[str]
    group_sectors: frozenset[str]
    pro_prefixes: frozenset[str]
    quantity_nouns: frozenset[str]
    home_phrases: frozenset[str]
    home_states: tuple[str, ...]
    coded_groups: frozenset[str]

    def sector_of(self, lemma: str, text: str) -> tuple[str, bool] | None:
        """(sector, is a domestic side) for a generic noun given its lemma and form."""
        for word in (fold(lemma), fold(text)):
            if word in self.generic_nouns:
                return self.generic_nouns[word], False
            if word in self.domestic_sides:
                return self.domestic_sides[word], True
        return None


def _folded(mapping: dict[str, Any]) -> dict[str, Any]:
    return {fold(k): v for k, v in mapping.items()}


@lru_cache(maxsize=1)
def load_context_words(path: Path = DATA) -> ContextWords:
    with path.open(encoding="utf-8") as handle:
        doc: dict[str, Any] = load_yaml(handle)
    return ContextWords(
        generic_nouns=_folded(doc["generic_nouns"]),
        capitalised_generics=frozenset(fold(w) for w in doc["capitalised_generics"]),
        domestic_sides=_folded(doc["domestic_sides"]),
        portfolios=frozenset(fold(w) for w in doc["portfolios"]),
        complement_prepositions=frozenset(doc["complement_prepositions"]),
        contextual_offices=frozenset(doc["contextual_offices"]),
        descriptor_nouns=_folded(doc["descriptor_nouns"]),
        party_members={fold(k): (v[0], v[1]) for k, v in doc["party_members"].items()},
        party_adjectives=_folded(doc["party_adjectives"]),
        proper_adjective_endings=tuple(doc["proper_adjective_endings"]),
        domestic_sectors=frozenset(doc["domestic_sectors"]),
        group_sectors=frozenset(doc["group_sectors"]),
        pro_prefixes=frozenset(fold(w) for w in doc["pro_prefixes"]),
        quantity_nouns=frozenset(fold(w) for w in doc["quantity_nouns"]),
        home_phrases=frozenset(fold(w) for w in doc["home_phrases"]),
        home_states=tuple(doc["home_states"]),
        coded_groups=frozenset(doc["coded_groups"]),
    )
