"""Events: filtered listing, facets and one event with its evidence."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.serve.data.codes import score_expression
from kroniek.store import schema as t
from kroniek.store.event_filter import EventFilter, selection

e, p, d, s = t.events, t.event_participants, t.documents, t.sentences
SORTS = {"date": e.c.date_start, "type": e.c.type, "status": e.c.status,
         "score": e.c.plover_score, "id": e.c.id}


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
