"""Events: filtered listing, facets and one event with its evidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.serve.data.codes import score_expression
from kroniek.store import schema as t

e, p, d, s = t.events, t.event_participants, t.documents, t.sentences
SORTS = {"date": e.c.date_start, "type": e.c.type, "status": e.c.status,
         "score": e.c.plover_score, "id": e.c.id}


@dataclass(frozen=True)
class EventFilter:
    """What the events table and the API filter on; every field is optional."""

    type: str | None = None
    mode: str | None = None
    status: str | None = None
    actor: str | None = None  # event code (RUS) or KB id (rus, vladimir-putin)
    recipient: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    q: str | None = None
    document: str | None = None
    location: str | None = None

    def query_args(self) -> dict[str, str]:
        """The filter as URL parameters, for links that keep it (CSV, pages, facets)."""
        out = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if value not in (None, ""):
                out[field.name] = value.isoformat() if isinstance(value, dt.date) else value
        return out


def _participant(role: str, who: str, f: EventFilter) -> sa.ColumnElement[bool]:
    # Codes are upper case (RUS), KB ids lower case (rus): one parameter serves both. A
    # code alone keeps to the (code, role, date_start) index, and the event's start date
    # copied onto participants bounds it there. (No lower bound: an event dated "since
    # 2014" still overlaps a later range.)
    match = (p.c.code == who if who == who.upper()
             else sa.or_(p.c.code == who.upper(), p.c.actor_id == who))
    ids = sa.select(p.c.event_id).where(p.c.role == role, match)
    if f.date_to:
        ids = ids.where(p.c.date_start <= f.date_to)
    return e.c.id.in_(ids)


def conditions(f: EventFilter) -> list[sa.ColumnElement[bool]]:
    where: list[sa.ColumnElement[bool]] = []
    if f.type:
        where.append(e.c.type == f.type.upper())
    if f.mode:
        where.append(e.c.mode == f.mode)
    if f.status:
        where.append(e.c.status == f.status)
    if f.actor:
        where.append(_participant("actor", f.actor, f))
    if f.recipient:
        where.append(_participant("recipient", f.recipient, f))
    if f.date_from:
        where.append(e.c.date_end >= f.date_from)
    if f.date_to:
        where.append(e.c.date_start <= f.date_to)
    if f.document:
        where.append(e.c.document_id == f.document)
    if f.location:
        where.append(e.c.location == f.location)
    if f.q:
        pattern = f"%{f.q.lower()}%"
        sentence_text = (
            sa.select(sa.func.substr(d.c.text, s.c.start + 1, s.c.end - s.c.start))
            .join(s, s.c.document_id == d.c.id)
            .where(d.c.id == e.c.document_id, s.c.sentence_index == e.c.sentence_index)
            .scalar_subquery()
        )
        where.append(sa.or_(sa.func.lower(e.c.trigger).like(pattern),
                            sa.func.lower(sentence_text).like(pattern)))
    return where


def _columns() -> list[Any]:
    return [e.c.id, e.c.document_id, e.c.sentence_index, e.c.start, e.c.end, e.c.type,
            e.c.mode, e.c.context, e.c.status, e.c.reciprocal, e.c.trigger, e.c.rule,
            e.c.date_start, e.c.date_end, e.c.date_precision, e.c.location,
            e.c.plover_score, score_expression(e).label("score"), e.c.furniture,
            e.c.confidence, d.c.title.label("document_title")]


def attach_participants(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Add ``actor``/``recipient`` code lists and ``figures`` to event rows, in two queries."""
    ids = [row["id"] for row in rows]
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        row.update(actor=[], recipient=[], actor_ids=[], recipient_ids=[], figures=[])
    if not ids:
        return
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for part in connection.execute(
            sa.select(p).where(p.c.event_id.in_(chunk)).order_by(p.c.event_id, p.c.position)
        ):
            row = by_id[part.event_id]
            row[part.role].append(part.code)
            row[f"{part.role}_ids"].append(part.actor_id)
        for figure in connection.execute(
            sa.select(t.figures.c.event_id, t.figures.c.kind, t.figures.c.value,
                      t.figures.c.qualifier).where(t.figures.c.event_id.in_(chunk))
        ):
            by_id[figure.event_id]["figures"].append(dict(figure._mapping))


def list_events(connection: Connection, f: EventFilter, sort: str = "date",
                order: str = "desc", limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    column = SORTS.get(sort, e.c.date_start)
    ordering = column.desc().nulls_last() if order == "desc" else column.asc().nulls_last()
    query = (sa.select(*_columns()).join(d, d.c.id == e.c.document_id)
             .where(*conditions(f)).order_by(ordering, e.c.id.desc())
             .limit(limit).offset(offset))
    rows = [dict(row._mapping) for row in connection.execute(query)]
    attach_participants(connection, rows)
    return rows


def count_events(connection: Connection, f: EventFilter, cap: int = 10_000) -> int:
    """How many events match, counted up to ``cap`` so a huge table stays fast to page."""
    inner = sa.select(e.c.id).where(*conditions(f)).limit(cap).subquery()
    return int(connection.execute(sa.select(sa.func.count()).select_from(inner)).scalar() or 0)


def facets(connection: Connection, f: EventFilter, sample: int = 5_000) -> dict[str, Any]:
    """Counts by type and status among the first ``sample`` matching events (newest first).

    Sampling keeps the page fast on a million events; the page says when it sampled.
    """
    inner = (sa.select(e.c.type, e.c.status).where(*conditions(f))
             .order_by(e.c.date_start.desc().nulls_last()).limit(sample).subquery())
    result: dict[str, Any] = {}
    for name in ("type", "status"):
        column = inner.c[name]
        result[name] = [
            {"value": value, "count": count} for value, count in connection.execute(
                sa.select(column, sa.func.count()).group_by(column)
                .order_by(sa.func.count().desc()))
        ]
    total = sum(item["count"] for item in result["type"])
    result["sampled"] = total >= sample
    return result


def events_by_id(connection: Connection, ids: list[int]) -> list[dict[str, Any]]:
    if not ids:
        return []
    query = (sa.select(*_columns()).join(d, d.c.id == e.c.document_id)
             .where(e.c.id.in_(ids)).order_by(e.c.date_start.desc().nulls_last(), e.c.id))
    rows = [dict(row._mapping) for row in connection.execute(query)]
    attach_participants(connection, rows)
    return rows


def event(connection: Connection, event_id: int) -> dict[str, Any] | None:
    row = connection.execute(
        sa.select(*_columns()).join(d, d.c.id == e.c.document_id).where(e.c.id == event_id)
    ).first()
    if row is None:
        return None
    result = dict(row._mapping)
    attach_participants(connection, [result])
    doc = connection.execute(
        sa.select(d.c.id, d.c.title, d.c.text, d.c.url, d.c.source, d.c.published_start,
                  d.c.published_precision).where(d.c.id == result["document_id"])).one()
    result["document"] = dict(doc._mapping)
    sentence = connection.execute(
        sa.select(s.c.start, s.c.end).where(s.c.document_id == doc.id,
                                            s.c.sentence_index == result["sentence_index"])
    ).first()
    start, end = (sentence.start, sentence.end) if sentence else (result["start"], result["end"])
    result["sentence"] = {"start": start, "end": end, "text": doc.text[start:end]}
    result["mentions"] = [dict(m._mapping) for m in connection.execute(
        sa.select(t.mentions).where(t.mentions.c.document_id == doc.id,
                                    t.mentions.c.sentence_index == result["sentence_index"])
        .order_by(t.mentions.c.start))]
    result["figure_sources"] = []
    for figure in connection.execute(sa.select(t.figures).where(t.figures.c.event_id == event_id)):
        text = doc.text
        fs = connection.execute(sa.select(s.c.start, s.c.end).where(
            s.c.document_id == figure.document_id,
            s.c.sentence_index == figure.sentence_index)).first()
        quote = text[fs.start:fs.end] if fs else text[figure.start:figure.end]
        result["figure_sources"].append({**dict(figure._mapping), "sentence": quote})
    return result


def public(row: dict[str, Any]) -> dict[str, Any]:
    """An event row as the API returns it (dates as ISO strings, no internals)."""
    out = {key: value for key, value in row.items()
           if key not in {"document", "mentions", "figure_sources", "sentence"}}
    for key in ("date_start", "date_end"):
        if out.get(key) is not None:
            out[key] = out[key].isoformat()
    return out
