"""Dyads, actor timelines, fusion and exports over a small hand-made database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import networkx as nx
import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from kroniek.cli.app import app
from kroniek.export.graphml import export_graphml
from kroniek.export.tables import export_parquet
from kroniek.graph import actor_timeline, dyad, fuse, fused_events, unfuse
from kroniek.kb import load_kb
from kroniek.model import DateInterval, Document, Event, Figure, Relation
from kroniek.store import ActorRow, open_engine, save
from kroniek.store import schema as t
from kroniek.store.event_filter import EventFilter

DAY = dt.date(2020, 10, 10)


def _doc(key: str, outlet: str, published: dt.date, events: list[Event],
         figures: list[Figure] = (), relations: list[Relation] = ()) -> Document:  # type: ignore[assignment]
    text = f"{key} bericht over Armenië en Azerbeidzjan."
    document = Document(id=key, text=text, source=key, key=key, outlet=outlet,
                        published=DateInterval(published, published, "day"))
    document.events, document.figures = events, list(figures)
    document.relations = list(relations)
    return document


def _event(kind: str, actors: list[str], recipients: list[str], day: dt.date,
           reciprocal: bool = False, score: float | None = None) -> Event:
    return Event(type=kind, sentence=0, start=0, end=5, trigger="x", actor=actors,
                 recipient=recipients, reciprocal=reciprocal,
                 date=DateInterval(day, day, "day"), plover_score=score)


@pytest.fixture
def engine(tmp_path: Path) -> Engine:
    engine = open_engine(str(tmp_path / "graph.sqlite"))
    actors = [ActorRow("arm", "state", "Armenia", "ARM", "ARM"),
              ActorRow("aze", "state", "Azerbaijan", "AZE", "AZE"),
              ActorRow("rus", "state", "Russia", "RUS", "RUS")]
    save(engine, _doc("nos", "NOS", DAY, [
        _event("AGREE", ["ARM", "AZE"], [], DAY, reciprocal=True),
        _event("ASSAULT", ["AZE"], ["ARM"], DAY, score=-9.5),
        _event("REQUEST", ["RUS"], ["ARM", "AZE"], DAY),
    ], figures=[Figure("dead", 400, "at_most", 0, 0, 5, event=1)],
        relations=[Relation("member_of", "ARM", "CSTO", 0, 0, 5, DAY, DAY)]), "test", actors)
    save(engine, _doc("nrc", "NRC", DAY + dt.timedelta(days=1), [
        _event("AGREE", ["AZE", "ARM"], [], DAY, reciprocal=True),
        _event("ASSAULT", ["AZE"], ["ARM"], DAY),
    ], figures=[Figure("dead", 400, "at_least", 0, 0, 5, event=1)]), "test", actors)
    save(engine, _doc("nu", "NU.nl", DAY + dt.timedelta(days=8), [
        _event("AGREE", ["ARM", "AZE"], [], DAY + dt.timedelta(days=7), reciprocal=True),
    ]), "test", actors)
    return engine


def test_dyad_counts_quads_and_scores(engine: Engine) -> None:
    result = dyad(engine, "AZE", "ARM", since=dt.date(2020, 10, 1), by="week")
    assert result.total_events == 5  # 2 assaults, 3 reciprocal agreements
    forward = [p for p in result.periods if p.direction == "A->B"]
    assert forward[0].counts == {"ASSAULT": 2}
    assert forward[0].quads == {"material conflict": 2}
    assert forward[0].score == pytest.approx(-9.5 - 9)  # stored score, then the default
    assert dyad(engine, "AZE", "ARM", until=dt.date(2020, 9, 1)).periods == []


def test_actor_timeline_labels_kb_and_text(engine: Engine) -> None:
    timeline = actor_timeline(engine, load_kb(), "ARM", at=DAY)
    origins = {(f.type, f.target, f.origin) for f in timeline.relations}
    assert ("member_of", "CSTO", "kb") in origins and ("member_of", "CSTO", "text") in origins
    october = timeline.periods[dt.date(2020, 10, 1)]
    assert october["recipient"]["ASSAULT"] == 2 and october["actor"]["AGREE"] == 3
    assert json.dumps(timeline.to_dict())


def test_fusion_joins_reports_keeps_figures_and_is_idempotent(engine: Engine) -> None:
    first = fuse(engine)
    assert first.fused == 2  # the agreement and the assault; the later AGREE stays apart
    again = fuse(engine)
    assert (again.fused, again.joined) == (first.fused, first.joined)
    rows = fused_events(engine)
    assault = next(r for r in rows if r["type"] == "ASSAULT")
    assert assault["sources"] == 2 and assault["outlets"] == ["NOS", "NRC"]
    assert assault["first_report"] == DAY.isoformat()
    assert assault["figures"]["dead"]["min"] == 400 and not assault["figures"]["dead"]["agree"]
    assert any(r["reason"].get("shared_actors") for r in assault["reports"])
    assert unfuse(engine) == 2 and fused_events(engine) == []
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(t.events)).scalar() == 6


def test_graphml_and_tables(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    assert export_graphml(engine, EventFilter(), path) > 0
    graph = nx.read_graphml(path)
    assert graph.nodes["ARM"]["kind"] == "state"
    kinds = {data["kind"] for _, _, data in graph.edges(data=True)}
    assert kinds == {"events", "relation"}
    assert export_parquet(engine, EventFilter(), tmp_path / "out.parquet") == 6
    events = pq.read_table(tmp_path / "out.parquet")
    assert events.num_rows == 6 and "actor_codes" in events.column_names


def test_cli_dyad_actor_fuse(engine: Engine) -> None:
    db = engine.url.database or ""
    runner = CliRunner()
    result = runner.invoke(app, ["dyad", "AZE", "ARM", "--since", "2020-09-01", "--by", "week",
                                 "--json", "--db", db])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["events"] == 5
    assert runner.invoke(app, ["actor", "Armenië", "--at", "2020-10-10", "--db", db]).exit_code == 0
    fused = runner.invoke(app, ["fuse", "--json", "--db", db])
    assert json.loads(fused.output)["fused"] == 2
    bad = runner.invoke(app, ["dyad", "RUS", "TUR", "--since", "gisteren", "--db", db])
    assert bad.exit_code == 2 and "Traceback" not in bad.output
