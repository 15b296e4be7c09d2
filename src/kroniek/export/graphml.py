"""GraphML for Gephi and networkx: the graph of ``kroniek.graph.build_graph``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
from sqlalchemy.engine import Engine

from kroniek.graph.build import build_graph


def write_graphml(
    engine: Engine, path: str | Path, since: dt.date | None = None,
    until: dt.date | None = None, **_: Any,
) -> int:
    """Write actors, relations and event dyads as GraphML; returns the number of edges."""
    graph = build_graph(engine, since=since, until=until)
    nx.write_graphml(graph, str(path))
    return int(graph.number_of_edges())
