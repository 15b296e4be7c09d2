"""Would an attack oblige allies to defend? Collective-defence clauses against the KB's
memberships, sovereignty and control of places at a date, with the evidence.

A clause is triggered when the attacked state is a member on that day, the place attacked
lies within the clause's scope (the attacked member's territory as the KB records it:
de jure, or administered where the clause says so) and the attacker is not itself a member.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kroniek.datafiles import load_yaml
from kroniek.graph.common import ident, resolve
from kroniek.kb import DefenceClause, KnowledgeBase
from kroniek.store import schema as t


@dataclass
class ClauseAssessment:
    alliance: str  # event code (CSTO) or KB id
    alliance_name: str
    article: str
    summary: str
    verdict: str  # triggered | not triggered | unclear
    in_scope: bool
    attacker_member: bool
    bound: list[str]  # members who would owe assistance
    reasons: list[str]


@dataclass
class DefenceAnswer:
    attacked: str
    attacker: str | None
    where: str | None
    at: dt.date
    territory: dict[str, Any]
    clauses: list[ClauseAssessment]
    kb_facts: list[str] = field(default_factory=list)
    sentences: list[dict[str, Any]] = field(default_factory=list)

    @property
    def verdict(self) -> str:
        triggered = [c.alliance for c in self.clauses if c.verdict == "triggered"]
        if triggered:
            return "triggered: " + ", ".join(triggered)
        if any(c.verdict == "unclear" for c in self.clauses):
            return "unclear"
        return "not triggered"

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["at"] = self.at.isoformat()
        data["verdict"] = self.verdict
        return data


@lru_cache(maxsize=1)
def _scopes() -> dict[str, Any]:
    text = resources.files("kroniek.graph").joinpath("data/scopes.yaml").read_text("utf-8")
    return load_yaml(text)  # type: ignore[no-any-return]


def _place_status(
    kb: KnowledgeBase, attacked: str, where: str | None, at: dt.date
) -> tuple[str | None, set[str], set[str], dict[str, Any]]:
    """The place (KB id), its de-jure states and its controllers; the attacked state's own
    recognised territory when no place is given."""
    if where is None:
        return None, {attacked}, {attacked}, {"place": None, "de_jure": [attacked]}
    place = resolve(kb, where)
    if place.kind != "place":
        return place.id, {place.id}, {place.id}, {"place": place.id, "de_jure": [place.id]}
    status = kb.territory(place.id, at)
    info = {
        "place": place.id, "name": place.name, "de_jure": list(status.de_jure),
        "claimants": list(status.claimants), "controllers": list(status.controllers),
        "notes": list(status.notes),
    }
    return place.id, set(status.de_jure), set(status.controllers), info


def _assess(
    kb: KnowledgeBase, clause: DefenceClause, attacked: str, attacker: str | None,
    place: str | None, de_jure: set[str], controllers: set[str], at: dt.date,
) -> ClauseAssessment:
    alliance = kb.actor(clause.alliance)
    members = set(kb.members(clause.alliance, at))
    scope = _scopes().get(clause.scope, _scopes()["members_territory"])
    reasons = [f"{kb.actor(attacked).name} is a member of {alliance.name} on {at.isoformat()}"]
    own = attacked in de_jure
    administered = attacked in controllers
    in_scope = own or (bool(scope.get("administered")) and administered)
    where = kb.actor(place).name if place else f"{kb.actor(attacked).name}'s territory"
    if own:
        reasons.append(f"the attack is on {kb.actor(attacked).name}'s recognised territory"
                       + (f" ({kb.actor(place).name})" if place and place != attacked else ""))
    elif in_scope:
        reasons.append(f"{where} is administered by {kb.actor(attacked).name}")
    else:
        owners = ", ".join(kb.actor(s).name for s in sorted(de_jure) if s in kb) or "nobody"
        held = ", ".join(kb.actor(s).name for s in sorted(controllers) if s in kb) or "nobody"
        reasons.append(
            f"{where} is not {kb.actor(attacked).name}'s territory: de jure {owners}, "
            f"controlled by {held}"
        )
    area = scope.get("states")
    outside = area is not None and (
        attacked not in area or (place and place in scope.get("excluded_places", ())))
    if in_scope and outside:
        in_scope = False
        reasons.append(f"{where} lies outside the area {clause.article} covers "
                       f"({clause.scope.replace('_', ' ')})")
    attacker_member = attacker in members if attacker else False
    if attacker_member:
        reasons.append(f"the attacker, {kb.actor(attacker or '').name}, is itself a member")
    bound = sorted(ident(kb, kb.actor(m)) for m in members - {attacked, attacker or ""})
    if not in_scope:
        verdict = "not triggered"
    elif attacker_member:
        verdict = "unclear"
    else:
        verdict = "triggered"
    return ClauseAssessment(
        alliance=ident(kb, alliance), alliance_name=alliance.name, article=clause.article,
        summary=clause.summary, verdict=verdict, in_scope=in_scope,
        attacker_member=attacker_member, bound=bound if verdict != "not triggered" else [],
        reasons=reasons,
    )


def _sentences(
    engine: Engine, codes: list[str], place: str | None, limit: int = 5
) -> list[dict[str, Any]]:
    """Article sentences that mention the attacked and the attacker (or the place)."""
    m, d = t.mentions, t.documents
    wanted = [c for c in codes if c]
    if len(wanted) < 2 and not place:
        return []
    matches = [m.c.code.in_(wanted)]
    if place:
        matches.append(m.c.actor_id == place)
    hits = (
        sa.select(m.c.document_id, m.c.sentence_index,
                  sa.func.count(sa.distinct(sa.func.coalesce(m.c.code, m.c.actor_id))).label("n"),
                  sa.func.min(m.c.start).label("first"))
        .where(sa.or_(*matches))
        .group_by(m.c.document_id, m.c.sentence_index)
        .having(sa.func.count(sa.distinct(sa.func.coalesce(m.c.code, m.c.actor_id))) >= 2)
        .order_by(sa.desc("n"))
        .limit(limit)
        .subquery()
    )
    s = t.sentences
    query = (
        sa.select(hits.c.document_id, hits.c.sentence_index, d.c.outlet, d.c.text, s.c.start,
                  s.c.end)
        .join(d, d.c.id == hits.c.document_id)
        .join(s, sa.and_(s.c.document_id == hits.c.document_id,
                         s.c.sentence_index == hits.c.sentence_index))
    )
    with engine.connect() as connection:
        return [
            {"document": r.document_id, "sentence": r.sentence_index, "outlet": r.outlet,
             "text": r.text[r.start : r.end]}
            for r in connection.execute(query)
        ]


def defence_obligations(
    kb: KnowledgeBase, attacked: str, by: str | None = None, where: str | None = None,
    at: dt.date | None = None, engine: Engine | None = None,
) -> DefenceAnswer:
    """Each collective-defence clause covering ``attacked`` on ``at``, assessed for an attack
    by ``by`` at ``where`` (a place; the attacked state's territory when None)."""
    day = at or dt.date.today()
    victim = resolve(kb, attacked)
    attacker = resolve(kb, by) if by else None
    place, de_jure, controllers, territory = _place_status(kb, victim.id, where, day)
    answer = DefenceAnswer(
        attacked=ident(kb, victim), attacker=ident(kb, attacker) if attacker else None,
        where=place, at=day, territory=territory, clauses=[],
    )
    for clause in kb.defence_clauses():
        if victim.id not in kb.members(clause.alliance, day):
            continue
        answer.clauses.append(_assess(
            kb, clause, victim.id, attacker.id if attacker else None, place, de_jure,
            controllers, day,
        ))
        answer.kb_facts.append(f"{clause.article}: {clause.summary}")
    if territory.get("place") and territory.get("notes"):
        answer.kb_facts.extend(territory["notes"])
    if engine is not None:
        answer.sentences = _sentences(
            engine, [answer.attacked, answer.attacker or ""], place,
        )
    return answer
