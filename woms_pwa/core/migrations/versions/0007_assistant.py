"""assistant index watermarks

Revision ID: 0007_assistant
Revises: 0002_notifications
Create Date: 2026-11-29 06:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0007_assistant"
down_revision = "0002_notifications"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "assistant_watermark",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("index_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("last_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("index_key", "source", name="uq_assistant_watermark_key_source"),
    )


def downgrade() -> None:
    op.drop_table("assistant_watermark")
