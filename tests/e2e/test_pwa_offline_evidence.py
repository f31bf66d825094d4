"""Offline queue and "evidence required": a reading queued without a photo for a key
result that (meanwhile) requires evidence comes back refused in Vietnamese, stays on
the phone, and goes once the cadre attaches a photo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.models import KeyResult, Task

from .conftest import ROOT, sign_in
from .pwa_support import USERNAME, checkins_by_client, ensure_pwa_data, queue, wait_offline_ready

KR = "PWA-2025-EV"
TITLE = "Số biên bản kiểm tra an toàn thực phẩm"
REFUSAL = f"Mục tiêu “{TITLE}” yêu cầu minh chứng; vui lòng đính kèm ảnh hoặc tệp."
PHOTO = ROOT / "assets" / "icon-72.png"


def _ensure_kr(db_url: str) -> None:
    """A key result of the PWA test plan that does not require evidence (yet)."""
    with session_scope(db_url) as session:
        kr = session.execute(select(KeyResult).where(KeyResult.code == KR)).scalar_one_or_none()
        if kr is None:
            task = session.execute(select(Task).where(Task.code == "PWA-NV1")).scalar_one()
            kr = KeyResult(
                task_id=task.id or 0, code=KR, title=TITLE, unit="biên bản", target=24, position=9
            )
        kr.evidence_required = False
        session.add(kr)


def _require_evidence(db_url: str) -> None:
    with session_scope(db_url) as session:
        kr = session.execute(select(KeyResult).where(KeyResult.code == KR)).scalar_one()
        kr.evidence_required = True
        session.add(kr)


@pytest.fixture
def cadre(app_url: str, app_db_url: str, phone: Page) -> Iterator[Page]:
    """The PWA test cadre signed in, with the plan (evidence not yet required) on the phone."""
    ensure_pwa_data(app_db_url)
    _ensure_kr(app_db_url)
    sign_in(phone, app_url, USERNAME)
    wait_offline_ready(phone)
    yield phone
    phone.context.set_offline(False)


def test_refused_for_lack_of_evidence_is_held_until_a_photo_is_attached(
    app_url: str, app_db_url: str, cadre: Page
) -> None:
    page = cadre
    page.context.set_offline(True)
    page.goto(app_url + "/")
    expect(page.locator("#net")).to_contain_text("Đang mất mạng")
    page.select_option("#kr", KR)
    expect(page.locator("label[for='photo']")).to_have_text("Ảnh minh chứng (không bắt buộc)")
    page.fill("#value", "3")
    page.fill("#note", "Kiểm tra 3 bếp ăn tập thể trường học.")
    page.click("#queue-save")
    expect(page.locator("#form-status")).to_contain_text("Đã lưu vào hàng chờ")
    client_id = str(queue(page)[0]["client_id"])

    # Meanwhile the approved plan asks for evidence on this key result.
    _require_evidence(app_db_url)
    page.context.set_offline(False)
    refused = page.locator(".queue-item.error")
    expect(refused).to_contain_text(REFUSAL, timeout=30_000)
    expect(page.locator("#queue-count")).to_have_text("1")  # held, not dropped
    assert checkins_by_client(app_db_url, [client_id]) == {client_id: []}

    # With the fresh plan the form says so before queueing another reading.
    page.select_option("#kr", KR)
    expect(page.locator("label[for='photo']")).to_contain_text("bắt buộc")
    page.fill("#value", "4")
    page.click("#queue-save")
    expect(page.locator("#form-error")).to_have_text(REFUSAL)
    expect(page.locator("#queue-count")).to_have_text("1")

    refused.locator(".attach-photo").set_input_files(str(PHOTO))
    expect(page.locator("#queue-count")).to_have_text("0", timeout=30_000)
    stored = checkins_by_client(app_db_url, [client_id])[client_id]
    assert [(code, value) for code, value, _ in stored] == [(KR, 3.0)]
    assert stored[0][2]  # the photo's evidence key
