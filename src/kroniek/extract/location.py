"""Where an event happened: the place its clause names.

The linker already tells places used as places (``in Oekraïne``, ``bij Charkiv``: KB id,
no event code) from states acting (``Oekraïne eist``: event code). An event's location is
the first such place in the trigger's own clause, else in its sentence; none when the
sentence names no place, rather than a guess from elsewhere in the article.
"""

from __future__ import annotations

from kroniek.extract.arguments import clause_bounds
from kroniek.model import Document, Mention


def _is_place(mention: Mention) -> bool:
    return mention.actor_id is not None and not mention.code and mention.label == "LOC"


def location_of(document: Document, sentence: int, trigger_token: int) -> str | None:
    tokens = document.sentence_tokens(sentence)
    if not tokens:
        return None
    places = [m for m in document.mentions if m.sentence == sentence and _is_place(m)
              and not document.in_furniture(m.start)]
    if not places:
        return None
    start, end = clause_bounds(tokens, trigger_token)
    first, last = document.tokens[start].start, document.tokens[end - 1].end
    in_clause = [m for m in places if first <= m.start < last]
    return sorted(in_clause or places, key=lambda m: m.start)[0].actor_id
