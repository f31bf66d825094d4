"""Database tables of WOMS (plain SQLModel, migrated by Alembic).

Every table lives here so that the schema can be read in one place. Enumerated
columns are plain strings whose allowed values are listed in ``vocab``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Index, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    """Return the current time, timezone-aware in UTC (SQLModel stores it as UTC)."""
    return dt.datetime.now(dt.UTC)


class Unit(SQLModel, table=True):
    """A province, agency, commune/ward/special zone or department."""

    __tablename__ = "unit"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True, index=True)
    name: str = Field(max_length=255)
    kind: str = Field(max_length=20)
    parent_id: int | None = Field(default=None, foreign_key="unit.id", index=True)


class Person(SQLModel, table=True):
    """A cadre, civil servant or leader belonging to one unit."""

    __tablename__ = "person"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=64, unique=True, index=True)
    full_name: str = Field(max_length=255)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    position: str | None = Field(default=None, max_length=255)
    is_head: bool = Field(default=False)
    email: str | None = Field(default=None, max_length=255)


class UserAccount(SQLModel, table=True):
    """A sign-in account; ``person_id`` links it to the person it acts as."""

    __tablename__ = "user_account"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=64, unique=True, index=True)
    password_hash: str = Field(max_length=255)
    role: str = Field(max_length=20)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    unit_id: int | None = Field(default=None, foreign_key="unit.id")
    display_name: str = Field(default="", max_length=255)
    is_active: bool = Field(default=True)
    failed_attempts: int = Field(default=0)
    locked_until: dt.datetime | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_login_at: dt.datetime | None = None


class AuthSession(SQLModel, table=True):
    """A signed-in browser or API client; only the token's hash is stored."""

    __tablename__ = "auth_session"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="user_account.id", index=True)
    created_at: dt.datetime = Field(default_factory=utcnow)
    last_seen_at: dt.datetime = Field(default_factory=utcnow)
    expires_at: dt.datetime


class Period(SQLModel, table=True):
    """A plan period: ``2025``, ``2025-Q3`` or ``2025-07``."""

    __tablename__ = "period"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=10, unique=True, index=True)
    kind: str = Field(max_length=10)
    year: int
    start_date: dt.date
    end_date: dt.date


class Plan(SQLModel, table=True):
    """The plan of one owner (a unit or a person) for one period."""

    __tablename__ = "plan"
    __table_args__ = (
        UniqueConstraint("owner_key", "period_id", name="uq_plan_owner_period"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    # "U<unit id>" or "P<person id>": one unique key for either kind of owner.
    owner_key: str = Field(max_length=24, index=True)
    owner_unit_id: int | None = Field(default=None, foreign_key="unit.id", index=True)
    owner_person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    period_id: int = Field(foreign_key="period.id", index=True)
    status: str = Field(default="draft", max_length=20)
    version: int = Field(default=1)
    template: str | None = Field(default=None, max_length=40)
    created_at: dt.datetime = Field(default_factory=utcnow)
    submitted_at: dt.datetime | None = None
    approved_at: dt.datetime | None = None
    approved_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class Task(SQLModel, table=True):
    """A task (Nhiệm vụ): qualitative, under one perspective, with 1–5 key results."""

    __tablename__ = "task"
    __table_args__ = (
        UniqueConstraint("plan_id", "code", name="uq_task_plan_code"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    plan_id: int = Field(foreign_key="plan.id", index=True)
    code: str = Field(max_length=64)
    title: str = Field(sa_column=Column(Text, nullable=False))
    perspective: str = Field(max_length=20)
    area: str = Field(default="", max_length=500)
    weight: float | None = None
    breakthrough: bool = Field(default=False)
    reference: str | None = Field(default=None, max_length=255)
    position: int = Field(default=0)
    reporting_frequency: str = Field(default="month", max_length=20)


class KeyResult(SQLModel, table=True):
    """A key result (Mục tiêu then chốt): measurable, with unit, target and direction."""

    __tablename__ = "key_result"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    task_id: int = Field(foreign_key="task.id", index=True)
    code: str = Field(max_length=80, unique=True, index=True)
    title: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(default="kpi", max_length=10)
    breakthrough: bool = Field(default=False)
    unit: str = Field(default="", max_length=64)
    baseline: float | None = None
    target: float
    direction: str = Field(default="increase", max_length=20)
    weight: float | None = None
    due: dt.date | None = None
    parent_kr_id: int | None = Field(default=None, foreign_key="key_result.id", index=True)
    cascade_mode: str | None = Field(default=None, max_length=20)
    metric_code: str | None = Field(default=None, max_length=64, index=True)
    reference: str | None = Field(default=None, max_length=255)
    evidence_required: bool = Field(default=False)
    data_source: str = Field(default="manual", max_length=40)
    status: str = Field(default="active", max_length=20)
    position: int = Field(default=0)
    last_year_actual: float | None = None
    # Latest reading, kept in step with check-ins so dashboards need no scan.
    current_value: float | None = None
    current_as_of: dt.date | None = None


class CheckIn(SQLModel, table=True):
    """A progress reading of a key result, cumulative as of ``date``."""

    __tablename__ = "check_in"
    __table_args__ = (
        Index("ix_check_in_kr_date", "kr_id", "date"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    kr_id: int = Field(foreign_key="key_result.id")
    date: dt.date
    value: float
    note: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    evidence: str | None = Field(default=None, max_length=500)
    reported_by_person_id: int | None = Field(default=None, foreign_key="person.id")
    recorded_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    # Generated on the device, so a resent check-in is stored once.
    client_id: str | None = Field(default=None, max_length=64, unique=True)
    confidence: str | None = Field(default=None, max_length=20)
    blocker_type: str | None = Field(default=None, max_length=40)
    blocker_text: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    plan_version: int | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Note(SQLModel, table=True):
    """A meeting conclusion, direction or comment about a unit (and maybe a key result)."""

    __tablename__ = "note"
    __table_args__ = (
        Index("ix_note_unit_date", "unit_id", "date"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    date: dt.date
    unit_id: int = Field(foreign_key="unit.id")
    kr_id: int | None = Field(default=None, foreign_key="key_result.id", index=True)
    author: str | None = Field(default=None, max_length=255)
    author_person_id: int | None = Field(default=None, foreign_key="person.id")
    text: str = Field(sa_column=Column(Text, nullable=False))
    kind: str = Field(default="note", max_length=20)
    created_at: dt.datetime = Field(default_factory=utcnow)


class AuditEntry(SQLModel, table=True):
    """Append-only, hash-chained log of every change: who, when, what, old → new, why."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entity", "entity", "entity_id"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    at: dt.datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=120)
    actor_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    action: str = Field(max_length=40)
    entity: str = Field(max_length=40)
    entity_id: int | None = None
    entity_code: str | None = Field(default=None, max_length=120)
    field: str | None = Field(default=None, max_length=64)
    old_value: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    new_value: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    reason: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(default="", max_length=64)
