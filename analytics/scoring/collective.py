"""Collective evaluation of units (đánh giá tập thể).

Formula (section B.I of the proposal: completion on the four perspectives with
breakthrough items removed, plus the declared work outside the plan):

``total = min(total_cap, plan_total + min(outside_work_cap, Σ outside points))``

where ``plan_total`` is the engine's owner total. Outside-plan points are kept
per perspective for display (points without a perspective are "chung"), but
they enter the total once, through the single cap, so that declaring the same
work under several perspectives earns nothing more. The total is then rated by
thresholds and the quotas are enforced by ranking (see ``ratings``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analytics.scoring.engine import ScoreResult
from analytics.scoring.explain import num
from analytics.scoring.messages import PERSPECTIVE_LABELS
from analytics.scoring.policy import PERSPECTIVES, CollectivePolicy
from analytics.scoring.ratings import (
    Rating,
    apply_quotas,
    rank_codes,
    rank_labels,
    ranks_from_totals,
)

OUTSIDE_WORK_COLUMNS: tuple[str, ...] = ("owner_code", "perspective", "description", "score")


def outside_points(outside_work: pd.DataFrame | None, owner_codes: pd.Series) -> pd.DataFrame:
    """Sum the assessed points of outside-plan work per owner (and per perspective).

    Args:
        outside_work: ``owner_code``, ``perspective`` (may be NaN), ``description``,
            ``score``; ``None`` means nothing was declared.
        owner_codes: the owners to align to.

    Returns:
        One row per owner code (same order) with ``outside_points`` (uncapped sum),
        ``outside_items`` and ``outside_<perspective>`` / ``outside_general`` sums.
    """
    columns = ["outside_points", "outside_items", "outside_general"]
    columns += [f"outside_{p}" for p in PERSPECTIVES]
    out = pd.DataFrame(0.0, index=pd.Index(owner_codes, name="owner_code"), columns=columns)
    if outside_work is None or outside_work.empty:
        return out.reset_index()
    missing = [c for c in ("owner_code", "score") if c not in outside_work.columns]
    if missing:
        raise ValueError(f"Thiếu cột / missing outside_work columns: {', '.join(missing)}")
    work = outside_work.assign(score=pd.to_numeric(outside_work["score"]).fillna(0.0))
    if (work["score"] < 0).any():
        raise ValueError("Điểm nhiệm vụ phát sinh phải ≥ 0 / outside-work points must be ≥ 0")
    perspective = work.get("perspective", pd.Series(np.nan, index=work.index))
    bucket = perspective.where(perspective.isin(PERSPECTIVES), "general")
    by_owner = work.groupby("owner_code")["score"]
    out["outside_points"] = by_owner.sum().reindex(out.index).fillna(0.0)
    out["outside_items"] = by_owner.size().reindex(out.index).fillna(0).astype(int)
    split = work.groupby(["owner_code", bucket.to_numpy()])["score"].sum().unstack(fill_value=0.0)
    for name in ["general", *PERSPECTIVES]:
        if name in split.columns:
            out[f"outside_{name}"] = split[name].reindex(out.index).fillna(0.0)
    return out.reset_index()


@dataclass(frozen=True)
class CollectiveResult:
    """Collective evaluation of every unit of a run.

    Attributes:
        units: one row per unit: perspective scores, ``plan_total``,
            ``outside_points`` (raw) and ``outside_counted`` (capped), ``total``,
            ``base_rating`` (thresholds only), ``rating`` (after quotas),
            ``rating_label``, ``quota_downgraded`` and ``group``.
        policy: the policy used.
    """

    units: pd.DataFrame
    policy: CollectivePolicy = field(default_factory=CollectivePolicy)

    def rating_of(self, unit_code: str) -> Rating | None:
        """The final rating of a unit (``None`` when it could not be rated)."""
        row = self.units.loc[self.units["code"] == unit_code]
        if row.empty or pd.isna(row["rating"].iloc[0]):
            return None
        return Rating(row["rating"].iloc[0])

    def to_rows(self) -> list[dict[str, Any]]:
        """JSON-ready rows in the ``woms score`` shape (``units`` array)."""
        rows = []
        for row in self.units.to_dict("records"):
            rows.append(
                {
                    "code": row["code"],
                    "total": _round(row["total"]),
                    "rating": None if pd.isna(row["rating"]) else str(row["rating"]),
                    "rating_label": row["rating_label"],
                    "perspectives": {p: _round(row[p]) for p in PERSPECTIVES},
                    "plan_total": _round(row["plan_total"]),
                    "outside_points": _round(row["outside_counted"]),
                    "quota_downgraded": bool(row["quota_downgraded"]),
                }
            )
        return rows

    def explain(self, unit_code: str) -> str:
        """Why a unit has its total and rating, in Vietnamese."""
        rows = self.units.loc[self.units["code"] == unit_code]
        if rows.empty:
            raise KeyError(unit_code)
        row = rows.iloc[0]
        p = self.policy
        lines = [f"Đánh giá tập thể {unit_code}:"]
        for name in PERSPECTIVES:
            extra = row[f"outside_{name}"]
            note = f" (+ {num(extra)} điểm nhiệm vụ phát sinh)" if extra else ""
            value = "chưa có nhiệm vụ được tính" if pd.isna(row[name]) else f"{num(row[name])} điểm"
            lines.append(f"• {PERSPECTIVE_LABELS[name]}: {value}{note}")
        if row["outside_general"]:
            lines.append(f"• Nhiệm vụ phát sinh chung: {num(row['outside_general'])} điểm")
        lines.append(
            f"Điểm theo kế hoạch (đã loại nhiệm vụ đột phá) = {num(row['plan_total'])}; "
            f"nhiệm vụ ngoài kế hoạch: {int(row['outside_items'])} việc, "
            f"{num(row['outside_points'])} điểm, tính tối đa {num(p.outside_work_cap)} "
            f"→ {num(row['outside_counted'])}."
        )
        lines.append(
            f"Tổng điểm = min({num(p.total_cap)}; {num(row['plan_total'])} + "
            f"{num(row['outside_counted'])}) = {num(row['total'])} điểm."
        )
        r = p.rating
        lines.append(
            f"Ngưỡng xếp loại: ≥ {num(r.xuat_sac_min)} xuất sắc, ≥ {num(r.tot_min)} tốt, "
            f"≥ {num(r.hoan_thanh_min)} hoàn thành. Xếp loại: {row['rating_label']}."
        )
        if row["quota_downgraded"]:
            lines.append(
                f"Theo điểm đạt mức {Rating(row['base_rating']).label} nhưng vượt tỷ lệ tối đa "
                "của nhóm (xét theo thứ hạng tổng điểm) nên hạ một mức."
            )
        return "\n".join(lines)


def _round(value: Any, digits: int = 2) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), digits)


def evaluate_collective(
    scores: ScoreResult,
    outside_work: pd.DataFrame | None = None,
    policy: CollectivePolicy | None = None,
    groups: Mapping[str, str] | None = None,
) -> CollectiveResult:
    """Evaluate every unit of a scoring run and rate it.

    Args:
        scores: the engine result; only owners of type ``unit`` are evaluated.
        outside_work: declared outside-plan work (``OUTSIDE_WORK_COLUMNS``);
            rows of other owners are ignored.
        policy: collective policy; defaults to ``CollectivePolicy()``.
        groups: optional quota group per unit code (e.g. communes and agencies
            ranked separately); by default all units form one group.

    Returns:
        The frozen ``CollectiveResult``.
    """
    policy = policy or CollectivePolicy()
    owners = scores.owners[scores.owners["owner_type"] == "unit"]
    units = owners.rename(columns={"owner_code": "code", "total": "plan_total"})
    units = units.drop(columns=["owner_type"]).reset_index(drop=True)
    extra = outside_points(outside_work, units["code"])
    units = pd.concat([units, extra.drop(columns=["owner_code"])], axis=1)
    units["outside_counted"] = np.minimum(units["outside_points"], policy.outside_work_cap)
    units["total"] = np.minimum(policy.total_cap, units["plan_total"] + units["outside_counted"])
    base = ranks_from_totals(units["total"].to_numpy(), policy.rating)
    group_of = units["code"].map(groups or {}).fillna("").to_numpy(dtype=object)
    final, downgraded = apply_quotas(
        base, units["total"].to_numpy(), units["code"].to_numpy(), group_of, policy.rating
    )
    units["group"] = group_of
    units["base_rating"] = rank_codes(base)
    units["rating"] = rank_codes(final)
    units["rating_label"] = rank_labels(final)
    units["quota_downgraded"] = downgraded
    return CollectiveResult(units, policy)
