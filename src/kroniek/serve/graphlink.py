"""Calls into ``kroniek.graph``: dyad series, fused events, the defence question.

The graph package was written alongside the web UI; where it is missing (an older or
trimmed install) the pages and the API say "not available" rather than guess, because an
alliance-obligation answer that is wrong is worse than none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.errors import InputError
from kroniek.kb import KnowledgeBase
from kroniek.store import schema as t


def _graph() -> ModuleType | None:
    try:
        return importlib.import_module("kroniek.graph")
    except ImportError:
        return None


def has_defence() -> bool:
    graph = _graph()
    return graph is not None and hasattr(graph, "defence_obligations")


def has_fused() -> bool:
    graph = _graph()
    return graph is not None and hasattr(graph, "fused_events") and hasattr(t, "fusion_links")


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


def unavailable(what: str) -> dict[str, Any]:
    return {"available": False,
            "detail": f"{what} is not available: kroniek.graph does not provide it"}


def defence(engine: Engine, kb: KnowledgeBase, attacked: str, by: str | None,
            where: str | None, at: dt.date) -> dict[str, Any]:
    graph = _graph()
    if graph is None or not hasattr(graph, "defence_obligations"):
        return unavailable("the alliance-obligation question")
    try:
        answer = graph.defence_obligations(kb, attacked, by, where, at, engine)
    except (InputError, KeyError, LookupError) as error:
        return {"available": True, "error": str(error).strip("'\"")}
    return {"available": True, "answer": plain(answer)}


def fused(engine: Engine, limit: int, offset: int) -> dict[str, Any]:
    graph = _graph()
    if graph is None or not has_fused():
        return {**unavailable("event fusion"), "items": []}
    items = graph.fused_events(engine)
    return {"available": True, "total": len(items),
            "items": plain(items[offset:offset + limit])}


def reports_of(connection: Connection, event_id: int) -> list[dict[str, Any]]:
    """The other reports fused with an event (empty when fusion has not run or is absent)."""
    if not has_fused():
        return []
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
