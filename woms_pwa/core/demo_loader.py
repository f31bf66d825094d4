"""Load the demo province through the same import path as any dataset."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, select

from woms_pwa.core.demo import DEMO_ACCOUNTS, build_demo_dataset
from woms_pwa.core.exchange.exporter import write_dataset
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.models import CheckIn, KeyResult, Person, Unit
from woms_pwa.core.services.auth import create_account, hash_password


def database_is_empty(session: Session) -> bool:
    """Whether no unit has been stored yet."""
    return not session.execute(select(func.count()).select_from(Unit)).scalar_one()


def load_demo(session: Session, folder: Path) -> dict[str, int]:
    """Write the demo dataset as CSV into ``folder``, import it, and create the demo accounts.

    Returns:
        Counts of units, people, key results and check-ins now stored.
    """
    write_dataset(build_demo_dataset(), folder)
    import_dataset(session, folder, actor="demo")
    hashes: dict[str, str] = {}
    for account in DEMO_ACCOUNTS:
        # One hash per distinct password: argon2 is deliberately slow.
        password = account["password"]
        hashes.setdefault(password, hash_password(password))
        create_account(
            session,
            username=account["username"],
            password=password,
            role=account["role"],
            person_code=account["person_code"] or None,
            password_hash=hashes[password],
        )
    count = lambda model: session.execute(select(func.count()).select_from(model)).scalar_one()  # noqa: E731
    return {
        "units": count(Unit),
        "people": count(Person),
        "krs": count(KeyResult),
        "checkins": count(CheckIn),
    }
