"""The demo province loads through the import path, round-trips, and has its accounts."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.demo import DEMO_ACCOUNTS
from woms_pwa.core.demo_loader import database_is_empty, load_demo
from woms_pwa.core.exchange.exporter import export_dataset
from woms_pwa.core.exchange.importer import import_dataset
from woms_pwa.core.models import UserAccount


def test_demo_loads_round_trips_and_signs_in(db_url: str, tmp_path: Path) -> None:
    with session_scope(db_url) as session:
        assert database_is_empty(session)
        counts = load_demo(session, tmp_path / "demo")
    assert counts["units"] >= 16 and counts["krs"] >= 500 and counts["checkins"] >= 3000
    with session_scope(db_url) as session:
        assert not database_is_empty(session)
        export_dataset(session, tmp_path / "first")
        assert not import_dataset(session, tmp_path / "first").changed
        export_dataset(session, tmp_path / "second")
        names = {a.username for a in session.execute(select(UserAccount)).scalars()}
    for name in ("units", "people", "plan", "checkins", "notes"):
        assert (tmp_path / "first" / f"{name}.csv").read_bytes() == (
            tmp_path / "second" / f"{name}.csv"
        ).read_bytes()
    assert {a["username"] for a in DEMO_ACCOUNTS} <= names
