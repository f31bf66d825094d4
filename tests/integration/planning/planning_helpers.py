"""Helpers for planning tests: a small, well-formed plan drafted through the services."""

from __future__ import annotations

from sqlmodel import Session

from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.drafting import (
    add_key_result,
    add_task,
    create_plan,
    parse_key_result_form,
)

TASKS = (
    (
        "service",
        "Xây dựng Đảng/Tổ chức đảng",
        "Phát triển đảng viên",
        "Kết nạp đảng viên mới",
        "người",
        "12",
        "10",
    ),
    (
        "budget",
        "Ngân sách/Đầu tư công",
        "Quản lý vốn đầu tư công",
        "Giải ngân vốn đầu tư công",
        "%",
        "100",
        "95",
    ),
    (
        "process",
        "Cải cách hành chính",
        "Đẩy mạnh cải cách hành chính",
        "Hồ sơ TTHC đúng hạn",
        "%",
        "98",
        "96",
    ),
    (
        "learning",
        "Chuyển đổi số",
        "Xây dựng xã số",
        "Văn bản xử lý trên môi trường số",
        "%",
        "80",
        "70",
    ),
)


def draft_plan(
    session: Session, actor: Actor, owner: str, period: str, *, template: str | None = None
) -> int:
    """A plan with one task per perspective and one sound key result each; returns its id."""
    plan = create_plan(session, actor, owner_code=owner, period=period, template=template)
    for perspective, area, task_title, kr, unit, target, last in TASKS:
        task = add_task(
            session, actor, plan.id or 0, title=task_title, perspective=perspective, area=area
        )
        add_key_result(
            session,
            actor,
            task.id or 0,
            parse_key_result_form(
                {"title": kr, "unit": unit, "target": target, "last_year_actual": last}
            ),
        )
    return plan.id or 0
