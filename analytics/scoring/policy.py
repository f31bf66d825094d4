"""Scoring, rating and individual-evaluation policies: every number a province may tune.

The defaults follow Phụ lục 4 of the proposal ("KPI strict, OKR rewarded") and are
chosen so that each rule can be explained in one Vietnamese sentence. All scores
are points on a 0–100 scale; completions are fractions (0.75 = 75%).

Default choices and why:

* ``kpi_cap = 1.0`` — a KPI is a committed, routine target. Over-delivering one
  KPI must not hide a miss on another, so completion above 100% earns nothing.
* ``okr_cap = 1.2`` — an OKR is a stretch; going beyond it is real extra
  achievement and is recognised up to 120%, no further, so that a target set too
  low (or a data-entry slip) cannot swamp the rest of the plan.
* KPI penalty: below ``kpi_pass_threshold`` (100%) the KPI loses, on top of the
  missing completion, ``kpi_penalty_rate`` (0.5) point per point of shortfall:
  ``score = 100 × (P − 0.5 × (1 − P))``, floored at 0. At 75% a KPI scores 62.5;
  at one third or less it scores 0 ("Không đạt = trừ điểm nặng").
* OKR: no penalty, ``100 × min(P, 1.2)`` plus ``okr_bonus_points`` (10) once the
  completion reaches ``okr_bonus_threshold`` (70%, "~70% is good"), and never
  less than what a KPI with the same completion would get. An OKR at 70% scores
  80, i.e. "Hoàn thành tốt" territory, which is what the OKR literature means by
  "70% is a success".
* Decrease direction: ``P = target / actual`` (Phụ lục 4's "inverted" ratio).
  A target of 0 ("no overdue debt") has no ratio: met (actual ≤ 0) = 100%;
  otherwise, with a known baseline above 0, ``P = 1 − actual / baseline`` (the
  share of the starting amount cleared); without a baseline, 0%.
* Milestone: 100% if the reported value is at least 1 (done), else 0%.
* ``use_baseline = False``: when True and a baseline lies on the right side of the
  target, completion measures the distance travelled from the baseline:
  ``(actual − baseline) / (target − baseline)`` (increase) or
  ``(baseline − actual) / (baseline − target)`` (decrease). Off by default
  because Phụ lục 4 specifies ``actual / target``.
* Perspective weights: equal 25%; ``None`` switches to Phụ lục 4's pure
  ``Σ task score × task weight`` over the whole plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from analytics.scoring.ratings import Rating

PERSPECTIVES: tuple[str, ...] = ("service", "budget", "process", "learning")
CRITERIA: tuple[str, ...] = ("stance", "tasks", "initiatives", "learning")


def _equal_perspective_weights() -> dict[str, float]:
    return dict.fromkeys(PERSPECTIVES, 0.25)


def _check_weights(weights: Mapping[str, float], allowed: tuple[str, ...], what: str) -> None:
    unknown = set(weights) - set(allowed)
    if unknown:
        raise ValueError(f"{what}: khóa không hợp lệ / unknown keys {sorted(unknown)}")
    if any(w < 0 for w in weights.values()) or sum(weights.values()) <= 0:
        raise ValueError(f"{what}: trọng số phải ≥ 0 và tổng > 0 / weights must be ≥ 0, sum > 0")


@dataclass(frozen=True)
class ScoringPolicy:
    """How completions become key-result, task, perspective and owner scores.

    Attributes:
        kpi_cap: highest completion a KPI can earn (fraction).
        okr_cap: highest completion an OKR can earn (fraction).
        kpi_pass_threshold: completion at which a KPI counts as met.
        kpi_penalty_rate: extra points lost per point of KPI shortfall.
        okr_bonus_threshold: completion from which an OKR earns the bonus.
        okr_bonus_points: bonus points of an OKR that reached the threshold.
        use_baseline: measure completion from the baseline when one is known.
        perspective_weights: weight of each perspective in the owner total;
            perspectives without any evaluated task are left out and the others
            re-weighted. ``None`` = Phụ lục 4's task-weighted total.
    """

    kpi_cap: float = 1.0
    okr_cap: float = 1.2
    kpi_pass_threshold: float = 1.0
    kpi_penalty_rate: float = 0.5
    okr_bonus_threshold: float = 0.7
    okr_bonus_points: float = 10.0
    use_baseline: bool = False
    perspective_weights: Mapping[str, float] | None = field(
        default_factory=_equal_perspective_weights
    )

    def __post_init__(self) -> None:
        if self.kpi_cap <= 0 or self.okr_cap <= 0:
            raise ValueError("Mức trần phải > 0 / caps must be > 0")
        if self.kpi_penalty_rate < 0 or self.okr_bonus_points < 0:
            raise ValueError("Hệ số phạt và điểm thưởng phải ≥ 0 / penalty and bonus must be ≥ 0")
        if self.perspective_weights is not None:
            _check_weights(self.perspective_weights, PERSPECTIVES, "perspective_weights")


@dataclass(frozen=True)
class RatingPolicy:
    """Thresholds (points) and quotas that turn totals into the four official levels.

    Attributes:
        xuat_sac_min: lowest total rated "Hoàn thành xuất sắc nhiệm vụ".
        tot_min: lowest total rated "Hoàn thành tốt nhiệm vụ".
        hoan_thanh_min: lowest total rated "Hoàn thành nhiệm vụ"; below it
            "Không hoàn thành nhiệm vụ".
        quotas: maximum share of a group that may hold a level, e.g.
            ``{Rating.XUAT_SAC: 0.2}``; an empty mapping switches quotas off.
            The excess, lowest totals first, moves down one level.
        quota_base: ``"rated"`` — share of everyone rated in the group;
            ``"at_least_tot"`` — share of those rated "tốt" or better before
            quotas (the "20% of those rated Hoàn thành tốt" reading of the
            civil-service rules; check the regulation in force).
        quota_rounding: how the allowed number is rounded: ``floor`` (default,
            never exceeds the share), ``round`` or ``ceil``.
    """

    xuat_sac_min: float = 90.0
    tot_min: float = 75.0
    hoan_thanh_min: float = 50.0
    quotas: Mapping[Rating, float] = field(default_factory=lambda: {Rating.XUAT_SAC: 0.2})
    quota_base: Literal["rated", "at_least_tot"] = "rated"
    quota_rounding: Literal["floor", "round", "ceil"] = "floor"

    def __post_init__(self) -> None:
        if not self.xuat_sac_min >= self.tot_min >= self.hoan_thanh_min:
            raise ValueError("Ngưỡng xếp loại phải giảm dần / thresholds must decrease")
        if any(not 0 <= q <= 1 for q in self.quotas.values()):
            raise ValueError("Tỷ lệ tối đa phải trong [0, 1] / quotas must be in [0, 1]")


@dataclass(frozen=True)
class CollectivePolicy:
    """Collective evaluation of a unit: plan total + work outside the plan.

    ``total = min(total_cap, plan_total + min(outside_work_cap, Σ outside points))``.

    Attributes:
        outside_work_cap: most points the declared outside-plan work may add.
        total_cap: highest collective total.
        rating: thresholds and quotas (quotas apply across all units rated
            together, or within the groups passed to the evaluation).
    """

    outside_work_cap: float = 10.0
    total_cap: float = 100.0
    rating: RatingPolicy = field(default_factory=RatingPolicy)


def _default_criterion_weights() -> dict[str, float]:
    return {"stance": 0.2, "tasks": 0.5, "initiatives": 0.15, "learning": 0.15}


def _default_stance_points() -> dict[int, float]:
    return {5: 100.0, 4: 85.0, 3: 70.0, 2: 50.0, 1: 0.0}


def _default_stance_caps() -> dict[int, Rating]:
    return {1: Rating.KHONG_HOAN_THANH, 2: Rating.HOAN_THANH}


@dataclass(frozen=True)
class IndividualPolicy:
    """Individual evaluation with the proposal's four criteria.

    Each criterion is scored 0–100, then ``total = Σ weight × criterion / Σ weight``
    over the criteria that apply (political stance is assessed yearly: when it is
    missing, e.g. for a quarter, its weight is spread over the others).

    Attributes:
        weights: weight of ``stance``, ``tasks``, ``initiatives``, ``learning``.
        stance_points: points of each rubric level (5 = xuất sắc … 1 = suy thoái).
        stance_rating_caps: best rating allowed at a stance level (level 1 — a
            violation — cannot be rated above "Không hoàn thành nhiệm vụ",
            level 2 — wavering — not above "Hoàn thành nhiệm vụ").
        outside_work_cap: most points outside-plan work adds to criterion 2.
        tasks_cap: highest criterion-2 score.
        initiative_full_points: recognised-initiative points worth 100 (the
            province decides how many points an initiative of each scope earns).
        learning_full_points: capacity-growth points worth 100 (confirmed
            self-learned skills, certificates, degrees).
        head_cap_levels_above: a head may be rated at most this many levels above
            the unit's collective rating (0 = not above it); ``None`` = no cap.
        rating: thresholds and quotas (quotas apply within each quota group,
            by default each unit).
    """

    weights: Mapping[str, float] = field(default_factory=_default_criterion_weights)
    stance_points: Mapping[int, float] = field(default_factory=_default_stance_points)
    stance_rating_caps: Mapping[int, Rating] = field(default_factory=_default_stance_caps)
    outside_work_cap: float = 10.0
    tasks_cap: float = 100.0
    initiative_full_points: float = 2.0
    learning_full_points: float = 2.0
    head_cap_levels_above: int | None = 0
    rating: RatingPolicy = field(default_factory=RatingPolicy)

    def __post_init__(self) -> None:
        _check_weights(self.weights, CRITERIA, "weights")
        if set(self.stance_points) != {1, 2, 3, 4, 5}:
            raise ValueError("stance_points cần đủ 5 mức / needs levels 1–5")
        if self.initiative_full_points <= 0 or self.learning_full_points <= 0:
            raise ValueError("Điểm chuẩn phải > 0 / full points must be > 0")
