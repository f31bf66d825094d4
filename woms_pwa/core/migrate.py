"""Apply the Alembic revisions programmatically (``woms migrate`` and the tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from woms_pwa.core.db import get_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(db_url: str) -> Config:
    """Return an Alembic config pointing at the project's revisions and ``db_url``."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("sqlalchemy.url", db_url.replace("%", "%%"))
    return cfg


def upgrade(db_url: str, revision: str = "heads") -> None:
    """Bring the database at ``db_url`` up to ``revision``.

    Features add their own revisions on top of ``0001``; until they are merged
    there may be several heads, so the default applies all of them.

    Args:
        db_url: SQLAlchemy URL of the database.
        revision: target revision; every head by default.
    """
    cfg = alembic_config(db_url)
    with get_engine(db_url).begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
