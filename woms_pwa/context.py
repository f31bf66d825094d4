"""What the web layer shares: settings read once from the environment, and sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from sqlmodel import Session

from woms_pwa.core.db import session_scope
from woms_pwa.core.settings import Settings


@cache
def settings() -> Settings:
    """The web app's settings (from the environment, read once)."""
    return Settings.from_env()


@contextmanager
def db() -> Iterator[Session]:
    """A transactional session on the configured database."""
    with session_scope(settings().db_url) as session:
        yield session
