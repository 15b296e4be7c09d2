"""An article with its extractions, cut into highlighted segments like displaCy's view."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.store import queries
from kroniek.store import schema as t

p = t.event_participants


@dataclass
class Span:
    start: int
    end: int
    kind: str  # actor, entity, event, quote, figure
    tip: str  # what the span was resolved to, shown on hover
    href: str | None = None


@dataclass
class Segment:
    text: str
    kinds: list[str] = field(default_factory=list)
    tips: list[str] = field(default_factory=list)
    href: str | None = None


# The link of a segment covered by several spans: the most specific one wins.
_LINK_ORDER = ("event", "actor", "figure", "quote", "entity")


def load(engine: Engine, document_id: str) -> dict[str, Any] | None:
    return queries.document(engine, document_id)


def _date(event: dict[str, Any]) -> str:
    if not event.get("date_start"):
        return "date unknown"
    start, end = event["date_start"], event["date_end"]
    text = start.isoformat() if start == end or not end else f"{start} … {end}"
    return f"{text} ({event.get('date_precision') or '?'})"


def spans(document: dict[str, Any], participants: dict[int, dict[str, list[str]]]) -> list[Span]:
    out: list[Span] = []
    for m in document["mentions"]:
        if m["actor_id"]:
            code = f" as {m['code']}" if m["code"] else ""
            sector = f" {m['sector']}" if m["sector"] else ""
            out.append(Span(m["start"], m["end"], "actor",
                            f"actor {m['actor_id']}{code}{sector} · {m['method']}",
                            f"/actor/{m['actor_id']}"))
        else:
            out.append(Span(m["start"], m["end"], "entity", f"{m['label']} · not linked"))
    for ev in document["events"]:
        who = participants.get(ev["id"], {})
        out.append(Span(ev["start"], ev["end"], "event",
                        f"{ev['type']} {ev['mode'] or ''} · {ev['status']} · {_date(ev)} · "
                        f"{','.join(who.get('actor', [])) or '?'} → "
                        f"{','.join(who.get('recipient', [])) or '?'}",
                        f"/event/{ev['id']}"))
    for q in document["quotes"]:
        out.append(Span(q["start"], q["end"], "quote",
                        f"quote by {q['speaker'] or 'unknown speaker'}"
                        f"{'' if q['direct'] else ' (partial)'}"))
    for f in document["figures"]:
        out.append(Span(f["start"], f["end"], "figure",
                        f"{f['kind']} {f['qualifier']} {f['value']:g} {f['unit']}"))
    return [span for span in out if 0 <= span.start < span.end <= len(document["text"])]


def segments(text: str, marks: list[Span]) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece knows every span covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        covering = [m for m in marks if m.start <= left and m.end >= right]
        if not covering:
            out.append(Segment(text[left:right]))
            continue
        kinds = sorted({m.kind for m in covering}, key=_LINK_ORDER.index)
        link = next((m.href for kind in kinds for m in covering if m.kind == kind and m.href),
                    None)
        out.append(Segment(text[left:right], kinds, [m.tip for m in covering], link))
    return out


def participants_of(
    connection: Connection, event_ids: list[int]
) -> dict[int, dict[str, list[str]]]:
    result: dict[int, dict[str, list[str]]] = {}
    if not event_ids:
        return result
    for row in connection.execute(sa.select(p).where(p.c.event_id.in_(event_ids))
                                  .order_by(p.c.position)):
        result.setdefault(row.event_id, {"actor": [], "recipient": []})[row.role].append(row.code)
    return result
