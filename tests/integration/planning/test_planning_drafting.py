"""Drafting: templates, permissions, validation, audit; checks on stored plans."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from planning_helpers import draft_plan
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.models import AuditEntry, KeyResult, Plan
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning.checks import check_plan
from woms_pwa.core.planning.common import PlanningError
from woms_pwa.core.planning.drafting import (
    add_key_result,
    add_task,
    create_plan,
    delete_key_result,
    parse_key_result_form,
    update_key_result,
)
from woms_pwa.core.planning.suggestions import suggest_metrics
from woms_pwa.core.planning.templates import LOCALITY, TEMPLATES, template_for_unit_kind


def test_templates_cover_the_four_perspectives() -> None:
    for template in TEMPLATES.values():
        assert {a.perspective for a in template.areas} == {
            "service",
            "budget",
            "process",
            "learning",
        }
    assert template_for_unit_kind("commune").code == LOCALITY
    assert TEMPLATES[LOCALITY].signature[0] == "TM. BAN THƯỜNG VỤ"
    assert template_for_unit_kind("agency").signature[0] == "THỦ TRƯỞNG"


def test_commune_cadre_drafts_the_commune_plan(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
    with session_scope(loaded) as session:
        plan = session.get(Plan, plan_id)
        assert plan is not None and plan.template == LOCALITY and plan.status == "draft"
        codes = session.execute(select(KeyResult.code)).scalars().all()
        assert "HY.X.TANPHONG-2026-DV1.1" in codes
        actions = session.execute(
            select(AuditEntry.action, AuditEntry.entity).where(AuditEntry.actor == "canbo.tanphong")
        ).all()
        assert ("create", "plan") in actions and ("create", "key_result") in actions
        assert check_plan(session, cadre, plan_id) == []


def test_drafting_other_units_plan_is_forbidden(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    with session_scope(loaded) as session, pytest.raises(PermissionDenied):
        create_plan(session, actor_of("canbo.antao"), owner_code="HY.X.TANPHONG", period="2026")


def test_existing_plan_and_bad_period_are_refused(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        with pytest.raises(PlanningError, match="Đã có kế hoạch kỳ 2025"):
            create_plan(session, cadre, owner_code="HY.X.TANPHONG", period="2025")
        with pytest.raises(PlanningError, match="không hợp lệ"):
            create_plan(session, cadre, owner_code="HY.X.TANPHONG", period="2026-13")


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"title": "", "target": "5"}, "nội dung mục tiêu"),
        ({"title": "Kết nạp", "target": ""}, "chỉ tiêu"),
        ({"title": "Kết nạp", "target": "mười"}, "Chỉ tiêu"),
        ({"title": "Kết nạp", "target": "5", "weight": "150"}, "Trọng số"),
        ({"title": "Kết nạp", "target": "5", "due": "31/02/2026"}, "Hạn hoàn thành"),
        ({"title": "Kết nạp", "target": "5", "direction": "sideways"}, "Chiều"),
    ],
)
def test_bad_key_result_input_is_explained(form: dict[str, str], message: str) -> None:
    with pytest.raises(PlanningError, match=message):
        parse_key_result_form(form)


def test_vietnamese_numbers_are_accepted() -> None:
    data = parse_key_result_form(
        {"title": "Thu ngân sách", "target": "1.234,5", "unit": "triệu đồng", "due": "30/06/2026"}
    )
    assert data.target == 1234.5 and data.due is not None and data.due.month == 6


def test_due_date_must_fall_in_the_period(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        plan = create_plan(session, cadre, owner_code="HY.X.TANPHONG", period="2026")
        task = add_task(session, cadre, plan.id or 0, title="Nhiệm vụ", perspective="service")
        with pytest.raises(PlanningError, match="nằm trong kỳ"):
            add_key_result(
                session,
                cadre,
                task.id or 0,
                parse_key_result_form(
                    {"title": "X", "target": "1", "unit": "lần", "due": "2027-01-05"}
                ),
            )


def test_edits_are_audited_and_inline_checks_follow(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        update_key_result(
            session,
            cadre,
            "HY.X.TANPHONG-2026-DV1.1",
            parse_key_result_form(
                {
                    "title": "Kết nạp đảng viên mới",
                    "unit": "người",
                    "target": "8",
                    "last_year_actual": "10",
                }
            ),
        )
        found = check_plan(session, cadre, plan_id)
        assert [f.code for f in found] == ["T3_CHALLENGING"]
        assert found[0].kr_code == "HY.X.TANPHONG-2026-DV1.1"
        changes = session.execute(
            select(AuditEntry.field, AuditEntry.old_value, AuditEntry.new_value).where(
                AuditEntry.entity_code == "HY.X.TANPHONG-2026-DV1.1", AuditEntry.action == "update"
            )
        ).all()
        assert ("target", "12.0", "8.0") in changes
        delete_key_result(session, cadre, "HY.X.TANPHONG-2026-DV1.1")
        assert "NO_KR" in [f.code for f in check_plan(session, cadre, plan_id)]


def test_suggestions_fill_a_key_result(loaded: str) -> None:
    with session_scope(loaded) as session:
        found = suggest_metrics(session, "ket nap dang vien moi", 3)
    assert found and set(found[0]) == {"code", "name", "unit", "direction", "why"}
    assert any("đảng viên" in s["name"].lower() for s in found)
    with session_scope(loaded) as session:
        assert suggest_metrics(session, "ab", 3) == []
