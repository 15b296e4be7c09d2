"""The network: actors as nodes, event dyads and stated relations as edges."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.graph import busiest_pairs
from kroniek.store import schema as t

a, r = t.actors, t.relations


def network(connection: Connection, date_from: dt.date | None = None,
            date_to: dt.date | None = None, event_type: str | None = None,
            limit: int = 150) -> dict[str, Any]:
    # Events by the day they started (the daily totals keep no end dates).
    pairs = busiest_pairs(connection, date_from, date_to, event_type, limit)
    edges = [{"source": row["actor"], "target": row["recipient"], "events": row["events"],
              "score": row["score"], "kind": "event"} for row in pairs]
    codes = {edge["source"] for edge in edges} | {edge["target"] for edge in edges}
    names = dict(connection.execute(sa.select(a.c.code, a.c.name).where(a.c.code.in_(codes))
                                    ).all()) if codes else {}
    edges.extend(_relations(connection, codes))
    degree: dict[str, int] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            degree[end] = degree.get(end, 0) + int(edge.get("events") or 1)
    nodes = [{"id": code, "name": names.get(code, code), "weight": degree.get(code, 1)}
             for code in sorted(codes)]
    return {"nodes": nodes, "edges": edges}


def _relations(connection: Connection, codes: set[str]) -> list[dict[str, Any]]:
    """Stated relations among the shown actors; relations name actors by code or KB id."""
    if not codes:
        return []
    code_of = {code: code for code in codes}
    code_of.update(connection.execute(
        sa.select(a.c.id, a.c.code).where(a.c.code.in_(codes))).all())
    names = list(code_of)
    rows = connection.execute(
        sa.select(r.c.type, r.c.source, r.c.target).distinct()
        .where(r.c.source.in_(names), r.c.target.in_(names)).limit(300))
    return [{"source": code_of[row.source], "target": code_of[row.target], "events": 0,
             "score": 0, "kind": "relation", "type": row.type}
            for row in rows if code_of[row.source] != code_of[row.target]]
