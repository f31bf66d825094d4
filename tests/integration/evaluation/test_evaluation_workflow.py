"""The evaluation workflow: self → head's assessment → conclusion, rights and audit.

Golden numbers (2025, readings of the ``scored`` fixture):

* Xã Tân Phong's plan total is 65,278 (see test_evaluation_scoring_db); two accepted
  outside-plan items of the unit worth 2 + 3 points → collective 70,278
  → "Hoàn thành nhiệm vụ".
* Its head CB.TANPHONG.01, assessed by the province: stance indicators
  92 / 100 / 3 / 95 → level 5 → 100; tasks = unit plan 65,278 + the unit's
  outside work 5 = 70,278; a province-level initiative (2 points = full) → 100;
  a certificate (1 of 2 points) → 50. Total = 0,2 × 100 + 0,5 × 70,278 +
  0,15 × 100 + 0,15 × 50 = 77,639 → "tốt" by thresholds, but a head may not be
  rated above the unit's collective "Hoàn thành nhiệm vụ" → capped.
"""

from __future__ import annotations

import pytest
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.evaluation.models import EvaluationItem, EvaluationRecord
from woms_pwa.core.evaluation.scoring import EvaluationError, run_scoring
from woms_pwa.core.evaluation.views import person_view, portfolio, review_queue, unit_view
from woms_pwa.core.evaluation.workflow import assess, conclude, declare_item, submit_self_assessment
from woms_pwa.core.models import AuditEntry
from woms_pwa.core.notifications.service import list_for
from woms_pwa.core.permissions import PermissionDenied
from woms_pwa.core.services.audit import verify_chain

PLAN_TOTAL = (62.5 + 100 / 3 + 100) / 3
GOOD_STANCE = {"assessment_pct": "92", "study_pct": "100", "contributions": "3", "trust_pct": "95"}


def _unit_outside_work(url: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    head, province = actor_of("bithu.tanphong"), actor_of("lanhdao.tinh")
    with session_scope(url) as session:
        submit_self_assessment(
            session,
            head,
            subject_code="HY.X.TANPHONG",
            period="2025",
            comment="Tập thể tự đánh giá",
        )
        first = declare_item(
            session, head, subject_code="HY.X.TANPHONG", period="2025", kind="outside_work",
            title="Ứng phó bão số 3, di dời 120 hộ dân", perspective="service",
        )  # fmt: skip
        second = declare_item(
            session, head, subject_code="HY.X.TANPHONG", period="2025", kind="outside_work",
            title="Tổ chức bầu cử bổ sung", perspective=None,
        )  # fmt: skip
    with session_scope(url) as session:
        assess(
            session, province, subject_code="HY.X.TANPHONG", period="2025",
            comment="Xác nhận nhiệm vụ phát sinh", decisions={first: (True, 2.0), second: (True, 3.0)},
        )  # fmt: skip


def test_staff_journey_head_assesses_and_concludes(scored: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    cadre, head = actor_of("canbo.tanphong"), actor_of("bithu.tanphong")
    with session_scope(scored) as session:
        submit_self_assessment(
            session, cadre, subject_code="CB.TANPHONG.02", period="2025",
            comment="Hoàn thành báo cáo giải ngân", proposed_rating="tot", stance=GOOD_STANCE,
        )  # fmt: skip
        item = declare_item(
            session, cadre, subject_code="CB.TANPHONG.02", period="2025", kind="initiative",
            title="Mẫu báo cáo giải ngân tự động", scope="unit",
        )  # fmt: skip
    # Other people may not assess; the cadre may not conclude their own record.
    for name in ("canbo.antao", "vanphong.tanphong", "canbo.tanphong", "lanhdao.tinh"):
        with session_scope(scored) as session, pytest.raises(PermissionDenied):
            assess(session, actor_of(name), subject_code="CB.TANPHONG.02", period="2025",
                   comment="x")  # fmt: skip
    with session_scope(scored) as session:
        queue = review_queue(session, head, "2025")
        assert [r["code"] for r in queue] == ["CB.TANPHONG.02"]
        assess(
            session, head, subject_code="CB.TANPHONG.02", period="2025",
            comment="Chủ động, đúng hạn", proposed_rating="tot", decisions={item: (True, None)},
        )  # fmt: skip
    with session_scope(scored) as session:
        accepted = session.get(EvaluationItem, item)
        assert accepted is not None and accepted.status == "accepted" and accepted.points == 1.0
        with pytest.raises(PermissionDenied):
            conclude(session, actor_of("lanhdao.tinh"), subject_code="CB.TANPHONG.02",
                     period="2025")  # fmt: skip
    # Cadre: stance 100, tasks 62,5, initiatives 1/2 → 50, learning 0:
    # 0,2 × 100 + 0,5 × 62,5 + 0,15 × 50 + 0 = 58,75 → "Hoàn thành nhiệm vụ".
    with session_scope(scored) as session, pytest.raises(EvaluationError, match="cao hơn"):
        conclude(session, head, subject_code="CB.TANPHONG.02", period="2025", rating="tot")
    with session_scope(scored) as session, pytest.raises(EvaluationError, match="lý do"):
        conclude(session, head, subject_code="CB.TANPHONG.02", period="2025",
                 rating="khong_hoan_thanh")  # fmt: skip
    with session_scope(scored) as session:
        outcome = conclude(session, head, subject_code="CB.TANPHONG.02", period="2025")
    assert outcome.rating == "hoan_thanh"
    assert outcome.total == pytest.approx(58.75)
    with session_scope(scored) as session:
        view = person_view(session, cadre, "CB.TANPHONG.02", "2025")
        assert view.summary["official"] == "Hoàn thành nhiệm vụ"
        assert "58,75" in view.summary["explanation"]
        assert next(s["step"] for s in view.steps) == "Tự đánh giá"
        record = session.execute(select(EvaluationRecord)).scalars().one()
        assert record.status == "concluded" and "58,75" in (record.conclusion_explanation or "")
        actions = [e.action for e in session.execute(select(AuditEntry)).scalars()]
        assert {"self_assess", "declare", "assess", "review", "conclude"} <= set(actions)
        entries = list(session.execute(select(AuditEntry).order_by(AuditEntry.id)).scalars())  # type: ignore[arg-type]
        assert verify_chain(entries) is None
        titles = [n.title for n in list_for(session, cadre)]
        assert "Đã có kết luận đánh giá kỳ 2025: Hoàn thành nhiệm vụ" in titles
        with pytest.raises(EvaluationError):
            submit_self_assessment(session, cadre, subject_code="CB.TANPHONG.02", period="2025")


def test_head_is_concluded_by_the_province_and_capped_by_the_unit(scored: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    _unit_outside_work(scored, actor_of)
    head, province = actor_of("bithu.tanphong"), actor_of("lanhdao.tinh")
    with session_scope(scored) as session:
        submit_self_assessment(session, head, subject_code="CB.TANPHONG.01", period="2025")
        initiative = declare_item(
            session, head, subject_code="CB.TANPHONG.01", period="2025", kind="initiative",
            title="Mô hình dân vận khéo", scope="province",
        )  # fmt: skip
        certificate = declare_item(
            session, head, subject_code="CB.TANPHONG.01", period="2025", kind="learning",
            title="Chứng chỉ quản lý nhà nước ngạch chuyên viên chính", scope="certificate",
        )  # fmt: skip
    with session_scope(scored) as session, pytest.raises(PermissionDenied):
        assess(session, head, subject_code="CB.TANPHONG.01", period="2025", comment="tự xét")
    with session_scope(scored) as session:
        assess(
            session, province, subject_code="CB.TANPHONG.01", period="2025", comment="Đạt",
            stance=GOOD_STANCE,
            decisions={initiative: (True, None), certificate: (True, None)},
        )  # fmt: skip
    with session_scope(scored) as session:
        run = run_scoring(session, "2025")
    unit = run.collective.units.set_index("code").loc["HY.X.TANPHONG"]
    assert unit["total"] == pytest.approx(PLAN_TOTAL + 5)
    person = run.individual.people.set_index("code").loc["CB.TANPHONG.01"]
    assert person["stance"] == 100.0
    assert person["tasks"] == pytest.approx(PLAN_TOTAL + 5)
    assert person["initiatives"] == 100.0 and person["learning"] == 50.0
    expected = 0.2 * 100 + 0.5 * (PLAN_TOTAL + 5) + 0.15 * 100 + 0.15 * 50
    assert person["total"] == pytest.approx(expected)
    assert person["base_rating"] == "tot"
    assert person["rating"] == "hoan_thanh" and bool(person["head_capped"])
    with session_scope(scored) as session:
        outcome = conclude(session, province, subject_code="CB.TANPHONG.01", period="2025")
        assert outcome.rating == "hoan_thanh"
        outcome = conclude(session, province, subject_code="HY.X.TANPHONG", period="2025")
        assert outcome.rating == "hoan_thanh"
        view = unit_view(session, head, "HY.X.TANPHONG", "2025")
        assert view.summary["official"] == "Hoàn thành nhiệm vụ"
        why = {r["code"]: r["why"] for r in view.key_results}
        assert "Mục tiêu 0, thực hiện 0 ≤ mục tiêu → đạt 100%" in why["TP-2025-NS1.2"]
        assert "không tính" in why["TP-2025-CD1.1"]


def test_portfolio_lists_every_period_of_a_person(scored: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    cadre, head = actor_of("canbo.tanphong"), actor_of("bithu.tanphong")
    for period in ("2025-Q3", "2025"):
        with session_scope(scored) as session:
            submit_self_assessment(session, cadre, subject_code="CB.TANPHONG.02", period=period)
            assess(session, head, subject_code="CB.TANPHONG.02", period=period, comment="Tốt")
            conclude(session, head, subject_code="CB.TANPHONG.02", period=period)
    with session_scope(scored) as session:
        rows = portfolio(session, cadre, "CB.TANPHONG.02")
        assert [r["period"] for r in rows] == ["2025-Q3", "2025"]
        assert all(r["rating_label"] for r in rows)
        with pytest.raises(PermissionDenied):
            portfolio(session, actor_of("canbo.antao"), "CB.TANPHONG.02")


def test_bad_stance_value_saves_nothing(scored: str, actor_of) -> None:  # type: ignore[no-untyped-def]
    cadre = actor_of("canbo.tanphong")
    with session_scope(scored) as session, pytest.raises(EvaluationError, match="0 đến 100"):
        submit_self_assessment(
            session, cadre, subject_code="CB.TANPHONG.02", period="2025",
            stance={"trust_pct": "120"},
        )  # fmt: skip
    with session_scope(scored) as session, pytest.raises(EvaluationError, match="số"):
        submit_self_assessment(
            session, cadre, subject_code="CB.TANPHONG.02", period="2025",
            stance={"study_pct": "nhiều"},
        )  # fmt: skip
    with session_scope(scored) as session:
        assert session.execute(select(EvaluationRecord)).first() is None
        assert not [
            e for e in session.execute(select(AuditEntry)).scalars() if e.action == "self_assess"
        ]
