"""Autogenerate an Alembic revision for new or changed tables.

    python scripts/new_migration.py <rev_id> "<message>" [--down-revision REV]

It migrates a scratch SQLite database to every current head, compares it with
the models, and writes ``woms_pwa/core/migrations/versions/<rev_id>.py``.
Read the result: keep only the operations on your own tables (another feature
may have models whose revision is not written yet), and keep it portable to
PostgreSQL.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from alembic import command

from woms_pwa.core.migrate import MIGRATIONS_DIR, alembic_config, upgrade


def main() -> None:
    """Parse the arguments and write the revision file."""
    parser = argparse.ArgumentParser()
    parser.add_argument("rev_id")
    parser.add_argument("message")
    parser.add_argument(
        "--down-revision",
        default=None,
        help="parent revision (default: the single head, 0011_merge at the time of writing)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'scratch.db'}"
        upgrade(url)
        cfg = alembic_config(url)
        script = command.revision(
            cfg,
            message=args.message,
            autogenerate=True,
            rev_id=args.rev_id,
            head=args.down_revision or "head",
        )
    produced = Path(script.path) if script and not isinstance(script, list) else None  # type: ignore[union-attr]
    if produced:
        target = MIGRATIONS_DIR / "versions" / f"{args.rev_id}.py"
        produced.rename(target)
        print(f"Đã tạo {target}")


if __name__ == "__main__":
    main()
