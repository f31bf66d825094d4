"""The Alembic revisions create exactly the tables the models declare."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

from woms_pwa.core.db import get_engine
from woms_pwa.core.registry import load_all_models


def test_migrations_match_the_models(db_url: str) -> None:
    load_all_models()
    with get_engine(db_url).connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == [], f"models and migrations differ; add an Alembic revision: {diff}"
