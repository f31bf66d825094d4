"""Year-end forecasts on synthetic series whose answers are known."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.forecast import estimate_profiles, forecast_year_end
from analytics.forecast.simulate import DISBURSEMENT_SHARES, REVENUE_SHARES, run_rate, simulate


def _coverage(history: pd.DataFrame, truth: pd.Series, month: int) -> tuple[float, pd.DataFrame]:
    year = int(history["year"].max())
    frame = forecast_year_end(history, year, month).frame.set_index("series")
    t = truth.reindex(frame.index)
    inside = (t >= frame["lower"]) & (t <= frame["upper"])
    return float(inside.mean()), frame


def test_80_percent_intervals_are_calibrated_over_2000_series() -> None:
    hits: list[float] = []
    for kind, n_years, seed in [
        ("disbursement", 4, 1),
        ("disbursement", 7, 2),
        ("revenue", 4, 3),
        ("revenue", 7, 4),
    ]:
        history, truth = simulate(500, n_years, kind=kind, seed=seed)
        for month in (3, 6, 9):
            cov, frame = _coverage(history, truth, month)
            assert frame["method"].str.startswith("profile").all()
            assert 0.7 <= cov <= 0.93, (kind, n_years, month, cov)
            hits.append(cov)
    assert 0.75 <= float(np.mean(hits)) <= 0.9


def test_seasonal_profiles_are_recovered() -> None:
    for kind, base in [("disbursement", DISBURSEMENT_SHARES), ("revenue", REVENUE_SHARES)]:
        history, _ = simulate(200, 7, kind=kind, seed=11)
        profiles = estimate_profiles(history, int(history["year"].max()))
        typical = profiles.groupby("month")["share"].median().to_numpy()
        assert np.abs(typical - base[:11]).max() < 0.02, kind
        per_series = profiles.pivot(index="series", columns="month", values="share").to_numpy()
        assert np.abs(per_series - base[:11]).mean() < 0.04
        assert (profiles["share_low"] <= profiles["share"]).all()
        assert (profiles["share"] <= profiles["share_high"]).all()


def test_beats_run_rate_on_public_finance_like_series() -> None:
    for kind in ("disbursement", "revenue"):
        history, truth = simulate(400, 6, kind=kind, seed=21)
        year = int(history["year"].max())
        errors, naive = [], []
        for month in range(2, 12):
            frame = forecast_year_end(history, year, month).frame.set_index("series")
            t = truth.reindex(frame.index)
            errors.append((frame["forecast"] - t).abs().mean())
            naive.append((run_rate(history, year, month).reindex(frame.index) - t).abs().mean())
        assert np.mean(errors) < 0.7 * np.mean(naive), (kind, np.mean(errors), np.mean(naive))


def _one_series(target: float, direction: str = "increase") -> pd.DataFrame:
    history, _ = simulate(1, 6, kind="disbursement", seed=5)
    history["target"] = np.where(history["year"] == 2023, target, np.nan)
    history["direction"] = direction
    return history


def test_probability_near_zero_when_hopeless_and_one_when_certain() -> None:
    _, truth = simulate(1, 6, kind="disbursement", seed=5)
    end = float(truth.iloc[0])
    hopeless = forecast_year_end(_one_series(3 * end), 2023, 9).to_rows()[0]
    assert hopeless["p_reach_target"] < 0.02
    certain = forecast_year_end(_one_series(0.4 * end), 2023, 9).to_rows()[0]
    assert certain["p_reach_target"] > 0.98
    already = forecast_year_end(_one_series(0.1 * end), 2023, 9).to_rows()[0]
    assert already["p_reach_target"] == 1.0
    lower_is_better = forecast_year_end(_one_series(3 * end, "decrease"), 2023, 9).to_rows()[0]
    assert lower_is_better["p_reach_target"] > 0.98


def test_three_point_series_gets_an_honest_wide_interval() -> None:
    history = pd.DataFrame(
        {
            "series": "KR",
            "year": 2025,
            "month": [1, 2, 3],
            "value": [4.0, 9.0, 12.0],
            "target": 90.0,
        }
    )
    row = forecast_year_end(history, 2025, 3).to_rows()[0]
    assert row["method"] == "drift"
    assert row["forecast"] == pytest.approx(48.0)
    assert row["lower"] >= 12.0
    assert (row["upper"] - row["lower"]) / row["forecast"] > 1.0
    # A Q4 rush (disbursement reaching 90 from 12 in March) is not excluded.
    assert 0.0 < row["p_reach_target"] < 0.2
    assert row["upper"] > 90.0


def test_more_history_gives_narrower_intervals() -> None:
    history, _ = simulate(300, 7, kind="disbursement", seed=8)
    year = int(history["year"].max())
    widths = []
    for first in (year - 1, year - 3, year - 6):
        part = history[history["year"] >= first]
        frame = forecast_year_end(part, year, 6).frame
        widths.append(float(((frame["upper"] - frame["lower"]) / frame["forecast"]).median()))
    assert widths[0] > widths[1] > widths[2]


def test_peers_lend_their_profile_to_series_without_history() -> None:
    history, truth = simulate(300, 5, kind="disbursement", seed=9)
    year = int(history["year"].max())
    newcomers = set(truth.index[:100])
    history = history[~(history["series"].isin(newcomers) & (history["year"] < year))]
    groups = dict.fromkeys(truth.index, "GIAI_NGAN_DTC")
    frame = forecast_year_end(history, year, 6, peer_groups=groups).frame.set_index("series")
    new = frame.loc[sorted(newcomers)]
    assert (new["method"] == "peer_profile").all()
    t = truth.reindex(new.index)
    naive = run_rate(history, year, 6).reindex(new.index)
    assert (new["forecast"] - t).abs().mean() < 0.5 * (naive - t).abs().mean()
    assert 0.65 <= ((t >= new["lower"]) & (t <= new["upper"])).mean() <= 0.95


def test_uses_nothing_after_the_as_of_month_and_december_is_observed() -> None:
    history, _ = simulate(20, 4, kind="revenue", seed=4)
    year = int(history["year"].max())
    base = forecast_year_end(
        history[~((history["year"] == year) & (history["month"] > 5))], year, 5
    )
    noisy = history.copy()
    future = (noisy["year"] == year) & (noisy["month"] > 5)
    noisy.loc[future, "value"] = 1e9
    again = forecast_year_end(noisy, year, 5)
    pd.testing.assert_frame_equal(base.frame, again.frame)
    december = forecast_year_end(history, year, 12).frame
    assert (december["method"] == "observed").all()
    assert (december["lower"] == december["upper"]).all()


def test_gaps_in_earlier_years_are_interpolated() -> None:
    history, truth = simulate(50, 5, kind="disbursement", seed=6)
    year = int(history["year"].max())
    gappy = history[~((history["year"] < year) & history["month"].isin([5, 6, 7]))]
    frame = forecast_year_end(gappy, year, 6).frame.set_index("series")
    assert frame["method"].str.startswith("profile").all()
    t = truth.reindex(frame.index)
    assert ((frame["forecast"] - t).abs() / t).median() < 0.15


def test_rows_have_the_contract_keys() -> None:
    history, _ = simulate(3, 3, kind="revenue", seed=2)
    rows = forecast_year_end(history, int(history["year"].max()), 8).to_rows()
    assert len(rows) == 3
    for row in rows:
        assert {"series", "year", "forecast", "lower", "upper", "p_reach_target", "method"} <= set(
            row
        )
        assert row["lower"] <= row["forecast"] <= row["upper"]
