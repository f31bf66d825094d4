"""Cascading allocations and roll-up, period decomposition, and the approver's pre-check."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from planning_helpers import draft_plan
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.models import KeyResult
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning.cascading import CascadeTarget, cascade_key_result, cascade_status
from woms_pwa.core.planning.common import PlanningError
from woms_pwa.core.planning.drafting import add_key_result, add_task, parse_key_result_form
from woms_pwa.core.planning.lifecycle import submit_plan
from woms_pwa.core.planning.precheck import precheck
from woms_pwa.core.planning.rollover import rollover_plan
from woms_pwa.core.services.checkins import record_checkin


def _province_kr(session, province: Actor, unit: str, target: str) -> str:  # type: ignore[no-untyped-def]
    plan_id = draft_plan(session, province, "HY", "2026")
    task = add_task(
        session,
        province,
        plan_id,
        title="Phát triển đảng viên toàn tỉnh",
        perspective="service",
        area="Xây dựng Đảng/Tổ chức đảng",
    )
    kr = add_key_result(
        session,
        province,
        task.id or 0,
        parse_key_result_form(
            {"title": "Kết nạp đảng viên mới toàn tỉnh", "unit": unit, "target": target}
        ),
    )
    return kr.code


def test_counts_add_up_with_a_remainder(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    province = actor_of("lanhdao.tinh")
    with session_scope(loaded) as session:
        code = _province_kr(session, province, "người", "90")
        status = cascade_key_result(
            session,
            province,
            code,
            [CascadeTarget("HY.X.TANPHONG", 30), CascadeTarget("HY.P.ANTAO", 35)],
        )
        check = status.checks["units"]
        assert check.remainder == 25 and not check.ok
        assert "Còn 25 người" in check.problems[0][1]
        assert {(c.mode, c.target, c.period) for c in status.children} == {
            ("mandatory", 30, "2026"),
            ("mandatory", 35, "2026"),
        }
        status = cascade_key_result(
            session, province, code, [CascadeTarget("HY.P.ANTAO", 60)], mode="suggested"
        )
        assert status.checks["units"].ok and status.checks["units"].remainder == 0


def test_percentages_are_levels_and_roll_up_as_mean(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    province, cadre = actor_of("lanhdao.tinh"), actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        code = _province_kr(session, province, "%", "95")
        status = cascade_key_result(
            session,
            province,
            code,
            [CascadeTarget("HY.X.TANPHONG", 95), CascadeTarget("HY.P.ANTAO", 90)],
        )
        assert status.checks["units"].problems[0][0] == "CHILD_BELOW_PARENT"
        child_code = next(c.kr_code for c in status.children if c.owner_code == "HY.X.TANPHONG")
    with session_scope(loaded) as session:
        record_checkin(
            session,
            cadre,
            kr_code=child_code,
            value="80",
            note="",
            client_id="planning-checkin-0001",
            on_date=dt.date(2026, 1, 20),
            today=dt.date(2026, 1, 25),
        )
    with session_scope(loaded) as session:
        status = cascade_status(session, province, code)
        assert status.rolled_up["units"] == pytest.approx(80)


def test_quarters_and_people_cover_the_year(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre = actor_of("bithu.tanphong")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        code = "HY.X.TANPHONG-2026-DV1.1"  # 12 người
        status = cascade_key_result(
            session,
            cadre,
            code,
            [
                CascadeTarget("HY.X.TANPHONG", 3, "2026-Q1"),
                CascadeTarget("HY.X.TANPHONG", 3, "2026-Q2"),
                CascadeTarget("HY.X.TANPHONG", 3, "2026-Q3"),
                CascadeTarget("CB.TANPHONG.02", 14),
            ],
        )
        assert status.checks["periods:quarter"].problems[0][0] == "PERIODS_SHORT"
        assert status.checks["people"].ok  # people may plan more than the unit
        with pytest.raises(PlanningError, match="không phải đơn vị"):
            cascade_key_result(session, cadre, code, [CascadeTarget("HY.P.ANTAO", 1)])
        with pytest.raises(PlanningError, match="không phải đơn vị"):
            cascade_key_result(session, cadre, code, [CascadeTarget("HY.X.TANPHONG", 1, "2027-Q1")])
        assert plan_id


def test_cascading_needs_the_parent_plan(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    with session_scope(loaded) as session:
        code = _province_kr(session, actor_of("lanhdao.tinh"), "người", "10")
        with pytest.raises(PermissionDenied):
            cascade_key_result(
                session, actor_of("canbo.antao"), code, [CascadeTarget("HY.P.ANTAO", 5)]
            )


def test_precheck_ranks_plans_by_problems(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre, ward, province = (
        actor_of("canbo.tanphong"),
        actor_of("canbo.antao"),
        actor_of("lanhdao.tinh"),
    )
    with session_scope(loaded) as session:
        good = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        bad = draft_plan(session, ward, "HY.P.ANTAO", "2026")
        task = add_task(session, ward, bad, title="Tuyên truyền", perspective="service")
        add_key_result(
            session,
            ward,
            task.id or 0,
            parse_key_result_form(
                {
                    "title": "Hội nghị quán triệt",
                    "unit": "hội nghị",
                    "target": "2",
                    "last_year_actual": "6",
                }
            ),
        )
        submit_plan(session, cadre, good)
        submit_plan(session, ward, bad)
        ranked = precheck(session, province, period="2026")
        assert [p.plan_id for p in ranked] == [bad, good]
        assert ranked[0].warnings == 1 and ranked[0].findings[0].code == "T3_CHALLENGING"
        assert precheck(session, actor_of("bithu.tanphong"), period="2026") == []


def test_rollover_copies_plan_not_progress(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        record_checkin(
            session,
            cadre,
            kr_code="TP-2025-DV1.1",
            value="4",
            note="",
            evidence="bien-ban-hoi-nghi-quy-3.pdf",  # the key result requires evidence
            client_id="planning-checkin-0002",
            on_date=dt.date(2025, 9, 30),
            today=dt.date(2025, 10, 1),
        )
    with session_scope(loaded) as session:
        plan = rollover_plan(
            session, cadre, owner_code="HY.X.TANPHONG", from_period="2025", to_period="2026"
        )
        krs = (
            session.execute(
                select(KeyResult).where(KeyResult.code.startswith("HY.X.TANPHONG-2026"))  # type: ignore[attr-defined]
            )
            .scalars()
            .all()
        )
        assert len(krs) == 6 and plan.status == "draft"
        copied = next(k for k in krs if k.title == "Tổ chức hội nghị quán triệt nghị quyết")
        assert copied.current_value is None and copied.last_year_actual == 4
        assert copied.target == 6 and copied.parent_kr_id is None
        due = next(k.due for k in krs if k.direction == "milestone")
        assert due == dt.date(2026, 6, 30)
        with pytest.raises(PlanningError, match="Đã có kế hoạch"):
            rollover_plan(
                session, cadre, owner_code="HY.X.TANPHONG", from_period="2025", to_period="2026"
            )


def test_candidates_are_children_with_their_shares(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    from woms_pwa.core.planning.cascading import cascade_candidates

    province = actor_of("lanhdao.tinh")
    with session_scope(loaded) as session:
        code = _province_kr(session, province, "người", "90")
        cascade_key_result(session, province, code, [CascadeTarget("HY.P.ANTAO", 40)])
        found = {c.code: c for c in cascade_candidates(session, province, code)}
        assert {"HY.STC", "HY.X.TANPHONG", "HY.P.ANTAO", "CB.TINH.01"} <= set(found)
        assert found["HY.P.ANTAO"].target == 40 and found["HY.STC"].target is None
        with pytest.raises(PermissionDenied):
            cascade_candidates(session, actor_of("canbo.antao"), code)
