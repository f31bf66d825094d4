"""Year-end forecasts on awkward real-world inputs: partial targets, one prior year, flat or level series."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.forecast import forecast_year_end
from analytics.forecast.simulate import run_rate, simulate


def _ytd(values: list[float], year: int = 2025, **columns: object) -> pd.DataFrame:
    frame = pd.DataFrame(
        {"series": "A", "year": year, "month": range(1, len(values) + 1), "value": values}
    )
    for name, value in columns.items():
        frame[name] = value
    return frame


@pytest.mark.parametrize("where", ["first", "december", "no_value_row"])
def test_target_is_taken_from_any_row_of_the_year(where: str) -> None:
    history = _ytd([4.0, 9.0, 12.0])
    history["target"] = np.nan
    if where == "first":
        history.loc[0, "target"] = 90.0
    else:
        extra = {"series": "A", "year": 2025, "month": 12, "value": np.nan, "target": 90.0}
        if where == "no_value_row":
            extra["month"] = 2
        history = pd.concat([history, pd.DataFrame([extra])], ignore_index=True)
    row = forecast_year_end(history, 2025, 3).to_rows()[0]
    assert row["p_reach_target"] is not None and 0.0 < row["p_reach_target"] < 0.2
    assert row["forecast"] == pytest.approx(48.0)


def test_a_target_known_by_the_as_of_month_wins_over_a_later_revision() -> None:
    history = _ytd([40.0, 50.0, 60.0], target=[100.0, np.nan, np.nan])
    later = pd.DataFrame(
        [{"series": "A", "year": 2025, "month": 11, "value": np.nan, "target": 10.0}]
    )
    row = forecast_year_end(pd.concat([history, later]), 2025, 3).to_rows()[0]
    assert row["p_reach_target"] < 1.0


def test_one_prior_year_is_used_and_beats_run_rate() -> None:
    history, truth = simulate(300, 2, kind="disbursement", seed=31)
    year = int(history["year"].max())
    frame = forecast_year_end(history, year, 6).frame.set_index("series")
    assert frame["method"].eq("profile").all()
    assert (frame["n_history_years"] == 1).all()
    t = truth.reindex(frame.index)
    naive = run_rate(history, year, 6).reindex(frame.index)
    assert (frame["forecast"] - t).abs().mean() < 0.6 * (naive - t).abs().mean()
    assert 0.65 <= ((t >= frame["lower"]) & (t <= frame["upper"])).mean() <= 0.97


def test_flat_series_is_not_distorted_by_the_profile() -> None:
    history, truth = simulate(300, 5, kind="flat", seed=32)
    year = int(history["year"].max())
    frame = forecast_year_end(history, year, 8).frame.set_index("series")
    t = truth.reindex(frame.index)
    naive = run_rate(history, year, 8).reindex(frame.index)
    # A flat season is what the run-rate assumes: the profile must be about as good.
    assert (frame["forecast"] - t).abs().mean() <= 1.1 * (naive - t).abs().mean()


def test_a_level_climbing_steadily_keeps_its_pace() -> None:
    climbing = _ytd([70.0, 71.0, 72.1, 73.0, 74.1, 75.0, 76.0, 77.1, 78.0], target=80.0)
    climbing["value"] = climbing["value"] + 20.0  # a rate from 90%: a level, not a total
    row = forecast_year_end(climbing, 2025, 9, None).to_rows()[0]
    assert row["method"] == "trend"
    assert 100.3 < row["forecast"] < 101.7  # a point a month for three more months
    capped = forecast_year_end(climbing.assign(unit="%"), 2025, 9, None).to_rows()[0]
    assert capped["forecast"] == 100.0 and capped["upper"] == 100.0


def test_lower_is_better_already_at_zero_target_is_certain() -> None:
    debt = _ytd([0.0, 0.0, 0.0, 0.0], target=0.0, direction="decrease")
    row = forecast_year_end(debt, 2025, 4).to_rows()[0]
    assert row["p_reach_target"] == 1.0


def test_a_declared_total_with_a_falling_reading_is_still_a_total() -> None:
    history = _ytd([4.0, 9.0, 7.0], target=30.0, cumulative=True)
    row = forecast_year_end(history, 2025, 3).to_rows()[0]
    assert row["method"] == "drift"
    assert row["lower"] >= 7.0


def test_a_series_never_below_zero_is_not_forecast_below_zero() -> None:
    noisy = _ytd([5.0, 1.0, 6.0, 0.5, 7.0], cumulative=False)
    row = forecast_year_end(noisy, 2025, 5).to_rows()[0]
    assert row["method"] in {"last_value", "trend"}
    assert row["lower"] >= 0.0
