"""Probabilities of reaching a second level, and of counts ending on whole numbers."""

from __future__ import annotations

import pandas as pd

from analytics.forecast import forecast_year_end


def _quarterly(values: list[float], target: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "series": "KR",
            "year": 2025,
            "month": [3, 6, 9],
            "value": values,
            "target": target,
            "cumulative": True,
        }
    )


def _level(value: float) -> pd.DataFrame:
    wobble = [-0.2, 0.1, -0.1, 0.2, 0.0, 0.1, -0.1, 0.0, 0.1]
    return pd.DataFrame(
        {
            "series": "KR",
            "year": 2025,
            "month": range(1, 10),
            "value": [value + w for w in wobble],
            "target": 100.0,
            "cumulative": False,
        }
    )


def test_threshold_probability_tells_a_near_miss_from_a_real_one() -> None:
    # A rate steady at 97% of a 100% target: unlikely to hit 100, likely to stay above 95.
    near = forecast_year_end(_level(97.0), 2025, 9, thresholds={"KR": 95.0}).frame.iloc[0]
    assert near["p_reach_target"] < 0.2 and near["p_reach_threshold"] > 0.7
    far = forecast_year_end(_level(85.0), 2025, 9, thresholds={"KR": 95.0}).frame.iloc[0]
    assert far["p_reach_threshold"] < 0.05
    # Without thresholds the frame keeps its contract columns only.
    assert "p_reach_threshold" not in forecast_year_end(_level(97.0), 2025, 9).frame.columns


def test_a_count_ends_on_a_whole_number() -> None:
    # 2 of 3 classes held by September, one expected by the run-rate: reaching 3
    # means ending above 2,5, which is likely.
    count = forecast_year_end(_quarterly([1.0, 1.0, 2.0], 3.0), 2025, 9).frame.iloc[0]
    assert count["p_reach_target"] > 0.5
    # The same path with a fractional reading is a measured quantity: no correction.
    measured = forecast_year_end(_quarterly([1.0, 1.1, 2.0], 3.0), 2025, 9).frame.iloc[0]
    assert measured["p_reach_target"] < 0.4
    # A count that is really behind (1 of 6) stays flagged-low.
    behind = forecast_year_end(_quarterly([0.0, 1.0, 1.0], 6.0), 2025, 9).frame.iloc[0]
    assert behind["p_reach_target"] < 0.1
