"""Monthly value paths of key results.

A *shape* is the fraction of the annual target a unit that is exactly on plan
has reached at the end of each month. Shapes encode the seasonality the
forecasting module is meant to learn: public investment starts slowly and
rushes in Q4, revenue runs ahead early, party admissions cluster around
3 February, 19 May and 2 September.
"""

from __future__ import annotations

import random

from .model import KR

SHAPES: dict[str, tuple[float, ...]] = {
    "disb": (0.02, 0.05, 0.10, 0.16, 0.23, 0.31, 0.39, 0.47, 0.56, 0.68, 0.82, 0.98),
    "disb2024": (0.02, 0.04, 0.09, 0.14, 0.21, 0.29, 0.36, 0.44, 0.53, 0.66, 0.80, 0.97),
    "revenue": (0.11, 0.19, 0.28, 0.36, 0.45, 0.55, 0.63, 0.71, 0.80, 0.88, 0.96, 1.05),
    "party": (0.03, 0.15, 0.20, 0.27, 0.40, 0.46, 0.52, 0.62, 0.72, 0.78, 0.86, 1.0),
    "conf": (0.05, 0.12, 0.25, 0.32, 0.40, 0.52, 0.58, 0.66, 0.76, 0.84, 0.92, 1.0),
    "even": tuple(m / 12 for m in range(1, 13)),
    "gpmb": (0.03, 0.07, 0.14, 0.21, 0.29, 0.38, 0.46, 0.55, 0.65, 0.76, 0.88, 1.0),
    "land_fee": (0.0, 0.05, 0.18, 0.20, 0.22, 0.45, 0.48, 0.50, 0.72, 0.75, 0.80, 1.02),
}

# Decimals kept per unit of measure; counts are integers.
_DECIMALS = {"%": 1, "tỷ đồng": 1, "ha": 2, "km": 1, "ngày": 1, "triệu đồng/người": 1}


def decimals(unit: str) -> int:
    """Number of decimals a reading in ``unit`` is rounded to."""
    return _DECIMALS.get(unit, 0)


def report_months(kr: KR, year: int) -> list[int]:
    """Months in which a key result is reported (2025 data stops at September)."""
    last = 12 if year == 2024 else 9
    if kr.freq == "monthly":
        return list(range(1, last + 1))
    if kr.freq == "quarterly":
        return [m for m in (3, 6, 9, 12) if m <= last]
    if kr.freq == "semi":
        return [m for m in (6, 9, 12) if m <= last]
    if kr.freq == "once":
        if not kr.done or kr.done > last:
            return [m for m in (3, 6, 9) if m <= last]
        # Milestones: a "not yet" reading at earlier quarter ends, then the completion.
        return [m for m in (3, 6) if m < kr.done] + [kr.done]
    return []


def _clip(value: float, kr: KR) -> float:
    # Rates cannot exceed 100%, but revenue may beat its estimate (e.g. 106% dự toán).
    if kr.unit == "%" and kr.shape != "revenue":
        value = min(value, 100.0)
    return max(value, 0.0)


def path(
    kr: KR, year: int, perf: float, rng: random.Random, exact: bool = False
) -> dict[int, float]:
    """Return {month: value} for the reporting months of ``kr``.

    Args:
        kr: the key result (its ``shape`` selects the model).
        year: 2024 or 2025.
        perf: performance factor, 1.0 = exactly on plan.
        rng: generator seeded for this key result.
        exact: report the planned value exactly (the "too perfect" anomaly).
    """
    months = report_months(kr, year)
    target, base = kr.target, (kr.baseline or 0.0)
    shape = kr.shape
    if shape == "disb" and year == 2024:
        shape = "disb2024"
    out: dict[int, float] = {}
    last = 0.0
    step_month = rng.randint(4, 9)
    for m in months:
        frac = m / 12
        if shape in SHAPES:
            if exact:
                value = target * SHAPES["even"][m - 1]
            else:
                noise = rng.uniform(-0.015, 0.015)
                value = target * max(0.0, SHAPES[shape][m - 1] * perf + noise * frac)
            value = max(value, last)  # cumulative readings never go down
        elif shape == "rate":
            value = target if exact else target + (perf - 1) * 6 + rng.gauss(0, 0.35)
        elif shape == "rate_up":
            reach = min(1.04, frac * 1.12 * perf) if not exact else 1.0
            value = base + (target - base) * reach + (0 if exact else rng.gauss(0, 0.4))
            value = max(value, last - 0.3)
        elif shape == "grdp":
            value = target if exact else target * perf + rng.gauss(0, 0.3)
        elif shape == "level_down":
            value = target if exact else base + (target - base) * min(1.0, frac * 1.1 * perf)
        elif shape == "cap":
            factor = 1.0 if exact else rng.uniform(0.55, 1.0) * (2 - perf)
            value = max(last, round(target * frac * factor))
        elif shape == "zero":
            value = 0.0
        elif shape in {"milestone", "tuyenquan"}:
            value = target if kr.done and m >= kr.done else 0.0
        elif shape == "step":
            if target <= 1:
                value = target if (exact or m >= step_month) else 0.0
            elif exact:
                value = round(target * frac)
            else:
                value = round(target * SHAPES["gpmb"][m - 1] * perf)
            value = max(value, last)
        elif shape == "steps":
            value = base + round((target - base) * min(1.0, frac * perf * 1.1))
            value = max(value, last)
        else:  # pragma: no cover - guarded by tests
            raise ValueError(shape)
        value = round(_clip(value, kr), decimals(kr.unit))
        out[m] = value
        last = value
    return out
