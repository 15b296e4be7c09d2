"""The database schema, in SQLAlchemy Core so SQLite and PostgreSQL share it.

Provenance is uniform: every annotation row names its ``document_id``, its
``sentence_index`` and character span (``start``, ``end``) in the document text, the
``component`` that produced it and a ``confidence``. Rows from the shipped knowledge base
rather than from text have no document and say ``origin = 'kb'``.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True),
    sa.Column("key", sa.Text, nullable=False, index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("outlet", sa.String(200)),
    sa.Column("author", sa.Text),  # schema version 6: a web page's byline
    sa.Column("title", sa.Text),
    sa.Column("lang", sa.String(8), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("words", sa.Integer, nullable=False),
    sa.Column("published_start", sa.Date),
    sa.Column("published_end", sa.Date),
    sa.Column("published_precision", sa.String(10), nullable=False),
    sa.Column("date_origin", sa.String(20), nullable=False),
    sa.Column("date_inferred", sa.Boolean, nullable=False, default=False),
    sa.Column("nlp_backend", sa.String(40), nullable=False),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_documents_published", "published_start"),
)


def _provenance(required_sentence: bool = True) -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column(
            "document_id",
            sa.String(40),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=not required_sentence,
            index=True,
        ),
        sa.Column("sentence_index", sa.Integer, nullable=not required_sentence),
        sa.Column("start", sa.Integer, nullable=not required_sentence),
        sa.Column("end", sa.Integer, nullable=not required_sentence),
        sa.Column("component", sa.String(80), nullable=False),
        sa.Column("confidence", sa.Float, nullable=False, default=1.0),
    ]


sentences = sa.Table(
    "sentences",
    metadata,
    sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("sentence_index", sa.Integer, primary_key=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("paragraph", sa.Integer, nullable=False),
    sa.Column("token_start", sa.Integer, nullable=False),
    sa.Column("token_end", sa.Integer, nullable=False),
    sa.Column("furniture", sa.Boolean, nullable=False, default=False),
)

tokens = sa.Table(
    "tokens",
    metadata,
    sa.Column("document_id", sa.String(40), sa.ForeignKey("documents.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("token_index", sa.Integer, primary_key=True),
    sa.Column("sentence_index", sa.Integer, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("lemma", sa.Text, nullable=False),
    sa.Column("pos", sa.String(12), nullable=False),
    sa.Column("features", sa.String(120), nullable=False),
    sa.Column("morph", sa.Text, nullable=False),
    sa.Column("ner", sa.String(12), nullable=False),
    sa.Column("chunk", sa.String(12), nullable=False),
    sa.Column("head", sa.Integer),
    sa.Column("deprel", sa.String(20), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
)

actors = sa.Table(
    "actors",
    metadata,
    # A snapshot of the KB actors that documents refer to, so queries can join names.
    sa.Column("id", sa.String(120), primary_key=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("code", sa.String(40), index=True),
    sa.Column("iso3", sa.String(3)),
    sa.Column("wikidata", sa.String(20)),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *_provenance(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("label", sa.String(12), nullable=False),
    sa.Column("actor_id", sa.String(120), index=True),
    sa.Column("code", sa.String(40)),
    sa.Column("sector", sa.String(12)),
    sa.Column("method", sa.String(40), nullable=False),
    sa.Column("score", sa.Float, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *_provenance(),
    sa.Column("event_index", sa.Integer, nullable=False),
    sa.Column("type", sa.String(12), nullable=False, index=True),
    sa.Column("mode", sa.String(40)),
    sa.Column("context", sa.JSON, nullable=False, default=list),
    sa.Column("status", sa.String(12), nullable=False, index=True),
    sa.Column("reciprocal", sa.Boolean, nullable=False, default=False),
    sa.Column("trigger", sa.Text, nullable=False),
    sa.Column("rule", sa.String(120), nullable=False),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.String(10)),
    sa.Column("date_inferred", sa.Boolean, nullable=False, default=False),
    sa.Column("location", sa.String(120)),
    sa.Column("plover_score", sa.Float),
    sa.Column("furniture", sa.Boolean, nullable=False, default=False),
)

# One row per actor or recipient of an event, so dyad and actor queries use indexes.
event_participants = sa.Table(
    "event_participants",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("role", sa.String(10), primary_key=True),  # actor | recipient
    sa.Column("position", sa.Integer, primary_key=True),
    sa.Column("code", sa.String(40), nullable=False),
    sa.Column("sector", sa.String(12)),
    sa.Column("actor_id", sa.String(120)),
    # Copies of the event's date, type, score and reciprocity, so that dyad and actor
    # time series are range scans on one index instead of a lookup per event.
    sa.Column("date_start", sa.Date),
    sa.Column("type", sa.String(12)),
    sa.Column("plover_score", sa.Float),
    sa.Column("reciprocal", sa.Boolean),
    sa.Index("ix_participants_code_role", "code", "role"),
    sa.Index("ix_participants_code_role_date", "code", "role", "date_start", "event_id"),
)

figures = sa.Table(
    "figures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *_provenance(),
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="SET NULL")),
    sa.Column("kind", sa.String(12), nullable=False),
    sa.Column("value", sa.Float, nullable=False),
    sa.Column("qualifier", sa.String(10), nullable=False),
    sa.Column("unit", sa.String(40), nullable=False),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *_provenance(),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("speaker", sa.String(40)),
    sa.Column("speaker_actor_id", sa.String(120)),
    sa.Column("direct", sa.Boolean, nullable=False),
)

relations = sa.Table(
    "relations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    *_provenance(required_sentence=False),
    sa.Column("type", sa.String(30), nullable=False, index=True),
    sa.Column("source", sa.String(120), nullable=False, index=True),
    sa.Column("target", sa.String(120), nullable=False, index=True),
    sa.Column("valid_from", sa.Date),
    sa.Column("valid_to", sa.Date),
    sa.Column("origin", sa.String(8), nullable=False),  # text | kb
)

# -- graph (issue 5): fused events and why reports were joined -------------------------------

# One real-world event reported by several articles. Rebuilt by ``kroniek fuse``; the member
# reports stay untouched in ``events``, so fusion is reversible.
fused_events = sa.Table(
    "fused_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),  # hash of the member ids
    sa.Column("type", sa.String(12), nullable=False, index=True),
    sa.Column("actors", sa.JSON, nullable=False),
    sa.Column("recipients", sa.JSON, nullable=False),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.Column("location", sa.String(120)),
    sa.Column("first_report", sa.Date),
    sa.Column("sources", sa.Integer, nullable=False),
    sa.Column("outlets", sa.JSON, nullable=False),
    sa.Column("figures", sa.JSON, nullable=False),  # kind -> {values, min, max, agree}
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

fusion_links = sa.Table(
    "fusion_links",
    metadata,
    sa.Column("event_id", sa.Integer, sa.ForeignKey("events.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("fused_id", sa.Integer, sa.ForeignKey("fused_events.id", ondelete="CASCADE"),
              nullable=False, index=True),
    sa.Column("joined_to", sa.Integer),  # the event it was compared with, None for the first
    sa.Column("reason", sa.JSON, nullable=False),  # shared actors, date overlap, place, score
    sa.Column("score", sa.Float, nullable=False),
)

# Dyad and actor queries: participants by code and role with the event id in the index, so
# SQLite answers them from the index alone; relations by either end and type.
GRAPH_INDEXES = [
    sa.Index("ix_participants_code_role_event", event_participants.c.code,
             event_participants.c.role, event_participants.c.event_id),
    sa.Index("ix_participants_event_role_code", event_participants.c.event_id,
             event_participants.c.role, event_participants.c.code),
    sa.Index("ix_relations_source_type", relations.c.source, relations.c.type),
    sa.Index("ix_relations_target_type", relations.c.target, relations.c.type),
    sa.Index("ix_mentions_document_sentence", mentions.c.document_id, mentions.c.sentence_index),
]
GRAPH_TABLES = [fused_events, fusion_links]

# -- daily totals (schema version 4), maintained by kroniek.store.aggregates ---------------

# WITHOUT ROWID on SQLite keeps each table in primary-key order, so a range of days of one
# code (or one pair) is one contiguous read.
actor_days = sa.Table(
    "actor_days",
    metadata,
    sa.Column("code", sa.String(40), primary_key=True),
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("role", sa.String(10), primary_key=True),  # actor | recipient
    sa.Column("type", sa.String(12), primary_key=True),
    sa.Column("events", sa.Integer, nullable=False),
    sqlite_with_rowid=False,
)

dyad_days = sa.Table(
    "dyad_days",
    metadata,
    sa.Column("code", sa.String(40), primary_key=True),
    sa.Column("other", sa.String(40), primary_key=True),
    sa.Column("direction", sa.String(10), primary_key=True),  # actor | recipient | mutual
    sa.Column("day", sa.Date, primary_key=True),
    sa.Column("type", sa.String(12), primary_key=True),
    sa.Column("events", sa.Integer, nullable=False),
    # Sum of the stored PLOVER scores and how many events had one; events without a score
    # count with their category's default when read (graph.dyads).
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("scored", sa.Integer, nullable=False),
    sqlite_with_rowid=False,
)

# Partners of one actor in a window, and all pairs in a window (the network), read by day;
# the extra columns make the indexes covering.
AGGREGATE_INDEXES = [
    sa.Index("ix_dyad_days_code_day", dyad_days.c.code, dyad_days.c.day,
             dyad_days.c.direction, dyad_days.c.events, dyad_days.c.score,
             dyad_days.c.scored),
    sa.Index("ix_dyad_days_direction_day", dyad_days.c.direction, dyad_days.c.day,
             dyad_days.c.code, dyad_days.c.other, dyad_days.c.type, dyad_days.c.events,
             dyad_days.c.score, dyad_days.c.scored),
]
AGGREGATE_TABLES = [actor_days, dyad_days]

# The events table and the web pages' filters: newest events of a type, and per-day counts
# by type for the overview's timeline, both from the index alone.
EVENT_INDEXES = [
    sa.Index("ix_events_type_date", events.c.type, events.c.date_start, events.c.id),
    sa.Index("ix_events_date_type", events.c.date_start, events.c.type),
]

# -- feeds (schema version 6), maintained by kroniek.ingest.watch -------------------------

# One row per feed `kroniek watch` follows: the validators of its last answer (so the next
# poll is a conditional GET) and its failures (so a failing feed is polled less often).
feeds = sa.Table(
    "feeds",
    metadata,
    sa.Column("url", sa.Text, primary_key=True),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("polled_at", sa.DateTime(timezone=True)),
    sa.Column("next_poll", sa.DateTime(timezone=True)),
    sa.Column("failures", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.Text),
)

# The items of a feed already ingested (by link or guid), so a restart reads only new ones.
feed_items = sa.Table(
    "feed_items",
    metadata,
    sa.Column("feed_url", sa.Text, sa.ForeignKey("feeds.url", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("item", sa.Text, primary_key=True),
    sa.Column("document_id", sa.String(40)),
    sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
)
FEED_TABLES = [feeds, feed_items]
