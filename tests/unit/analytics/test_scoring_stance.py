"""Golden tests: the five-level political-stance rubric (section 3 of the proposal).

Level = the lowest level reached by the indicators given. Bands (lower bounds):
assessment and trust 90 / 80 / 65 / 50; study 100 / 95 / 80 / 50;
contributions 3 → 5, 1 → 4, else 3; a reminder caps at 2; a sanction gives 1.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.scoring import StanceRubric, indicator_levels, stance_level


@pytest.mark.parametrize(
    ("assessment", "study", "contributions", "trust", "level"),
    [
        (92, 100, 3, 95, 5),  # every indicator at level 5
        (85, 100, 2, 92, 4),  # assessment 80–89 → 4
        (92, 96, 5, 95, 4),  # study 95–99 → 4
        (92, 100, 1, 95, 4),  # one contribution → 4
        (70, 85, 0, 70, 3),  # 65–79, 80–94, 0 → 3
        (55, 70, 0, 60, 2),  # 50–64, < 80 → 2
        (45, 40, 0, 30, 1),  # < 50 → 1
        (92, 100, 0, 95, 3),  # no contribution alone → 3
    ],
)
def test_rubric_levels(
    assessment: float, study: float, contributions: int, trust: float, level: int
) -> None:
    assert (
        stance_level(
            assessment_pct=assessment, study_pct=study, contributions=contributions, trust_pct=trust
        )
        == level
    )


@pytest.mark.parametrize(
    ("assessment", "level"),
    [(90, 5), (89.9, 4), (80, 4), (79.9, 3), (65, 3), (64.9, 2), (50, 2), (49.9, 1)],
)
def test_assessment_band_boundaries(assessment: float, level: int) -> None:
    assert stance_level(assessment_pct=assessment) == level


def test_reminders_and_discipline() -> None:
    good = {"assessment_pct": 95, "study_pct": 100, "contributions": 4, "trust_pct": 95}
    assert stance_level(**good, reminders=0) == 5
    assert stance_level(**good, reminders=1) == 2  # the level-2 text: reminded, not serious
    assert stance_level(StanceRubric(reminder_max_level=1), **good, reminders=1) == 1
    assert stance_level(**good, disciplined=True) == 1


def test_missing_indicators_are_not_used() -> None:
    assert stance_level() is None
    assert stance_level(study_pct=None, trust_pct=85) == 4
    with pytest.raises(ValueError):
        stance_level(loyalty=100)


def test_indicator_levels_frame_is_vectorised_and_explains_each_indicator() -> None:
    frame = pd.DataFrame(
        {"assessment_pct": [95, 70], "study_pct": [100, 96], "trust_pct": [91, None]}
    )
    levels = indicator_levels(frame)
    assert levels["level_assessment_pct"].tolist() == [5, 3]
    assert levels["level_study_pct"].tolist() == [5, 4]
    assert levels["stance_level"].tolist() == [5, 3]
