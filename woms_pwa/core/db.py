"""Engine and session helpers shared by the CLI, the web app and the tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, SQLModel


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


def insert_unless_exists(session: Session, row: SQLModel, *, key: str) -> bool:
    """Insert ``row`` unless a row with the same unique ``key`` exists; True if inserted.

    One ``INSERT … ON CONFLICT DO NOTHING`` instead of a SAVEPOINT around a flush:
    pysqlite commits an outermost ``RELEASE SAVEPOINT`` on its own, so on SQLite a
    savepoint opened before any write would commit half of the caller's work. The
    statement joins the caller's transaction on both SQLite and PostgreSQL and
    waits for a concurrent insert of the same key instead of failing.

    Args:
        session: the caller's session (its transaction is used, nothing is committed).
        row: a table model instance; its defaults are filled by pydantic already.
        key: the column with the unique constraint that defines "the same row".
    """
    table = type(row).__table__  # type: ignore[attr-defined]
    values = {
        column.name: getattr(row, column.name)
        for column in table.columns
        if not (column.primary_key and getattr(row, column.name) is None)
    }
    dialect = session.get_bind().dialect.name
    insert = sqlite_insert if dialect == "sqlite" else pg_insert
    statement = insert(table).values(values).on_conflict_do_nothing(index_elements=[key])
    result = session.execute(statement)
    return bool(result.rowcount)  # type: ignore[attr-defined]
