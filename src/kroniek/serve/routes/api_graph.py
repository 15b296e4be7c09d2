"""/api/v1 dyads, relations, network, map points, fused events and the defence question."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Path, Query
from fastapi.responses import Response

from kroniek.extract.relations import relation_types
from kroniek.serve import graphlink, models
from kroniek.serve.data import dyads, maps
from kroniek.serve.data.network import network as network_data
from kroniek.serve.models import PROBLEMS, answer
from kroniek.serve.routes.params import Day, Limit, Offset, checked_actor, day, one_of
from kroniek.serve.state import AppState, get_state
from kroniek.store import schema as t

router = APIRouter(tags=["graph"], responses=PROBLEMS)
State = Annotated[AppState, Depends(get_state)]
Code = Annotated[str, Path(min_length=1, max_length=40, description="event code, e.g. RUS")]


@router.get("/dyads", summary="The busiest actor-recipient pairs",
            response_model=models.PairList)
def top(state: State, since: Day = None, limit: Limit = 20) -> Response:
    with state.engine.connect() as connection:
        return answer({"items": dyads.top_dyads(connection, day(since, "since"), limit)})


@router.get("/dyads/{a}/{b}", summary="Score and counts over time for two actors",
            response_model=models.DyadSeries)
def series(state: State, a: Code, b: Code,
           granularity: Literal["day", "month"] = "month",
           directed: bool = False) -> Response:
    # A name (Rusland) or a malformed code is a 422 naming what to send, not an empty series.
    checked_actor("a", a)
    checked_actor("b", b)
    with state.engine.connect() as connection:
        return answer({
            "a": a.upper(), "b": b.upper(), "granularity": granularity, "directed": directed,
            "series": dyads.series(connection, a.upper(), b.upper(), granularity, directed),
            "events": dyads.event_ids(connection, a.upper(), b.upper(), directed)})


@router.get("/relations", summary="Relations, optionally of one actor, of a type, at a date",
            response_model=models.RelationList)
def relations(state: State,
              actor: Annotated[str | None, Query(max_length=120)] = None,
              type: Annotated[str | None, Query(max_length=30)] = None,
              at: Day = None, limit: Limit = 100, offset: Offset = 0) -> Response:
    r = t.relations
    query = sa.select(r).order_by(r.c.id).limit(limit).offset(offset)
    actor = checked_actor("actor", actor or None)
    if actor:
        query = query.where(sa.or_(r.c.source == actor, r.c.target == actor))
    if type:
        # An unknown type answers 422 with the known ones (those the text reader states
        # and any stored, such as the KB's holds_office), not an empty list.
        with state.engine.connect() as connection:
            stored = set(connection.execute(sa.select(r.c.type).distinct()).scalars())
        type = one_of("type", type, sorted({*relation_types(), *stored}))
        query = query.where(r.c.type == type)
    when = day(at, "at")
    if when:
        query = query.where(sa.or_(r.c.valid_from.is_(None), r.c.valid_from <= when),
                            sa.or_(r.c.valid_to.is_(None), r.c.valid_to >= when))
    with state.engine.connect() as connection:
        return answer({"items": [dict(row._mapping) for row in connection.execute(query)]})


@router.get("/network", summary="Actors and their dyads and relations as a graph",
            response_model=models.Network)
def network(state: State, date_from: Day = None, date_to: Day = None,
            type: Annotated[str | None, Query(max_length=20)] = None,
            limit: Annotated[int, Query(ge=1, le=1000)] = 150) -> Response:
    with state.engine.connect() as connection:
        return answer(network_data(connection, day(date_from, "date_from"),
                                   day(date_to, "date_to"), type or None, limit))


@router.get("/map", summary="Event locations with counts and figures",
            response_model=models.MapPoints)
def map_points(state: State, limit: Limit = 500) -> Response:
    with state.engine.connect() as connection:
        return answer({"items": maps.points(connection, state.kb, limit)})


@router.get("/fused", summary="Events fused from several reports (from kroniek.graph)",
            response_model=models.FusedList)
def fused(state: State, limit: Limit = 50, offset: Offset = 0) -> Response:
    return answer(graphlink.fused(state.engine, limit, offset))


@router.get("/defence", summary="Would an attack oblige allies to defend? (kroniek.graph)",
            response_model=models.Defence)
def defence(state: State,
            attacked: Annotated[str, Query(min_length=1, max_length=120,
                                           description="the attacked state, e.g. ARM")],
            by: Annotated[str | None, Query(max_length=120)] = None,
            where: Annotated[str | None, Query(max_length=200)] = None,
            at: Day = None) -> Response:
    result = graphlink.defence(state.engine, state.kb, attacked, by or None, where or None,
                               day(at, "at") or dt.date.today())
    if "error" in result:
        # An actor or place the KB does not know is a bad parameter, not an answer.
        raise HTTPException(422, result["error"])
    return answer(result)
