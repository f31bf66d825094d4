"""Tables of the evaluation feature (migration ``0003_evaluation``).

* ``EvaluationConfig`` — the province's scoring configuration (thresholds,
  quotas, weights, points), one JSON row; defaults apply when it is absent.
* ``EvaluationRecord`` — one evaluation of a person or a unit for one period,
  with its three steps: self-assessment → the head's assessment → the official
  conclusion by the competent level.
* ``EvaluationStance`` — the political-stance rubric indicators given at a step
  (``self`` or ``assess``).
* ``EvaluationItem`` — what the subject declares for criteria 2–4: work done
  outside the plan, recognised proposals/initiatives, self-learning and
  certificates; each is accepted (with points) or rejected by the assessor.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from woms_pwa.core.models import utcnow


class EvaluationConfig(SQLModel, table=True):
    """The province's scoring configuration, stored as JSON under a key."""

    __tablename__ = "evaluation_config"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(default="province", max_length=40, unique=True)
    settings_json: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: dt.datetime = Field(default_factory=utcnow)
    updated_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class EvaluationRecord(SQLModel, table=True):
    """One evaluation of a person (``P<id>``) or a unit (``U<id>``) for one period."""

    __tablename__ = "evaluation_record"
    __table_args__ = (
        UniqueConstraint("subject_key", "period_id", name="uq_evaluation_subject_period"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    subject_key: str = Field(max_length=24, index=True)
    subject_type: str = Field(max_length=10)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    period_id: int = Field(foreign_key="period.id", index=True)
    status: str = Field(default="draft", max_length=20)
    self_comment: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    self_rating: str | None = Field(default=None, max_length=20)
    self_at: dt.datetime | None = None
    self_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    assess_comment: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    assess_rating: str | None = Field(default=None, max_length=20)
    assess_at: dt.datetime | None = None
    assess_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    conclusion_comment: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    conclusion_rating: str | None = Field(default=None, max_length=20)
    conclusion_total: float | None = None
    # The "why" text at the moment of the conclusion, so the record stays
    # explainable even if check-ins change afterwards.
    conclusion_explanation: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    concluded_at: dt.datetime | None = None
    concluded_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: dt.datetime = Field(default_factory=utcnow)


class EvaluationStance(SQLModel, table=True):
    """Political-stance rubric indicators given at one step of an evaluation."""

    __tablename__ = "evaluation_stance"
    __table_args__ = (
        UniqueConstraint("record_id", "stage", name="uq_evaluation_stance_stage"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="evaluation_record.id", index=True)
    stage: str = Field(max_length=10)
    assessment_pct: float | None = None
    study_pct: float | None = None
    contributions: float | None = None
    trust_pct: float | None = None
    reminders: float | None = None
    disciplined: bool | None = None
    level: int | None = None
    updated_at: dt.datetime = Field(default_factory=utcnow)


class EvaluationItem(SQLModel, table=True):
    """A declared outside-plan task, initiative or learning result of a person or unit."""

    __tablename__ = "evaluation_item"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    record_id: int = Field(foreign_key="evaluation_record.id", index=True)
    kind: str = Field(max_length=20)
    title: str = Field(sa_column=Column(Text, nullable=False))
    detail: str = Field(default="", sa_column=Column(Text, nullable=False, default=""))
    perspective: str | None = Field(default=None, max_length=20)
    scope: str | None = Field(default=None, max_length=20)
    evidence: str | None = Field(default=None, max_length=500)
    status: str = Field(default="declared", max_length=20)
    points: float | None = None
    created_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    created_at: dt.datetime = Field(default_factory=utcnow)
    reviewed_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")
    reviewed_at: dt.datetime | None = None
