"""Shared fixtures: a fresh, migrated database per test on SQLite or PostgreSQL.

``WOMS_TEST_DB_URL`` (set by scripts/test.sh) selects PostgreSQL: each test
gets its own database on that server. Without it, each test gets an SQLite file.
"""

from __future__ import annotations

import os
import random
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

from woms_pwa.core.db import get_engine
from woms_pwa.core.migrate import upgrade

FIXTURES = Path(__file__).parent / "fixtures"


def create_database(admin: Engine, name: str, attempts: int = 20) -> None:
    """CREATE DATABASE, retried: PostgreSQL refuses it while template1 is busy
    with another concurrent CREATE DATABASE (parallel test runs)."""
    for attempt in range(attempts):
        try:
            with admin.connect() as conn:
                conn.execute(text(f'CREATE DATABASE "{name}"'))
            return
        except OperationalError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.2 + random.random() * 0.5)


@pytest.fixture(scope="session")
def make_database() -> Callable[[Engine, str], None]:
    """The retrying CREATE DATABASE, for fixtures that make their own databases."""
    return create_database


@pytest.fixture
def db_url(tmp_path: Path) -> Iterator[str]:
    """A freshly migrated database URL, dropped after the test."""
    server = os.environ.get("WOMS_TEST_DB_URL", "")
    if not server:
        url = f"sqlite:///{tmp_path / 'woms-test.db'}"
        upgrade(url)
        yield url
        get_engine(url).dispose()
        return
    name = f"woms_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    create_database(admin, name)
    url = server.rsplit("/", 1)[0] + f"/{name}"
    upgrade(url)
    try:
        yield url
    finally:
        get_engine(url).dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def small_dataset() -> Path:
    """A small, realistic dataset in the exchange format."""
    return FIXTURES / "small"
