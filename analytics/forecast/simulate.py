"""Synthetic public-finance-like series with known year-ends.

Used by the tests and the benchmark. The monthly profiles are shaped on the
published Vietnamese pattern: public-investment disbursement reaches roughly a
third of its year-end by June and rushes in Q4; state-budget revenue runs ahead
of the calendar (about half by June). Each year draws its monthly shares from a
Dirichlet around the base profile, and its year-end from a random walk with
growth (revenue) or a stationary level (disbursement, % of plan).
``simulate_levels`` draws rates and levels (shares of cadres, poverty rates):
steady climbs, climbs that stall, noisy flats, falls, random walks, ceilings.
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


LEVEL_KINDS = ("climb", "plateau", "noisy", "fall", "walk", "saturate")


def simulate_levels(
    n_series: int, kind: str, *, quarterly: bool = False, year: int = 2025, seed: int = 0
) -> tuple[pd.DataFrame, pd.Series]:
    """Simulate rates and levels (not year-to-date totals) with known December readings.

    Month 0 is last December's reading, given as a row of ``year - 1``.

    Args:
        n_series: number of series.
        kind: ``climb`` (steady monthly trend from a baseline, small reading
            noise), ``plateau`` (the same climb stopping for good in month 3–7),
            ``noisy`` (flat or barely moving, noise of 1.5–4 points), ``fall``
            (a poverty-rate-like share of 1–6% falling steadily, lower is better),
            ``walk`` (a random walk with drift) or ``saturate`` (a share climbing
            into its 100% ceiling).
        quarterly: report months 3, 6, 9 and 12 only.
        year: the year to forecast.
        seed: random seed.

    Returns:
        ``(history, truth)``: the long frame ``series, year, month, value,
        cumulative, direction, unit`` (``unit`` is ``%``; readings rounded like
        published figures) and the December reading per series.
    """
    rng = np.random.default_rng(seed)
    t = np.arange(13, dtype=float)[None, :]
    base = rng.uniform(30, 75, n_series)[:, None]
    if kind == "climb":
        slope, sd = rng.uniform(0.5, 2.5, n_series), rng.uniform(0.2, 1.0, n_series)
        path = base + slope[:, None] * t
    elif kind == "plateau":
        slope, sd = rng.uniform(0.8, 2.5, n_series), rng.uniform(0.2, 1.0, n_series)
        stop = rng.integers(3, 8, n_series)[:, None].astype(float)
        path = base + slope[:, None] * np.minimum(t, stop)
    elif kind == "noisy":
        slope = rng.choice([0.0, 0.5], n_series) * rng.uniform(0, 1, n_series)
        sd = rng.uniform(1.5, 4.0, n_series)
        path = base + slope[:, None] * t
    elif kind == "fall":
        start = rng.uniform(1.0, 6.0, n_series)
        slope, sd = (
            -start * rng.uniform(0.005, 0.03, n_series),
            start * rng.uniform(0.005, 0.02, n_series),
        )
        path = start[:, None] + slope[:, None] * t
    elif kind == "walk":
        drift, step = rng.normal(0.3, 0.5, n_series), rng.uniform(0.3, 1.0, n_series)
        moves = drift[:, None] + step[:, None] * rng.normal(size=(n_series, 12))
        path = base + np.concatenate([np.zeros((n_series, 1)), np.cumsum(moves, axis=1)], axis=1)
        sd = 0.2 * step
    elif kind == "saturate":
        start, slope = rng.uniform(60, 90, n_series), rng.uniform(2, 5, n_series)
        sd = rng.uniform(0.2, 0.8, n_series)
        path = start[:, None] + slope[:, None] * t
    else:
        raise ValueError(kind)
    values = np.clip(path + sd[:, None] * rng.normal(size=(n_series, 13)), 0.0, 100.0)
    values = np.round(values, 2 if kind == "fall" else 1)
    months = np.array([3, 6, 9, 12] if quarterly else list(range(1, 13)))
    names = np.array([f"{kind[:3].upper()}{i:05d}" for i in range(n_series)], dtype=object)
    december = pd.DataFrame({"series": names, "year": year - 1, "month": 12, "value": values[:, 0]})
    readings = pd.DataFrame(
        {
            "series": np.repeat(names, len(months)),
            "year": year,
            "month": np.tile(months, n_series),
            "value": values[:, months].ravel(),
        }
    )
    frame = pd.concat([december, readings], ignore_index=True)
    frame["cumulative"] = False
    frame["direction"] = "decrease" if kind == "fall" else "increase"
    frame["unit"] = "%"
    return frame, pd.Series(values[:, 12], index=names, name="year_end")
