"""Vectorised per-key-result rules: latest reading, completion and points.

Everything here works on whole columns with numpy; there is no Python loop over
key results, so a province (150,000 key results) is scored in milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.scoring.policy import ScoringPolicy


@dataclass(frozen=True)
class LatestReadings:
    """Latest check-in on or before the evaluation date, aligned to key results."""

    value: np.ndarray
    date: np.ndarray
    count: np.ndarray


def latest_readings(
    kr_ids: np.ndarray, checkins: pd.DataFrame, as_of: pd.Timestamp | None
) -> LatestReadings:
    """Pick, for every key result, the last check-in dated on or before ``as_of``.

    Check-in values are cumulative ("as of that date"), so the latest one is the
    key result's actual value. Readings without a value are ignored. When two
    readings share the latest date, the later row of ``checkins`` wins (the sort
    is stable), which matches "the last entry typed".

    Args:
        kr_ids: the key results to align to.
        checkins: frame with ``kr_id``, ``date``, ``value``; an optional
            ``n_readings`` column says how many readings a row stands for (the
            database may send only each key result's latest reading with its
            count), otherwise each row counts as one reading.
        as_of: evaluation date; ``None`` uses every reading.

    Returns:
        Values (NaN = no reading), dates (NaT) and the number of readings used.
    """
    n = len(kr_ids)
    dates = pd.to_datetime(checkins["date"])
    keep = checkins["value"].notna().to_numpy()
    if as_of is not None:
        keep = keep & (dates <= as_of).to_numpy()
    kr = checkins["kr_id"].to_numpy()[keep]
    day = dates.to_numpy()[keep]
    value = checkins["value"].to_numpy(dtype=float)[keep]
    order = np.lexsort((day, kr))
    kr, day, value = kr[order], day[order], value[order]
    given = None
    if "n_readings" in checkins.columns:
        given = checkins["n_readings"].to_numpy(dtype=float)[keep][order]
    last = np.ones(len(kr), dtype=bool)
    last[:-1] = kr[1:] != kr[:-1]
    first = np.flatnonzero(np.r_[True, last[:-1]]) if len(kr) else np.zeros(0, dtype=int)
    readings = np.diff(first, append=len(kr)) if given is None else given[last].astype(int)
    index = pd.Index(kr[last])
    pos = index.get_indexer(kr_ids)
    found = pos >= 0
    out_value = np.full(n, np.nan)
    out_value[found] = value[last][pos[found]]
    out_date = np.full(n, np.datetime64("NaT"), dtype=day.dtype)
    out_date[found] = day[last][pos[found]]
    out_count = np.zeros(n, dtype=int)
    out_count[found] = readings[pos[found]]
    return LatestReadings(value=out_value, date=out_date, count=out_count)


def completion_rates(
    direction: np.ndarray,
    baseline: np.ndarray,
    target: np.ndarray,
    actual: np.ndarray,
    policy: ScoringPolicy,
) -> tuple[np.ndarray, np.ndarray]:
    """Completion (fraction, ≥ 0, not yet capped) and the rule code used.

    The rule codes are keys of ``messages.COMPLETION_RULES``; the first matching
    condition below decides.

    Returns:
        ``(completion, rule)`` arrays.
    """
    b, t, a = baseline, target, actual
    has_b = ~np.isnan(b)
    inc = direction == "increase"
    dec = direction == "decrease"
    top = max(policy.kpi_cap, policy.okr_cap)
    with np.errstate(divide="ignore", invalid="ignore"):
        from_b_inc = (a - b) / (t - b)
        from_b_dec = (b - a) / (b - t)
        conditions = [
            np.isnan(a),
            direction == "milestone",
            np.isnan(t),
            inc & policy.use_baseline & has_b & (b < t),
            inc & (t > 0),
            inc,
            dec & (t <= 0) & (a <= t),
            dec & (t <= 0) & has_b & (b > t),
            dec & (t <= 0),
            dec & policy.use_baseline & has_b & (b > t),
            dec & (a <= 0),
            dec,
        ]
        values = [
            0.0,
            (a >= 1).astype(float),
            0.0,
            from_b_inc,
            a / t,
            (a >= t).astype(float),
            1.0,
            from_b_dec,
            0.0,
            from_b_dec,
            top,
            t / a,
        ]
        rules = [
            "no_data",
            "milestone",
            "no_target",
            "increase_baseline",
            "increase_ratio",
            "increase_threshold",
            "decrease_zero_met",
            "decrease_zero_baseline",
            "decrease_zero_missed",
            "decrease_baseline",
            "decrease_ratio_zero",
            "decrease_ratio",
        ]
        rate = np.select(conditions, values, default=0.0)
    rule = np.select(conditions, rules, default="no_target")
    return np.clip(np.nan_to_num(rate, nan=0.0), 0.0, None), rule


@dataclass(frozen=True)
class KeyResultPoints:
    """Points of each key result and their parts (all on the 0–100 scale)."""

    base: np.ndarray
    penalty: np.ndarray
    bonus: np.ndarray
    score: np.ndarray
    rule: np.ndarray


def key_result_points(
    completion: np.ndarray, is_okr: np.ndarray, policy: ScoringPolicy
) -> KeyResultPoints:
    """Turn completions into points: strict for KPIs, rewarding for OKRs.

    KPI: ``100 × max(0, c − r × max(0, pass − c))`` with ``c = min(P, kpi_cap)``.
    OKR: ``max(KPI points, 100 × min(P, okr_cap) + bonus if P ≥ bonus threshold)``,
    so an OKR is never scored below a KPI with the same completion.
    """
    kpi_c = np.minimum(completion, policy.kpi_cap)
    shortfall = np.maximum(0.0, policy.kpi_pass_threshold - kpi_c)
    kpi_points = 100.0 * np.maximum(0.0, kpi_c - policy.kpi_penalty_rate * shortfall)
    okr_c = np.minimum(completion, policy.okr_cap)
    earned_bonus = okr_c >= policy.okr_bonus_threshold
    okr_rule_points = 100.0 * okr_c + np.where(earned_bonus, policy.okr_bonus_points, 0.0)
    kpi_floor = kpi_points > okr_rule_points
    score = np.where(is_okr, np.maximum(kpi_points, okr_rule_points), kpi_points)
    base = np.where(is_okr & ~kpi_floor, 100.0 * okr_c, 100.0 * kpi_c)
    bonus = np.where(is_okr & ~kpi_floor & earned_bonus, policy.okr_bonus_points, 0.0)
    penalty = np.where(is_okr & ~kpi_floor, 0.0, 100.0 * kpi_c - kpi_points)
    rule = np.select(
        [
            is_okr & kpi_floor,
            is_okr & earned_bonus,
            is_okr,
            shortfall > 0,
        ],
        ["okr_kpi_floor", "okr_bonus", "okr", "kpi_penalty"],
        default="kpi_met",
    )
    return KeyResultPoints(base=base, penalty=penalty, bonus=bonus, score=score, rule=rule)
