"""The watermark table: the last row id of each source table already indexed."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from woms_pwa.core.models import utcnow


class AssistantWatermark(SQLModel, table=True):
    """How far one index has read one source table (``checkin``, ``note``, ``audit``).

    ``index_key`` identifies the index (a hash of its folder or server URL), so
    two indexes of one database each keep their own progress.
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
    updated_at: dt.datetime = Field(default_factory=utcnow)
