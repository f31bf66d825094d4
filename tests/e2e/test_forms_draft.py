"""A draft survives a page reload; a forged request that skips the client is refused."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from sqlmodel import func, select

from woms_pwa.core.db import session_scope
from woms_pwa.core.forms.models import FormSubmission

from .conftest import sign_in


def test_draft_survives_reload(app_url: str, phone: Page) -> None:
    sign_in(phone, app_url, "canbo.antao")
    phone.goto(app_url + "/bieu-mau")
    phone.click("#form-phat_sinh")
    phone.fill("#title", "Hỗ trợ người dân khắc phục hậu quả bão số 3")
    phone.get_by_role("button", name="Đối tượng phục vụ và các bên liên quan").click()
    expect(phone.locator("#draft-note")).to_contain_text("Đã lưu nháp")
    phone.reload()
    expect(phone.locator("#draft-note")).to_contain_text("Đã khôi phục bản nháp")
    expect(phone.locator("#title")).to_have_value("Hỗ trợ người dân khắc phục hậu quả bão số 3")
    expect(
        phone.get_by_role("button", name="Đối tượng phục vụ và các bên liên quan")
    ).to_have_attribute("aria-pressed", "true")


def test_forged_request_is_refused_in_vietnamese(
    app_url: str, app_db_url: str, phone: Page
) -> None:
    sign_in(phone, app_url, "canbo.antao")
    token = phone.evaluate("() => window.localStorage.getItem('woms_token')")
    with session_scope(app_db_url) as session:
        before = session.execute(select(func.count()).select_from(FormSubmission)).scalar_one()
    response = phone.request.post(
        app_url + "/api/forms/tu_danh_gia/submissions",
        headers={"Authorization": f"Bearer {token}"},
        data={
            "version": 1,
            "client_id": "forged-e2e-000001",
            "answers": {"assessment_pct": "150", "self_level": "6", "disciplined": "khong"},
        },
    )
    assert response.status == 422
    detail = response.json()["detail"]
    messages = {e["key"]: e["message"] for e in detail["errors"]}
    assert messages["assessment_pct"] == "“Điểm đánh giá được cung cấp” không được lớn hơn 100."
    assert messages["self_level"] == "Lựa chọn của “Mức tự đánh giá” không có trong danh sách."
    assert messages["study_pct"] == "Vui lòng nhập “Tỷ lệ tham gia học tập nghị quyết”."
    with session_scope(app_db_url) as session:
        after = session.execute(select(func.count()).select_from(FormSubmission)).scalar_one()
    assert after == before
