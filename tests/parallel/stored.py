"""What a database holds, as plain rows to compare runs by (ids of rows included)."""

from __future__ import annotations

import sqlite3

QUERIES = {
    "documents": "SELECT id, key, title, words, nlp_backend FROM documents ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "participants": "SELECT * FROM event_participants ORDER BY event_id, role, position",
    "mentions": "SELECT document_id, sentence_index, start, \"end\", text, label, actor_id, "
                "code FROM mentions ORDER BY document_id, start, \"end\", label",
    "tokens": "SELECT document_id, token_index, text, lemma, pos, head, deprel FROM tokens "
              "ORDER BY document_id, token_index",
}


def rows(db: str) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as connection:
        return {name: connection.execute(query).fetchall() for name, query in QUERIES.items()}


def events_by_document(db: str) -> dict[str, list[tuple[str, str]]]:
    """Per document key's file name: (type, trigger) of its events."""
    with sqlite3.connect(db) as connection:
        found: dict[str, list[tuple[str, str]]] = {}
        for key, kind, trigger in connection.execute(
                "SELECT d.key, e.type, e.trigger FROM events e JOIN documents d "
                "ON d.id = e.document_id ORDER BY e.id"):
            found.setdefault(key.rsplit("/", 1)[-1], []).append((kind, trigger))
    return found
