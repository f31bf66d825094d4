"""Year-end forecast for many cumulative year-to-date series at once.

Method per series, best information first:

``observed``
    the as-of month is December: the year-end is known.
``profile`` / ``profile+level``
    the series has complete earlier years: today's value divided by the share of
    the year usually reached by this month (recency-weighted; its mean shrunk
    towards peers' by empirical Bayes and its spread towards peers' or, with a
    single earlier year, towards the spread between series), combined by
    precision with a random walk on earlier year-ends when at least three are
    known.
``peer_profile``
    no own history, but peers with the same metric code have some: the same
    division, by the peers' pooled share and spread.
``drift``
    nothing to learn a season from: the run-rate with a wide Student-t interval.
``trend`` / ``last_value``
    a non-cumulative series (a rate or a stock, or a monotone series whose first
    reading is already most of today's value) without history: a local linear
    trend and a local level on this year's readings (last December's reading or
    the stated ``baseline`` as month 0), mixed by how well each predicted the
    readings so far (``analytics.forecast.trend``); the label says which one
    carried the forecast. A steady climb is extrapolated at its pace, a stalled
    level is held. Bounded by zero (series never below it) and by 100 (``unit``
    ``%`` levels that never read above it).
``history_level``
    no value reported yet this year: earlier year-ends alone.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from analytics.forecast.models import (
    Predictive,
    combine,
    default_log_share_var,
    drift_method,
    level_method,
    peer_method,
    profile_method,
)
from analytics.forecast.panel import MONTHS, Panel, build_panel
from analytics.forecast.profile import (
    RECENCY_DECAY,
    PeerProfile,
    log_shares,
    peer_profile,
    pooled_variance,
    recency_weights,
)
from analytics.forecast.trend import TrendForecast, trend_method

INTERVAL = 0.8
RESULT_COLUMNS = [
    "series",
    "year",
    "forecast",
    "lower",
    "upper",
    "p_reach_target",
    "method",
    "n_history_years",
    "as_of_month",
    "target",
]


@dataclass(frozen=True)
class ForecastResult:
    """Year-end forecasts of one as-of month.

    Attributes:
        year: the forecast year.
        as_of_month: the as-of month requested.
        frame: one row per series with ``RESULT_COLUMNS`` (``as_of_month`` is
            the latest month actually reported for that series).
        timings: seconds spent per stage, for the benchmark.
    """

    year: int
    as_of_month: int
    frame: pd.DataFrame
    timings: Mapping[str, float] = field(default_factory=dict)

    def to_rows(self) -> list[dict[str, Any]]:
        """Rows for JSON: ``series, year, forecast, lower, upper, p_reach_target, method, n_history_years``."""
        f = self.frame
        out: list[dict[str, Any]] = []
        for s, fc, lo, hi, p, method, n in zip(
            f["series"].tolist(),
            f["forecast"].tolist(),
            f["lower"].tolist(),
            f["upper"].tolist(),
            f["p_reach_target"].tolist(),
            f["method"].tolist(),
            f["n_history_years"].tolist(),
            strict=True,
        ):
            out.append(
                {
                    "series": s,
                    "year": self.year,
                    "forecast": _clean(fc),
                    "lower": _clean(lo),
                    "upper": _clean(hi),
                    "p_reach_target": _clean(p),
                    "method": method,
                    "n_history_years": int(n),
                }
            )
        return out


def _clean(value: float) -> float | None:
    return None if value is None or not np.isfinite(value) else float(value)


def _group_index(
    series: np.ndarray, peer_groups: Mapping[Any, Any] | None
) -> tuple[np.ndarray, int]:
    if not peer_groups:
        return np.full(len(series), -1, dtype=np.int64), 0
    labels = pd.Series(series, dtype=object).map(peer_groups)
    codes, uniques = pd.factorize(labels, use_na_sentinel=True)
    return codes.astype(np.int64), len(uniques)


def _resolve_prior(
    group_var: np.ndarray,
    global_var: np.ndarray,
    groups: np.ndarray,
    col: np.ndarray,
    fallback: np.ndarray,
) -> np.ndarray:
    """Pooled prior per series: its group's, else all series', else ``fallback``."""
    prior = np.full(len(groups), np.nan)
    if group_var.size:
        has = groups >= 0
        prior[has] = group_var[groups[has], col[has]]
    if global_var.size:
        prior = np.where(np.isfinite(prior), prior, global_var[col])
    return np.where(np.isfinite(prior) & (prior > 0), prior, fallback)


LEVEL_FIRST_RATIO = 0.6
"""A monotone series whose first reading of the year is already this share of
today's value (and far more than the calendar share) is a level — a rate moving
towards its target — not a year-to-date total; the run-rate would double it."""

MIN_BETWEEN_SERIES = 5
"""Series needed before their spread of shares stands in for a year-to-year spread."""


def _looks_like_level(
    year_values: np.ndarray, reported: np.ndarray, month: np.ndarray, current: np.ndarray
) -> np.ndarray:
    n = len(month)
    if not n:
        return np.zeros(0, dtype=bool)
    first_month = np.argmax(reported, axis=1) + 1
    first = year_values[np.arange(n), first_month - 1]
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = first / current
    calendar = first_month / np.maximum(month, 1)
    return (month > first_month) & (ratio > np.maximum(LEVEL_FIRST_RATIO, 4.0 * calendar))


def _between_series_var(
    shares: np.ndarray,
    peers: PeerProfile,
    groups: np.ndarray,
    col: np.ndarray,
    month: np.ndarray,
) -> np.ndarray:
    """Last-resort prior spread of ``log C_m`` when no series has two earlier years.

    With one earlier year per series nothing measures year-to-year change, but
    the spread of that year's shares across peers (same group, else all series)
    contains it plus the differences between units: an honest, slightly wide
    stand-in, far closer than a generic default.
    """
    n = len(col)
    out = default_log_share_var(np.maximum(month, 1))
    if not n or shares.shape[1] == 0:
        return out
    flat = shares.reshape(-1, shares.shape[2])
    count = np.isfinite(flat).sum(axis=0)
    # Columns with fewer than two shares (levels carry only last December) have no
    # spread; computing theirs only keeps nanvar from warning about them.
    overall = np.full(flat.shape[1], np.nan)
    some = count >= 2
    if some.any():
        overall[some] = np.nanvar(flat[:, some], axis=0, ddof=1)
    overall = np.where(count >= MIN_BETWEEN_SERIES, overall, np.nan)
    chosen = overall[col]
    if peers.var.size:
        has = groups >= 0
        group_var = np.full(n, np.nan)
        enough = np.zeros(n, dtype=bool)
        group_var[has] = peers.var[groups[has], col[has]]
        enough[has] = peers.n_peers[groups[has], col[has]] >= MIN_BETWEEN_SERIES
        chosen = np.where(enough & np.isfinite(group_var), group_var, chosen)
    return np.where(np.isfinite(chosen) & (chosen > 0), chosen, out)


def _series_column(
    history: pd.DataFrame, panel_series: np.ndarray, column: str, year: int
) -> pd.Series:
    """The last non-empty value of ``column`` per series among the rows of ``year``."""
    rows = history.loc[history["year"] == year, ["series", column]].dropna(subset=[column])
    per_series = rows.drop_duplicates("series", keep="last").set_index("series")[column]
    return pd.Series(panel_series, dtype=object).map(per_series)


def _start_values(history: pd.DataFrame, panel: Panel, as_of_year: int) -> np.ndarray:
    """The value of each series at the start of the year, NaN when unknown.

    Last December's reading where it was reported, else the stated ``baseline``
    (the plan's starting value) of the as-of year. Only levels use it: a
    year-to-date total restarts from zero in January.
    """
    n = panel.n_series
    start = np.full(n, np.nan)
    if len(panel.years) >= 2 and panel.years[-2] == as_of_year - 1:
        december = panel.observed[:, -2, MONTHS - 1]
        start[december] = panel.values[december, -2, MONTHS - 1]
    if "baseline" in history.columns and n:
        stated = _series_column(history, panel.series, "baseline", as_of_year)
        baseline = pd.to_numeric(stated, errors="coerce").to_numpy(dtype=float)
        start = np.where(np.isfinite(start), start, baseline)
    return start


def _level_path(
    panel: Panel, month: np.ndarray, mask: np.ndarray, start: np.ndarray
) -> TrendForecast:
    """:func:`trend_method` on the series of ``mask`` (levels and rates), NaN elsewhere."""
    n = panel.n_series
    center, var, dof = np.full(n, np.nan), np.full(n, np.nan), np.ones(n)
    weight, count = np.zeros(n), np.zeros(n, dtype=np.int64)
    idx = np.nonzero(mask)[0]
    if len(idx):
        part = trend_method(
            panel.values[idx, -1, :],
            panel.observed[idx, -1, :],
            np.maximum(month[idx], 1),
            start[idx],
        )
        pred = part.predictive
        center[idx], var[idx], dof[idx] = pred.center, pred.var, pred.dof
        weight[idx], count[idx] = part.trend_weight, part.n_readings
    return TrendForecast(Predictive(center, var, dof, log_scale=False), weight, count)


def _percent_levels(history: pd.DataFrame, panel: Panel, as_of_year: int) -> np.ndarray:
    """Series stated in ``%`` (``unit`` column) that never read above 100: shares bounded by 100.

    A revenue "% of the estimate" may exceed 100 and has shown it; a share of
    cadres or of households cannot.
    """
    n = panel.n_series
    if "unit" not in history.columns or not n:
        return np.zeros(n, dtype=bool)
    unit = _series_column(history, panel.series, "unit", as_of_year)
    percent = unit.astype("string").str.strip().eq("%").fillna(False).to_numpy(dtype=bool)
    with np.errstate(invalid="ignore"):
        above = np.any(np.where(panel.observed, panel.values > 100.0, False), axis=(1, 2))
    return percent & ~above


def forecast_year_end(
    history: pd.DataFrame,
    as_of_year: int,
    as_of_month: int,
    peer_groups: Mapping[Any, Any] | None = None,
    *,
    decay: float = RECENCY_DECAY,
    thresholds: Mapping[Any, float] | None = None,
) -> ForecastResult:
    """Forecast the December value of ``as_of_year`` for every series.

    Args:
        history: long frame ``series, year, month, value`` with cumulative
            year-to-date values, optionally ``target`` (year-end target, read
            from the as-of year's rows), ``direction`` (``decrease`` makes
            ``p_reach_target`` the probability of ending at or below the
            target), ``cumulative`` (False for rates and stocks),
            ``baseline`` (the plan's starting value, read from the as-of
            year's rows: month 0 of a level without last December's reading)
            and ``unit`` (``%`` bounds a level's forecast at 100).
        as_of_year: the year to forecast.
        as_of_month: rows of ``as_of_year`` after this month are ignored.
        peer_groups: series -> group (e.g. metric code); series of one group
            lend their profile to members without history.
        decay: recency weight of one year relative to the next.
        thresholds: series -> a second year-end level (e.g. 95% of the target,
            the least result still counted as on plan); adds the column
            ``p_reach_threshold``, the probability of ending at or beyond it in
            the direction of the target (NaN for series without one).

    Returns:
        The frozen result, one row per series that has any usable row.

    A series whose readings and target are all whole numbers (a count) ends the
    year on a whole number, so reaching 3 means ending above 2.5: probabilities
    of such series use that continuity correction (the continuous predictive
    would otherwise call 2 done of 3, with one expected, a likely miss).
    """
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    panel = build_panel(history, as_of_year, as_of_month)
    n = panel.n_series
    groups, n_groups = _group_index(panel.series, peer_groups)
    cumulative = panel.monotone.copy()
    declared = np.zeros(n, dtype=bool)
    if "cumulative" in history.columns and n:
        flag = history.drop_duplicates("series", keep="last").set_index("series")["cumulative"]
        stated = pd.Series(panel.series).map(flag)
        declared = stated.notna().to_numpy()
        # A caller who knows the series is a year-to-date total is believed even
        # when a reading fell (a correction, or an anomaly flagged elsewhere).
        cumulative = np.where(declared, stated.fillna(False).astype(bool).to_numpy(), cumulative)
    reported = panel.observed[:, -1, :]
    month = np.where(reported.any(axis=1), MONTHS - np.argmax(reported[:, ::-1], axis=1), 0)
    current = panel.values[np.arange(n), -1, np.clip(month - 1, 0, MONTHS - 1)]
    cumulative &= declared | ~_looks_like_level(panel.values[:, -1, :], reported, month, current)
    timings["prepare"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    shares = log_shares(panel)
    weights = recency_weights(panel.years[:-1], as_of_year, decay)
    group_var, global_var = pooled_variance(shares, groups, n_groups)
    col = np.clip(month - 1, 0, MONTHS - 2)
    peers = peer_profile(shares, groups, n_groups)
    fallback = _between_series_var(shares, peers, groups, col, month)
    prior = _resolve_prior(group_var, global_var, groups, col, fallback)
    profile, n_years = profile_method(current, month, shares, weights, prior, groups)
    peer = peer_method(current, month, groups, peers)
    timings["profile"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    with np.errstate(divide="ignore", invalid="ignore"):
        ends = np.log(panel.values[:, :-1, MONTHS - 1])
    ends[~np.isfinite(ends)] = np.nan
    end_diffs = np.diff(ends, axis=1)[:, :, None]
    g_diff, all_diff = pooled_variance(end_diffs, groups, n_groups)
    diff_prior = _resolve_prior(
        g_diff, all_diff, groups, np.zeros(n, dtype=np.int64), np.full(n, np.nan)
    )
    level, _ = level_method(ends, diff_prior)
    combined, both = combine(profile, level)
    timings["level"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    drift = drift_method(panel.values[:, -1, :], np.maximum(month, 1))
    timings["drift"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    observed = month == MONTHS
    use_profile = ~observed & combined.available & (month >= 1)
    use_peer = ~observed & ~use_profile & peer.available & (month >= 1)
    use_level = ~observed & (month == 0) & level.available
    rest = ~observed & ~use_profile & ~use_peer & (month >= 1)
    use_drift = rest & cumulative & drift.available
    on_path = rest & ~use_drift
    start = np.where(cumulative, np.nan, _start_values(history, panel, as_of_year))
    path = _level_path(panel, month, on_path, start)
    use_trend = on_path & path.predictive.available
    timings["trend"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    method = np.full(n, "", dtype=object)
    method[observed] = "observed"
    method[use_profile] = np.where(both[use_profile], "profile+level", "profile")
    method[use_peer] = "peer_profile"
    method[use_level] = "history_level"
    method[use_drift] = "drift"
    # Which model carried the forecast: a trend extrapolated, or the level held.
    method[use_trend] = np.where(path.trend_weight[use_trend] >= 0.5, "trend", "last_value")

    log_pred = _select(
        n, [(use_profile, combined), (use_peer, peer), (use_level, level), (use_drift, drift)]
    )
    lin_pred = _select(n, [(use_trend, path.predictive)])
    fc, lo, hi = _summarise(log_pred, lin_pred)
    fc[observed] = lo[observed] = hi[observed] = current[observed]
    counts = _whole_numbers(panel.values, panel.observed, panel.target)
    capped = use_trend & _percent_levels(history, panel, as_of_year)
    settled = cumulative & (month >= 1)
    _respect_cumulative(fc, lo, hi, current, settled)

    def chance(level: np.ndarray) -> np.ndarray:
        edge = _reach_edge(level, panel.decrease, counts)
        prob = _probability(log_pred, lin_pred, edge, panel.decrease)
        known = np.isfinite(level)
        reach = np.where(panel.decrease, current <= edge, current >= edge)
        prob[observed & known] = reach[observed & known].astype(float)
        # A year-to-date total never falls: one already past the level stays past it.
        prob[settled & known & ~panel.decrease & (current >= edge)] = 1.0
        prob[settled & known & panel.decrease & (current > edge)] = 0.0
        # A share cannot pass 100%, nor fall below zero.
        prob[capped & known & ~panel.decrease & (edge > 100.0)] = 0.0
        prob[capped & known & panel.decrease & (edge < 0.0)] = 0.0
        return prob

    p = chance(panel.target)
    extra: dict[str, np.ndarray] = {}
    if thresholds is not None:
        level = pd.Series(panel.series, dtype=object).map(thresholds)
        extra["p_reach_threshold"] = chance(pd.to_numeric(level).to_numpy(dtype=float))
    # A series never seen below zero (a count, a share) is not forecast below it,
    # and a percentage level never above 100: the quantiles of the censored value.
    never_negative = ~np.any(panel.values < 0, axis=(1, 2))
    for arr in (fc, lo, hi):
        arr[never_negative] = np.maximum(arr[never_negative], 0.0)
    for arr in (fc, lo, hi):
        arr[capped] = np.minimum(arr[capped], 100.0)
    timings["summarise"] = time.perf_counter() - t0

    frame = pd.DataFrame(
        {
            "series": panel.series,
            "year": as_of_year,
            "forecast": fc,
            "lower": lo,
            "upper": hi,
            "p_reach_target": p,
            "method": method,
            "n_history_years": n_years,
            "as_of_month": month,
            "target": panel.target,
            **extra,
        }
    )
    frame = frame[method != ""].reset_index(drop=True)
    return ForecastResult(year=as_of_year, as_of_month=as_of_month, frame=frame, timings=timings)


def _select(n: int, choices: list[tuple[np.ndarray, Predictive]]) -> Predictive:
    """One predictive per series, taken from the method chosen for it (same scale)."""
    center, var, dof, offset = np.full(n, np.nan), np.full(n, np.nan), np.ones(n), np.zeros(n)
    for mask, pred in choices:
        center[mask], var[mask], dof[mask] = pred.center[mask], pred.var[mask], pred.dof[mask]
        offset[mask] = pred.offset_or_zero()[mask]
    return Predictive(center, var, dof, choices[0][1].log_scale, offset)


def _summarise(
    log_pred: Predictive, lin_pred: Predictive
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Point forecast (median) and 80% interval."""
    n = len(log_pred.center)
    fc, lo, hi = (np.full(n, np.nan) for _ in range(3))
    tail = (1 - INTERVAL) / 2
    for pred in (log_pred, lin_pred):
        ok = pred.available
        if not ok.any():
            continue
        c, sd, dof = pred.center[ok], np.sqrt(pred.var[ok]), pred.dof[ok]
        q = stats.t.ppf(1 - tail, dof)
        if pred.log_scale:
            off = pred.offset_or_zero()[ok]
            fc[ok] = off + np.exp(c)
            lo[ok], hi[ok] = off + np.exp(c - q * sd), off + np.exp(c + q * sd)
        else:
            fc[ok], lo[ok], hi[ok] = c, c - q * sd, c + q * sd
    return fc, lo, hi


def _probability(
    log_pred: Predictive, lin_pred: Predictive, level: np.ndarray, decrease: np.ndarray
) -> np.ndarray:
    """Probability of ending at or above ``level`` (at or below it when ``decrease``)."""
    p = np.full(len(level), np.nan)
    for pred in (log_pred, lin_pred):
        ok = pred.available
        if not ok.any():
            continue
        c, sd, dof = pred.center[ok], np.sqrt(pred.var[ok]), pred.dof[ok]
        t_ok = np.isfinite(level[ok])
        thr = level[ok]
        if pred.log_scale:
            rest = thr - pred.offset_or_zero()[ok]
            with np.errstate(divide="ignore", invalid="ignore"):
                z = (np.log(np.where(rest > 0, rest, np.nan)) - c) / sd
            above = np.where(rest > 0, stats.t.sf(z, dof), 1.0)
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                z = (thr - c) / sd
            # A certain forecast equal to the target reaches it either way (≥ or ≤).
            certain = np.where(decrease[ok], c > thr, c >= thr).astype(float)
            above = np.where(sd > 0, stats.t.sf(z, dof), certain)
        prob = np.where(decrease[ok], 1.0 - above, above)
        p[ok] = np.where(t_ok, prob, np.nan)
    return p


def _whole_numbers(values: np.ndarray, observed: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Series whose every reported value and target is a whole number (counts)."""
    if not len(target):
        return np.zeros(0, dtype=bool)
    with np.errstate(invalid="ignore"):
        off_grid = np.where(observed, np.abs(values - np.round(values)) > 1e-9, False)
        whole_target = np.isfinite(target) & (np.abs(target - np.round(target)) <= 1e-9)
    return observed.any(axis=(1, 2)) & ~off_grid.any(axis=(1, 2)) & whole_target


def _reach_edge(level: np.ndarray, decrease: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The value of the continuous predictive that decides whether ``level`` is reached.

    A count reaches 2,85 only by ending at 3 or more, i.e. above 2,5; it stays
    at or below 1,05 only by ending at 1 or less, i.e. below 1,5.
    """
    with np.errstate(invalid="ignore"):
        up = np.ceil(level - 1e-9) - 0.5
        down = np.floor(level + 1e-9) + 0.5
    return np.where(counts, np.where(decrease, down, up), level)


def _respect_cumulative(
    fc: np.ndarray, lo: np.ndarray, hi: np.ndarray, current: np.ndarray, mask: np.ndarray
) -> None:
    """A year-to-date total never falls: nothing below today's value, in place.

    Raising the lower bound to a value the truth cannot go under keeps the
    coverage and narrows the interval.
    """
    for arr in (fc, lo, hi):
        arr[mask] = np.maximum(arr[mask], current[mask])
