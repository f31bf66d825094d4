"""A cadre sees a new notification behind the bell, opens it and marks it read."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.models import Person
from woms_pwa.core.notifications.service import Recipient, notify

from .conftest import sign_in


def test_bell_shows_unread_and_page_marks_read(app_url: str, app_db_url: str, phone: Page) -> None:
    with session_scope(app_db_url) as session:
        person = session.execute(select(Person).where(Person.code == "CB.ANTAO.02")).scalar_one()
        notify(
            session,
            Recipient(person_id=person.id),
            kind="deadline",
            title="Hạn cập nhật tiến độ tháng 9: còn 2 ngày",
            body="Vui lòng cập nhật các mục tiêu của Phường An Tảo trước ngày 03/10/2025.",
            link="/",
            dedupe_key="e2e-bell",
        )
    sign_in(phone, app_url, "canbo.antao")
    bell = phone.locator("#bell")
    expect(bell).to_contain_text("1")
    expect(bell).to_have_attribute("aria-label", "Thông báo: 1 chưa đọc")
    bell.click()
    item = phone.locator(".notification-item").first
    expect(item).to_contain_text("Hạn cập nhật tiến độ tháng 9: còn 2 ngày")
    expect(item).to_contain_text("Chưa đọc")
    phone.click("#mark-read")
    expect(phone.locator(".notification-item").first).not_to_contain_text("Chưa đọc")
    expect(phone.locator("#bell")).to_have_attribute("aria-label", "Thông báo")
