"""Dashboard aggregation: per-key-result lights, heatmap cells, ranking, trends (golden values)."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pandas as pd
import pytest

from analytics.dashboard import (
    HeatmapThresholds,
    elapsed_shares,
    key_result_lights,
    light_key_results,
    monthly_trend,
    radar_points,
    ranking,
    unit_heatmap,
)
from analytics.progress import elapsed_share, traffic_light
from analytics.scoring import score_units


def test_vectorised_lights_match_the_scalar_rule() -> None:
    directions = ["increase", "decrease", "milestone"]
    completions = [0.0, 0.3, 0.5, 0.79, 0.8, 0.95, 1.0, 1.4]
    elapsed = [0.0, 0.25, 0.5, 0.75, 0.9, 1.0]
    cases = list(itertools.product(directions, completions, elapsed))
    d = np.array([c[0] for c in cases], dtype=object)
    c = np.array([c[1] for c in cases])
    e = np.array([c[2] for c in cases])
    got = key_result_lights(d, c, np.ones(len(cases), dtype=bool), e)
    expected = [traffic_light(*case).value for case in cases]
    assert list(got) == expected


def test_no_data_is_none_whatever_the_completion() -> None:
    got = key_result_lights(
        np.array(["increase"]), np.array([0.0]), np.array([False]), np.array([0.5])
    )
    assert list(got) == ["none"]


def test_elapsed_shares_match_the_scalar_rule() -> None:
    start = pd.Series(pd.to_datetime(["2025-01-01", "2025-07-01", "2025-01-01"]))
    end = pd.Series(pd.to_datetime(["2025-12-31", "2025-09-30", "2025-03-31"]))
    as_of = pd.Timestamp("2025-06-30")
    got = elapsed_shares(start, end, as_of)
    expected = [
        elapsed_share(s.date(), e.date(), as_of.date()) for s, e in zip(start, end, strict=True)
    ]
    assert got == pytest.approx(expected)
    assert got[0] == pytest.approx(181 / 365)
    assert got[1] == 0.0 and got[2] == 1.0


def _frame() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two units; A: service 2 green + 1 red, budget 1 yellow, 1 breakthrough red; B: budget red."""
    rows = [
        # kr_id, owner, perspective, task, target, actual, breakthrough
        (1, "A", "service", 10, 100.0, 60.0, False),  # pace 1.2 → green
        (2, "A", "service", 10, 100.0, 50.0, False),  # pace 1.0 → green
        (3, "A", "service", 11, 100.0, 10.0, False),  # pace 0.2 → red
        (4, "A", "budget", 12, 100.0, 42.0, False),  # pace 0.84 → yellow
        (5, "A", "learning", 13, 1.0, 0.0, True),  # breakthrough (green): never in a cell
        (6, "B", "budget", 20, 100.0, 5.0, False),  # red
        (7, "B", "process", 21, 100.0, np.nan, False),  # no data
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
            "kind": "kpi",
            "breakthrough": [r[6] for r in rows],
            "direction": ["milestone" if r[6] else "increase" for r in rows],
            "baseline": np.nan,
            "target": [r[4] for r in rows],
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


AS_OF = "2025-07-01"  # elapsed = 182/365 ≈ 0.4986


def test_heatmap_cells_counts_and_order() -> None:
    krs, checkins = _frame()
    scores = score_units(krs, checkins)
    lit = light_key_results(scores, AS_OF)
    assert list(lit.sort_values("kr_id")["light"]) == [
        "green",
        "green",
        "red",
        "yellow",
        "green",  # milestone not done, half the year left
        "red",
        "none",
    ]
    heat = unit_heatmap(lit, scores, krs)
    assert list(heat["owner_code"]) == ["B", "A"]  # same reds (1): lower health first
    a = heat.set_index("owner_code").loc["A"]
    assert a["service_health"] == pytest.approx(2 / 3)
    assert a["service_light"] == "yellow"  # 0.667: ≥ 0.6, < 0.8
    assert a["budget_health"] == pytest.approx(0.5) and a["budget_light"] == "red"
    assert a["learning_light"] == "none"  # only a breakthrough item there
    assert (a["n_red"], a["n_green"], a["n_yellow"], a["n_breakthrough"]) == (1, 2, 1, 1)
    assert a["health"] == pytest.approx(2.5 / 4)
    b = heat.set_index("owner_code").loc["B"]
    assert b["budget_light"] == "red" and b["process_light"] == "none"
    assert b["n_none"] == 1 and b["health"] == 0.0
    assert a["service_score"] == pytest.approx(
        scores.owners.set_index("owner_code").loc["A", "service"]
    )


def test_thresholds_are_configurable() -> None:
    krs, checkins = _frame()
    scores = score_units(krs, checkins)
    lenient = HeatmapThresholds(green=0.6, yellow=0.4)
    heat = unit_heatmap(light_key_results(scores, AS_OF, lenient), scores, krs, lenient)
    a = heat.set_index("owner_code").loc["A"]
    assert a["service_light"] == "green" and a["budget_light"] == "yellow"
    with pytest.raises(ValueError):
        HeatmapThresholds(green=0.5, yellow=0.7)


def test_ranking_and_radar() -> None:
    krs, checkins = _frame()
    scores = score_units(krs, checkins)
    heat = unit_heatmap(light_key_results(scores, AS_OF), scores, krs)
    ranked = ranking(heat)
    assert list(ranked["owner_code"]) == ["A", "B"] and list(ranked["rank"]) == [1, 2]
    points = radar_points(ranked.iloc[0].to_dict())
    assert [p["perspective"] for p in points] == ["service", "budget", "process", "learning"]
    assert points[3]["score"] is None


def test_monthly_trend_takes_the_last_reading_of_each_month() -> None:
    checkins = pd.DataFrame(
        {
            "kr_id": [1, 1, 1, 2],
            "date": pd.to_datetime(["2025-01-15", "2025-01-31", "2025-03-10", "2025-02-01"]),
            "value": [2.0, 3.0, 6.0, 1.0],
        }
    )
    krs = pd.DataFrame({"kr_id": [1, 2], "target": [12.0, 0.0]})
    trend = monthly_trend(checkins, krs, ["2025-01", "2025-02", "2025-03"])
    one = trend[trend["kr_id"] == 1]
    assert list(one["value"]) == [3.0, 3.0, 6.0]
    assert list(one["ratio"]) == pytest.approx([0.25, 0.25, 0.5])
    two = trend[trend["kr_id"] == 2]
    assert np.isnan(two["value"].iloc[0]) and np.isnan(two["ratio"]).all()  # zero target


def test_elapsed_share_ignores_time_of_day() -> None:
    got = elapsed_shares(
        pd.Series([pd.Timestamp("2025-01-01")]),
        pd.Series([pd.Timestamp("2025-01-10")]),
        pd.Timestamp(dt.datetime(2025, 1, 5, 23, 59)),
    )
    assert got[0] == pytest.approx(0.5)
