"""Merge the feature branches into one head.

The features of the first version each branched from 0002_notifications; from
here on new revisions have a single parent again.

Revision ID: 0011_merge
Revises: 0003_evaluation, 0004_alerts, 0005_forms, 0007_assistant, 0008_planning, 0010_metrics
Create Date: 2026-11-29 07:48:34
"""

from __future__ import annotations

revision = "0011_merge"
down_revision = (
    "0003_evaluation",
    "0004_alerts",
    "0005_forms",
    "0007_assistant",
    "0008_planning",
    "0010_metrics",
)
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Nothing to change: the merge only joins the history."""


def downgrade() -> None:
    """Nothing to change: the merge only joins the history."""
