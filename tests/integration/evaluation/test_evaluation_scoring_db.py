"""Scoring from the database: hand-computed golden values on the small dataset.

Xã Tân Phong, 2025, readings as of 31/12/2025 (default policy: KPI penalty 0.5):

* service: DV1.1 3/6 = 50% → 100 × (0,5 − 0,5 × 0,5) = 25; DV2.1 12/12 → 100;
  tasks DV1, DV2 equal weights → 62,5.
* budget: NS1.1 21,4% → 21,4 − 0,5 × 78,6 < 0 → 0 (weight 2); NS1.2 target 0,
  actual 0 → 100 (weight 1) → task NS1 = 100 / 3 = 33,333.
* process: CC1.1 98/98 → 100.
* learning: only the breakthrough CD1.1 → excluded, perspective not scored.
* total = (62,5 + 33,333 + 100) / 3 = 65,278 → "Hoàn thành nhiệm vụ".
"""

from __future__ import annotations

import pandas as pd
import pytest

from woms_pwa.core.db import session_scope
from woms_pwa.core.evaluation.scoring import EvaluationError, run_scoring


def test_unit_scores_match_the_hand_computation(scored: str) -> None:
    with session_scope(scored) as session:
        run = run_scoring(session, "2025")
    row = run.collective.units.set_index("code").loc["HY.X.TANPHONG"]
    assert row["service"] == pytest.approx(62.5)
    assert row["budget"] == pytest.approx(100 / 3)
    assert row["process"] == pytest.approx(100.0)
    assert row["learning"] != row["learning"]  # NaN: only a breakthrough item
    assert row["total"] == pytest.approx((62.5 + 100 / 3 + 100) / 3)
    assert row["rating"] == "hoan_thanh"
    krs = run.scores.key_results.set_index("kr_code")
    assert bool(krs.loc["TP-2025-CD1.1", "excluded"])
    assert krs.loc["TP-2025-NS1.2", "completion_rule"] == "decrease_zero_met"
    assert krs.loc["TP-2025-NS1.1", "n_checkins"] == 2


def test_as_of_uses_only_earlier_readings(scored: str) -> None:
    with session_scope(scored) as session:
        run = run_scoring(session, "2025", "2025-06-30")
    row = run.collective.units.set_index("code").loc["HY.X.TANPHONG"]
    # Only DV1.1 (25) and NS1.1 (0) had readings by 30/06: (12,5 + 0 + 0) / 3.
    assert row["total"] == pytest.approx(12.5 / 3)


def test_personal_plan_scores_the_cadre(scored: str) -> None:
    with session_scope(scored) as session:
        run = run_scoring(session, "2025")
    people = run.individual.people.set_index("code")
    # CN-TP02-2025-1: 9/12 = 75% → 100 × (0,75 − 0,5 × 0,25) = 62,5 (own plan).
    assert people.loc["CB.TANPHONG.02", "plan_score"] == pytest.approx(62.5)
    assert people.loc["CB.TANPHONG.02", "plan_source"] == "own"
    # A head is measured on the unit's plan.
    assert people.loc["CB.TANPHONG.01", "plan_score"] == pytest.approx((62.5 + 100 / 3 + 100) / 3)
    # No approved personal plan → not rated.
    assert pd.isna(people.loc["CB.TANPHONG.03", "rating"])


def test_quarter_falls_back_to_the_annual_plan_at_the_quarter_end(scored: str) -> None:
    with session_scope(scored) as session:
        run = run_scoring(session, "2025-Q2")
    assert run.as_of.isoformat() == "2025-06-30"
    row = run.collective.units.set_index("code").loc["HY.X.TANPHONG"]
    assert row["total"] == pytest.approx(12.5 / 3)


@pytest.mark.parametrize("period", ["2025-13", "25", "2025-Q5", ""])
def test_bad_period_is_refused_in_vietnamese(scored: str, period: str) -> None:
    with session_scope(scored) as session, pytest.raises(EvaluationError, match="không hợp lệ"):
        run_scoring(session, period)


def test_bad_date_is_refused_in_vietnamese(scored: str) -> None:
    with session_scope(scored) as session, pytest.raises(EvaluationError, match="Ngày tính điểm"):
        run_scoring(session, "2025", "31/12/2025")


def test_unrated_person_page_explains_why(scored: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    from woms_pwa.core.evaluation.views import person_view

    with session_scope(scored) as session:
        view = person_view(session, actor_of("vanphong.tanphong"), "CB.TANPHONG.03", "2025")
    assert view.summary["rating_label"] == "Chưa đủ dữ liệu để xếp loại"
    assert view.summary["total"] == "—"
    assert "Chưa đủ dữ liệu để xếp loại" in view.summary["explanation"]
