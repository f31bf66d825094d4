"""forms: definitions, published versions, submissions, drafts, evidence files

Revision ID: 0005_forms
Revises: 0002_notifications
Create Date: 2026-11-29 06:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0005_forms"
down_revision = "0002_notifications"
branch_labels = None
depends_on = None

_STR = sqlmodel.sql.sqltypes.AutoString
_UTC = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    op.create_table(
        "form_definition",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", _STR(length=40), nullable=False),
        sa.Column("title", _STR(length=200), nullable=False),
        sa.Column("draft_json", sa.Text(), nullable=False),
        sa.Column("current_version", sa.Integer(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("created_at", _UTC(), nullable=False),
        sa.Column("updated_at", _UTC(), nullable=False),
        sa.Column("updated_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["updated_by_user_id"], ["user_account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("form_definition", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_form_definition_code"), ["code"], unique=True)

    op.create_table(
        "form_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition_json", sa.Text(), nullable=False),
        sa.Column("published_at", _UTC(), nullable=False),
        sa.Column("published_by_user_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["form_id"], ["form_definition.id"]),
        sa.ForeignKeyConstraint(["published_by_user_id"], ["user_account.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("form_id", "version", name="uq_form_version"),
    )
    with op.batch_alter_table("form_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_form_version_form_id"), ["form_id"], unique=False)

    op.create_table(
        "form_submission",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("form_code", _STR(length=40), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("submitted_by_user_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("context_key", _STR(length=80), nullable=False),
        sa.Column("answers_json", sa.Text(), nullable=False),
        sa.Column("client_id", _STR(length=64), nullable=False),
        sa.Column("checkin_id", sa.Integer(), nullable=True),
        sa.Column("created_at", _UTC(), nullable=False),
        sa.ForeignKeyConstraint(["form_id"], ["form_definition.id"]),
        sa.ForeignKeyConstraint(["version_id"], ["form_version.id"]),
        sa.ForeignKeyConstraint(["submitted_by_user_id"], ["user_account.id"]),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"]),
        sa.ForeignKeyConstraint(["checkin_id"], ["check_in.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("client_id"),
    )
    with op.batch_alter_table("form_submission", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_form_submission_form_id"), ["form_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_form_submission_form_code"), ["form_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_form_submission_submitted_by_user_id"),
            ["submitted_by_user_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_form_submission_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "form_draft",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("form_id", sa.Integer(), nullable=False),
        sa.Column("context_key", _STR(length=80), nullable=False),
        sa.Column("answers_json", sa.Text(), nullable=False),
        sa.Column("updated_at", _UTC(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user_account.id"]),
        sa.ForeignKeyConstraint(["form_id"], ["form_definition.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("user_id", "form_id", "context_key", name="uq_form_draft"),
    )

    op.create_table(
        "evidence_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", _STR(length=64), nullable=False),
        sa.Column("mime", _STR(length=120), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("original_name", _STR(length=255), nullable=False),
        sa.Column("path", _STR(length=300), nullable=False),
        sa.Column("width", sa.Integer(), nullable=True),
        sa.Column("height", sa.Integer(), nullable=True),
        sa.Column("uploaded_by_user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", _UTC(), nullable=False),
        sa.ForeignKeyConstraint(["uploaded_by_user_id"], ["user_account.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("evidence_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_evidence_file_sha256"), ["sha256"], unique=True)


def downgrade() -> None:
    with op.batch_alter_table("evidence_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_evidence_file_sha256"))
    op.drop_table("evidence_file")
    op.drop_table("form_draft")
    with op.batch_alter_table("form_submission", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_submission_person_id"))
        batch_op.drop_index(batch_op.f("ix_form_submission_submitted_by_user_id"))
        batch_op.drop_index(batch_op.f("ix_form_submission_form_code"))
        batch_op.drop_index(batch_op.f("ix_form_submission_form_id"))
    op.drop_table("form_submission")
    with op.batch_alter_table("form_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_version_form_id"))
    op.drop_table("form_version")
    with op.batch_alter_table("form_definition", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_form_definition_code"))
    op.drop_table("form_definition")
