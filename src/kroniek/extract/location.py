"""Where an event happened: the place its clause names.

The linker already tells places used as places (``in Oekraïne``, ``bij Charkiv``: KB id,
no event code) from states acting (``Oekraïne eist``: event code). An event's location is
the first such place in the trigger's own clause, else in its sentence; none when the
sentence names no place, rather than a guess from elsewhere in the article.

A state named as the place of an attack with no other target (*doelen in Libanon
gebombardeerd*) is also its recipient, as PLOVER codes the state whose territory is hit.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from kroniek.datafiles import load_yaml
from kroniek.extract.arguments import clause_bounds
from kroniek.extract.places import is_place, state_code
from kroniek.model import Document, Mention


@cache
def _settings() -> tuple[frozenset[str], frozenset[str]]:
    data = load_yaml((files("kroniek.extract") / "data" / "location.yaml").read_text())
    return frozenset(data["site_prepositions"]), frozenset(data["territorial_types"])


def _governing(document: Document, mention: Mention) -> str | None:
    """The preposition the place's phrase hangs from; ``""`` for a bare noun phrase (a
    subject or object: "bombardeerden Gaza-Stad"); None when something else (a verb's
    particle, a conjunction) stands between, so that the place's role is unknown."""
    tokens = document.sentence_tokens(mention.sentence)
    first = next((t for t in tokens if t.start <= mention.start < t.end), None)
    if first is None:
        return None
    for token in reversed([t for t in tokens if t.index < first.index]):
        if token.pos == "VZ":
            return token.lemma.lower()
        if token.pos == "VG" and "neven" in token.features.split(","):
            continue  # "naar Rwanda en Oeganda": a conjunct shares the first's preposition
        if token.pos not in {"LID", "ADJ", "TW", "SPEC", "N"} and token.text != ",":
            # A verb, adverb or pronoun before the phrase: it is an argument of the
            # clause itself, not inside a prepositional phrase.
            return "" if token.pos in {"WW", "BW", "VNW", "VG"} else None
    return ""


def _at_site(document: Document, mention: Mention) -> bool:
    """Is the place governed by a preposition of place (not of direction or origin)?"""
    sites, _ = _settings()
    return _governing(document, mention) in sites


def place_of(document: Document, sentence: int, trigger_token: int) -> Mention | None:
    """The first place at a site preposition in the trigger's clause, else a place that is
    the clause's bare object or subject (what an attack hits: "bombardeerden Gaza-Stad",
    "Marioepol werd belegerd"), else the first site place in the sentence."""
    tokens = document.sentence_tokens(sentence)
    if not tokens:
        return None
    start, end = clause_bounds(tokens, trigger_token)
    first, last = document.tokens[start].start, document.tokens[end - 1].end
    places = [m for m in document.sentence_mentions(sentence) if is_place(m)
              and not document.in_furniture(m.start)]
    sites = [m for m in places if _at_site(document, m)]
    in_clause = [m for m in sites if first <= m.start < last]
    bare = [m for m in places if first <= m.start < last and _governing(document, m) == ""]
    chosen = in_clause or bare or sites
    return sorted(chosen, key=lambda m: m.start)[0] if chosen else None


def targeted_state(place: Mention, event_type: str, actors: list[str]) -> str | None:
    """The event code of the state whose territory the place of an attack is: the state
    itself, or the state a city or region lies in ("een luchtaanval op een ziekenhuis in
    Kiev", "beschietingen bij Charkiv")."""
    _, territorial = _settings()
    if event_type not in territorial:
        return None
    code = state_code(place)
    return code if code and code not in actors else None
