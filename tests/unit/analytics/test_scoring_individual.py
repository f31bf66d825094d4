"""Golden tests: individual evaluation, the four criteria, caps, the head cap.

Default weights: stance 20%, tasks 50%, initiatives 15%, learning 15%.
Stance points: level 5 → 100, 4 → 85, 3 → 70, 2 → 50, 1 → 0.
Initiative and learning points: 100 × min(1, points / 2).
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from scoring_frames import key_results, one_reading

from analytics.scoring import (
    IndividualPolicy,
    RatingPolicy,
    evaluate_collective,
    evaluate_individuals,
    score_payload,
    score_units,
)

NO_QUOTA = RatingPolicy(quotas={})


def _setup(person_actual: float = 80.0, unit_actual: float = 90.0):
    # unit U1: KPI 90/100 → 100 × (0.9 − 0.05) = 85; person P1: KPI 80/100 → 100 × (0.8 − 0.1) = 70
    rows = [
        {"owner_code": "U1"},
        {"task_id": 2, "owner_code": "P1", "owner_type": "person"},
    ]
    scores = score_units(key_results(*rows), one_reading([unit_actual, person_actual]))
    outside = pd.DataFrame(
        {
            "owner_code": ["U1", "P1", "H1"],
            "perspective": [None, None, None],
            "description": ["Việc phát sinh"] * 3,
            "score": [3.0, 4.0, 2.0],
        }
    )
    # collective U1: 85 + 3 = 88 → "tốt" (alone: 20% of 1 = 0 places, but it is not ≥ 90)
    collective = evaluate_collective(scores, outside)
    return scores, collective, outside


def _people(**columns) -> pd.DataFrame:
    base = {"person_code": ["P1"], "unit_code": ["U1"], "is_head": [False]}
    return pd.DataFrame({**base, **columns})


def test_four_criteria_for_a_staff_member() -> None:
    scores, collective, outside = _setup()
    people = _people(stance_level=[4], initiative_points=[1.0], learning_points=[3.0])
    row = evaluate_individuals(people, scores, collective, outside).people.iloc[0]
    # tasks = own plan 70 + own outside 4 = 74; stance 85; initiatives 50; learning 100 (capped)
    assert (row["stance"], row["tasks"], row["initiatives"], row["learning"]) == pytest.approx(
        (85.0, 74.0, 50.0, 100.0)
    )
    # 0.2 × 85 + 0.5 × 74 + 0.15 × 50 + 0.15 × 100 = 17 + 37 + 7.5 + 15 = 76.5 → "tốt"
    assert row["total"] == pytest.approx(76.5)
    assert row["rating"] == "tot"
    assert row["plan_source"] == "own"


def test_missing_stance_spreads_its_weight() -> None:
    # quarterly review, no stance: (0.5 × 74 + 0.15 × 50 + 0.15 × 100) / 0.8 = 59.5 / 0.8 = 74.375
    scores, collective, outside = _setup()
    people = _people(initiative_points=[1.0], learning_points=[3.0])
    row = evaluate_individuals(people, scores, collective, outside).people.iloc[0]
    assert math.isnan(row["stance"])
    assert row["total"] == pytest.approx(74.375)
    assert row["rating"] == "hoan_thanh"


def test_custom_criterion_weights() -> None:
    # tasks only: total = tasks = 74
    scores, collective, outside = _setup()
    policy = IndividualPolicy(weights={"tasks": 1.0})
    row = evaluate_individuals(_people(stance_level=[5]), scores, collective, outside, policy)
    assert row.people["total"].iloc[0] == pytest.approx(74.0)


def test_person_without_plan_is_unrated() -> None:
    scores, collective, outside = _setup()
    people = pd.DataFrame({"person_code": ["P9"], "unit_code": ["U1"], "is_head": [False]})
    row = evaluate_individuals(people, scores, collective, outside).to_rows()[0]
    assert row["total"] is None
    assert row["rating"] is None


def _head(**extra) -> pd.DataFrame:
    columns = {
        "person_code": ["H1"],
        "unit_code": ["U1"],
        "is_head": [True],
        "stance_level": [5],
        "initiative_points": [2.0],
        "learning_points": [2.0],
    }
    return pd.DataFrame({**columns, **extra})


def test_head_uses_unit_plan_and_is_capped_by_collective_rating() -> None:
    scores, collective, outside = _setup()
    policy = IndividualPolicy(rating=NO_QUOTA)
    row = evaluate_individuals(_head(), scores, collective, outside, policy).people.iloc[0]
    # tasks = unit plan 85 + min(10, unit outside 3 + own 2) = 90
    assert row["plan_source"] == "unit"
    assert row["tasks"] == pytest.approx(90.0)
    # 0.2 × 100 + 0.5 × 90 + 0.15 × 100 + 0.15 × 100 = 95 → "xuất sắc" by points,
    # but the unit is "tốt" and a head may not be above it → "tốt"
    assert row["total"] == pytest.approx(95.0)
    assert row["base_rating"] == "xuat_sac"
    assert row["unit_rating"] == "tot"
    assert row["rating"] == "tot"
    assert bool(row["head_capped"])


def test_head_cap_one_level_above_or_off() -> None:
    scores, collective, outside = _setup()
    for levels in (1, None):
        policy = IndividualPolicy(head_cap_levels_above=levels, rating=NO_QUOTA)
        row = evaluate_individuals(_head(), scores, collective, outside, policy).people.iloc[0]
        assert row["rating"] == "xuat_sac"
        assert not row["head_capped"]


def test_head_cap_does_not_touch_staff() -> None:
    # a staff member with 95 points in a "tốt" unit stays "xuất sắc"
    scores, collective, outside = _setup(person_actual=100.0)
    people = _people(stance_level=[5], initiative_points=[2.0], learning_points=[2.0])
    policy = IndividualPolicy(rating=NO_QUOTA)
    row = evaluate_individuals(people, scores, collective, outside, policy).people.iloc[0]
    # tasks = min(100, 100 + 4) = 100 → total 100
    assert row["total"] == pytest.approx(100.0)
    assert row["rating"] == "xuat_sac"


def test_stance_level_caps_rating() -> None:
    scores, collective, outside = _setup(person_actual=100.0)
    policy = IndividualPolicy(rating=NO_QUOTA)
    people = pd.DataFrame(
        {
            "person_code": ["P1", "P1"],
            "unit_code": ["U1", "U1"],
            "is_head": [False, False],
            "stance_level": [2, 1],
            "initiative_points": [2.0, 2.0],
            "learning_points": [2.0, 2.0],
        }
    )
    frame = evaluate_individuals(people, scores, collective, outside, policy).people
    # level 2: 0.2 × 50 + 0.8 × 100 = 90 → "xuất sắc" by points → capped "hoàn thành"
    # level 1: 0.2 × 0 + 0.8 × 100 = 80 → "tốt" by points → capped "không hoàn thành"
    assert frame["total"].tolist() == pytest.approx([90.0, 80.0])
    assert frame["base_rating"].tolist() == ["xuat_sac", "tot"]
    assert frame["rating"].tolist() == ["hoan_thanh", "khong_hoan_thanh"]
    assert frame["stance_capped"].tolist() == [True, True]


def test_individual_quota_within_unit() -> None:
    # five people of U1 with the same plan score 100 → all "xuất sắc" by points;
    # 20% of 5 = 1 keeps it (highest total, then code): P2 has more initiative points
    rows = [{"owner_code": "U1"}] + [
        {"task_id": i + 2, "owner_code": f"P{i}", "owner_type": "person"} for i in range(5)
    ]
    scores = score_units(key_results(*rows), one_reading([90.0] + [100.0] * 5))
    collective = evaluate_collective(scores)
    people = pd.DataFrame(
        {
            "person_code": [f"P{i}" for i in range(5)],
            "unit_code": ["U1"] * 5,
            "is_head": [False] * 5,
            "stance_level": [5] * 5,
            "initiative_points": [1.0, 1.0, 2.0, 1.0, 1.0],
            "learning_points": [2.0] * 5,
        }
    )
    frame = evaluate_individuals(people, scores, collective).people.set_index("code")
    # P2: 20 + 50 + 15 + 15 = 100; others: 20 + 50 + 7.5 + 15 = 92.5
    assert frame.loc["P2", "total"] == pytest.approx(100.0)
    assert frame.loc["P0", "total"] == pytest.approx(92.5)
    assert (frame["rating"] == "xuat_sac").sum() == 1
    assert frame.loc["P2", "rating"] == "xuat_sac"
    assert frame["quota_downgraded"].sum() == 4


def test_stance_level_from_indicators() -> None:
    # assessment 85 → level 4; others at level 5 → 4 → 85 points
    scores, collective, outside = _setup()
    people = _people(assessment_pct=[85.0], study_pct=[100.0], contributions=[3], trust_pct=[95.0])
    row = evaluate_individuals(people, scores, collective, outside).people.iloc[0]
    assert row["stance_level"] == 4
    assert row["stance"] == pytest.approx(85.0)


def test_explain_and_payload() -> None:
    scores, collective, outside = _setup()
    people = pd.concat([_people(stance_level=[4]), _head()], ignore_index=True)
    result = evaluate_individuals(people, scores, collective, outside)
    text = result.explain("H1")
    assert "người đứng đầu H1" in text
    assert "kế hoạch của đơn vị 85 điểm" in text
    assert "Người đứng đầu không được xếp cao hơn" in text
    payload = score_payload(collective, result, period="2025", as_of="2025-12-31")
    unit = payload["units"][0]
    assert set(unit) >= {"code", "total", "rating", "perspectives"}
    assert set(unit["perspectives"]) == {"service", "budget", "process", "learning"}
    assert unit["rating"] == "tot"
    head = next(p for p in payload["people"] if p["code"] == "H1")
    assert head["capped_by"] == ["head_cap"]
    assert set(head["criteria"]) == {"stance", "tasks", "initiatives", "learning"}
    assert payload["period"] == "2025"
