"""Golden tests: completion rules per direction, zero targets, caps, latest reading.

Default policy: KPI cap 100%, OKR cap 120%, KPI penalty 0.5 × shortfall below
100%, OKR bonus +10 from 70%. KPI points = 100 × max(0, c − 0.5 × (1 − c)).
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from scoring_frames import checkins, key_results, one_reading

from analytics.scoring import ScoringPolicy, score_key_results


def _score(rows: list[dict], values: list[float], policy: ScoringPolicy | None = None):
    return score_key_results(key_results(*rows), one_reading(values), "2025-12-31", policy)


def test_increase_ratio_below_target() -> None:
    # P = 45 / 60 = 0.75; KPI = 100 × (0.75 − 0.5 × 0.25) = 75 − 12.5 = 62.5
    kr = _score([{"target": 60.0}], [45.0]).iloc[0]
    assert kr["completion"] == pytest.approx(0.75)
    assert kr["completion_rule"] == "increase_ratio"
    assert kr["score"] == pytest.approx(62.5)
    assert kr["penalty"] == pytest.approx(12.5)
    assert kr["score_rule"] == "kpi_penalty"


def test_increase_above_target_is_capped_for_kpi() -> None:
    # P = 72 / 60 = 1.2 raw; KPI cap 1.0 → 100 points, no bonus for over-delivery
    kr = _score([{"target": 60.0}], [72.0]).iloc[0]
    assert kr["completion"] == pytest.approx(1.2)
    assert kr["completion_capped"] == pytest.approx(1.0)
    assert kr["score"] == pytest.approx(100.0)
    assert kr["score_rule"] == "kpi_met"


def test_okr_cap_is_120_percent() -> None:
    # P = 75 / 50 = 1.5 raw; OKR cap 1.2 → 100 × 1.2 + bonus 10 = 130
    kr = _score([{"target": 50.0, "kind": "okr"}], [75.0]).iloc[0]
    assert kr["completion"] == pytest.approx(1.5)
    assert kr["completion_capped"] == pytest.approx(1.2)
    assert kr["score"] == pytest.approx(130.0)


def test_custom_caps() -> None:
    # KPI cap 1.1: P = 1.5 → 110; OKR cap 1.0: 100 + 10 = 110
    policy = ScoringPolicy(kpi_cap=1.1, okr_cap=1.0)
    frame = _score([{"target": 50.0}, {"target": 50.0, "kind": "okr"}], [75.0, 75.0], policy)
    assert frame["score"].tolist() == pytest.approx([110.0, 110.0])


def test_decrease_positive_target_missed() -> None:
    # P = target / actual = 5 / 8 = 0.625; KPI = 100 × (0.625 − 0.5 × 0.375) = 43.75
    kr = _score([{"direction": "decrease", "target": 5.0}], [8.0]).iloc[0]
    assert kr["completion"] == pytest.approx(0.625)
    assert kr["completion_rule"] == "decrease_ratio"
    assert kr["score"] == pytest.approx(43.75)


def test_decrease_positive_target_met() -> None:
    # P = 5 / 4 = 1.25 → capped 1.0 → 100
    kr = _score([{"direction": "decrease", "target": 5.0}], [4.0]).iloc[0]
    assert kr["completion"] == pytest.approx(1.25)
    assert kr["score"] == pytest.approx(100.0)


def test_decrease_actual_zero_with_positive_target_is_best() -> None:
    # no ratio (5 / 0): best possible → highest cap 1.2; KPI 100, OKR 120 + 10 = 130
    frame = _score(
        [
            {"direction": "decrease", "target": 5.0},
            {"direction": "decrease", "target": 5.0, "kind": "okr"},
        ],
        [0.0, 0.0],
    )
    assert set(frame["completion_rule"]) == {"decrease_ratio_zero"}
    assert frame["score"].tolist() == pytest.approx([100.0, 130.0])


def test_decrease_zero_target_met() -> None:
    # "no overdue construction debt": target 0, actual 0 → 100%
    kr = _score([{"direction": "decrease", "target": 0.0, "baseline": 12.0}], [0.0]).iloc[0]
    assert kr["completion_rule"] == "decrease_zero_met"
    assert kr["completion"] == pytest.approx(1.0)
    assert kr["score"] == pytest.approx(100.0)


def test_decrease_zero_target_missed_with_baseline() -> None:
    # P = 1 − actual / baseline = 1 − 4 / 10 = 0.6; KPI = 100 × (0.6 − 0.5 × 0.4) = 40
    kr = _score([{"direction": "decrease", "target": 0.0, "baseline": 10.0}], [4.0]).iloc[0]
    assert kr["completion_rule"] == "decrease_zero_baseline"
    assert kr["completion"] == pytest.approx(0.6)
    assert kr["score"] == pytest.approx(40.0)


def test_decrease_zero_target_missed_without_baseline() -> None:
    # no ratio and no starting point: missed = 0%
    kr = _score([{"direction": "decrease", "target": 0.0}], [3.0]).iloc[0]
    assert kr["completion_rule"] == "decrease_zero_missed"
    assert kr["completion"] == 0.0
    assert kr["score"] == 0.0


def test_decrease_zero_target_worse_than_baseline_is_zero() -> None:
    # 1 − 12 / 10 = −0.2 → floored at 0
    kr = _score([{"direction": "decrease", "target": 0.0, "baseline": 10.0}], [12.0]).iloc[0]
    assert kr["completion"] == 0.0


def test_decrease_zero_target_is_monotone() -> None:
    # less debt never scores lower: actual 0, 2, 5, 8, 10 with baseline 10
    values = [0.0, 2.0, 5.0, 8.0, 10.0]
    rows = [{"direction": "decrease", "target": 0.0, "baseline": 10.0}] * len(values)
    scores = _score(rows, values)["completion"].to_numpy()
    assert scores.tolist() == pytest.approx([1.0, 0.8, 0.5, 0.2, 0.0])
    assert (np.diff(scores) <= 0).all()


def test_milestone_done_and_not_done() -> None:
    # value ≥ 1 → 100%; 0.5 and 0 → 0%
    rows = [{"direction": "milestone", "target": 1.0}] * 3
    frame = _score(rows, [1.0, 0.5, 0.0])
    assert frame["completion"].tolist() == [1.0, 0.0, 0.0]
    assert frame["score"].tolist() == [100.0, 0.0, 0.0]
    assert set(frame["completion_rule"]) == {"milestone"}


def test_increase_non_positive_target_is_threshold() -> None:
    # target 0: reached when actual ≥ 0
    rows = [{"target": 0.0}, {"target": 0.0}]
    frame = _score(rows, [2.0, -1.0])
    assert frame["completion"].tolist() == [1.0, 0.0]
    assert set(frame["completion_rule"]) == {"increase_threshold"}


def test_baseline_rule_when_enabled() -> None:
    policy = ScoringPolicy(use_baseline=True)
    rows = [
        # (45 − 40) / (60 − 40) = 0.25; KPI = 100 × max(0, 0.25 − 0.375) = 0
        {"target": 60.0, "baseline": 40.0},
        # baseline above an increase target is unusable → ratio 45 / 60 = 0.75
        {"target": 60.0, "baseline": 70.0},
        # (20 − 14) / (20 − 10) = 0.6
        {"direction": "decrease", "target": 10.0, "baseline": 20.0},
    ]
    frame = _score(rows, [45.0, 45.0, 14.0], policy)
    assert frame["completion"].tolist() == pytest.approx([0.25, 0.75, 0.6])
    assert frame["completion_rule"].tolist() == [
        "increase_baseline",
        "increase_ratio",
        "decrease_baseline",
    ]
    assert frame["score"].iloc[0] == 0.0


def test_baseline_ignored_by_default() -> None:
    # Phụ lục 4: P = actual / target = 45 / 60, whatever the baseline
    kr = _score([{"target": 60.0, "baseline": 40.0}], [45.0]).iloc[0]
    assert kr["completion"] == pytest.approx(0.75)


def test_no_data_and_no_target_score_zero() -> None:
    frame = score_key_results(
        key_results({"target": 60.0}, {"target": np.nan}),
        checkins((2, "2025-06-30", 10.0)),
        "2025-12-31",
    )
    assert frame["completion_rule"].tolist() == ["no_data", "no_target"]
    assert frame["score"].tolist() == [0.0, 0.0]
    assert math.isnan(frame["actual"].iloc[0])


def test_latest_checkin_on_or_before_as_of() -> None:
    readings = checkins(
        (1, "2025-07-31", 55.0),  # after a June as-of date
        (1, "2025-03-31", 20.0),
        (1, "2025-06-15", np.nan),  # a blank reading is ignored
        (1, "2025-06-30", 45.0),  # the as-of day itself counts
    )
    krs = key_results({"target": 60.0})

    def actual(as_of: str | None) -> float:
        return float(score_key_results(krs, readings, as_of)["actual"].iloc[0])

    assert actual("2025-06-30") == 45.0
    assert actual("2025-06-29") == 20.0
    assert actual(None) == 55.0
    assert math.isnan(actual("2025-01-01"))
    row = score_key_results(krs, readings, "2025-06-30").iloc[0]
    assert row["n_checkins"] == 2
    assert pd.Timestamp(row["actual_date"]) == pd.Timestamp("2025-06-30")


def test_same_day_readings_later_row_wins() -> None:
    readings = checkins((1, "2025-06-30", 40.0), (1, "2025-06-30", 45.0))
    frame = score_key_results(key_results({"target": 60.0}), readings, "2025-06-30")
    assert frame["actual"].iloc[0] == 45.0


def test_invalid_input_is_rejected() -> None:
    with pytest.raises(ValueError, match="direction"):
        score_key_results(key_results({"direction": "up"}), one_reading([1.0]))
    with pytest.raises(ValueError, match="missing"):
        score_key_results(key_results({}).drop(columns=["kind"]), one_reading([1.0]))
    with pytest.raises(ValueError, match="kr_id"):
        score_key_results(key_results({"kr_id": 1}, {"kr_id": 1}), one_reading([1.0]))
