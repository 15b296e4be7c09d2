"""/api/v1/actors: search, and one actor with roles and relations at a date."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path
from fastapi.responses import Response

from kroniek.serve import models
from kroniek.serve.data import actors as data
from kroniek.serve.models import NOT_FOUND, PROBLEMS, answer
from kroniek.serve.routes.params import Day, Limit, Text, day
from kroniek.serve.state import AppState, get_state

router = APIRouter(tags=["actors"], responses=PROBLEMS)
State = Annotated[AppState, Depends(get_state)]
ActorKey = Annotated[str, Path(min_length=1, max_length=120)]


@router.get("/actors", summary="Actors by name, alias, code or id",
            response_model=models.ActorList)
def search(state: State, q: Text = None, limit: Limit = 50) -> Response:
    with state.engine.connect() as connection:
        return answer({"items": data.search(state.kb, connection, q, limit)})


def actor_detail(state: AppState, key: str, at: dt.date | None) -> dict[str, Any]:
    day = at or dt.date.today()
    with state.engine.connect() as connection:
        actor = data.resolve(state.kb, connection, key)
        if actor is None:
            raise HTTPException(404, f"no actor {key!r}")
        return {
            **actor,
            "at": day.isoformat(),
            "roles": data.roles(state.kb, actor["id"]),
            "relations": data.relations_at(state.kb, connection, actor["id"], day),
            "activity": data.activity(connection, actor["code"], actor["id"], day),
            **data.partners(connection, actor["code"], actor["id"], day),
        }


@router.get("/actors/{key}", summary="An actor: roles, relations valid at a date, activity",
            response_model=models.ActorDetail, responses=NOT_FOUND)
def detail(state: State, key: ActorKey, at: Day = None) -> Response:
    return answer(actor_detail(state, key, day(at, "at")))
