"""Write a document and all its annotations in one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.model import Document
from kroniek.store import aggregates, search
from kroniek.store import schema as t

Outcome = Literal["new", "replaced", "skipped"]


@dataclass
class ActorRow:
    id: str
    kind: str
    name: str
    code: str | None
    iso3: str | None = None
    wikidata: str | None = None


def stored_id_for(engine: Engine, document_id: str) -> bool:
    with engine.connect() as connection:
        found = connection.execute(
            sa.select(t.documents.c.id).where(t.documents.c.id == document_id)
        ).first()
    return found is not None


def _delete_documents(connection: Connection, ids: Iterable[str]) -> None:
    ids = list(ids)
    if not ids:
        return
    # Explicit deletes rather than relying on ON DELETE CASCADE, which SQLite honours only
    # with the foreign_keys pragma; a database opened by another tool may lack it.
    event_ids = list(connection.execute(
        sa.select(t.events.c.id).where(t.events.c.document_id.in_(ids))).scalars())
    aggregates.apply(connection, aggregates.totals(
        aggregates.participants_of(connection, event_ids)), sign=-1)
    search.remove(connection, event_ids)
    for offset in range(0, len(event_ids), 500):
        connection.execute(t.event_participants.delete().where(
            t.event_participants.c.event_id.in_(event_ids[offset:offset + 500])))
    for table in (t.figures, t.quotes, t.relations, t.events, t.mentions, t.tokens, t.sentences):
        connection.execute(table.delete().where(table.c.document_id.in_(ids)))
    connection.execute(t.documents.delete().where(t.documents.c.id.in_(ids)))


def save(
    engine: Engine,
    document: Document,
    nlp_backend: str,
    actors: Iterable[ActorRow] = (),
    replace: bool = False,
) -> Outcome:
    """Store ``document``; an older version with the same key is replaced, never duplicated.

    Concurrent writers: on SQLite the transaction holds the write lock from its start (see
    ``database.open_engine``), so the check for a stored copy and the insert cannot
    interleave with another process. On PostgreSQL two writers can both find the document
    missing; the one whose insert loses the race gets "skipped", as if it had looked later.
    """
    try:
        return _save(engine, document, nlp_backend, actors, replace)
    except sa.exc.IntegrityError:
        if stored_id_for(engine, document.id):
            return "skipped"
        raise


def _save(engine: Engine, document: Document, nlp_backend: str, actors: Iterable[ActorRow],
          replace: bool) -> Outcome:
    with engine.begin() as connection:
        exists = connection.execute(
            sa.select(t.documents.c.id).where(t.documents.c.id == document.id)
        ).first()
        if exists and not replace:
            return "skipped"
        predecessors = connection.execute(
            sa.select(t.documents.c.id).where(
                t.documents.c.key == document.key, t.documents.c.id != document.id
            )
        ).scalars().all()
        _delete_documents(connection, [*predecessors, *([document.id] if exists else [])])
        _insert_actors(connection, actors)
        _insert_document(connection, document, nlp_backend)
    return "replaced" if (exists or predecessors) else "new"


def _insert_actors(connection: Connection, actors: Iterable[ActorRow]) -> None:
    rows = [vars(actor) for actor in {actor.id: actor for actor in actors}.values()]
    if not rows:
        return
    # The actors table is a snapshot of the KB shared by all documents: a row another
    # writer has just added is the same row, so a conflict is not an error.
    insert = _dialect_insert(connection)(t.actors).on_conflict_do_nothing(
        index_elements=[t.actors.c.id])
    connection.execute(insert, rows)


def _dialect_insert(connection: Connection):  # type: ignore[no-untyped-def]
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _insert_document(connection: Connection, document: Document, nlp_backend: str) -> None:
    published = document.published
    connection.execute(t.documents.insert().values(
        id=document.id, key=document.key, source=document.source, url=document.url,
        outlet=document.outlet, author=document.author, title=document.title,
        lang=document.lang, text=document.text,
        words=document.word_count,
        published_start=published.start if published else None,
        published_end=published.end if published else None,
        published_precision=published.precision if published else "unknown",
        date_origin=document.date_origin, date_inferred=document.date_inferred,
        nlp_backend=nlp_backend, ingested_at=dt.datetime.now(dt.UTC),
    ))
    doc = document.id
    if document.sentences:
        connection.execute(t.sentences.insert(), [
            {"document_id": doc, "sentence_index": s.index, "start": s.start, "end": s.end,
             "paragraph": s.paragraph, "token_start": s.token_start, "token_end": s.token_end,
             "furniture": document.in_furniture(s.start)}
            for s in document.sentences
        ])
    if document.tokens:
        connection.execute(t.tokens.insert(), [
            {"document_id": doc, "token_index": k.index, "sentence_index": k.sentence,
             "start": k.start, "end": k.end, "text": k.text, "lemma": k.lemma, "pos": k.pos,
             "features": k.features, "morph": k.morph, "ner": k.ner, "chunk": k.chunk,
             "head": k.head, "deprel": k.deprel, "confidence": k.confidence}
            for k in document.tokens
        ])
    if document.mentions:
        connection.execute(t.mentions.insert(), [
            {"document_id": doc, "sentence_index": m.sentence, "start": m.start, "end": m.end,
             "component": m.component, "confidence": m.score, "text": m.text,
             "label": m.label, "actor_id": m.actor_id, "code": m.code, "sector": m.sector,
             "method": m.method, "score": m.score}
            for m in document.mentions
        ])
    event_ids: list[int] = []
    all_participants: list[dict[str, object]] = []
    sentence_spans = {s.index: (s.start, s.end) for s in document.sentences}
    searchable: list[tuple[int, str, str]] = []
    for position, event in enumerate(document.events):
        date = event.date
        result = connection.execute(t.events.insert().values(
            document_id=doc, sentence_index=event.sentence, start=event.start, end=event.end,
            component=event.component, confidence=event.confidence, event_index=position,
            type=event.type, mode=event.mode, context=list(event.context),
            status=event.status, reciprocal=event.reciprocal, trigger=event.trigger,
            rule=event.rule, date_start=date.start if date else None,
            date_end=date.end if date else None, date_precision=date.precision if date else None,
            date_inferred=event.date_inferred, location=event.location,
            plover_score=event.plover_score, furniture=event.furniture,
        ))
        event_id = int(result.inserted_primary_key[0])
        event_ids.append(event_id)
        participants = [
            {"event_id": event_id, "role": role, "position": i, "code": code,
             "date_start": date.start if date else None, "type": event.type,
             "plover_score": event.plover_score, "reciprocal": event.reciprocal,
             "sector": sectors[i] if i < len(sectors) else None,
             "actor_id": kb_ids[i] if i < len(kb_ids) else None}
            for role, codes, sectors, kb_ids in (
                ("actor", event.actor, event.actor_sector, event.actor_kb),
                ("recipient", event.recipient, event.recipient_sector, event.recipient_kb),
            )
            for i, code in enumerate(codes)
        ]
        if participants:
            connection.execute(t.event_participants.insert(), participants)
            all_participants.extend(aggregates.counted_rows(
                participants, event.status, event.mode, bool(event.furniture)))
        start, end = sentence_spans.get(event.sentence, (event.start, event.end))
        searchable.append((event_id, event.trigger, document.text[start:end]))
    aggregates.apply(connection, aggregates.totals(all_participants))
    search.add(connection, searchable)
    if document.figures:
        connection.execute(t.figures.insert(), [
            {"document_id": doc, "sentence_index": f.sentence, "start": f.start, "end": f.end,
             "component": f.component, "confidence": f.confidence,
             "event_id": event_ids[f.event] if f.event is not None else None,
             "kind": f.kind, "value": f.value, "qualifier": f.qualifier, "unit": f.unit}
            for f in document.figures
        ])
    if document.quotes:
        connection.execute(t.quotes.insert(), [
            {"document_id": doc, "sentence_index": q.sentence, "start": q.start, "end": q.end,
             "component": q.component, "confidence": q.confidence, "text": q.text,
             "speaker": q.speaker, "speaker_actor_id": q.speaker_kb, "direct": q.direct}
            for q in document.quotes
        ])
    if document.relations:
        connection.execute(t.relations.insert(), [
            {"document_id": doc, "sentence_index": r.sentence, "start": r.start, "end": r.end,
             "component": r.component, "confidence": r.confidence, "type": r.type,
             "source": r.source, "target": r.target, "valid_from": r.valid_from,
             "valid_to": r.valid_to, "origin": r.origin}
            for r in document.relations
        ])
