"""Cascading arithmetic: sums for counts and money, levels for percentages."""

from __future__ import annotations

import math

import pytest

from analytics.cascade import (
    ADDITIVE,
    LEVEL,
    Allocation,
    aggregation_for,
    check_allocations,
    roll_up,
    split_evenly,
)


@pytest.mark.parametrize(
    ("unit", "direction", "expected"),
    [
        ("người", "increase", ADDITIVE),
        ("tỷ đồng", "increase", ADDITIVE),
        ("%", "increase", LEVEL),
        ("Tỷ lệ", "increase", LEVEL),
        ("mốc", "milestone", LEVEL),
    ],
)
def test_aggregation_by_unit(unit: str, direction: str, expected: str) -> None:
    assert aggregation_for(unit, direction) == expected


def _check(unit: str, target: float, parts: list[float], **kw: object):  # type: ignore[no-untyped-def]
    allocations = [Allocation(f"C{i}", p) for i, p in enumerate(parts)]
    return check_allocations(
        title="Kết nạp đảng viên",
        unit=unit,
        direction=kw.pop("direction", "increase"),  # type: ignore[arg-type]
        target=target,
        allocations=allocations,
        **kw,  # type: ignore[arg-type]
    )


def test_counts_that_add_up() -> None:
    result = _check("người", 90, [30, 35, 25])
    assert result.ok and result.allocated == 90 and result.remainder == 0


def test_counts_with_a_remainder() -> None:
    result = _check("người", 90, [30, 35])
    assert not result.ok and result.remainder == 25
    assert result.problems[0][0] == "UNDER_ALLOCATED"
    assert "Còn 25 người" in result.problems[0][1]


def test_money_over_allocated() -> None:
    result = _check("tỷ đồng", 12.5, [10, 3])
    assert not result.ok and math.isclose(result.remainder, -0.5)
    assert result.problems[0][0] == "OVER_ALLOCATED" and "13 tỷ đồng" in result.problems[0][1]


def test_people_may_plan_more_than_the_unit() -> None:
    assert _check("người", 10, [6, 6], allow_over=True, short_code="PEOPLE_SHORT").ok
    short = _check("người", 10, [6, 3], allow_over=True, short_code="PEOPLE_SHORT")
    assert short.problems[0][0] == "PEOPLE_SHORT"


def test_percentages_are_not_summed() -> None:
    result = _check("%", 100, [100, 100, 100])
    assert result.ok and result.aggregation == LEVEL and result.remainder == 0


def test_percentage_child_below_parent() -> None:
    result = _check("%", 95, [95, 90])
    assert not result.ok
    assert result.problems == [("CHILD_BELOW_PARENT", result.problems[0][1])]
    assert "C1" in result.problems[0][1] and "90%" in result.problems[0][1]


def test_decrease_ceiling_split() -> None:
    assert _check("vụ", 10, [4, 6], direction="decrease").ok
    assert not _check("vụ", 10, [6, 6], direction="decrease").ok
    assert _check("vụ", 10, [3, 3], direction="decrease").ok  # tighter ceilings are fine


def test_roll_up_sums_counts_and_averages_levels() -> None:
    assert roll_up("người", "increase", [(10, 1), (5, 1), (None, 1)]) == 15
    assert roll_up("%", "increase", [(80, 1), (100, 3)]) == pytest.approx(95)
    assert roll_up("%", "increase", [(None, 1)]) is None


def test_split_evenly_adds_up_exactly() -> None:
    parts = split_evenly(100, ["A", "B", "C"], "tỷ đồng", "increase")
    assert [p.target for p in parts] == [33.33, 33.33, 33.34]
    assert sum(p.target for p in parts) == pytest.approx(100)
    assert [p.target for p in split_evenly(95, ["A", "B"], "%", "increase")] == [95, 95]
