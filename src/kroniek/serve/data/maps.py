"""Event locations as map points, sized by their figures."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.kb import KnowledgeBase
from kroniek.serve.outlines import centroids
from kroniek.store import schema as t

e, f = t.events, t.figures


def coordinates(kb: KnowledgeBase, place: str) -> tuple[float, float] | None:
    """(lat, lon) of a place, or of a state the middle of its outline (on a map that is
    better than the capital the KB gives a state for the exports)."""
    actor = kb.get(place) or kb.by_code(place)
    if actor is None:
        return None
    if actor.iso3 and actor.iso3 in centroids():
        return centroids()[actor.iso3]
    if actor.coords:
        return actor.coords
    parent = kb.get(actor.parent) if actor.parent else None
    if parent is not None and parent.iso3:
        return centroids().get(parent.iso3)
    return None


def points(connection: Connection, kb: KnowledgeBase, limit: int = 500) -> list[dict[str, Any]]:
    figures = (sa.select(f.c.event_id, sa.func.sum(f.c.value).label("people"))
               .where(f.c.event_id.is_not(None)).group_by(f.c.event_id).subquery())
    query = (sa.select(e.c.location, sa.func.count().label("events"),
                       sa.func.coalesce(sa.func.sum(figures.c.people), 0).label("people"),
                       sa.func.max(e.c.date_start).label("last"))
             .select_from(e.outerjoin(figures, figures.c.event_id == e.c.id))
             .where(e.c.location.is_not(None))
             .group_by(e.c.location).order_by(sa.func.count().desc()).limit(limit))
    out = []
    for row in connection.execute(query):
        where = coordinates(kb, row.location)
        if where is None:
            continue
        actor = kb.get(row.location)
        out.append({"location": row.location, "name": actor.name if actor else row.location,
                    "lat": where[0], "lon": where[1], "events": row.events,
                    "people": float(row.people or 0),
                    "last": row.last.isoformat() if hasattr(row.last, "isoformat") else row.last})
    return out
