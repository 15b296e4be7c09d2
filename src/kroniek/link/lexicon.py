"""The linker's word lists (``data/lexicon.yaml``), loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from kroniek.datafiles import load_yaml
from kroniek.kb.text import fold

DATA = Path(__file__).with_name("data") / "lexicon.yaml"


@dataclass(frozen=True)
class Lexicon:
    locative_prepositions: frozenset[str]
    office_nouns: frozenset[str]
    non_state_nouns: dict[str, str | None]  # lemma -> sector of the group, if any
    street_nouns: frozenset[str]
    club_words: frozenset[str]
    name_particles: frozenset[str]
    former_prefixes: frozenset[str]
    extra_roles: dict[str, str]
    alliance_nouns: frozenset[str]
    anaphoric_determiners: frozenset[str]
    person_pronouns: frozenset[str]
    attribute_nouns: frozenset[str]
    place_nouns: frozenset[str]
    generic_names: frozenset[str]
    org_head_variants: frozenset[str]
    glued_time_words: frozenset[str]
    day_parts: tuple[str, ...]
    organisation_seats: dict[str, str]  # folded seat name -> the organisation's code

    def non_state(self, lemma: str) -> bool:
        return self.non_state_head(lemma) is not None

    def non_state_head(self, lemma: str) -> str | None:
        """The listed noun a (compound) lemma ends in: "oppositieleider" -> itself,
        "Koerdenleider" no, "grensbewoner" -> "bewoner"."""
        word = fold(lemma)
        if word in self.non_state_nouns:
            return word
        for noun in self.non_state_nouns:
            if len(noun) >= 4 and word.endswith(noun) and len(word) - len(noun) >= 3:
                return noun
        return None

    def time_word(self, word: str) -> bool:
        """A word Frog may glue to a name: "vrijdag", "zaterdagochtend", "gisteren"."""
        folded = fold(word)
        if folded in self.glued_time_words:
            return True
        return any(folded.endswith(part) and folded[: -len(part)] in self.glued_time_words
                   for part in self.day_parts)


def _lower_set(values: list[str]) -> frozenset[str]:
    return frozenset(fold(v) for v in values)


@lru_cache(maxsize=1)
def load_lexicon(path: Path = DATA) -> Lexicon:
    with path.open(encoding="utf-8") as handle:
        doc: dict[str, Any] = load_yaml(handle)
    return Lexicon(
        locative_prepositions=frozenset(doc["locative_prepositions"]),
        office_nouns=_lower_set(doc["office_nouns"]),
        non_state_nouns={fold(k): v for k, v in doc["non_state_nouns"].items()},
        street_nouns=_lower_set(doc["street_nouns"]),
        club_words=frozenset(doc["club_words"]),
        name_particles=frozenset(doc["name_particles"]),
        former_prefixes=_lower_set(doc["former_prefixes"]),
        extra_roles={fold(k): v for k, v in doc["extra_roles"].items()},
        alliance_nouns=_lower_set(doc["alliance_nouns"]),
        anaphoric_determiners=_lower_set(doc["anaphoric_determiners"]),
        person_pronouns=_lower_set(doc["person_pronouns"]),
        attribute_nouns=_lower_set(doc["attribute_nouns"]),
        place_nouns=_lower_set(doc["place_nouns"]),
        generic_names=_lower_set(doc["generic_names"]),
        org_head_variants=_lower_set(doc["org_head_variants"]),
        glued_time_words=_lower_set(doc["glued_time_words"]),
        day_parts=tuple(fold(w) for w in doc["day_parts"]),
        organisation_seats={fold(k): v for k, v in doc["organisation_seats"].items()},
    )
