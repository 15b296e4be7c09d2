"""PLOVER event types grouped into quads, and fallback scores for the charts."""

from __future__ import annotations

import sqlalchemy as sa

EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("asserted", "alleged", "future", "hypothetical", "negated", "historical")

# The four quads of the CAMEO/PLOVER tradition; REQUEST and CONCEDE are words, not deeds,
# so they count as verbal cooperation like CAMEO's appeal and its declared concessions.
QUADS: dict[str, tuple[str, ...]] = {
    "verbal cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST"),
    "material cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal conflict": ("ACCUSE", "REJECT", "THREATEN"),
    "material conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
QUAD_OF = {event_type: quad for quad, types in QUADS.items() for event_type in types}
QUAD_COLOURS = {
    "verbal cooperation": "#7fb3d5",
    "material cooperation": "#1f618d",
    "verbal conflict": "#f5b041",
    "material conflict": "#c0392b",
}

# Used only when an event has no plover_score yet (the scorer fills it); the sign is what
# the charts and the network colour need, the size follows PLOVER's ordering of intensity.
DEFAULT_SCORES = {
    "AGREE": 3.0, "CONSULT": 1.0, "SUPPORT": 3.5, "CONCEDE": 4.0, "COOPERATE": 6.0,
    "AID": 7.0, "RETREAT": 5.0, "REQUEST": 0.0, "ACCUSE": -2.0, "REJECT": -4.0,
    "THREATEN": -6.0, "PROTEST": -6.5, "SANCTION": -7.0, "MOBILIZE": -7.5, "COERCE": -8.0,
    "ASSAULT": -10.0,
}


def score_expression(events: sa.Table) -> sa.ColumnElement[float]:
    """The stored PLOVER score, or the type's fallback score."""
    fallback = sa.case(DEFAULT_SCORES, value=events.c.type, else_=0.0)
    return sa.func.coalesce(events.c.plover_score, fallback)


def quad_of(event_type: str) -> str:
    return QUAD_OF.get(event_type, "verbal cooperation")
