"""Deadlines per province, each user's upcoming list, and reminders over real SMTP."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from email import message_from_bytes, policy

import pytest
from conftest_smtp import SmtpInbox
from planning_helpers import draft_plan

from woms_pwa.core.db import session_scope
from woms_pwa.core.permissions import Actor, PermissionDenied
from woms_pwa.core.planning.calendar import compute_deadlines, rules_for, set_rule, upcoming_for
from woms_pwa.core.planning.lifecycle import submit_plan
from woms_pwa.core.planning.reminders import send_reminders


def test_default_deadlines_of_a_plan_year() -> None:
    due = {(d.key, d.period): d.due for d in compute_deadlines(2026)}
    assert due[("annual_plan", "2026")] == dt.date(2025, 11, 30)
    assert due[("annual_approval", "2026")] == dt.date(2025, 12, 25)
    assert due[("month_plan", "2026-03")] == dt.date(2026, 3, 5)
    assert due[("quarter_plan", "2026-Q2")] == dt.date(2026, 4, 10)
    assert due[("progress_entry", "2026-12")] == dt.date(2027, 1, 3)
    assert len(due) == 2 + 4 + 12 + 12


def test_overrides_clamp_to_the_month() -> None:
    due = {(d.key, d.period): d.due for d in compute_deadlines(2026, {"month_plan": (None, 31)})}
    assert due[("month_plan", "2026-02")] == dt.date(2026, 2, 28)
    assert due[("month_plan", "2026-01")] == dt.date(2026, 1, 31)


def test_province_configures_its_deadlines(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    province, cadre = actor_of("lanhdao.tinh"), actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        with pytest.raises(PermissionDenied):
            set_rule(session, cadre, "annual_plan", month=11, day=20)
        with pytest.raises(ValueError, match="không hợp lệ"):
            set_rule(session, province, "annual_plan", month=13, day=20)
        set_rule(session, province, "annual_plan", month=11, day=20)
    with session_scope(loaded) as session:
        assert rules_for(session, cadre.unit_id)["annual_plan"] == (11, 20)
        items = upcoming_for(session, cadre, today=dt.date(2025, 11, 15))
        annual = next(
            i for i in items if i.key == "annual_plan" and i.owner_code == "HY.X.TANPHONG"
        )
        assert annual.due == dt.date(2025, 11, 20) and annual.status == "due_soon"


def test_statuses_done_overdue(loaded: str, actor_of: Callable[[str], Actor]) -> None:
    cadre = actor_of("canbo.tanphong")
    with session_scope(loaded) as session:
        before = upcoming_for(session, cadre, today=dt.date(2025, 12, 2))
        annual = [i for i in before if i.key == "annual_plan" and i.period == "2026"]
        assert {i.status for i in annual} == {"overdue"}
        assert {i.owner_code for i in annual} == {"HY.X.TANPHONG", "CB.TANPHONG.02"}
        plan_id = draft_plan(session, cadre, "HY.X.TANPHONG", "2026")
        submit_plan(session, cadre, plan_id)
        after = upcoming_for(session, cadre, today=dt.date(2025, 12, 2))
        unit_annual = next(
            i for i in after if i.key == "annual_plan" and i.owner_code == "HY.X.TANPHONG"
        )
        assert unit_annual.status == "done"
        assert after[0].status == "overdue"  # overdue items come first


def test_reminders_are_notified_once_and_emailed(loaded: str, smtp: tuple[str, SmtpInbox]) -> None:
    url, inbox = smtp
    today = dt.date(2025, 11, 26)
    with session_scope(loaded) as session:
        first = send_reminders(session, today=today, smtp_url=url)
    with session_scope(loaded) as session:
        again = send_reminders(session, today=today, smtp_url=url)
    assert first.notified > 0 and again.notified == 0 and again.emailed == 0
    # Only CB.TANPHONG.01 (bithu.tanphong) has an e-mail address in the fixture.
    assert first.emailed == len(inbox.messages) >= 1
    mails = [message_from_bytes(m, policy=policy.default) for m in inbox.messages]
    assert {m["To"] for m in mails} == {"mai.tt@example.gov.vn"}
    annual = next(m for m in mails if "Trình kế hoạch năm 2026" in str(m["Subject"]))
    assert "sắp đến hạn" in str(annual["Subject"]) and "30/11/2025" in annual.get_content()


def test_no_smtp_no_email(loaded: str) -> None:
    with session_scope(loaded) as session:
        summary = send_reminders(session, today=dt.date(2025, 11, 26), smtp_url="")
    assert summary.notified > 0 and summary.emailed == 0
