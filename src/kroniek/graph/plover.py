"""PLOVER quads and scores as the graph reports them, from :mod:`kroniek.plover`."""

from __future__ import annotations

from kroniek import plover

QUADS: dict[str, tuple[int, str]] = {
    event_type: (plover.quad_number(event_type), plover.quad_label(event_type))
    for event_type in plover.categories()
}


def quad(event_type: str) -> tuple[int, str]:
    return QUADS.get(event_type.upper(), (0, "unknown"))


def score(event_type: str, stored: float | None = None) -> float:
    """The stored score, else the category's base score from the manual's table."""
    if stored is not None:
        return stored
    return plover.score(event_type.upper(), None) if event_type.upper() in QUADS else 0.0
