"""An administrator moves the monthly progress deadline on /lich/cau-hinh and sees it on /lich.

The province's rule is put back to the default at the end: the server is shared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from analytics.vntext import format_date_vi
from woms_pwa.core.db import session_scope
from woms_pwa.core.permissions import Actor
from woms_pwa.core.planning.calendar import DEFAULT_RULES, compute_deadlines, set_rule
from woms_pwa.core.services.auth import create_account

from .conftest import PASSWORD, PHONE, sign_in

ADMIN = "quantri.lich"


@pytest.fixture
def restore_progress_rule(app_db_url: str) -> Iterator[None]:
    """Put the monthly progress deadline back to the default after the test."""
    yield
    with session_scope(app_db_url) as session:
        set_rule(
            session, Actor.system("e2e"), "progress_entry", day=DEFAULT_RULES["progress_entry"][1]
        )


def _admin(browser: Browser, app_url: str, app_db_url: str) -> Page:
    with session_scope(app_db_url) as session:
        create_account(session, username=ADMIN, password=PASSWORD, role="admin")
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = context.new_page()
    sign_in(page, app_url, ADMIN)
    return page


def _next_progress_due(day: int) -> dt.date:
    today = dt.date.today()
    rules = {**DEFAULT_RULES, "progress_entry": (None, day)}
    return next(
        d.due
        for y in (today.year, today.year + 1)
        for d in compute_deadlines(y, rules)
        if d.key == "progress_entry" and d.due >= today
    )


def test_admin_moves_progress_deadline_and_users_see_it(
    browser: Browser, app_url: str, app_db_url: str, phone: Page, restore_progress_rule: None
) -> None:
    admin = _admin(browser, app_url, app_db_url)
    admin.goto(app_url + "/lich")
    rule = admin.locator('#deadline-rules .deadline-rule[data-key="progress_entry"]')
    expect(rule).to_contain_text("Nhập tiến độ hằng tháng")
    expect(rule.locator(".rule-value")).to_have_text("ngày 3")
    admin.click("#deadline-config-link")
    expect(admin.locator("#progress_entry-day")).to_have_value("3")

    # An impossible date is refused in Vietnamese and nothing is saved.
    admin.fill("#annual_plan-day", "29")
    admin.fill("#annual_plan-month", "2")
    admin.fill("#progress_entry-day", "7")
    admin.click("#save-deadlines")
    expect(admin.locator("#annual_plan-error")).to_contain_text("không đặt được hạn 29/02")
    expect(admin.locator("#progress_entry-day")).to_have_value("7")  # typed values kept
    expect(admin.locator("#saved")).to_have_count(0)

    admin.fill("#annual_plan-day", "30")
    admin.fill("#annual_plan-month", "11")
    admin.click("#save-deadlines")
    expect(admin.locator("#saved")).to_contain_text("Đã lưu 1 thay đổi")
    expect(admin.locator("#annual_plan-error")).not_to_be_visible()
    due = format_date_vi(_next_progress_due(7))
    editor = admin.locator('.deadline-rule-editor[data-key="progress_entry"]')
    expect(editor).to_contain_text("Đã điều chỉnh")
    expect(editor.locator(".rule-next")).to_contain_text(f"Lần tới: {due}")

    admin.click("#back-to-calendar")
    expect(rule.locator(".rule-value")).to_have_text("ngày 7")
    expect(rule).to_contain_text(due)

    # A cadre's own list follows the new rule; the cadre cannot change it.
    sign_in(phone, app_url, "canbo.tanphong")
    phone.goto(app_url + "/lich")
    progress = phone.locator(".deadline-item", has_text="Nhập tiến độ tháng").filter(
        has_text=f"Hạn {due}"
    )
    expect(progress.first).to_be_visible()
    expect(phone.locator("#deadline-config-link")).to_have_count(0)
    phone.goto(app_url + "/lich/cau-hinh")
    expect(phone.locator("#error")).to_contain_text("Chỉ lãnh đạo cấp tỉnh")
    expect(phone.locator("#save-deadlines")).to_have_count(0)
    admin.context.close()
