"""Golden tests: KPI strict, OKR rewarded and never below a KPI (Phụ lục 4)."""

from __future__ import annotations

import numpy as np
import pytest
from scoring_frames import key_results, one_reading

from analytics.scoring import ScoringPolicy, score_key_results

# Completion P (target 100) → hand-computed points with the default policy:
#   KPI = 100 × max(0, P − 0.5 × (1 − P)) for P < 1, 100 for P ≥ 1
#   OKR = 100 × min(P, 1.2) + 10 if P ≥ 0.7
GOLDEN = [
    # (P, KPI, OKR)
    (0.30, 0.0, 30.0),  # KPI: 30 − 35 < 0 → 0
    (0.60, 40.0, 60.0),  # KPI: 60 − 20
    (0.70, 55.0, 80.0),  # KPI: 70 − 15; OKR: 70 + 10
    (0.75, 62.5, 85.0),  # KPI: 75 − 12.5; OKR: 75 + 10
    (1.00, 100.0, 110.0),
    (1.30, 100.0, 130.0),  # KPI capped at 100%; OKR capped at 120% + 10
]


def _pair_scores(completions: list[float], policy: ScoringPolicy | None = None):
    rows = [{"kind": kind} for _ in completions for kind in ("kpi", "okr")]
    values = [100.0 * p for p in completions for _ in ("kpi", "okr")]
    frame = score_key_results(key_results(*rows), one_reading(values), None, policy)
    return frame["score"].to_numpy()[0::2], frame["score"].to_numpy()[1::2], frame


def test_golden_kpi_and_okr_points() -> None:
    kpi, okr, _ = _pair_scores([p for p, _, _ in GOLDEN])
    assert kpi.tolist() == pytest.approx([k for _, k, _ in GOLDEN])
    assert okr.tolist() == pytest.approx([o for _, _, o in GOLDEN])


def test_score_parts_add_up() -> None:
    _, _, frame = _pair_scores([0.75])
    kpi, okr = frame.iloc[0], frame.iloc[1]
    # KPI: base 75 − penalty 12.5 = 62.5; OKR: base 75 + bonus 10 = 85
    assert (kpi["base_points"], kpi["penalty"], kpi["bonus"]) == pytest.approx((75, 12.5, 0))
    assert (okr["base_points"], okr["penalty"], okr["bonus"]) == pytest.approx((75, 0, 10))
    assert (kpi["score_rule"], okr["score_rule"]) == ("kpi_penalty", "okr_bonus")


def test_okr_below_bonus_threshold_is_not_penalised() -> None:
    _, okr, frame = _pair_scores([0.6])
    assert okr[0] == pytest.approx(60.0)
    assert frame.iloc[1]["score_rule"] == "okr"
    assert frame.iloc[1]["penalty"] == 0.0


def test_okr_never_below_kpi_on_a_grid() -> None:
    grid = list(np.linspace(0.0, 1.5, 31))
    for policy in (ScoringPolicy(), ScoringPolicy(okr_cap=0.5, okr_bonus_points=0.0)):
        kpi, okr, _ = _pair_scores(grid, policy)
        assert (okr >= kpi - 1e-9).all()


def test_okr_falls_back_to_kpi_under_a_stingy_policy() -> None:
    # okr_cap 0.5 and no bonus: OKR rule = 50, KPI = 100 × (0.9 − 0.05) = 85 → 85
    policy = ScoringPolicy(okr_cap=0.5, okr_bonus_points=0.0)
    _, okr, frame = _pair_scores([0.9], policy)
    assert okr[0] == pytest.approx(85.0)
    assert frame.iloc[1]["score_rule"] == "okr_kpi_floor"


def test_kpi_pass_threshold_and_penalty_rate_are_configurable() -> None:
    # pass at 90%: P = 0.95 → no penalty → 95; P = 0.8 with rate 1: 80 − 10 = 70
    policy = ScoringPolicy(kpi_pass_threshold=0.9, kpi_penalty_rate=1.0)
    kpi, _, frame = _pair_scores([0.95, 0.8], policy)
    assert kpi.tolist() == pytest.approx([95.0, 70.0])
    assert frame.iloc[0]["score_rule"] == "kpi_met"


def test_invalid_policy_is_rejected() -> None:
    with pytest.raises(ValueError):
        ScoringPolicy(kpi_penalty_rate=-1.0)
    with pytest.raises(ValueError):
        ScoringPolicy(perspective_weights={"finance": 1.0})
