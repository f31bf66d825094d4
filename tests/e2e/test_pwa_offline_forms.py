"""Guided forms offline: with the network off a cadre fills "work outside the plan",
reloads (the draft is kept), queues it; with the network back it is stored exactly once
and shows among their submissions. The offline page stays clean for axe with a form open."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect
from sqlmodel import select

from woms_pwa.core.db import session_scope
from woms_pwa.core.forms.models import EvidenceFile, FormSubmission
from woms_pwa.core.models import UserAccount

from .conftest import ROOT, sign_in
from .pwa_support import USERNAME, ensure_pwa_data, wait_offline_ready
from .test_pwa_a11y import _axe, _serious

PHOTO = ROOT / "assets" / "icon-48.png"
TITLE = "Hỗ trợ khắc phục hậu quả bão số 3 tại thôn An Lạc"
FORM_TITLE = "Nhiệm vụ phát sinh ngoài kế hoạch"


@pytest.fixture
def cadre(app_url: str, app_db_url: str, phone: Page) -> Iterator[Page]:
    """The PWA test cadre signed in, with plan and forms cached on the phone."""
    ensure_pwa_data(app_db_url)
    sign_in(phone, app_url, USERNAME)
    wait_offline_ready(phone)
    deadline = time.monotonic() + 30
    while not phone.evaluate(
        "self.WomsForms && WomsForms.cachedForms().then(f => !!(f && f.forms.length))"
    ):
        if time.monotonic() > deadline:
            raise AssertionError("biểu mẫu chưa được lưu trên máy sau khi đăng nhập")
        phone.wait_for_timeout(250)
    yield phone
    phone.context.set_offline(False)


def _open_offline(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready='1'][data-forms-ready='1']")


def _submissions(db_url: str, client_id: str) -> list[FormSubmission]:
    with session_scope(db_url) as session:
        rows = list(
            session.execute(
                select(FormSubmission).where(FormSubmission.client_id == client_id)
            ).scalars()
        )
        session.expunge_all()
        return rows


def test_work_outside_the_plan_filled_offline_reaches_the_server_once(
    app_url: str, app_db_url: str, cadre: Page
) -> None:
    page = cadre
    page.context.set_offline(True)
    _open_offline(page, app_url + "/bieu-mau")  # no signal: the offline page answers
    expect(page.locator("#net")).to_contain_text("Đang mất mạng")
    page.click("#open-phat_sinh")
    expect(page.locator("#fill-title")).to_have_text(FORM_TITLE)
    version = int(
        page.evaluate(
            "WomsForms.cachedForms().then(f => f.forms.find(x => x.code === 'phat_sinh').version)"
        )
    )
    expect(page.locator("#fill-version")).to_have_text(f"Phiên bản {version}")
    expect(page.locator("#ff-completion_pct")).to_have_value("100")  # the definition's default
    page.fill("#ff-title", TITLE)
    page.check("#ff-perspective-0")
    page.fill("#ff-done_on", "2025-09-12")
    expect(page.locator("#fill-draft")).to_contain_text("Đã lưu nháp trên máy")

    # The phone is put away, the page reloaded: the draft is still there.
    _open_offline(page, app_url + "/offline/")
    expect(page.locator("#open-phat_sinh")).to_contain_text("Có bản nháp")
    page.click("#open-phat_sinh")
    expect(page.locator("#forms-status")).to_have_text("Đã khôi phục bản nháp bạn đang điền dở.")
    expect(page.locator("#ff-title")).to_have_value(TITLE)
    expect(page.locator("#ff-perspective-0")).to_be_checked()
    expect(page.locator("#ff-done_on")).to_have_value("2025-09-12")

    # The engine's rules, with the server's wording, before anything is queued.
    page.fill("#ff-completion_pct", "150")
    page.click("#fill-queue")
    expect(page.locator("#fill-error")).to_have_text("Vui lòng sửa các lỗi được đánh dấu.")
    expect(page.locator("#ff-completion_pct-err")).to_have_text(
        "“Mức độ hoàn thành” không được lớn hơn 100."
    )
    expect(page.locator("#ff-result-err")).to_have_text("Vui lòng nhập “Kết quả cụ thể”.")
    expect(page.locator("#ff-completion_pct")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#queue-count")).to_have_text("0")

    page.fill("#ff-completion_pct", "90")
    page.fill("#ff-result", "Dựng lại 12 nhà bị tốc mái, dọn 3 km đường trục thôn.")
    page.set_input_files("#ff-evidence", str(PHOTO))
    expect(page.locator("#wrap-ff-evidence")).to_contain_text("Đã đính kèm: icon-48.png")
    page.click("#fill-queue")
    expect(page.locator("#forms-status")).to_contain_text("Đã lưu vào hàng chờ")
    expect(page.locator("#queue-count")).to_have_text("1")
    queued = page.locator(".queue-item.form-item.pending")
    expect(queued).to_contain_text(FORM_TITLE)
    expect(queued).to_contain_text("Đang chờ gửi")
    expect(page.locator("#open-phat_sinh")).not_to_contain_text("Có bản nháp")
    item = page.evaluate(
        "WomsOffline.listQueue().then(items => { window.__copy = items[0]; "
        "return {client_id: items[0].client_id, kind: items[0].kind, version: items[0].version,"
        " answers: items[0].answers}; })"
    )
    client_id = str(item["client_id"])
    assert item["kind"] == "form" and item["version"] == version
    assert item["answers"]["title"] == TITLE and item["answers"]["completion_pct"] == "90"
    assert _submissions(app_db_url, client_id) == []

    page.context.set_offline(False)
    expect(page.locator("#net")).to_contain_text("Đã có mạng")
    expect(page.locator("#queue-count")).to_have_text("0", timeout=30_000)
    expect(page.locator("#forms-sent-list")).to_contain_text(FORM_TITLE)

    # The answer of the first sending is lost: the phone sends the same item again.
    page.evaluate("WomsOffline.putItem(window.__copy).then(() => WomsOffline.sync())")
    expect(page.locator("#queue-count")).to_have_text("0", timeout=30_000)
    rows = _submissions(app_db_url, client_id)
    assert len(rows) == 1
    row = rows[0]
    answers = json.loads(row.answers_json)
    assert row.version == version and row.form_code == "phat_sinh"
    assert answers["title"] == TITLE and answers["completion_pct"] == 90.0
    assert answers["perspective"] == "service" and answers["done_on"] == "2025-09-12"
    with session_scope(app_db_url) as session:
        user_id = session.execute(
            select(UserAccount.id).where(UserAccount.username == USERNAME)
        ).scalar_one()
        assert row.submitted_by_user_id == user_id
        evidence = session.execute(
            select(EvidenceFile).where(EvidenceFile.sha256 == answers["evidence"])
        ).scalar_one()
        assert evidence.mime == "image/png"

    page.goto(app_url + "/bieu-mau")
    expect(page.locator(".sent-item").first).to_contain_text(FORM_TITLE)


def test_offline_form_page_has_no_serious_violations(
    app_url: str, app_db_url: str, cadre: Page
) -> None:
    page = cadre
    page.context.set_offline(True)
    _open_offline(page, app_url + "/offline/")
    page.click("#open-nang_luc")  # repeating groups
    page.click("#ff-skills-add")
    page.fill("#ff-skills-0-description", "Soạn thảo văn bản hành chính trên máy tính.")
    page.click("#fill-queue")
    expect(page.locator("#ff-skills-0-skill-err")).to_contain_text("Vui lòng nhập")
    expect(page.locator("#fill-error")).to_have_text("Vui lòng sửa các lỗi được đánh dấu.")
    assert _serious(_axe(page)) == []
    page.click("#fill-close")
    page.click("#open-sang_kien")  # yes/no with a conditional field
    expect(page.locator("#wrap-ff-decision")).to_be_hidden()
    page.check("#ff-recognised-0")
    expect(page.locator("#wrap-ff-decision")).to_be_visible()
    assert _serious(_axe(page)) == []
