"""Bookkeeping of the assistant's index: how far each source table has been indexed,
and the log of changed or deleted rows the index must reconcile."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from woms_pwa.core.models import utcnow


class AssistantWatermark(SQLModel, table=True):
    """How far one index has read one source table (``checkin``, ``note``, ``audit``, ``change``).

    ``index_key`` identifies the index (a hash of its folder or server URL), so
    two indexes of one database each keep their own progress. ``pending``
    lists id ranges skipped below ``last_id`` (JSON ``[[lo, hi, seen_at], …]``):
    on PostgreSQL a transaction may commit a lower id after a higher one was
    read, so those ranges are looked at again for a while.
    """

    __tablename__ = "assistant_watermark"
    __table_args__ = (
        UniqueConstraint("index_key", "source", name="uq_assistant_watermark_key_source"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    index_key: str = Field(max_length=64)
    source: str = Field(max_length=20)
    last_id: int = Field(default=0)
    pending: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    updated_at: dt.datetime = Field(default_factory=utcnow)


class AssistantChange(SQLModel, table=True):
    """One changed or deleted row whose indexed texts may be stale.

    Written only by database triggers (migration ``0012_assistant_reconcile``) on
    updates of the columns an indexed text or its metadata comes from, and on
    deletes: every path that edits the data (services, imports, manual SQL) is
    caught. ``source`` names the table (``checkin``, ``note``, ``key_result``,
    ``task``, ``plan``, ``person``, ``unit``), ``row_id`` its row.
    """

    __tablename__ = "assistant_change"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    source: str = Field(max_length=20)
    row_id: int
