"""PLOVER event types grouped into quads, and fallback scores for the charts."""

from __future__ import annotations

import sqlalchemy as sa

from kroniek import plover
from kroniek.graph.dyads import category_score

EVENT_TYPES = tuple(plover.categories())
STATUSES = ("asserted", "alleged", "future", "hypothetical", "negated", "historical")

QUADS: dict[str, tuple[str, ...]] = plover.types_by_quad()
QUAD_OF = {event_type: plover.quad_label(event_type) for event_type in EVENT_TYPES}
QUAD_COLOURS = {
    "verbal cooperation": "#7fb3d5",
    "material cooperation": "#1f618d",
    "verbal conflict": "#f5b041",
    "material conflict": "#c0392b",
}

def score_expression(events: sa.Table) -> sa.ColumnElement[float]:
    """The stored PLOVER score, or the type's base score."""
    return sa.func.coalesce(events.c.plover_score, category_score(events.c.type))


def quad_of(event_type: str) -> str:
    return QUAD_OF.get(event_type, "verbal cooperation")
