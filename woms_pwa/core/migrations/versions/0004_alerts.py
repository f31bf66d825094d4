"""alerts: reviews of anomalies ("đã giải trình")

Revision ID: 0004_alerts
Revises: 0002_notifications
Create Date: 2026-11-29 06:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0004_alerts"
down_revision = "0002_notifications"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "anomaly_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kr_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("anomaly_key", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewed_by_user_id", sa.Integer(), nullable=True),
        sa.Column("reviewer_name", sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column("reviewed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["kr_id"], ["key_result.id"]),
        sa.ForeignKeyConstraint(["reviewed_by_user_id"], ["user_account.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kr_id", "kind", "anomaly_key", name="uq_anomaly_review"),
    )
    with op.batch_alter_table("anomaly_review", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_anomaly_review_kr_id"), ["kr_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("anomaly_review", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_anomaly_review_kr_id"))
    op.drop_table("anomaly_review")
