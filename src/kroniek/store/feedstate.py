"""What `kroniek watch` remembers of each feed across restarts: the validators of its last
answer, its failures and when to poll it next, and the items already ingested."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from kroniek.store import schema as t


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    polled_at: dt.datetime | None = None
    next_poll: dt.datetime | None = None
    failures: int = 0
    last_error: str | None = None


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    # SQLite hands back naive datetimes; they were stored in UTC.
    return value.replace(tzinfo=dt.UTC) if value is not None and value.tzinfo is None else value


def load(engine: Engine, url: str) -> FeedState:
    with engine.connect() as connection:
        row = connection.execute(sa.select(t.feeds).where(t.feeds.c.url == url)).mappings().first()
    if row is None:
        return FeedState(url)
    return FeedState(url, row["etag"], row["last_modified"], _aware(row["polled_at"]),
                     _aware(row["next_poll"]), row["failures"] or 0, row["last_error"])


def _upsert(connection: Connection, values: dict[str, object]) -> None:
    if connection.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    statement = insert(t.feeds).values(**values)
    connection.execute(statement.on_conflict_do_update(
        index_elements=[t.feeds.c.url],
        set_={key: value for key, value in values.items() if key != "url"}))


def store(engine: Engine, state: FeedState) -> None:
    with engine.begin() as connection:
        _upsert(connection, {"url": state.url, "etag": state.etag,
                             "last_modified": state.last_modified,
                             "polled_at": state.polled_at, "next_poll": state.next_poll,
                             "failures": state.failures, "last_error": state.last_error})


def seen(engine: Engine, url: str, items: Iterable[str]) -> set[str]:
    """Which of ``items`` (links or guids) of the feed at ``url`` were ingested before."""
    wanted = list(items)
    found: set[str] = set()
    with engine.connect() as connection:
        for start in range(0, len(wanted), 500):  # SQLite's bound-parameter limit
            chunk = wanted[start:start + 500]
            found.update(connection.execute(
                sa.select(t.feed_items.c.item).where(t.feed_items.c.feed_url == url,
                                                     t.feed_items.c.item.in_(chunk))).scalars())
    return found


def mark_seen(engine: Engine, url: str, item: str, document_id: str | None) -> None:
    """Remember one item; its feed's row is made first if this is the feed's first poll."""
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as connection:
        exists = connection.execute(sa.select(t.feeds.c.url).where(t.feeds.c.url == url))
        if exists.first() is None:
            _upsert(connection, {"url": url, "failures": 0})
        connection.execute(sa.delete(t.feed_items).where(t.feed_items.c.feed_url == url,
                                                         t.feed_items.c.item == item))
        connection.execute(t.feed_items.insert().values(feed_url=url, item=item,
                                                        document_id=document_id, seen_at=now))
