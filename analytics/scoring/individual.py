"""Individual evaluation with the proposal's four criteria (section B.II).

Each criterion is scored on 0–100:

1. ``stance`` — political stance and ethics: the rubric level (given, or derived
   from the indicators by :mod:`analytics.scoring.stance`) mapped to points;
   missing (e.g. in a quarterly review) = not assessed, its weight goes to the others.
2. ``tasks`` — ``min(tasks_cap, plan + min(outside_work_cap, outside points))``
   where ``plan`` is the unit's plan total for a head and the person's own plan
   total for everyone else, and ``outside points`` are the person's declared
   outside-plan work (plus the unit's, for a head). Without a plan score the
   person cannot be rated.
3. ``initiatives`` — ``100 × min(1, points / initiative_full_points)``.
4. ``learning`` — ``100 × min(1, points / learning_full_points)``.

``total = Σ weight × criterion / Σ weight`` over the criteria that apply. The
rating comes from the thresholds, then is capped by the stance level, then (for
heads) by the unit's collective rating, and finally the quotas are enforced
within each group (default: each unit).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analytics.scoring.collective import CollectiveResult, outside_points
from analytics.scoring.engine import ScoreResult
from analytics.scoring.explain import num, pct
from analytics.scoring.messages import CRITERION_LABELS, STANCE_LEVEL_LABELS
from analytics.scoring.policy import CRITERIA, IndividualPolicy
from analytics.scoring.ratings import (
    Rating,
    apply_quotas,
    cap_ranks,
    rank_codes,
    rank_labels,
    ranks_from_totals,
    rating_caps,
)
from analytics.scoring.stance import INDICATORS, StanceRubric, indicator_levels

PEOPLE_COLUMNS: tuple[str, ...] = ("person_code", "unit_code", "is_head")


def _stance_levels(people: pd.DataFrame, rubric: StanceRubric | None) -> np.ndarray:
    given = people.get("stance_level", pd.Series(np.nan, index=people.index))
    levels = pd.to_numeric(given).astype(float)
    if any(c in people.columns for c in INDICATORS):
        levels = levels.fillna(indicator_levels(people, rubric)["stance_level"])
    if ((levels < 1) | (levels > 5)).any():
        raise ValueError("Mức lập trường tư tưởng phải từ 1 đến 5 / stance level must be 1–5")
    return np.floor(levels.to_numpy(dtype=float))


def _points(people: pd.DataFrame, column: str) -> np.ndarray:
    if column not in people.columns:
        return np.zeros(len(people))
    return pd.to_numeric(people[column]).fillna(0.0).clip(lower=0.0).to_numpy(dtype=float)


@dataclass(frozen=True)
class IndividualResult:
    """Individual evaluation of every person of a run.

    Attributes:
        people: one row per person: ``stance_level``, the four criterion scores
            (``stance``, ``tasks``, ``initiatives``, ``learning``), ``plan_score``
            and ``plan_source`` (``unit`` for a head, ``own`` otherwise),
            ``outside_points`` / ``outside_counted``, ``total``, ``base_rating``,
            ``rating``, ``rating_label``, ``unit_rating``, the flags
            ``stance_capped``, ``head_capped``, ``quota_downgraded`` and ``group``.
        policy: the policy used.
    """

    people: pd.DataFrame
    policy: IndividualPolicy = field(default_factory=IndividualPolicy)

    def to_rows(self) -> list[dict[str, Any]]:
        """JSON-ready rows in the ``woms score`` shape (``people`` array)."""
        return [
            {
                "code": row["code"],
                "unit_code": row["unit_code"],
                "is_head": bool(row["is_head"]),
                "total": _round(row["total"]),
                "rating": _code(row["rating"]),
                "rating_label": row["rating_label"],
                "criteria": {c: _round(row[c]) for c in CRITERIA},
                "stance_level": None if pd.isna(row["stance_level"]) else int(row["stance_level"]),
                "capped_by": [
                    name
                    for name, flag in (
                        ("stance", row["stance_capped"]),
                        ("head_cap", row["head_capped"]),
                        ("quota", row["quota_downgraded"]),
                    )
                    if flag
                ],
            }
            for row in self.people.to_dict("records")
        ]

    def explain(self, person_code: str) -> str:
        """Why a person has their total and rating, in Vietnamese."""
        rows = self.people.loc[self.people["code"] == person_code]
        if rows.empty:
            raise KeyError(person_code)
        row = rows.iloc[0]
        p = self.policy
        role = "người đứng đầu" if row["is_head"] else "cá nhân"
        lines = [f"Đánh giá {role} {person_code} (đơn vị {row['unit_code']}):"]
        level = row["stance_level"]
        stance = "chưa đánh giá trong kỳ" if pd.isna(level) else STANCE_LEVEL_LABELS[int(level)]
        lines.append(f"• {CRITERION_LABELS['stance']}: {stance} → {num(row['stance'])} điểm")
        source = "kế hoạch của đơn vị" if row["plan_source"] == "unit" else "kế hoạch cá nhân"
        lines.append(
            f"• {CRITERION_LABELS['tasks']}: {source} {num(row['plan_score'])} điểm + nhiệm vụ "
            f"ngoài kế hoạch {num(row['outside_points'])} (tính tối đa {num(p.outside_work_cap)}) "
            f"= {num(row['tasks'])} điểm (tối đa {num(p.tasks_cap)})"
        )
        lines.append(f"• {CRITERION_LABELS['initiatives']}: {num(row['initiatives'])} điểm")
        lines.append(f"• {CRITERION_LABELS['learning']}: {num(row['learning'])} điểm")
        used = [c for c in CRITERIA if not pd.isna(row[c])]
        terms = " + ".join(f"{pct(p.weights.get(c, 0.0))} × {num(row[c])}" for c in used)
        total_w = sum(p.weights.get(c, 0.0) for c in used)
        lines.append(f"Tổng điểm = ({terms}) / {pct(total_w)} = {num(row['total'])} điểm.")
        if not pd.isna(row["base_rating"]):
            lines.append(f"Theo ngưỡng điểm: {Rating(row['base_rating']).label}.")
        if row["stance_capped"]:
            lines.append("Bị giới hạn mức xếp loại do kết quả tiêu chí lập trường tư tưởng.")
        if row["head_capped"]:
            lines.append(
                "Người đứng đầu không được xếp cao hơn mức cho phép so với kết quả tập thể "
                f"({Rating(row['unit_rating']).label})."
            )
        if row["quota_downgraded"]:
            lines.append("Vượt tỷ lệ tối đa của nhóm (xét theo thứ hạng tổng điểm) nên hạ một mức.")
        lines.append(f"Xếp loại: {row['rating_label']}.")
        return "\n".join(lines)


def _round(value: Any, digits: int = 2) -> float | None:
    return None if value is None or pd.isna(value) else round(float(value), digits)


def _code(value: Any) -> str | None:
    # pandas stores a missing rating as NaN, which is not valid JSON.
    return None if value is None or pd.isna(value) else str(value)


def evaluate_individuals(
    people: pd.DataFrame,
    scores: ScoreResult,
    collective: CollectiveResult,
    outside_work: pd.DataFrame | None = None,
    policy: IndividualPolicy | None = None,
    rubric: StanceRubric | None = None,
) -> IndividualResult:
    """Evaluate and rate every person.

    Args:
        people: ``person_code``, ``unit_code``, ``is_head``; optional
            ``stance_level`` (1–5) and/or the rubric indicators
            (``assessment_pct``, ``study_pct``, ``contributions``, ``trust_pct``,
            ``reminders``, ``disciplined``), ``initiative_points``,
            ``learning_points`` and ``group`` (quota group, default the unit).
        scores: the engine result (owners of type ``person`` give own plans).
        collective: the units' collective evaluation (heads' plans and caps).
        outside_work: declared outside-plan work of people and units.
        policy: individual policy; defaults to ``IndividualPolicy()``.
        rubric: stance rubric bands; defaults to ``StanceRubric()``.

    Returns:
        The frozen ``IndividualResult``.
    """
    policy = policy or IndividualPolicy()
    missing = [c for c in PEOPLE_COLUMNS if c not in people.columns]
    if missing:
        raise ValueError(f"Thiếu cột / missing people columns: {', '.join(missing)}")
    frame = people.reset_index(drop=True)
    code = frame["person_code"]
    unit = frame["unit_code"]
    is_head = frame["is_head"].fillna(False).astype(bool).to_numpy()
    units = collective.units.set_index("code")

    own_plan = code.map(scores.owners.set_index("owner_code")["total"]).to_numpy(dtype=float)
    unit_plan = unit.map(units["plan_total"]).to_numpy(dtype=float)
    plan = np.where(is_head, unit_plan, own_plan)
    own_out = outside_points(outside_work, code)["outside_points"].to_numpy()
    unit_out = unit.map(units["outside_points"]).fillna(0.0).to_numpy(dtype=float)
    out = own_out + np.where(is_head, unit_out, 0.0)
    counted = np.minimum(out, policy.outside_work_cap)

    levels = _stance_levels(frame, rubric)
    criteria = {
        "stance": pd.Series(levels).map(dict(policy.stance_points)).to_numpy(dtype=float),
        "tasks": np.minimum(policy.tasks_cap, plan + counted),
        "initiatives": 100.0
        * np.minimum(1.0, _points(frame, "initiative_points") / policy.initiative_full_points),
        "learning": 100.0
        * np.minimum(1.0, _points(frame, "learning_points") / policy.learning_full_points),
    }
    matrix = np.column_stack([criteria[c] for c in CRITERIA])
    weights = np.array([policy.weights.get(c, 0.0) for c in CRITERIA])
    used = ~np.isnan(matrix) & (weights > 0)
    den = (used * weights).sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        total = np.where(den > 0, (np.nan_to_num(matrix) * weights).sum(axis=1) / den, np.nan)
    total = np.where(np.isnan(criteria["tasks"]), np.nan, total)

    base = ranks_from_totals(total, policy.rating)
    ranks, stance_capped = cap_ranks(base, rating_caps(policy.stance_rating_caps, levels))
    rank_of = {r.value: float(r.rank) for r in Rating}
    unit_rank = unit.map(units["rating"]).map(rank_of).to_numpy(dtype=float)
    head_caps = np.full(len(frame), np.nan)
    if policy.head_cap_levels_above is not None:
        head_caps = np.where(
            is_head, np.minimum(4.0, unit_rank + policy.head_cap_levels_above), np.nan
        )
    ranks, head_capped = cap_ranks(ranks, head_caps)
    group = frame["group"] if "group" in frame.columns else unit
    ranks, downgraded = apply_quotas(
        ranks, total, code.to_numpy(), group.fillna("").to_numpy(), policy.rating
    )

    result = pd.DataFrame(
        {
            "code": code,
            "unit_code": unit,
            "is_head": is_head,
            "stance_level": levels,
            **criteria,
            "plan_score": plan,
            "plan_source": np.where(is_head, "unit", "own"),
            "outside_points": out,
            "outside_counted": counted,
            "total": total,
            "base_rating": rank_codes(base),
            "rating": rank_codes(ranks),
            "rating_label": rank_labels(ranks),
            "unit_rating": unit.map(units["rating"]).to_numpy(),
            "stance_capped": stance_capped,
            "head_capped": head_capped,
            "quota_downgraded": downgraded,
            "group": group.to_numpy(),
        }
    )
    return IndividualResult(result, policy)
