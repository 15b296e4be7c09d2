"""Daily totals per actor and per dyad, kept in step with ``events`` on every write.

Dyad and actor time series over years of a busy pair would otherwise aggregate tens of
thousands of events per query. These tables hold one row per (code, day, PLOVER type)
and per (code, other, direction, day, type), so the graph and the web pages read a few
hundred rows instead. The writer adds a document's events and subtracts those of a
replaced document in the same transaction; :func:`rebuild` recomputes everything from
``event_participants`` (used by the migration that introduced them and by tests that
check the running totals).

Only events that count are in the totals, by PLOVER's reduction rules
(:func:`kroniek.plover.counted`): negated and hypothetical events did not happen and are
left out, a future meeting counts as the AGREE the manual makes of it (with AGREE's score),
and page furniture (a pull quote repeating the article) is never counted.

A dyad row is stored from both ends: ``(A, B, 'actor')`` is what A did to B and
``(B, A, 'recipient')`` the same events seen from B; ``'mutual'`` rows are reciprocal
events between two actors. One event with several actors or recipients counts once for
each pair, as each pair is a dyad of its own.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from kroniek.plover import UNREAL_STATUSES, categories, counted, future_as
from kroniek.plover import score as plover_score
from kroniek.store.schema import (
    AGGREGATE_TABLES,
    actor_days,
    dyad_days,
    event_participants,
    events,
)

ActorKey = tuple[str, Any, str, str]  # code, day, role, type
DyadKey = tuple[str, str, str, Any, str]  # code, other, direction, day, type


@dataclass
class Totals:
    """Changes to apply: events per actor key; events, score sum and scored per dyad key."""

    actors: Counter[ActorKey]
    dyads: dict[DyadKey, list[float]]


def totals(participants: Iterable[Mapping[str, Any]]) -> Totals:
    """What a set of events adds to the tables, from their participant rows (with the
    event's ``date_start``, ``type``, ``plover_score`` and ``reciprocal`` copied on)."""
    by_event: dict[int, list[Mapping[str, Any]]] = {}
    for row in participants:
        if row["date_start"] is not None:
            by_event.setdefault(row["event_id"], []).append(row)
    actors: Counter[ActorKey] = Counter()
    dyads: dict[DyadKey, list[float]] = {}

    def add(code: str, other: str, direction: str, event: Mapping[str, Any]) -> None:
        cell = dyads.setdefault(
            (code, other, direction, event["date_start"], event["type"]), [0, 0.0, 0])
        cell[0] += 1
        if event["plover_score"] is not None:
            cell[1] += event["plover_score"]
            cell[2] += 1

    for rows in by_event.values():
        first = rows[0]
        sources = [r["code"] for r in rows if r["role"] == "actor"]
        targets = [r["code"] for r in rows if r["role"] == "recipient"]
        for row in rows:
            actors[(row["code"], first["date_start"], row["role"], first["type"])] += 1
        for source in sources:
            for target in targets:
                add(source, target, "actor", first)
                add(target, source, "recipient", first)
        if first["reciprocal"]:
            for i, source in enumerate(sources):
                for j, target in enumerate(sources):
                    if i != j:
                        add(source, target, "mutual", first)
    return Totals(actors, dyads)


def _upsert(connection: Connection, table: sa.Table, rows: list[dict[str, Any]],
            keys: list[str], sums: list[str]) -> None:
    dialect = connection.dialect.name
    if dialect == "sqlite":
        statement: Any = sqlite.insert(table)
    elif dialect == "postgresql":
        statement = postgresql.insert(table)
    else:  # pragma: no cover - the two databases kroniek supports
        raise NotImplementedError(f"aggregates need SQLite or PostgreSQL, not {dialect}")
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={name: table.c[name] + statement.excluded[name] for name in sums})
    for offset in range(0, len(rows), 5_000):
        connection.execute(statement, rows[offset:offset + 5_000])


def apply(connection: Connection, change: Totals, sign: int = 1) -> None:
    """Add (``sign=1``) or subtract (``-1``) totals; rows that reach zero events go."""
    if change.actors:
        _upsert(connection, actor_days, [
            {"code": code, "day": day, "role": role, "type": kind, "events": sign * n}
            for (code, day, role, kind), n in change.actors.items()
        ], ["code", "day", "role", "type"], ["events"])
    if change.dyads:
        _upsert(connection, dyad_days, [
            {"code": code, "other": other, "direction": direction, "day": day, "type": kind,
             "events": sign * int(n), "score": sign * score, "scored": sign * int(scored)}
            for (code, other, direction, day, kind), (n, score, scored) in change.dyads.items()
        ], ["code", "other", "direction", "day", "type"], ["events", "score", "scored"])
    if sign < 0:
        for table in AGGREGATE_TABLES:
            connection.execute(table.delete().where(table.c.events <= 0))


def counted_rows(participants: Iterable[Mapping[str, Any]], status: str, mode: str | None,
                 furniture: bool) -> list[dict[str, Any]]:
    """The participant rows of one event as the totals count them (category and score
    after reduction), or none when the event does not count."""
    rows = list(participants)
    if furniture or not rows:
        return []
    first = rows[0]
    reduced = counted(str(first["type"]), mode, status, first["plover_score"])
    if reduced is None:
        return []
    kind, score = reduced
    return [{**row, "type": kind, "plover_score": score} for row in rows]


def participants_of(connection: Connection, event_ids: list[int]) -> list[dict[str, Any]]:
    """The counted participant rows of stored events (to subtract them on a replace)."""
    p, e = event_participants, events
    by_event: dict[int, list[dict[str, Any]]] = {}
    flags: dict[int, tuple[str, str | None, bool]] = {}
    for offset in range(0, len(event_ids), 500):
        for row in connection.execute(
            sa.select(p.c.event_id, p.c.role, p.c.code, p.c.date_start, p.c.type,
                      p.c.plover_score, p.c.reciprocal, e.c.status, e.c.mode, e.c.furniture)
            .join(e, e.c.id == p.c.event_id)
            .where(p.c.event_id.in_(event_ids[offset:offset + 500]))
        ):
            values = dict(row._mapping)
            flags[values["event_id"]] = (values.pop("status"), values.pop("mode"),
                                         bool(values.pop("furniture")))
            by_event.setdefault(values["event_id"], []).append(values)
    rows: list[dict[str, Any]] = []
    for event_id, participants in by_event.items():
        rows.extend(counted_rows(participants, *flags[event_id]))
    return rows


def _counted_columns(e: sa.Table, p: Any) -> tuple[sa.ColumnElement[Any], sa.ColumnElement[Any],
                                                    sa.ColumnElement[bool]]:
    """In SQL, what :func:`counted_rows` does: the counted type, score and condition."""
    reductions = {kind: future_as(kind) for kind in categories() if future_as(kind)}
    future = e.c.status == "future"
    kind = sa.case(*((sa.and_(future, p.c.type == source), sa.literal(target))
                     for source, target in reductions.items()), else_=p.c.type)
    score = sa.case(*((sa.and_(future, p.c.type == source), sa.literal(plover_score(target, None)))
                      for source, target in reductions.items()), else_=p.c.plover_score)
    condition = sa.and_(e.c.status.not_in(sorted(UNREAL_STATUSES)),
                        sa.func.coalesce(e.c.furniture, False).is_(False))
    return kind, score, condition


def rebuild(connection: Connection) -> None:
    """Recompute both tables from ``event_participants`` in SQL (no rows through Python)."""
    for table in AGGREGATE_TABLES:
        connection.execute(table.delete())
    p, e = event_participants, events
    kind, _, condition = _counted_columns(e, p)
    connection.execute(actor_days.insert().from_select(
        ["code", "day", "role", "type", "events"],
        sa.select(p.c.code, p.c.date_start, p.c.role, kind, sa.func.count())
        .join(e, e.c.id == p.c.event_id)
        .where(p.c.date_start.is_not(None), condition)
        .group_by(p.c.code, p.c.date_start, p.c.role, kind)))
    for direction, (a_role, b_role, reciprocal_only) in {
        "actor": ("actor", "recipient", False),
        "recipient": ("recipient", "actor", False),
        "mutual": ("actor", "actor", True),
    }.items():
        pa, pb = p.alias("pa"), p.alias("pb")
        kind, score, condition = _counted_columns(e, pa)
        query = (
            sa.select(pa.c.code, pb.c.code, sa.literal(direction), pa.c.date_start, kind,
                      sa.func.count(), sa.func.coalesce(sa.func.sum(score), 0.0),
                      sa.func.count(score))
            .select_from(pa.join(pb, sa.and_(pb.c.event_id == pa.c.event_id,
                                             pb.c.role == b_role))
                         .join(e, e.c.id == pa.c.event_id))
            .where(pa.c.role == a_role, pa.c.date_start.is_not(None), condition)
            .group_by(pa.c.code, pb.c.code, pa.c.date_start, kind)
        )
        if reciprocal_only:
            query = query.where(pa.c.reciprocal.is_(True), pa.c.position != pb.c.position)
        connection.execute(dyad_days.insert().from_select(
            ["code", "other", "direction", "day", "type", "events", "score", "scored"], query))
