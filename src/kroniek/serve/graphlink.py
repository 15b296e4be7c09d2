"""Calls into ``kroniek.graph`` (fused events, the defence question) when it is installed.

The graph package is written alongside the web UI; until it provides a function the
pages and the API say "not available" rather than guess, because an alliance-obligation
answer that is wrong is worse than none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
import inspect
from collections.abc import Callable
from typing import Any

from sqlalchemy.engine import Engine

from kroniek.kb import KnowledgeBase

DEFENCE_NAMES = ("ask_defence", "defence", "defence_obligation", "obligation", "ask")
FUSED_NAMES = ("fused_events", "list_fused", "fused")


def _function(names: tuple[str, ...]) -> Callable[..., Any] | None:
    try:
        graph = importlib.import_module("kroniek.graph")
    except ImportError:
        return None
    for name in names:
        function = getattr(graph, name, None)
        if callable(function):
            return function  # type: ignore[no-any-return]
    return None


def _call(function: Callable[..., Any], **available: Any) -> Any:
    """Pass the arguments the function names; graph functions differ in what they need."""
    parameters = inspect.signature(function).parameters
    takes_all = any(p.kind is p.VAR_KEYWORD for p in parameters.values())
    return function(**{k: v for k, v in available.items() if takes_all or k in parameters})


def plain(value: Any) -> Any:
    """A graph result as JSON-ready data (dataclasses, dates, tuples, sets)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain(dataclasses.asdict(value))
    if hasattr(value, "model_dump"):
        return plain(value.model_dump())
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def has_defence() -> bool:
    return _function(DEFENCE_NAMES) is not None


def has_fused() -> bool:
    return _function(FUSED_NAMES) is not None


def unavailable(what: str) -> dict[str, Any]:
    return {"available": False,
            "detail": f"{what} is not available: kroniek.graph does not provide it yet"}


def defence(engine: Engine, kb: KnowledgeBase, attacked: str, by: str | None,
            where: str | None, at: dt.date) -> dict[str, Any]:
    function = _function(DEFENCE_NAMES)
    if function is None:
        return unavailable("the alliance-obligation question")
    try:
        answer = _call(function, engine=engine, kb=kb, attacked=attacked, by=by,
                       attacker=by, where=where, place=where, at=at, day=at, date=at)
    except (KeyError, ValueError, LookupError) as error:
        return {"available": True, "error": str(error).strip("'\"")}
    except TypeError as error:
        return {**unavailable("the alliance-obligation question"), "detail":
                f"kroniek.graph's defence function takes other arguments: {error}"}
    return {"available": True, "answer": plain(answer)}


def fused(engine: Engine, limit: int, offset: int) -> dict[str, Any]:
    function = _function(FUSED_NAMES)
    if function is None:
        return {**unavailable("event fusion"), "items": []}
    try:
        items = _call(function, engine=engine, limit=limit, offset=offset)
    except TypeError as error:
        return {**unavailable("event fusion"), "items": [],
                "detail": f"kroniek.graph's fusion function takes other arguments: {error}"}
    return {"available": True, "items": plain(list(items))}
