"""An article with its extractions, cut into highlighted segments like displaCy's view."""

from __future__ import annotations

import itertools
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
    anchor: str | None = None  # id of the sentence that starts here, for #s3 links


# The link of a segment covered by several spans: the most specific one wins.
_LINK_ORDER = ("event", "actor", "recipient", "figure", "quote", "entity")


def load(engine: Engine, document_id: str) -> dict[str, Any] | None:
    return queries.document(engine, document_id)


def trigger_span(text: str, start: int, end: int, trigger: str) -> tuple[int, int]:
    """The trigger's own span: some extractors store the event's whole clause or sentence
    as its span, and the reader should see the word that made it an event."""
    if not trigger or text[start:end].lower() == trigger.lower():
        return start, end
    found = text.lower().find(trigger.lower(), start, end)
    if found < 0:
        found = text.lower().find(trigger.lower().split()[0], start, end)
        return (found, found + len(trigger.split()[0])) if found >= 0 else (start, end)
    return found, found + len(trigger)


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
        start, end = trigger_span(document["text"], ev["start"], ev["end"], ev["trigger"])
        out.append(Span(start, end, "event",
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


def segments(text: str, marks: list[Span],
             anchors: dict[int, str] | None = None) -> list[Segment]:
    """Cut ``text`` at every span boundary; each piece knows every span covering it."""
    anchors = anchors or {}
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks),
                   *(a for a in anchors if 0 <= a < len(text))})
    out: list[Segment] = []
    for left, right in itertools.pairwise(cuts):
        covering = [m for m in marks if m.start <= left and m.end >= right]
        kinds = sorted({m.kind for m in covering}, key=_LINK_ORDER.index)
        link = next((m.href for kind in kinds for m in covering if m.kind == kind and m.href),
                    None)
        out.append(Segment(text[left:right], kinds, [m.tip for m in covering], link,
                           anchors.get(left)))
    return out


def sentence_anchors(document: dict[str, Any]) -> dict[int, str]:
    return {s["start"]: f"s{s['sentence_index']}" for s in document["sentences"]}


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
