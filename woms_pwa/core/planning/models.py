"""Tables of the planning feature: approved versions, reviews, amendments, deadlines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from woms_pwa.core.models import utcnow


class PlanVersion(SQLModel, table=True):
    """A frozen copy of a plan as approved, so every earlier version stays visible."""

    __tablename__ = "plan_version"
    __table_args__ = (
        UniqueConstraint("plan_id", "version", name="uq_plan_version"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    version: int
    # JSON: tasks with their key results (see planning.versions.snapshot).
    snapshot: str = Field(sa_column=Column(Text, nullable=False))
    approved_at: dt.datetime = Field(default_factory=utcnow)
    approved_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))


class PlanReview(SQLModel, table=True):
    """One step of a plan's review: submitted, returned with a comment, approved…"""

    __tablename__ = "plan_review"
    __table_args__ = (
        Index("ix_plan_review_plan", "plan_id", "at"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id")
    action: str = Field(max_length=30)
    comment: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    actor: str = Field(max_length=120)
    actor_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    at: dt.datetime = Field(default_factory=utcnow)


class PlanAmendment(SQLModel, table=True):
    """A proposed change to an approved plan: add, adjust or remove a key result.

    It goes through the same approval as the plan; only once approved is it
    applied (and a new plan version snapshotted).
    """

    __tablename__ = "plan_amendment"
    __table_args__ = (
        Index("ix_plan_amendment_plan", "plan_id", "status"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id")
    kind: str = Field(max_length=20)  # add | adjust | remove
    task_id: int | None = Field(default=None, foreign_key="task.id")
    kr_id: int | None = Field(default=None, foreign_key="key_result.id")
    # JSON of the new field values (add/adjust).
    payload: str = Field(default="{}", sa_column=Column(Text, nullable=False, default="{}"))
    reason: str = Field(sa_column=Column(Text, nullable=False))
    status: str = Field(default="draft", max_length=20)  # draft|submitted|approved|returned
    created_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: dt.datetime = Field(default_factory=utcnow)
    decided_at: dt.datetime | None = None
    decided_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    applied_version: int | None = None


class DeadlineRule(SQLModel, table=True):
    """A province's override of one cycle deadline (month/day, or day of the period)."""

    __tablename__ = "deadline_rule"
    __table_args__ = (
        UniqueConstraint("province_unit_id", "key", name="uq_deadline_rule"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    province_unit_id: int = Field(foreign_key="unit.id")
    key: str = Field(max_length=40)
    month: int | None = None
    day: int
