"""Seasonal share profiles of cumulative year-to-date series.

For a complete earlier year the *share* reached by month ``m`` is
``C_m = value_m / value_12``. Public-sector series have stable, lopsided shares:
public-investment disbursement reaches a small share by mid-year and rushes in
Q4, budget revenue runs ahead of the calendar. Dividing today's value by the
typical share of this month is therefore a far better year-end estimate than
the run-rate ``value × 12 / m``, and the year-to-year spread of ``C_m`` says how
far off it can be.

Everything is done on ``log C_m``: shares multiply, their spread is roughly
proportional (a 10% miss at 0.3 and at 0.9 is the same kind of surprise), and a
Student-t on the log gives an interval that never crosses zero.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.forecast.panel import MONTHS, Panel, build_panel

RECENCY_DECAY = 0.8
"""Weight of a year relative to the next one: profiles drift (budget rules and
disbursement pressure change), so recent years count more, but not so much that
one odd year (2020) dominates."""

MIN_PEERS = 3
"""Peers needed before a group's spread is trusted as a prior for its members."""


def log_shares(panel: Panel) -> np.ndarray:
    """Return ``log(value_m / value_12)`` for months 1–11 of every earlier complete year.

    Args:
        panel: the dense panel.

    Returns:
        Array ``(n_series, n_years - 1, 11)``; NaN where the year is incomplete
        or a value is not positive.
    """
    hist = panel.values[:, :-1, :]
    end = hist[:, :, MONTHS - 1 : MONTHS]
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = np.log(hist[:, :, : MONTHS - 1] / end)
    shares[~np.isfinite(shares)] = np.nan
    return shares


def recency_weights(years: np.ndarray, as_of_year: int, decay: float = RECENCY_DECAY) -> np.ndarray:
    """Weight ``decay ** (as_of_year - 1 - year)``: last year 1, the year before ``decay``."""
    return decay ** (as_of_year - 1 - years).astype(float)


@dataclass(frozen=True)
class WeightedStats:
    """Recency-weighted mean and spread of one quantity across years, per series.

    Attributes:
        mean: weighted mean (NaN when no year).
        var: unbiased weighted variance (NaN when fewer than two years).
        n: number of years used.
        mean_var_factor: ``Σw² / (Σw)²``, the variance of the weighted mean in
            units of one year's variance (``1/n`` for equal weights).
    """

    mean: np.ndarray
    var: np.ndarray
    n: np.ndarray
    mean_var_factor: np.ndarray


def weighted_stats(samples: np.ndarray, weights: np.ndarray) -> WeightedStats:
    """Weighted mean and reliability-weighted variance along axis 1, ignoring NaN.

    Args:
        samples: ``(n_series, n_years)`` values, NaN where missing.
        weights: ``(n_years,)`` recency weights.

    Returns:
        The per-series statistics.
    """
    ok = np.isfinite(samples)
    w = np.where(ok, weights[None, :], 0.0)
    x = np.where(ok, samples, 0.0)
    sw = w.sum(axis=1)
    sw2 = (w * w).sum(axis=1)
    n = ok.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = (w * x).sum(axis=1) / sw
        dev = np.where(ok, x - mean[:, None], 0.0)
        var = (w * dev * dev).sum(axis=1) / (sw - sw2 / sw)
        factor = sw2 / (sw * sw)
    mean[n == 0] = np.nan
    var[n < 2] = np.nan
    return WeightedStats(mean=mean, var=var, n=n, mean_var_factor=factor)


def pooled_variance(
    samples: np.ndarray, groups: np.ndarray, n_groups: int
) -> tuple[np.ndarray, np.ndarray]:
    """Within-series variance pooled over series, per group and overall, for each column.

    This is the empirical-Bayes prior that a series with only one or two years
    of history is shrunk towards: peers measure how much one year's profile
    differs from the next far better than two points can.

    Args:
        samples: ``(n_series, n_years, k)`` values, NaN where missing.
        groups: ``(n_series,)`` group index, ``-1`` for none.
        n_groups: number of groups.

    Returns:
        ``(group_var, global_var)`` with shapes ``(n_groups, k)`` and ``(k,)``;
        NaN where fewer than ``MIN_PEERS`` series contribute.
    """
    ok = np.isfinite(samples)
    n = ok.sum(axis=1)
    x = np.where(ok, samples, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = x.sum(axis=1) / n
        ss = np.where(ok, (x - mean[:, None, :]) ** 2, 0.0).sum(axis=1)
    dof = np.clip(n - 1, 0, None).astype(float)
    ss = np.where(dof > 0, ss, 0.0)
    contributes = (dof > 0).astype(float)
    k = samples.shape[2]
    global_var = _ratio(ss.sum(axis=0), dof.sum(axis=0), contributes.sum(axis=0))
    group_var = np.full((n_groups, k), np.nan)
    member = groups >= 0
    if n_groups and member.any():
        g = groups[member]
        num = np.stack([np.bincount(g, ss[member, j], n_groups) for j in range(k)], axis=1)
        den = np.stack([np.bincount(g, dof[member, j], n_groups) for j in range(k)], axis=1)
        cnt = np.stack([np.bincount(g, contributes[member, j], n_groups) for j in range(k)], axis=1)
        group_var = _ratio(num, den, cnt)
    return group_var, global_var


def _ratio(num: np.ndarray, den: np.ndarray, count: np.ndarray) -> np.ndarray:
    with np.errstate(divide="ignore", invalid="ignore"):
        out = num / den
    return np.where(count >= MIN_PEERS, out, np.nan)


@dataclass(frozen=True)
class PeerProfile:
    """Pooled log-share statistics of each group, per month 1–11.

    Attributes:
        mean: ``(n_groups, 11)`` mean log share over all peer-years.
        var: ``(n_groups, 11)`` variance over peer-years (between-unit spread
            included, which is what a unit without history faces).
        n_peers: ``(n_groups, 11)`` number of peer series contributing.
    """

    mean: np.ndarray
    var: np.ndarray
    n_peers: np.ndarray


def peer_profile(shares: np.ndarray, groups: np.ndarray, n_groups: int) -> PeerProfile:
    """Pool every peer-year of each group (same metric code) into one profile.

    Args:
        shares: ``(n_series, n_years, 11)`` log shares.
        groups: ``(n_series,)`` group index, ``-1`` for none.
        n_groups: number of groups.

    Returns:
        The pooled statistics; NaN where the group has no data for a month.
    """
    k = shares.shape[2]
    mean = np.full((n_groups, k), np.nan)
    var = np.full((n_groups, k), np.nan)
    peers = np.zeros((n_groups, k))
    member = groups >= 0
    if not n_groups or not member.any():
        return PeerProfile(mean, var, peers)
    sub = shares[member]
    g = groups[member]
    ok = np.isfinite(sub)
    x = np.where(ok, sub, 0.0)
    for j in range(k):
        cnt = np.bincount(g, ok[:, :, j].sum(axis=1), n_groups)
        s1 = np.bincount(g, x[:, :, j].sum(axis=1), n_groups)
        s2 = np.bincount(g, (x[:, :, j] ** 2).sum(axis=1), n_groups)
        peers[:, j] = np.bincount(g, ok[:, :, j].any(axis=1).astype(float), n_groups)
        with np.errstate(divide="ignore", invalid="ignore"):
            m = s1 / cnt
            v = (s2 - cnt * m * m) / (cnt - 1)
        mean[:, j] = np.where(cnt > 0, m, np.nan)
        var[:, j] = np.where(cnt > 1, np.maximum(v, 0.0), np.nan)
    return PeerProfile(mean, var, peers)


def estimate_profiles(history: pd.DataFrame, as_of_year: int) -> pd.DataFrame:
    """Typical cumulative share by month of each series, from the years before ``as_of_year``.

    Args:
        history: columns ``series, year, month, value``.
        as_of_year: profiles use complete years strictly before it.

    Returns:
        Columns ``series, month, share, share_low, share_high, n_years``: the
        recency-weighted geometric-mean share ``C_m`` and the 10%–90% range of a
        single year's share (month 12 is 1 by definition and left out). Series
        without a complete earlier year are omitted.
    """
    panel = build_panel(history, as_of_year, 0)
    shares = log_shares(panel)
    weights = recency_weights(panel.years[:-1], as_of_year)
    rows: list[pd.DataFrame] = []
    for j in range(MONTHS - 1):
        st = weighted_stats(shares[:, :, j], weights)
        spread = 1.2816 * np.sqrt(np.nan_to_num(st.var, nan=0.0))
        rows.append(
            pd.DataFrame(
                {
                    "series": panel.series,
                    "month": j + 1,
                    "share": np.exp(st.mean),
                    "share_low": np.exp(st.mean - spread),
                    "share_high": np.exp(st.mean + spread),
                    "n_years": st.n,
                }
            )
        )
    out = pd.concat(rows, ignore_index=True)
    out = out[out["n_years"] > 0].sort_values(["series", "month"], kind="stable")
    return out.reset_index(drop=True)
