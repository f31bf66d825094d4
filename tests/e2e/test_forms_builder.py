"""An administrator builds a form with a conditional field and a required photo, publishes
it, a cadre fills it in; a second publish is version 2 and the old submission stays v1."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import Browser, Page, expect

from woms_pwa.core.db import session_scope
from woms_pwa.core.services.auth import create_account

from .conftest import PASSWORD, PHONE, sign_in

ADMIN = "quantri.bieumau"


def _admin_page(browser: Browser, app_url: str, app_db_url: str) -> Page:
    with session_scope(app_db_url) as session:
        create_account(session, username=ADMIN, password=PASSWORD, role="admin")
    context = browser.new_context(viewport=PHONE, locale="vi-VN", is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    sign_in(page, app_url, ADMIN)
    return page


def _add_field(
    page: Page,
    label: str,
    kind: str,
    *,
    required: bool = False,
    show_if: str = "",
    show_values: str = "",
) -> None:
    page.click("#add-field")
    page.fill("#edit-label", label)
    page.select_option("#edit-type", kind)
    if required:
        page.click("#edit-required")
    if show_if:
        page.select_option("#edit-show_if", show_if)
        page.fill("#edit-show_values", show_values)
    page.click("#save-field")
    expect(page.get_by_role("status")).to_contain_text(f"Đã lưu trường “{label}”.")


def test_admin_builds_publishes_and_cadre_fills(
    browser: Browser, app_url: str, app_db_url: str, phone: Page, tmp_path: Path
) -> None:
    admin = _admin_page(browser, app_url, app_db_url)
    admin.goto(app_url + "/quan-tri/bieu-mau")
    admin.fill("#new-title", "Kiểm tra trạm bơm")
    admin.fill("#new-code", "kiem_tra_tram_bom")
    admin.click("#create-form")
    admin.wait_for_url("**/quan-tri/bieu-mau/sua?form=kiem_tra_tram_bom")
    _add_field(admin, "Trạm bơm hoạt động tốt", "yes_no", required=True)
    _add_field(
        admin,
        "Ảnh hư hỏng",
        "photo",
        required=True,
        show_if="tram_bom_hoat_dong_tot",
        show_values="Không",
    )
    expect(admin.locator("#outline-anh_hu_hong")).to_contain_text(
        "hiện khi tram_bom_hoat_dong_tot = khong"
    )
    fields = admin.locator(".outline-field")
    admin.locator("#outline-anh_hu_hong .move-up").click()
    expect(fields.nth(1)).to_have_attribute("id", "outline-anh_hu_hong")
    admin.locator("#outline-anh_hu_hong .move-down").click()
    expect(fields.nth(2)).to_have_attribute("id", "outline-anh_hu_hong")
    admin.click("#toggle-preview")
    preview = admin.frame_locator("#phone-preview")
    expect(preview.get_by_text("Xem thử — không gửi được")).to_be_visible()
    expect(preview.get_by_role("button", name="Không")).to_be_visible()
    admin.click("#publish-form")
    expect(admin.get_by_role("status")).to_contain_text("Đã ban hành phiên bản 1.")

    sign_in(phone, app_url, "canbo.tanphong")
    phone.goto(app_url + "/bieu-mau")
    phone.click("#form-kiem_tra_tram_bom")
    phone.fill("#noi_dung", "Trạm bơm Đồng Xá")
    expect(phone.locator("#slot-0")).to_have_count(0)  # hidden until "Không"
    phone.get_by_role("button", name="Không").click()
    phone.click("#next-step")
    expect(phone.locator("#slot-0 .field-error")).to_have_text("Vui lòng đính kèm “Ảnh hư hỏng”.")
    photo = tmp_path / "tram-bom.png"
    out = io.BytesIO()
    Image.new("RGB", (640, 480), (0, 90, 160)).save(out, format="PNG")
    photo.write_bytes(out.getvalue())
    phone.set_input_files("#slot-0 input[type=file]", str(photo))
    expect(phone.locator("#slot-0 .attached-file")).to_contain_text("tram-bom.png")
    phone.click("#next-step")
    expect(phone.locator(".review-item").filter(has_text="Ảnh hư hỏng")).to_contain_text(
        "tram-bom.png"
    )
    phone.click("#submit-form")
    expect(phone.get_by_role("status").filter(has_text="Đã gửi biểu mẫu.")).to_be_visible()

    # A second publish makes version 2; the first submission still shows version 1.
    admin.reload()
    admin.locator("#outline-noi_dung .edit-field").click()
    admin.fill("#edit-label", "Tên trạm bơm")
    admin.click("#save-field")
    expect(admin.get_by_role("status")).to_contain_text("Đã lưu trường “Tên trạm bơm”.")
    admin.click("#publish-form")
    expect(admin.get_by_role("status")).to_contain_text("Đã ban hành phiên bản 2.")
    expect(admin.locator("#form-status")).to_contain_text("Đang dùng v2")
    expect(admin.locator(".submission-row").first).to_contain_text("Phiên bản 1")
    phone.goto(app_url + "/bieu-mau/dien?form=kiem_tra_tram_bom")
    expect(phone.get_by_text("Tên trạm bơm")).to_be_visible()
    admin.context.close()
