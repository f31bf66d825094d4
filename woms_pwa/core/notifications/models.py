"""The notification table: one row per recipient account."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from woms_pwa.core.models import utcnow


class Notification(SQLModel, table=True):
    """A message for one account: a deadline, a warning, an approval, a comment."""

    __tablename__ = "notification"
    __table_args__ = (
        Index("ix_notification_user_read", "user_id", "read_at"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id")
    kind: str = Field(max_length=40)
    title: str = Field(max_length=255)
    body: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    link: str = Field(default="", max_length=500)
    # Same key = same event: notifying twice (a re-run job) stores it once.
    dedupe_key: str | None = Field(default=None, max_length=200, unique=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    read_at: dt.datetime | None = None
    emailed_at: dt.datetime | None = None
