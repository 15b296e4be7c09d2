"""Places the linker resolved (a city, a region, a state named as a place) and the state
each stands for when an event is aimed at it: *naar Kathmandu* is Nepal, *Gaza-Stad* is
Palestine. Used by the argument rules (a destination or target named by a place) and by
the event's location."""

from __future__ import annotations

from kroniek.kb import load_kb
from kroniek.model import Mention


def is_place(mention: Mention) -> bool:
    """A mention linked to a place, or to a state used as a place (no event code)."""
    # Frog's NER tags many cities MISC or ORG ("Charkiv"); the linker's method says
    # whether the KB entry is a place, or a state named as a place.
    return mention.actor_id is not None and not mention.code and (
        mention.label == "LOC" or mention.method in {"place", "name-place"})


def state_code(mention: Mention) -> str | None:
    """The event code of the state the place is (``name-place``) or lies in (its KB
    parent); None when the KB knows neither."""
    if not mention.actor_id:
        return None
    kb = load_kb()
    if mention.method == "name-place":
        return kb.code_of(mention.actor_id)
    actor = kb.get(mention.actor_id)
    return kb.code_of(actor.parent) if actor is not None and actor.parent else None


def seat_code(mention: Mention, surface: str) -> str | None:
    """The code of the authority a place is the seat of ("in Den Haag": the Netherlands,
    "in Tokio": Japan), or of a state named as a place; None for any other place
    (Charkiv governs nothing)."""
    if not is_place(mention):
        return None
    kb = load_kb()
    if mention.method == "name-place":
        return kb.code_of(mention.actor_id or "")
    for actor, route in kb.lookup(surface):
        if route == "metonym":
            return kb.code_of(actor.id)
    return None
