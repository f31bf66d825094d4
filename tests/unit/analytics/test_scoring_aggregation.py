"""Golden tests: KR and task weights, perspectives, totals, breakthroughs, explanations.

Points used below (default policy, target 100): actual 75 → KPI 62.5;
actual 100 → 100; actual 60 → KPI 40; actual 0 → 0.
"""

from __future__ import annotations

import math

import pytest
from scoring_frames import key_results, one_reading

from analytics.scoring import ScoringPolicy, score_units


def test_task_score_is_weighted_mean_of_key_results() -> None:
    # (1 × 62.5 + 3 × 100) / (1 + 3) = 362.5 / 4 = 90.625
    result = score_units(key_results({"weight": 1.0}, {"weight": 3.0}), one_reading([75.0, 100.0]))
    assert result.tasks["score"].iloc[0] == pytest.approx(90.625)


def test_missing_kr_weights_mean_equal() -> None:
    # no weights: (62.5 + 100) / 2 = 81.25
    result = score_units(key_results({}, {}), one_reading([75.0, 100.0]))
    assert result.tasks["score"].iloc[0] == pytest.approx(81.25)


def test_missing_kr_weight_takes_mean_of_given_weights() -> None:
    # weights 1, 3, NaN → NaN = mean(1, 3) = 2
    # (1 × 40 + 3 × 100 + 2 × 62.5) / 6 = (40 + 300 + 125) / 6 = 77.5
    result = score_units(
        key_results({"weight": 1.0}, {"weight": 3.0}, {}), one_reading([60.0, 100.0, 75.0])
    )
    assert result.key_results["kr_weight"].tolist() == [1.0, 3.0, 2.0]
    assert result.tasks["score"].iloc[0] == pytest.approx(77.5)


def test_task_weights_inside_a_perspective() -> None:
    # tasks 62.5 (W 1) and 100 (W 3) in "service": (62.5 + 300) / 4 = 90.625
    result = score_units(
        key_results({"task_weight": 1.0}, {"task_id": 2, "task_weight": 3.0}),
        one_reading([75.0, 100.0]),
    )
    perspective = result.perspectives.set_index("perspective")["score"]
    assert perspective["service"] == pytest.approx(90.625)
    assert result.owners["total"].iloc[0] == pytest.approx(90.625)


def test_equal_perspective_weights_renormalised_over_present_perspectives() -> None:
    # service 62.5, budget 100; process and learning absent:
    # (0.25 × 62.5 + 0.25 × 100) / 0.5 = 81.25
    result = score_units(
        key_results({}, {"task_id": 2, "perspective": "budget", "task_weight": 3.0}),
        one_reading([75.0, 100.0]),
    )
    owner = result.owners.iloc[0]
    assert owner["service"] == pytest.approx(62.5)
    assert owner["budget"] == pytest.approx(100.0)
    assert math.isnan(owner["process"])
    assert owner["total"] == pytest.approx(81.25)


def test_custom_perspective_weights() -> None:
    # 0.4 × 62.5 + 0.3 × 100 + 0.2 × 40 + 0.1 × 0 = 25 + 30 + 8 + 0 = 63
    policy = ScoringPolicy(
        perspective_weights={"service": 0.4, "budget": 0.3, "process": 0.2, "learning": 0.1}
    )
    rows = [
        {"task_id": 1, "perspective": "service"},
        {"task_id": 2, "perspective": "budget"},
        {"task_id": 3, "perspective": "process"},
        {"task_id": 4, "perspective": "learning"},
    ]
    result = score_units(key_results(*rows), one_reading([75.0, 100.0, 60.0, 0.0]), None, policy)
    assert result.owners["total"].iloc[0] == pytest.approx(63.0)


def test_appendix4_task_weighted_total() -> None:
    # perspective_weights=None: Σ W × task / Σ W over the plan = (1 × 62.5 + 3 × 100) / 4
    policy = ScoringPolicy(perspective_weights=None)
    result = score_units(
        key_results({}, {"task_id": 2, "perspective": "budget", "task_weight": 3.0}),
        one_reading([75.0, 100.0]),
        None,
        policy,
    )
    # the first task's missing weight takes the mean of the given ones (3) → (3 × 62.5 + 3 × 100) / 6
    assert result.tasks["task_weight"].tolist() == [3.0, 3.0]
    assert result.owners["total"].iloc[0] == pytest.approx(81.25)
    explicit = score_units(
        key_results(
            {"task_weight": 1.0}, {"task_id": 2, "perspective": "budget", "task_weight": 3.0}
        ),
        one_reading([75.0, 100.0]),
        None,
        policy,
    )
    assert explicit.owners["total"].iloc[0] == pytest.approx(90.625)


def test_breakthrough_shown_but_excluded() -> None:
    # task 1: KR1 62.5 counts, KR2 breakthrough (0 points) does not → 62.5
    # task 2: only a breakthrough KR → not evaluated; "budget" has no score
    rows = [
        {},
        {"breakthrough": True, "kind": "okr"},
        {"task_id": 2, "perspective": "budget", "breakthrough": True},
    ]
    result = score_units(key_results(*rows), one_reading([75.0, 0.0, 100.0]))
    krs = result.key_results
    assert krs["excluded"].tolist() == [False, True, True]
    assert krs["score"].tolist() == pytest.approx([62.5, 0.0, 100.0])  # still shown
    assert result.tasks["score"].iloc[0] == pytest.approx(62.5)
    assert result.tasks["excluded"].tolist() == [False, True]
    owner = result.owners.iloc[0]
    assert math.isnan(owner["budget"])
    assert owner["total"] == pytest.approx(62.5)
    assert owner["n_excluded"] == 2


def test_owner_with_only_breakthroughs_has_no_total() -> None:
    result = score_units(key_results({"breakthrough": True}), one_reading([100.0]))
    assert math.isnan(result.owners["total"].iloc[0])
    assert result.to_rows()[0]["total"] is None


def test_owners_are_scored_separately() -> None:
    rows = [{}, {"task_id": 2, "owner_code": "P1", "owner_type": "person"}]
    result = score_units(key_results(*rows), one_reading([75.0, 100.0]))
    totals = result.owners.set_index("owner_code")["total"]
    assert totals["U1"] == pytest.approx(62.5)
    assert totals["P1"] == pytest.approx(100.0)


def test_explanations_quote_inputs_and_rule() -> None:
    rows = [
        {"target": 60.0, "unit": "tỷ đồng", "title": "Giải ngân vốn đầu tư công"},
        {"target": 60.0, "weight": 3.0},
    ]
    result = score_units(key_results(*rows), one_reading([45.0, 60.0]), "2025-12-31")
    text = result.explain("KR1")
    assert "Tỷ lệ hoàn thành = thực hiện 45 / mục tiêu 60 = 75%" in text
    assert "KPI chưa đạt" in text
    assert "62,5 điểm" in text
    assert "45 tỷ đồng (ngày 30/06/2025" in text
    task_text = result.explain_task(1)
    # missing weight takes the mean of the given ones (3): (3 × 62,5 + 3 × 100) / 6 = 81,25
    assert "(3 × 62,5 + 3 × 100) / 6 = 81,25 điểm" in task_text
    owner_text = result.explain_owner("U1")
    assert "Tổng điểm" in owner_text
    assert "chưa có nhiệm vụ được tính" in owner_text
    with pytest.raises(KeyError):
        result.explain("KR9")


def test_to_rows_shape() -> None:
    result = score_units(key_results({}), one_reading([75.0]))
    row = result.to_rows()[0]
    assert row["code"] == "U1"
    assert row["total"] == 62.5
    assert set(row["perspectives"]) == {"service", "budget", "process", "learning"}
