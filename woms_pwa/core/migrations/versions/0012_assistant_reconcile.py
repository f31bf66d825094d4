"""assistant index reconciliation: change log filled by triggers, pending id ranges

Revision ID: 0012_assistant_reconcile
Revises: 0011_merge
Create Date: 2026-11-29 09:00:00

The triggers record, for the assistant's index, every update of a column an
indexed text or its metadata comes from, and every delete. They are written
here (not generated from code that may change later) for SQLite and
PostgreSQL. A later SQLite migration that rebuilds one of these tables with
``batch_alter_table`` drops its triggers and must create them again.
"""

from __future__ import annotations

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012_assistant_reconcile"
down_revision = "0011_merge"
branch_labels = None
depends_on = None

# table -> (source recorded in the log, columns whose update matters, log deletes)
WATCHED: dict[str, tuple[str, tuple[str, ...], bool]] = {
    "check_in": (
        "checkin",
        (
            "kr_id",
            "date",
            "note",
            "evidence",
            "blocker_type",
            "blocker_text",
            "reported_by_person_id",
            "recorded_by_user_id",
        ),
        True,
    ),
    "note": (
        "note",
        ("date", "unit_id", "kr_id", "author", "author_person_id", "text", "kind"),
        True,
    ),
    "key_result": ("key_result", ("task_id", "code", "metric_code", "status"), True),
    "task": ("task", ("plan_id", "perspective"), True),
    "plan": ("plan", ("owner_key", "owner_unit_id", "owner_person_id"), True),
    "person": ("person", ("unit_id", "code"), False),
    "unit": ("unit", ("code",), False),
}


def _sqlite(table: str, source: str, columns: tuple[str, ...], deletes: bool) -> None:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
    op.execute(
        f"CREATE TRIGGER assistant_change_{table}_update AFTER UPDATE ON {table} "
        f"WHEN {changed} BEGIN "
        f"INSERT INTO assistant_change (source, row_id) VALUES ('{source}', NEW.id); END"
    )
    if deletes:
        op.execute(
            f"CREATE TRIGGER assistant_change_{table}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO assistant_change (source, row_id) VALUES ('{source}', OLD.id); END"
        )


def _postgresql(table: str, source: str, columns: tuple[str, ...], deletes: bool) -> None:
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in columns)
    op.execute(
        f"CREATE TRIGGER assistant_change_{table}_update AFTER UPDATE ON {table} "
        f"FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION assistant_change_log('{source}')"
    )
    if deletes:
        op.execute(
            f"CREATE TRIGGER assistant_change_{table}_delete AFTER DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION assistant_change_log('{source}')"
        )


def upgrade() -> None:
    op.create_table(
        "assistant_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assistant_watermark", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pending", sa.Text(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        for table, (source, columns, deletes) in WATCHED.items():
            _sqlite(table, source, columns, deletes)
        return
    op.execute(
        "CREATE FUNCTION assistant_change_log() RETURNS trigger AS $$ BEGIN "
        "IF TG_OP = 'DELETE' THEN "
        "INSERT INTO assistant_change (source, row_id) VALUES (TG_ARGV[0], OLD.id); "
        "ELSE INSERT INTO assistant_change (source, row_id) VALUES (TG_ARGV[0], NEW.id); "
        "END IF; RETURN NULL; END; $$ LANGUAGE plpgsql"
    )
    for table, (source, columns, deletes) in WATCHED.items():
        _postgresql(table, source, columns, deletes)


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table, (_, _, deletes) in WATCHED.items():
        for verb in ("update", "delete") if deletes else ("update",):
            name = f"assistant_change_{table}_{verb}"
            op.execute(f"DROP TRIGGER IF EXISTS {name}" + ("" if sqlite else f" ON {table}"))
    if not sqlite:
        op.execute("DROP FUNCTION IF EXISTS assistant_change_log()")
    with op.batch_alter_table("assistant_watermark", schema=None) as batch_op:
        batch_op.drop_column("pending")
    op.drop_table("assistant_change")
