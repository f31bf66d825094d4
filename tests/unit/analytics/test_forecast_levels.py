"""Year-end forecasts of levels and rates: steady climbs, stalls, noise, falls, few readings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analytics.forecast import ForecastInputError, forecast_csv, forecast_year_end
from analytics.forecast.simulate import LEVEL_KINDS, simulate_levels


def _fit(history: pd.DataFrame, truth: pd.Series, month: int) -> tuple[pd.DataFrame, pd.Series]:
    frame = forecast_year_end(history, 2025, month).frame.set_index("series")
    return frame, truth.reindex(frame.index)


def _coverage(frame: pd.DataFrame, truth: pd.Series) -> float:
    return float(((truth >= frame["lower"]) & (truth <= frame["upper"])).mean())


def _held(history: pd.DataFrame, month: int) -> pd.Series:
    """The last reading up to ``month``: what holding the level forecasts."""
    cur = history[(history["year"] == 2025) & (history["month"] <= month)]
    return cur.sort_values("month").groupby("series")["value"].last()


def _levels(
    values: list[float], months: list[int] | None = None, **columns: object
) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "series": "KR",
            "year": 2025,
            "month": months or list(range(1, len(values) + 1)),
            "value": values,
            "cumulative": False,
        }
    )
    for name, value in columns.items():
        frame[name] = value
    return frame


def test_intervals_are_calibrated_over_the_level_families() -> None:
    covers = []
    for kind in LEVEL_KINDS:
        for quarterly, months in ((False, (3, 6, 9)), (True, (6, 9))):
            history, truth = simulate_levels(300, kind, quarterly=quarterly, seed=len(kind))
            for month in months:
                frame, t = _fit(history, truth, month)
                assert frame["method"].isin(["trend", "last_value"]).all()
                covers.append((kind, _coverage(frame, t)))
    by_kind = pd.DataFrame(covers, columns=["kind", "cover"]).groupby("kind")["cover"].mean()
    assert (by_kind >= 0.7).all(), by_kind
    assert 0.8 <= by_kind.drop("saturate").mean() <= 0.93, by_kind


def test_a_steady_climb_is_extrapolated_not_held() -> None:
    history, truth = simulate_levels(400, "climb", seed=3)
    for month, ratio in ((6, 0.35), (9, 0.6)):
        frame, t = _fit(history, truth, month)
        held = _held(history, month).reindex(frame.index)
        error = (frame["forecast"] - t).abs().mean()
        assert error < ratio * (held - t).abs().mean(), (month, error)
        assert (frame["method"] == "trend").mean() > 0.95
        assert 0.8 <= _coverage(frame, t) <= 0.97


def test_a_steady_fall_is_extrapolated_down() -> None:
    history, truth = simulate_levels(400, "fall", quarterly=True, seed=4)
    frame, t = _fit(history, truth, 9)
    held = _held(history, 9).reindex(frame.index)
    assert (frame["forecast"] - t).abs().mean() < 0.85 * (held - t).abs().mean()
    assert (frame["forecast"] < held).mean() > 0.9


def test_a_level_that_stalled_is_held_not_climbed() -> None:
    # 60 → 70 by May, then flat for four months: the December reading stays near 70.
    stalled = _levels([62.0, 64.1, 65.9, 68.0, 70.1, 70.0, 69.8, 70.2, 70.0], target=80.0)
    row = forecast_year_end(stalled, 2025, 9).to_rows()[0]
    assert row["method"] == "last_value"
    assert 69.0 < row["forecast"] < 71.5
    assert row["p_reach_target"] < 0.05
    # The same climb kept up is extrapolated at its pace (about two points a month).
    steady = _levels([62.0, 64.1, 65.9, 68.0, 70.1, 71.9, 74.0, 76.1, 78.0], target=80.0)
    row = forecast_year_end(steady, 2025, 9).to_rows()[0]
    assert row["method"] == "trend"
    assert 82.5 < row["forecast"] < 85.5
    assert row["lower"] > 80.0 and row["p_reach_target"] > 0.9


def test_stalls_seen_for_months_are_caught_over_many_series() -> None:
    history, truth = simulate_levels(400, "plateau", seed=5)
    frame, t = _fit(history, truth, 9)  # every series has been flat since month 7 at latest
    held = _held(history, 9).reindex(frame.index)
    assert (frame["forecast"] - t).abs().mean() < 1.2 * (held - t).abs().mean()
    assert (frame["method"] == "last_value").mean() > 0.8
    assert _coverage(frame, t) >= 0.85


def test_noise_around_a_flat_level_is_not_extrapolated() -> None:
    history, truth = simulate_levels(400, "noisy", seed=6)
    frame, t = _fit(history, truth, 6)
    held = _held(history, 6).reindex(frame.index)
    assert (frame["forecast"] - t).abs().mean() < 0.92 * (held - t).abs().mean()
    assert (frame["method"] == "last_value").mean() > 0.9
    assert 0.8 <= _coverage(frame, t) <= 0.99


def test_three_readings_give_an_honest_wide_interval() -> None:
    row = forecast_year_end(_levels([56.0, 73.0, 89.4], [3, 6, 9]), 2025, 9).to_rows()[0]
    assert row["method"] == "trend"
    # Three consistent readings point to about 106, but a slowdown stays possible.
    assert 100.0 < row["forecast"] < 110.0
    assert row["lower"] < 96.0 and row["upper"] > 112.0


def test_a_stated_baseline_is_the_start_of_the_path() -> None:
    single = _levels([1.0], [6], target=0.89, direction="decrease")
    alone = forecast_year_end(single, 2025, 6).to_rows()[0]
    assert alone["method"] == "last_value"
    assert alone["forecast"] == pytest.approx(1.0)
    assert alone["upper"] - alone["lower"] > 0.1  # one reading says nothing about change
    started = forecast_year_end(single.assign(baseline=1.2), 2025, 6).to_rows()[0]
    assert started["method"] == "trend"
    assert started["forecast"] < 0.95
    assert started["p_reach_target"] > alone["p_reach_target"]
    # Last December's reading wins over the stated baseline.
    december = pd.DataFrame([{"series": "KR", "year": 2024, "month": 12, "value": 1.0}])
    flat = pd.concat([december, single.assign(baseline=1.2)], ignore_index=True)
    held = forecast_year_end(flat, 2025, 6).to_rows()[0]
    assert held["forecast"] > 0.97


def test_a_percentage_never_passes_100_nor_a_count_0() -> None:
    rising = _levels([88.0, 90.1, 92.0, 94.1, 95.9, 98.0], target=100.0, unit="%")
    row = forecast_year_end(rising, 2025, 6).to_rows()[0]
    assert row["forecast"] <= 100.0 and row["upper"] <= 100.0
    assert row["p_reach_target"] > 0.5
    above = forecast_year_end(rising.assign(target=101.0), 2025, 6).to_rows()[0]
    assert above["p_reach_target"] == 0.0
    # Without the unit nothing says 100 is a ceiling (an index, a count).
    free = forecast_year_end(rising.drop(columns="unit"), 2025, 6).to_rows()[0]
    assert free["forecast"] > 100.0
    falling = _levels([9.0, 7.0, 5.1, 3.0, 1.0], target=0.0, direction="decrease")
    low = forecast_year_end(falling, 2025, 5).to_rows()[0]
    assert low["forecast"] >= 0.0 and low["lower"] >= 0.0


def test_the_target_does_not_shape_the_forecast() -> None:
    history, _ = simulate_levels(50, "climb", seed=7)
    results = []
    for target in (50.0, 200.0):
        frame = forecast_year_end(history.assign(target=target), 2025, 6).frame
        results.append(frame[["series", "forecast", "lower", "upper", "method"]])
    pd.testing.assert_frame_equal(results[0], results[1])


def test_quarterly_readings_are_not_mistaken_for_a_smooth_path() -> None:
    # Interpolated months between quarter ends are not readings: two readings and
    # last December give an interval as wide as three monthly readings would.
    quarterly = pd.concat(
        [
            pd.DataFrame([{"series": "KR", "year": 2024, "month": 12, "value": 40.0}]),
            _levels([56.0, 73.0], [3, 6]),
        ],
        ignore_index=True,
    )
    row = forecast_year_end(quarterly, 2025, 6).to_rows()[0]
    assert row["method"] == "trend"
    assert 95.0 < row["forecast"] < 112.0
    assert row["upper"] - row["lower"] > 8.0
    assert np.isfinite(row["upper"])


def test_the_csv_takes_a_baseline_and_a_unit(tmp_path: Path) -> None:
    rows = [f"KR;2025;{m};{86 + 2 * m},{m};100;85;%" for m in range(1, 7)]
    text = "series;year;month;value;target;baseline;unit\n" + "\n".join(rows) + "\n"
    path = tmp_path / "levels.csv"
    path.write_text(text, encoding="utf-8")
    row = forecast_csv(str(path), "2025-06")[0]
    assert row["method"] == "trend"
    assert row["forecast"] == pytest.approx(100.0) and row["upper"] == pytest.approx(100.0)
    bad = tmp_path / "bad.csv"
    bad.write_text("series,year,month,value,baseline\nKR,2025,3,90,x\n", encoding="utf-8")
    with pytest.raises(ForecastInputError, match="baseline"):
        forecast_csv(str(bad), "2025-06")
