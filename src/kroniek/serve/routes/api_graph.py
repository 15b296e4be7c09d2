"""/api/v1 dyads, relations, network, map points, fused events and the defence question."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Path, Query

from kroniek.serve import graphlink
from kroniek.serve.data import dyads, maps
from kroniek.serve.data.network import network as network_data
from kroniek.serve.routes.params import Day, Limit, Offset, day
from kroniek.serve.state import AppState, get_state
from kroniek.store import schema as t

router = APIRouter(tags=["graph"])
State = Annotated[AppState, Depends(get_state)]
Code = Annotated[str, Path(min_length=1, max_length=40, description="event code, e.g. RUS")]


@router.get("/dyads", summary="The busiest actor-recipient pairs")
def top(state: State, since: Day = None, limit: Limit = 20) -> dict[str, Any]:
    with state.engine.connect() as connection:
        return {"items": dyads.top_dyads(connection, day(since, "since"), limit)}


@router.get("/dyads/{a}/{b}", summary="Score and counts over time for two actors")
def series(state: State, a: Code, b: Code,
           granularity: Literal["day", "month"] = "month",
           directed: bool = False) -> dict[str, Any]:
    with state.engine.connect() as connection:
        return {"a": a.upper(), "b": b.upper(), "granularity": granularity,
                "directed": directed,
                "series": dyads.series(connection, a.upper(), b.upper(), granularity, directed),
                "events": dyads.event_ids(connection, a.upper(), b.upper(), directed)}


@router.get("/relations", summary="Relations, optionally of one actor, of a type, at a date")
def relations(state: State,
              actor: Annotated[str | None, Query(max_length=120)] = None,
              type: Annotated[str | None, Query(max_length=30)] = None,
              at: Day = None, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    r = t.relations
    query = sa.select(r).order_by(r.c.id).limit(limit).offset(offset)
    if actor:
        query = query.where(sa.or_(r.c.source == actor, r.c.target == actor))
    if type:
        query = query.where(r.c.type == type)
    when = day(at, "at")
    if when:
        query = query.where(sa.or_(r.c.valid_from.is_(None), r.c.valid_from <= when),
                            sa.or_(r.c.valid_to.is_(None), r.c.valid_to >= when))
    with state.engine.connect() as connection:
        return {"items": [dict(row._mapping) for row in connection.execute(query)]}


@router.get("/network", summary="Actors and their dyads and relations as a graph")
def network(state: State, date_from: Day = None, date_to: Day = None,
            type: Annotated[str | None, Query(max_length=20)] = None,
            limit: Annotated[int, Query(ge=1, le=1000)] = 150) -> dict[str, Any]:
    with state.engine.connect() as connection:
        return network_data(connection, day(date_from, "date_from"), day(date_to, "date_to"),
                            type or None, limit)


@router.get("/map", summary="Event locations with counts and figures")
def map_points(state: State, limit: Limit = 500) -> dict[str, Any]:
    with state.engine.connect() as connection:
        return {"items": maps.points(connection, state.kb, limit)}


@router.get("/fused", summary="Events fused from several reports (from kroniek.graph)")
def fused(state: State, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    return graphlink.fused(state.engine, limit, offset)


@router.get("/defence", summary="Would an attack oblige allies to defend? (kroniek.graph)")
def defence(state: State,
            attacked: Annotated[str, Query(min_length=1, max_length=120,
                                           description="the attacked state, e.g. ARM")],
            by: Annotated[str | None, Query(max_length=120)] = None,
            where: Annotated[str | None, Query(max_length=200)] = None,
            at: Day = None) -> dict[str, Any]:
    return graphlink.defence(state.engine, state.kb, attacked, by or None, where or None,
                             day(at, "at") or dt.date.today())
