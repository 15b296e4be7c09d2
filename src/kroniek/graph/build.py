"""The knowledge graph as a networkx MultiDiGraph: actors as nodes, relations and
aggregated event dyads as typed, weighted, dated edges."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kroniek.graph.dyads import default_score_sum
from kroniek.graph.plover import quad
from kroniek.graph.relations import text_relations
from kroniek.store import schema as t


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def build_graph(
    engine: Engine, since: dt.date | None = None, until: dt.date | None = None,
    relations: bool = True, events: bool = True,
) -> nx.MultiDiGraph:
    """Actors (nodes: kind, name, codes) with relation edges (kind ``relation``, type, origin,
    valid dates) and event-dyad edges (kind ``events``, PLOVER type, quad, count as weight,
    summed score, first and last date)."""
    graph = nx.MultiDiGraph()
    with engine.connect() as connection:
        for row in connection.execute(sa.select(t.actors)):
            node = row.code or row.id
            graph.add_node(node, kind=row.kind, name=row.name, code=row.code or "",
                           kb_id=row.id, iso3=row.iso3 or "", wikidata=row.wikidata or "")
        if events:
            # From the daily dyad totals, seen from the actor's end.
            d = t.dyad_days
            query = (
                sa.select(d.c.code, d.c.other, d.c.type, sa.func.sum(d.c.events),
                          default_score_sum(d), sa.func.min(d.c.day), sa.func.max(d.c.day))
                .where(d.c.direction == "actor")
                .group_by(d.c.code, d.c.other, d.c.type)
            )
            if since:
                query = query.where(d.c.day >= since)
            if until:
                query = query.where(d.c.day <= until)
            for source, target, kind, n, total, first, last in connection.execute(query):
                graph.add_edge(
                    source, target, key=f"event:{kind}", kind="events", type=kind,
                    quad=quad(kind)[1], weight=int(n),
                    score=float(total or 0.0),
                    start=_iso(first), end=_iso(last),
                )
    if relations:
        seen: set[tuple[str, str, str, str]] = set()
        for fact in text_relations(engine):
            key = (fact.source, fact.target, fact.type, fact.origin)
            if key in seen:
                graph.edges[fact.source, fact.target, f"{fact.origin}:{fact.type}"]["weight"] += 1
                continue
            seen.add(key)
            graph.add_edge(
                fact.source, fact.target, key=f"{fact.origin}:{fact.type}", kind="relation",
                type=fact.type, origin=fact.origin, weight=1, start=_iso(fact.valid_from),
                end=_iso(fact.valid_to),
            )
    for node, data in graph.nodes(data=True):
        data.setdefault("kind", "unknown")
        data.setdefault("name", node)
        data.setdefault("code", "")
    return graph
