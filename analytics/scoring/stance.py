"""The five-level political-stance and ethics rubric (section 3 of the proposal).

Each measurable indicator of the rubric is mapped to the highest level whose
band it reaches; the person's level is the **lowest** of the indicator levels
that were provided ("a level is reached when every indicator reaches it"), which
is strict, monotone and easy to explain. Bands (lower bounds, %):

============================  =====  =====  =====  =====  ======
indicator                     5      4      3      2      1
============================  =====  =====  =====  =====  ======
assessment score              ≥ 90   ≥ 80   ≥ 65   ≥ 50   < 50
resolution-study attendance   100    ≥ 95   ≥ 80   ≥ 50   < 50
contributions per year        ≥ 3    ≥ 1    0      —      —
colleagues' and public trust  ≥ 90   ≥ 80   ≥ 65   ≥ 50   < 50
============================  =====  =====  =====  =====  ======

Contributions alone never pull a person below level 3 (the rubric accepts
"0–1 lần/năm" at level 3); one contribution counts for level 4 (the bands
"1–2" and "0–1" overlap, the higher one is taken). The rubric's indicator table
lists "≥ 1 reminder per year" under level 1, while its level-2 text says a
person who was reminded "but not to the point of a serious violation" is at
level 2; by default the text is followed (a reminder caps the level at 2) and
a disciplinary sanction gives level 1. ``reminder_max_level=1`` follows the
table literally.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

INDICATORS: tuple[str, ...] = (
    "assessment_pct",
    "study_pct",
    "contributions",
    "trust_pct",
    "reminders",
    "disciplined",
)


@dataclass(frozen=True)
class StanceRubric:
    """Indicator bands of the rubric (lower bounds for levels 5, 4, 3, 2).

    Attributes:
        assessment_bounds: assessment score (%) bands.
        study_bounds: resolution-study participation (%) bands.
        contribution_bounds: contributions per year needed for levels 5 and 4.
        trust_bounds: colleagues' and public trust (%) bands.
        reminder_max_level: highest level of someone reminded at least once.
    """

    assessment_bounds: tuple[float, float, float, float] = (90.0, 80.0, 65.0, 50.0)
    study_bounds: tuple[float, float, float, float] = (100.0, 95.0, 80.0, 50.0)
    contribution_bounds: tuple[float, float] = (3.0, 1.0)
    trust_bounds: tuple[float, float, float, float] = (90.0, 80.0, 65.0, 50.0)
    reminder_max_level: int = 2


def _banded(values: np.ndarray, bounds: tuple[float, ...], floor: float) -> np.ndarray:
    levels = np.select(
        [values >= bound for bound in bounds], [5.0 - i for i in range(len(bounds))], floor
    )
    return np.where(np.isnan(values), np.nan, levels)


def indicator_levels(frame: pd.DataFrame, rubric: StanceRubric | None = None) -> pd.DataFrame:
    """Rubric level of each indicator and the resulting stance level, vectorised.

    Args:
        frame: any of the columns in ``INDICATORS`` (missing columns or NaN
            values are simply not used).
        rubric: the bands; defaults to ``StanceRubric()``.

    Returns:
        ``level_<indicator>`` columns and ``stance_level`` (1–5, NaN when no
        indicator was given), index aligned to ``frame``.
    """
    rubric = rubric or StanceRubric()

    def column(name: str) -> np.ndarray:
        if name not in frame.columns:
            return np.full(len(frame), np.nan)
        return pd.to_numeric(frame[name]).to_numpy(dtype=float)

    reminders = column("reminders")
    disciplined = column("disciplined")
    levels = pd.DataFrame(
        {
            "level_assessment_pct": _banded(
                column("assessment_pct"), rubric.assessment_bounds, 1.0
            ),
            "level_study_pct": _banded(column("study_pct"), rubric.study_bounds, 1.0),
            "level_contributions": _banded(
                column("contributions"), rubric.contribution_bounds, 3.0
            ),
            "level_trust_pct": _banded(column("trust_pct"), rubric.trust_bounds, 1.0),
            "level_reminders": np.where(
                np.isnan(reminders),
                np.nan,
                np.where(reminders >= 1, float(rubric.reminder_max_level), 5.0),
            ),
            "level_disciplined": np.where(
                np.isnan(disciplined), np.nan, np.where(disciplined > 0, 1.0, 5.0)
            ),
        },
        index=frame.index,
    )
    levels["stance_level"] = levels.min(axis=1, skipna=True)
    return levels


def stance_level(rubric: StanceRubric | None = None, **indicators: Any) -> int | None:
    """Stance level (1–5) of one person from keyword indicators.

    Example: ``stance_level(assessment_pct=85, study_pct=100, contributions=2,
    trust_pct=92)`` is 4 (the assessment score reaches only level 4).

    Returns:
        The level, or ``None`` when no indicator was given.
    """
    unknown = set(indicators) - set(INDICATORS)
    if unknown:
        raise ValueError(f"Chỉ số không hợp lệ / unknown indicators: {sorted(unknown)}")
    if not indicators:
        return None
    row = {k: [np.nan if v is None else float(v)] for k, v in indicators.items()}
    level = indicator_levels(pd.DataFrame(row), rubric)["stance_level"].iloc[0]
    return None if pd.isna(level) else int(level)
