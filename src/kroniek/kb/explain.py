"""Human-readable answers for ``kroniek kb search`` and ``kroniek kb show``."""

from __future__ import annotations

import datetime as dt

from kroniek.kb.base import KnowledgeBase
from kroniek.kb.model import Actor, Role


def _role_line(kb: KnowledgeBase, role: Role) -> str:
    of = kb.get(role.of)
    label = (
        kb.offices.offices[role.office].label if role.office in kb.offices.offices else role.office
    )
    title = f" ({role.title})" if role.title else ""
    start = role.start.isoformat() if role.start else "?"
    end = role.end.isoformat() if role.end else "present"
    return f"{label}{title} of {of.name if of else role.of} [{role.sector}] {start} .. {end}"


def _code_text(kb: KnowledgeBase, actor: Actor, day: dt.date) -> str:
    code, sector = kb.acts_for(actor.id, day)
    if not code:
        return "no event code"
    return f"acts as {code}" + (f" ({sector})" if sector else "")


def explain(kb: KnowledgeBase, text: str, day: dt.date) -> list[str]:
    """What ``text`` resolves to on ``day`` and why, one line per reading."""
    lines: list[str] = []
    for actor, route in kb.lookup(text):
        lines.append(
            f"{actor.id} ({actor.kind}, {actor.name}) via {route}: {_code_text(kb, actor, day)}"
        )
        if actor.kind == "person":
            current = kb.roles_at(actor.id, day)
            lines += [f"  role on {day}: {_role_line(kb, r)}" for r in current]
            if not current:
                lines.append(f"  holds no known office on {day}")
    office = kb.office_key(text)
    if office:
        lines.append(f"office phrase -> {office}")
    if not lines:
        lines.append(f"no match for {text!r} in the KB")
        for actor, score in kb.suggest(text, limit=3):
            lines.append(
                f"  did you mean {actor.id} ({actor.kind}, {actor.name})? similarity {score:.0f}"
            )
    return lines


def render_actor(kb: KnowledgeBase, actor_id: str, day: dt.date | None = None) -> list[str]:
    """All the KB knows about one actor, as lines of text."""
    actor = kb.actor(actor_id)
    day = day or dt.date.today()
    lines = [f"{actor.name}  [{actor.id}]  kind={actor.kind}  code={actor.code or '-'}"]
    if actor.iso3 or actor.wikidata:
        lines.append(f"iso3={actor.iso3 or '-'}  wikidata={actor.wikidata or '-'}")
    for lang, names in sorted(actor.names.items()):
        lines.append(f"names[{lang}]: {', '.join(names)}")
    for label, values in (
        ("abbreviations", actor.abbreviations),
        ("aliases", actor.aliases),
        ("adjectives", actor.adjectives),
        ("demonyms", actor.demonyms),
        ("metonyms", actor.metonyms),
        ("operates in", actor.operates_in),
    ):
        if values:
            lines.append(f"{label}: {', '.join(values)}")
    if actor.parent:
        lines.append(f"parent: {actor.parent}")
    if actor.coords:
        lines.append(f"coords: {actor.coords[0]:.4f}, {actor.coords[1]:.4f}")
    if actor.valid_from or actor.valid_to:
        lines.append(f"valid: {actor.valid_from or '?'} .. {actor.valid_to or 'present'}")
    lines += [f"role: {_role_line(kb, r)}" for r in actor.roles]
    if actor.kind in ("igo", "organisation") or kb.members(actor.id, day):
        members = kb.members(actor.id, day)
        if members:
            lines.append(f"members on {day}: {', '.join(members)}")
    if actor.kind == "state":
        orgs = kb.memberships(actor.id, day)
        if orgs:
            lines.append(f"member of on {day}: {', '.join(orgs)}")
        leaders = kb.leaders(actor.id, day)
        if leaders:
            lines.append(f"leader on {day}: {', '.join(p.name for p in leaders)}")
    if actor.kind in ("place", "authority"):
        status = kb.territory(actor.id, day)
        de_jure = ", ".join(status.de_jure) or "-"
        claimants = ", ".join(status.claimants) or "-"
        controllers = ", ".join(status.controllers) or "-"
        lines.append(
            f"territory on {day}: de jure {de_jure}; claimed by {claimants}; "
            f"controlled by {controllers}"
        )
        lines += [f"  note: {n}" for n in status.notes]
    for clause in kb.defence_clauses():
        if clause.alliance == actor.id:
            lines.append(
                f"defence clause: {clause.article} (scope {clause.scope}): {clause.summary}"
            )
    if actor.note:
        lines.append(f"note: {actor.note}")
    return lines
