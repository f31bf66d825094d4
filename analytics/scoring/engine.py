"""The scoring engine: key results → tasks → perspectives → owner totals.

Formulas (Phụ lục 4 of the proposal, with the choices documented in ``policy``):

* key result: completion ``P`` by direction, then points (KPI strict, OKR
  rewarded), see :mod:`analytics.scoring.completion`;
* task: ``Σ w_i × points_i / Σ w_i`` over its non-breakthrough key results
  (``w_i`` = KR weight; missing weights take the mean of the task's given
  weights, or 1 when none is given, i.e. equal weights);
* perspective: ``Σ W_j × task_j / Σ W_j`` over the owner's evaluated tasks of
  that perspective (``W_j`` = task weight, missing ones filled the same way
  within the owner);
* owner total: ``Σ w_p × perspective_p / Σ w_p`` over the perspectives that have
  an evaluated task (policy weights, default 25% each), or, with
  ``perspective_weights=None``, ``Σ W_j × task_j / Σ W_j`` over the whole plan.

Breakthrough key results are scored for display but carry ``excluded=True`` and
never enter a task, perspective or total.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analytics.scoring import explain as _explain
from analytics.scoring.completion import completion_rates, key_result_points, latest_readings
from analytics.scoring.policy import PERSPECTIVES, ScoringPolicy

KEY_RESULT_COLUMNS: tuple[str, ...] = (
    "kr_id",
    "kr_code",
    "task_id",
    "task_code",
    "plan_id",
    "owner_code",
    "owner_type",
    "perspective",
    "kind",
    "breakthrough",
    "direction",
    "baseline",
    "target",
    "weight",
    "task_weight",
    "unit",
    "title",
    "task_title",
)
CHECKIN_COLUMNS: tuple[str, ...] = ("kr_id", "date", "value")
_ALLOWED = {
    "owner_type": {"unit", "person"},
    "perspective": set(PERSPECTIVES),
    "kind": {"kpi", "okr"},
    "direction": {"increase", "decrease", "milestone"},
}


def _validate(key_results: pd.DataFrame, checkins: pd.DataFrame) -> None:
    missing = [c for c in KEY_RESULT_COLUMNS if c not in key_results.columns]
    missing += [f"checkins.{c}" for c in CHECKIN_COLUMNS if c not in checkins.columns]
    if missing:
        raise ValueError(f"Thiếu cột / missing columns: {', '.join(missing)}")
    for column, allowed in _ALLOWED.items():
        bad = ~key_results[column].isin(allowed)
        if bad.any():
            first = key_results.loc[bad, column].iloc[0]
            raise ValueError(f"Giá trị không hợp lệ / invalid {column}: {first!r}")
    if key_results["kr_id"].duplicated().any():
        raise ValueError("Trùng mã mục tiêu then chốt / duplicate kr_id")
    for column in ("weight", "task_weight"):
        if (pd.to_numeric(key_results[column]) < 0).any():
            raise ValueError(f"Trọng số âm / negative {column}")


def _fill_weights(weights: pd.Series, groups: pd.Series) -> pd.Series:
    """Missing weights take the mean of the given weights in their group, else 1."""
    weights = pd.to_numeric(weights).astype(float)
    group_mean = weights.groupby(groups.to_numpy(), sort=False).transform("mean")
    return weights.fillna(group_mean).fillna(1.0)


def score_key_results(
    key_results: pd.DataFrame,
    checkins: pd.DataFrame,
    as_of: Any = None,
    policy: ScoringPolicy | None = None,
) -> pd.DataFrame:
    """Score every key result as of a date.

    Args:
        key_results: one row per key result (columns in ``KEY_RESULT_COLUMNS``).
        checkins: ``kr_id``, ``date``, ``value`` (cumulative values).
        as_of: evaluation date (anything ``pd.Timestamp`` accepts); ``None`` = all.
        policy: scoring policy; defaults to ``ScoringPolicy()``.

    Returns:
        The input columns plus ``actual``, ``actual_date``, ``n_checkins``,
        ``completion`` (uncapped fraction), ``completion_capped``,
        ``completion_rule``, ``base_points``, ``penalty``, ``bonus``, ``score``,
        ``score_rule``, ``kr_weight`` (effective) and ``excluded``.
    """
    policy = policy or ScoringPolicy()
    _validate(key_results, checkins)
    as_of_ts = None if as_of is None else pd.Timestamp(as_of)
    frame = key_results.reset_index(drop=True).copy()
    readings = latest_readings(frame["kr_id"].to_numpy(), checkins, as_of_ts)
    direction = frame["direction"].to_numpy(dtype=object)
    rate, rule = completion_rates(
        direction,
        pd.to_numeric(frame["baseline"]).to_numpy(dtype=float),
        pd.to_numeric(frame["target"]).to_numpy(dtype=float),
        readings.value,
        policy,
    )
    is_okr = (frame["kind"] == "okr").to_numpy()
    points = key_result_points(rate, is_okr, policy)
    cap = np.where(is_okr, policy.okr_cap, policy.kpi_cap)
    frame["actual"] = readings.value
    frame["actual_date"] = readings.date
    frame["n_checkins"] = readings.count
    frame["completion"] = rate
    frame["completion_capped"] = np.minimum(rate, cap)
    frame["completion_rule"] = rule
    frame["base_points"] = points.base
    frame["penalty"] = points.penalty
    frame["bonus"] = points.bonus
    frame["score"] = points.score
    frame["score_rule"] = points.rule
    frame["kr_weight"] = _fill_weights(frame["weight"], frame["task_id"])
    frame["excluded"] = frame["breakthrough"].fillna(False).astype(bool)
    return frame


def _weighted_mean(
    keys: list[pd.Series], values: np.ndarray, weights: np.ndarray
) -> tuple[pd.Index, np.ndarray, np.ndarray, np.ndarray]:
    """Group-wise ``Σ w × v / Σ w`` (NaN when ``Σ w = 0``) at ``bincount`` speed.

    Returns:
        The group keys, the means, the weight sums and the row counts.
    """
    if len(keys) == 1:
        codes, uniques = pd.Index(keys[0]).factorize()
    else:
        # Factorise each key on its own and combine the integer codes: much
        # faster than factorising a MultiIndex of Python tuples.
        combined = np.zeros(len(keys[0]), dtype=np.int64)
        for key in keys:
            key_codes, key_uniques = pd.factorize(key.to_numpy())
            combined = combined * max(len(key_uniques), 1) + key_codes
        codes, _ = pd.factorize(combined)
        positions = pd.Series(np.arange(len(combined))).groupby(codes).first().to_numpy()
        uniques = pd.MultiIndex.from_arrays([key.to_numpy()[positions] for key in keys])
    size = len(uniques)
    num = np.bincount(codes, weights=weights * np.nan_to_num(values), minlength=size)
    den = np.bincount(codes, weights=weights, minlength=size)
    count = np.bincount(codes, minlength=size)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(den > 0, num / den, np.nan)
    return uniques, mean, den, count


def _tasks(krs: pd.DataFrame) -> pd.DataFrame:
    first = krs.drop_duplicates("task_id")
    columns = [
        "task_id",
        "task_code",
        "task_title",
        "plan_id",
        "owner_code",
        "owner_type",
        "perspective",
    ]
    tasks = first[columns].reset_index(drop=True)
    tasks["task_weight"] = _fill_weights(first["task_weight"], first["owner_code"]).to_numpy()
    counted = (~krs["excluded"]).to_numpy()
    weights = krs["kr_weight"].to_numpy() * counted
    uniques, mean, _, count = _weighted_mean([krs["task_id"]], krs["score"].to_numpy(), weights)
    n_counted = np.bincount(
        uniques.get_indexer(krs["task_id"]), weights=counted, minlength=len(uniques)
    )
    # drop_duplicates and factorize both keep first-appearance order, so rows align.
    tasks["n_key_results"] = count
    tasks["n_evaluated"] = n_counted.astype(int)
    tasks["score"] = mean
    tasks["excluded"] = tasks["score"].isna()
    return tasks


def _perspectives(tasks: pd.DataFrame) -> pd.DataFrame:
    live = tasks[~tasks["excluded"]]
    keys = [live["owner_code"], live["perspective"]]
    uniques, mean, den, count = _weighted_mean(
        keys, live["score"].to_numpy(), live["task_weight"].to_numpy()
    )
    out = pd.DataFrame(
        {
            "owner_code": uniques.get_level_values(0) if len(uniques) else [],
            "perspective": uniques.get_level_values(1) if len(uniques) else [],
            "score": mean,
            "task_weight_sum": den,
            "n_tasks": count,
        }
    )
    return out.sort_values(["owner_code", "perspective"], ignore_index=True)


def _owners(
    krs: pd.DataFrame, tasks: pd.DataFrame, perspectives: pd.DataFrame, policy: ScoringPolicy
) -> pd.DataFrame:
    owners = krs.drop_duplicates("owner_code")[["owner_code", "owner_type"]]
    owners = owners.sort_values("owner_code", ignore_index=True)
    wide = perspectives.pivot(index="owner_code", columns="perspective", values="score")
    wide = wide.reindex(index=owners["owner_code"], columns=list(PERSPECTIVES))
    for name in PERSPECTIVES:
        owners[name] = wide[name].to_numpy()
    if policy.perspective_weights is None:
        live = tasks[~tasks["excluded"]]
        uniques, mean, _, _ = _weighted_mean(
            [live["owner_code"]], live["score"].to_numpy(), live["task_weight"].to_numpy()
        )
        owners["total"] = owners["owner_code"].map(pd.Series(mean, index=uniques)).to_numpy()
    else:
        scores = wide.to_numpy(dtype=float)
        w = np.array([policy.perspective_weights.get(p, 0.0) for p in PERSPECTIVES])
        present = ~np.isnan(scores)
        den = (present * w).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            owners["total"] = np.where(
                den > 0, (np.nan_to_num(scores) * w).sum(axis=1) / den, np.nan
            )
    counts = krs.groupby("owner_code").agg(
        n_key_results=("kr_id", "size"), n_excluded=("excluded", "sum")
    )
    owners["n_key_results"] = owners["owner_code"].map(counts["n_key_results"]).to_numpy()
    owners["n_excluded"] = owners["owner_code"].map(counts["n_excluded"]).to_numpy()
    return owners


@dataclass(frozen=True)
class ScoreResult:
    """Frozen scores of one evaluation run, with "why this score" explanations.

    Attributes:
        key_results: one row per key result (see ``score_key_results``).
        tasks: one row per task: ``score`` (NaN and ``excluded`` when no key
            result counts), ``task_weight``, counts.
        perspectives: one row per owner and perspective with an evaluated task.
        owners: one row per owner: the four perspective scores and ``total``.
        policy: the policy used.
        as_of: the evaluation date (``None`` = all readings).
    """

    key_results: pd.DataFrame
    tasks: pd.DataFrame
    perspectives: pd.DataFrame
    owners: pd.DataFrame
    policy: ScoringPolicy = field(default_factory=ScoringPolicy)
    as_of: pd.Timestamp | None = None

    def to_rows(self) -> list[dict[str, Any]]:
        """Owners as JSON-ready rows: ``code``, ``owner_type``, ``total``, ``perspectives``."""
        return [
            {
                "code": row["owner_code"],
                "owner_type": row["owner_type"],
                "total": _round(row["total"]),
                "perspectives": {p: _round(row[p]) for p in PERSPECTIVES},
                "n_key_results": int(row["n_key_results"]),
                "n_excluded": int(row["n_excluded"]),
            }
            for row in self.owners.to_dict("records")
        ]

    def explain(self, kr_code: str) -> str:
        """Why a key result has its score, in Vietnamese (inputs and rule)."""
        rows = self.key_results[self.key_results["kr_code"] == kr_code]
        if rows.empty:
            raise KeyError(kr_code)
        return _explain.key_result(rows.iloc[0].to_dict(), self.policy, self.as_of)

    def explain_task(self, task_id: int) -> str:
        """Why a task has its score: its key results, weights and the mean."""
        task = self.tasks[self.tasks["task_id"] == task_id]
        if task.empty:
            raise KeyError(task_id)
        krs = self.key_results[self.key_results["task_id"] == task_id]
        return _explain.task(task.iloc[0].to_dict(), krs.to_dict("records"))

    def explain_owner(self, owner_code: str) -> str:
        """Why an owner has its total: perspective scores, weights and the formula."""
        owner = self.owners[self.owners["owner_code"] == owner_code]
        if owner.empty:
            raise KeyError(owner_code)
        tasks = self.tasks[self.tasks["owner_code"] == owner_code]
        return _explain.owner(owner.iloc[0].to_dict(), tasks.to_dict("records"), self.policy)


def _round(value: Any, digits: int = 2) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), digits)


def score_units(
    key_results: pd.DataFrame,
    checkins: pd.DataFrame,
    as_of: Any = None,
    policy: ScoringPolicy | None = None,
) -> ScoreResult:
    """Score every owner (units and people) of a period as of a date.

    Args:
        key_results: one row per key result (columns in ``KEY_RESULT_COLUMNS``).
        checkins: ``kr_id``, ``date``, ``value``.
        as_of: evaluation date; ``None`` uses every reading.
        policy: scoring policy; defaults to ``ScoringPolicy()``.

    Returns:
        The frozen ``ScoreResult``.
    """
    policy = policy or ScoringPolicy()
    krs = score_key_results(key_results, checkins, as_of, policy)
    tasks = _tasks(krs)
    perspectives = _perspectives(tasks)
    owners = _owners(krs, tasks, perspectives, policy)
    as_of_ts = None if as_of is None else pd.Timestamp(as_of)
    return ScoreResult(krs, tasks, perspectives, owners, policy, as_of_ts)
