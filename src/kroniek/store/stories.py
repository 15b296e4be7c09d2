"""Stories of wire copies in the store: each document's story and MinHash signature."""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.store import schema as t

_BATCH = 1000


def rows(engine: Engine) -> Iterator[tuple[str, str, bytes]]:
    """(document id, story, signature) of every stored document with a signature."""
    query = sa.select(t.documents.c.id, t.documents.c.story, t.document_signatures.c.minhash) \
        .join(t.document_signatures, t.document_signatures.c.document_id == t.documents.c.id)
    with engine.connect() as connection:
        for document_id, story, minhash in connection.execute(query):
            yield str(document_id), str(story or document_id), bytes(minhash)


def rebuild(connection: Connection) -> None:
    """Signatures for documents stored before stories existed (schema version 6); each such
    document is a story of its own until a later copy joins it."""
    from kroniek.ingest.neardup import signature, to_bytes

    connection.execute(t.documents.update().where(t.documents.c.story.is_(None))
                       .values(story=t.documents.c.id))
    missing = list(connection.execute(sa.select(t.documents.c.id).where(
        ~sa.exists().where(t.document_signatures.c.document_id == t.documents.c.id))).scalars())
    # The ids first, then the texts a batch at a time: a large archive is never in memory.
    for start in range(0, len(missing), _BATCH):
        texts = connection.execute(sa.select(t.documents.c.id, t.documents.c.text).where(
            t.documents.c.id.in_(missing[start:start + _BATCH])))
        connection.execute(t.document_signatures.insert(), [
            {"document_id": document_id, "minhash": to_bytes(signature(text))}
            for document_id, text in texts])


def reports(engine: Engine, story: str) -> list[dict[str, object]]:
    """The reports of one story: id, outlet, URL, title and publication date, oldest first."""
    query = sa.select(t.documents.c.id, t.documents.c.outlet, t.documents.c.url,
                      t.documents.c.title, t.documents.c.published_start) \
        .where(t.documents.c.story == story) \
        .order_by(t.documents.c.published_start, t.documents.c.ingested_at)
    with engine.connect() as connection:
        return [dict(row) for row in connection.execute(query).mappings()]
