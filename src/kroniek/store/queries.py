"""Read-only queries the CLI, API and exports share."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from kroniek.store import schema as t


def _count(table: sa.Table, document_id: str | None = None) -> sa.ScalarSelect[Any]:
    query = sa.select(sa.func.count()).select_from(table)
    if document_id is not None:
        query = query.where(table.c.document_id == document_id)
    return query.scalar_subquery()


def list_documents(engine: Engine, limit: int = 100, offset: int = 0) -> list[dict[str, Any]]:
    d = t.documents
    counts = {
        name: sa.select(sa.func.count()).select_from(table)
        .where(table.c.document_id == d.c.id).scalar_subquery()
        for name, table in (("sentences", t.sentences), ("entities", t.mentions),
                            ("events", t.events))
    }
    query = (
        sa.select(d.c.id, d.c.title, d.c.source, d.c.published_start, d.c.published_precision,
                  d.c.words, *(value.label(name) for name, value in counts.items()))
        .order_by(d.c.published_start.desc().nulls_last(), d.c.id)
        .limit(limit).offset(offset)
    )
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(query)]


def find_document(engine: Engine, prefix: str) -> list[str]:
    """Ids of stored documents whose id starts with ``prefix`` or whose source equals it."""
    d = t.documents
    with engine.connect() as connection:
        return list(connection.execute(
            sa.select(d.c.id).where(sa.or_(d.c.id.startswith(prefix), d.c.source == prefix,
                                            d.c.key == prefix)).limit(10)
        ).scalars())


def document(engine: Engine, document_id: str) -> dict[str, Any] | None:
    with engine.connect() as connection:
        row = connection.execute(
            sa.select(t.documents).where(t.documents.c.id == document_id)
        ).first()
        if row is None:
            return None
        result = dict(row._mapping)
        for name, table, order in (
            ("sentences", t.sentences, t.sentences.c.sentence_index),
            ("mentions", t.mentions, t.mentions.c.start),
            ("events", t.events, t.events.c.start),
            ("figures", t.figures, t.figures.c.start),
            ("quotes", t.quotes, t.quotes.c.start),
        ):
            result[name] = [dict(r._mapping) for r in connection.execute(
                sa.select(table).where(table.c.document_id == document_id).order_by(order))]
    return result


def stats(engine: Engine) -> dict[str, Any]:
    d = t.documents
    with engine.connect() as connection:
        counts = {
            name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar()
            for name, table in (("documents", d), ("sentences", t.sentences),
                                ("tokens", t.tokens), ("entities", t.mentions),
                                ("linked entities", t.mentions), ("events", t.events),
                                ("figures", t.figures), ("quotes", t.quotes),
                                ("relations", t.relations), ("actors", t.actors))
        }
        counts["linked entities"] = connection.execute(
            sa.select(sa.func.count()).select_from(t.mentions)
            .where(t.mentions.c.actor_id.is_not(None))).scalar()
        counts["words"] = connection.execute(sa.select(sa.func.sum(d.c.words))).scalar() or 0
        first, last = connection.execute(
            sa.select(sa.func.min(d.c.published_start), sa.func.max(d.c.published_end))).one()
        labels = dict(connection.execute(
            sa.select(t.mentions.c.label, sa.func.count()).group_by(t.mentions.c.label)).all())
        types = dict(connection.execute(
            sa.select(t.events.c.type, sa.func.count()).group_by(t.events.c.type)).all())
    return {"counts": counts, "published": (first, last), "entity_labels": labels,
            "event_types": types}


def other_versions(engine: Engine, key: str, document_id: str) -> list[dict[str, Any]]:
    """Stored documents with ``key`` but another id: what storing ``document_id`` replaces."""
    d = t.documents
    with engine.connect() as connection:
        return [dict(row._mapping) for row in connection.execute(
            sa.select(d.c.id, d.c.title, sa.func.substr(d.c.text, 1, 80).label("opening"))
            .where(d.c.key == key, d.c.id != document_id))]
