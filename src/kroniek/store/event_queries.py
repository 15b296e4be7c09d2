"""Read queries over events and the annotations the scorer and exports need.

Kept apart from ``queries.py`` so the event views (CLI ``events``, exports, ``eval``) can
grow without touching the document views.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.store import schema as t
from kroniek.store.event_filter import EventFilter, conditions


def sentence_text() -> sa.ColumnElement[str]:
    s, d = t.sentences, t.documents
    # substr is 1-based in SQLite and PostgreSQL alike.
    return sa.func.substr(d.c.text, s.c.start + 1, s.c.end - s.c.start)


def _participants(connection: Connection, event_ids: list[int]) -> dict[int, dict[str, list]]:  # type: ignore[type-arg]
    p, a = t.event_participants, t.actors
    found: dict[int, dict[str, list]] = {  # type: ignore[type-arg]
        event_id: {"actor": [], "recipient": []} for event_id in event_ids
    }
    # Chunked so PostgreSQL and SQLite never see an unbounded IN list.
    for offset in range(0, len(event_ids), 500):
        chunk = event_ids[offset : offset + 500]
        rows = connection.execute(
            sa.select(p.c.event_id, p.c.role, p.c.position, p.c.code, p.c.sector,
                      p.c.actor_id, a.c.name)
            .select_from(p.outerjoin(a, a.c.id == p.c.actor_id))
            .where(p.c.event_id.in_(chunk))
            .order_by(p.c.event_id, p.c.role, p.c.position)
        )
        for row in rows:
            found[row.event_id][row.role].append(
                {"code": row.code, "sector": row.sector, "kb_id": row.actor_id,
                 "name": row.name})
    return found


def filtered_events(columns: list[Any], selection: EventFilter,
                    dialect: str) -> sa.Select[Any]:
    """``columns`` of the events ``selection`` picks (each joined to its document and
    evidence sentence), newest document first, then in text order."""
    e, s, d = t.events, t.sentences, t.documents
    query = (
        sa.select(*columns)
        .select_from(
            e.join(d, d.c.id == e.c.document_id).outerjoin(
                s, sa.and_(s.c.document_id == e.c.document_id,
                           s.c.sentence_index == e.c.sentence_index)))
        .where(*conditions(selection, dialect))
        .order_by(d.c.published_start.desc().nulls_last(), e.c.document_id, e.c.event_index)
    )
    if selection.limit is not None:
        query = query.limit(selection.limit)
    return query


def list_events(engine: Engine, selection: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events with their participants, evidence sentence and document, in document order."""
    selection = selection or EventFilter()
    e, s, d = t.events, t.sentences, t.documents
    query = filtered_events(
        [e, sentence_text().label("sentence"), s.c.start.label("sentence_start"),
         d.c.url, d.c.source, d.c.title, d.c.outlet, d.c.published_start],
        selection, engine.dialect.name)
    with engine.connect() as connection:
        rows = [dict(row._mapping) for row in connection.execute(query)]
        participants = _participants(connection, [row["id"] for row in rows])
    for row in rows:
        row.update(participants[row["id"]])
    return rows


def _rows(connection: Connection, query: sa.Select[Any]) -> list[dict[str, Any]]:
    return [dict(row._mapping) for row in connection.execute(query)]


def figures_for_events(engine: Engine, event_ids: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    ids = list(event_ids)
    found: dict[int, list[dict[str, Any]]] = {}
    with engine.connect() as connection:
        for offset in range(0, len(ids), 500):
            query = sa.select(t.figures).where(
                t.figures.c.event_id.in_(ids[offset : offset + 500])).order_by(t.figures.c.start)
            for row in _rows(connection, query):
                found.setdefault(row["event_id"], []).append(row)
    return found


def stored_ids(engine: Engine, document_ids: Iterable[str]) -> set[str]:
    ids = list(document_ids)
    with engine.connect() as connection:
        return set(connection.execute(
            sa.select(t.documents.c.id).where(t.documents.c.id.in_(ids))).scalars())


def annotations(engine: Engine, document_id: str) -> dict[str, Any]:
    """Everything the scorer compares for one document, furniture events included (flagged)."""
    with engine.connect() as connection:
        mention_codes = set(connection.execute(
            sa.select(t.mentions.c.code).where(t.mentions.c.document_id == document_id,
                                               t.mentions.c.code.is_not(None))).scalars())
        relations = _rows(connection, sa.select(t.relations).where(
            t.relations.c.document_id == document_id, t.relations.c.origin == "text"))
        figures = _rows(connection, sa.select(t.figures).where(
            t.figures.c.document_id == document_id))
        quotes = _rows(connection, sa.select(t.quotes).where(
            t.quotes.c.document_id == document_id))
        sentences = {
            row.sentence_index: row.sentence for row in connection.execute(
                sa.select(t.sentences.c.sentence_index, sentence_text().label("sentence"))
                .select_from(t.sentences.join(
                    t.documents, t.documents.c.id == t.sentences.c.document_id))
                .where(t.sentences.c.document_id == document_id))
        }
    events = list_events(engine, EventFilter(document_ids=(document_id,),
                                             include_furniture=True))
    return {"mention_codes": mention_codes, "events": events, "relations": relations,
            "figures": figures, "quotes": quotes, "sentences": sentences}
