"""Vectorised year-end forecasting methods.

Every method returns a :class:`Predictive`: a Student-t for the year-end value,
either on the log scale (profile, peer profile, year-end level, drift) or on the
value scale (the level/rate path of ``analytics.forecast.trend``). The engine picks or combines them per series.

Why no statsmodels here: a per-series ETS/state-space fit costs 2–125 ms
(measured, see ``notes/ai-offline.md``), i.e. minutes to hours for 150,000 key
results, and with 12–72 monthly points and a once-a-year seasonal rush it has
less information than the share profile below, which uses exactly the
quantity that matters (how much of the year is usually done by now) and its
observed year-to-year spread. ``tests/bench/bench_forecast.py`` fits a
seasonal ETS (statsmodels) on a sample to measure both claims.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from analytics.forecast.panel import MONTHS
from analytics.forecast.profile import PeerProfile, weighted_stats

PRIOR_DOF = 2.0
"""Pseudo-years given to the pooled (peer or global) variance when shrinking a
series' own year-to-year spread: two or three years of one series cannot measure
a spread on their own, and a 2-point variance is often near zero."""

DRIFT_SHAPE_SD = 0.45
"""Log-scale spread of the remaining flow against the run-rate for a series
without any history: public-sector flows are seasonal and the run-rate cannot see
it, so the 80% interval must admit the rest of the year running about twice as
fast (Q4 rush) or half as fast as so far."""


MIN_SHRINK_SERIES = 5
"""Series needed before their mean share is a shrinkage target."""


@dataclass(frozen=True)
class Predictive:
    """Per-series Student-t predictive distribution of the year-end value.

    Attributes:
        center: location (log of the value when ``log_scale``), NaN where the
            method does not apply.
        var: variance of the location error (t scale squared).
        dof: degrees of freedom (>= 1).
        log_scale: True when ``center``/``var`` are on the log of the value.
        offset: added after exponentiation (today's value, when the log-scale
            quantity is the flow still to come); zero when None.
    """

    center: np.ndarray
    var: np.ndarray
    dof: np.ndarray
    log_scale: bool
    offset: np.ndarray | None = None

    def offset_or_zero(self) -> np.ndarray:
        """The offset, zeros when there is none."""
        return np.zeros(len(self.center)) if self.offset is None else self.offset

    @property
    def available(self) -> np.ndarray:
        """True where the method produced a forecast."""
        return np.isfinite(self.center) & np.isfinite(self.var)


def default_log_share_var(month: np.ndarray) -> np.ndarray:
    """Fallback variance of ``log C_m`` when nothing can be pooled.

    Somewhat wider than public-finance series show (disbursement's June share
    moves by about ±12% from year to year): a standard deviation of ~0.34 in
    January, ~0.18 in June, ~0.05 in November.
    """
    rest = (MONTHS - np.asarray(month, dtype=float)) / (MONTHS - 1)
    sd = 0.04 + 0.3 * rest**1.3
    return sd * sd


def profile_method(
    current: np.ndarray,
    month: np.ndarray,
    shares: np.ndarray,
    weights: np.ndarray,
    prior_var: np.ndarray,
    groups: np.ndarray | None = None,
) -> tuple[Predictive, np.ndarray]:
    """Year-end = current / typical share of this month, from the series' own earlier years.

    ``log Y = log x_m - log C_m``; this year's ``C_m`` is a new draw around the
    recency-weighted mean of earlier years, with the year-to-year variance shrunk
    towards ``prior_var`` (peers or all series) with ``PRIOR_DOF`` pseudo-years.

    Args:
        current: ``(n,)`` value at the latest reported month.
        month: ``(n,)`` that month (1–11).
        shares: ``(n, n_years, 11)`` log shares of earlier years.
        weights: ``(n_years,)`` recency weights.
        prior_var: ``(n,)`` prior variance of ``log C_m`` at that month.
        groups: ``(n,)`` group index (``-1`` for none): the mean share is shrunk
            towards the group's (see :func:`shrink_means`).

    Returns:
        The predictive and the number of years used per series.
    """
    n = len(current)
    col = np.clip(month - 1, 0, MONTHS - 2)
    samples = shares[np.arange(n), :, col] if n else np.empty((0, shares.shape[1]))
    st = weighted_stats(samples, weights)
    own_dof = np.clip(st.n - 1, 0, None).astype(float)
    own_ss = np.where(own_dof > 0, np.nan_to_num(st.var) * own_dof, 0.0)
    var = (PRIOR_DOF * prior_var + own_ss) / (PRIOR_DOF + own_dof)
    mean_var = var * np.nan_to_num(st.mean_var_factor, nan=1.0)
    keys = col if groups is None else np.where(groups >= 0, groups * MONTHS + col, -1 - col)
    mean, mean_var = shrink_means(st.mean, mean_var, keys, col)
    with np.errstate(divide="ignore", invalid="ignore"):
        center = np.log(current) - mean
    ok = (st.n > 0) & (current > 0) & (month < MONTHS)
    center = np.where(ok, center, np.nan)
    pred_var = var + mean_var
    return Predictive(center, pred_var, PRIOR_DOF + own_dof, log_scale=True), st.n


def shrink_means(
    mean: np.ndarray, mean_var: np.ndarray, keys: np.ndarray, col: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Empirical-Bayes shrinkage of each series' mean log share towards its peers' mean.

    With two or three earlier years a series' own typical share is noisy; the
    mean over its peers (same group and month, else all series of that month)
    is a precise alternative when series really share a season. The weight
    ``τ² / (τ² + v)`` uses the between-series variance ``τ²`` left after
    removing sampling noise ``v``: series of different kinds (revenue and
    disbursement in one file) have a large ``τ²`` and keep their own profile.

    Args:
        mean: ``(n,)`` own mean log share (NaN without history).
        mean_var: ``(n,)`` sampling variance of that mean.
        keys: ``(n,)`` pooling key (group and month; negative = no group).
        col: ``(n,)`` month column, for the all-series fallback.

    Returns:
        The shrunk means and their posterior variances.
    """
    out_mean, out_var = mean.copy(), mean_var.copy()
    ok = np.isfinite(mean) & np.isfinite(mean_var)
    if ok.sum() < MIN_SHRINK_SERIES:
        return out_mean, out_var
    target_mean = np.full(len(mean), np.nan)
    tau2 = np.full(len(mean), np.nan)
    for labels in (col, keys):  # all series of the month first, then the group overrides
        codes, inverse = np.unique(labels[ok], return_inverse=True)
        cnt = np.bincount(inverse, minlength=len(codes)).astype(float)
        s1 = np.bincount(inverse, mean[ok], len(codes))
        s2 = np.bincount(inverse, mean[ok] ** 2, len(codes))
        sv = np.bincount(inverse, mean_var[ok], len(codes))
        with np.errstate(divide="ignore", invalid="ignore"):
            m = s1 / cnt
            between = (s2 - cnt * m * m) / (cnt - 1) - sv / cnt
        enough = cnt >= MIN_SHRINK_SERIES
        idx = np.nonzero(ok)[0]
        take = enough[inverse]
        target_mean[idx[take]] = m[inverse][take]
        tau2[idx[take]] = np.maximum(between[inverse][take], 0.0)
    use = ok & np.isfinite(target_mean)
    with np.errstate(divide="ignore", invalid="ignore"):
        w = np.where(use, tau2 / (tau2 + mean_var), 1.0)
    w = np.where(np.isfinite(w), w, 1.0)
    out_mean[use] = w[use] * mean[use] + (1 - w[use]) * target_mean[use]
    out_var[use] = w[use] * mean_var[use]
    return out_mean, out_var


def peer_method(
    current: np.ndarray, month: np.ndarray, groups: np.ndarray, peers: PeerProfile
) -> Predictive:
    """Year-end = current / the share peers (same metric code) usually reach by this month.

    The spread is taken over all peer-years, so it includes how much units differ
    from each other, which is the uncertainty a unit without history really has.

    Args:
        current: ``(n,)`` value at the latest reported month.
        month: ``(n,)`` that month (1–11).
        groups: ``(n,)`` group index, ``-1`` for none.
        peers: pooled statistics per group and month.

    Returns:
        The predictive (NaN where the group has fewer than two peer-years).
    """
    n = len(current)
    center = np.full(n, np.nan)
    var = np.full(n, np.nan)
    dof = np.ones(n)
    has = (groups >= 0) & (current > 0) & (month < MONTHS)
    if has.any() and peers.mean.size:
        g = groups[has]
        col = np.clip(month[has] - 1, 0, MONTHS - 2)
        npeer = peers.n_peers[g, col]
        center[has] = np.log(current[has]) - peers.mean[g, col]
        with np.errstate(divide="ignore", invalid="ignore"):
            var[has] = peers.var[g, col] * (1.0 + 1.0 / npeer)
        dof[has] = np.clip(npeer - 1, 1, None)
    return Predictive(center, var, dof, log_scale=True)


def level_method(year_end_logs: np.ndarray, prior_var: np.ndarray) -> tuple[Predictive, np.ndarray]:
    """Year-end from earlier year-ends alone: a random walk with drift on the log.

    It carries the information the share profile lacks early in the year: a
    disbursement rate that ends near 90% of plan every year is better predicted
    in March by last years' year-ends than by dividing a few percent by an
    uncertain small share. Needs last year's year-end and at least two earlier
    changes (or one change and a pooled prior).

    Args:
        year_end_logs: ``(n, n_years)`` log year-end values of earlier years.
        prior_var: ``(n,)`` pooled variance of a year-on-year log change.

    Returns:
        The predictive and the number of year-on-year changes used.
    """
    diffs = np.diff(year_end_logs, axis=1)
    n = len(year_end_logs)
    if diffs.shape[1] == 0:
        nan = np.full(n, np.nan)
        return Predictive(nan, nan, np.ones(n), log_scale=True), np.zeros(n, dtype=int)
    st = weighted_stats(diffs, np.ones(diffs.shape[1]))
    k = st.n
    own_dof = np.clip(k - 1, 0, None).astype(float)
    own_ss = np.where(own_dof > 0, np.nan_to_num(st.var) * own_dof, 0.0)
    prior = np.nan_to_num(prior_var, nan=0.0)
    prior_w = np.where(np.isfinite(prior_var), PRIOR_DOF, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        var = (prior_w * prior + own_ss) / (prior_w + own_dof)
        pred_var = var * (1.0 + 1.0 / k)
    last = year_end_logs[:, -1]
    ok = np.isfinite(last) & (k >= 1) & (prior_w + own_dof >= 1) & (var > 0)
    center = np.where(ok, last + st.mean, np.nan)
    return Predictive(center, np.where(ok, pred_var, np.nan), prior_w + own_dof, True), k


def drift_method(current_year: np.ndarray, month: np.ndarray) -> Predictive:
    """Run-rate for cumulative series without any history, with an honest interval.

    The remaining ``h = 12 - m`` months are forecast to add ``R × h × r`` where
    ``r = x_m / m`` is the mean monthly flow so far and ``R`` is an unknown
    multiplier with median 1 (so the point forecast *is* the run-rate). Its log
    variance adds the unknown seasonal shape (``DRIFT_SHAPE_SD``: the Q4 rush of
    disbursement makes the rest of the year 2× the run-rate, revenue's early
    lead makes it 0.9×) to the scatter of the monthly increments (error of their
    mean over ``m`` months plus their noise over ``h`` months). Three points
    give 2 degrees of freedom, so the t quantile (1.89 instead of 1.28) widens
    the interval further. Returned as a log-scale predictive of the remaining
    flow with ``offset`` = today's value.

    Args:
        current_year: ``(n, 12)`` values of the as-of year (NaN after the as-of month).
        month: ``(n,)`` latest reported month (1–12).

    Returns:
        The predictive (NaN where nothing has accumulated yet).
    """
    n = len(month)
    idx = np.arange(n)
    x = current_year[idx, np.clip(month - 1, 0, MONTHS - 1)] if n else np.empty(0)
    steps, n_steps = _monthly_steps(current_year, cumulative=True)
    rate = x / np.maximum(month, 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        dev = np.where(np.isfinite(steps), steps - rate[:, None], 0.0)
        var_step = (dev * dev).sum(axis=1) / (n_steps - 1)
        rel = np.where(n_steps >= 2, var_step / (rate * rate), 1.0)
        h = (MONTHS - month).astype(float)
        var = DRIFT_SHAPE_SD**2 + rel * (1.0 / np.maximum(month, 1) + 1.0 / np.maximum(h, 1))
        center = np.log(h * rate)
    ok = np.isfinite(x) & (rate > 0) & (h > 0)
    dof = np.clip(n_steps - 1, 1, None).astype(float)
    return Predictive(np.where(ok, center, np.nan), var, dof, True, offset=np.nan_to_num(x))


def _monthly_steps(current_year: np.ndarray, *, cumulative: bool) -> tuple[np.ndarray, np.ndarray]:
    """Month-on-month increments of the as-of year and how many there are.

    For a cumulative series the first reported value is itself the flow of the
    months up to it, so it counts as one more (averaged) increment.
    """
    n = len(current_year)
    steps = np.diff(current_year, axis=1, prepend=np.nan)
    if cumulative and n:
        has = np.isfinite(current_year)
        first = np.argmax(has, axis=1)
        idx = np.arange(n)
        steps[idx, first] = current_year[idx, first] / (first + 1)
    return steps, np.isfinite(steps).sum(axis=1)


def combine(a: Predictive, b: Predictive) -> tuple[Predictive, np.ndarray]:
    """Precision-weighted combination of two log-scale predictives where both exist.

    The profile's error comes from this year's share being unusual, the level
    method's from this year's total being unusual; treating them as independent
    and weighting by inverse variance lets the level dominate in the first
    months (tiny, noisy shares) and the profile later on.

    Args:
        a: the primary predictive (kept where ``b`` is unavailable); no offsets.
        b: the secondary predictive.

    Returns:
        The combined predictive and a mask of where both were combined.
    """
    both = a.available & b.available
    with np.errstate(divide="ignore", invalid="ignore"):
        wa = b.var / (a.var + b.var)
        center = np.where(both, wa * a.center + (1 - wa) * b.center, a.center)
        var = np.where(both, a.var * b.var / (a.var + b.var), a.var)
    dof = np.where(both, np.minimum(a.dof, b.dof), a.dof)
    return Predictive(center, var, dof, log_scale=True), both
