"""An actor's timeline: who it is (roles for persons), its relations at a date, and its
events as actor and as recipient over time."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.graph.common import as_date, connected, ident, period_start, resolve
from kroniek.graph.relations import RelationFact, relations_at
from kroniek.kb import KnowledgeBase
from kroniek.store import schema as t
from kroniek.store.schema import actor_days


@dataclass
class ActorTimeline:
    id: str
    code: str
    name: str
    kind: str
    at: dt.date
    roles: list[dict[str, Any]]
    relations: list[RelationFact]
    # period start -> role (actor|recipient) -> PLOVER type -> events
    periods: dict[dt.date, dict[str, dict[str, int]]] = field(default_factory=dict)
    recent: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "code": self.code, "name": self.name, "kind": self.kind,
            "at": self.at.isoformat(), "roles": self.roles,
            "relations": [r.to_dict() for r in self.relations],
            "periods": {d.isoformat(): roles for d, roles in sorted(self.periods.items())},
            "recent": self.recent,
        }


def _roles(kb: KnowledgeBase, actor_id: str) -> list[dict[str, Any]]:
    actor = kb.actor(actor_id)
    rows = []
    for role in sorted(actor.roles, key=lambda r: r.start or dt.date.min):
        body = kb.get(role.of)
        rows.append({
            "office": role.office, "title": role.title, "of": ident(kb, body) if body else role.of,
            "sector": role.sector, "start": role.start.isoformat() if role.start else None,
            "end": role.end.isoformat() if role.end else None,
        })
    return rows


def event_counts(
    bind: Engine | Connection, code: str, since: dt.date | None = None,
    until: dt.date | None = None, by: str = "month",
) -> dict[dt.date, dict[str, dict[str, int]]]:
    """Events with ``code`` as actor and as recipient, per period and PLOVER type, from
    the daily totals in ``actor_days``."""
    d = actor_days
    periods: dict[dt.date, dict[str, dict[str, int]]] = {}
    with connected(bind) as connection:
        start = period_start(d.c.day, by, connection.dialect.name).label("start")
        query = (sa.select(d.c.role, start, d.c.type, sa.func.sum(d.c.events))
                 .where(d.c.code == code).group_by(d.c.role, start, d.c.type))
        if since:
            query = query.where(d.c.day >= since)
        if until:
            query = query.where(d.c.day <= until)
        for role, first, kind, n in connection.execute(query):
            cell = periods.setdefault(as_date(first), {}).setdefault(role, {})
            cell[kind] = cell.get(kind, 0) + int(n)
    return periods


def recent_events(bind: Engine | Connection, code: str, limit: int = 10,
                  until: dt.date | None = None) -> list[dict[str, Any]]:
    p, e = t.event_participants, t.events
    rows = []
    with connected(bind) as connection:
        # One query per role, each walking the (code, role, date_start) index backwards.
        for role in ("actor", "recipient"):
            query = (
                sa.select(e.c.id, p.c.date_start, e.c.type, e.c.status, e.c.trigger, p.c.role,
                          e.c.document_id)
                .select_from(p.join(e, e.c.id == p.c.event_id))
                .where(p.c.code == code, p.c.role == role)
                .order_by(p.c.date_start.desc(), p.c.event_id.desc())
                .limit(limit)
            )
            if until:
                query = query.where(p.c.date_start <= until)
            rows.extend(connection.execute(query))
    rows.sort(key=lambda r: (r.date_start or dt.date.min, r.id), reverse=True)
    return [
        {"id": r.id, "date": r.date_start.isoformat() if r.date_start else None,
         "type": r.type, "status": r.status, "role": r.role, "trigger": r.trigger,
         "document": r.document_id}
        for r in rows[:limit]
    ]


def actor_timeline(
    engine: Engine, kb: KnowledgeBase, reference: str, at: dt.date | None = None,
    since: dt.date | None = None, until: dt.date | None = None, by: str = "month",
) -> ActorTimeline:
    """Roles, relations valid at ``at`` (default today) and events over time of one actor."""
    actor = resolve(kb, reference)
    day = at or dt.date.today()
    code = ident(kb, actor)
    roles = _roles(kb, actor.id) if actor.kind == "person" else []
    timeline = ActorTimeline(
        id=actor.id, code=code, name=actor.name, kind=actor.kind, at=day, roles=roles,
        relations=relations_at(engine, kb, actor.id, day),
    )
    # A person's events are coded as the office's state; their own events need their id.
    event_code = code
    timeline.periods = event_counts(engine, event_code, since, until, by)
    timeline.recent = recent_events(engine, event_code, until=until)
    return timeline
