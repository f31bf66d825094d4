"""Fixtures for core integration tests: the small dataset loaded, with accounts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest_smtp import SmtpInbox, run_smtp_server

from woms_pwa.core.db import session_scope
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.auth import create_account, hash_password

PASSWORD = "Woms@2025"
ACCOUNTS = {
    "admin": ("admin", None),
    "lanhdao.tinh": ("province", "CB.TINH.01"),
    "bithu.tanphong": ("head", "CB.TANPHONG.01"),
    "canbo.tanphong": ("cadre", "CB.TANPHONG.02"),
    "vanphong.tanphong": ("cadre", "CB.TANPHONG.03"),
    "canbo.antao": ("cadre", "CB.ANTAO.02"),
}


@pytest.fixture
def loaded(db_url: str, small_dataset: Path) -> str:
    """The small dataset with one account per role; returns the database URL."""
    hashed = hash_password(PASSWORD)
    with session_scope(db_url) as session:
        import_dataset(session, small_dataset)
        for username, (role, person) in ACCOUNTS.items():
            create_account(
                session,
                username=username,
                password=PASSWORD,
                role=role,
                person_code=person,
                password_hash=hashed,
            )
    return db_url


@pytest.fixture
def actor_of(loaded: str):  # type: ignore[no-untyped-def]
    """Return a function giving the ``Actor`` of a username."""
    from sqlalchemy import select

    from woms_pwa.core.models import UserAccount

    def get(username: str) -> Actor:
        with session_scope(loaded) as session:
            account = session.execute(
                select(UserAccount).where(UserAccount.username == username)
            ).scalar_one()
            return Actor.from_account(account)

    return get


@pytest.fixture
def smtp() -> Iterator[tuple[str, SmtpInbox]]:
    """A real SMTP server on loopback: ``(url, inbox)``."""
    yield from run_smtp_server()
