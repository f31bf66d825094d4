"""Year-end forecast of a level or a rate from this year's own readings.

A level (a share of cadres with digital skills, a poverty rate, criteria met)
moves from its baseline towards its target along a fairly steady path, or
stalls. Two small state-space models are run on the readings actually reported
(interpolated months are not readings), with last December's reading (or the
stated baseline) as month 0 when known:

``level``
    local level: the value wanders around a slowly moving level, no trend.
``trend``
    local linear trend: level plus a monthly slope that itself changes slowly,
    extrapolated undamped to December (a Holt model in state-space form).

Each is a Kalman filter with the noise scale profiled out: the variances are
fixed ratios to the reading noise ``σ²``, and ``σ²`` is estimated from the
one-step-ahead errors, shrunk towards a prior pooled over the batch. The year-end
predictive is the mixture of the two, weighted by how well each predicted the
readings so far (prequential one-step-ahead Student-t densities, recent readings
counting more), summarised by its mean and variance. A steady climb is
predicted far better by ``trend`` and is extrapolated to December at its full
pace; a level that stopped climbing is predicted better by ``level`` over the
last readings and is held. A series with one reading gets ``level`` with an
added unknown slope (pooled over the batch) so its interval stays honest.

Everything is vectorised over series: one pass over the 13 months per model.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import gammaln

from analytics.forecast.models import PRIOR_DOF, Predictive
from analytics.forecast.panel import MONTHS

DIFFUSE = 1e6
"""Initial state variance in units of ``σ²``: effectively unknown level and slope."""

LEVEL_Q = 0.5
"""``level`` model: variance of a monthly level change relative to the reading noise."""

TREND_Q_LEVEL = 0.02
"""``trend`` model: variance of a monthly level shock relative to the reading noise."""

TREND_Q_SLOPE = 0.005
"""``trend`` model: variance of a monthly slope change relative to the reading noise.
Small: a slope that is consistent for months is trusted to continue, but the
interval still widens with the cube of the horizon for a slope that drifts."""

SCORE_DISCOUNT = 0.6
"""Weight of an older one-step-ahead score relative to the next reading's: a series
that climbed and then stalled is judged mostly by its last readings, where the
level model predicts it better."""

DEFAULT_NOISE_REL = 0.02
"""Reading noise relative to the level when the batch cannot pool one (2%)."""

DEFAULT_SLOPE_REL = 0.02
"""Unknown monthly change relative to the level for a single reading when the
batch cannot pool one (2% a month: ±12% of the value over six months at 1 sd)."""

MIN_POOL = 5
"""Series needed (each with at least three own errors) before pooling a prior."""

MIN_SCORED = 4
"""Readings after the first of a series before its scores vote on the batch's
prior odds of a trend."""

MAX_PRIOR_WEIGHT = 0.8
"""Neither model is ever given more than this prior weight by the batch."""


@dataclass(frozen=True)
class TrendForecast:
    """The year-end predictive of the level/rate path and what it rests on.

    Attributes:
        predictive: value-scale Student-t (mean and variance of the model mixture).
        trend_weight: ``(n,)`` weight of the ``trend`` model (0 with one reading).
        n_readings: ``(n,)`` readings used, month 0 included.
    """

    predictive: Predictive
    trend_weight: np.ndarray
    n_readings: np.ndarray


@dataclass(frozen=True)
class _Run:
    center: np.ndarray
    var_units: np.ndarray
    ss: np.ndarray
    k: np.ndarray
    score: np.ndarray
    slope: np.ndarray


def _t_logpdf(z: np.ndarray, dof: np.ndarray) -> np.ndarray:
    return (
        gammaln((dof + 1) / 2)
        - gammaln(dof / 2)
        - 0.5 * np.log(dof * np.pi)
        - (dof + 1) / 2 * np.log1p(z * z / dof)
    )


def _filter(
    y: np.ndarray,
    seen: np.ndarray,
    prior_s2: np.ndarray,
    *,
    trend: bool,
    q_level: float,
    q_slope: float,
) -> _Run:
    """Kalman filter over months 0–12, updating on readings, predicting to December.

    Args:
        y: ``(n, 13)`` readings (month 0 = last December), NaN where none.
        seen: ``(n, 13)`` True where a reading is used.
        prior_s2: ``(n,)`` prior reading-noise variance.
        trend: False fixes the slope at zero (local level).
        q_level: level shock variance / ``σ²``.
        q_slope: slope shock variance / ``σ²``.
    """
    n = len(y)
    first = np.argmax(seen, axis=1)
    start = y[np.arange(n), first]
    # Centring the diffuse level on the first reading keeps the filter exact to
    # float precision whatever the units; the slope starts at zero with DIFFUSE spread.
    a0 = np.where(np.isfinite(start), start, 0.0)
    a1 = np.zeros(n)
    p00 = np.full(n, DIFFUSE)
    p01 = np.zeros(n)
    p11 = np.full(n, DIFFUSE if trend else 0.0)
    qs = q_slope if trend else 0.0
    identified = 2 if trend else 1  # readings needed before an error is informative
    ss, k, score, n_seen = np.zeros(n), np.zeros(n), np.zeros(n), np.zeros(n)
    for t in range(MONTHS + 1):
        if t:
            a0 = a0 + a1
            p00, p01, p11 = p00 + 2 * p01 + p11 + q_level, p01 + p11, p11 + qs
        use = seen[:, t]
        if not use.any():
            continue
        v = np.where(use, np.nan_to_num(y[:, t] - a0), 0.0)
        f = p00 + 1.0
        counted = use & (n_seen >= identified)
        # Prequential score: the density the model gave this reading before seeing
        # it, with the noise scale known so far; from the third reading on for both
        # models so that they are judged on the same readings.
        dof = PRIOR_DOF + k
        s2 = (PRIOR_DOF * prior_s2 + ss) / dof
        with np.errstate(divide="ignore", invalid="ignore"):
            z = v / np.sqrt(f * s2)
            lp = _t_logpdf(z, dof) - 0.5 * np.log(f * s2)
        scored = use & (n_seen >= 2)
        score = np.where(use, score * SCORE_DISCOUNT, score) + np.where(scored, lp, 0.0)
        ss = ss + np.where(counted, v * v / f, 0.0)
        k = k + counted
        a0 = np.where(use, a0 + p00 / f * v, a0)
        a1 = np.where(use, a1 + p01 / f * v, a1)
        p00, p01, p11 = (
            np.where(use, p00 / f, p00),
            np.where(use, p01 / f, p01),
            np.where(use, p11 - p01 * p01 / f, p11),
        )
        n_seen = n_seen + use
    return _Run(a0, p00 + 1.0, ss, k, score, a1)


def _pooled_mean(values: np.ndarray, ok: np.ndarray, default: float) -> float:
    sample = values[ok]
    return float(np.mean(sample)) if len(sample) >= MIN_POOL else default


def _pooled(values: np.ndarray, ok: np.ndarray, default: float) -> float:
    sample = values[ok & np.isfinite(values)]
    return float(np.median(sample)) if len(sample) >= MIN_POOL else default


def trend_method(
    current_year: np.ndarray, observed: np.ndarray, month: np.ndarray, anchor: np.ndarray
) -> TrendForecast:
    """Year-end predictive of non-cumulative series from this year's readings.

    Args:
        current_year: ``(n, 12)`` values of the as-of year.
        observed: ``(n, 12)`` True where the value was reported (not interpolated).
        month: ``(n,)`` latest reported month (1–11).
        anchor: ``(n,)`` the value at the start of the year (last December's
            reading or the stated baseline), NaN when unknown.

    Returns:
        The forecast; NaN where nothing was reported this year.
    """
    n = len(month)
    y = np.concatenate([anchor[:, None], current_year], axis=1)
    seen = np.concatenate([np.isfinite(anchor)[:, None], observed], axis=1) & np.isfinite(y)
    count = seen.sum(axis=1)
    last = current_year[np.arange(n), np.clip(month - 1, 0, MONTHS - 1)] if n else np.empty(0)
    mag = np.maximum(np.abs(np.nan_to_num(last)), 1e-3)

    # Pool the reading noise and the monthly change (relative to the level) over
    # the batch: a series with two or three readings cannot measure either.
    first = _filter(
        y,
        seen,
        (DEFAULT_NOISE_REL * mag) ** 2,
        trend=True,
        q_level=TREND_Q_LEVEL,
        q_slope=TREND_Q_SLOPE,
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        noise_rel = np.sqrt(first.ss / first.k) / mag
        slope_rel = np.abs(first.slope) / mag
    rich = first.k >= 3
    prior_s2 = (_pooled(noise_rel, rich, DEFAULT_NOISE_REL) * mag) ** 2
    slope_sd = np.sqrt(_pooled(slope_rel**2, rich, DEFAULT_SLOPE_REL**2)) * mag

    level = _filter(y, seen, prior_s2, trend=False, q_level=LEVEL_Q, q_slope=0.0)
    trend = _filter(y, seen, prior_s2, trend=True, q_level=TREND_Q_LEVEL, q_slope=TREND_Q_SLOPE)
    runs = (level, trend)
    centers = np.stack([r.center for r in runs])
    dofs = np.stack([PRIOR_DOF + r.k for r in runs])
    variances = np.stack(
        [(PRIOR_DOF * prior_s2 + r.ss) / (PRIOR_DOF + r.k) * r.var_units for r in runs]
    )
    h = (MONTHS - month).astype(float)
    # One reading says nothing about change: the level model plus an unknown slope.
    variances[0] = variances[0] + np.where(count < 2, (h * slope_sd) ** 2, 0.0)
    logw = np.stack([r.score for r in runs])
    # Prior odds of a trend from the batch: the share of well-observed series whose
    # readings the trend model predicted better. With two or three readings the
    # scores say little and this is what decides how much of the trend to keep.
    informed = level.k >= MIN_SCORED
    trend_share = _pooled_mean(trend.score - level.score > 0, informed, 0.5)
    prior = float(np.clip(trend_share, 1 - MAX_PRIOR_WEIGHT, MAX_PRIOR_WEIGHT))
    logw[0] += np.log(1 - prior)
    logw[1] = np.where(count >= 2, logw[1] + np.log(prior), -np.inf)
    logw -= logw.max(axis=0)
    weights = np.exp(logw)
    weights /= weights.sum(axis=0)
    center = (weights * centers).sum(axis=0)
    var = (weights * (variances + (centers - center) ** 2)).sum(axis=0)
    dof = (weights * dofs).sum(axis=0)
    ok = (count >= 1) & (month >= 1) & np.isfinite(center) & np.isfinite(var)
    center = np.where(ok, center, np.nan)
    return TrendForecast(
        predictive=Predictive(center, np.where(ok, var, np.nan), dof, log_scale=False),
        trend_weight=np.where(ok, weights[1], 0.0),
        n_readings=count,
    )
