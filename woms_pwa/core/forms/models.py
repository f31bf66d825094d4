"""Tables of the form engine: definitions, immutable versions, submissions, drafts, files."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from woms_pwa.core.models import utcnow


class FormDefinition(SQLModel, table=True):
    """A form as the builder edits it: the draft JSON and the latest published version."""

    __tablename__ = "form_definition"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=40, unique=True, index=True)
    title: str = Field(max_length=200)
    draft_json: str = Field(sa_column=Column(Text, nullable=False))
    current_version: int = 0
    builtin: bool = False
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)
    updated_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class FormVersion(SQLModel, table=True):
    """A published version: its JSON never changes once written."""

    __tablename__ = "form_version"
    __table_args__ = (
        UniqueConstraint("form_id", "version", name="uq_form_version"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    form_id: int = Field(foreign_key="form_definition.id", index=True)
    version: int
    definition_json: str = Field(sa_column=Column(Text, nullable=False))
    published_at: dt.datetime = Field(default_factory=utcnow)
    published_by_user_id: int | None = Field(default=None, foreign_key="user_account.id")


class FormSubmission(SQLModel, table=True):
    """One filled form, with the version it was filled with; once per ``client_id``."""

    __tablename__ = "form_submission"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    form_id: int = Field(foreign_key="form_definition.id", index=True)
    form_code: str = Field(max_length=40, index=True)
    version_id: int = Field(foreign_key="form_version.id")
    version: int
    submitted_by_user_id: int = Field(foreign_key="user_account.id", index=True)
    person_id: int | None = Field(default=None, foreign_key="person.id", index=True)
    context_key: str = Field(default="", max_length=80)
    answers_json: str = Field(sa_column=Column(Text, nullable=False))
    client_id: str = Field(max_length=64, unique=True)
    checkin_id: int | None = Field(default=None, foreign_key="check_in.id")
    created_at: dt.datetime = Field(default_factory=utcnow)


class FormDraft(SQLModel, table=True):
    """Answers being filled in, saved on every change (one per user, form and context)."""

    __tablename__ = "form_draft"
    __table_args__ = (
        UniqueConstraint("user_id", "form_id", "context_key", name="uq_form_draft"),
        {"extend_existing": True},
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id")
    form_id: int = Field(foreign_key="form_definition.id")
    context_key: str = Field(default="", max_length=80)
    answers_json: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: dt.datetime = Field(default_factory=utcnow)


class EvidenceFile(SQLModel, table=True):
    """A stored evidence file, addressed by the SHA-256 of its stored content."""

    __tablename__ = "evidence_file"
    __table_args__ = {"extend_existing": True}

    id: int | None = Field(default=None, primary_key=True)
    sha256: str = Field(max_length=64, unique=True, index=True)
    mime: str = Field(max_length=120)
    size: int
    original_name: str = Field(default="", max_length=255)
    path: str = Field(max_length=300)
    width: int | None = None
    height: int | None = None
    uploaded_by_user_id: int = Field(foreign_key="user_account.id")
    created_at: dt.datetime = Field(default_factory=utcnow)
