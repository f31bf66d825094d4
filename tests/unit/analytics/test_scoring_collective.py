"""Golden tests: collective evaluation, outside-plan work, thresholds and quotas.

Most tests switch the KPI penalty off (rate 0) so that a unit's plan total equals
its single key result's actual value (target 100): total = 100 × actual / 100.
"""

from __future__ import annotations

import pandas as pd
import pytest
from scoring_frames import key_results, one_reading

from analytics.scoring import (
    CollectivePolicy,
    Rating,
    RatingPolicy,
    ScoringPolicy,
    evaluate_collective,
    score_units,
)

LINEAR = ScoringPolicy(kpi_penalty_rate=0.0)
TOTALS = [100.0, 98.0, 96.0, 94.0, 92.0, 90.0, 80.0, 70.0, 60.0, 40.0]


def _units(totals: list[float], codes: list[str] | None = None):
    codes = codes or [f"U{i:02d}" for i in range(len(totals))]
    rows = [{"owner_code": c, "task_id": i} for i, c in enumerate(codes)]
    return score_units(key_results(*rows), one_reading(totals), None, LINEAR)


def _outside(*rows: tuple[str, str | None, float]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"owner_code": o, "perspective": p, "description": "Việc phát sinh", "score": s}
         for o, p, s in rows]
    )  # fmt: skip


def test_outside_plan_work_is_added() -> None:
    # plan: KR 75/100 with the default penalty → 62.5; outside 3 + 4 = 7
    # total = min(100, 62.5 + min(10, 7)) = 69.5 → "Hoàn thành nhiệm vụ"
    scores = score_units(key_results({}), one_reading([75.0]))
    outside = _outside(("U1", "service", 3.0), ("U1", None, 4.0), ("U2", None, 9.0))
    unit = evaluate_collective(scores, outside).units.iloc[0]
    assert unit["plan_total"] == pytest.approx(62.5)
    assert unit["outside_points"] == pytest.approx(7.0)
    assert unit["outside_service"] == pytest.approx(3.0)
    assert unit["outside_general"] == pytest.approx(4.0)
    assert unit["total"] == pytest.approx(69.5)
    assert unit["rating"] == Rating.HOAN_THANH.value


def test_outside_plan_work_is_capped() -> None:
    # 8 + 5 = 13 → capped at 10: 62.5 + 10 = 72.5; with cap 20: 62.5 + 13 = 75.5 → "tốt"
    scores = score_units(key_results({}), one_reading([75.0]))
    outside = _outside(("U1", "budget", 8.0), ("U1", "process", 5.0))
    assert evaluate_collective(scores, outside).units["total"].iloc[0] == pytest.approx(72.5)
    wide = evaluate_collective(scores, outside, CollectivePolicy(outside_work_cap=20.0))
    assert wide.units["total"].iloc[0] == pytest.approx(75.5)
    assert wide.units["rating"].iloc[0] == "tot"


def test_total_is_capped_at_100() -> None:
    # OKR 100% → 110 points; + 5 outside → min(100, 115) = 100
    scores = score_units(key_results({"kind": "okr"}), one_reading([100.0]))
    result = evaluate_collective(scores, _outside(("U1", None, 5.0)))
    assert result.units["plan_total"].iloc[0] == pytest.approx(110.0)
    assert result.units["total"].iloc[0] == pytest.approx(100.0)


@pytest.mark.parametrize(
    ("total", "rating"),
    [(90.0, "xuat_sac"), (89.9, "tot"), (75.0, "tot"), (74.9, "hoan_thanh"),
     (50.0, "hoan_thanh"), (49.9, "khong_hoan_thanh")],
)  # fmt: skip
def test_thresholds(total: float, rating: str) -> None:
    no_quota = CollectivePolicy(rating=RatingPolicy(quotas={}))
    result = evaluate_collective(_units([total]), None, no_quota)
    assert result.units["rating"].iloc[0] == rating
    assert result.rating_of("U00") == Rating(rating)


def _counts(result) -> dict[str, int]:
    return result.units["rating"].value_counts().to_dict()


def test_quota_downgrades_by_ranking() -> None:
    # 6 units ≥ 90; 20% of 10 rated = 2 may stay "xuất sắc" (100, 98);
    # 96, 94, 92, 90 move to "tốt" → xs 2, tốt 5, hoàn thành 2, không 1
    result = evaluate_collective(_units(TOTALS))
    units = result.units
    assert units["rating"].tolist()[:6] == ["xuat_sac", "xuat_sac", "tot", "tot", "tot", "tot"]
    assert units["quota_downgraded"].tolist() == [False] * 2 + [True] * 4 + [False] * 4
    assert _counts(result) == {"xuat_sac": 2, "tot": 5, "hoan_thanh": 2, "khong_hoan_thanh": 1}
    assert "hạ một mức" in result.explain("U02")


def test_quota_off() -> None:
    result = evaluate_collective(
        _units(TOTALS), None, CollectivePolicy(rating=RatingPolicy(quotas={}))
    )
    assert _counts(result)["xuat_sac"] == 6


def test_quota_cascades_to_the_next_level() -> None:
    # xs ≤ 20% (2); tốt ≤ 30% (3): tốt holders 96, 94, 92, 90, 80 → 96, 94, 92 keep,
    # 90 and 80 → "hoàn thành" → xs 2, tốt 3, hoàn thành 4, không 1
    rating = RatingPolicy(quotas={Rating.XUAT_SAC: 0.2, Rating.TOT: 0.3})
    result = evaluate_collective(_units(TOTALS), None, CollectivePolicy(rating=rating))
    assert _counts(result) == {"xuat_sac": 2, "tot": 3, "hoan_thanh": 4, "khong_hoan_thanh": 1}


def test_quota_base_and_rounding() -> None:
    # base = rated "tốt" or better before quotas = 7 → 20% × 7 = 1.4
    # floor → 1 "xuất sắc"; ceil → 2
    floor = RatingPolicy(quota_base="at_least_tot")
    ceil = RatingPolicy(quota_base="at_least_tot", quota_rounding="ceil")
    assert (
        _counts(evaluate_collective(_units(TOTALS), None, CollectivePolicy(rating=floor)))[
            "xuat_sac"
        ]
        == 1
    )
    assert (
        _counts(evaluate_collective(_units(TOTALS), None, CollectivePolicy(rating=ceil)))[
            "xuat_sac"
        ]
        == 2
    )


def test_quota_ties_broken_by_code() -> None:
    # 5 units, 20% → 1 "xuất sắc"; "A" and "B" tie at 95 → "A" keeps it
    result = evaluate_collective(_units([95.0, 95.0, 80.0, 80.0, 80.0], ["B", "A", "C", "D", "E"]))
    ratings = result.units.set_index("code")["rating"]
    assert (ratings["A"], ratings["B"]) == ("xuat_sac", "tot")


def test_quota_groups() -> None:
    # two groups of 5 (communes, agencies), 20% each → one "xuất sắc" per group
    codes = [f"U{i:02d}" for i in range(10)]
    groups = {c: ("xa" if i < 5 else "so") for i, c in enumerate(codes)}
    totals = [99.0, 95.0, 91.0, 80.0, 70.0, 97.0, 93.0, 60.0, 60.0, 60.0]
    result = evaluate_collective(_units(totals, codes), None, groups=groups)
    best = result.units.loc[result.units["rating"] == "xuat_sac", "code"].tolist()
    assert best == ["U00", "U05"]


def test_unit_without_evaluated_items_is_unrated() -> None:
    scores = score_units(key_results({"breakthrough": True}), one_reading([100.0]))
    row = evaluate_collective(scores).to_rows()[0]
    assert row["rating"] is None
    assert row["rating_label"] == "Chưa đủ dữ liệu để xếp loại"


def test_people_are_not_units() -> None:
    rows = [{}, {"task_id": 2, "owner_code": "P1", "owner_type": "person"}]
    result = evaluate_collective(score_units(key_results(*rows), one_reading([75.0, 100.0])))
    assert result.units["code"].tolist() == ["U1"]


def test_explain_collective() -> None:
    scores = score_units(key_results({}), one_reading([75.0]))
    text = evaluate_collective(scores, _outside(("U1", "service", 3.0))).explain("U1")
    assert "Tổng điểm = min(100; 62,5 + 3) = 65,5 điểm." in text
    assert "Hoàn thành nhiệm vụ" in text
