"""Lifecycle and tiered approval: submit, return with comment, approve and lock, amend."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from planning_helpers import draft_plan
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.models import AuditEntry, KeyResult, Plan
from woms_pwa.core.notifications.models import Notification
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning.amendments import (
    approve_amendments,
    list_amendments,
    propose_amendment,
    return_amendments,
)
from woms_pwa.core.planning.common import PlanningError
from woms_pwa.core.planning.drafting import (
    add_key_result,
    add_task,
    create_plan,
    parse_key_result_form,
)
from woms_pwa.core.planning.lifecycle import (
    approve_plan,
    can_approve,
    list_reviews,
    return_plan,
    submit_plan,
)
from woms_pwa.core.planning.versions import diff_snapshots, get_version, list_versions


def _titles(session, username: str) -> list[str]:  # type: ignore[no-untyped-def]
    from woms_pwa.core.models import UserAccount

    user = session.execute(select(UserAccount).where(UserAccount.username == username)).scalar_one()
    return list(
        session.execute(select(Notification.title).where(Notification.user_id == user.id)).scalars()
    )


def test_submit_is_blocked_by_errors_and_explains_them(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        task = add_task(session, cadre, plan_id, title="Tuyển quân", perspective="service")
        add_key_result(
            session,
            cadre,
            task.id or 0,
            parse_key_result_form({"title": "Hoàn thành chỉ tiêu", "target": "100"}),
        )
        with pytest.raises(PlanningError) as caught:
            submit_plan(session, cadre, plan_id)
        assert "1 lỗi" in str(caught.value)
        assert "đơn vị tính" in caught.value.details[0]


def test_full_cycle_return_fix_approve_lock(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre, province, head = (
        actor_of("canbo.tanphong"),
        actor_of("lanhdao.tinh"),
        actor_of("bithu.tanphong"),
    )
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        submit_plan(session, cadre, plan_id)
        assert "Kế hoạch chờ phê duyệt: Xã Tân Phong – kỳ 2026" in _titles(session, "lanhdao.tinh")
        with pytest.raises(PlanningError, match="Kế hoạch đang ở trạng thái"):
            add_task(session, cadre, plan_id, title="Thêm", perspective="service")
        with pytest.raises(PermissionDenied):
            approve_plan(session, head, plan_id)  # a commune's plan is the province's to approve
        with pytest.raises(PlanningError, match="ghi ý kiến"):
            return_plan(session, province, plan_id, "  ")
        return_plan(session, province, plan_id, "Bổ sung chỉ tiêu tuyển quân")
        assert any("bị trả lại" in t for t in _titles(session, "canbo.tanphong"))
        task = add_task(
            session,
            cadre,
            plan_id,
            title="Tuyển quân",
            perspective="service",
            area="Quốc phòng – an ninh",
        )
        add_key_result(
            session,
            cadre,
            task.id or 0,
            parse_key_result_form(
                {"title": "Hoàn thành chỉ tiêu tuyển quân", "unit": "%", "target": "100"}
            ),
        )
        submit_plan(session, cadre, plan_id)
        approve_plan(session, province, plan_id, "Đồng ý")
        with pytest.raises(PlanningError):
            add_task(session, cadre, plan_id, title="Sau duyệt", perspective="service")
        plan = session.get(Plan, plan_id)
        assert plan is not None and plan.status == "approved" and plan.approved_at is not None
        assert [r.action for r in list_reviews(session, cadre, plan_id)] == [
            "create",
            "submit",
            "return",
            "submit",
            "approve",
        ]
        assert list_reviews(session, cadre, plan_id)[2].comment == "Bổ sung chỉ tiêu tuyển quân"
        assert [v.version for v in list_versions(session, cadre, plan_id)] == [1]


def test_tiered_approval_rules(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    province, head = actor_of("lanhdao.tinh"), actor_of("bithu.tanphong")
    cadre, other = actor_of("canbo.tanphong"), actor_of("canbo.antao")
    with session_scope(loaded) as session:
        staff_plan = create_plan(session, cadre, owner_code="CB.TANPHONG.02", period="2026")
        head_plan = create_plan(session, head, owner_code="CB.TANPHONG.01", period="2026")
        dept_plan = create_plan(session, head, owner_code="HY.X.TANPHONG.VP", period="2026")
        unit_plan = create_plan(session, cadre, owner_code="HY.X.TANPHONG", period="2026")
        assert can_approve(session, head, staff_plan) and not can_approve(
            session, province, staff_plan
        )
        assert can_approve(session, head, dept_plan) and not can_approve(
            session, province, dept_plan
        )
        assert can_approve(session, province, head_plan) and not can_approve(
            session, head, head_plan
        )
        assert can_approve(session, province, unit_plan) and not can_approve(
            session, head, unit_plan
        )
        assert not can_approve(session, cadre, staff_plan)
        assert not any(can_approve(session, other, p) for p in (staff_plan, dept_plan, unit_plan))


def test_staff_plan_goes_to_the_head(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre, head = actor_of("canbo.tanphong"), actor_of("bithu.tanphong")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "CB.TANPHONG.02", "2026")
        submit_plan(session, cadre, plan_id)
        assert any("Lê Văn Nam" in t for t in _titles(session, "bithu.tanphong"))
        assert not any("Lê Văn Nam" in t for t in _titles(session, "lanhdao.tinh"))
        approve_plan(session, head, plan_id)


def test_amendment_keeps_the_earlier_version(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre, province = actor_of("canbo.tanphong"), actor_of("lanhdao.tinh")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        submit_plan(session, cadre, plan_id)
        with pytest.raises(PlanningError, match="đã phê duyệt"):
            propose_amendment(
                session,
                cadre,
                plan_id,
                kind="remove",
                reason="x",
                kr_code="HY.X.TANPHONG-2026-DV1.1",
            )
        approve_plan(session, province, plan_id)
        code = "HY.X.TANPHONG-2026-DV1.1"
        with pytest.raises(PlanningError, match="lý do"):
            propose_amendment(session, cadre, plan_id, kind="remove", reason=" ", kr_code=code)
        adjusted = parse_key_result_form(
            {
                "title": "Kết nạp đảng viên mới",
                "unit": "người",
                "target": "15",
                "last_year_actual": "10",
            }
        )
        propose_amendment(
            session,
            cadre,
            plan_id,
            kind="adjust",
            reason="Chỉ tiêu của tỉnh tăng",
            kr_code=code,
            data=adjusted,
        )
        task_id = session.execute(
            select(KeyResult.task_id).where(KeyResult.code == code)
        ).scalar_one()
        propose_amendment(
            session,
            cadre,
            plan_id,
            kind="add",
            reason="Phát sinh",
            task_id=task_id,
            data=parse_key_result_form(
                {"title": "Chuyển đảng chính thức", "unit": "%", "target": "100"}
            ),
        )
        propose_amendment(
            session,
            cadre,
            plan_id,
            kind="remove",
            reason="Không còn phù hợp",
            kr_code="HY.X.TANPHONG-2026-HT1.1",
        )
        with pytest.raises(PermissionDenied):
            approve_amendments(session, cadre, plan_id)
        approve_amendments(session, province, plan_id, "Đồng ý sửa đổi")
        plan = session.get(Plan, plan_id)
        assert plan is not None and plan.version == 2 and plan.status == "approved"
        first, second = (
            get_version(session, cadre, plan_id, 1),
            get_version(session, cadre, plan_id, 2),
        )
        changes = {(d["change"], d["code"], d["field"]) for d in diff_snapshots(first, second)}
        assert ("changed", code, "target") in changes
        assert ("changed", "HY.X.TANPHONG-2026-HT1.1", "status") in changes
        assert any(c[0] == "added" for c in changes)
        assert [v.version for v in list_versions(session, cadre, plan_id)] == [2, 1]
        assert {a.status for a in list_amendments(session, cadre, plan_id)} == {"approved"}
        reasons = (
            session.execute(select(AuditEntry.reason).where(AuditEntry.action == "amend_adjust"))
            .scalars()
            .all()
        )
        assert reasons == ["Chỉ tiêu của tỉnh tăng"]
        retired = session.execute(
            select(KeyResult.status).where(KeyResult.code == "HY.X.TANPHONG-2026-HT1.1")
        ).scalar_one()
        assert retired == "retired"


def test_returned_amendment_changes_nothing(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre, province = actor_of("canbo.tanphong"), actor_of("lanhdao.tinh")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        submit_plan(session, cadre, plan_id)
        approve_plan(session, province, plan_id)
        propose_amendment(
            session, cadre, plan_id, kind="remove", reason="Thử", kr_code="HY.X.TANPHONG-2026-DV1.1"
        )
        with pytest.raises(PlanningError):
            return_amendments(session, province, plan_id, "")
        return_amendments(session, province, plan_id, "Giữ nguyên")
        plan = session.get(Plan, plan_id)
        assert plan is not None and plan.version == 1
        with pytest.raises(PlanningError, match="Không có đề nghị"):
            approve_amendments(session, province, plan_id)
