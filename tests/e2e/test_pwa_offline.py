"""Offline journey: with the network off, a cadre records two check-ins and a photo;
when it returns they reach the server exactly once; an amended plan holds an item."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.forms.models import EvidenceFile
from woms_pwa.core.models import UserAccount
from woms_pwa.core.permissions import Actor
from woms_pwa.core.services.checkins import record_checkin

from .conftest import ROOT, sign_in
from .pwa_support import (
    USERNAME,
    amend_plan,
    checkins_by_client,
    ensure_pwa_data,
    queue,
    wait_offline_ready,
)

PHOTO = ROOT / "assets" / "icon-48.png"


@pytest.fixture
def cadre(app_url: str, app_db_url: str, phone: Page) -> Iterator[Page]:
    """The PWA test cadre signed in, service worker in control, plan cached on the phone."""
    ensure_pwa_data(app_db_url)
    sign_in(phone, app_url, USERNAME)
    wait_offline_ready(phone)
    yield phone
    phone.context.set_offline(False)


def _queue_checkin(page: Page, kr: str, value: str, note: str, photo: Path | None = None) -> None:
    page.select_option("#kr", kr)
    page.fill("#value", value)
    page.fill("#note", note)
    if photo is not None:
        page.set_input_files("#photo", str(photo))
    page.click("#queue-save")
    expect(page.locator("#form-status")).to_contain_text("Đã lưu vào hàng chờ")


def _actor(db_url: str) -> Actor:

    with session_scope(db_url) as session:
        account = session.execute(
            select(UserAccount).where(UserAccount.username == USERNAME)
        ).scalar_one()
        return Actor.from_account(account)


def test_offline_checkins_and_photo_reach_the_server_exactly_once(
    app_url: str, app_db_url: str, cadre: Page
) -> None:
    page = cadre
    page.context.set_offline(True)
    page.goto(app_url + "/")  # the app opened with no signal: the offline page answers
    expect(page.locator("#net")).to_contain_text("Đang mất mạng")
    expect(page.locator("h1")).to_contain_text("Cập nhật tiến độ khi mất mạng")
    _queue_checkin(
        page, "PWA-2025-1", "12,5", "Hướng dẫn 12 hộ nộp hồ sơ trực tuyến tại nhà văn hoá."
    )
    _queue_checkin(page, "PWA-2025-2", "3", "Tuyên truyền tại thôn An Lạc.", PHOTO)
    expect(page.locator("#queue-count")).to_have_text("2")
    expect(page.locator(".queue-item.pending")).to_have_count(2)
    expect(page.locator(".queue-item").nth(1)).to_contain_text("Có ảnh minh chứng")
    items = queue(page)
    ids = [str(item["client_id"]) for item in items]
    assert [item["kr_code"] for item in items] == ["PWA-2025-1", "PWA-2025-2"]
    assert all(item["plan_version"] for item in items) and items[1]["photo"] is True
    assert checkins_by_client(app_db_url, ids) == {ids[0]: [], ids[1]: []}

    # The first item reached the server once before, but the answer was lost
    # (the signal dropped): the phone still has it queued and will send it again.
    with session_scope(app_db_url) as session:
        record_checkin(
            session,
            _actor(app_db_url),
            kr_code="PWA-2025-1",
            value="12,5",
            client_id=ids[0],
            on_date=dt.date.fromisoformat(str(items[0]["date"])),
        )

    page.context.set_offline(False)
    expect(page.locator("#net")).to_contain_text("Đã có mạng")
    expect(page.locator("#queue-count")).to_have_text("0", timeout=30_000)
    page.evaluate("WomsOffline.sync()")  # one more run changes nothing
    stored = checkins_by_client(app_db_url, ids)
    assert [(code, value) for code, value, _ in stored[ids[0]]] == [("PWA-2025-1", 12.5)]
    assert [(code, value) for code, value, _ in stored[ids[1]]] == [("PWA-2025-2", 3.0)]
    evidence = stored[ids[1]][0][2]
    assert evidence
    with session_scope(app_db_url) as session:
        row = session.execute(
            select(EvidenceFile).where(EvidenceFile.sha256 == evidence)
        ).scalar_one()
        assert row.mime == "image/png" and row.uploaded_by_user_id == _actor(app_db_url).user_id


def test_amended_plan_holds_a_queued_checkin_for_remapping(
    app_url: str, app_db_url: str, cadre: Page
) -> None:
    page = cadre
    page.context.set_offline(True)
    page.goto(app_url + "/ke-hoach")
    expect(page.locator("#net")).to_contain_text("Đang mất mạng")
    _queue_checkin(page, "PWA-2025-3", "5", "Nhân rộng mô hình tổ tự quản.")
    client_id = str(queue(page)[0]["client_id"])

    amend_plan(app_db_url, retire="PWA-2025-3")  # approved while the phone was offline
    page.context.set_offline(False)
    held = page.locator(".queue-item.held")
    expect(held).to_contain_text("Cần chọn lại mục tiêu", timeout=30_000)
    expect(held).to_contain_text("đã được rút khỏi kế hoạch")
    expect(page.locator("#queue-count")).to_have_text("1")
    assert checkins_by_client(app_db_url, [client_id]) == {client_id: []}

    # The online app shows that something waits.
    page.goto(app_url + "/")
    page.wait_for_selector(".plan-link")
    expect(page.locator("#woms-sync-badge")).to_have_text("Chờ đồng bộ: 1")

    page.goto(app_url + "/offline/")
    page.wait_for_selector("body[data-ready='1']")
    held = page.locator(".queue-item.held")
    expect(held.locator("option[value='PWA-2025-3']")).to_have_count(0)
    held.locator(".remap-select").select_option("PWA-2025-4")
    held.locator(".remap").click()
    expect(page.locator("#queue-count")).to_have_text("0", timeout=30_000)
    stored = checkins_by_client(app_db_url, [client_id])[client_id]
    assert [(code, value) for code, value, _ in stored] == [("PWA-2025-4", 5.0)]


def test_refused_photo_is_kept_and_the_reading_can_go_without_it(
    app_url: str, app_db_url: str, cadre: Page, tmp_path: Path
) -> None:
    page = cadre
    fake = tmp_path / "anh.jpg"
    fake.write_text("không phải ảnh", encoding="utf-8")
    page.context.set_offline(True)
    page.goto(app_url + "/")
    _queue_checkin(page, "PWA-2025-2", "4", "Ảnh chụp bị lỗi.", fake)
    client_id = str(queue(page)[0]["client_id"])
    page.context.set_offline(False)
    refused = page.locator(".queue-item.error")
    expect(refused).to_contain_text("Máy chủ từ chối", timeout=30_000)
    expect(page.locator("#queue-count")).to_have_text("1")
    assert checkins_by_client(app_db_url, [client_id]) == {client_id: []}
    refused.locator(".without-photo").click()
    expect(page.locator("#queue-count")).to_have_text("0", timeout=30_000)
    stored = checkins_by_client(app_db_url, [client_id])[client_id]
    assert [(code, value, evidence) for code, value, evidence in stored] == [
        ("PWA-2025-2", 4.0, None)
    ]
