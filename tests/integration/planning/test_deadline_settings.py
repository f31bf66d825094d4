"""The deadline editor's service: valid and invalid rules, permission, audit, effect on users."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from sqlmodel import col, select

from woms_pwa.core.db import session_scope
from woms_pwa.core.models import AuditEntry
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning.calendar import DeadlineRuleError, rules_for, set_rule, upcoming_for
from woms_pwa.core.planning.deadline_settings import deadline_settings, save_form
from woms_pwa.core.planning.models import DeadlineRule
from woms_pwa.core.services.audit import verify_chain


def _audit(url: str) -> list[AuditEntry]:
    with session_scope(url) as session:
        rows = session.execute(select(AuditEntry).order_by(col(AuditEntry.id))).scalars().all()
        session.expunge_all()
        return list(rows)


def _deadline_audit(url: str) -> list[AuditEntry]:
    return [e for e in _audit(url) if e.entity == "deadline_rule"]


def test_admin_moves_progress_entry_audited_and_users_follow(
    loaded: str, actor_of: Callable[[str], Actor]
) -> None:
    admin, cadre = actor_of("admin"), actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        changes = save_form(
            session,
            admin,
            {"progress_entry-day": " 7 ", "month_plan-day": "5"},  # month plan unchanged
        )
    assert [(c.key, c.old, c.new) for c in changes] == [("progress_entry", (None, 3), (None, 7))]
    entries = _deadline_audit(loaded)
    assert [(e.actor, e.field, e.old_value, e.new_value) for e in entries] == [
        ("admin", "due", "ngày 3", "ngày 7")
    ]
    assert entries[0].entity_code == "HY:progress_entry"
    assert verify_chain(_audit(loaded)) is None
    with session_scope(loaded) as session:
        assert rules_for(session, cadre.unit_id)["progress_entry"] == (None, 7)
        items = upcoming_for(session, cadre, today=dt.date(2025, 12, 1))
        november = next(
            i for i in items if i.key == "progress_entry" and i.period == "2025-11"
        )  # November's progress is now due on 7 December
        assert november.due == dt.date(2025, 12, 7)
        view = deadline_settings(session, cadre, today=dt.date(2025, 12, 1))
    row = next(r for r in view.rows if r.key == "progress_entry")
    assert (row.day, row.is_default, row.next_due) == (7, False, dt.date(2025, 12, 7))
    assert view.province == "Tỉnh Hưng Yên" and not view.can_edit


def test_province_leader_moves_annual_dates(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    leader = actor_of("lanhdao.tinh")
    with session_scope(loaded) as session:
        changes = save_form(
            session,
            leader,
            {
                "annual_plan-day": "20",
                "annual_plan-month": "11",
                "annual_approval-day": "15",
                "annual_approval-month": "12",
            },
        )
    assert {c.key: c.new for c in changes} == {"annual_plan": (11, 20), "annual_approval": (12, 15)}
    assert [(e.old_value, e.new_value) for e in _deadline_audit(loaded)] == [
        ("30/11", "20/11"),
        ("25/12", "15/12"),
    ]
    with session_scope(loaded) as session:  # saving the same values again writes nothing
        again = save_form(session, leader, {"annual_plan-day": "20", "annual_plan-month": "11"})
    assert again == [] and len(_deadline_audit(loaded)) == 2


@pytest.mark.parametrize(
    ("form", "key", "fragment"),
    [
        ({"annual_plan-day": "29", "annual_plan-month": "2"}, "annual_plan", "29/02"),
        ({"annual_plan-day": "31", "annual_plan-month": "11"}, "annual_plan", "chỉ có 30 ngày"),
        ({"annual_plan-day": "20", "annual_plan-month": "13"}, "annual_plan", "tháng 13"),
        ({"annual_plan-day": "20", "annual_plan-month": ""}, "annual_plan", "tháng phải là số"),
        ({"progress_entry-day": "0"}, "progress_entry", "ngày 0 không hợp lệ"),
        ({"progress_entry-day": "32"}, "progress_entry", "ngày 32 không hợp lệ"),
        ({"month_plan-day": "năm"}, "month_plan", "số nguyên"),
        (
            {"annual_approval-day": "25", "annual_approval-month": "11"},
            "annual_approval",
            "phải sau hạn trình",
        ),
    ],
)
def test_invalid_rules_are_refused_and_nothing_is_stored(
    loaded: str, actor_of: Callable[[str], Actor], form: dict[str, str], key: str, fragment: str
) -> None:
    admin = actor_of("admin")
    form = {**form, "quarter_plan-day": "12"}  # a valid change in the same form is not kept
    with session_scope(loaded) as session, pytest.raises(DeadlineRuleError) as caught:
        save_form(session, admin, form)
    assert fragment in caught.value.errors[key]
    with session_scope(loaded) as session:
        assert session.execute(select(DeadlineRule)).first() is None
    assert _deadline_audit(loaded) == []


def test_feb_29_message_is_explained(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    with session_scope(loaded) as session, pytest.raises(ValueError) as caught:
        set_rule(session, actor_of("admin"), "annual_approval", month=2, day=29)
    assert str(caught.value) == (
        "Phê duyệt kế hoạch năm: không đặt được hạn 29/02 vì năm không nhuận không có ngày "
        "này; hãy chọn 28/02 hoặc một ngày khác."
    )


@pytest.mark.parametrize("username", ["bithu.tanphong", "canbo.tanphong"])
def test_other_roles_are_refused(
    loaded: str, actor_of: Callable[[str], Actor], username: str
) -> None:
    with session_scope(loaded) as session:
        with pytest.raises(PermissionDenied, match="Chỉ lãnh đạo cấp tỉnh"):
            save_form(session, actor_of(username), {"progress_entry-day": "7"})
        with pytest.raises(PermissionDenied):  # the core refuses, whatever the door
            set_rule(session, actor_of(username), "progress_entry", day=7)
    with session_scope(loaded) as session:
        assert session.execute(select(DeadlineRule)).first() is None
    assert _deadline_audit(loaded) == []
