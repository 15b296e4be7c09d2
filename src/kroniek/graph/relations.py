"""Relations over time: stated in articles (origin ``text``, with their sentence) and
background facts from the KB (origin ``kb``: memberships, roles, claims, control), kept
apart and labelled so a reader always knows which is which."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kroniek.graph.common import ident
from kroniek.kb import KnowledgeBase
from kroniek.store import schema as t


@dataclass
class RelationFact:
    type: str
    source: str
    target: str
    origin: str  # text | kb
    valid_from: dt.date | None
    valid_to: dt.date | None
    document_id: str | None = None
    outlet: str | None = None
    sentence: str | None = None  # the evidence, for text relations
    note: str | None = None  # for KB facts

    def valid_at(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day <= self.valid_to
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("valid_from", "valid_to"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


def text_relations(
    engine: Engine, actor: str | None = None, at: dt.date | None = None,
    types: list[str] | None = None,
) -> list[RelationFact]:
    """Relations stored from articles; ``actor`` (code or id) at either end; valid at ``at``
    (a relation without an end stays valid; one seen only in an article dated up to its end)."""
    r, d = t.relations, t.documents
    query = sa.select(
        r.c.type, r.c.source, r.c.target, r.c.origin, r.c.valid_from, r.c.valid_to,
        r.c.document_id, d.c.outlet, d.c.text, r.c.start, r.c.end,
    ).select_from(r.outerjoin(d, d.c.id == r.c.document_id))
    if actor:
        query = query.where(sa.or_(r.c.source == actor, r.c.target == actor))
    if types:
        query = query.where(r.c.type.in_(types))
    if at:
        query = query.where(sa.or_(r.c.valid_from.is_(None), r.c.valid_from <= at))
    facts = []
    with engine.connect() as connection:
        for row in connection.execute(query.order_by(r.c.valid_from, r.c.type)):
            evidence = row.text[row.start : row.end] if row.text and row.start is not None else None
            facts.append(RelationFact(
                row.type, row.source, row.target, row.origin, row.valid_from, row.valid_to,
                row.document_id, row.outlet, evidence,
            ))
    return facts


def kb_relations(kb: KnowledgeBase, actor_id: str, at: dt.date) -> list[RelationFact]:
    """Background facts about one KB actor valid on ``at``, labelled origin ``kb``."""
    actor = kb.actor(actor_id)
    me = ident(kb, actor)
    facts: list[RelationFact] = []
    clauses = {c.alliance: c for c in kb.defence_clauses()}

    def membership_fact(org: str, state: str) -> RelationFact:
        clause = clauses.get(org)
        span = next(
            (m for m in (clause.members if clause else ()) if m.state == state and m.active(at)),
            None,
        )
        note = f"collective defence: {clause.article}" if clause else None
        return RelationFact(
            "member_of", ident(kb, kb.actor(state)), ident(kb, kb.actor(org)), "kb",
            span.start if span else None, span.end if span else None, note=note,
        )

    if actor.kind in ("state", "authority"):
        facts.extend(membership_fact(org, actor.id) for org in kb.memberships(actor.id, at))
    if actor.kind == "igo":
        facts.extend(membership_fact(actor.id, state) for state in kb.members(actor.id, at))
    if actor.kind == "person":
        for role in kb.roles_at(actor.id, at):
            body = kb.get(role.of)
            facts.append(RelationFact(
                "leads" if _leading(kb, role.office, role.of, at) else "holds_office",
                actor.id, ident(kb, body) if body else role.of, "kb", role.start, role.end,
                note=role.title or role.office,
            ))
    else:
        for person in kb.leaders(actor.id, at) if actor.kind != "place" else []:
            role = next((r for r in kb.roles_at(person.id, at) if r.of == actor.id), None)
            facts.append(RelationFact(
                "leads", person.id, me, "kb", role.start if role else None,
                role.end if role else None, note=(role.title or role.office) if role else None,
            ))
    facts.extend(_territorial(kb, actor_id, me, at))
    return facts


def _leading(kb: KnowledgeBase, office: str, of: str, at: dt.date) -> bool:
    return office == kb.leader_office(of, at)


def _territorial(kb: KnowledgeBase, actor_id: str, me: str, at: dt.date) -> list[RelationFact]:
    """Claims and control: of places by this actor, or of this place by others."""
    facts: list[RelationFact] = []
    places = [a for a in kb.all_actors() if a.kind == "place"]
    for place in places:
        status = kb.territory(place.id, at)
        note = "; ".join(status.notes) or None
        if place.id == actor_id or actor_id in (*status.claimants, *status.controllers):
            # Only disputed places: that a capital belongs to its state is no news.
            if set(status.claimants) == set(status.de_jure) == set(status.controllers):
                continue
            for kind, holders in (("claims", status.claimants), ("controls", status.controllers)):
                for holder in holders:
                    if place.id != actor_id and holder != actor_id:
                        continue
                    who = kb.get(holder)
                    facts.append(RelationFact(
                        kind, ident(kb, who) if who else holder, place.id, "kb", None, None,
                        note=note,
                    ))
    return facts


def relations_at(
    engine: Engine | None, kb: KnowledgeBase, actor_id: str, at: dt.date
) -> list[RelationFact]:
    """Every relation of an actor valid on ``at``: KB facts first, then article facts."""
    actor = kb.actor(actor_id)
    facts = kb_relations(kb, actor_id, at)
    if engine is not None:
        me = ident(kb, actor)
        names = {me, actor.id}
        for fact in text_relations(engine, me, at) + (
            text_relations(engine, actor.id, at) if actor.id != me else []
        ):
            if fact.source in names or fact.target in names:
                facts.append(fact)
    return facts
