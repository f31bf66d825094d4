"""Reviews of anomalies: an approver or leader marks one "đã giải trình" with a note."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from woms_pwa.core.models import utcnow


class AnomalyReview(SQLModel, table=True):
    """One anomaly (key result + kind + key) explained by a reviewer.

    The anomaly itself is recomputed from the data on every run; the review
    sticks to it through ``(kr_id, kind, key)`` so it stays explained.
    """

    __tablename__ = "anomaly_review"
    __table_args__ = (
        UniqueConstraint("kr_id", "kind", "anomaly_key", name="uq_anomaly_review"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    kr_id: int = Field(foreign_key="key_result.id", index=True)
    kind: str = Field(max_length=40)
    anomaly_key: str = Field(max_length=80)
    status: str = Field(default="explained", max_length=20)
    note: str = Field(sa_column=Column(Text, nullable=False))
    reviewed_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    reviewer_name: str = Field(default="", max_length=255)
    reviewed_at: dt.datetime = Field(default_factory=utcnow)
