"""The heatmap's area (lĩnh vực) filter: options, matching, re-scored cells and ranking."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics.dashboard import (
    area_options,
    in_area,
    light_key_results,
    ranking,
    restrict_to_area,
    unit_heatmap,
)
from analytics.scoring import ScoreResult, score_units

AS_OF = "2025-07-01"  # elapsed ≈ 0.4986: pace = completion / 0.4986
PARTY_PROPAGANDA = "Xây dựng Đảng/Công tác tuyên truyền"
CULTURE = "Kinh tế – xã hội/Văn hóa – xã hội"
INVESTMENT = "Ngân sách/Đầu tư công"


def _frame() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two units over five areas; KPI points = 100 × max(0, 1.5c − 0.5)."""
    rows = [
        # kr_id, owner, perspective, task, area, actual (target 100), breakthrough
        (1, "A", "service", 10, PARTY_PROPAGANDA, 60.0, False),  # c .6 → 40 pts, green
        (2, "A", "service", 10, PARTY_PROPAGANDA, 50.0, False),  # c .5 → 25 pts, green
        (3, "A", "service", 11, CULTURE, 10.0, False),  # c .1 → 0 pts, red
        (4, "A", "budget", 12, INVESTMENT, 42.0, False),  # c .42 → 13 pts, yellow
        (5, "A", "learning", 13, PARTY_PROPAGANDA, 0.0, True),  # breakthrough: apart
        (6, "B", "budget", 20, " Ngân sách / Đầu tư công ", 5.0, False),  # 0 pts, red
        (7, "B", "service", 21, "Xây dựng Đảng/Tổ chức đảng", 90.0, False),  # 85 pts, green
        (8, "B", "process", 22, "Cải cách hành chính", np.nan, False),  # no data
        (9, "B", "process", 23, "", 50.0, False),  # no area: only in the unfiltered view
    ]
    krs = pd.DataFrame(
        {
            "kr_id": [r[0] for r in rows],
            "kr_code": [f"K{r[0]}" for r in rows],
            "task_id": [r[3] for r in rows],
            "task_code": [f"T{r[3]}" for r in rows],
            "plan_id": [1 if r[1] == "A" else 2 for r in rows],
            "owner_code": [r[1] for r in rows],
            "owner_name": ["Xã A" if r[1] == "A" else "Phường B" for r in rows],
            "owner_unit_kind": ["commune" if r[1] == "A" else "ward" for r in rows],
            "owner_type": "unit",
            "perspective": [r[2] for r in rows],
            "area": [r[4] for r in rows],
            "kind": "kpi",
            "breakthrough": [r[6] for r in rows],
            "direction": ["milestone" if r[6] else "increase" for r in rows],
            "baseline": np.nan,
            "target": 100.0,
            "weight": np.nan,
            "task_weight": np.nan,
            "unit": "%",
            "title": "Mục tiêu",
            "task_title": "Nhiệm vụ",
            "period_start": pd.Timestamp("2025-01-01"),
            "period_end": pd.Timestamp("2025-12-31"),
        }
    )
    checkins = pd.DataFrame(
        {
            "kr_id": [r[0] for r in rows if not np.isnan(r[5])],
            "date": pd.Timestamp("2025-07-01"),
            "value": [r[5] for r in rows if not np.isnan(r[5])],
        }
    )
    return krs, checkins


def _lit() -> tuple[pd.DataFrame, ScoreResult]:
    krs, checkins = _frame()
    scores = score_units(krs, checkins)
    return light_key_results(scores, AS_OF), scores


def test_options_come_from_the_data_parents_first() -> None:
    krs, _ = _frame()
    assert area_options(krs["area"]) == [
        "Cải cách hành chính",
        "Kinh tế – xã hội",
        "Kinh tế – xã hội/Văn hóa – xã hội",
        "Ngân sách",
        "Ngân sách/Đầu tư công",
        "Xây dựng Đảng",
        "Xây dựng Đảng/Công tác tuyên truyền",
        "Xây dựng Đảng/Tổ chức đảng",
    ]
    assert area_options(pd.Series([], dtype=object)) == []


def test_matching_takes_sub_areas_and_whole_parts_only() -> None:
    krs, _ = _frame()
    assert list(krs.loc[in_area(krs["area"], "Xây dựng Đảng"), "kr_id"]) == [1, 2, 5, 7]
    assert list(krs.loc[in_area(krs["area"], INVESTMENT), "kr_id"]) == [4, 6]  # spaces trimmed
    assert not in_area(krs["area"], "Kinh tế").any()  # not a prefix of "Kinh tế – xã hội"
    assert not in_area(krs["area"], "Xây dựng").any()
    assert in_area(krs["area"], "").all()


def test_party_building_cells_and_ranking_are_re_scored() -> None:
    lit, scores = _lit()
    kept, rescored = restrict_to_area(lit, scores, "Xây dựng Đảng")
    heat = unit_heatmap(kept, rescored, kept).set_index("owner_code")
    a, b = heat.loc["A"], heat.loc["B"]
    # A: task T10 = (40 + 25) / 2 = 32.5 is its only scored task; K5 is a breakthrough.
    assert a["service_score"] == pytest.approx(32.5) and a["total"] == pytest.approx(32.5)
    assert a["service_health"] == 1.0 and a["service_light"] == "green"
    assert a["budget_light"] == "none" and np.isnan(a["budget_score"])
    assert (a["n_key_results"], a["n_green"], a["n_red"], a["n_breakthrough"]) == (2, 2, 0, 1)
    # B: only K7 (85 points); its red budget item is another area.
    assert b["total"] == pytest.approx(85.0) and b["n_red"] == 0 and b["light"] == "green"
    assert list(ranking(heat.reset_index())["owner_code"]) == ["B", "A"]
    assert list(ranking(heat.reset_index())["rank"]) == [1, 2]


def test_unfiltered_ranking_differs_and_units_without_the_area_drop_out() -> None:
    lit, scores = _lit()
    whole = unit_heatmap(lit, scores, lit).set_index("owner_code")
    # A: service (32.5 + 0) / 2 = 16.25, budget 13 → (16.25 + 13) / 2 = 14.625.
    assert whole.loc["A", "total"] == pytest.approx(14.625)
    kept, rescored = restrict_to_area(lit, scores, CULTURE)
    heat = unit_heatmap(kept, rescored, kept)
    assert list(heat["owner_code"]) == ["A"]
    row = heat.iloc[0]
    assert (row["service_light"], row["service_health"], row["total"]) == ("red", 0.0, 0.0)
    assert row["n_red"] == 1 and row["rank"] == 1


def test_the_empty_area_reproduces_the_original_scores() -> None:
    lit, scores = _lit()
    kept, rescored = restrict_to_area(lit, scores, "")
    assert len(kept) == len(lit)
    pd.testing.assert_frame_equal(rescored.owners, scores.owners)
    pd.testing.assert_series_equal(
        rescored.key_results["score"],
        scores.key_results["score"],
    )
    nothing, empty = restrict_to_area(lit, scores, "Quốc phòng – an ninh")
    assert nothing.empty and unit_heatmap(nothing, empty, nothing).empty
