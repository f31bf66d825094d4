"""Synthetic public-finance-like cumulative series with known year-ends.

Used by the tests and the benchmark. The monthly profiles are shaped on the
published Vietnamese pattern: public-investment disbursement reaches roughly a
third of its year-end by June and rushes in Q4; state-budget revenue runs ahead
of the calendar (about half by June). Each year draws its monthly shares from a
Dirichlet around the base profile, and its year-end from a random walk with
growth (revenue) or a stationary level (disbursement, % of plan).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

DISBURSEMENT_SHARES = np.array(
    [0.025, 0.06, 0.11, 0.16, 0.22, 0.31, 0.40, 0.50, 0.60, 0.70, 0.81, 1.0]
)
REVENUE_SHARES = np.array([0.11, 0.18, 0.25, 0.35, 0.41, 0.49, 0.56, 0.63, 0.71, 0.79, 0.86, 1.0])
FLAT_SHARES = np.arange(1, 13) / 12.0


def simulate(
    n_series: int,
    n_years: int,
    *,
    kind: str = "disbursement",
    first_year: int = 2018,
    concentration: float = 150.0,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.Series]:
    """Simulate cumulative monthly series over complete years.

    Args:
        n_series: number of series.
        n_years: complete years per series (the last one is the year to forecast).
        kind: ``disbursement`` (% of plan, Q4 rush), ``revenue`` (amount, runs
            ahead, grows) or ``flat`` (no season).
        first_year: calendar year of the first simulated year.
        concentration: Dirichlet concentration; lower means noisier profiles.
        seed: random seed.

    Returns:
        ``(history, truth)``: the long frame ``series, year, month, value,
        target`` (target on every row of the last year) and the true year-end
        of the last year per series.
    """
    rng = np.random.default_rng(seed)
    base = {"disbursement": DISBURSEMENT_SHARES, "revenue": REVENUE_SHARES, "flat": FLAT_SHARES}[
        kind
    ]
    monthly = np.diff(np.concatenate([[0.0], base]))
    # Units differ from each other a little (their own base), years differ around it.
    unit_base = rng.dirichlet(monthly * 400, size=n_series)
    alpha = unit_base[:, None, :] * concentration
    draws = rng.gamma(alpha + 1e-9, size=(n_series, n_years, 12))
    shares = np.cumsum(draws, axis=2) / draws.sum(axis=2, keepdims=True)
    if kind == "revenue":
        start = rng.uniform(500, 20_000, n_series)
        growth = rng.normal(0.08, 0.07, size=(n_series, n_years))
        ends = start[:, None] * np.exp(np.cumsum(growth, axis=1))
        plan = ends[:, -1] / np.exp(growth[:, -1]) * np.exp(0.08) * rng.uniform(0.9, 1.05, n_series)
    else:
        level = rng.uniform(80, 98, n_series)
        ends = level[:, None] * np.exp(rng.normal(0, 0.06, size=(n_series, n_years)))
        plan = rng.uniform(85, 100, n_series)
    values = shares * ends[:, :, None]
    s_idx, y_idx, m_idx = np.meshgrid(
        np.arange(n_series), np.arange(n_years), np.arange(12), indexing="ij"
    )
    names = np.array([f"{kind[:3].upper()}{i:06d}" for i in range(n_series)], dtype=object)
    frame = pd.DataFrame(
        {
            "series": names[s_idx.ravel()],
            "year": first_year + y_idx.ravel(),
            "month": m_idx.ravel() + 1,
            "value": values.ravel(),
        }
    )
    last = frame["year"] == first_year + n_years - 1
    frame["target"] = np.where(last, plan[s_idx.ravel()], np.nan)
    truth = pd.Series(ends[:, -1], index=names, name="year_end")
    return frame, truth


def run_rate(history: pd.DataFrame, year: int, month: int) -> pd.Series:
    """The naive baseline ``value × 12 / m`` at the latest month reported by ``month``."""
    cur = history[(history["year"] == year) & (history["month"] <= month)]
    last = cur.sort_values("month").groupby("series").tail(1)
    return pd.Series(
        (last["value"] * 12.0 / last["month"]).to_numpy(), index=last["series"].to_numpy()
    )
