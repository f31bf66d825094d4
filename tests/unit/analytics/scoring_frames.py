"""Small frame builders shared by the scoring golden tests (not a test module)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

_DEFAULTS: dict[str, Any] = {
    "task_id": 1,
    "task_code": "NV1",
    "plan_id": 1,
    "owner_code": "U1",
    "owner_type": "unit",
    "perspective": "service",
    "kind": "kpi",
    "breakthrough": False,
    "direction": "increase",
    "baseline": np.nan,
    "target": 100.0,
    "weight": np.nan,
    "task_weight": np.nan,
    "unit": "hồ sơ",
    "title": "Mục tiêu then chốt",
    "task_title": "Nhiệm vụ",
}


def key_results(*rows: dict[str, Any]) -> pd.DataFrame:
    """Key-result frame: each row overrides the defaults; ids and codes are numbered."""
    records = []
    for i, row in enumerate(rows, start=1):
        record = {**_DEFAULTS, "kr_id": i, "kr_code": f"KR{i}", **row}
        records.append(record)
    return pd.DataFrame(records)


def checkins(*rows: tuple[int, str, float]) -> pd.DataFrame:
    """Check-in frame from ``(kr_id, "YYYY-MM-DD", value)`` tuples."""
    frame = pd.DataFrame(rows, columns=["kr_id", "date", "value"])
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


def one_reading(values: list[float], date: str = "2025-06-30") -> pd.DataFrame:
    """One check-in per key result (kr_id 1, 2, …) with the given values."""
    return checkins(*[(i, date, v) for i, v in enumerate(values, start=1)])
