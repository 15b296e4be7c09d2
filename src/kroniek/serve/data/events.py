"""Events: filtered listing, facets and one event with its evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, fields
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.serve.data.codes import score_expression
from kroniek.store import schema as t
from kroniek.store import search

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
    # Codes are upper case (RUS), KB ids lower case (rus): one parameter serves both.
    match = (p.c.code == who if who == who.upper()
             else sa.or_(p.c.code == who.upper(), p.c.actor_id == who))
    ids = sa.select(p.c.event_id).where(p.c.role == role, match)
    if f.date_to:
        ids = ids.where(p.c.date_start <= f.date_to)
    return e.c.id.in_(ids)


@dataclass
class Selection:
    """The FROM clause, conditions and date column of a filtered event query.

    With an actor (or recipient) given as an event code, the query starts from that
    code's participant rows and orders by their copy of the event date, so SQLite walks
    the (code, role, date_start) index from the newest event and stops at the page's
    end instead of collecting every event of a busy actor first.
    """

    source: sa.FromClause
    where: list[sa.ColumnElement[bool]]
    date: sa.ColumnElement[Any]
    id: sa.ColumnElement[int]
    # Whether "newest first" costs only an index walk. A text search alone matches events
    # all over the date index, so capped counts and facet samples then take any matches.
    dated_walk: bool = True


def selection(f: EventFilter, dialect: str) -> Selection:
    driver = next(((role, who) for role, who in (("actor", f.actor), ("recipient", f.recipient))
                   if who and who == who.upper()), None)
    if driver is None:
        return Selection(e, conditions(f, dialect), e.c.date_start, e.c.id, not f.q)
    role, code = driver
    by, twin = p.alias("by"), p.alias("twin")
    # An event naming the code twice in one role still appears once: its first position.
    first = ~sa.exists().where(twin.c.event_id == by.c.event_id, twin.c.role == role,
                               twin.c.code == code, twin.c.position < by.c.position)
    where = [by.c.role == role, by.c.code == code, first,
             *conditions(dataclasses.replace(f, **{role: None}), dialect)]
    if f.date_to:
        where.append(by.c.date_start <= f.date_to)
    return Selection(by.join(e, e.c.id == by.c.event_id), where, by.c.date_start,
                     by.c.event_id)


def conditions(f: EventFilter, dialect: str) -> list[sa.ColumnElement[bool]]:
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
        where.append(_text_condition(f.q, dialect))
    return where


def _text_condition(text: str, dialect: str) -> sa.ColumnElement[bool]:
    indexed = search.matching_events(dialect, text)
    if indexed is not None:
        return e.c.id.in_(indexed)
    pattern = f"%{text.lower()}%"
    sentence_text = (
        sa.select(sa.func.substr(d.c.text, s.c.start + 1, s.c.end - s.c.start))
        .join(s, s.c.document_id == d.c.id)
        .where(d.c.id == e.c.document_id, s.c.sentence_index == e.c.sentence_index)
        .scalar_subquery()
    )
    return sa.or_(sa.func.lower(e.c.trigger).like(pattern),
                  sa.func.lower(sentence_text).like(pattern))


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


def _listing(connection: Connection, f: EventFilter, sort: str, order: str) -> sa.Select[Any]:
    chosen = selection(f, connection.dialect.name)
    column = chosen.date if sort == "date" else SORTS.get(sort, chosen.date)
    ordering = column.desc().nulls_last() if order == "desc" else column.asc().nulls_last()
    return (sa.select(*_columns()).select_from(chosen.source.join(d, d.c.id == e.c.document_id))
            .where(*chosen.where).order_by(ordering, chosen.id.desc()))


def list_events(connection: Connection, f: EventFilter, sort: str = "date",
                order: str = "desc", limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
    query = _listing(connection, f, sort, order).limit(limit).offset(offset)
    rows = [dict(row._mapping) for row in connection.execute(query)]
    attach_participants(connection, rows)
    return rows


def iter_events(connection: Connection, f: EventFilter, sort: str = "date",
                order: str = "desc", cap: int = 100_000,
                chunk: int = 500) -> Iterator[list[dict[str, Any]]]:
    """All matching events (up to ``cap``) in chunks, from one query: an export does not
    page with OFFSET, which rereads every earlier row for each page."""
    result = connection.execute(_listing(connection, f, sort, order).limit(cap))
    for part in result.partitions(chunk):
        rows = [dict(row._mapping) for row in part]
        attach_participants(connection, rows)
        yield rows


def count_events(connection: Connection, f: EventFilter, cap: int = 10_000) -> int:
    """How many events match, counted up to ``cap`` so a huge table stays fast to page."""
    chosen = selection(f, connection.dialect.name)
    inner = sa.select(e.c.id).select_from(chosen.source).where(*chosen.where)
    if chosen.dated_walk:
        # Newest first, as the page lists them: the walk then starts where matches are.
        inner = inner.order_by(chosen.date.desc())
    inner = inner.limit(cap).subquery()
    return int(connection.execute(sa.select(sa.func.count()).select_from(inner)).scalar() or 0)


def facets(connection: Connection, f: EventFilter, sample: int = 10_000) -> dict[str, Any]:
    """Counts by type and status among the first ``sample`` matching events (newest first
    where that is cheap, see :class:`Selection`).

    Sampling keeps the page fast on a million events; the page says when it sampled.
    ``matched`` is the number of events in the sample: with the same cap as
    :func:`count_events`, the page takes its total from here instead of a second query.
    """
    chosen = selection(f, connection.dialect.name)
    inner = sa.select(e.c.type, e.c.status).select_from(chosen.source).where(*chosen.where)
    if chosen.dated_walk:
        inner = inner.order_by(chosen.date.desc().nulls_last())
    sampled = inner.limit(sample).subquery()
    totals: dict[str, dict[str, int]] = {"type": {}, "status": {}}
    for kind, status, count in connection.execute(
            sa.select(sampled.c.type, sampled.c.status, sa.func.count())
            .group_by(sampled.c.type, sampled.c.status)):
        totals["type"][kind] = totals["type"].get(kind, 0) + count
        totals["status"][status] = totals["status"].get(status, 0) + count
    result: dict[str, Any] = {
        name: [{"value": value, "count": count}
               for value, count in sorted(counts.items(), key=lambda item: -item[1])]
        for name, counts in totals.items()
    }
    result["matched"] = sum(totals["type"].values())
    result["sampled"] = result["matched"] >= sample
    result["sample"] = sample
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
