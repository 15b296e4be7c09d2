"""What only the HTML pages show beside the API's rows: each event's sentence (with its
trigger marked) and its article's outlet, in one query for a page of events."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from kroniek.serve.data.articles import trigger_span
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
