"""One SQLite connection per worker thread for the web server.

The pages and the API run as sync endpoints in Starlette's thread pool (up to 40 threads).
SQLAlchemy's default pool for a SQLite file keeps 5 connections and opens up to 10 more
for a burst, closing those again after each use: under 20 concurrent clients most requests
paid for a new connection and its PRAGMAs. A per-thread pool opens one connection per
worker thread and keeps it for the thread's life.
"""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.pool import SingletonThreadPool

# Above the thread pool's 40 workers, so no live thread loses its connection.
THREAD_CONNECTIONS = 64


def per_thread_connections(engine: Engine, size: int = THREAD_CONNECTIONS) -> Engine:
    """``engine`` with its pool replaced by one connection per thread (SQLite files only)."""
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return engine
    old = engine.pool
    # As Pool.recreate() does: the same connection factory and the same event listeners
    # (the store's PRAGMAs on connect), only another pool class.
    engine.pool = SingletonThreadPool(old._creator, pool_size=size,
                                      _dispatch=old.dispatch,
                                      dialect=old._dialect)
    old.dispose()
    return engine
