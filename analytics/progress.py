"""Progress of a key result for display: completion ratio and traffic light.

The official evaluation rules live in ``analytics.scoring``; this module gives
the quick reading a plan page needs: how far along a key result is, compared
with how much of the period has passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Light(StrEnum):
    """Traffic-light colours of Appendix 4 (always shown with a text label too)."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"


@dataclass(frozen=True)
class LightThresholds:
    """Pace ratios (completion ÷ share of period elapsed) separating the colours."""

    green: float = 0.95
    yellow: float = 0.80


def completion_ratio(
    direction: str, target: float, value: float | None, baseline: float | None = None
) -> float | None:
    """Return completion as a ratio (1.0 = target met), uncapped, or ``None`` without data.

    Increase: value ÷ target. Decrease: target ÷ value, and for a zero target
    1.0 when the value is zero or below, else 0.0 (from a known baseline: the
    share of the way from baseline down to zero). Milestone: 1.0 when done.
    """
    if value is None:
        return None
    if direction == "milestone":
        return 1.0 if value >= (target or 1.0) else 0.0
    if direction == "decrease":
        if target <= 0:
            if value <= 0:
                return 1.0
            if baseline is not None and baseline > 0:
                return max(0.0, (baseline - value) / baseline)
            return 0.0
        return target / value if value > 0 else 1.0 + (target - value) / target
    if target == 0:
        return 1.0 if value >= 0 else 0.0
    return value / target


def elapsed_share(start: dt.date, end: dt.date, as_of: dt.date) -> float:
    """Share of the period ``[start, end]`` that has passed on ``as_of`` (0–1)."""
    total = (end - start).days + 1
    passed = (min(max(as_of, start - dt.timedelta(days=1)), end) - start).days + 1
    return min(1.0, max(0.0, passed / total))


def traffic_light(
    direction: str,
    completion: float | None,
    elapsed: float,
    thresholds: LightThresholds | None = None,
) -> Light:
    """Colour a key result: cumulative ones against the elapsed share, others against 1.0.

    Args:
        direction: ``increase``, ``decrease`` or ``milestone``.
        completion: from ``completion_ratio``; ``None`` gives ``Light.NONE``.
        elapsed: share of the period passed (0–1).
        thresholds: pace ratios for green and yellow.
    """
    limits = thresholds or LightThresholds()
    if completion is None:
        return Light.NONE
    if completion >= 1.0:
        return Light.GREEN
    if direction == "milestone":
        if elapsed >= 1.0:
            return Light.RED
        return Light.YELLOW if elapsed >= 0.75 else Light.GREEN
    pace = completion if direction == "decrease" else completion / max(elapsed, 1e-9)
    if pace >= limits.green:
        return Light.GREEN
    if pace >= limits.yellow:
        return Light.YELLOW
    return Light.RED
