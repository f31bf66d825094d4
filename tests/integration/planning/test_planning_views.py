"""Read models of the planning pages: my plans, owner choices, the editor's view."""

from __future__ import annotations

from collections.abc import Callable

from planning_helpers import draft_plan

from woms_pwa.core.db import session_scope
from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.lifecycle import return_plan, submit_plan
from woms_pwa.core.planning.views import default_template, editor_view, my_plans, owner_choices


def test_owner_choices_follow_the_role(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    with session_scope(loaded) as session:
        cadre = [c for c, _ in owner_choices(session, actor_of("canbo.tanphong"))]
        head = [c for c, _ in owner_choices(session, actor_of("bithu.tanphong"))]
        assert cadre == ["HY.X.TANPHONG", "CB.TANPHONG.02"]
        assert head == ["HY.X.TANPHONG", "HY.X.TANPHONG.VP", "CB.TANPHONG.01"]
        assert default_template(session, "HY.STC") == "phu_luc_1"
        assert default_template(session, "CB.TANPHONG.02") == "phu_luc_2"


def test_editor_view_shows_findings_and_the_return_comment(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    cadre, province = actor_of("canbo.tanphong"), actor_of("lanhdao.tinh")
    with session_scope(loaded) as session:
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        view = editor_view(session, cadre, plan_id)
        assert view.can_edit and not view.can_amend and not view.can_approve
        assert view.errors == 0 and len(view.tasks) == 4
        assert next(r.period for r in my_plans(session, cadre)) == "2026"
        submit_plan(session, cadre, plan_id)
        assert editor_view(session, province, plan_id).can_approve
        return_plan(session, province, plan_id, "Sửa chỉ tiêu giải ngân")
        view = editor_view(session, cadre, plan_id)
        assert view.last_comment == "Sửa chỉ tiêu giải ngân" and view.can_edit
