"""3T and consistency rules: one passing and one failing case each."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analytics.plan_checks import (
    ERROR,
    WARNING,
    CheckPolicy,
    check_plans,
    has_errors,
    identical_target_anomalies,
)

PERSPECTIVES = ("service", "budget", "process", "learning")


def _tasks(**overrides: Any) -> pd.DataFrame:
    rows = [
        {
            "plan_id": 1,
            "task_code": f"T{i}",
            "task_title": f"Nhiệm vụ {i}",
            "perspective": p,
            "task_weight": None,
        }
        for i, p in enumerate(PERSPECTIVES, start=1)
    ]
    return pd.DataFrame(rows)


def _kr(**overrides: Any) -> dict[str, Any]:
    row = {
        "plan_id": 1,
        "task_code": "T1",
        "kr_code": "K1",
        "title": "Tổ chức hội nghị quán triệt nghị quyết",
        "unit": "hội nghị",
        "target": 6.0,
        "baseline": 0.0,
        "direction": "increase",
        "breakthrough": False,
        "weight": None,
        "last_year_actual": 5.0,
        "metric_code": None,
        "status": "active",
    }
    row.update(overrides)
    return row


def _good_krs() -> list[dict[str, Any]]:
    return [_kr(task_code=f"T{i}", kr_code=f"K{i}", title=f"Mục tiêu số {i}") for i in range(1, 5)]


def _codes(tasks: pd.DataFrame, krs: list[dict[str, Any]], **policy: Any) -> list[str]:
    return [f.code for f in check_plans(tasks, pd.DataFrame(krs), CheckPolicy(**policy))]


def test_a_balanced_measurable_plan_passes() -> None:
    assert _codes(_tasks(), _good_krs()) == []


def test_measurable_needs_a_unit() -> None:
    krs = _good_krs()
    krs[0]["unit"] = " "
    findings = check_plans(_tasks(), pd.DataFrame(krs))
    assert [f.code for f in findings] == ["T3_MEASURABLE_UNIT"]
    assert findings[0].severity == ERROR and findings[0].kr_code == "K1"
    assert "đơn vị tính" in findings[0].message
    assert has_errors(findings)


def test_milestones_need_no_unit() -> None:
    krs = _good_krs()
    krs[0].update(unit="", direction="milestone", target=1.0, last_year_actual=None)
    assert _codes(_tasks(), krs) == []


def test_measurable_needs_a_target() -> None:
    krs = _good_krs()
    krs[1]["target"] = None
    assert _codes(_tasks(), krs) == ["T3_MEASURABLE_TARGET"]


def test_feasible_percent_cannot_exceed_100() -> None:
    krs = _good_krs()
    krs[0].update(unit="%", target=120.0, last_year_actual=90.0)
    assert _codes(_tasks(), krs) == ["T3_FEASIBLE_PERCENT"]
    krs[0]["target"] = 100.0
    assert _codes(_tasks(), krs) == []


def test_feasible_negative_target() -> None:
    krs = _good_krs()
    krs[0].update(target=-1.0, direction="decrease", last_year_actual=None)
    assert _codes(_tasks(), krs) == ["T3_FEASIBLE_NEGATIVE"]


def test_feasible_flags_a_jump_over_last_year() -> None:
    krs = _good_krs()
    krs[0].update(target=16.0, last_year_actual=5.0)
    findings = check_plans(_tasks(), pd.DataFrame(krs))
    assert [f.code for f in findings] == ["T3_FEASIBLE_JUMP"]
    assert "3,2 lần" in findings[0].message and findings[0].severity == WARNING
    krs[0]["target"] = 10.0  # exactly twice is still feasible
    assert _codes(_tasks(), krs) == []


def test_feasible_uses_the_baseline_without_last_year() -> None:
    krs = _good_krs()
    krs[0].update(target=30.0, baseline=10.0, last_year_actual=None)
    assert "điểm xuất phát" in check_plans(_tasks(), pd.DataFrame(krs))[0].message


def test_challenging_target_below_last_year() -> None:
    krs = _good_krs()
    krs[0].update(target=4.0, last_year_actual=5.0)
    findings = check_plans(_tasks(), pd.DataFrame(krs))
    assert [f.code for f in findings] == ["T3_CHALLENGING"]
    assert "thấp hơn" in findings[0].message


def test_challenging_for_decrease_is_better() -> None:
    krs = _good_krs()
    krs[0].update(direction="decrease", target=3.0, last_year_actual=2.0)
    assert _codes(_tasks(), krs) == ["T3_CHALLENGING"]
    krs[0]["target"] = 1.0
    assert _codes(_tasks(), krs) == []


def test_more_than_five_krs_on_a_task() -> None:
    krs = _good_krs() + [_kr(kr_code=f"X{i}", title=f"Phụ {i}") for i in range(5)]
    assert "TOO_MANY_KRS" in _codes(_tasks(), krs)
    assert "TOO_MANY_KRS" not in _codes(_tasks(), krs[:-1])


def test_retired_krs_do_not_count() -> None:
    krs = _good_krs() + [_kr(kr_code=f"X{i}", title=f"Phụ {i}", status="retired") for i in range(5)]
    assert _codes(_tasks(), krs) == []


def test_task_without_kr() -> None:
    assert _codes(_tasks(), _good_krs()[:3]) == ["NO_KR"]


def test_perspective_with_no_task() -> None:
    tasks = _tasks().iloc[:3]
    findings = check_plans(tasks, pd.DataFrame(_good_krs()[:3]))
    assert [f.code for f in findings] == ["PERSPECTIVE_EMPTY"]
    assert "Học hỏi và phát triển" in findings[0].message


def test_breakthrough_share_above_40_percent() -> None:
    krs = _good_krs()
    krs[0]["breakthrough"] = True
    assert _codes(_tasks(), krs) == []  # 25%
    krs[1]["breakthrough"] = True
    assert _codes(_tasks(), krs) == ["BREAKTHROUGH_SHARE"]  # 50%


def test_duplicated_krs_are_found_without_accents() -> None:
    krs = _good_krs()
    krs[1]["title"] = "muc tieu so 1"
    findings = check_plans(_tasks(), pd.DataFrame(krs))
    assert [(f.code, f.kr_code) for f in findings] == [("DUPLICATE_KR", "K2")]


def test_same_title_in_two_plans_is_not_a_duplicate() -> None:
    tasks = pd.concat([_tasks(), _tasks().assign(plan_id=2)])
    krs = _good_krs() + [dict(k, plan_id=2) for k in _good_krs()]
    assert _codes(tasks, krs) == []


def test_kr_weights_must_add_up() -> None:
    krs = [*_good_krs(), _kr(kr_code="K5", title="Khác")]
    krs[0]["weight"], krs[4]["weight"] = 60.0, 40.0
    assert _codes(_tasks(), krs) == []
    krs[4]["weight"] = 30.0
    assert _codes(_tasks(), krs) == ["KR_WEIGHTS_SUM"]
    krs[4]["weight"] = None
    assert _codes(_tasks(), krs) == ["KR_WEIGHTS_PARTIAL"]


def test_task_weights_must_add_up() -> None:
    tasks = _tasks().assign(task_weight=[25, 25, 25, 25])
    assert _codes(tasks, _good_krs()) == []
    tasks = _tasks().assign(task_weight=[25, 25, 25, 20])
    assert _codes(tasks, _good_krs()) == ["TASK_WEIGHTS_SUM"]


def test_identical_targets_across_different_units() -> None:
    krs = [
        _kr(
            plan_id=p,
            kr_code=f"K{p}",
            metric_code="XDD.DANGVIEN.MOI",
            target=10.0,
            baseline=b,
            last_year_actual=None,
        )
        for p, b in ((1, 2.0), (2, 8.0), (3, 30.0))
    ]
    found = identical_target_anomalies(pd.DataFrame(krs))
    assert sorted(f.plan_id for f in found) == [1, 2, 3]
    assert "giống hệt 2 đơn vị" in found[0].message
    krs[0]["baseline"], krs[2]["baseline"] = (
        4.0,
        5.0,
    )  # similar starting points: copying is plausible
    assert identical_target_anomalies(pd.DataFrame(krs)) == []
