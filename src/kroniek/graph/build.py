"""The knowledge graph as a networkx MultiDiGraph: actors as nodes, relations and
aggregated event dyads as typed, weighted, dated edges."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kroniek.graph.plover import quad, score
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
            pa = t.event_participants.alias("pa")
            pb = t.event_participants.alias("pb")
            e = t.events
            query = (
                sa.select(pa.c.code, pb.c.code, e.c.type, sa.func.count(),
                          sa.func.sum(e.c.plover_score), sa.func.count(e.c.plover_score),
                          sa.func.min(e.c.date_start), sa.func.max(e.c.date_start))
                .select_from(pa)
                .join(pb, sa.and_(pb.c.event_id == pa.c.event_id, pb.c.role == "recipient"))
                .join(e, e.c.id == pa.c.event_id)
                .where(pa.c.role == "actor")
                .group_by(pa.c.code, pb.c.code, e.c.type)
            )
            if since:
                query = query.where(e.c.date_start >= since)
            if until:
                query = query.where(e.c.date_start <= until)
            for source, target, kind, n, total, scored, first, last in connection.execute(query):
                graph.add_edge(
                    source, target, key=f"event:{kind}", kind="events", type=kind,
                    quad=quad(kind)[1], weight=int(n),
                    score=float(total or 0.0) + (n - scored) * score(kind),
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
