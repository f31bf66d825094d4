"""Fixtures of the evaluation tests: the small dataset with a few more readings."""

from __future__ import annotations

import datetime as dt

import pytest

from woms_pwa.core.db import session_scope
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.checkins import record_checkin

# Readings that make Xã Tân Phong's 2025 score hand-computable (see test_evaluation_scoring_db).
READINGS = (
    ("TP-2025-DV2.1", "12", dt.date(2025, 9, 30)),
    ("TP-2025-NS1.2", "0", dt.date(2025, 9, 30)),
    ("TP-2025-CC1.1", "98", dt.date(2025, 9, 30)),
    ("CN-TP02-2025-1", "9", dt.date(2025, 9, 30)),
)


@pytest.fixture
def scored(loaded: str) -> str:
    """The small dataset, accounts, and the readings above; returns the database URL."""
    with session_scope(loaded) as session:
        for i, (code, value, day) in enumerate(READINGS):
            record_checkin(
                session,
                Actor.system("test"),
                kr_code=code,
                value=value,
                # TP-2025-DV2.1 requires evidence; a scan reference for every reading.
                evidence=f"bien-ban-{code}-thang-09-2025.pdf",
                client_id=f"eval-fixture-{i:04d}",
                on_date=day,
                today=dt.date(2025, 12, 31),
            )
    return loaded
