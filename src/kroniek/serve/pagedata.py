"""What only the HTML pages show beside the API's rows: each event's sentence (with its
trigger marked) and its article's outlet, in one query for a page of events; for the
actor page, names and dated periods of relations and who holds office."""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.kb import KnowledgeBase
from kroniek.kb.model import Membership
from kroniek.plover import UNREAL_STATUSES
from kroniek.serve.data.articles import trigger_span
from kroniek.serve.data.codes import quad_of
from kroniek.serve.data.maps import coordinates
from kroniek.store import schema as t

e, d, s = t.events, t.documents, t.sentences
# A sentence longer than this is cut around its trigger: the table stays a table.
MAX_SENTENCE = 320


def attach_sentences(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Add ``sentence`` as (before, trigger, after) and ``outlet`` to each event row."""
    for row in rows:
        row.setdefault("outlet", None)
        row["sentence_parts"] = None
    ids = [row["id"] for row in rows]
    if not ids:
        return
    by_id = {row["id"]: row for row in rows}
    # SQL substr counts from 1; the offsets stored are Python's, from 0.
    text = sa.func.substr(d.c.text, s.c.start + 1, s.c.end - s.c.start)
    query = (sa.select(e.c.id, e.c.start, e.c.end, s.c.start.label("s_start"),
                       text.label("sentence"), d.c.outlet)
             .join(d, d.c.id == e.c.document_id)
             .outerjoin(s, sa.and_(s.c.document_id == e.c.document_id,
                                   s.c.sentence_index == e.c.sentence_index))
             .where(e.c.id.in_(ids)))
    for found in connection.execute(query):
        row = by_id[found.id]
        row["outlet"] = found.outlet
        if found.sentence is None:
            continue
        row["sentence_parts"] = _parts(found.sentence, found.start - found.s_start,
                                       found.end - found.s_start, row.get("trigger") or "")


def _parts(sentence: str, start: int, end: int, trigger: str) -> tuple[str, str, str]:
    if not 0 <= start <= end <= len(sentence):
        return sentence[:MAX_SENTENCE], "", ""
    start, end = trigger_span(sentence, start, end, trigger)
    before, word, after = sentence[:start], sentence[start:end], sentence[end:]
    room = max(MAX_SENTENCE - len(word), 40)
    if len(before) + len(after) > room:
        keep = room // 2
        if len(before) > keep:
            before = "…" + before[-keep:].lstrip()
        after = after[:room - len(before)].rstrip() + ("…" if len(after) > room - len(before)
                                                         else "")
    return before, word, after


def span_label(start: dt.date | str | None, end: dt.date | str | None) -> str:
    """A period for people: "1994-04-20 – 2012-06-28", "since 1949-08-24", "until …",
    and "" when the KB gives no date at all (the page then says so)."""
    first, last = (_day(start), _day(end))
    if first and last:
        return f"{first} – {last}"
    if first:
        return f"since {first}"
    if last:
        return f"until {last}"
    return ""


def _day(value: dt.date | str | None) -> str | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    # A 1 January start is how the KB writes a year it knows no closer ("since 1995").
    return text[:4] if text.endswith("-01-01") else text


def _membership_spans(kb: KnowledgeBase, state: str) -> dict[str, list[Membership]]:
    """The KB's membership periods of ``state`` by organisation.

    The KB answers "members on a day" publicly but keeps the periods in its built tables;
    the page needs the dates themselves, so it reads them there (read-only).
    """
    built = getattr(kb, "_built", None)
    spans: dict[str, list[Membership]] = {}
    for membership in getattr(built, "memberships", ()):
        if membership.state == state:
            spans.setdefault(membership.org, []).append(membership)
    return spans


def name_of(kb: KnowledgeBase, ref: str) -> str:
    actor = kb.get(ref) or kb.by_code(ref)
    return actor.name if actor is not None else ref


def relations(kb: KnowledgeBase, actor_id: str, rows: list[dict[str, Any]],
              day: dt.date) -> list[dict[str, Any]]:
    """The actor page's relations with the other side's name and a readable period: KB
    memberships get the dates the KB has for them."""
    spans = _membership_spans(kb, actor_id)
    out = []
    for row in rows:
        other = row["target"] if row["source"] == actor_id else row["source"]
        start, end = row["valid_from"], row["valid_to"]
        if row["type"] == "member_of" and row["origin"] == "kb" and not (start or end):
            active = [m for m in spans.get(other, ()) if m.active(day)]
            if active:
                start, end = active[0].start, active[0].end
        out.append({**row, "other": other, "other_name": name_of(kb, other),
                    "period": span_label(start, end)})
    return sorted(out, key=lambda r: (r["type"], r["other_name"]))


def office_holders(kb: KnowledgeBase, actor_id: str, day: dt.date) -> dict[str, Any]:
    """Who holds office for a state or organisation on ``day``: its leader(s) first, then
    every other office the KB records, most senior first."""
    leaders = {person.id for person in kb.leaders(actor_id, day)} if actor_id in kb else set()
    holders = []
    for person in kb.all_actors():
        if person.kind != "person":
            continue
        for role in person.roles:
            if role.of == actor_id and role.active(day):
                holders.append({"id": person.id, "name": person.name,
                                "office": role.title or role.office.replace("_", " "),
                                "rank": kb.offices.rank(role.office),
                                "leader": person.id in leaders,
                                "period": span_label(role.start, role.end)})
    holders.sort(key=lambda h: (not h["leader"], h["rank"], h["name"]))
    return {"leaders": [h for h in holders if h["leader"]],
            "others": [h for h in holders if not h["leader"]]}


def map_places(connection: Connection, kb: KnowledgeBase, date_from: dt.date | None,
               date_to: dt.date | None, limit: int = 2000) -> list[dict[str, Any]]:
    """Places with events that happened and started between the dates: no negated or
    hypothetical events, no page furniture. Each with its coordinates from the KB and the
    people counted in its events' figures.

    By start date, so the (date_start, ...) index answers the window; two grouped queries
    (events, then figures joined to their events) rather than every event joined to a
    per-event sum of figures.
    """
    where = [e.c.location.is_not(None), e.c.status.not_in(sorted(UNREAL_STATUSES)),
             sa.func.coalesce(e.c.furniture, False).is_(False)]
    if date_from:
        where.append(e.c.date_start >= date_from)
    if date_to:
        where.append(e.c.date_start <= date_to)
    rows = connection.execute(
        sa.select(e.c.location, sa.func.count().label("events"),
                  sa.func.min(e.c.date_start).label("first"),
                  sa.func.max(e.c.date_start).label("last"))
        .where(*where).group_by(e.c.location)
        .order_by(sa.func.count().desc()).limit(limit)).all()
    f = t.figures
    people = dict(connection.execute(
        sa.select(e.c.location, sa.func.sum(f.c.value))
        .select_from(f.join(e, e.c.id == f.c.event_id)).where(*where)
        .group_by(e.c.location)).all()) if rows else {}
    out = []
    for row in rows:
        where_ = coordinates(kb, row.location)
        if where_ is None:
            continue
        out.append({"location": row.location, "name": name_of(kb, row.location),
                    "lat": where_[0], "lon": where_[1], "events": int(row.events),
                    "people": float(people.get(row.location) or 0), "first": _iso(row.first),
                    "last": _iso(row.last)})
    return out


def event_span(connection: Connection) -> tuple[dt.date | None, dt.date | None]:
    """The first and last event date stored: the map's time filter offers the years."""
    # Two queries: SQLite answers a lone min() or max() from the index, not both at once.
    first = connection.execute(sa.select(sa.func.min(e.c.date_start))).scalar()
    last = connection.execute(sa.select(sa.func.max(e.c.date_start))).scalar()
    return _as_date(first), _as_date(last)


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value  # type: ignore[no-any-return]


def _iso(value: Any) -> str | None:
    return value.isoformat() if hasattr(value, "isoformat") else value


def edge_quads(connection: Connection, edges: list[dict[str, Any]], since: dt.date | None,
               until: dt.date | None, event_type: str | None) -> None:
    """Give each event edge of the network its events per quad and ``quad``, the one with
    the most events: the edge's colour. Read from the daily dyad totals, as the edges."""
    pairs = {(edge["source"], edge["target"]) for edge in edges if edge["kind"] == "event"}
    if not pairs:
        return
    dd = t.dyad_days
    codes = sorted({code for pair in pairs for code in pair})
    query = (sa.select(dd.c.code, dd.c.other, dd.c.type, sa.func.sum(dd.c.events))
             .where(dd.c.direction == "actor", dd.c.code.in_(codes), dd.c.other.in_(codes))
             .group_by(dd.c.code, dd.c.other, dd.c.type))
    if since:
        query = query.where(dd.c.day >= since)
    if until:
        query = query.where(dd.c.day <= until)
    if event_type:
        query = query.where(dd.c.type == event_type.upper())
    per_pair: dict[tuple[str, str], dict[str, int]] = {}
    for code, other, kind, count in connection.execute(query):
        if (code, other) in pairs:
            quads = per_pair.setdefault((code, other), {})
            quads[quad_of(kind)] = quads.get(quad_of(kind), 0) + int(count)
    for edge in edges:
        quads = per_pair.get((edge["source"], edge["target"]), {})
        edge["quads"] = quads
        edge["quad"] = max(quads, key=lambda q: quads[q]) if quads else None
