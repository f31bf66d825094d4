"""Cascading arithmetic: allocating a key result's target to children, and rolling up.

How targets combine depends on what the unit measures:

* counts and money (``người``, ``hội nghị``, ``tỷ đồng`` …) are **additive**:
  the children's allocations must add up to the parent's target, and the
  parent's progress is the sum of the children's;
* percentages (``%``, ``tỷ lệ``) and milestones are **not additive**: each child
  must reach at least the parent's level (for increase-is-better; at most, for
  decrease-is-better), and progress rolls up as the (weighted) mean.

Pure functions over plain values; the core feeds them from the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from analytics.plan_messages import CASCADE_MESSAGES
from analytics.vntext import fold_accents, format_number_vi

ADDITIVE = "sum"
LEVEL = "level"
_LEVEL_UNITS = frozenset({"%", "ty le", "ty le %", "phan tram", "moc"})
_TOLERANCE = 1e-9


def aggregation_for(unit: str, direction: str = "increase") -> str:
    """Return ``sum`` for additive units, ``level`` for percentages and milestones.

    Args:
        unit: the key result's unit of measure.
        direction: ``increase``, ``decrease`` or ``milestone``.
    """
    if direction == "milestone" or fold_accents(unit or "") in _LEVEL_UNITS:
        return LEVEL
    return ADDITIVE


@dataclass(frozen=True)
class Allocation:
    """A part of a parent's target given to one child (unit, person or period)."""

    child: str
    target: float
    weight: float = 1.0


@dataclass(frozen=True)
class AllocationCheck:
    """Result of checking allocations against the parent's target.

    Attributes:
        aggregation: ``sum`` or ``level``.
        allocated: the sum of allocations (additive) or their minimum (level).
        remainder: target − allocated for additive units (negative = over-allocated);
            0 for level units.
        ok: whether the allocations cover the target without exceeding it.
        problems: ``(code, Vietnamese message)`` pairs saying what to fix.
    """

    aggregation: str
    allocated: float
    remainder: float
    ok: bool
    problems: list[tuple[str, str]] = field(default_factory=list)


def check_allocations(
    *,
    title: str,
    unit: str,
    direction: str,
    target: float,
    allocations: Sequence[Allocation],
    short_code: str = "UNDER_ALLOCATED",
    allow_over: bool = False,
) -> AllocationCheck:
    """Check that children's allocations add up to (or reach) the parent's target.

    Args:
        title: the parent key result's title (for messages).
        unit: its unit of measure.
        direction: ``increase``, ``decrease`` or ``milestone``.
        target: the parent's target.
        allocations: what each child was given.
        short_code: message code when the allocations fall short (``UNDER_ALLOCATED``,
            ``PERIODS_SHORT`` or ``PEOPLE_SHORT``).
        allow_over: over-allocation is fine (people may plan more than the unit).

    Returns:
        The check, with the unallocated remainder and what to fix.
    """
    aggregation = aggregation_for(unit, direction)
    problems: list[tuple[str, str]] = []
    fmt = format_number_vi
    if aggregation == ADDITIVE:
        allocated = float(sum(a.target for a in allocations))
        remainder = target - allocated
        if direction == "decrease":
            # A ceiling: children's ceilings must not add up beyond the parent's.
            if remainder < -_TOLERANCE:
                problems.append(_over(title, unit, target, allocated))
        elif remainder > _TOLERANCE:
            message = CASCADE_MESSAGES[short_code].format(
                kr=title,
                unit=unit,
                remainder=fmt(remainder, 2),
                allocated=fmt(allocated, 2),
                target=fmt(target, 2),
            )
            problems.append((short_code, message))
        elif remainder < -_TOLERANCE and not allow_over:
            problems.append(_over(title, unit, target, allocated))
        return AllocationCheck(aggregation, allocated, remainder, not problems, problems)
    worst = min((a.target for a in allocations), default=float("nan"))
    for a in allocations:
        below = a.target < target - _TOLERANCE
        above = a.target > target + _TOLERANCE
        if (direction == "decrease" and above) or (direction != "decrease" and below):
            message = CASCADE_MESSAGES["CHILD_BELOW_PARENT"].format(
                kr=title,
                unit=unit if unit == "%" else f" {unit}",
                child=a.child,
                child_target=fmt(a.target, 2),
                target=fmt(target, 2),
            )
            problems.append(("CHILD_BELOW_PARENT", message))
    return AllocationCheck(aggregation, worst, 0.0, not problems, problems)


def _over(title: str, unit: str, target: float, allocated: float) -> tuple[str, str]:
    message = CASCADE_MESSAGES["OVER_ALLOCATED"].format(
        kr=title,
        unit=unit,
        allocated=format_number_vi(allocated, 2),
        target=format_number_vi(target, 2),
    )
    return "OVER_ALLOCATED", message


def roll_up(
    unit: str, direction: str, children: Sequence[tuple[float | None, float]]
) -> float | None:
    """The parent's current value from its children's current values.

    Args:
        unit: the parent's unit of measure.
        direction: its direction.
        children: ``(current value or None, weight)`` for each child.

    Returns:
        The sum (additive units) or the weighted mean (levels) of the children
        that reported; ``None`` when none has.
    """
    reported = [(value, weight) for value, weight in children if value is not None]
    if not reported:
        return None
    if aggregation_for(unit, direction) == ADDITIVE:
        return float(sum(value for value, _ in reported))
    total_weight = sum(weight for _, weight in reported)
    if total_weight <= 0:
        return float(sum(value for value, _ in reported) / len(reported))
    return float(sum(value * weight for value, weight in reported) / total_weight)


def split_evenly(
    target: float, children: Sequence[str], unit: str, direction: str
) -> list[Allocation]:
    """A starting allocation: additive targets split evenly (rounded), levels copied.

    The last child takes the rounding difference, so the parts add up exactly.
    """
    if not children:
        return []
    if aggregation_for(unit, direction) == LEVEL:
        return [Allocation(child, target) for child in children]
    share = round(target / len(children), 2)
    parts = [share] * (len(children) - 1)
    parts.append(round(target - sum(parts), 2))
    return [Allocation(child, part) for child, part in zip(children, parts, strict=True)]
