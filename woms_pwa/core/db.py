"""Engine and session helpers shared by the CLI, the web app and the tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Engine, create_engine, event
from sqlmodel import Session


def is_sqlite(url: str) -> bool:
    """Return whether ``url`` names an SQLite database."""
    return url.startswith("sqlite")


@cache
def get_engine(url: str) -> Engine:
    """Return the process-wide engine for ``url`` (created on first use).

    SQLite gets WAL, foreign keys and a busy timeout so that the web app and a
    CLI import can share the file.
    """
    if is_sqlite(url):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


@contextmanager
def session_scope(url: str) -> Iterator[Session]:
    """Yield a session that commits on success and rolls back on any error."""
    with Session(get_engine(url), expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
