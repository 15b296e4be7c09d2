"""Calls into ``kroniek.graph`` for the web: fused events and the defence question, as
JSON-ready data."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek import graph
from kroniek.errors import InputError
from kroniek.kb import KnowledgeBase
from kroniek.store import schema as t


def plain(value: Any) -> Any:
    """A graph result as JSON-ready data (dataclasses, dates, tuples, sets)."""
    if hasattr(value, "to_dict"):
        return plain(value.to_dict())
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def defence(engine: Engine, kb: KnowledgeBase, attacked: str, by: str | None,
            where: str | None, at: dt.date) -> dict[str, Any]:
    try:
        answer = graph.defence_obligations(kb, attacked, by, where, at, engine)
    except (InputError, KeyError, LookupError) as error:
        return {"error": str(error).strip("'\"")}
    return {"answer": plain(answer)}


def fused(engine: Engine, limit: int, offset: int) -> dict[str, Any]:
    items = graph.fused_events(engine)
    return {"total": len(items),
            "items": plain(items[offset:offset + limit])}


def reports_of(connection: Connection, event_id: int) -> list[dict[str, Any]]:
    """The other reports fused with an event (empty when fusion has not run or is absent)."""
    links, e, d = t.fusion_links, t.events, t.documents
    fused_id = connection.execute(
        sa.select(links.c.fused_id).where(links.c.event_id == event_id)).scalar()
    if fused_id is None:
        return []
    return [dict(row._mapping) for row in connection.execute(
        sa.select(e.c.id, e.c.trigger, e.c.status, e.c.date_start, d.c.id.label("document_id"),
                  d.c.title, d.c.outlet, d.c.published_start, links.c.reason)
        .join(links, links.c.event_id == e.c.id).join(d, d.c.id == e.c.document_id)
        .where(links.c.fused_id == fused_id).order_by(d.c.published_start, e.c.id))]
