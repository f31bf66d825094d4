"""The reporting frequency the stale rule holds a key result to."""

from __future__ import annotations

import pandas as pd

from woms_pwa.core.alerts.service import reporting_frequency


def test_a_steady_quarterly_rhythm_relaxes_the_default_monthly_frequency() -> None:
    krs = pd.DataFrame(
        {
            "kr_code": ["Q", "M", "ONE", "W"],
            "reporting_frequency": ["month", "month", "month", "week"],
            "year": 2025,
        }
    )
    readings = pd.DataFrame(
        {
            "series": ["Q", "Q", "M", "M", "M", "ONE", "W", "W", "Q"],
            "year": [2025, 2025, 2025, 2025, 2025, 2025, 2025, 2025, 2024],
            # Q reported monthly last year, quarterly this year.
            "month": [3, 6, 5, 6, 7, 6, 3, 6, 5],
        }
    )
    out = reporting_frequency(krs, readings).tolist()
    # Q keeps its quarterly practice; M reports monthly; one reading proves no rhythm.
    assert out[:3] == ["quarter", "month", "month"]
    assert out[3] == "quarter"  # a weekly task reported only at quarter ends


def test_a_declared_longer_frequency_is_kept() -> None:
    krs = pd.DataFrame({"kr_code": ["Y"], "reporting_frequency": ["year"], "year": 2025})
    readings = pd.DataFrame({"series": ["Y", "Y"], "year": 2025, "month": [3, 6]})
    assert reporting_frequency(krs, readings).tolist() == ["year"]
