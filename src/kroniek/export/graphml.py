"""GraphML for Gephi and networkx: actors, their KB and text relations, and event dyads.

Actors and relations come from :func:`kroniek.graph.build.build_graph`; the event edges are
aggregated here from the selected events (the filter of ``kroniek events`` and PLOVER's
reduction rules), so ``--type ASSAULT --since 2022`` draws exactly those dyads. Actors
with no edge are left out unless ``--isolated``.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
from sqlalchemy.engine import Engine

from kroniek.export.columnar import flat_rows
from kroniek.export.options import ExportOptions
from kroniek.export.target import open_binary_target
from kroniek.graph.build import build_graph
from kroniek.plover import quad_label
from kroniek.store.event_filter import EventFilter


def _dyads(row: dict[str, Any]) -> list[tuple[str, str]]:
    actors, recipients = row["actor_codes"], row["recipient_codes"]
    if recipients:
        return [(a, r) for a in actors for r in recipients if a != r]
    return [(a, b) for a in actors for b in actors if a != b]


def event_graph(engine: Engine, selection: EventFilter,
                options: ExportOptions | None = None) -> nx.MultiDiGraph:
    options = options or ExportOptions()
    graph = build_graph(engine, since=selection.date_from, until=selection.date_to,
                        events=False)
    totals: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(
        lambda: {"weight": 0, "score": 0.0, "start": None, "end": None})
    names: dict[str, str] = {}
    for row in flat_rows(engine, selection):
        names.update(zip(row["actor_codes"] + row["recipient_codes"],
                         row["actor_names"] + row["recipient_names"], strict=True))
        for source, target in _dyads(row):
            edge = totals[(source, target, row["event_type"])]
            edge["weight"] += 1
            edge["score"] += row["plover_score"] or 0.0
            day = row["date_start"]
            if day:
                edge["start"] = min(edge["start"] or day, day)
                edge["end"] = max(edge["end"] or day, day)
    for (source, target, kind), edge in totals.items():
        for node in (source, target):
            if node not in graph:
                graph.add_node(node, kind="unknown", name=names.get(node) or node, code=node)
        graph.add_edge(source, target, key=f"event:{kind}", kind="events", type=kind,
                       quad=quad_label(kind), weight=edge["weight"], score=edge["score"],
                       start=edge["start"] or "", end=edge["end"] or "")
    if not options.isolated:
        graph.remove_nodes_from([node for node, degree in graph.degree() if degree == 0])
    for _, _, data in graph.edges(data=True):
        for key in ("start", "end"):
            if data.get(key) is None:
                data[key] = ""  # GraphML has no null
    return graph


def export_graphml(engine: Engine, selection: EventFilter, target: Path | None,
                   options: ExportOptions | None = None) -> int:
    """The ``graphml`` format; returns the number of edges."""
    graph = event_graph(engine, selection, options)
    with open_binary_target(target, "graphml") as temporary:
        nx.write_graphml(graph, str(temporary))
    return int(graph.number_of_edges())
