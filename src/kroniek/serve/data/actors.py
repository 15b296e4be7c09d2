"""Actors: search, roles and relations at a date, activity and partners, from KB and store."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.graph import counterparts
from kroniek.graph.actors import event_counts
from kroniek.graph.actors import recent_events as graph_recent_events
from kroniek.kb import KnowledgeBase
from kroniek.kb.model import Actor
from kroniek.store import schema as t

p, a, r = t.event_participants, t.actors, t.relations


def resolve(kb: KnowledgeBase, connection: Connection, key: str) -> dict[str, Any] | None:
    """An actor by KB id, event code or stored id: its id, code, name and kind."""
    actor = kb.get(key) or kb.by_code(key)
    if actor is not None:
        return {"id": actor.id, "code": actor.code or actor.id.upper(), "name": actor.name,
                "kind": actor.kind}
    row = connection.execute(sa.select(a).where(sa.or_(a.c.id == key, a.c.code == key))).first()
    if row is not None:
        return {"id": row.id, "code": row.code or row.id.upper(), "name": row.name,
                "kind": row.kind}
    seen = connection.execute(sa.select(p.c.code).where(p.c.code == key.upper()).limit(1)).first()
    if seen is not None:  # a code events use that neither the KB nor the store names
        return {"id": key.lower(), "code": key.upper(), "name": key.upper(), "kind": "unknown"}
    return None


def search(kb: KnowledgeBase, connection: Connection, q: str | None,
           limit: int = 50) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    if q:
        for actor, route in kb.lookup(q):
            found[actor.id] = {**_summary(actor), "match": route}
        needle = f"%{q.lower()}%"
        for actor in kb.all_actors():
            if len(found) >= limit:
                break
            if q.lower() in actor.name.lower() or (actor.code or "").lower() == q.lower():
                found.setdefault(actor.id, {**_summary(actor), "match": "name"})
        for row in connection.execute(sa.select(a).where(sa.or_(
                sa.func.lower(a.c.name).like(needle), sa.func.lower(a.c.code) == q.lower()))
                .limit(limit)):
            found.setdefault(row.id, {"id": row.id, "code": row.code, "name": row.name,
                                      "kind": row.kind, "match": "stored"})
    else:
        for row in connection.execute(sa.select(a).order_by(a.c.name).limit(limit)):
            found[row.id] = {"id": row.id, "code": row.code, "name": row.name,
                             "kind": row.kind, "match": "stored"}
    return list(found.values())[:limit]


def _summary(actor: Actor) -> dict[str, Any]:
    return {"id": actor.id, "code": actor.code, "name": actor.name, "kind": actor.kind}


def roles(kb: KnowledgeBase, actor_id: str) -> list[dict[str, Any]]:
    actor = kb.get(actor_id)
    if actor is None:
        return []
    result = []
    for role in sorted(actor.roles, key=lambda x: x.start or dt.date.min):
        holder = kb.get(role.of)
        result.append({"office": role.office, "title": role.title, "of": role.of,
                       "of_name": holder.name if holder else role.of, "sector": role.sector,
                       "start": role.start.isoformat() if role.start else None,
                       "end": role.end.isoformat() if role.end else None})
    return result


def relations_at(kb: KnowledgeBase, connection: Connection, actor_id: str,
                 day: dt.date) -> list[dict[str, Any]]:
    """Relations valid on ``day``: stored ones (text or KB) and KB memberships."""
    valid = sa.and_(sa.or_(r.c.valid_from.is_(None), r.c.valid_from <= day),
                    sa.or_(r.c.valid_to.is_(None), r.c.valid_to >= day))
    result = [
        {**dict(row._mapping), "valid_from": _iso(row.valid_from), "valid_to": _iso(row.valid_to)}
        for row in connection.execute(
            sa.select(r.c.id, r.c.type, r.c.source, r.c.target, r.c.valid_from, r.c.valid_to,
                      r.c.origin, r.c.document_id, r.c.sentence_index)
            .where(sa.or_(r.c.source == actor_id, r.c.target == actor_id), valid).limit(500))
    ]
    if kb.get(actor_id) is not None:
        for org in kb.memberships(actor_id, day):
            result.append({"id": None, "type": "member_of", "source": actor_id, "target": org,
                           "valid_from": None, "valid_to": None, "origin": "kb",
                           "document_id": None, "sentence_index": None})
        for role in kb.roles_at(actor_id, day) if kb.actor(actor_id).kind == "person" else []:
            result.append({"id": None, "type": "leads", "source": actor_id, "target": role.of,
                           "valid_from": _iso(role.start), "valid_to": _iso(role.end),
                           "origin": "kb", "document_id": None, "sentence_index": None,
                           "office": role.office})
    return result


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def activity(connection: Connection, code: str, actor_id: str, until: dt.date,
             years: int = 2) -> list[dict[str, Any]]:
    """Events per month as actor and as recipient, in the ``years`` up to ``until``.

    By event code only (persons are coded as the state they act for), from the daily
    actor totals.
    """
    since = until - dt.timedelta(days=365 * years)
    months = []
    for first, roles in sorted(event_counts(connection, code, since, until, "month").items()):
        months.append({"month": first.isoformat()[:7],
                       **{role: sum(roles.get(role, {}).values())
                          for role in ("actor", "recipient")}})
    return months


def partners(connection: Connection, code: str, actor_id: str, until: dt.date,
             limit: int = 10) -> dict[str, list[dict[str, Any]]]:
    """Counterparts by summed score over the year up to ``until``: the most cooperative
    and the most hostile."""
    rows = [row for row in counterparts(connection, code, until - dt.timedelta(days=365), until)
            if row["code"] != code]
    return {
        "partners": sorted((x for x in rows if x["score"] > 0), key=lambda x: -x["score"])[:limit],
        "adversaries": sorted((x for x in rows if x["score"] < 0),
                              key=lambda x: x["score"])[:limit],
    }


def recent_events(connection: Connection, code: str, actor_id: str,
                  limit: int = 30) -> list[int]:
    return [row["id"] for row in graph_recent_events(connection, code, limit)]
