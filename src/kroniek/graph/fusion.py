"""One real-world event from many reports.

Two reports from different documents are joined when they have the same PLOVER type (and
mode, when both have one), share an actor (actor or recipient side), their date intervals
overlap and their places agree (equal, or one unknown, or one inside the other). Clusters
grow greedily in date order and a report joins a cluster only when it is compatible with
every member and comes from a document not yet in it, so no chain of near-misses merges
unrelated events.

Fusion is a rebuild: ``fuse`` replaces the fused tables in one transaction, so re-running
never merges twice, and ``unfuse`` removes them; the reports themselves are never changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.kb import KnowledgeBase
from kroniek.store import schema as t


@dataclass
class Report:
    id: int
    document: str
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    start: dt.date
    end: dt.date
    location: str | None
    status: str
    mode: str | None
    outlet: str | None
    published: dt.date | None
    figures: list[tuple[str, float, str]] = field(default_factory=list)

    @property
    def parties(self) -> frozenset[str]:
        return self.actors | self.recipients


@dataclass
class FusionSummary:
    reports: int
    fused: int  # fused events with two or more reports
    joined: int  # reports that are part of one


def _within(kb: KnowledgeBase | None, inner: str, outer: str) -> bool:
    """Whether place ``inner`` lies in ``outer`` by the KB's parent chain."""
    if kb is None:
        return False
    seen: set[str] = set()
    current = kb.get(inner)
    while current is not None and current.id not in seen:
        if current.id == outer:
            return True
        seen.add(current.id)
        current = kb.get(current.parent or "")
    return False


def compatible(a: Report, b: Report, kb: KnowledgeBase | None = None) -> dict[str, Any] | None:
    """Why ``a`` and ``b`` report the same event, or None when they do not."""
    if a.document == b.document or a.type != b.type:
        return None
    shared = sorted(a.parties & b.parties)
    if not shared or not (a.actors & b.parties) or not (b.actors & a.parties):
        return None
    if a.start > b.end or b.start > a.end:
        return None
    if a.mode and b.mode and a.mode != b.mode:
        return None  # a phone call and a visit are two events, even between the same sides
    negated = {a.status, b.status} & {"negated", "hypothetical"}
    if negated and a.status != b.status:
        return None
    if (a.location and b.location and a.location != b.location
            and not (_within(kb, a.location, b.location)
                     or _within(kb, b.location, a.location))):
        return None
    overlap_start, overlap_end = max(a.start, b.start), min(a.end, b.end)
    union = len(a.parties | b.parties)
    return {
        "type": a.type, "shared_actors": shared,
        "actor_overlap": round(len(shared) / union, 3),
        "dates": [overlap_start.isoformat(), overlap_end.isoformat()],
        "place": a.location or b.location,
    }


def load_reports(connection: Connection) -> list[Report]:
    e, p, d = t.events, t.event_participants, t.documents
    parties: dict[int, dict[str, set[str]]] = defaultdict(lambda: {"actor": set(),
                                                                  "recipient": set()})
    for event_id, role, code in connection.execute(sa.select(p.c.event_id, p.c.role, p.c.code)):
        parties[event_id][role].add(code)
    figures: dict[int, list[tuple[str, float, str]]] = defaultdict(list)
    f = t.figures
    for event_id, kind, value, qualifier in connection.execute(
        sa.select(f.c.event_id, f.c.kind, f.c.value, f.c.qualifier).where(
            f.c.event_id.is_not(None))
    ):
        figures[event_id].append((kind, value, qualifier))
    query = sa.select(
        e.c.id, e.c.document_id, e.c.type, e.c.date_start, e.c.date_end, e.c.location,
        e.c.status, e.c.mode, e.c.furniture, d.c.outlet, d.c.published_start, d.c.published_end,
    ).join(d, d.c.id == e.c.document_id)
    reports = []
    for row in connection.execute(query):
        start = row.date_start or row.published_start
        end = row.date_end or row.date_start or row.published_end
        if row.furniture or start is None or end is None:
            continue  # undated reports cannot be placed in time, furniture repeats the body
        reports.append(Report(
            row.id, row.document_id, row.type, frozenset(parties[row.id]["actor"]),
            frozenset(parties[row.id]["recipient"]), start, end, row.location, row.status,
            row.mode, row.outlet, row.published_start, figures.get(row.id, []),
        ))
    return reports


def cluster(reports: list[Report], kb: KnowledgeBase | None = None
            ) -> list[list[tuple[Report, int | None, dict[str, Any]]]]:
    """Greedy clusters: (report, the report it was joined to, reason) per member."""
    clusters: list[list[tuple[Report, int | None, dict[str, Any]]]] = []
    by_type: dict[str, list[int]] = defaultdict(list)
    for report in sorted(reports, key=lambda r: (r.start, r.end, r.id)):
        best: tuple[float, int, int, dict[str, Any]] | None = None
        for index in by_type[report.type]:
            members = clusters[index]
            if any(m.document == report.document for m, _, _ in members):
                continue
            reasons = [compatible(report, m, kb) for m, _, _ in members]
            if any(r is None for r in reasons):
                continue
            top = max(range(len(members)), key=lambda i: reasons[i]["actor_overlap"])  # type: ignore[index]
            score = reasons[top]["actor_overlap"]  # type: ignore[index]
            if best is None or score > best[0]:
                best = (score, index, members[top][0].id, reasons[top])  # type: ignore[arg-type]
        if best is None:
            by_type[report.type].append(len(clusters))
            clusters.append([(report, None, {})])
        else:
            clusters[best[1]].append((report, best[2], best[3]))
    return clusters


def _figures(members: list[Report]) -> dict[str, Any]:
    """All figures the reports give, per kind, with their range: disagreement is kept."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for report in members:
        for kind, value, qualifier in report.figures:
            found[kind].append({"value": value, "qualifier": qualifier,
                                "event": report.id, "outlet": report.outlet})
    return {
        kind: {"values": values, "min": min(v["value"] for v in values),
               "max": max(v["value"] for v in values),
               "agree": len({(v["value"], v["qualifier"]) for v in values}) == 1}
        for kind, values in found.items()
    }


def fuse(engine: Engine, kb: KnowledgeBase | None = None) -> FusionSummary:
    """Rebuild the fused events from every stored report (idempotent)."""
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as connection:
        reports = load_reports(connection)
        groups = [g for g in cluster(reports, kb) if len(g) > 1]
        connection.execute(t.fusion_links.delete())
        connection.execute(t.fused_events.delete())
        joined = 0
        for group in groups:
            members = [r for r, _, _ in group]
            key = hashlib.sha1(",".join(str(r.id) for r in sorted(
                members, key=lambda r: r.id)).encode()).hexdigest()
            published = [r.published for r in members if r.published]
            result = connection.execute(t.fused_events.insert().values(
                key=key, type=members[0].type,
                actors=sorted(set().union(*(r.actors for r in members))),
                recipients=sorted(set().union(*(r.recipients for r in members))),
                date_start=max(r.start for r in members), date_end=min(r.end for r in members),
                location=next((r.location for r in members if r.location), None),
                first_report=min(published) if published else None,
                sources=len({r.document for r in members}),
                outlets=sorted({r.outlet for r in members if r.outlet}),
                figures=_figures(members), created_at=now,
            ))
            fused_id = int(result.inserted_primary_key[0])
            connection.execute(t.fusion_links.insert(), [
                {"event_id": r.id, "fused_id": fused_id, "joined_to": to, "reason": why,
                 "score": float(why.get("actor_overlap", 1.0))}
                for r, to, why in group
            ])
            joined += len(group)
    return FusionSummary(len(reports), len(groups), joined)


def unfuse(engine: Engine, fused_id: int | None = None) -> int:
    """Undo fusion of one fused event, or of all; returns how many were removed."""
    with engine.begin() as connection:
        links, fused = t.fusion_links, t.fused_events
        if fused_id is None:
            connection.execute(links.delete())
            return int(connection.execute(fused.delete()).rowcount or 0)
        connection.execute(links.delete().where(links.c.fused_id == fused_id))
        return int(connection.execute(fused.delete().where(fused.c.id == fused_id)).rowcount or 0)


def fused_events(engine: Engine) -> list[dict[str, Any]]:
    """Fused events with their reports and why each was joined, newest first."""
    f, links, e, d = t.fused_events, t.fusion_links, t.events, t.documents
    with engine.connect() as connection:
        rows = [dict(r._mapping) for r in connection.execute(
            sa.select(f).order_by(f.c.date_start.desc(), f.c.id))]
        reports: dict[int, list[dict[str, Any]]] = defaultdict(list)
        for r in connection.execute(
            sa.select(links.c.fused_id, links.c.event_id, links.c.joined_to, links.c.reason,
                      e.c.document_id, d.c.outlet, e.c.trigger)
            .join(e, e.c.id == links.c.event_id).join(d, d.c.id == e.c.document_id)
        ):
            reports[r.fused_id].append({
                "event": r.event_id, "document": r.document_id, "outlet": r.outlet,
                "trigger": r.trigger, "joined_to": r.joined_to, "reason": r.reason,
            })
    for row in rows:
        row["reports"] = reports.get(row["id"], [])
        for key in ("date_start", "date_end", "first_report", "created_at"):
            row[key] = row[key].isoformat() if row[key] else None
    return rows
